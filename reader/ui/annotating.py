"""Annotating in the reader window: the actions (H, N, T, 1–5), what they act on, the dock's menu.

Writes go through undo commands (reader.ui.commands.annotations) pushed through the window's
ChangesFunnel, which calls changed() with what the operation touched; painting lives in
reader.ui.reading.annotation_layers, the list in reader.ui.docks.annotations_dock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu

from reader.errors import ReaderError
from reader.ops import annotations as ops
from reader.ops.changes import Changes
from reader.ops.pages import annotation_pages
from reader.store.annotations import COLORS, DEFAULT_COLOR, Annotation
from reader.store.library import Library
from reader.ui import settings
from reader.ui.changes import show_error
from reader.ui.commands import Command
from reader.ui.commands.annotations import (
    CreateAnnotationCommand,
    DeleteAnnotationsCommand,
    EditAnnotationsCommand,
    TagCommand,
)
from reader.ui.docks.annotations_dock import THIS_DOCUMENT, AnnotationsDock, build_menu
from reader.ui.reading.annotation_layers import color_name, layers, tooltip

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

_T = TypeVar("_T")


class AnnotationController(QObject):
    """Emits annotations_changed after any write has been painted and listed."""

    annotations_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.dock = AnnotationsDock(window)
        window.first_paint.later(self.dock.install_cards)
        self.dock.annotation_activated.connect(self.jump_to)
        self.dock.scope_changed.connect(lambda _scope: self.refresh_list())
        self.dock.add_context_actions(self._list_menu)
        color = settings.get_str(settings.ANNOTATION_COLOR, DEFAULT_COLOR)
        self._color = color if color in COLORS else DEFAULT_COLOR
        self._painted: list[Annotation] = []  # the current document's, as painted: the tooltips' source
        self.carry_dialog: QDialog | None = None  # Annotate ▸ Carry Annotations From…, while open
        self._labels: dict[str, str] = {}
        for side, pane in enumerate(self.view.panes):
            pane.tooltip_provider = partial(self._tooltip_at, side)
        self._build_actions()

    @property
    def library(self) -> Library:
        return self.window.library

    def _push(self, command: Command) -> bool:
        return self.window.funnel.push(command)

    # -- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work wherever focus is in the window
        return action

    def _build_actions(self) -> None:
        self.highlight_action = self._action(self.tr("&Highlight Selection"), lambda: self.highlight(), "H")
        self.note_action = self._action(self.tr("Add &Note…"), lambda: self.edit_note(), "N")
        self.tag_action = self._action(self.tr("&Tag…"), lambda: self.edit_tags(), "T")
        self.delete_action = self._action(self.tr("&Delete Annotation"), lambda: self.delete_selected())
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.removeAction(self.delete_action)
        self.dock.table.addAction(self.delete_action)
        self.manage_tags_action = self._action(self.tr("&Manage Tags…"), self.manage_tags)
        self.name_colors_action = self._action(self.tr("Name &Colours…"), self.name_colors)
        self.filter_action = self._action(self.tr("&Filter Annotations…"), self.dock.focus_filter, "Ctrl+Shift+A")
        self.carry_action = self._action(self.tr("Carry Annotations &From…"), self.carry_from)
        self.color_group = QActionGroup(self)
        self.color_actions: dict[str, QAction] = {}
        for n, color in enumerate(COLORS, 1):
            action = self._action(color, lambda _c=False, color=color: self.highlight(color), str(n))
            action.setCheckable(True)
            action.setChecked(color == self._color)
            self.color_group.addAction(action)
            self.color_actions[color] = action
        self.colors_changed()

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions([self.highlight_action, self.note_action, self.tag_action])
        colors = menu.addMenu(self.tr("Highlight &Colour"))
        colors.addActions(list(self.color_actions.values()))
        menu.addSeparator()
        menu.addActions([self.filter_action, self.manage_tags_action, self.name_colors_action])
        menu.addSeparator()
        menu.addAction(self.carry_action)

    def colors_changed(self) -> None:
        labels = self._run(self.library.color_labels) or {}
        for color, action in self.color_actions.items():
            action.setText(color_name(color, labels.get(color)))

    # -- creating --------------------------------------------------------------------------

    def _selection(self) -> tuple[int, int] | None:
        if self.window.current_id is None:
            return None
        span = self.view.selection_span()
        if span is None or span[0] == span[1]:
            self.window.statusBar().showMessage(self.tr("Select a passage first (in either pane)."), 4000)
            return None
        return span

    def highlight(self, color: str | None = None, *, note: str = "", tags: Iterable[str] = ()) -> Annotation | None:
        """Mark the selection (from either pane) in the colour given or last used."""
        if color is not None:
            self._color = color
            settings.set_value(settings.ANNOTATION_COLOR, color)
            self.color_actions[color].setChecked(True)
        span = self._selection()
        doc_id = self.window.current_id
        if span is None or doc_id is None:  # _selection() is None without a document
            return None
        return self.create(doc_id, *span, note=note, tags=tags)

    def create(
        self, doc_id: int, start: int, end: int, *, note: str = "", tags: Iterable[str] = (), color: str | None = None
    ) -> Annotation | None:
        command = CreateAnnotationCommand(self.window.funnel, doc_id, start, end, color=color or self._color, note=note, tags=tags)
        return command.annotation if self._push(command) else None

    def annotate_extracted(self, start: int, end: int, tag: str, note: str = "") -> Annotation | None:
        """One step from an extracted target, task or term to an annotation tagged with its kind."""
        if self.window.current_id is None:
            return None
        return self.create(self.window.current_id, start, end, tags=(tag,), note=note)

    # -- editing ---------------------------------------------------------------------------

    def _targets(self) -> list[Annotation]:
        """What note / tag act on: the list's selection when it has focus, else the annotation at
        the reader's selection or caret."""
        if self.dock.table.hasFocus() and self.dock.selected():
            return self.dock.selected()
        doc_id = self.window.current_id
        if doc_id is None:
            return []
        span = self.view.selection_span()
        if span is None:
            offset = self.view.caret_offset()
            if offset is None:
                return []
            span = (offset, offset)
        start, end = span
        annotations = self._run(lambda: self.library.annotations(doc_id)) or []
        return [a for a in annotations if not a.orphaned and a.start <= start and end <= a.end and (a.start < end or start == end)]

    def edit_note(self, note: str | None = None) -> None:
        """Edit the note of the annotation under the selection, or highlight the selection with a note."""
        targets = self._targets()
        if not targets:
            span = self._selection()
            doc_id, document = self.window.current_id, self.window.document
            if span is None or doc_id is None or document is None:  # _selection() is None without a document
                return
            if note is None:
                from reader.ui.dialogs.annotation_dialogs import NoteDialog

                dialog = NoteDialog(document.text[span[0] : span[1]], parent=self.window)
                if not dialog.exec():
                    return
                note = dialog.note()
            self.create(doc_id, *span, note=note)
            return
        target = targets[0]
        if note is None:
            from reader.ui.dialogs.annotation_dialogs import NoteDialog

            dialog = NoteDialog(target.quote, target.note, parent=self.window)
            if not dialog.exec():
                return
            note = dialog.note()
        self._push(EditAnnotationsCommand(self.window.funnel, [target.uuid], self.tr("Edit Note"), note=note))

    def edit_tags(self, tags: list[str] | None = None) -> None:
        """Tag the annotations under the selection (or the list's selection); a bare selection is
        highlighted and tagged in one step."""
        targets = self._targets()
        known = [t.name for t in self._run(self.library.tags) or []]
        if not targets:
            span = self._selection()
            doc_id = self.window.current_id
            if span is None or doc_id is None:  # _selection() is None without a document
                return
            if tags is None:
                from reader.ui.dialogs.annotation_dialogs import TagsDialog

                dialog = TagsDialog([], known, self.window)
                if not dialog.exec():
                    return
                tags = dialog.tags()
            self.create(doc_id, *span, tags=tags)
            return
        if tags is None:
            common = [t for t in targets[0].tags if all(t in a.tags for a in targets)]
            from reader.ui.dialogs.annotation_dialogs import TagsDialog

            dialog = TagsDialog(common, known, self.window)
            if not dialog.exec():
                return
            tags = dialog.tags()
        uuids = [a.uuid for a in targets]
        if len(targets) == 1:
            self._push(EditAnnotationsCommand(self.window.funnel, uuids, self.tr("Tag"), tags=tags))
        else:
            self._push(EditAnnotationsCommand(self.window.funnel, uuids, self.tr("Tag"), add_tags=tags))

    def recolor(self, uuids: list[str], color: str) -> None:
        self._push(EditAnnotationsCommand(self.window.funnel, uuids, self.tr("Recolour"), color=color))

    def delete_selected(self) -> None:
        uuids = [a.uuid for a in self.dock.selected()]
        if uuids:
            self._push(DeleteAnnotationsCommand(self.window.funnel, uuids))

    def rename_tag(self, old: str, new: str) -> None:
        self._push(TagCommand(self.window.funnel, self.tr("Rename Tag"), old, new))

    def delete_tag(self, name: str) -> None:
        self._push(TagCommand(self.window.funnel, self.tr("Delete Tag"), name, None))

    def manage_tags(self) -> None:
        from reader.ui.dialogs.annotation_dialogs import TagManagerDialog

        TagManagerDialog(self, self.window).exec()

    def carry_from(self, source_id: int | None = None) -> bool:
        """Annotate ▸ Carry Annotations From…: preview, then carry onto the open document (one
        undo step). Returns whether anything was applied."""
        from reader.ui.commands.carry import CarryCommand
        from reader.ui.dialogs.carry_dialog import CarryDialog

        doc_id = self.window.current_id
        if doc_id is None:
            self.window.statusBar().showMessage(self.tr("Open the report to carry annotations onto first."), 4000)
            return False
        dialog = CarryDialog(self.library, doc_id, self.window)
        if source_id is not None:
            dialog.source.setCurrentIndex(dialog.source.findData(source_id))
        self.carry_dialog = dialog  # reachable while open (tests drive it)
        try:
            if dialog.exec() != CarryDialog.DialogCode.Accepted or dialog.plan is None:
                return False
            return self._push(CarryCommand(self.window.funnel, dialog.plan))
        finally:
            self.carry_dialog = None
            dialog.deleteLater()

    def name_colors(self) -> None:
        labels = self.library.color_labels()
        color, ok = QInputDialog.getItem(self.window, self.tr("Name Colours"), self.tr("Colour:"), list(COLORS), 0, False)
        if not ok:
            return
        label, ok = QInputDialog.getText(
            self.window, self.tr("Name Colours"), self.tr("Name for %s (empty to clear):") % color, text=labels.get(color, "")
        )
        if ok:
            self.set_color_label(color, label)

    def set_color_label(self, color: str, label: str) -> None:
        changes = self._run(lambda: ops.set_color_label(self.library, color, label))
        if changes is not None:
            self.window.funnel.apply(changes)

    # -- showing ---------------------------------------------------------------------------

    def document_opened(self, doc_id: int | None) -> None:
        annotations = self._document_annotations()
        self.paint(annotations)
        if self.dock.scope_value() == THIS_DOCUMENT:
            self.refresh_list(annotations)

    def changed(self, changes: Changes) -> None:
        """The funnel's call after an operation: repaint and relist what it touched."""
        annotations = self._document_annotations()
        if self.window.current_id in changes.annotated:
            self.paint(annotations)
        self.refresh_list(annotations)
        if changes.annotations:
            self.dock.select_uuids(changes.annotations)
        self.annotations_changed.emit()

    def _document_annotations(self) -> list[Annotation]:
        doc_id = self.window.current_id
        return [] if doc_id is None else self._run(lambda: self.library.annotations(doc_id)) or []

    def paint(self, annotations: list[Annotation] | None = None) -> None:
        if annotations is None:
            annotations = self._document_annotations()
        self._painted = annotations
        self.view.set_span_layers(layers(annotations))

    def theme_changed(self) -> None:
        """Paint the highlights and the dock's swatches again in the new theme's colours."""
        self.paint()
        self.dock.theme_changed()

    def _tooltip_at(self, side: int, offset: int) -> str | None:
        """The note and tags of the highlights under a pane's offset (side 1 maps back to the original)."""
        span: tuple[int, int] | None = (offset, offset + 1)
        if side != 0:
            span = self.view.map_span(side, offset, offset + 1)
        return None if span is None else tooltip(self._painted, *span, labels=self._labels)

    def refresh_list(self, annotations: list[Annotation] | None = None) -> None:
        """Reload the dock; `annotations` may pass the current document's, already read."""
        if self.dock.scope_value() != THIS_DOCUMENT:
            annotations = self._run(lambda: self.library.annotations()) or []
        elif annotations is None:
            annotations = self._document_annotations()
        titles = {info.id: info.title for info in self.library.documents()}
        tags = [t.name for t in self.library.tags()]
        self._labels = self.library.color_labels()
        self.dock.model.set_origins(self._run(self.library.origins) or {})
        self.dock.model.set_pages(self._run(lambda: annotation_pages(self.library, annotations or [])) or {})
        self.dock.set_annotations(annotations, titles, self._labels, tags)

    def jump_to(self, annotation: Annotation) -> None:
        if annotation.doc_id != self.window.current_id:
            self.window.open_document(annotation.doc_id)
        if annotation.orphaned:
            self.window.statusBar().showMessage(
                self.tr("This annotation is orphaned: its passage is no longer in the document."), 6000
            )
            return
        self.view.show_span(annotation.start, annotation.end)

    def _list_menu(self, global_pos: QPoint) -> None:
        selected = self.dock.selected()
        if not selected:
            return
        uuids = [a.uuid for a in selected]
        copy = self.window.exporting.copy_markdown_action
        menu = build_menu(self.dock, [self.note_action if len(uuids) == 1 else None, self.tag_action, copy, None, self.delete_action])
        recolor = menu.addMenu(self.tr("Recolour"))
        for color in COLORS:
            recolor.addAction(self.color_actions[color].text(), partial(self.recolor, uuids, color))
        menu.exec(global_pos)

    def _run(self, fn: Callable[[], _T]) -> _T | None:
        """A read for display: a library error becomes the error dialog and an empty answer."""
        try:
            return fn()
        except ReaderError as exc:
            show_error(self.window, exc)
            return None
