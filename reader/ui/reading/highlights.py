"""Highlight layers for what extraction finds: colours, legend and a toggle per layer.

Colours come from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness. In a light theme the fills are translucent tints under dark text; in a dark
theme they are deep shades of the same hues under light text (a translucent tint over a dark
page turned muddy). Terms are underlined rather than filled so they remain visible inside a
figure or target. A toggle shows its state in its icon: filled when shown, a hollow outline
when hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QToolBar

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("highlights", text)


def layer_styles() -> tuple[LayerStyle, ...]:
    return (
        LayerStyle(TARGETS, _tr("Targets"), "#D55E00", "#6B3000", alpha=75, z=-1),  # vermillion
        LayerStyle(TASKS, _tr("Tasks"), "#009E73", "#0E4A38", alpha=60, z=-4),  # bluish green
        LayerStyle(FIGURES, _tr("Figures"), "#56B4E9", "#174A66", alpha=95, z=-2),  # sky blue
        LayerStyle(TERMS, _tr("Terms"), "#CC79A7", "#E8A3CC", underline=True, z=-3),  # reddish purple
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
        action.setToolTip(_tr("Show or hide the %s highlights") % style.label.lower())
        action.toggled.connect(lambda checked, style=style, action=action: action.setIcon(style.icon(checked)))
        action.toggled.connect(lambda checked, kind=style.kind: on_toggled(kind, checked))
        actions[style.kind] = action
    return actions


def legend_style_sheet(palette: QPalette) -> str:
    """Checked toggles sit on a tinted, outlined button; unchecked ones have greyed text."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    tint = QColor(accent)
    tint.setAlpha(70 if theme.is_dark() else 45)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    return (
        "QToolButton { border: 1px solid transparent; border-radius: 4px; padding: 1px 4px; }"
        f" QToolButton:checked {{ background-color: rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()});"
        f" border-color: {accent.name()}; }}"
        f" QToolButton:!checked {{ color: {muted.name()}; }}"
        f" QToolButton:hover {{ border-color: {palette.color(QPalette.ColorRole.Mid).name()}; }}"
    )


class _LegendStyler(QObject):
    """Re-styles the legend toolbar when the application's palette (the theme) changes."""

    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        toolbar.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        sheet = legend_style_sheet(QGuiApplication.palette())
        if self._toolbar.styleSheet() != sheet:
            self._toolbar.setStyleSheet(sheet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self.apply()
        return False


def style_legend(toolbar: QToolBar) -> None:
    """Make the layer toggles on `toolbar` show on / off at a glance, in either theme."""
    _LegendStyler(toolbar)
