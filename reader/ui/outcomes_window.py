"""View ▸ Targets and Outcomes: each reviewed year's targets beside what the next report says
was achieved, with a verdict, and a small chart per indicator (target band vs outcome).

The verdict is a word and a tint (never the tint alone); a click on a row's target opens the
target's sentence, anywhere else on the row the outcome's sentence, in the main window.
Export… writes the table as CSV or Markdown, or the charts as one PNG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.outcomes import ABOVE, BELOW, MET, MISSED, UNCLEAR, WITHIN, OutcomeRow, outcome_figure
from reader.errors import ReaderError
from reader.export.outcomes import EXTENSIONS, RENDERERS, target_text
from reader.ui import settings
from reader.ui.changes import show_error
from reader.ui.charts import Band, ChartData, ChartWidget, Series, charts_image
from reader.ui.library_windows import LibraryWindow, ask_export_path, export_format, open_passage

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

# Light tints with dark text, so a cell reads the same in the dark theme.
TINTS = {WITHIN: "#d8f0d8", MET: "#d8f0d8", ABOVE: "#d9e6fa", BELOW: "#fbeec8", MISSED: "#f7d9d9", UNCLEAR: "#ececec"}
_TEXT = "#1a1a1a"
_WHERE = Qt.ItemDataRole.UserRole
YEAR, INDICATOR, TARGET, OUTCOME, VERDICT = range(5)


class OutcomesWindow(LibraryWindow):
    """One table-and-charts window over the main window's library (a tool window, not modal)."""

    GEOMETRY_KEY = settings.OUTCOMES_GEOMETRY
    DEFAULT_SIZE = (1200, 680)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.setObjectName("outcomes_window")
        self.setWindowTitle(self.tr("Targets and Outcomes"))
        self.rows: list[OutcomeRow] = []
        self.verdicts = {
            WITHIN: self.tr("within"),
            ABOVE: self.tr("above"),
            BELOW: self.tr("below"),
            MET: self.tr("met"),
            MISSED: self.tr("missed"),
            UNCLEAR: self.tr("unclear"),
        }

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Year"), self.tr("Indicator"), self.tr("Target"), self.tr("Outcome"), self.tr("Verdict")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.cellClicked.connect(self.open_cell)
        self.table.cellActivated.connect(self.open_cell)

        self.charts_box = QWidget(self)
        self.charts_grid = QGridLayout(self.charts_box)
        self.charts: list[ChartWidget] = []
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts_box)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 600])
        scroll.setMinimumWidth(380)

        self.empty = QLabel(self.tr("No report or summary in the library reviews the year before it (工作回顾)."), self)
        self.empty.setWordWrap(True)
        self.legend = QLabel(self._legend_html(), self)
        self.legend.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.clicked.connect(self.choose_export)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self.splitter = splitter

        self.start()

    # -- contents ---------------------------------------------------------------------------

    def refresh(self) -> None:
        from reader.ops.outcomes import outcome_rows

        try:
            rows = outcome_rows(self.main.library)
        except ReaderError as exc:
            show_error(self, exc)
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._fill(r, row)
        self._build_charts()
        self.splitter.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.export_button.setEnabled(bool(rows))

    def _fill(self, r: int, row: OutcomeRow) -> None:
        target = row.target
        outcome = row.outcome
        target_where = (target.doc_id, target.target.start, target.target.end) if target else None
        outcome_where = (outcome.doc_id, outcome.outcome.sentence_start, outcome.outcome.sentence_end) if outcome else None
        no_target = self.tr("(not in the library)") if target is None else ""
        cells = [
            (str(row.year), outcome_where or target_where),
            (row.indicator, outcome_where or target_where),
            (target_text(row) or no_target, target_where),
            (outcome_figure(outcome.outcome) if outcome else "—", outcome_where),
            (self.verdicts[row.verdict], outcome_where or target_where),
        ]
        for c, (text, where) in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(_WHERE, where)
            item.setToolTip(self._tooltip(row, c))
            if c == TARGET and target is None:
                item.setForeground(QBrush(self.palette().color(self.palette().ColorRole.PlaceholderText)))
            if c == VERDICT:
                item.setBackground(QBrush(QColor(TINTS[row.verdict])))
                item.setForeground(QBrush(QColor(_TEXT)))
            self.table.setItem(r, c, item)

    def _tooltip(self, row: OutcomeRow, column: int) -> str:
        if column == TARGET:
            return (
                row.target.target.text if row.target else self.tr("The targets of %1 are not in the library.").replace("%1", str(row.year))
            )
        if row.outcome is None:
            return self.tr("The review of %1 gives no figure for this indicator.").replace("%1", str(row.year))
        return row.outcome.outcome.text

    def _build_charts(self) -> None:
        """A chart per indicator with at least one outcome or target figure: band = target, points = outcome."""
        for chart in self.charts:
            chart.setParent(None)
            chart.deleteLater()
        self.charts = []
        keys: list[str] = []
        for row in self.rows:
            if row.key not in keys:
                keys.append(row.key)
        years = sorted({row.year for row in self.rows})
        for key in keys:
            rows = [row for row in self.rows if row.key == key]
            points = tuple((float(r.year), r.outcome.outcome.value) for r in rows if r.outcome and r.outcome.outcome.value is not None)
            bands = tuple(band for r in rows if (band := _band(r)) is not None)
            if not points and not bands:
                continue
            latest = next((r for r in reversed(rows) if r.target), rows[-1])
            unit = next((r.outcome.outcome.unit for r in rows if r.outcome and r.outcome.outcome.unit), "")
            data = ChartData(
                title=f"{latest.indicator} ({unit})" if unit else latest.indicator,
                series=(Series(self.tr("outcome"), points),),
                bands=bands,
                band_name=self.tr("target"),
                x_labels={float(y): str(y) for y in years},
            )
            chart = ChartWidget(self.charts_box, data)
            chart.setObjectName(f"chart_{key}")
            chart.xClicked.connect(lambda x, k=key: self.open_year(k, int(x)))
            self.charts_grid.addWidget(chart, len(self.charts), 0)
            self.charts.append(chart)

    def _legend_html(self) -> str:
        parts = [f'<span style="background:{TINTS[v]};color:{_TEXT}">&nbsp;{self.verdicts[v]}&nbsp;</span>' for v in TINTS]
        note = self.tr("左右 and a bare figure: within 0.25 point for a rate, 5% for a quantity; a range: its bounds.")
        return "&nbsp; ".join(parts) + "&nbsp;&nbsp; " + note

    # -- actions ----------------------------------------------------------------------------

    def open_cell(self, r: int, c: int) -> None:
        """Open the cell's passage (the target's, or the outcome's sentence) in the main window."""
        item = self.table.item(r, c)
        where = item.data(_WHERE) if item is not None else None
        if where:
            open_passage(self.main, *where)

    def open_year(self, key: str, year: int) -> None:
        """A chart's year clicked: select that row and open its outcome (else its target)."""
        for r, row in enumerate(self.rows):
            if row.key == key and row.year == year:
                self.table.setCurrentCell(r, VERDICT)
                self.open_cell(r, VERDICT)
                return

    def choose_export(self) -> None:
        filters = {
            self.tr("CSV (*.csv)"): "csv",
            self.tr("Markdown (*.md)"): "markdown",
            self.tr("Charts as PNG image (*.png)"): "png",
        }
        path, form = ask_export_path(self, self.tr("Export Targets and Outcomes"), "targets-and-outcomes.csv", filters)
        if path:
            self.export_to(path, form)

    def export_to(self, path: str, form: str = "") -> None:
        """Write the table (csv, markdown) or the charts (png) to `path`; the format from `form`,
        else from the file's extension."""
        from reader.ops.export import write

        if not form:
            form = export_format(path, {**EXTENSIONS, "png": "png"})
        try:
            if form == "png":
                if not charts_image(self.charts).save(path):
                    raise ReaderError(self.tr("Could not write %1.").replace("%1", path))
            else:
                write(path, RENDERERS[form](self.rows))
        except ReaderError as exc:
            show_error(self, exc)


def _band(row: OutcomeRow) -> Band | None:
    """The target as a band: a range its bounds, 左右 / a bare figure ± the tolerance, 以上 open above."""
    from reader.core.find import fold_query
    from reader.core.outcomes import TOLERANCE_POINTS, TOLERANCE_SHARE

    target = row.target.target if row.target else None
    if target is None or target.value is None:
        return None
    label = target.text
    if row.outcome and row.outcome.outcome.unit and fold_query(row.outcome.outcome.unit) != fold_query(target.unit):
        return None  # drawn in the outcome's unit only (万人 and 萬人 are one)
    if target.value_max is not None:
        return Band(float(row.year), target.value, target.value_max, label)
    qualifier = target.qualifier
    if qualifier in ("以上",):
        return Band(float(row.year), target.value, None, label)
    if qualifier in ("以内", "以下", "以內"):  # (以下 is one form in both scripts)
        return Band(float(row.year), None, target.value, label)
    value = target.value
    tolerance = TOLERANCE_POINTS if target.unit == "%" else abs(value) * TOLERANCE_SHARE
    return Band(float(row.year), value - tolerance, value + tolerance, label)
