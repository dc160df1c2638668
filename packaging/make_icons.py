"""Render the app icon from resources/icons/report-reader.svg: the PNG sizes the window and the
Linux desktop use (into resources/icons/), and the Windows .ico and macOS .icns (into a folder
given on the command line, build/icons by default).

Run with a Python that has PySide6 (Qt's own SVG renderer draws the PNGs):
    python packaging/make_icons.py [OUT_DIR]
The .ico and .icns are written here byte by byte (both just wrap PNGs), so no other tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
ICONS = TOP / "resources" / "icons"
SOURCE = ICONS / "report-reader.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk types holding PNG data, by pixel size (the @2x types reuse the larger PNGs).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICONS / f"report-reader-{size}.png"


def render_pngs() -> dict[int, bytes]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SOURCE}")
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt takes a str
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon: a directory of PNG images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon: 'icns', the total length, then one chunk (type, length, PNG) per size."""
    chunks = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else TOP / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs()
    for size, data in pngs.items():
        path = png_path(size)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    (out / "report-reader.ico").write_bytes(ico(pngs))
    (out / "report-reader.icns").write_bytes(icns(pngs))
    print(f"make_icons: {len(pngs)} PNGs in {ICONS.relative_to(TOP)}, .ico and .icns in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
