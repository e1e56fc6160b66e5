"""Before Qt starts on X11: name the Debian/Ubuntu packages its xcb plugin needs and lacks.

Without them Qt prints "Could not load the Qt platform plugin" and aborts the process, a
message that names no package; this check runs first and says what to install.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

# What Qt's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so.6) links against and
# PySide6 does not ship, with the Debian/Ubuntu package that holds each library. The
# first three are the ones a desktop without Qt applications usually lacks.
XCB_PLUGIN_NEEDS = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def library_loads(soname: str) -> bool:
    """True when the dynamic loader finds and loads the shared library *soname*.

    Loading it, rather than asking ldconfig, searches where Qt's own loading will search
    (LD_LIBRARY_PATH included) and costs no process; Qt loads these libraries next anyway.
    """
    import ctypes  # 5 ms to import, and only an X11 start-up gets this far

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def qt_would_use_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt, started now, would load its xcb (X11) platform plugin first.

    That is on Linux when QT_QPA_PLATFORM names xcb first, or is unset on a desktop that
    is not a Wayland session (Qt tries Wayland first there, and offscreen never needs X11).
    """
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        first = chosen.split(";")[0].split(":")[0].strip()
        return first == "xcb"
    wayland = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages holding the xcb plugin's libraries that cannot be loaded, in order.

    *loads* tells whether a library can be loaded (by default library_loads).
    """
    check = loads if loads is not None else library_loads
    return [package for soname, package in XCB_PLUGIN_NEEDS.items() if not check(soname)]


def missing_libraries_message(
    environ: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] | None = None,
    platform: str = sys.platform,
) -> str:
    """What to print instead of starting Qt when X11 libraries are missing, else "".

    *environ* defaults to the process environment and *loads* to library_loads.
    """
    if not qt_would_use_xcb(os.environ if environ is None else environ, platform):
        return ""
    packages = missing_packages(loads)
    if not packages:
        return ""
    return (
        "slant: the window cannot open: Qt needs X11 libraries that are not installed.\n"
        "On Debian or Ubuntu, install them with\n\n"
        f"    sudo apt install {' '.join(packages)}\n\n"
        "and start slant again. The headless commands (slant --help) work without them."
    )
