"""The Targets dock (a table) and the Tasks dock (a tree); a click jumps to the text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from reader.core.extracted import Target, Task

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1

# What a row offers to annotate: its (start, end) in the original text and a label for the note.
_SpanAndLabel = tuple[tuple[int, int], str]


class _ResultDock(QDockWidget):
    """A dock showing a list, or a sentence saying why it is empty (still looking / none found).

    Its items' context menu offers "Annotate", emitted as annotate_requested(start, end, label).
    """

    annotate_requested = Signal(int, int, str)

    def _offer_annotate(self, view: QAbstractItemView, span_and_label: Callable[[QModelIndex], _SpanAndLabel | None]) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def menu(pos: QPoint) -> None:
            found = span_and_label(view.indexAt(pos))
            if found is None:
                return
            (start, end), label = found
            popup = QMenu(view)
            popup.addAction(self.tr("Annotate"), lambda: self.annotate_requested.emit(start, end, label))
            popup.exec(view.viewport().mapToGlobal(pos))

        view.customContextMenuRequested.connect(menu)

    def _set_view(self, view: QWidget, empty: str) -> None:
        self._empty_text = empty
        self._stack = QStackedWidget(self)
        self._stack.addWidget(view)
        self.message = QLabel(self._stack)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(12)
        self.message.setEnabled(False)  # drawn in the palette's placeholder grey
        self._stack.addWidget(self.message)
        self.setWidget(self._stack)
        self.show_pending(False)

    def show_pending(self, pending: bool = True) -> None:
        """While extraction runs: say so instead of an empty list."""
        self.message.setText(self.tr("Looking…") if pending else self._empty_text)
        self._stack.setCurrentWidget(self.message)

    def _show_results(self, count: int) -> None:
        if count:
            self._stack.setCurrentIndex(0)
        else:
            self.show_pending(False)


class TargetsDock(_ResultDock):
    """Indicator, value, qualifier and the words as written; emits span_activated(start, end)."""

    span_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Targets"), parent)
        self.setObjectName("targets_dock")
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Value"), self.tr("Qualifier"), self.tr("Text")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The indicator takes the room left by value and qualifier, so the three fit a narrow
        # dock without a horizontal scroll bar; the sentence as written is each row's tooltip
        # (and a click shows it in the text), its column only for a dock made wide.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header.hideSection(3)
        self.table.cellClicked.connect(self._on_cell)
        self.table.cellActivated.connect(self._on_cell)
        self._set_view(self.table, self.tr("No main-targets sentence (主要预期目标) in this document."))
        self._offer_annotate(self.table, self.target_at)

    def set_targets(self, targets: Sequence[Target]) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(targets))
        for row, target in enumerate(targets):
            if target.value is None:
                value = "—"
            else:
                value = f"{target.value:g}"
                if target.value_max is not None:
                    value += f"–{target.value_max:g}"
                value += target.unit
            cells = [target.indicator, value, target.qualifier, target.text]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SPAN_ROLE, (target.start, target.end))
                item.setToolTip(f"{target.key}: {target.text}")
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._show_results(len(targets))

    def target_at(self, index: QModelIndex) -> _SpanAndLabel | None:
        """(span, label) of the target in the row of `index`, or None."""
        item = self.table.item(index.row(), 0) if index.isValid() else None
        return (item.data(SPAN_ROLE), item.text()) if item is not None else None

    def _on_cell(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.span_activated.emit(*item.data(SPAN_ROLE))


class TasksDock(_ResultDock):
    """The tasks as a tree: each task with the lead sentences under it."""

    span_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tasks"), parent)
        self.setObjectName("tasks_dock")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self._set_view(self.tree, self.tr("No tasks section (政府工作任务) or numbered task summary in this document."))
        self._offer_annotate(self.tree, self.task_at)

    def set_tasks(self, tasks: Sequence[Task]) -> None:
        self.tree.clear()
        for task in tasks:
            item = QTreeWidgetItem(self.tree, [f"{task.number}. {task.title}"])
            item.setData(0, SPAN_ROLE, (task.start, task.end))
            item.setToolTip(0, task.title)
            for child in task.children:
                leaf = QTreeWidgetItem(item, [child.title])
                leaf.setData(0, SPAN_ROLE, (child.start, child.end))
                leaf.setToolTip(0, child.title)
        self.tree.expandToDepth(0)
        self._show_results(len(tasks))

    def task_at(self, index: QModelIndex) -> _SpanAndLabel | None:
        item = self.tree.itemFromIndex(index) if index.isValid() else None
        return (item.data(0, SPAN_ROLE), item.text(0)) if item is not None else None

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, SPAN_ROLE)
        if span is not None:
            self.span_activated.emit(*span)
