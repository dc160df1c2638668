"""View ▸ Term Timeline: how often terms occur in each year's reports, as a chart.

Terms are typed (comma or space separated; the policy-term dictionary completes the word being
typed) and drawn as one series each across the years (reader.ui.charts), as lines or bars, raw or
per 10,000 characters. Clicking a year lists its passages (every term's, or the clicked point's
term) and the words that year brought; clicking a passage opens it in the main window, selected.
Export… writes CSV, Markdown or the chart as PNG. Counting is quick (folds cached by content);
the new words need jieba, so they are found on a worker thread and shown when ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.timeline import Timeline, YearText, split_terms
from reader.errors import ReaderError
from reader.ui import settings, workers
from reader.ui.changes import show_error
from reader.ui.charts import BARS, LINE, ChartData, ChartWidget, Series
from reader.ui.library_windows import LibraryWindow, ask_export_path, export_format, open_passage

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

_PASSAGE_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_TERMS = "高质量发展, 新常态, 新质生产力"


class TermsCompleter(QCompleter):
    """Completes the term being typed (the last one), keeping the terms before it."""

    def __init__(self, terms: list[str], line: QLineEdit) -> None:
        super().__init__(QStringListModel(terms), line)
        self.line = line
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [_last_term(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 (Qt's name)
        model: QAbstractItemModel = self.model()
        term = str(model.data(index))
        text = self.line.text()
        head = text[: len(text) - len(_last_term(text))]
        return head + term + ", "


def _last_term(text: str) -> str:
    cut = max(text.rfind(sep) for sep in ", ，、;；")
    return text[cut + 1 :].lstrip()


class TimelineWindow(LibraryWindow):
    """One chart window over the main window's library (a tool window, not modal)."""

    GEOMETRY_KEY = settings.TIMELINE_GEOMETRY
    DEFAULT_SIZE = (1000, 720)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.setObjectName("timeline_window")
        self.setWindowTitle(self.tr("Term Timeline"))
        self.timeline: Timeline | None = None
        self.new_words: dict[int, tuple[str, ...]] | None = None
        self.year: int | None = None
        self._job: workers.Job | None = None
        self._words_for: tuple[int, ...] = ()  # the texts the new words were (or are being) found for
        self._clicked_term: int | None = None  # the series whose point a click hit (the chart says it first)

        from reader.core.terms import load_terms

        self.terms_edit = QLineEdit(self)
        self.terms_edit.setObjectName("timeline_terms")
        self.terms_edit.setPlaceholderText(self.tr("Terms, separated by commas or spaces (高质量发展, 新质生产力)"))
        self.terms_edit.setClearButtonEnabled(True)
        self.terms_edit.setCompleter(TermsCompleter(list(load_terms()), self.terms_edit))
        self.terms_edit.returnPressed.connect(self.refresh)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.clicked.connect(self.refresh)

        self.raw_button = QRadioButton(self.tr("&Count"), self)
        self.per_10k_button = QRadioButton(self.tr("&Per 10,000 characters"), self)
        self.scale_group = QButtonGroup(self)
        self.scale_group.addButton(self.raw_button)
        self.scale_group.addButton(self.per_10k_button)
        self.line_button = QRadioButton(self.tr("&Lines"), self)
        self.bars_button = QRadioButton(self.tr("&Bars"), self)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.line_button)
        self.kind_group.addButton(self.bars_button)
        (self.per_10k_button if settings.get_bool(settings.TIMELINE_PER_10K, True) else self.raw_button).setChecked(True)
        (self.bars_button if settings.get_bool(settings.TIMELINE_BARS, False) else self.line_button).setChecked(True)
        self.scale_group.buttonToggled.connect(self._redraw)
        self.kind_group.buttonToggled.connect(self._redraw)

        self.chart = ChartWidget(self)
        self.chart.setMinimumHeight(260)
        self.chart.xClicked.connect(self._on_x_clicked)
        self.chart.pointClicked.connect(self._on_point_clicked)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.year_label = QLabel(self.tr("Click a year in the chart to list its passages."), self)
        self.year_label.setWordWrap(True)
        self.passages = QListWidget(self)
        self.passages.setObjectName("timeline_passages")
        self.passages.setWordWrap(True)
        self.passages.setAlternatingRowColors(True)
        self.passages.itemClicked.connect(self.open_passage)
        self.passages.itemActivated.connect(self.open_passage)
        self.new_label = QLabel(self)
        self.new_label.setWordWrap(True)
        self.new_label.setTextFormat(Qt.TextFormat.PlainText)
        self.new_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.clicked.connect(self.choose_export)

        top = QHBoxLayout()
        top.addWidget(self.terms_edit, 1)
        top.addWidget(self.show_button)
        options = QHBoxLayout()
        for button in (self.raw_button, self.per_10k_button):
            options.addWidget(button)
        options.addSpacing(24)
        for button in (self.line_button, self.bars_button):
            options.addWidget(button)
        options.addStretch(1)
        options.addWidget(self.export_button)

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.chart, 1)
        upper_layout.addWidget(self.summary)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.year_label)
        lower_layout.addWidget(self.passages, 1)
        lower_layout.addWidget(self.new_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)

        self.terms_edit.setText(settings.get_str(settings.TIMELINE_TERMS, DEFAULT_TERMS))
        self.start()

    # -- contents ---------------------------------------------------------------------------

    def terms(self) -> list[str]:
        return split_terms(self.terms_edit.text())

    def set_terms(self, text: str) -> None:
        """Type `text` as the terms and draw them (what Enter does)."""
        self.terms_edit.setText(text)
        self.refresh()

    def refresh(self) -> None:
        """Count the typed terms in every year's reports and redraw; the year shown stays."""
        from reader.ops.timeline import report_texts, term_timeline

        terms = self.terms()
        settings.set_value(settings.TIMELINE_TERMS, ", ".join(terms))
        try:
            self.timeline = term_timeline(self.main.library, terms, new_words=False)
            texts = report_texts(self.main.library)
        except ReaderError as exc:
            show_error(self, exc)
            return
        self._find_new_words(texts)
        self._redraw()
        if self.year is not None and self.year not in self.timeline.years:
            self.year = None
        self.show_year(self.year)

    def _redraw(self) -> None:
        timeline = self.timeline
        if timeline is None:
            return
        per_10k = self.per_10k_button.isChecked()
        kind = BARS if self.bars_button.isChecked() else LINE
        settings.set_value(settings.TIMELINE_PER_10K, per_10k)
        settings.set_value(settings.TIMELINE_BARS, kind == BARS)
        series = tuple(
            Series(
                term.term,
                tuple((float(y), c.per_10k if per_10k else float(c.count)) for y, c in sorted(term.years.items())),
                kind=kind,
            )
            for term in timeline.terms
        )
        self.chart.set_data(
            ChartData(
                series=series,
                x_labels={float(y): str(y) for y in timeline.years},
                y_label=self.tr("per 10,000 characters") if per_10k else self.tr("occurrences"),
                y_from_zero=True,
            )
        )
        self.export_button.setEnabled(bool(timeline.years and timeline.terms))
        if not timeline.years:
            self.summary.setText(self.tr("No report with a year in the library (summaries and commentaries are not counted)."))
            return
        lines = []
        for term in timeline.terms:
            if term.first is None:
                lines.append(self.tr("%1: in no report.").replace("%1", term.term))
            else:
                total = sum(c.count for c in term.years.values())
                lines.append(
                    self.tr("%1: %2 times, first %3, last %4.")
                    .replace("%1", term.term)
                    .replace("%2", str(total))
                    .replace("%3", str(term.first))
                    .replace("%4", str(term.last))
                )
        self.summary.setText("   ".join(lines))

    # -- a year's passages ------------------------------------------------------------------

    def _on_x_clicked(self, x: float) -> None:
        if self._clicked_term is None:
            self.show_year(int(x))
        self._clicked_term = None

    def _on_point_clicked(self, series: int, x: float) -> None:
        self._clicked_term = series
        self.show_year(int(x), term_index=series)

    def show_year(self, year: int | None, *, term_index: int | None = None) -> None:
        """List the year's passages (of every term, or of one) and the words the year brought."""
        self.year = year
        self.passages.clear()
        timeline = self.timeline
        if year is None or timeline is None:
            self.year_label.setText(self.tr("Click a year in the chart to list its passages."))
            self.new_label.clear()
            return
        terms = [timeline.terms[term_index]] if term_index is not None else list(timeline.terms)
        count = 0
        for term in terms:
            for passage in term.passages_in(year):
                title = timeline.titles.get(passage.doc_id, "")
                item = QListWidgetItem(f"{passage.snippet}\n    — {term.term} · {title}")
                item.setToolTip(f"{passage.sentence}\n\n" + self.tr("Click to open it in “%1”.").replace("%1", title))
                item.setData(_PASSAGE_ROLE, (passage.doc_id, passage.start, passage.end))
                self.passages.addItem(item)
                count += 1
        names = "、".join(t.term for t in terms)
        self.year_label.setText(
            self.tr("%1: %2 passages with %3 — click one to open it.")
            .replace("%1", str(year))
            .replace("%2", str(count))
            .replace("%3", names)
            if count
            else self.tr("%1: no passage with %2.").replace("%1", str(year)).replace("%2", names)
        )
        self._show_new_words()

    def _show_new_words(self) -> None:
        year = self.year
        if year is None or self.timeline is None:
            self.new_label.clear()
        elif self.timeline.years and year == self.timeline.years[0]:
            self.new_label.setText(
                self.tr("%1 is the library's first year: nothing to measure new words against.").replace("%1", str(year))
            )
        elif self.new_words is None:
            self.new_label.setText(self.tr("New in %1: finding…").replace("%1", str(year)))
        else:
            words = self.new_words.get(year, ())
            self.new_label.setText(self.tr("New in %1: %2").replace("%1", str(year)).replace("%2", "、".join(words) or "—"))

    def _find_new_words(self, texts: list[YearText]) -> None:
        """The new words of each year, on a worker thread (jieba); texts are read here already."""
        key = tuple(t.doc_id for t in texts)
        if key == self._words_for and (self.new_words is not None or self._job is not None):
            return
        from reader.ops.timeline import new_words_by_year

        self._words_for = key
        self.new_words = None
        job = workers.Job(lambda _report: (key, new_words_by_year(texts)))
        # Bound methods, so a window closed and deleted before the job ends is not called.
        job.signals.finished.connect(self._on_new_words)
        job.signals.failed.connect(self._on_new_words_failed)
        self._job = workers.start(job)

    def _on_new_words(self, result: tuple[tuple[int, ...], dict[int, tuple[str, ...]]]) -> None:
        key, words = result
        if key != self._words_for:
            return  # the library changed meanwhile; a newer job is on its way
        self._job = None
        self.new_words = words
        self._show_new_words()

    def _on_new_words_failed(self, _exc: object) -> None:
        self._job = None
        self.new_words = {}
        self._show_new_words()

    def open_passage(self, item: QListWidgetItem) -> None:
        """Open the passage's document in the main window with the occurrence selected."""
        where = item.data(_PASSAGE_ROLE)
        if not where:
            return
        doc_id, start, end = where
        open_passage(self.main, doc_id, start, end)

    # -- export -----------------------------------------------------------------------------

    def choose_export(self) -> None:
        if self.timeline is None:
            return
        filters = {
            self.tr("CSV (*.csv)"): "csv",
            self.tr("Markdown (*.md)"): "markdown",
            self.tr("PNG image of the chart (*.png)"): "png",
        }
        path, form = ask_export_path(self, self.tr("Export Term Timeline"), "term-timeline.csv", filters)
        if path:
            self.export_to(path, form)

    def export_to(self, path: str, form: str = "") -> None:
        """Write the timeline to `path`; the format from `form`, else from the file's extension."""
        from reader.export.timeline import EXTENSIONS, RENDERERS
        from reader.ops.export import write

        if self.timeline is None:
            return
        if not form:
            form = export_format(path, {**EXTENSIONS, "png": "png"})
        if form == "png":
            image = self.chart.to_image(max(self.chart.width(), 640), max(self.chart.height(), 360))
            if not QPixmap.fromImage(image).save(path, "PNG"):
                show_error(self, ReaderError(self.tr("Could not write the image to %1").replace("%1", path)))
            return
        timeline = self.timeline
        if self.new_words is not None:
            timeline = Timeline(timeline.years, timeline.terms, self.new_words, timeline.titles)
        try:
            write(path, RENDERERS[form](timeline))
        except ReaderError as exc:
            show_error(self, exc)
