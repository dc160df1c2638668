"""What of Qt goes into the bundle: read by packaging/report-reader.spec after PyInstaller's
analysis, and by tests/test_packaging.py (no build needed to check the lists).

The app imports QtCore, QtGui and QtWidgets only; PyInstaller's PySide6 hooks collect every
plugin and translation Qt has, and the libraries those plugins link. `keep(dest)` says whether a
collected file (its path inside the bundle) stays.
"""

from __future__ import annotations

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
    *(f"PySide6.{name}" for name in (
        "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtWebEngineCore", "QtWebEngineWidgets",
        "QtNetwork", "QtSql", "QtSvg", "QtSvgWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
        "QtPrintSupport", "QtMultimedia", "Qt3DCore", "QtWebSockets", "QtDesigner", "QtHelp", "QtUiTools",
        "QtTest", "QtXml", "QtConcurrent", "QtDBus", "QtCharts", "QtDataVisualization",
    )),
)

# Folders of Qt's tree the app never reads (QML imports, type descriptions, helper programs).
_QT_FOLDERS_LEFT_OUT = frozenset({"qml", "metatypes", "libexec", "typesystems", "include", "glue", "scripts"})


def keep(dest: str) -> bool:
    """Whether a file PyInstaller collected, at `dest` inside the bundle, belongs there."""
    parts = PurePath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if parts[0] == "resources" and name.endswith(".ts"):
        return False  # translation sources; their compiled .qm stay
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
