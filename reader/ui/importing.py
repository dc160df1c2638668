"""Importing files in the window: a file dialog or a drop, ingest on a worker with progress, then
one undoable step that adds what could be read and names what could not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

from reader.ops.documents import Ingested, ingest_files
from reader.ui import settings, workers
from reader.ui.changes import show_error
from reader.ui.commands.documents import ImportDocumentsCommand

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ImportController(QObject):
    """Emits finished(ids) after an import (the ids of the documents now holding the files)."""

    finished = Signal(list)

    def __init__(self, window: MainWindow, progress: QProgressBar) -> None:
        super().__init__(window)
        self.window = window
        self.progress = progress

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import reports"), settings.get_str(settings.IMPORT_FOLDER),
            self.tr("Text files (*.txt *.text *.md);;All files (*)"),
        )
        if files:
            settings.set_value(settings.IMPORT_FOLDER, str(Path(files[0]).parent))
            self.import_files(files)

    def import_files(self, paths: list[str]) -> workers.Job:
        """Ingest files on a worker thread, then add them to the library here (one undo step)."""
        job = workers.Job(lambda report: ingest_files(paths, report))
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_ingested)
        job.signals.failed.connect(self._on_failed)
        self._on_progress(0, len(paths), "")
        return workers.start(job)

    def _on_ingested(self, results: list[Ingested]) -> None:
        self.progress.hide()
        errors = [item.error for item in results if item.error]
        ids: list[int] = []
        readable = [item for item in results if item.document is not None]
        if readable:
            command = ImportDocumentsCommand(self.window.funnel, readable)
            if self.window.funnel.push(command):
                ids = command.ids
        warnings = [
            f"{Path(item.path).name}: {warning}" for item in readable for warning in item.warnings
        ]
        if warnings:
            # Imported all the same (a few damaged bytes, a table kept in one cell): say so quietly.
            self.window.statusBar().showMessage("; ".join(warnings), 15000)
        if errors:
            QMessageBox.warning(self.window, self.tr("Some files were not imported"), "\n".join(errors))
        self.finished.emit(ids)

    def _on_failed(self, exc: Exception) -> None:
        self.progress.hide()
        show_error(self.window, str(exc))
        self.finished.emit([])

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Importing %v/%m"))
        self.progress.setToolTip(label)
        self.progress.setVisible(done < total)
