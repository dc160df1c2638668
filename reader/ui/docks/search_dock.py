"""Library-wide search: documents and annotations in either script, results with context.

Searching runs off the GUI thread on its own library connection (SQLite connections belong to
the thread that opened them); the first search also brings the full-text index up to date,
with progress. Typing restarts the search after a short pause; stale results are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui import workers

if TYPE_CHECKING:
    from reader.store.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_DELAY_MS = 250


def _search_in_thread(path: Path, query: str, report: Callable[[int, int, str], None]) -> list[SearchHit]:
    from reader.store.library import Library
    from reader.store.search import index_pending, pending_count, search

    with Library.open(path) as library:
        total = pending_count(library)
        if total:
            index_pending(library, progress=lambda done, _total: report(done, total, "index"))
        return search(library, query)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column (QTreeView sizes rows for one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        depth = 1 if index.parent().isValid() else 0
        width = self._tree.viewport().width() - self._tree.indentation() * (depth + 1) - 8
        text = str(index.data() or "")
        if width <= 0 or not text:
            return base
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, max(base.height(), rect.height() + 4))


class SearchDock(QDockWidget):
    """Emits hit_activated(hit) when the reader picks a result; results_ready(count) after a search."""

    hit_activated = Signal(object)
    results_ready = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Search Library"), parent)
        self.setObjectName("search_dock")
        self.library_path: Path | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.line = QLineEdit(body)
        self.line.setPlaceholderText(self.tr("Search documents and annotations (either script)"))
        self.line.setClearButtonEnabled(True)
        layout.addWidget(self.line)
        self.status = QLabel(body)
        self.status.setEnabled(False)
        layout.addWidget(self.status)
        self.tree = QTreeWidget(body)
        self.tree.setHeaderHidden(True)
        # Results wrap: a one-line row in a narrow dock is cut off at its end, which can be
        # before the match itself.
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.installEventFilter(self)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.line.textChanged.connect(lambda _t: self._timer.start())
        self.line.returnPressed.connect(self.search_now)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            self.tree.scheduleDelayedItemsLayout()  # rows wrap anew at the new width
        return super().eventFilter(watched, event)

    def focus(self) -> None:
        self.show()
        self.raise_()
        self.line.setFocus()
        self.line.selectAll()

    def search_now(self) -> None:
        self._timer.stop()
        query = self.line.text().strip()
        self._generation += 1
        generation = self._generation
        if not query or self.library_path is None:
            self.tree.clear()
            self.status.clear()
            return
        self.status.setText(self.tr("Searching…"))
        path = self.library_path
        job = workers.Job(lambda report: _search_in_thread(path, query, report))
        job.signals.progress.connect(lambda done, total, _label: self._on_progress(generation, done, total))
        job.signals.finished.connect(lambda hits: self._show(generation, query, hits))
        job.signals.failed.connect(lambda exc: self._failed(generation, exc))
        workers.start(job)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            # The queue holds documents and annotations alike: count them as such, not as documents.
            text = self.tr("Preparing search: %1 of %2 documents and annotations indexed…")
            self.status.setText(text.replace("%1", str(done)).replace("%2", str(total)))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.status.setText(str(exc))

    def _show(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # the reader typed on; a newer search is under way
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for hit in hits:
            group = groups.get(hit.doc_id)
            if group is None:
                group = QTreeWidgetItem(self.tree, [hit.title])
                group.setFont(0, bold)
                group.setData(0, HIT_ROLE, None)
                group.setExpanded(True)
                groups[hit.doc_id] = group
            context = hit.context
            shown = f"{context[: hit.match_start]}【{context[hit.match_start : hit.match_end]}】{context[hit.match_end :]}"
            if hit.kind == "annotation":
                shown = "✎ " + shown
            item = QTreeWidgetItem(group, [shown])
            item.setData(0, HIT_ROLE, hit)
            item.setToolTip(0, context)
        for group in groups.values():
            group.setText(0, f"{group.text(0)}  ({group.childCount()})")
        if hits:
            text = self.tr("%1 results in %2 documents for “%3”")
            self.status.setText(text.replace("%1", str(len(hits))).replace("%2", str(len(groups))).replace("%3", query))
        else:
            self.status.setText(self.tr("Nothing found for “%1”.").replace("%1", query))
        self.results_ready.emit(len(hits))

    def hits(self) -> list[SearchHit]:
        out: list[SearchHit] = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            if group is None:  # only for an index out of range
                continue
            children = (group.child(k) for k in range(group.childCount()))
            out.extend(child.data(0, HIT_ROLE) for child in children if child is not None)
        return out

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
