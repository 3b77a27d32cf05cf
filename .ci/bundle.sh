#!/usr/bin/env bash
# The standalone app, built and smoke-tested as a hiring manager gets it: PyInstaller builds
# packaging/jdeditor.spec from a fresh venv (`pip install .`, the README's way) into a
# temporary folder; then, with the build venv moved away and no Python on the PATH, the bundle
# exports every preset and every format from the command line, opens its real window under
# Xvfb with Qt's X11 (xcb) platform and quits, and installs its menu entry and file type into
# a temporary HOME. tests/test_bundle.py then checks its contents with the project's pytest,
# and benchmarks/bundle_benchmark.py prints its size and start-up against the wheel.
#
# Needs: python3, Xvfb, xvfb-run, xauth, xdotool (as .ci/run installs them), and the project's
# test venv (.venv, made by .ci/run) for pytest. Uses desktop-file-validate, xdg-mime with
# mimetype, and update-mime-database (desktop-file-utils, xdg-utils, libfile-mimeinfo-perl,
# shared-mime-info): required when CI=true; elsewhere it says what it skipped without them.
# Any "Traceback" on the bundle's stderr (window or command line) fails the run.
# Environment: KEEP_BUNDLE=DIR keeps the built bundle there (DIR must be absent, empty or an
# earlier jdeditor bundle: nothing else is removed); BENCHMARK_RUNS (default 3).
# Exit 0 when every step passed; 1 otherwise, with what failed.
set -euo pipefail

WINDOW_TIMEOUT=${WINDOW_TIMEOUT:-30} # seconds until the window must be on screen
QUIT_TIMEOUT=10                      # seconds from Ctrl+Q until the process must be gone
BENCHMARK_RUNS=${BENCHMARK_RUNS:-3}

self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0") # absolute: the second half re-runs it
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "bundle: $*"; }
fail() {
  echo "bundle: FAIL: $*" >&2
  exit 1
}
# A desktop tool: required in CI (CI=true), else skipped with a message. True when it is there.
desktop_tool() { # tool, package
  command -v "$1" >/dev/null && return 0
  [ "${CI-}" = true ] && fail "$1 is missing (Debian: apt-get install $2); CI requires it"
  log "skipped $1 (install $2 to check it)"
  return 1
}
no_traceback() { # what, stderr file
  if grep -q Traceback "$2"; then
    cat "$2" >&2
    fail "$1: a Python traceback on stderr"
  fi
}

# The bundle as a user without Python runs it: an empty environment, a PATH of one empty
# folder (no python3, no python; the bundle needs no other program), a HOME of its own.
bare() {
  env -i PATH="$work/nopython" HOME="$work/home" LANG=C.UTF-8 \
    XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache" \
    XDG_RUNTIME_DIR="$work/runtime" "$@"
}

if [ "${1-}" = --in-display ]; then
  # Second half, run by xvfb-run with DISPLAY set: start the window, wait for it, quit.
  work=$2
  app="$work/dist/jdeditor/jdeditor"
  started=$(now)
  bare DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY-}" QT_QPA_PLATFORM=xcb \
    "$app" </dev/null >"$work/window.out" 2>"$work/window.err" &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  window_fail() {
    echo "--- jdeditor's stderr ---" >&2
    cat "$work/window.err" >&2
    fail "$@"
  }
  window=""
  while [ -z "$window" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      status=0
      wait "$pid" || status=$?
      window_fail "the bundle exited with code $status before its window appeared"
    fi
    if awk -v s="$(since "$started")" -v t="$WINDOW_TIMEOUT" 'BEGIN { exit !(s >= t) }'; then
      window_fail "no jdeditor window on $DISPLAY after $WINDOW_TIMEOUT s"
    fi
    sleep 0.1
    window=$(xdotool search --onlyvisible --class '^jdeditor$' 2>/dev/null | head -n 1 || true)
  done
  title=$(xdotool getwindowname "$window")
  log "window \"$title\" on screen $(since "$started") s after start"
  case $title in
    *jdeditor*) ;;
    *) window_fail "the window is titled \"$title\", not after jdeditor" ;;
  esac
  sleep 2 # presets, form and start page load after the first paint: give them time to fail
  kill -0 "$pid" 2>/dev/null || window_fail "the bundle exited after its window appeared"
  for other in $(xdotool search --onlyvisible --class '^jdeditor$' 2>/dev/null); do
    [ "$other" = "$window" ] && continue
    log "closing \"$(xdotool getwindowname "$other")\" with Esc"
    xdotool windowfocus --sync "$other" key --clearmodifiers Escape || window_fail "no Esc"
    sleep 0.5
  done
  quit_at=$(now)
  xdotool windowfocus --sync "$window" key --clearmodifiers ctrl+q || window_fail "no Ctrl+Q"
  while kill -0 "$pid" 2>/dev/null; do
    if awk -v s="$(since "$quit_at")" -v t="$QUIT_TIMEOUT" 'BEGIN { exit !(s >= t) }'; then
      window_fail "the bundle still runs $QUIT_TIMEOUT s after Ctrl+Q"
    fi
    sleep 0.2
  done
  status=0
  wait "$pid" || status=$?
  [ "$status" = 0 ] || window_fail "the bundle quit with code $status"
  grep -q Traceback "$work/window.err" && window_fail "a Python traceback on the window's stderr"
  log "quit with code 0 after Ctrl+Q"
  exit 0
