"""What became of each file of an import: imported, already in the library, or not imported and
why, with what was read but may surprise (damaged bytes replaced) under the file it concerns.

Shown after an import of several files, or of one that was not simply imported; the rows copy as
tab-separated text (Ctrl+C or Copy), and Open (or a double click) opens an imported document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

IMPORTED = "imported"
PRESENT = "present"  # the library already held this exact text
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """One file of an import: its outcome, the document now holding it (title and id), or the
    one-sentence reason it was not imported; warnings about what was read."""

    path: str
    status: str
    title: str = ""
    doc_id: int | None = None
    reason: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def clean(self) -> bool:
        """Imported as is: nothing the reader needs to be told about."""
        return self.status == IMPORTED and not self.warnings


_DOC_ROLE = Qt.ItemDataRole.UserRole


class ImportResultsDialog(QDialog):
    """The per-file list of an import. Emits open_requested(id) for Open or a double click."""

    open_requested = Signal(int)

    def __init__(self, outcomes: list[FileOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_results")
        self.outcomes = list(outcomes)
        self.setWindowTitle(self.tr("Import Results"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Title or reason")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)  # in full below and in the tooltip
        self.tree.setRootIsDecorated(any(o.warnings for o in self.outcomes))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for outcome in self.outcomes:
            self.tree.addTopLevelItem(self._row(outcome))
        self.tree.expandAll()
        self.tree.setColumnWidth(0, min(self.tree.sizeHintForColumn(0) + 24, 260))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the last column elides
        wanted = self.tree.columnWidth(0) + self.tree.sizeHintForColumn(1) + self.tree.sizeHintForColumn(2) + 60
        self.tree.itemSelectionChanged.connect(self._update_open)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        layout.addWidget(self.tree, 1)
        # The current row's title or reason in full, wrapped: a long reason is cut in the list.
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 2)
        layout.addWidget(self.detail)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.tree, self.copy)

        first = next((i for i, o in enumerate(self.outcomes) if o.doc_id is not None), 0)
        current = self.tree.topLevelItem(first)
        if current is not None:
            self.tree.setCurrentItem(current)
        self._update_open()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        widest = int(screen.width() * 0.8) if screen is not None else 1000
        self.resize(max(640, min(wanted, widest)), min(200 + 26 * self._row_count(), 560))

    # ------------------------------------------------------------------ rows

    def _summary(self) -> str:
        counts = {status: sum(o.status == status for o in self.outcomes) for status in (IMPORTED, PRESENT, FAILED)}
        parts = []
        if counts[IMPORTED]:
            parts.append(self.tr("%n imported", "", counts[IMPORTED]))
        if counts[PRESENT]:
            parts.append(self.tr("%n already in the library", "", counts[PRESENT]))
        if counts[FAILED]:
            parts.append(self.tr("%n not imported", "", counts[FAILED]))
        warned = sum(bool(o.warnings) for o in self.outcomes)
        if warned:
            parts.append(self.tr("%n with warnings", "", warned))
        return ", ".join(parts) + "."

    def _row(self, outcome: FileOutcome) -> QTreeWidgetItem:
        style = self.style()
        result, detail, icon = {
            IMPORTED: (self.tr("Imported"), outcome.title, QStyle.StandardPixmap.SP_DialogApplyButton),
            PRESENT: (self.tr("Already in the library"), outcome.title, QStyle.StandardPixmap.SP_FileDialogInfoView),
            FAILED: (self.tr("Not imported"), outcome.reason, QStyle.StandardPixmap.SP_MessageBoxCritical),
        }[outcome.status]
        if outcome.warnings and outcome.status != FAILED:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        item = QTreeWidgetItem([outcome.name, result, detail])
        item.setIcon(1, style.standardIcon(icon))
        item.setToolTip(0, outcome.path)
        item.setToolTip(2, detail)
        item.setData(0, _DOC_ROLE, outcome.doc_id)
        for warning in outcome.warnings:
            child = QTreeWidgetItem(["", self.tr("Warning"), warning])
            child.setToolTip(2, warning)
            child.setData(0, _DOC_ROLE, outcome.doc_id)
            item.addChild(child)
        return item

    def _row_count(self) -> int:
        return len(self.outcomes) + sum(len(o.warnings) for o in self.outcomes)

    def _groups(self) -> list[list[QTreeWidgetItem]]:
        """Each file's row followed by its warnings' rows, in the order shown."""
        groups = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            children = [item.child(j) for j in range(item.childCount())]
            groups.append([item, *(child for child in children if child is not None)])
        return groups

    def rows(self) -> list[tuple[str, str, str]]:
        """Every row as shown (file, result, title or reason); a warning's row has no file name."""
        return [(row.text(0), row.text(1), row.text(2)) for group in self._groups() for row in group]

    # --------------------------------------------------------------- actions

    def copy(self) -> None:
        """The selected rows (every row when none is selected) to the clipboard, tab-separated."""
        chosen = {id(item) for item in self.tree.selectedItems()}
        lines = [
            "\t".join([group[0].text(0), row.text(1), row.text(2)])
            for group in self._groups()
            for row in group
            if not chosen or id(row) in chosen
        ]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def _update_open(self) -> None:
        item = self.tree.currentItem()
        self.open_button.setEnabled(item is not None and item.data(0, _DOC_ROLE) is not None)
        self.detail.setText(item.text(2) if item is not None else "")

    def _open(self, item: QTreeWidgetItem | None) -> None:
        doc_id = item.data(0, _DOC_ROLE) if item is not None else None
        if doc_id is not None:
            self.open_requested.emit(int(doc_id))
