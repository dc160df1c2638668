"""The outline dock: the document's headings as a tree; a click jumps to the heading."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.model import HEADING, Document

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

    def set_document(self, document: Document | None) -> None:
        self.tree.clear()
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
        self.tree.expandAll()

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