fi

cd "$(dirname "$self")/.."
for tool in python3 xvfb-run Xvfb xauth xdotool; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install xvfb xauth xdotool)"
done
[ -x .venv/bin/python ] || fail "no .venv: make the test venv first (README: Set up; .ci/run)"
# KEEP_BUNDLE is removed and replaced at the end, so it must be nothing, an empty folder, or a
# jdeditor bundle kept by an earlier run: checked before the build and again before rm.
check_keep_bundle() {
  if [ -e "$KEEP_BUNDLE" ] || [ -L "$KEEP_BUNDLE" ]; then
    if [ -L "$KEEP_BUNDLE" ] || [ ! -d "$KEEP_BUNDLE" ]; then
      fail "KEEP_BUNDLE=$KEEP_BUNDLE is not a folder: refusing to replace it"
    elif [ -n "$(ls -A "$KEEP_BUNDLE")" ] &&
      { [ ! -x "$KEEP_BUNDLE/jdeditor" ] || [ ! -d "$KEEP_BUNDLE/_internal" ]; }; then
      fail "KEEP_BUNDLE=$KEEP_BUNDLE holds something other than a jdeditor bundle: refusing" \
        "to remove it"
    fi
  fi
}
if [ -n "${KEEP_BUNDLE-}" ]; then check_keep_bundle; fi

