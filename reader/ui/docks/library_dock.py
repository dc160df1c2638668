"""The library dock: documents grouped by year, with kind and script; opening by click.

Titles get the room: the kind and script columns stay as narrow as their contents, and give
way altogether (into the title's tooltip) when the dock is too narrow for the titles; only
then are titles elided, in the middle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.store.library import DocumentInfo

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE, KIND, SCRIPT = 0, 1, 2


class LibraryDock(QDockWidget):
    """Lists the library; emits document_activated(id) when the reader picks one."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Library"), parent)
        self.setObjectName("library_dock")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Title"), self.tr("Kind"), self.tr("Script")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(max(10, self.fontMetrics().horizontalAdvance("M")))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.viewport().installEventFilter(self)
        self.setWidget(self.tree)
        self._title_width = 0  # what the longest title needs, indentation included

    def set_documents(self, infos: Iterable[DocumentInfo], current: int | None = None) -> None:
        self.tree.clear()
        groups: dict[object, QTreeWidgetItem] = {}
        for info in infos:
            year = info.year if info.year is not None else self.tr("No year")
            group = groups.get(year)
            if group is None:
                group = QTreeWidgetItem(self.tree, [str(year)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)  # a year never shares its row with columns
                group.setExpanded(True)
                groups[year] = group
            kind, script = self._kind_name(info.kind), self._script_name(info.script)
            item = QTreeWidgetItem(group, [info.title, kind, script])
            item.setData(0, DOC_ID_ROLE, info.id)
            item.setToolTip(0, f"{info.title}\n{kind} · {script}\n{info.source_name}\n{info.char_count:,} " + self.tr("characters"))
            if info.id == current:
                self.tree.setCurrentItem(item)
        metrics = self.tree.fontMetrics()
        titles = (item.text(TITLE) for item in self._document_items())
        self._title_width = max((metrics.horizontalAdvance(t) for t in titles), default=0) + 2 * self.tree.indentation() + 12
        self._fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Kind and script show while the titles fit beside them; else the titles get it all."""
        header = self.tree.header()
        beside = sum(max(header.sectionSizeHint(column), self.tree.sizeHintForColumn(column)) for column in (KIND, SCRIPT))
        room = self.tree.viewport().width()
        narrow = self._title_width + beside > room
        for column in (KIND, SCRIPT):
            if self.tree.isColumnHidden(column) != narrow:
                self.tree.setColumnHidden(column, narrow)

    def compact(self) -> bool:
        """Whether the kind and script columns gave way to the titles."""
        return self.tree.isColumnHidden(KIND)

    def select(self, doc_id: int) -> None:
        for item in self._document_items():
            if item.data(0, DOC_ID_ROLE) == doc_id:
                self.tree.setCurrentItem(item)
                return

    def selected_ids(self) -> list[int]:
        return [item.data(0, DOC_ID_ROLE) for item in self.tree.selectedItems() if item.data(0, DOC_ID_ROLE) is not None]

    def _document_items(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:  # only for an index out of range
                continue
            for j in range(group.childCount()):
                item = group.child(j)
                if item is not None:
                    yield item

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        doc_id = item.data(0, DOC_ID_ROLE)
        if doc_id is not None:
            self.document_activated.emit(doc_id)

    def _kind_name(self, kind: str) -> str:
        return {
            "report": self.tr("Report"),
            "summary": self.tr("Summary"),
            "commentary": self.tr("Commentary"),
        }.get(kind, self.tr("Other"))

    def _script_name(self, script: str) -> str:
        return {
            "simplified": self.tr("简体"),
            "traditional": self.tr("繁體"),
            "mixed": self.tr("Mixed"),
        }.get(script, "—")
