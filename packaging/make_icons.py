"""Render Slant's SVG icon into PNGs, a Windows .ico and a macOS .iconset, with Qt offscreen."""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.slant_edu.Slant"
SVG = ROOT / "resources" / "icons" / "slant.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO = ROOT / "resources" / "icons" / "slant.ico"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows uses 16-48 in lists and title bars and 256 in large views; it has no use for 512.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The names iconutil expects in a .iconset folder, with their pixel sizes.
ICONSET_FILES = {
    f"icon_{points}x{points}{suffix}.png": points * scale
    for points in (16, 32, 128, 256, 512)
    for suffix, scale in (("", 1), ("@2x", 2))
}


def hicolor_png_path(size: int, root: Path = HICOLOR) -> Path:
    """Where the freedesktop icon theme layout puts the *size* pixel app icon."""
    return root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_pngs(svg: Path, sizes: set[int]) -> dict[int, bytes]:
    """Render *svg* at each pixel size; return PNG bytes by size.

    Raises ValueError when Qt cannot read the SVG.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: Qt cannot read this SVG")
    rendered = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        rendered[size] = bytes(data)
    return rendered


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A multi-size .ico holding PNG images (read by Windows Vista and later).

    Qt's own ICO writer stores one image per file, so it cannot make the
    multi-size icon that Windows picks sizes from.
    """
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # the format writes 256 as 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def write_icons(svg: Path, hicolor: Path, ico: Path | None) -> list[Path]:
    """Write the hicolor PNGs and, unless *ico* is None, the .ico; return the files written."""
    pngs = render_pngs(svg, set(PNG_SIZES) | set(ICO_SIZES))
    written = []
    for size in PNG_SIZES:
        path = hicolor_png_path(size, hicolor)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        written.append(path)
    if ico is not None:
        ico.parent.mkdir(parents=True, exist_ok=True)
        ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
        written.append(ico)
    return written


def write_iconset(svg: Path, folder: Path) -> list[Path]:
    """Write a macOS .iconset folder for ``iconutil -c icns``; return the files written."""
    pngs = render_pngs(svg, set(ICONSET_FILES.values()))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, size in ICONSET_FILES.items():
        (folder / name).write_bytes(pngs[size])
        written.append(folder / name)
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the icons; exit status 0, or 1 when the SVG cannot be read."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--svg", type=Path, default=SVG, help="source SVG")
    parser.add_argument("--hicolor", type=Path, default=HICOLOR, help="icon theme folder")
    parser.add_argument("--ico", type=Path, default=ICO, help="Windows icon to write")
    parser.add_argument(
        "--iconset", type=Path, help="write only a macOS .iconset folder here, for iconutil"
    )
    args = parser.parse_args(argv)
    try:
        if args.iconset is not None:
            written = write_iconset(args.svg, args.iconset)
        else:
            written = write_icons(args.svg, args.hicolor, args.ico)
    except (OSError, ValueError) as exc:
        print(f"make_icons: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
