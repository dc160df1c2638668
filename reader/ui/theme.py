"""Light and dark themes; by default the window follows the system's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

_SCHEMES = {
    SYSTEM: Qt.ColorScheme.Unknown,
    LIGHT: Qt.ColorScheme.Light,
    DARK: Qt.ColorScheme.Dark,
}


def apply_theme(name: str) -> str:
    """Apply a theme to the running application; returns the theme actually applied."""
    if name not in THEMES:
        name = SYSTEM
    # styleHints, setPalette and style are static: they act on the running QApplication.
    QApplication.styleHints().setColorScheme(_SCHEMES[name])
    # Platforms without a native scheme switch (and the offscreen test platform) get a palette.
    if name == DARK:
        QApplication.setPalette(_dark_palette())
    else:
        QApplication.setPalette(QApplication.style().standardPalette())
    return name


def is_dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#6ea8fe",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def cjk_font_families() -> list[str]:
    """Installed font families that can draw Chinese; empty means boxes instead of characters."""
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    families |= set(QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese))
    return sorted(families)
