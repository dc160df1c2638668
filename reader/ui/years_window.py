"""View ▸ Targets by Year: the library's main targets as a table, years as columns.

Each cell shows the figure with its change marker (↑ ↓ = new dropped ~: never colour alone),
tinted by the change, with a tooltip saying it in a sentence; clicking a cell opens its
document in the main window with the target's sentence selected. Export… writes the table as
CSV, Markdown or HTML. The window remembers its geometry and rebuilds the table whenever
documents are added, replaced or removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reader.core.years import DROPPED, LOWERED, NEW, RAISED, REWORDED, SAME, Cell, Row, YearsTable, figure
from reader.errors import ReaderError
from reader.export.years import EXTENSIONS, RENDERERS, SYMBOLS, cell_text
from reader.ui import settings
from reader.ui.changes import show_error
from reader.ui.library_windows import LibraryWindow, ask_export_path, export_format, open_passage

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

# Light tints with dark text set alongside, so a cell reads the same in the dark theme.
TINTS = {
    RAISED: "#d8f0d8",
    LOWERED: "#f7d9d9",
    SAME: "#f2f2f2",
    NEW: "#d9e6fa",
    DROPPED: "#e4e4e4",
    REWORDED: "#fbeec8",
}
_CONFLICT = "#f5c08a"
_TEXT = "#1a1a1a"
_CELL_ROLE = Qt.ItemDataRole.UserRole


class YearsWindow(LibraryWindow):
    """One table window over the main window's library (a tool window, not modal)."""

    GEOMETRY_KEY = settings.YEARS_GEOMETRY
    DEFAULT_SIZE = (1100, 560)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.setObjectName("years_window")
        self.setWindowTitle(self.tr("Targets by Year"))
        self.table_data: YearsTable | None = None
        self.meanings = {
            RAISED: self.tr("raised"),
            LOWERED: self.tr("lowered"),
            SAME: self.tr("same"),
            NEW: self.tr("new"),
            DROPPED: self.tr("dropped"),
            REWORDED: self.tr("reworded"),
        }

        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setMaximumWidth(260)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self.open_cell)
        self.table.cellActivated.connect(self.open_cell)

        self.empty = QLabel(self.tr("No report or summary in the library states its main targets (主要预期目标)."), self)
        self.empty.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setText(self._legend_html())
        self.legend.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.clicked.connect(self.choose_export)

        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)

        self.start()

    # -- contents ---------------------------------------------------------------------------

    def refresh(self) -> None:
        from reader.ops.years import years_table

        try:
            data = years_table(self.main.library)
        except ReaderError as exc:
            show_error(self, exc)
            return
        self.table_data = data
        self.table.clear()
        self.table.setColumnCount(len(data.years))
        self.table.setRowCount(len(data.rows))
        self.table.setHorizontalHeaderLabels([str(year) for year in data.years])
        self.table.setVerticalHeaderLabels([row.indicator for row in data.rows])
        for r, row in enumerate(data.rows):
            self.table.verticalHeaderItem(r).setToolTip(row.key)
            for c, year in enumerate(data.years):
                cell = row.cells.get(year)
                if cell is not None:
                    self.table.setItem(r, c, self._item(row, cell))
        self.table.setVisible(bool(data.years))
        self.empty.setVisible(not data.years)
        self.export_button.setEnabled(bool(data.years))
        header = self.table.horizontalHeader()
        for c in range(len(data.years)):
            header.resizeSection(c, 150)

    def cell_text(self, cell: Cell) -> str:
        """cell_text (the exports') in the reader's language: its word markers (new, dropped) and
        "(conflict)" translated; the arrows and signs are the same in every language."""
        text = cell_text(cell).replace(" (conflict)", " " + self.tr("(conflict)"))
        for change in (NEW, DROPPED):
            if text.endswith(SYMBOLS[change]):
                text = text[: -len(SYMBOLS[change])] + self.meanings[change]
        return text

    def _item(self, row: Row, cell: Cell) -> QTableWidgetItem:
        item = QTableWidgetItem(self.cell_text(cell))
        tint = _CONFLICT if cell.conflict else TINTS.get(cell.change or "", "")
        if tint:
            item.setBackground(QBrush(QColor(tint)))
            item.setForeground(QBrush(QColor(_TEXT)))
        item.setToolTip(self.sentence(row, cell))
        item.setData(_CELL_ROLE, (cell.doc_id, cell.target.start, cell.target.end) if cell.target else None)
        return item

    def sentence(self, row: Row, cell: Cell) -> str:
        """What the cell says, in a sentence: its figure, its change and where it comes from."""
        titles = {doc.doc_id: doc.title for doc in self.table_data.documents} if self.table_data else {}
        before = figure(cell.previous.target) if cell.previous else ""
        since = str(cell.previous_year or "")
        if not cell.stated:
            return (
                self.tr("%1: %2 is no longer among the targets (%3 in %4).")
                .replace("%1", str(cell.year))
                .replace("%2", row.indicator)
                .replace("%3", before)
                .replace("%4", since)
            )
        assert cell.target is not None
        if cell.conflict:
            versions = "; ".join(f"{figure(s.target)} ({titles.get(s.doc_id, s.doc_id)})" for s in cell.stated)
            head = self.tr("%1: the documents of this year differ — %2.").replace("%1", str(cell.year)).replace("%2", versions)
        else:
            head = (
                self.tr("%1: %2 — from “%3”.")
                .replace("%1", str(cell.year))
                .replace("%2", cell.target.text)
                .replace("%3", str(titles.get(cell.doc_id or 0, "")))
            )
        if cell.change is None:
            return head
        if cell.change == NEW:
            tail = self.tr("New this year.")
        elif cell.change == SAME:
            tail = self.tr("The same as in %1.").replace("%1", since)
        else:
            tail = (
                self.tr("%1 against %2 in %3.")
                .replace("%1", self.meanings[cell.change].capitalize())
                .replace("%2", before)
                .replace("%3", since)
            )
        return f"{head}\n{tail}"

    def _legend_html(self) -> str:
        swatches = []
        for change in (RAISED, LOWERED, SAME, NEW, DROPPED, REWORDED):
            swatches.append(
                f'<span style="background:{TINTS[change]};color:{_TEXT}">&nbsp;{SYMBOLS[change]}&nbsp;</span> {self.meanings[change]}'
            )
        swatches.append(f'<span style="background:{_CONFLICT};color:{_TEXT}">&nbsp;a ≠ b&nbsp;</span> ' + self.tr("documents differ"))
        return "&nbsp;&nbsp; ".join(swatches)

    # -- actions ----------------------------------------------------------------------------

    def open_cell(self, r: int, c: int) -> None:
        """Open the cell's document in the main window with the target's sentence selected."""
        item = self.table.item(r, c)
        where = item.data(_CELL_ROLE) if item is not None else None
        if not where:
            return
        doc_id, start, end = where
        open_passage(self.main, doc_id, start, end)

    def choose_export(self) -> None:
        if self.table_data is None:
            return
        filters = {
            self.tr("CSV (*.csv)"): "csv",
            self.tr("Markdown (*.md)"): "markdown",
            self.tr("Web page (*.html)"): "html",
        }
        path, form = ask_export_path(self, self.tr("Export Targets by Year"), "targets-by-year.csv", filters)
        if path:
            self.export_to(path, form)

    def export_to(self, path: str, form: str = "") -> None:
        """Write the table to `path`; the format from `form`, else from the file's extension."""
        from reader.ops.export import write

        if self.table_data is None:
            return
        if not form:
            form = export_format(path, EXTENSIONS)
        try:
            write(path, RENDERERS[form](self.table_data))
        except ReaderError as exc:
            show_error(self, exc)
