"""Highlight layers for what extraction finds: colours, legend and a toggle per layer.

Colours come from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness. In a light theme the fills are translucent tints under dark text; in a dark
theme they are deep shades of the same hues under light text (a translucent tint over a dark
page turned muddy). Terms are underlined rather than filled so they remain visible inside a
figure or target. A toggle shows its state in its icon and label: a filled swatch when shown,
a hollow, struck-through one and a struck-through label when hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPen, QPixmap, QTextCharFormat

from reader.core.extraction import FIGURES, TARGETS, TASKS, TERMS
from reader.ui import theme

ICON_SIZE = 16


@dataclass(frozen=True)
class LayerStyle:
    kind: str
    label: str
    colour: str  # Okabe–Ito
    dark_colour: str  # the fill (or underline) in a dark theme: light text stays ≥ 4.5:1 on it
    underline: bool = False
    alpha: int = 70
    z: int = 0

    def char_format(self, dark: bool | None = None) -> QTextCharFormat:
        """The layer's paint for the current (or the given) theme; never a text colour."""
        dark = theme.is_dark() if dark is None else dark
        fmt = QTextCharFormat()
        if self.underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self.dark_colour if dark else self.colour))
            fmt.setFontUnderline(True)
        elif dark:
            fmt.setBackground(QColor(self.dark_colour))
        else:
            colour = QColor(self.colour)
            colour.setAlpha(self.alpha)
            fmt.setBackground(colour)
        return fmt

    def icon(self, shown: bool = True) -> QIcon:
        """The legend swatch: filled while the layer is shown, a faint hollow outline when hidden."""
        screen = QGuiApplication.primaryScreen()
        ratio = max(1.0, screen.devicePixelRatio()) if screen is not None else 1.0
        pixmap = QPixmap(round(ICON_SIZE * ratio), round(ICON_SIZE * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self.colour)
        box = QRectF(2.5, 11.5, 11, 3) if self.underline else QRectF(1.5, 1.5, 13, 13)
        if shown:
            painter.setPen(QPen(colour.darker(130), 1))
            painter.setBrush(colour)
        else:
            colour.setAlpha(150)
            pen = QPen(colour, 1.2)
            pen.setStyle(Qt.PenStyle.DashLine if self.underline else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 2, 2)
        if not shown and not self.underline:
            painter.drawLine(box.bottomLeft(), box.topRight())  # struck through: "not shown"
        painter.end()
        return QIcon(pixmap)


def layer_styles() -> tuple[LayerStyle, ...]:
    return (
        LayerStyle(TARGETS, QCoreApplication.translate("highlights", "Targets"), "#D55E00", "#6B3000", alpha=75, z=-1),  # vermillion
        LayerStyle(TASKS, QCoreApplication.translate("highlights", "Tasks"), "#009E73", "#0E4A38", alpha=60, z=-4),  # bluish green
        LayerStyle(FIGURES, QCoreApplication.translate("highlights", "Figures"), "#56B4E9", "#174A66", alpha=95, z=-2),  # sky blue
        LayerStyle(TERMS, QCoreApplication.translate("highlights", "Terms"), "#CC79A7", "#E8A3CC", underline=True, z=-3),  # reddish purple
    )


def layer_name(kind: str) -> str:
    """The reader view's layer name for an extraction kind."""
    return f"extract:{kind}"


def toggle_actions(parent: QObject | None, on_toggled: Callable[[str, bool], None]) -> dict[str, QAction]:
    """One checkable action per layer, with its colour as the icon: the legend and the toggle.
    The icon follows the state (filled / hollow), in the toolbar and the menu alike."""
    actions: dict[str, QAction] = {}
    for style in layer_styles():
        action = QAction(style.icon(True), style.label, parent)
        action.setCheckable(True)
        action.setChecked(True)
        action.setToolTip(QCoreApplication.translate("highlights", "Show or hide the %s highlights") % style.label.lower())
        action.toggled.connect(lambda checked, style=style, action=action: show_state(action, style, checked))
        action.toggled.connect(lambda checked, kind=style.kind: on_toggled(kind, checked))
        actions[style.kind] = action
    return actions


def show_state(action: QAction, style: LayerStyle, shown: bool) -> None:
    """A hidden layer's toggle: hollow icon, label struck through, in the toolbar and the menu.
    (A style sheet could grey the label, but it fixes the button's palette: stale after a theme
    change.)"""
    action.setIcon(style.icon(shown))
    font = QFont(action.font())
    font.setStrikeOut(not shown)
    action.setFont(font)
