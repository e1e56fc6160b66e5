"""The PyInstaller build runs: it prints its version and draws its window offscreen."""

from __future__ import annotations

import importlib.util
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1200

pytestmark = pytest.mark.slow


def test_frozen_app_prints_its_version_and_saves_a_screenshot(tmp_path):
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    shot = tmp_path / "screenshot.png"
    script = ROOT / "packaging" / "build.py"
    options = ["--dist", tmp_path / "dist", "--work", tmp_path / "work", "--screenshot", shot]
    build = subprocess.run(
        [sys.executable, script, *options],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert build.returncode == 0, build.stdout + build.stderr

    exe = tmp_path / "dist" / "slant" / ("slant.exe" if sys.platform == "win32" else "slant")
    shown = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0
    assert shown.stdout.strip() == f"slant {__version__}"

    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 640 and height >= 400  # a whole window, not an empty image
