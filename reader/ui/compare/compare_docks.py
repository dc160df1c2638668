"""The compare window's docks: targets side by side, and terms that came, went or shifted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.compare.model import ADDED, CHANGED, LOWERED, RAISED, REMOVED, SAME, TargetChange, TermCount, TermsDiff
from reader.core.extracted import Target

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# What the change column shows: ↑ raised, ↓ lowered, = same, ~ reworded, new, dropped.
MARKS = {SAME: "=", ADDED: "new", REMOVED: "dropped"}


def change_mark(change: TargetChange) -> str:
    if change.change == CHANGED:
        return {RAISED: "↑", LOWERED: "↓"}.get(change.direction, "~")
    return MARKS.get(change.change, change.change)


def target_value(target: Target | None) -> str:
    if target is None:
        return "—"
    if target.value is None:
        return target.text if len(target.text) <= 16 else target.text[:15] + "…"
    value = f"{target.value:g}" + (f"–{target.value_max:g}" if target.value_max is not None else "")
    return f"{value}{target.unit}{target.qualifier}"


class CompareTargetsDock(QDockWidget):
    """Indicator, year A, year B and the change; emits target_activated(change) on a click."""

    target_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Targets"), parent)
        self.setObjectName("compare_targets_dock")
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self._on_cell)
        self.table.cellActivated.connect(self._on_cell)
        self.setWidget(self.table)
        self._changes: list[TargetChange] = []
        self.set_years("A", "B")

    def set_years(self, a: str, b: str) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Indicator"), a, b, ""])

    def set_targets(self, changes: list[TargetChange]) -> None:
        self._changes = list(changes)
        self.table.setRowCount(0)
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = [change.indicator, target_value(change.a), target_value(change.b), change_mark(change)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_ROLE, row)
                item.setToolTip("\n".join(t.text for t in (change.a, change.b) if t is not None))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

    def rows(self) -> list[list[str]]:
        """The table as shown, row by row (what a reader reads)."""
        out = []
        for row in range(self.table.rowCount()):
            out.append([(item.text() if (item := self.table.item(row, column)) else "") for column in range(4)])
        return out

    def _on_cell(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._changes):
            self.target_activated.emit(self._changes[row])


class CompareTermsDock(QDockWidget):
    """New, dropped and shifting terms with their counts; emits term_activated(term)."""

    term_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Terms"), parent)
        self.setObjectName("compare_terms_dock")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Term"), "A", "B"])
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.setWidget(self.tree)

    def set_years(self, a: str, b: str) -> None:
        self.tree.setHeaderLabels([self.tr("Term"), a, b])

    def set_terms(self, terms: TermsDiff) -> None:
        self.tree.clear()
        groups = ((self.tr("New"), terms.added), (self.tr("Dropped"), terms.removed), (self.tr("Shifting"), terms.changed))
        for label, counts in groups:
            group = QTreeWidgetItem(self.tree, [f"{label} ({len(counts)})"])
            group.setFirstColumnSpanned(True)
            for count in counts:
                self._add(group, count)
            group.setExpanded(True)

    def _add(self, group: QTreeWidgetItem, count: TermCount) -> None:
        item = QTreeWidgetItem(group, [count.term, str(count.a), str(count.b)])
        item.setData(0, ROW_ROLE, count.term)
        for column in (1, 2):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def terms(self, group: int) -> list[str]:
        top = self.tree.topLevelItem(group)
        if top is None:
            return []
        return [child.text(0) for n in range(top.childCount()) if (child := top.child(n)) is not None]

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        term = item.data(0, ROW_ROLE)
        if isinstance(term, str):
            self.term_activated.emit(term)
