"""Importing files in the window: a file dialog or a drop, ingest on a worker behind a progress
dialog that can cancel, then one undoable step that adds what could be read, and a per-file
list of what became of each file (reader.ui.dialogs.import_results)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressBar, QProgressDialog

from reader.ops.documents import ImportCancelled, Ingested, ingest_files
from reader.ui import settings, workers
from reader.ui.changes import show_error
from reader.ui.commands.documents import ImportDocumentsCommand
from reader.ui.dialogs.import_results import FAILED, IMPORTED, PRESENT, FileOutcome, ImportResultsDialog

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

# The progress dialog appears only for an import that takes longer than this.
PROGRESS_DELAY_MS = 300


@dataclass(eq=False)
class _Run:
    """One import under way: its files, the flag the worker reads between files, its dialog."""

    paths: list[str]
    dialog: QProgressDialog
    cancel: threading.Event = field(default_factory=threading.Event)
    over: bool = False


class ImportController(QObject):
    """Emits finished(ids) after an import (the ids of the documents now holding the files; [] when
    it was cancelled or nothing could be read)."""

    finished = Signal(list)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # The last import's dialogs (tests and screenshots reach them here).
        self.progress_dialog: QProgressDialog | None = None
        self.results_dialog: ImportResultsDialog | None = None

    def file_filters(self) -> str:
        return ";;".join(
            [
                self.tr("Reports (*.txt *.md *.pdf *.docx *.html *.htm)"),
                self.tr("PDF (*.pdf)"),
                self.tr("Word documents (*.docx)"),
                self.tr("Web pages (*.html *.htm)"),
                self.tr("Markdown (*.md *.markdown)"),
                self.tr("Text files (*.txt *.text)"),
                self.tr("All files (*)"),
            ]
        )

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import reports"), settings.get_str(settings.IMPORT_FOLDER), self.file_filters()
        )
        if files:
            settings.set_value(settings.IMPORT_FOLDER, str(Path(files[0]).parent))
            self.import_files(files)

    def import_files(self, paths: list[str]) -> workers.Job:
        """Ingest files on a worker thread, then add them to the library here (one undo step)."""
        run = _Run(list(paths), self._progress_dialog(len(paths)))
        run.dialog.canceled.connect(lambda: self._on_cancel(run))
        job = workers.Job(lambda report: ingest_files(run.paths, report, run.cancel.is_set))
        job.signals.progress.connect(lambda done, total, name: self._on_progress(run, done, total, name))
        job.signals.finished.connect(lambda results: self._on_ingested(run, results))
        job.signals.failed.connect(lambda exc: self._on_failed(run, exc))
        return workers.start(job)

    # -------------------------------------------------------------- progress

    def _progress_dialog(self, total: int) -> QProgressDialog:
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self.window)
        dialog.setObjectName("import_progress")
        dialog.setWindowTitle(self.tr("Importing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setMinimumWidth(420)
        if total > 1:
            bar = QProgressBar(dialog)
            bar.setTextVisible(False)  # the label counts the files; a percentage adds nothing
            dialog.setBar(bar)
        # One file: a busy bar, since how far into the file it is cannot be told.
        dialog.setRange(0, total if total > 1 else 0)
        dialog.setValue(0)  # starts the clock: shown after the delay unless the import is over
        self.progress_dialog = dialog
        return dialog

    def _on_progress(self, run: _Run, done: int, total: int, name: str) -> None:
        if run.over or run.cancel.is_set() or done >= total:
            return  # the end is _on_ingested's to show (setValue(maximum) would close the dialog)
        label = self.tr("Importing %1 of %2: %3").replace("%1", str(done + 1)).replace("%2", str(total))
        run.dialog.setLabelText(label.replace("%3", name))
        run.dialog.setValue(done)  # last: a window-modal dialog processes events here

    def _on_cancel(self, run: _Run) -> None:
        if run.over:
            return  # closing the dialog at the end also says "canceled"
        run.cancel.set()
        self.window.statusBar().showMessage(self.tr("Cancelling the import after the file being read…"))

    def _end(self, run: _Run) -> None:
        run.over = True
        run.dialog.hide()

    def _say_cancelled(self) -> None:
        self.window.statusBar().showMessage(self.tr("Import cancelled; nothing was added"), 15000)
        self.finished.emit([])

    # ---------------------------------------------------------------- results

    def _on_ingested(self, run: _Run, results: list[Ingested]) -> None:
        self._end(run)
        if run.cancel.is_set():  # cancelled after the worker's last look at the flag
            self._say_cancelled()
            return
        readable = [item for item in results if item.document is not None]
        command: ImportDocumentsCommand | None = None
        if readable:
            command = ImportDocumentsCommand(self.window.funnel, readable)
            if not self.window.funnel.push(command):
                self.finished.emit([])  # the funnel has said why (a read-only library, a full disk)
                return
        outcomes = self._outcomes(results, command)
        warnings = [f"{o.name}: {warning}" for o in outcomes for warning in o.warnings]
        if warnings:
            # Imported all the same (a few damaged bytes, a table kept in one cell): say so quietly.
            self.window.statusBar().showMessage("; ".join(warnings), 15000)
        if len(outcomes) > 1 or any(not o.clean for o in outcomes):
            self._show_results(outcomes)
        self.finished.emit(command.ids if command is not None else [])

    def _outcomes(self, results: list[Ingested], command: ImportDocumentsCommand | None) -> list[FileOutcome]:
        """Each file's outcome, in the order given; `command` added the readable ones in order."""
        added = iter(command.added if command is not None else [])
        outcomes = []
        for item in results:
            if item.document is None:
                outcomes.append(FileOutcome(item.path, FAILED, reason=item.error))
                continue
            entry = next(added)
            title = self.window.library.info(entry.id).title
            status = IMPORTED if entry.created else PRESENT
            outcomes.append(FileOutcome(item.path, status, title, entry.id, warnings=item.warnings))
        return outcomes

    def _show_results(self, outcomes: list[FileOutcome]) -> None:
        if self.results_dialog is not None:
            self.results_dialog.close()
            self.results_dialog.deleteLater()
        # Not modal: the reader may keep the list beside the window and open one file after another.
        dialog = ImportResultsDialog(outcomes, self.window)
        dialog.open_requested.connect(self.window.open_document)
        self.results_dialog = dialog
        dialog.show()

    def _on_failed(self, run: _Run, exc: Exception) -> None:
        self._end(run)
        if isinstance(exc, ImportCancelled):
            self._say_cancelled()
            return
        show_error(self.window, str(exc))
        self.finished.emit([])
