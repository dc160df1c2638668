"""File ▸ Export Highlights…: format, scope, filters and script, with a live preview.

The preview renders the first highlights of the selection in the chosen format as the options
change. Export runs on a worker thread with its own library connection (SQLite connections
belong to their thread) and writes atomically: a failed write (a read-only folder) shows the
error and leaves any earlier file as it was.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.convert import CONFIG_NAMES
from reader.errors import ReaderError
from reader.export import Format, formats
from reader.export.model import ExportSet
from reader.ops.export import Selection, collect, write
from reader.store.annotations import COLORS, STATUSES
from reader.store.library import Library
from reader.ui import settings, workers
from reader.ui.changes import show_error
from reader.ui.reading.annotation_layers import color_name

THIS_DOCUMENT, CHOSEN_DOCUMENTS, WHOLE_LIBRARY = "document", "chosen", "library"
PREVIEW_HIGHLIGHTS = 20  # the preview renders this many highlights, not the whole export
PREVIEW_CHARS = 6000
_DELAY_MS = 150


def _export_in_thread(path: Path, selection: Selection, fmt: Format, target: str) -> tuple[str, int]:
    with Library.open(path) as library:
        export_set = collect(library, selection)
    write(target, fmt.render(export_set))
    return target, export_set.highlight_count


def preview_set(export_set: ExportSet, limit: int = PREVIEW_HIGHLIGHTS) -> ExportSet:
    """The export cut to its first `limit` highlights (documents after that dropped)."""
    documents = []
    left = limit
    for document in export_set.documents:
        if left <= 0:
            break
        documents.append(replace(document, highlights=document.highlights[:left]))
        left -= len(document.highlights)
    return replace(export_set, documents=tuple(documents))


def describe_count(highlights: int, documents: int) -> str:
    """"1 highlight from 1 document.", "5 highlights from 2 documents."."""
    translate = QCoreApplication.translate
    if highlights == 1:
        first = translate("export", "1 highlight")
    else:
        first = translate("export", "%1 highlights").replace("%1", str(highlights))
    second = translate("export", "1 document") if documents == 1 else translate("export", "%1 documents").replace("%1", str(documents))
    return translate("export", "%1 from %2.").replace("%1", first).replace("%2", second)


class ExportDialog(QDialog):
    """Emits preview_updated(text) after each preview, exported(path, count) after a write."""

    preview_updated = Signal(str)
    exported = Signal(str, int)
    failed = Signal(str)

    def __init__(self, library: Library, current_id: int | None, chosen_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Highlights"))
        self.library = library
        self._current_id = current_id
        self._chosen_ids = chosen_ids
        self._formats = formats()
        self._job: workers.Job | None = None

        form = QFormLayout()
        self.format_combo = QComboBox(self)
        for fmt in self._formats:
            self.format_combo.addItem(f"{fmt.label} (.{fmt.extension})", fmt.name)
        remembered = self.format_combo.findData(settings.get_str(settings.EXPORT_FORMAT, "md"))
        self.format_combo.setCurrentIndex(max(0, remembered))
        form.addRow(self.tr("&Format:"), self.format_combo)

        self.scope_combo = QComboBox(self)
        if current_id is not None:
            self.scope_combo.addItem(self.tr("This document"), THIS_DOCUMENT)
        if len(chosen_ids) > 1:
            chosen = self.tr("The %n documents chosen in the library").replace("%n", str(len(chosen_ids)))
            self.scope_combo.addItem(chosen, CHOSEN_DOCUMENTS)
        self.scope_combo.addItem(self.tr("The whole library"), WHOLE_LIBRARY)
        form.addRow(self.tr("&Documents:"), self.scope_combo)

        self.tag_combo = QComboBox(self)
        self.tag_combo.addItem(self.tr("Any tag"), "")
        for tag in library.tags():
            self.tag_combo.addItem(f"#{tag.name} ({tag.count})", tag.name)
        self.color_combo = QComboBox(self)
        self.color_combo.addItem(self.tr("Any colour"), "")
        labels = library.color_labels()
        for color in COLORS:
            self.color_combo.addItem(color_name(color, labels.get(color)), color)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Placed and orphaned"), "")
        for status in STATUSES:
            self.status_combo.addItem(status, status)
        filters = QHBoxLayout()
        for combo in (self.tag_combo, self.color_combo, self.status_combo):
            filters.addWidget(combo)
        form.addRow(self.tr("Only:"), filters)

        dates = QHBoxLayout()
        self.since_check = QCheckBox(self.tr("from"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.until_check = QCheckBox(self.tr("to"), self)
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        for date_edit in (self.since_edit, self.until_edit):
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("yyyy-MM-dd")
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        form.addRow(self.tr("Made:"), dates)

        self.script_combo = QComboBox(self)
        self.script_combo.addItem(self.tr("As stored"), "")
        for config, (human, english) in CONFIG_NAMES.items():
            self.script_combo.addItem(f"{human} — {english}", config)
        form.addRow(self.tr("&Quotes in:"), self.script_combo)

        self.extracted_check = QCheckBox(self.tr("Add each document's targets and tasks"), self)
        form.addRow("", self.extracted_check)

        self.summary = QLabel(self)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setObjectName("export_preview")
        # A web page is previewed as it reads, not as its source (Qt renders a subset of CSS).
        self.page_preview = QTextBrowser(self)
        self.page_preview.setOpenLinks(False)
        self.previews = QStackedWidget(self)
        self.previews.addWidget(self.preview)
        self.previews.addWidget(self.page_preview)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.previews, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 620)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for combo in (self.format_combo, self.scope_combo, self.tag_combo, self.color_combo, self.status_combo, self.script_combo):
            combo.currentIndexChanged.connect(self._schedule)
        for check in (self.since_check, self.until_check, self.extracted_check):
            check.toggled.connect(self._schedule)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._schedule)
        self._timer.start()

    # -- options --------------------------------------------------------------------------

    def format(self) -> Format:
        name = self.format_combo.currentData()
        return next(fmt for fmt in self._formats if fmt.name == name)

    def set_format(self, name: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(name))

    def selection(self) -> Selection:
        scope = self.scope_combo.currentData()
        if scope == THIS_DOCUMENT and self._current_id is not None:
            doc_ids: tuple[int, ...] = (self._current_id,)
        elif scope == CHOSEN_DOCUMENTS:
            doc_ids = tuple(self._chosen_ids)
        else:
            doc_ids = ()
        tag, color, status = self.tag_combo.currentData(), self.color_combo.currentData(), self.status_combo.currentData()
        return Selection(
            doc_ids=doc_ids,
            tags=(tag,) if tag else (),
            colors=(color,) if color else (),
            status=status or "",
            since=self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else "",
            until=self.until_edit.date().toString("yyyy-MM-dd") if self.until_check.isChecked() else "",
            script=self.script_combo.currentData() or "",
            with_extracted=self.extracted_check.isChecked(),
        )

    # -- preview --------------------------------------------------------------------------

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def update_preview(self) -> None:
        self._timer.stop()
        fmt = self.format()
        try:
            export_set = collect(self.library, self.selection())
            shown = preview_set(export_set)
            if fmt.binary:
                # A Word brief has no text form: preview its words as the Markdown export reads.
                from reader.export import get

                text = str(get("md").render(shown))
            else:
                text = str(fmt.render(shown))
        except ReaderError as exc:
            text = str(exc)
            export_set = None
        if fmt.name == "html" and export_set is not None:
            self.page_preview.setHtml(text)
            self.previews.setCurrentWidget(self.page_preview)
        else:
            self.previews.setCurrentWidget(self.preview)
        if len(text) > PREVIEW_CHARS:
            text = text[:PREVIEW_CHARS] + "\n…"
        self.preview.setPlainText(text)
        if export_set is not None:
            summary = describe_count(export_set.highlight_count, len(export_set.documents))
            count = export_set.highlight_count
            if count > PREVIEW_HIGHLIGHTS:
                summary += " " + self.tr("The preview shows the first %1.").replace("%1", str(PREVIEW_HIGHLIGHTS))
            if fmt.binary:
                summary += " " + self.tr("(Word layout; the preview shows its text.)")
            self.summary.setText(summary)
            self.export_button.setEnabled(True)
        else:
            self.summary.setText("")
            self.export_button.setEnabled(False)
        self.preview_updated.emit(text)

    # -- export ---------------------------------------------------------------------------

    def _suggested_name(self, fmt: Format) -> str:
        scope = self.scope_combo.currentData()
        if scope == THIS_DOCUMENT and self._current_id is not None:
            stem = self.library.info(self._current_id).title
        else:
            stem = self.tr("Highlights")
        stem = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem).strip() or "highlights"
        return f"{stem}.{fmt.extension}"

    def choose_file(self) -> None:
        fmt = self.format()
        folder = settings.get_str(settings.EXPORT_FOLDER, str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Highlights"), os.path.join(folder, self._suggested_name(fmt)), f"{fmt.label} (*.{fmt.extension})"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> workers.Job:
        """Write the export to `path` on a worker thread; exported or failed is emitted after."""
        fmt = self.format()
        settings.set_value(settings.EXPORT_FOLDER, str(Path(path).parent))
        settings.set_value(settings.EXPORT_FORMAT, fmt.name)
        self.export_button.setEnabled(False)
        self.summary.setText(self.tr("Exporting…"))
        library_path, selection = self.library.path, self.selection()
        job = workers.Job(lambda _report: _export_in_thread(library_path, selection, fmt, path))
        job.signals.finished.connect(self._on_exported)
        job.signals.failed.connect(self._on_failed)
        self._job = workers.start(job)
        return job

    def _on_exported(self, result: tuple[str, int]) -> None:
        path, count = result
        self.export_button.setEnabled(True)
        self.summary.setText(self.tr("Exported %1 highlights to %2.").replace("%1", str(count)).replace("%2", path))
        self.exported.emit(path, count)
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self.summary.setText("")
        message = str(exc) if isinstance(exc, ReaderError) else self.tr("Could not export: %1").replace("%1", str(exc))
        show_error(self, message)
        self.failed.emit(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Enter in a combo must not start an export with a file dialog by surprise.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.export_button.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)