begin=$(now)
work=$(mktemp -d "${TMPDIR:-/tmp}/jdeditor-bundle.XXXXXX")
cleanup() {
  # The build venv is moved away while the bundle runs: put it back so rm sees one tree.
  [ -d "$work/venv.away" ] && mv "$work/venv.away" "$work/venv"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/nopython" "$work/home" && mkdir -m 700 "$work/runtime"
bundle="$work/dist/jdeditor"

# 1. Build, from a clean state: a fresh venv with the app installed as the README installs
#    it (the build compiles the translations into the package) and PyInstaller beside it;
#    PyInstaller's work and output folders outside the repository.
step=$(now)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet . "pyinstaller>=6.10" >"$work/pip.log" 2>&1 || {
  cat "$work/pip.log" >&2
  fail "pip install . pyinstaller failed"
}
log "installed jdeditor and $("$work/venv/bin/pyinstaller" --version | sed 's/^/PyInstaller /') in $(since "$step") s"
step=$(now)
"$work/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" packaging/jdeditor.spec
[ -x "$bundle/jdeditor" ] || fail "PyInstaller made no $bundle/jdeditor"
log "built $bundle in $(since "$step") s: $(du -sh "$bundle" | cut -f1) on disk"

# 2. The command line, with no Python anywhere the bundle could find one.
mv "$work/venv" "$work/venv.away"
if bare /bin/sh -c 'command -v python3 || command -v python' >/dev/null; then
  fail "the smoke test's PATH has a Python on it"
fi
step=$(now)
check_cli() { # what, then the command: its output goes to $work/cli.out
  local what=$1
  shift
  if ! bare "$bundle/jdeditor" "$@" >"$work/cli.out" 2>"$work/cli.err"; then
    cat "$work/cli.err" >&2
    fail "jdeditor $*: $what"
  fi
  no_traceback "jdeditor $*" "$work/cli.err"
}
check_cli "prints its version" --version
log "$(cat "$work/cli.out") runs without Python"
check_cli "exports every preset" export --all-presets -d "$work/out"
presets=$(find presets -name '*.jd.json' | wc -l)
exported=$(find "$work/out" -name '*.docx' | wc -l)
[ "$exported" = "$presets" ] || fail "export --all-presets wrote $exported .docx for $presets presets"
check_cli "exports every format" export Agent 呼叫中心客服专员 -d "$work/formats" \
  --format docx,pdf,html,md,txt,jsonld
for suffix in docx pdf html md txt jsonld; do
  for name in Agent 呼叫中心客服专员; do
    [ -s "$work/formats/$name.$suffix" ] || fail "no $name.$suffix"
  done
done
head -c 5 "$work/formats/Agent.pdf" | grep -q '%PDF-' || fail "Agent.pdf is not a PDF"
check_cli "gives advice" check Agent
grep -q '\[wording\.' "$work/cli.out" || fail "check Agent gave no wording advice"
check_cli "shows a Chinese preset" presets show 呼叫中心客服专员
grep -q 岗位职责 "$work/cli.out" || fail "presets show 呼叫中心客服专员 has no 岗位职责"
check_cli "speaks Chinese" --lang zh_CN check Agent
grep -q 占位符 "$work/cli.out" || fail "--lang zh_CN check Agent is not in Chinese"
# A team folder from the settings file, as the window's Add Team Folder writes it.
mkdir -p "$work/team" "$work/home/.config/jdeditor"
cp presets/Agent.jd.json "$work/team/Night Agent.jd.json"
printf '{"team_folders": [{"path": "%s", "name": "Support team"}]}\n' "$work/team" \
  >"$work/home/.config/jdeditor/settings.json"
check_cli "lists a team folder's preset" presets list
grep -q 'Night Agent.*team:Support team' "$work/cli.out" ||
  fail "presets list does not show the team folder's preset: $(cat "$work/cli.out")"
[ ! -s "$work/cli.err" ] || fail "presets list with a team folder wrote: $(cat "$work/cli.err")"
rm "$work/home/.config/jdeditor/settings.json"
log "command line: $presets presets to .docx, 2 postings to 6 formats, check, show, --lang" \
  "zh_CN, a team folder in $(since "$step") s"

# 3. The window, on X11 under Xvfb, started by the same bare environment.
step=$(now)
xvfb-run --auto-servernum --error-file="$work/xvfb.log" \
  --server-args="-screen 0 1280x900x24 -nolisten tcp" \
  bash "$self" --in-display "$work" || {
  status=$?
  [ -s "$work/xvfb.log" ] && cat "$work/xvfb.log" >&2
  exit "$status"
}
log "window test in $(since "$step") s"

# 4. Desktop integration: install.sh into a temporary HOME, what the desktop then knows.
step=$(now)
if desktop_tool desktop-file-validate desktop-file-utils; then
  desktop-file-validate packaging/linux/jdeditor.desktop || fail "jdeditor.desktop is not valid"
fi
desk="$work/desktop"
mkdir -p "$desk"
(
  export HOME="$desk" XDG_DATA_HOME="$desk/share" XDG_CONFIG_HOME="$desk/config"
  unset XDG_CURRENT_DESKTOP XDG_DATA_DIRS
  "$bundle/install.sh" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
  "$desk/.local/bin/jdeditor" --version >/dev/null || fail "the installed jdeditor does not run"
  grep -q "^Exec=\"$desk/.local/lib/jdeditor/jdeditor\" %f$" "$desk/share/applications/jdeditor.desktop" ||
    fail "the installed menu entry does not run the installed bundle"
  [ -s "$desk/share/icons/hicolor/scalable/apps/jdeditor.svg" ] || fail "no icon installed"
  cp presets/Agent.jd.json "$desk/posting.jd.json"
  if desktop_tool update-mime-database shared-mime-info; then
    grep -q '^[0-9]*:application/x-jdeditor-posting:\*\.jd\.json$' "$desk/share/mime/globs2" ||
      fail "the MIME database has no *.jd.json glob"
    if desktop_tool xdg-mime xdg-utils && desktop_tool mimetype libfile-mimeinfo-perl; then
      type=$(xdg-mime query filetype "$desk/posting.jd.json")
      [ "$type" = application/x-jdeditor-posting ] || fail "xdg-mime: posting.jd.json is $type"
      handler=$(xdg-mime query default application/x-jdeditor-posting)
      [ "$handler" = jdeditor.desktop ] || fail "xdg-mime: postings open with '$handler'"
      log "xdg-mime: posting.jd.json is $type, opened by $handler"
    fi
  fi
  "$bundle/install.sh" --uninstall >>"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
  [ ! -e "$desk/.local/lib/jdeditor" ] && [ ! -e "$desk/share/applications/jdeditor.desktop" ] ||
    fail "install.sh --uninstall left jdeditor behind"
)
log "install.sh and --uninstall into a temporary HOME in $(since "$step") s"

# 5. The bundle's contents and its output against the source's, with the project's pytest.
step=$(now)
JDEDITOR_BUNDLE="$bundle" .venv/bin/python -m pytest -q tests/test_bundle.py
log "tests/test_bundle.py in $(since "$step") s"
mv "$work/venv.away" "$work/venv"

# 6. Size and start-up against the wheel installed in the build venv (ratios, no goal).
step=$(now)
"$work/venv/bin/python" benchmarks/bundle_benchmark.py --bundle "$bundle" --runs "$BENCHMARK_RUNS"
log "benchmark in $(since "$step") s"

if [ -n "${KEEP_BUNDLE-}" ]; then
  check_keep_bundle
  rm -rf "$KEEP_BUNDLE" && mkdir -p "$(dirname "$KEEP_BUNDLE")" && cp -a "$bundle" "$KEEP_BUNDLE"
  log "kept the bundle in $KEEP_BUNDLE"
fi
log "passed in $(since "$begin") s; the bundle is $(du -sh "$bundle" | cut -f1)"
