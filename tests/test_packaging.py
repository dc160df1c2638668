"""Fast checks of the desktop packaging (the PyInstaller build itself is too slow for CI:
bash packaging/build.sh runs it): what of Qt the bundle keeps, the icon sizes, the desktop entry,
the AppStream metainfo and the version they all carry."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader import __version__

TOP = Path(__file__).resolve().parent.parent
PACKAGING = TOP / "packaging"
APP_ID = "io.github.report_reader.ReportReader"
DESKTOP = PACKAGING / "report-reader.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = TOP / "resources" / "icons"

sys.path.insert(0, str(PACKAGING))
import bundle_filter  # noqa: E402
import make_icons  # noqa: E402


def pyproject_version() -> str:
    match = re.search(r'^version = "([^"]+)"$', (TOP / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    assert match
    return match.group(1)


# ------------------------------------------------------------------ version


def test_the_version_comes_from_pyproject():
    assert __version__ == pyproject_version()


def test_version_option_prints_it():
    out = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == f"report-reader {pyproject_version()}"


# ---------------------------------------------------------- what the bundle keeps


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/translations/qtbase_zh_TW.qm",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/QtWidgets.abi3.so",
        "libpdfium.so",
        "opencc/clib/share/opencc/s2t.json",
        "jieba/dict.txt",
        "resources/translations/reader_zh_TW.qm",
        "resources/icons/report-reader-16.png",
        "seeds/manifest.json",
    ],
)
def test_the_bundle_keeps_what_the_app_loads(dest):
    assert bundle_filter.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QuickControls2.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "libQt6Quick.so.6",
        "Qt6WebEngineCore.dll",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/designer/libqwebengineview.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtdeclarative_zh_CN.qm",
        "PySide6/Qt/translations/assistant_zh_CN.qm",
        "resources/translations/reader_zh_TW.ts",
    ],
)
def test_the_bundle_leaves_out_what_the_app_never_loads(dest):
    assert not bundle_filter.keep(dest)


def test_the_spec_excludes_unused_bindings_and_collects_the_data():
    for module in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.QtNetwork", "tkinter"):
        assert module in bundle_filter.PYTHON_EXCLUDES
    assert not set(bundle_filter.QT_MODULES) & {m.removeprefix("PySide6.") for m in bundle_filter.PYTHON_EXCLUDES}
    spec = (PACKAGING / "report-reader.spec").read_text(encoding="utf-8")
    for needed in ('collect_data_files("opencc")', 'collect_data_files("jieba")', 'collect_dynamic_libs("pypdfium2_raw")',
                   'collect_data_files("docx")', '"seeds"', '"resources"', "keep(entry[0])", "exclude_binaries=True"):
        assert needed in spec
    assert "onefile" not in spec


# ------------------------------------------------------------------- the icon


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", make_icons.SIZES)
def test_the_icon_has_each_size(size):
    assert png_size(ICONS / f"report-reader-{size}.png") == (size, size)


def test_the_icon_source_is_svg_with_a_square_view_box():
    root = ET.parse(ICONS / "report-reader.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = root.get("viewBox", "").split()
    assert width == height


def test_ico_and_icns_wrap_every_size():
    pngs = {size: (ICONS / f"report-reader-{size}.png").read_bytes() for size in make_icons.SIZES}
    ico = make_icons.ico(pngs)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for i, size in enumerate(make_icons.ICO_SIZES):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert width == size % 256 and ico[offset : offset + length] == pngs[size]
    icns = make_icons.icns(pngs)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, at = [], 8
    while at < len(icns):
        kinds.append(icns[at : at + 4])
        at += struct.unpack(">I", icns[at + 4 : at + 8])[0]
    assert at == len(icns) and b"ic09" in kinds and b"icp4" in kinds


# -------------------------------------------------- desktop entry and metainfo


def test_the_desktop_entry_is_valid():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Type"] == "Application" and fields["Exec"].split()[0] == "report-reader"
    assert fields["Icon"] == "report-reader" and fields["Name"] and fields["Categories"].endswith(";")
    validate = shutil.which("desktop-file-validate")
    if validate:
        out = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0 and "error" not in out.stdout, out.stdout


def test_the_metainfo_names_the_app_and_this_version():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") and root.findtext("summary") and root.find("description/p") is not None
    assert root.find("content_rating") is not None
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert [r.get("version") for r in root.findall("releases/release")][0] == pyproject_version()
    build = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert f"{APP_ID}.desktop" in build and METAINFO.name in build
    validate = shutil.which("appstreamcli")
    if validate:
        out = subprocess.run([validate, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stdout + out.stderr


def test_libraries_only_dropped_plugins_linked_are_left_out():
    links = {
        "src/libqxcb.so": ["libxkbcommon.so.0", "libQt6Gui.so.6"],
        "src/libxkbcommon.so.0": ["libc.so.6"],
        "src/libQt6Gui.so.6": ["libfreetype.so.6"],
        "src/libfreetype.so.6": ["libpng16.so.16"],
        "src/libcairo.so.2": ["libpixman-1.so.0"],  # linked by the GTK theme, which keep() dropped
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "src/libqxcb.so"),
        ("libQt6Gui.so.6", "src/libQt6Gui.so.6"),
        ("libxkbcommon.so.0", "src/libxkbcommon.so.0"),
        ("libfreetype.so.6", "src/libfreetype.so.6"),
        ("libpng16.so.16", "src/libpng16.so.16"),
        ("libcairo.so.2", "src/libcairo.so.2"),
        ("libpixman-1.so.0", "src/libpixman-1.so.0"),
    ]
    assert bundle_filter.unreached(binaries, lambda src: links.get(src, [])) == {"libcairo.so.2", "libpixman-1.so.0"}


def test_jiebas_unused_models_are_left_out():
    assert bundle_filter.keep("jieba/finalseg/prob_emit.p")
    assert not bundle_filter.keep("jieba/lac_small/model_baseline/crf.pdparams")
    assert not bundle_filter.keep("jieba/analyse/idf.txt")
    assert "jieba.analyse" in bundle_filter.PYTHON_EXCLUDES


def test_icu_keeps_what_qt_uses_for_chinese_and_english():
    import trim_icu

    for kept in ("coll/zh.res", "coll/zh_Hant.res", "coll/en_US.res", "coll/root.res", "coll/ucadata.icu", "zh_HK.res",
                 "yue.res", "root.res", "zoneinfo64.res", "metaZones.res", "uprops.icu", "nfc.nrm", "cnvalias.icu",
                 "supplementalData.res", "pool.res", "res_index.res", "zone/zh.res"):
        assert not trim_icu.removable(kept), kept
    for gone in ("coll/de.res", "coll/de_.res", "fr_CA.res", "sr_Latn_BA.res", "translit/root.res", "lang/en.res",
                 "brkitr/cjdict.dict", "ibm-943_P15A-2003.cnv"):
        assert trim_icu.removable(gone), gone
