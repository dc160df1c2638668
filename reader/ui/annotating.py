"""Annotating in the reader window: actions, the Annotations dock, highlights in both panes.

The controller owns everything annotation-shaped so MainWindow only calls document_opened() and
adds the actions to its menus. Writes go through undo commands (reader.ui.annotation_commands);
after each, changed() repaints the panes and refreshes the dock from the library.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from reader.errors import ReaderError
from reader.store.annotations import COLORS, DEFAULT_COLOR
from reader.ui.annotation_commands import (
    CreateAnnotationCommand,
    DeleteAnnotationsCommand,
    EditAnnotationsCommand,
    TagCommand,
    push,
)
from reader.ui.annotation_dialogs import NoteDialog, TagManagerDialog, TagsDialog
from reader.ui.annotation_model import FILLS
from reader.ui.annotations_dock import THIS_DOCUMENT, AnnotationsDock, build_menu

LAYER_PREFIX = "annotation:"
_Z = 5  # above the extraction layers, below find matches and the mirrored selection


def layer_name(color: str) -> str:
    return LAYER_PREFIX + color


def highlight_format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fill = QColor(FILLS[color])
    fill.setAlpha(170)
    fmt.setBackground(fill)
    fmt.setForeground(QColor("#000000"))
    return fmt


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans of one colour as one: the same paint, fewer selections."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class AnnotationController(QObject):
    """Emits annotations_changed after any write has been painted and listed."""

    annotations_changed = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.dock = AnnotationsDock(window)
        self.dock.annotation_activated.connect(self.jump_to)
        self.dock.scope_changed.connect(lambda _scope: self.refresh_list())
        self.dock.add_context_actions(self._list_menu)
        self._color = QSettings().value("annotations/color", DEFAULT_COLOR)
        if self._color not in COLORS:
            self._color = DEFAULT_COLOR
        self._build_actions()

    @property
    def library(self):
        return self.window.library

    # -- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None) -> QAction:
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
        self.color_group = QActionGroup(self)
        self.color_actions: dict[str, QAction] = {}
        for n, color in enumerate(COLORS, 1):
            action = self._action(color, lambda _c=False, color=color: self.highlight(color), str(n))
            action.setCheckable(True)
            action.setChecked(color == self._color)
            self.color_group.addAction(action)
            self.color_actions[color] = action
        self._label_colors()

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions([self.highlight_action, self.note_action, self.tag_action])
        colors = menu.addMenu(self.tr("Highlight &Colour"))
        colors.addActions(list(self.color_actions.values()))
        menu.addSeparator()
        menu.addActions([self.filter_action, self.manage_tags_action, self.name_colors_action])

    def _label_colors(self) -> None:
        labels = self.library.color_labels()
        for color, action in self.color_actions.items():
            action.setText(f"{color} — {labels[color]}" if color in labels else color)

    # -- creating --------------------------------------------------------------------------

    def _selection(self) -> tuple[int, int] | None:
        if self.window.current_id is None:
            return None
        span = self.view.selection_span()
        if span is None or span[0] == span[1]:
            self.window.statusBar().showMessage(self.tr("Select a passage first (in either pane)."), 4000)
            return None
        return span

    def highlight(self, color: str | None = None, *, note: str = "", tags=()) -> object | None:
        """Mark the selection (from either pane) in the colour given or last used."""
        if color is not None:
            self._color = color
            QSettings().setValue("annotations/color", color)
            self.color_actions[color].setChecked(True)
        span = self._selection()
        if span is None:
            return None
        return self.create(self.window.current_id, *span, note=note, tags=tags)

    def create(self, doc_id: int, start: int, end: int, *, note: str = "", tags=(), color: str | None = None):
        command = CreateAnnotationCommand(self, doc_id, start, end, color=color or self._color, note=note, tags=tags)
        return self._push(command) and command.annotation

    def annotate_extracted(self, start: int, end: int, kind: str, label: str = "") -> object | None:
        """One step from an extracted target, task or term to an annotation tagged with its kind."""
        if self.window.current_id is None:
            return None
        return self.create(self.window.current_id, start, end, tags=(kind,), note=label)

    # -- editing ---------------------------------------------------------------------------

    def _targets(self) -> list:
        """What note / tag act on: the list's selection when it has focus, else the annotation at
        the reader's selection or caret."""
        if self.dock.table.hasFocus() and self.dock.selected():
            return self.dock.selected()
        if self.window.current_id is None:
            return []
        span = self.view.selection_span()
        if span is None:
            position = self.view.original_pane.textCursor().position()
            offset = self.view.original_pane.index.span_to_code_points(position, position)[0]
            span = (offset, offset)
        start, end = span
        return [a for a in self.library.annotations(self.window.current_id) if not a.orphaned and a.start <= start and end <= a.end and (a.start < end or start == end)]

    def edit_note(self, note: str | None = None) -> None:
        """Edit the note of the annotation under the selection, or highlight the selection with a note."""
        targets = self._targets()
        if not targets:
            span = self._selection()
            if span is None:
                return
            quote = self.window.document.text[span[0] : span[1]]
            if note is None:
                dialog = NoteDialog(quote, parent=self.window)
                if not dialog.exec():
                    return
                note = dialog.note()
            self.create(self.window.current_id, *span, note=note)
            return
        target = targets[0]
        if note is None:
            dialog = NoteDialog(target.quote, target.note, parent=self.window)
            if not dialog.exec():
                return
            note = dialog.note()
        self._push(EditAnnotationsCommand(self, [target.id], self.tr("Edit Note"), note=note))

    def edit_tags(self, tags: list[str] | None = None) -> None:
        """Tag the annotations under the selection (or the list's selection); a bare selection is
        highlighted and tagged in one step."""
        targets = self._targets()
        known = [t.name for t in self.library.tags()]
        if not targets:
            span = self._selection()
            if span is None:
                return
            if tags is None:
                dialog = TagsDialog([], known, self.window)
                if not dialog.exec():
                    return
                tags = dialog.tags()
            self.create(self.window.current_id, *span, tags=tags)
            return
        if tags is None:
            common = [t for t in targets[0].tags if all(t in a.tags for a in targets)]
            dialog = TagsDialog(common, known, self.window)
            if not dialog.exec():
                return
            tags = dialog.tags()
        if len(targets) == 1:
            self._push(EditAnnotationsCommand(self, [targets[0].id], self.tr("Tag"), tags=tags))
        else:
            self._push(EditAnnotationsCommand(self, [a.id for a in targets], self.tr("Tag"), add_tags=tags))

    def recolor(self, ids, color: str) -> None:
        self._push(EditAnnotationsCommand(self, ids, self.tr("Recolour"), color=color))

    def delete_selected(self) -> None:
        ids = [a.id for a in self.dock.selected()]
        if ids:
            self._push(DeleteAnnotationsCommand(self, ids))

    def rename_tag(self, old: str, new: str) -> None:
        self._push(TagCommand(self, self.tr("Rename Tag"), old, new))

    def delete_tag(self, name: str) -> None:
        self._push(TagCommand(self, self.tr("Delete Tag"), name, None))

    def manage_tags(self) -> None:
        TagManagerDialog(self, self.window).exec()

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
        self._run(lambda: self.library.set_color_label(color, label))
        self._label_colors()
        self.refresh_list()

    # -- showing ---------------------------------------------------------------------------

    def document_opened(self, doc_id: int | None) -> None:
        annotations = self._document_annotations()
        self.paint(annotations)
        if self.dock.scope_value() == THIS_DOCUMENT:
            self.refresh_list(annotations)

    def changed(self, doc_ids, *, select: int | None = None, tags_changed: bool = False) -> None:
        annotations = self._document_annotations()
        if self.window.current_id in doc_ids:
            self.paint(annotations)
        self.refresh_list(annotations)
        if select is not None:
            self.dock.select_ids([select])
        self.annotations_changed.emit()

    def _document_annotations(self) -> list:
        doc_id = self.window.current_id
        return [] if doc_id is None else self._run(lambda: self.library.annotations(doc_id)) or []

    def paint(self, annotations: list | None = None) -> None:
        if annotations is None:
            annotations = self._document_annotations()
        by_color: dict[str, list[tuple[int, int]]] = {color: [] for color in COLORS}
        for a in annotations:
            if not a.orphaned:
                by_color[a.color].append((a.start, a.end))
        self.view.set_span_layers({layer_name(c): (_union(spans), highlight_format(c), _Z) for c, spans in by_color.items()})

    def refresh_list(self, annotations: list | None = None) -> None:
        """Reload the dock; `annotations` may pass the current document's, already read."""
        if self.dock.scope_value() != THIS_DOCUMENT:
            annotations = self._run(lambda: self.library.annotations()) or []
        elif annotations is None:
            annotations = self._document_annotations()
        titles = {info.id: info.title for info in self.library.documents()}
        tags = [t.name for t in self.library.tags()]
        self.dock.set_annotations(annotations, titles, self.library.color_labels(), tags)

    def jump_to(self, annotation) -> None:
        if annotation.doc_id != self.window.current_id:
            self.window.open_document(annotation.doc_id)
        if annotation.orphaned:
            self.window.statusBar().showMessage(
                self.tr("This annotation is orphaned: its passage is no longer in the document."), 6000
            )
            return
        self.view.show_span(annotation.start, annotation.end)

    def _list_menu(self, global_pos) -> None:
        selected = self.dock.selected()
        if not selected:
            return
        ids = [a.id for a in selected]
        menu = build_menu(self.dock, [self.note_action if len(ids) == 1 else None, self.tag_action, None, self.delete_action])
        recolor = menu.addMenu(self.tr("Recolour"))
        for color in COLORS:
            recolor.addAction(self.color_actions[color].text(), lambda color=color: self.recolor(ids, color))
        menu.exec(global_pos)

    # -- plumbing --------------------------------------------------------------------------

    def _push(self, command) -> bool:
        """Run a command through the undo stack; a library error becomes a dialog, not a crash."""
        try:
            push(self.window.undo_stack, command)
        except ReaderError as exc:
            QMessageBox.warning(self.window, self.tr("Report Reader"), str(exc))
            return False
        return True

    def _run(self, fn):
        try:
            return fn()
        except ReaderError as exc:
            QMessageBox.warning(self.window, self.tr("Report Reader"), str(exc))
            return None
