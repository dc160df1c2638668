"""File ▸ Back Up Library… and Restore from Backup…, and how the window shows a read-only library."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from reader.errors import ReaderError
from reader.ops.changes import Changes
from reader.ui.changes import show_error

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class BackupController(QObject):
    """Copies of the window's library (reader.store.backup) and its read-only state."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.back_up_action = QAction(self.tr("&Back Up Library…"), window)
        self.back_up_action.triggered.connect(lambda: self.back_up())
        self.restore_action = QAction(self.tr("Restore from Bac&kup…"), window)
        self.restore_action.triggered.connect(lambda: self.restore())
        self.read_only_label = QLabel(self.tr("Read-only"), window)
        self.read_only_label.setToolTip(
            self.tr("The library's folder cannot be written: you can read, search and export, not annotate or import.")
        )
        self.read_only_label.hide()
        window.windowTitleChanged.connect(self._mark_title)

    # -- read-only ------------------------------------------------------------------------------

    def editing_actions(self) -> list[QAction]:
        """Every action that writes to the library."""
        window = self.window
        annotating = window.annotating
        return [
            annotating.highlight_action, annotating.note_action, annotating.tag_action, annotating.delete_action,
            annotating.manage_tags_action, annotating.name_colors_action, *annotating.color_actions.values(),
            window.import_action, window.remove_action, window.exporting.import_action,
            window.undo_action, window.redo_action, self.restore_action,
        ]

    def apply_read_only(self) -> None:
        """Disable editing and say so (title and status bar) when the library is read-only."""
        read_only = self.window.library.read_only
        for action in self.editing_actions():
            action.setEnabled(not read_only)
        if read_only:
            self.window.undo_stack.clear()
            self.window.statusBar().addPermanentWidget(self.read_only_label)
        self.read_only_label.setVisible(read_only)
        self._mark_title(self.window.windowTitle())

    def _suffix(self) -> str:
        return " " + self.tr("(read-only)")

    def _mark_title(self, title: str) -> None:
        if self.window.library.read_only and not title.endswith(self._suffix()):
            self.window.setWindowTitle(title + self._suffix())

    # -- backup and restore ---------------------------------------------------------------------

    def back_up(self, dest: str | None = None) -> Path | None:
        """Copy the library to `dest`, or where the user chooses (the backups folder by default)."""
        from reader.store.backup import MANUAL, _dated_name, backup, backups_folder

        library = self.window.library
        if dest is None:
            suggested = _dated_name(backups_folder(library.path), library.path, MANUAL)
            dest, _filter = QFileDialog.getSaveFileName(
                self.window, self.tr("Back Up Library"), str(suggested), self.tr("Report Reader library (*.sqlite3)")
            )
            if not dest:
                return None
        try:
            made = backup(library, dest)
        except ReaderError as exc:
            show_error(self.window, exc)
            return None
        self.window.statusBar().showMessage(self.tr("Backed up the library to %1.").replace("%1", str(made)), 8000)
        return made

    def restore(self, path: str | None = None, *, confirm: bool = True) -> bool:
        """Replace the library with a backup the user picks, once confirmed; then reopen it."""
        from reader.store.backup import backup_info, backups_folder, restore
        from reader.store.library import Library

        window = self.window
        library_path = window.library.path
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                window, self.tr("Restore from Backup"), str(backups_folder(library_path)),
                self.tr("Report Reader library (*.sqlite3);;All files (*)"),
            )
            if not path:
                return False
        info = backup_info(Path(path))
        taken = info.taken.strftime("%Y-%m-%d %H:%M") if info is not None else Path(path).name
        if confirm:
            answer = QMessageBox.question(
                window,
                self.tr("Restore from Backup"),
                self.tr("Replace the library with the backup taken on %1? The library as it is now is kept "
                        "in its backups folder.").replace("%1", taken),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            kept = restore(path, library_path)
            reopened = Library.open(library_path)
        except ReaderError as exc:
            show_error(window, exc)
            return False
        old, window.library = window.library, reopened
        old.close()
        window.undo_stack.clear()
        window.current_id = None
        ids = frozenset(info.id for info in reopened.documents())
        window.funnel.apply(Changes(documents=ids, annotated=ids, tags=True, colors=True))
        window.refresh_library()
        window.open_initial_document()
        message = self.tr("Restored the library from the backup taken on %1.").replace("%1", taken)
        if kept is not None:
            message += " " + self.tr("The previous library is kept as %1.").replace("%1", kept.name)
        window.statusBar().showMessage(message, 12000)
        return True
