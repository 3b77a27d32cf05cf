#!/usr/bin/env bash
# Installs the standalone jdeditor for the current user, no root needed: the bundle folder, a
# `jdeditor` command, the menu entry, the icon and the *.jd.json file type, so that a
# double-click on a posting opens it in jdeditor.
#
#   ./install.sh [BUNDLE]        BUNDLE: the folder holding the `jdeditor` executable
#                                (default: the folder of this script, as the bundle ships it)
#   ./install.sh --uninstall     removes all of it again; your presets and settings stay
#
# Where (XDG base directories; set them, or PREFIX, to install elsewhere):
#   $PREFIX/lib/jdeditor/               the bundle          (PREFIX default: ~/.local)
#   $PREFIX/bin/jdeditor                a link to its executable
#   $XDG_DATA_HOME/applications/jdeditor.desktop            (default: ~/.local/share)
#   $XDG_DATA_HOME/icons/hicolor/scalable/apps/jdeditor.svg
#   $XDG_DATA_HOME/mime/packages/jdeditor-mime.xml          the type application/x-jdeditor-posting
# Uses update-mime-database, update-desktop-database, xdg-mime and desktop-file-validate when
# they are installed (Debian: shared-mime-info, desktop-file-utils, xdg-utils), and says which
# step it skipped when one is not.
set -euo pipefail

NAME=jdeditor
MIME_TYPE=application/x-jdeditor-posting
PREFIX=${PREFIX:-$HOME/.local}
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
LIB=$PREFIX/lib/$NAME
BIN=$PREFIX/bin
APPS=$DATA/applications
ICON=$DATA/icons/hicolor/scalable/apps/$NAME.svg
MIME_PACKAGE=$DATA/mime/packages/$NAME-mime.xml

say() { echo "install.sh: $*"; }
has() { command -v "$1" >/dev/null 2>&1; }

# rm -rf only a folder that is a jdeditor bundle (the executable and _internal/) or is not
# there at all: never a folder PREFIX happens to name that holds something else.
check_removable() {
  if [ ! -e "$1" ] && [ ! -L "$1" ]; then
    return 0
  fi
  if [ -L "$1" ] || [ ! -d "$1" ] || [ ! -x "$1/$NAME" ] || [ ! -d "$1/_internal" ]; then
    say "refusing to remove $1: it is not a jdeditor bundle (the '$NAME' executable and" \
      "_internal/); move it away first" >&2
    exit 2
  fi
}
remove_bundle() {
  check_removable "$1"
  rm -rf "$1"
}

refresh_databases() {
  if has update-mime-database; then
    update-mime-database "$DATA/mime"
  else
    say "update-mime-database is missing (shared-mime-info): *.jd.json is not known as a" \
      "posting until it runs"
  fi
  if has update-desktop-database; then
    update-desktop-database "$APPS"
  fi
  # The icon theme notices the new icon by the folder's time (no cache in a user's hicolor).
  touch "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ "${1-}" = --uninstall ]; then
  check_removable "$LIB"
  if [ -L "$BIN/$NAME" ] && [ "$(readlink "$BIN/$NAME")" = "$LIB/$NAME" ]; then
    rm -f "$BIN/$NAME"
  fi
  remove_bundle "$LIB"
  rm -f "$APPS/$NAME.desktop" "$ICON" "$MIME_PACKAGE"
  # The default that install.sh set with xdg-mime (which has no command to unset one).
  mimeapps=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
  if [ -f "$mimeapps" ]; then
    sed -i "\|^$MIME_TYPE=$NAME.desktop;*\$|d" "$mimeapps"
  fi
  mkdir -p "$DATA/mime" "$APPS"
  refresh_databases
  say "removed jdeditor; your presets, dictionary and settings are where they were"
  exit 0
fi

bundle=$(cd "${1:-$(dirname "$0")}" && pwd)
if [ ! -x "$bundle/$NAME" ] || [ ! -d "$bundle/_internal" ]; then
  say "$bundle holds no jdeditor bundle (the folder with the '$NAME' executable and _internal/)" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
for file in "$NAME.desktop" "$NAME-mime.xml"; do
  [ -f "$here/$file" ] || { say "$here/$file is missing" >&2; exit 2; }
done
case $LIB in
  *[\"\`\$\\]*)
    # The desktop entry's Exec line would need these escaped; refuse rather than guess.
    say "cannot install under $LIB: the path holds a quote, \$, \` or backslash" >&2
    exit 2
    ;;
esac

# The bundle: copied whole beside the old one, then swapped in, so a failed copy leaves the
# installed jdeditor as it was. Installing from the installed folder itself copies nothing.
if [ "$bundle" != "$(cd "$LIB" 2>/dev/null && pwd)" ]; then
  mkdir -p "$(dirname "$LIB")"
  remove_bundle "$LIB.new"
  check_removable "$LIB" # before the copy, so a refusal leaves nothing half done
  cp -a "$bundle" "$LIB.new"
  remove_bundle "$LIB"
  mv "$LIB.new" "$LIB"
fi
mkdir -p "$BIN" "$APPS" "$(dirname "$ICON")" "$(dirname "$MIME_PACKAGE")"
ln -sfn "$LIB/$NAME" "$BIN/$NAME"

# The menu entry runs the installed executable by its full path: ~/.local/bin is not on
# every desktop session's PATH.
sed -e "s|^Exec=$NAME |Exec=\"$LIB/$NAME\" |" -e "s|^TryExec=$NAME\$|TryExec=$LIB/$NAME|" \
  "$here/$NAME.desktop" >"$APPS/$NAME.desktop"
if has desktop-file-validate; then
  desktop-file-validate "$APPS/$NAME.desktop"
fi
install -m 644 "$LIB/_internal/$NAME/resources/icons/$NAME.svg" "$ICON"
install -m 644 "$here/$NAME-mime.xml" "$MIME_PACKAGE"
refresh_databases
if has xdg-mime; then
  # jdeditor is the only application for its own type; this makes it the default even where
  # the desktop would otherwise pick the application/json handler it is a kind of.
  xdg-mime default "$NAME.desktop" "$MIME_TYPE"
else
  say "xdg-mime is missing (xdg-utils): skipped making jdeditor the default for postings"
fi

say "installed $("$LIB/$NAME" --version) in $LIB"
say "menu entry $APPS/$NAME.desktop; *.jd.json files open in jdeditor"
case ":$PATH:" in
  *":$BIN:"*) say "run it as: $NAME" ;;
  *) say "run it as: $BIN/$NAME ($BIN is not on your PATH)" ;;
esac
