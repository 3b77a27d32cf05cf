#!/usr/bin/env bash
# Smoke test of the real window, as a user gets it: install jdeditor the README's way (a fresh
# venv, `pip install .`, not editable), start the installed `jdeditor` under Xvfb with Qt's X11
# (xcb) platform, wait for its window to be mapped, then quit it with Ctrl+Q.
#
# Why: the tests run Qt offscreen, which needs none of the X11 libraries; every test passed
# while the README's install gave a window that would not open (libxcb-icccm4, … missing).
#
# Needs python3, Xvfb and xvfb-run (Debian: xvfb), xauth and xdotool. Works without a display,
# without stdin and as root. The app gets a fresh HOME and XDG folders in a temporary folder,
# so it never touches a real user's settings, presets or autosave.
# Exit 0 when the window appeared and the app quit cleanly with no "Traceback" on its stderr;
# 1 otherwise, with jdeditor's stderr.
set -euo pipefail

WINDOW_TIMEOUT=${WINDOW_TIMEOUT:-30} # seconds until the window must be on screen
QUIT_TIMEOUT=10                      # seconds from Ctrl+Q until the process must be gone

self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0") # absolute: the second half re-runs it
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if [ "${1-}" = --in-display ]; then
  # Second half, run by xvfb-run with DISPLAY set: start, wait for the window, quit.
  work=$2
  log() { echo "smoke: $*"; }
  fail() {
    echo "smoke: FAIL: $*" >&2
    echo "--- jdeditor stderr ---" >&2
    cat "$work/stderr" >&2
    echo "--- end of jdeditor stderr ---" >&2
    exit 1
  }
  started=$(now)
  "$work/venv/bin/jdeditor" </dev/null >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  # Never leave the app behind, whatever happens below.
  trap 'kill "$pid" 2>/dev/null || true' EXIT

  window=""
  while [ -z "$window" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      status=0
      wait "$pid" || status=$?
      fail "jdeditor exited with code $status before its window appeared"
    fi
    if awk -v s="$(since "$started")" -v t="$WINDOW_TIMEOUT" 'BEGIN { exit !(s >= t) }'; then
      fail "no jdeditor window on $DISPLAY after $WINDOW_TIMEOUT s"
    fi
    sleep 0.2
    # --onlyvisible: mapped on screen, not merely created; the class is Qt's application name.
    window=$(xdotool search --onlyvisible --class '^jdeditor$' 2>/dev/null | head -n 1 || true)
  done
  size=$(xdotool getwindowgeometry "$window" | sed -n 's/^ *Geometry: //p')
  log "window \"$(xdotool getwindowname "$window")\" ($size) on screen $(since "$started") s after start"

  # The presets and the form load right after the first paint: give them time to fail.
  sleep 2
  kill -0 "$pid" 2>/dev/null || fail "jdeditor exited after its window appeared"
  log "still running 2 s later, titled \"$(xdotool getwindowname "$window")\""

  # A first start shows the start page over the window: close it as a user would (Esc gives a
  # blank posting), so that Ctrl+Q reaches the window.
  for other in $(xdotool search --onlyvisible --class '^jdeditor$' 2>/dev/null); do
    [ "$other" = "$window" ] && continue
    log "closing \"$(xdotool getwindowname "$other")\" with Esc"
    xdotool windowfocus --sync "$other" key --clearmodifiers Escape || fail "xdotool could not send Esc"
    sleep 0.5
  done

  # Quit as a user would. Without a window manager nothing gives the window the focus: set it.
  quit_at=$(now)
  xdotool windowfocus --sync "$window" key --clearmodifiers ctrl+q || fail "xdotool could not send Ctrl+Q"
  while kill -0 "$pid" 2>/dev/null; do
    if awk -v s="$(since "$quit_at")" -v t="$QUIT_TIMEOUT" 'BEGIN { exit !(s >= t) }'; then
      fail "jdeditor still running $QUIT_TIMEOUT s after Ctrl+Q"
    fi
    sleep 0.2
  done
  status=0
  wait "$pid" || status=$?
  [ "$status" = 0 ] || fail "jdeditor quit with code $status"
  # A traceback the app caught and printed (a failed slot, say) is a failure all the same.
  if grep -q Traceback "$work/stderr"; then
    fail "a Python traceback on jdeditor's stderr"
  fi
  log "quit with code 0 after Ctrl+Q"
  if [ -s "$work/stderr" ]; then
    log "jdeditor's stderr (not an error by itself):"
    sed 's/^/  /' "$work/stderr"
  fi
  exit 0
fi

cd "$(dirname "$self")/.."
for tool in python3 xvfb-run Xvfb xauth xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "smoke: $tool is missing (Debian: apt-get install xvfb xauth xdotool)" >&2
    exit 1
  fi
done

begin=$(now)
work=$(mktemp -d "${TMPDIR:-/tmp}/jdeditor-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The README's install command, into a venv of its own: what a user runs, not the test venv.
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet .
echo "smoke: installed with 'pip install .' into a fresh venv in $(since "$begin") s"

# Set after pip ran, so pip still finds its cache and configuration in the real HOME.
export HOME="$work/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_STATE_HOME="$HOME/.local/state" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
# Qt's real X11 platform: no offscreen, and no Wayland for Qt to prefer.
unset QT_QPA_PLATFORM WAYLAND_DISPLAY XDG_SESSION_TYPE

xvfb_started=$(now)
xvfb-run --auto-servernum --error-file="$work/xvfb.log" \
  --server-args="-screen 0 1280x900x24 -nolisten tcp" \
  bash "$self" --in-display "$work" || {
  status=$?
  if [ -s "$work/xvfb.log" ]; then
    echo "--- Xvfb log ---" >&2
    cat "$work/xvfb.log" >&2
  fi
  exit "$status"
}
echo "smoke: passed; window test $(since "$xvfb_started") s, whole smoke test $(since "$begin") s"
