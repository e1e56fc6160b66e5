#!/usr/bin/env bash
# CI for packaging. Without arguments: install the desktop-file validators so that
# tests/packaging checks the .desktop, AppStream and MIME files instead of skipping.
# With --frozen: also build the PyInstaller app in .venv and smoke-test it (about 15 s).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
# pdftotext lets the print tests read the text of exported PDFs.
command -v pdftotext >/dev/null || need+=(poppler-utils)
# soffice lets the class-output test check that LibreOffice reads agreement.csv's numbers
# as numbers (issue 17), instead of skipping.
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
if [ "${1:-}" = "--frozen" ]; then
    # PyInstaller finds shared libraries with ldd and objdump; Qt's xcb platform plugin
    # needs these X11 libraries, which are bundled only if the build machine has them.
    command -v objdump >/dev/null || need+=(binutils)
    need+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
        libxcb-xkb1 libxkbcommon-x11-0)
fi
if [ "${#need[@]}" -gt 0 ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        "${need[@]}" >/dev/null
fi
desktop-file-validate --help >/dev/null
appstreamcli --version

if [ "${1:-}" = "--frozen" ]; then
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install -q -e ".[build]"
    time .venv/bin/python packaging/build.py
fi
