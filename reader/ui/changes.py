"""One funnel from what an operation changed to what the window refreshes, and one error dialog.

Undo commands, dialogs and docks never refresh widgets themselves: they hand the Changes record
of their operation to ChangesFunnel.apply, which decides once what needs redrawing (the library
list, the open document, highlights, the annotation list, tag completion, colour names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.errors import ReaderError
from reader.ops.changes import Changes
from reader.store.library import Library
from reader.ui.commands import Command, push

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def show_error(parent: QWidget | None, exc: ReaderError | str) -> None:
    """The one dialog for an error a user can cause: one sentence, nothing lost."""
    QMessageBox.warning(parent, QCoreApplication.translate("QObject", "Report Reader"), str(exc))


class ChangesFunnel(QObject):
    """The context every undo command reports to. Emits applied(Changes) once the window is
    up to date with them."""

    applied = Signal(object)

    def __init__(self, window: MainWindow, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = undo_stack

    @property
    def library(self) -> Library:
        return self.window.library

    def push(self, command: Command) -> bool:
        """Do a command and put it on the undo stack; a ReaderError becomes the error dialog."""
        try:
            push(self.undo_stack, command)
        except ReaderError as exc:
            self.report_error(exc)
            return False
        return True

    def report_error(self, exc: ReaderError) -> None:
        show_error(self.window, exc)

    def apply(self, changes: Changes, *, show: int | None = None) -> None:
        window = self.window
        if changes.documents:
            window.refresh_library()
            if window.current_id is not None and window.current_id in changes.documents and show is None:
                known = {info.id for info in self.library.documents()}
                if window.current_id in known:
                    show = window.current_id  # its text was replaced: show the new one
                else:
                    window.open_initial_document()
        if show is not None:
            window.open_document(show)  # paints its annotations and lists them
        if changes.colors:
            window.annotating.colors_changed()
        if changes.annotated or changes.annotations or changes.tags or changes.colors:
            window.annotating.changed(changes)
        self.applied.emit(changes)
