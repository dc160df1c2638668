"""The outline dock: the document's headings as a tree; a click jumps to the heading.

As the reader scrolls, the heading of the section at the top of the text is marked (current
and bold) and kept in view in the tree, without taking the focus or moving the text.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.model import HEADING, Document
from reader.ui.reading.linked_panes import LinkedPanes

BLOCK_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineDock(QDockWidget):
    """Emits block_activated(index) with the index of the heading block the reader picked."""

    block_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outline"), parent)
        self.setObjectName("outline_dock")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.setWidget(self.tree)
        self._starts: list[int] = []  # block index of each heading, in document order
        self._items: list[QTreeWidgetItem] = []
        self._marked: QTreeWidgetItem | None = None
        self._view: LinkedPanes | None = None

    def follow(self, view: LinkedPanes) -> None:
        """Mark the section at the top of `view`'s left pane whenever it scrolls."""
        self._view = view
        view.pane(0).verticalScrollBar().valueChanged.connect(lambda _value: self._follow_view())

    def _follow_view(self) -> None:
        if self._view is not None and self._starts:
            self.mark_block(self._view.top_block_number())

    def set_document(self, document: Document | None) -> None:
        self.tree.clear()
        self._starts, self._items, self._marked = [], [], None
        if document is None:
            return
        # A stack of (level, item): a heading nests under the nearest shallower heading.
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for index, block in enumerate(document.blocks):
            if block.kind != HEADING:
                continue
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            parent = stack[-1][1] if stack else self.tree.invisibleRootItem()
            text = block.text if len(block.text) <= 40 else block.text[:39] + "…"
            item = QTreeWidgetItem(parent, [text])
            item.setToolTip(0, block.text)
            item.setData(0, BLOCK_INDEX_ROLE, index)
            stack.append((block.level, item))
            self._starts.append(index)
            self._items.append(item)
        self.tree.expandAll()
        self._follow_view()

    def mark_block(self, top: int) -> None:
        """Mark the heading of the section holding block `top` (none above the first heading)."""
        at = bisect_right(self._starts, top) - 1
        item = self._items[at] if at >= 0 else None
        if item is self._marked:
            return
        if self._marked is not None:
            self._set_bold(self._marked, False)
        self._marked = item
        blocked = self.tree.blockSignals(True)  # a current-item change is not the reader's pick
        try:
            if item is None:
                self.tree.setCurrentIndex(QModelIndex())
                self.tree.clearSelection()
                return
            self._set_bold(item, True)
            self.tree.setCurrentItem(item)
        finally:
            self.tree.blockSignals(blocked)
        self.tree.viewport().update()
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def marked_block(self) -> int | None:
        """The block index of the heading marked as being read, or None."""
        return None if self._marked is None else self._marked.data(0, BLOCK_INDEX_ROLE)

    @staticmethod
    def _set_bold(item: QTreeWidgetItem, bold: bool) -> None:
        font = item.font(0)
        font.setBold(bold)
        item.setFont(0, font)

    def heading_count(self) -> int:
        count = 0
        pending = [self.tree.invisibleRootItem()]
        while pending:
            item = pending.pop()
            count += item.childCount()
            children = (item.child(i) for i in range(item.childCount()))
            pending.extend(child for child in children if child is not None)
        return count

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, BLOCK_INDEX_ROLE)
        if index is not None:
            self.block_activated.emit(index)
