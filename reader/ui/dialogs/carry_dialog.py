"""Annotate ▸ Carry Annotations From…: choose an earlier report, see where each of its annotations
would land on the open one (kept, changed with both wordings, dropped), then Apply.

The preview is the plan reader.ops.carry.apply_carry writes (CarryCommand, one undo step), so
what the list shows is exactly what Apply does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.ops.carry import CHANGED, DROPPED, KEPT, CarryPlan, plan_carry
from reader.store.library import DocumentInfo, Library

STATUS, PASSAGE, IN_B = range(3)
_STATUS_COLORS = {KEPT: "#3a8a3a", CHANGED: "#b36b00", DROPPED: "#888888"}


def default_source(documents: list[DocumentInfo], target: DocumentInfo) -> DocumentInfo | None:
    """The same kind of document from the latest earlier year (last year's report for this
    year's), else the latest earlier document, else any other document."""
    others = [d for d in documents if d.id != target.id]
    if not others:
        return None
    if target.year is not None:
        earlier = [d for d in others if d.year is not None and d.year < target.year]
        same_kind = [d for d in earlier if d.kind == target.kind]
        for pool in (same_kind, earlier):
            if pool:
                return max(pool, key=lambda d: (d.year or 0, d.id))
    return others[0]


class CarryDialog(QDialog):
    def __init__(self, library: Library, target_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.target = library.info(target_id)
        self.plan: CarryPlan | None = None
        self.setWindowTitle(self.tr("Carry Annotations From…"))

        documents = [d for d in library.documents() if d.id != target_id]
        self.source = QComboBox(self)
        for info in documents:
            self.source.addItem(_label(info), info.id)
        default = default_source(documents, self.target)
        if default is not None:
            self.source.setCurrentIndex(self.source.findData(default.id))

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Status"), self.tr("Passage (earlier report)"), self.tr("In this report")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        header = self.list.header()
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PASSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(IN_B, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Carry from:"), self.source)
        form.addRow(self.tr("Onto:"), QLabel(_label(self.target), self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560)

        self.source.currentIndexChanged.connect(lambda _n: self.preview())
        self.preview()

    def source_id(self) -> int | None:
        data = self.source.currentData()
        return int(data) if data is not None else None

    def preview(self) -> None:
        """Plan the carry from the chosen document and list it."""
        self.list.clear()
        self.plan = None
        source = self.source_id()
        if source is None:
            self.summary.setText(self.tr("There is no other document in the library to carry annotations from."))
            self.apply_button.setEnabled(False)
            return
        try:
            self.plan = plan_carry(self.library, source, self.target.id)
        except ReaderError as exc:
            self.summary.setText(str(exc))
            self.apply_button.setEnabled(False)
            return
        self._fill(self.plan)

    def _fill(self, plan: CarryPlan) -> None:
        names = {KEPT: self.tr("kept"), CHANGED: self.tr("changed"), DROPPED: self.tr("dropped")}
        for entry in plan.items:
            placement = entry.placement
            if entry.status == DROPPED:
                after = self.tr("(not in this report: not placed)")
            else:
                after = _one_line(placement.after)
            row = QTreeWidgetItem([names[entry.status], _one_line(placement.before), after])
            row.setData(STATUS, Qt.ItemDataRole.UserRole, entry.status)
            row.setForeground(STATUS, QColor(_STATUS_COLORS[entry.status]))
            if entry.status == DROPPED:
                row.setForeground(IN_B, QColor(_STATUS_COLORS[DROPPED]))
            elif entry.status == CHANGED:  # the new wording stands out beside the old
                bold = row.font(IN_B)
                bold.setBold(True)
                row.setFont(IN_B, bold)
            row.setToolTip(IN_B, after)
            if entry.source.note:
                row.setToolTip(PASSAGE, entry.source.note)
            self.list.addTopLevelItem(row)
        counts = plan.counts()
        total = len(plan.items) + len(plan.already)
        if not total:
            text = self.tr("%1 has no annotations to carry.").replace("%1", plan.a_title)
        else:
            text = (
                self.tr("%1 kept, %2 changed, %3 dropped of %4 annotations.")
                .replace("%1", str(counts[KEPT]))
                .replace("%2", str(counts[CHANGED]))
                .replace("%3", str(counts[DROPPED]))
                .replace("%4", str(total))
            )
            if plan.already:
                text += " " + self.tr("%1 were carried before and are left as they are.").replace("%1", str(len(plan.already)))
        self.summary.setText(text)
        placed = len(plan.placed())
        self.apply_button.setEnabled(bool(placed))
        self.apply_button.setText(self.tr("Carry %n Annotation(s)").replace("%n", str(placed)) if placed else self.tr("Apply"))

    def statuses(self) -> list[tuple[str, str, str]]:
        """What the preview lists: (status, before, after) a row, in order (for tests and copying)."""
        out = []
        for n in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(n)
            assert row is not None
            out.append((str(row.data(STATUS, Qt.ItemDataRole.UserRole)), row.text(PASSAGE), row.text(IN_B)))
        return out


def _label(info: DocumentInfo) -> str:
    return f"{info.title} ({info.year})" if info.year and str(info.year) not in info.title else info.title


def _one_line(text: str) -> str:
    return " ".join(text.split())
