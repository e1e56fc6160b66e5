"""Starting on an X11 desktop that lacks Qt's X11 libraries names the packages to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.x11_libraries import (
    XCB_PLUGIN_NEEDS,
    missing_libraries_message,
    missing_packages,
    qt_would_use_xcb,
)

# The real command line, in a process of its own (so that no QApplication exists yet), with
# the library lookup replaced: the libraries named in argv[2:] are "not installed".
SCRIPT = """
import sys
from app import x11_libraries
absent = set(sys.argv[2:])
x11_libraries.library_loads = lambda soname: soname not in absent
from app.cli import main
sys.exit(main([sys.argv[1]]))
"""
ABSENT = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")


def run_slant(tmp_path: Path, environ: dict[str, str], *absent: str):
    article = tmp_path / "story.txt"
    article.write_text("Title\n\nA sentence.\n", encoding="utf-8")
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "XDG_S"))}
    env = {**kept, "SLANT_HOME": str(tmp_path / "home"), **environ}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, str(article), *absent],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_slant_names_the_packages_to_install_instead_of_letting_qt_abort(tmp_path) -> None:
    result = run_slant(tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":97"}, *ABSENT)
    error = result.stderr.decode("utf-8")
    assert result.returncode == 1, error
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in error
    assert "Could not load the Qt platform plugin" not in error


def test_offscreen_starts_without_asking_for_x11_libraries(tmp_path) -> None:
    shot = tmp_path / "shot.png"
    article = tmp_path / "story.txt"
    article.write_text("Title\n\nA sentence.\n", encoding="utf-8")
    script = SCRIPT.replace(
        "main([sys.argv[1]])", f"main([sys.argv[1], '--screenshot', {str(shot)!r}])"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SLANT_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", script, str(article), *XCB_PLUGIN_NEEDS],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert shot.exists()


@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb;wayland"}, True),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, False),
    ],
)
def test_only_a_start_on_x11_is_checked(environ, xcb) -> None:
    assert qt_would_use_xcb(environ, "linux") is xcb
    message = missing_libraries_message(environ, lambda soname: False, "linux")
    assert bool(message) is xcb


def test_nothing_is_said_when_every_library_loads_or_off_linux() -> None:
    assert missing_packages(lambda soname: True) == []
    assert missing_libraries_message({"DISPLAY": ":0"}, lambda soname: True, "linux") == ""
    assert missing_libraries_message({}, lambda soname: False, "win32") == ""
    assert missing_libraries_message({}, lambda soname: False, "darwin") == ""


def test_the_real_lookup_finds_a_library_that_is_there_and_not_one_that_is_not() -> None:
    from app.x11_libraries import library_loads

    assert library_loads("libc.so.6") is sys.platform.startswith("linux")
    assert not library_loads("libslant-no-such-library.so.0")
