"""Highlights out of and back into the window: File ▸ Export Highlights…, File ▸ Import
Annotations…, and Copy as Markdown on a selection in the Annotations dock."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from reader.errors import ReaderError
from reader.ui import settings
from reader.ui.changes import show_error

if TYPE_CHECKING:
    from reader.ops.annotation_import import ImportSummary
    from reader.ui.dialogs.export_dialog import ExportDialog
    from reader.ui.main_window import MainWindow


class ExportController(QObject):
    """Emits imported(summary) after annotations were imported, copied(text) after a copy."""

    imported = Signal(object)
    copied = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportDialog | None = None
        self.export_action = QAction(self.tr("&Export Highlights…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export_dialog)
        self.import_action = QAction(self.tr("Import &Annotations…"), window)
        self.import_action.triggered.connect(lambda: self.import_annotations())
        self.copy_markdown_action = QAction(self.tr("Copy as &Markdown"), window)
        self.copy_markdown_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_markdown_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_markdown_action.triggered.connect(self.copy_markdown)
        window.annotating.dock.table.addAction(self.copy_markdown_action)

    def make_export_dialog(self) -> ExportDialog:
        from reader.ui.dialogs.export_dialog import ExportDialog

        window = self.window
        self.dialog = ExportDialog(window.library, window.current_id, window.library_dock.selected_ids(), window)
        return self.dialog

    def open_export_dialog(self) -> None:
        self.make_export_dialog().exec()

    def import_annotations(self, path: str | None = None, doc_id: int | None = None) -> ImportSummary | None:
        """Read W3C JSON annotations (ours or another tool's), match them to documents (or ask
        which document they belong to), and say what was added, updated, orphaned or skipped."""
        from reader.core.ingest import read_file
        from reader.ops.annotation_import import import_annotations

        window = self.window
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                window, self.tr("Import Annotations"), settings.get_str(settings.ANNOTATIONS_FOLDER),
                self.tr("Web Annotation JSON (*.json *.jsonld);;All files (*)"),
            )
            if not path:
                return None
            settings.set_value(settings.ANNOTATIONS_FOLDER, str(Path(path).parent))
        try:
            data = read_file(path)
            summary, changes = import_annotations(window.library, data, doc_id=doc_id)
        except ReaderError as exc:
            show_error(window, exc)
            return None
        if doc_id is None and summary.unmatched() and not summary.added and not summary.updated:
            chosen = self._ask_document()
            if chosen is not None:
                return self.import_annotations(path, chosen)
        window.funnel.apply(changes)
        QMessageBox.information(window, self.tr("Import Annotations"), summary.describe())
        self.imported.emit(summary)
        return summary

    def _ask_document(self) -> int | None:
        """None of the annotations named a document in the library: ask which one they are on."""
        infos = self.window.library.documents()
        if not infos:
            return None
        names = [f"{info.title} ({info.year or '—'})" for info in infos]
        current = next((n for n, info in enumerate(infos) if info.id == self.window.current_id), 0)
        name, ok = QInputDialog.getItem(
            self.window, self.tr("Import Annotations"),
            self.tr("These annotations name no document in the library. Which document are they on?"), names, current, False,
        )
        return infos[names.index(name)].id if ok else None

    def copy_markdown(self) -> str:
        """The annotations selected in the dock, as Markdown block quotes, on the clipboard."""
        from reader.export.markdown import markdown_for
        from reader.ops.export import highlights_for

        selected = self.window.annotating.dock.selected()
        if not selected:
            return ""
        text = markdown_for(highlights_for(self.window.library, selected))
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(
            self.tr("Copied %n annotation(s) as Markdown.").replace("%n", str(len(selected))), 4000
        )
        self.copied.emit(text)
        return text
