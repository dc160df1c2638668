"""Highlight layers for what extraction finds: colours, legend and a toggle per layer.

Colours come from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness; backgrounds are translucent so text stays legible in light and dark themes,
and terms are underlined rather than filled so they remain visible inside a figure or target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap, QTextCharFormat

from reader.core.extraction import FIGURES, TARGETS, TASKS, TERMS


@dataclass(frozen=True)
class LayerStyle:
    kind: str
    label: str
    colour: str  # Okabe–Ito
    underline: bool = False
    alpha: int = 70
    z: int = 0

    def char_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        colour = QColor(self.colour)
        if self.underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            fmt.setFontUnderline(True)
        else:
            colour.setAlpha(self.alpha)
            fmt.setBackground(colour)
        return fmt

    def icon(self) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        colour = QColor(self.colour)
        if self.underline:
            painter.fillRect(1, 10, 12, 3, colour)
        else:
            painter.fillRect(1, 1, 12, 12, colour)
        painter.end()
        return QIcon(pixmap)


def _tr(text: str) -> str:
    return QCoreApplication.translate("highlights", text)


def layer_styles() -> tuple[LayerStyle, ...]:
    return (
        LayerStyle(TARGETS, _tr("Targets"), "#D55E00", alpha=75, z=-1),  # vermillion
        LayerStyle(TASKS, _tr("Tasks"), "#009E73", alpha=60, z=-4),  # bluish green
        LayerStyle(FIGURES, _tr("Figures"), "#56B4E9", alpha=95, z=-2),  # sky blue
        LayerStyle(TERMS, _tr("Terms"), "#CC79A7", underline=True, z=-3),  # reddish purple
    )


def layer_name(kind: str) -> str:
    """The reader view's layer name for an extraction kind."""
    return f"extract:{kind}"


def toggle_actions(parent: QObject | None, on_toggled: Callable[[str, bool], None]) -> dict[str, QAction]:
    """One checkable action per layer, with its colour as the icon: the legend and the toggle."""
    actions: dict[str, QAction] = {}
    for style in layer_styles():
        action = QAction(style.icon(), style.label, parent)
        action.setCheckable(True)
        action.setChecked(True)
        action.setToolTip(_tr("Show or hide the %s highlights") % style.label.lower())
        action.toggled.connect(lambda checked, kind=style.kind: on_toggled(kind, checked))
        actions[style.kind] = action
    return actions
