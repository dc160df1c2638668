"""Undo commands: each wraps one GUI-free operation (reader.ops) and its inverse.

Commands name what they change by stable identity (annotation uuids; document ids, which the
library never gives to another document), so a chain of undo and redo across other commands
always finds its target. Every command reports through one context (reader.ui.changes.Changes-
Funnel): the Changes it made go to the funnel, which refreshes the window; a ReaderError raised
while undoing or redoing (invoked by QUndoStack from C++, where no caller could catch it) goes
to the funnel's error dialog and the broken command leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.errors import ReaderError
from reader.ops.changes import Changes
from reader.store.library import Library


class Context(Protocol):
    @property
    def library(self) -> Library: ...

    def apply(self, changes: Changes, *, show: int | None = None) -> None: ...

    def report_error(self, exc: ReaderError) -> None: ...


class Command(QUndoCommand):
    """do() and undo_changes() return the Changes they made; show() names a document to open."""

    def __init__(self, context: Context, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._skip_redo = False

    @property
    def library(self) -> Library:
        return self.context.library

    def do(self) -> Changes:
        raise NotImplementedError

    def undo_changes(self) -> Changes:
        raise NotImplementedError

    def shown_after_do(self) -> int | None:
        return None

    def shown_after_undo(self) -> int | None:
        return None

    def redo(self) -> None:
        if self._skip_redo:  # QUndoStack.push's own call: push() has done the work already
            self._skip_redo = False
            return
        self._run(self.do, self.shown_after_do)

    def undo(self) -> None:
        self._run(self.undo_changes, self.shown_after_undo)

    def _run(self, step: Callable[[], Changes], shown: Callable[[], int | None]) -> None:
        try:
            changes = step()
        except ReaderError as exc:
            self.setObsolete(True)  # QUndoStack drops it: it cannot be done or undone any more
            self.context.report_error(exc)
            return
        self.context.apply(changes, show=shown())


def push(stack: QUndoStack, command: Command) -> None:
    """Do the command, then put it on the stack without doing it again.

    Running it first (not from QUndoStack.push, i.e. from C++) lets a ReaderError reach the
    caller, and a command that failed never reaches the stack.
    """
    changes = command.do()
    command._skip_redo = True
    stack.push(command)
    command.context.apply(changes, show=command.shown_after_do())
