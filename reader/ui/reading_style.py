"""View ▸ Reading Style: sans or serif, line spacing, paragraph spacing, the script's own font.

The choices apply to the reader at once and are remembered (reader.ui.settings); a compare
window opened later reads them too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui import settings
from reader.ui.fonts import SANS, SERIF
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading.typography import LINE_HEIGHTS, PARAGRAPH_SPACINGS, ReadingStyle, load_style, save_style

K = TypeVar("K", str, int)


class ReadingStyleMenu(QObject):
    """The actions of the Reading Style submenu, kept in step with the reader view."""

    def __init__(self, parent: QWidget, view: ReaderView) -> None:
        super().__init__(parent)
        self.view = view
        faces = {SANS: self.tr("&Sans Serif"), SERIF: self.tr("S&erif")}
        self.face_actions = self._group({face: (label, {"face": face}) for face, label in faces.items()})
        self.line_height_actions = self._group(
            {height: (self._line_height_label(height), {"line_height": height}) for height in LINE_HEIGHTS}
        )
        spacings = {0: self.tr("&None"), 25: self.tr("&Quarter Line"), 50: self.tr("&Half Line"), 100: self.tr("&One Line")}
        self.paragraph_actions = self._group(
            {spacing: (spacings.get(spacing, f"{spacing} %"), {"paragraph_spacing": spacing}) for spacing in PARAGRAPH_SPACINGS}
        )
        self.script_font_action = QAction(self.tr("&Font by Script"), self)
        self.script_font_action.setToolTip(self.tr("Forget the font chosen with Font…: each pane uses its script's font"))
        self.script_font_action.triggered.connect(self.use_script_font)

    def _line_height_label(self, height: int) -> str:
        named = {100: self.tr("&Single"), 200: self.tr("&Double")}
        return named.get(height, f"{height / 100:g}×")

    def _group(self, items: dict[K, tuple[str, dict[str, object]]]) -> dict[K, QAction]:
        group = QActionGroup(self)
        # Optional: a hand-edited value matching no action ticks none.
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        actions: dict[K, QAction] = {}
        for key, (label, change) in items.items():
            action = QAction(label, self)
            action.setCheckable(True)
            action.triggered.connect(self._changer(change))
            group.addAction(action)
            actions[key] = action
        return actions

    def _changer(self, change: dict[str, object]) -> Callable[[], None]:
        return lambda: self.set_style(self.view.reading_style().with_(**change))

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions(list(self.face_actions.values()))
        menu.addSeparator()
        lines = menu.addMenu(self.tr("&Line Spacing"))
        lines.addActions(list(self.line_height_actions.values()))
        paragraphs = menu.addMenu(self.tr("&Paragraph Spacing"))
        paragraphs.addActions(list(self.paragraph_actions.values()))
        menu.addSeparator()
        menu.addAction(self.script_font_action)

    def restore(self) -> None:
        self._apply(load_style())

    def set_style(self, style: ReadingStyle) -> None:
        self._apply(style)
        save_style(style)

    def use_script_font(self) -> None:
        self.view.set_font_family("")
        settings.set_value(settings.FONT_FAMILY, "")

    def _apply(self, style: ReadingStyle) -> None:
        self.view.set_reading_style(style)
        _check(self.face_actions, style.face)
        _check(self.line_height_actions, style.line_height)
        _check(self.paragraph_actions, style.paragraph_spacing)


def _check(actions: dict[K, QAction], chosen: K) -> None:
    """Tick the action of the chosen value (none when a hand-edited value has no action)."""
    for value, action in actions.items():
        action.setChecked(value == chosen)
