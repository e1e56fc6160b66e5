#!/bin/sh
# Install Slant's menu entry, icons, AppStream metadata and file type for one user,
# or system-wide with --data-dir /usr/local/share (as root). --uninstall removes them.
# The `slant` command itself comes from pip or from the frozen build (see docs/INSTALL.md).
set -eu

APP_ID=io.github.slant_edu.Slant
HERE=$(cd "$(dirname "$0")" && pwd)
ICONS=$(cd "$HERE/../../resources/icons" && pwd)
DATA_DIR=${XDG_DATA_HOME:-$HOME/.local/share}
ACTION=install

usage() {
    echo "usage: $0 [--data-dir DIR] [--uninstall]" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
        --data-dir) [ $# -ge 2 ] || usage; DATA_DIR=$2; shift 2 ;;
        --uninstall) ACTION=uninstall; shift ;;
        *) usage ;;
    esac
done

# Every file this script manages, as "source destination" pairs.
files() {
    echo "$HERE/$APP_ID.desktop $DATA_DIR/applications/$APP_ID.desktop"
    echo "$HERE/$APP_ID.metainfo.xml $DATA_DIR/metainfo/$APP_ID.metainfo.xml"
    echo "$HERE/$APP_ID-mime.xml $DATA_DIR/mime/packages/$APP_ID.xml"
    echo "$ICONS/slant.svg $DATA_DIR/icons/hicolor/scalable/apps/$APP_ID.svg"
    for png in "$ICONS"/hicolor/*/apps/"$APP_ID".png; do
        size=$(basename "$(dirname "$(dirname "$png")")")
        echo "$png $DATA_DIR/icons/hicolor/$size/apps/$APP_ID.png"
    done
}

files | while read -r source target; do
    if [ "$ACTION" = install ]; then
        mkdir -p "$(dirname "$target")"
        cp "$source" "$target"
        echo "installed $target"
    elif [ -e "$target" ]; then
        rm "$target"
        echo "removed $target"
    fi
done

# Refresh the caches that menus and file managers read; each tool is optional.
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA_DIR/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_DIR/applications" 2>/dev/null || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_DIR/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA_DIR/icons/hicolor" 2>/dev/null || true
fi
