"""The Linux desktop files validate, agree with each other, and install where desktops look."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core.sidecar import SIDECAR_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.slant_edu.Slant"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}-mime.xml"
INSTALL_SH = LINUX / "install.sh"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SLANT_MIME = "application/x-slant-annotations+json"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (.ci/packaging.sh installs it)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Hints may stay: Education;Office; lists two main categories on purpose.
    assert "error:" not in output and "warning:" not in output, output


def test_metainfo_passes_appstreamcli_validate_without_warnings():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    problems = [line for line in output.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == [], output


def test_desktop_entry_launches_slant_with_its_icon_and_file_types():
    entry = _desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    program = entry["Exec"].split()[0]
    assert program in scripts
    assert entry["Exec"].endswith("%f")
    assert entry["Icon"] == APP_ID
    assert entry["Categories"].split(";")[:2] == ["Education", "Office"]
    mime_types = entry["MimeType"].split(";")
    for mime_type in ("text/markdown", "text/html", "text/plain", SLANT_MIME):
        assert mime_type in mime_types


def test_metainfo_names_the_desktop_file_binary_and_release():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"].split()[0]
    assert root.findtext("provides/mediatype") == SLANT_MIME
    from app import __version__

    assert root.find("releases/release").get("version") == __version__


def test_mime_definition_matches_the_sidecar_suffix():
    root = ET.parse(MIME_XML).getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime.get("type") == SLANT_MIME
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    glob = mime.find(f"{MIME_NS}glob")
    assert glob.get("pattern") == f"*{SIDECAR_SUFFIX}"
    assert int(glob.get("weight")) > 50  # beats the shared *.json glob


@pytest.mark.parametrize("size", PNG_SIZES)
def test_app_icon_png_exists_at_each_size(size):
    data = (ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
    assert _png_size(data) == (size, size)
    assert data[25] == 6  # RGBA, so the page's corners stay transparent


def test_windows_icon_holds_every_size_as_png():
    data = (ICONS / "slant.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        image = data[offset : offset + length]
        side = width or 256
        assert _png_size(image) == (side, height or 256)
        sizes.append(side)
    assert sorted(sizes) == list(ICO_SIZES)


@pytest.mark.skipif(sys.platform == "win32", reason="the install script is for Linux")
def test_install_script_puts_files_where_desktops_look_and_uninstall_removes_them(tmp_path):
    data = tmp_path / "share"
    subprocess.run(["sh", str(INSTALL_SH), "--data-dir", str(data)], check=True)
    expected = [
        data / "applications" / DESKTOP.name,
        data / "metainfo" / METAINFO.name,
        data / "mime" / "packages" / f"{APP_ID}.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ] + [data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in PNG_SIZES]
    assert [path for path in expected if not path.is_file()] == []

    subprocess.run(["sh", str(INSTALL_SH), "--data-dir", str(data), "--uninstall"], check=True)
    assert [path for path in expected if path.exists()] == []


def test_installed_mime_database_maps_sidecars_to_the_slant_type(tmp_path):
    _tool("update-mime-database")
    data = tmp_path / "share"
    subprocess.run(["sh", str(INSTALL_SH), "--data-dir", str(data)], check=True)
    globs = (data / "mime" / "globs2").read_text("utf-8").splitlines()
    assert f"60:{SLANT_MIME}:*{SIDECAR_SUFFIX}" in globs
    subclasses = (data / "mime" / "subclasses").read_text("utf-8").splitlines()
    assert f"{SLANT_MIME} application/json" in subclasses


def test_make_icons_renders_every_size_and_a_macos_iconset(tmp_path):
    script = str(ROOT / "packaging" / "make_icons.py")
    hicolor, ico, iconset = tmp_path / "hicolor", tmp_path / "slant.ico", tmp_path / "S.iconset"
    subprocess.run(
        [sys.executable, script, "--hicolor", str(hicolor), "--ico", str(ico)],
        check=True,
        capture_output=True,
    )
    for size in PNG_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size)
    assert ico.read_bytes()[:4] == b"\0\0\1\0"

    subprocess.run([sys.executable, script, "--iconset", str(iconset)], check=True)
    retina = iconset / "icon_512x512@2x.png"
    assert _png_size(retina.read_bytes()) == (1024, 1024)
    assert len(list(iconset.glob("icon_*.png"))) == 10
