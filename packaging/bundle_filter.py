"""What of Qt goes into the bundle: read by packaging/report-reader.spec after PyInstaller's
analysis, and by tests/test_packaging.py (no build needed to check the lists).

The app imports QtCore, QtGui and QtWidgets only; PyInstaller's PySide6 hooks collect every
plugin and translation Qt has, and the libraries those plugins link. `keep(dest)` says whether a
collected file (its path inside the bundle) stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

QT_MODULES = ("QtCore", "QtGui", "QtWidgets")

# Plugins kept, by folder, as the file name's stem without "lib". Platforms: X11, Wayland (with
# xdg-shell and window decorations), offscreen (--screenshot), minimal, macOS, Windows; input
# methods (typing Chinese through IBus, compose keys); the desktop portal (file dialogs in a
# sandbox, the colour scheme); SVG for the desktop theme's icons; native styles on macOS/Windows.
QT_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwayland", "qwayland-generic", "qoffscreen", "qminimal", "qcocoa", "qwindows"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient", "adwaita"}),
    "iconengines": frozenset({"qsvgicon"}),
    "imageformats": frozenset({"qsvg", "qico"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
}

# Qt's own translations (the standard dialogs' buttons): qtbase only, in the app's languages.
QT_TRANSLATIONS = frozenset({"qtbase_zh_CN.qm", "qtbase_zh_TW.qm", "qtbase_en.qm"})

# Qt libraries that only the left-out modules and plugins link (matched on the name's start,
# without "lib": Qt6Quick covers Qt6QuickControls2…, Qt6Qml covers Qt6QmlModels…).
QT_LIBRARY_EXCLUDES = (
    "Qt6Qml", "Qt6Quick", "Qt6Pdf", "Qt6Designer", "Qt6Help", "Qt6Labs", "Qt6Lottie", "Qt6Network", "Qt6Sql",
    "Qt6Test", "Qt6UiTools", "Qt6OpenGL", "Qt6WaylandCompositor", "Qt6WaylandEgl", "Qt6WlShell", "Qt6EglFS",
    "Qt6EglFs", "Qt6VirtualKeyboard", "Qt6ShaderTools", "Qt6SvgWidgets", "Qt6Concurrent", "Qt6PrintSupport",
    "Qt6Multimedia", "Qt6WebEngine", "Qt6WebSockets", "Qt63D", "Qt6Charts", "Qt6DataVisualization", "Qt6Xml",
    "Qt6Graphs", "Qt6Quick3D", "Qt6SpatialAudio", "Qt6TextToSpeech", "Qt6Positioning", "Qt6Location",
)

# Python modules never bundled (PyInstaller would follow optional imports into them).
PYTHON_EXCLUDES = (
    "tkinter", "unittest", "pydoc_data", "test", "PIL", "numpy", "IPython", "pytest", "setuptools", "pkg_resources",
    # jieba's part-of-speech tagger, keyword extraction and Paddle model, and lxml's parts the app never uses.
    "jieba.posseg", "jieba.analyse", "jieba.lac_small", "lxml.objectify", "lxml.isoschematron",
    # No network, no line editing: TLS and OpenSSL's hashes (hashlib falls back to its own) and readline.
    "ssl", "_ssl", "_hashlib", "readline",
    # rapidfuzz's AVX2 builds (5.3 MB) beside its generic ones, which it falls back to: aligning the
    # 2022 and 2024 reports took 32 ms with either. lxml's HTML diff (never used).
    "rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp_avx2", "rapidfuzz.process_cpp_avx2",
    "rapidfuzz.utils_cpp_avx2", "lxml.html.diff", "lxml.html._difflib",
    *(f"PySide6.{name}" for name in (
        "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtWebEngineCore", "QtWebEngineWidgets",
        "QtNetwork", "QtSql", "QtSvg", "QtSvgWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
        "QtPrintSupport", "QtMultimedia", "Qt3DCore", "QtWebSockets", "QtDesigner", "QtHelp", "QtUiTools",
        "QtTest", "QtXml", "QtConcurrent", "QtDBus", "QtCharts", "QtDataVisualization",
    )),
)

# jieba's data for the parts left out above (~24 MB); the dictionary and finalseg stay.
_JIEBA_LEFT_OUT = frozenset({"posseg", "analyse", "lac_small"})

# Folders of Qt's tree the app never reads (QML imports, type descriptions, helper programs).
_QT_FOLDERS_LEFT_OUT = frozenset({"qml", "metatypes", "libexec", "typesystems", "include", "glue", "scripts"})


def keep(dest: str) -> bool:
    """Whether a file PyInstaller collected, at `dest` inside the bundle, belongs there."""
    parts = PurePath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if parts[0] == "resources" and name.endswith(".ts"):
        return False  # translation sources; their compiled .qm stay
    if parts[0] == "jieba" and len(parts) > 2 and parts[1] in _JIEBA_LEFT_OUT:
        return False
    if parts[:2] == ("opencc", "clib") and len(parts) > 3 and parts[2] in ("bin", "include", "lib", "lib64"):
        return False  # OpenCC's command-line tools, headers and static library; its data in share/ stays
    if name.removeprefix("lib").startswith(QT_LIBRARY_EXCLUDES):
        return False
    if "PySide6" not in parts:
        return True
    inside = parts[parts.index("PySide6") + 1 :]
    if inside[:1] == ("Qt",):
        inside = inside[1:]
    if not inside:
        return True
    if inside[0] == "plugins":
        return len(inside) == 3 and name.split(".")[0].removeprefix("lib") in QT_PLUGINS.get(inside[1], frozenset())
    if inside[0] == "translations":
        return name in QT_TRANSLATIONS
    return inside[0] not in _QT_FOLDERS_LEFT_OUT


def unreached(binaries: list[tuple[str, str]], imports: Callable[[str], Iterable[str]]) -> set[str]:
    """The shared libraries at the bundle's top that nothing kept links any more.

    PyInstaller gathers each plugin's libraries before `keep` drops the plugin, so dropping the
    GTK theme leaves GTK's, Cairo's and Pango's libraries behind. `binaries` are (path inside
    the bundle, source path); `imports(source)` names the libraries a file links. The roots are
    every binary in a folder (plugins, extension modules) and the Python, Qt and PySide
    libraries; what they link, directly or not, stays."""
    by_name = {PurePath(dest).name: src for dest, src in binaries if "/" not in dest.replace("\\", "/")}

    def is_root(dest: str) -> bool:
        name = PurePath(dest.replace("\\", "/")).name
        return "/" in dest.replace("\\", "/") or name.removeprefix("lib").startswith(("python", "Qt6", "pyside6", "shiboken6"))

    stack = [src for dest, src in binaries if is_root(dest)]
    reached: set[str] = set()
    while stack:
        for name in imports(stack.pop()):
            name = PurePath(name).name
            if name not in reached:
                reached.add(name)
                if name in by_name:
                    stack.append(by_name[name])
    return {dest for dest, _src in binaries if dest in by_name and not is_root(dest) and dest not in reached}
