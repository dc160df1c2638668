"""Undoable library changes: importing and removing documents.

Undo of a removal restores the document under the id it had (the library never gives a removed
document's id to another), so annotation commands that name it keep working across the chain.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from reader.ops import documents as ops
from reader.ops.changes import Changes
from reader.ui.commands import Command, Context


class RemoveDocumentCommand(Command):
    def __init__(self, context: Context, doc_id: int) -> None:
        self._doc_id = doc_id
        super().__init__(context, QCoreApplication.translate("library_commands", "Remove “%s”") % context.library.info(doc_id).title)
        self._removed: ops.Removed | None = None

    def do(self) -> Changes:
        self._removed, changes = ops.remove_document(self.library, self._doc_id)
        return changes

    def undo_changes(self) -> Changes:
        assert self._removed is not None
        return ops.restore_document(self.library, self._removed)

    def shown_after_undo(self) -> int | None:
        return self._doc_id


class ImportDocumentsCommand(Command):
    """Adds ingested documents; undo removes the ones this import created (not pre-existing ones),
    redo puts those back under the same ids."""

    def __init__(self, context: Context, ingested: Sequence[ops.Ingested]) -> None:
        super().__init__(context, QCoreApplication.translate("library_commands", "Import documents"))
        self._ingested = list(ingested)
        self.added: list[ops.Added] = []
        self._removed: list[ops.Removed] = []

    @property
    def ids(self) -> list[int]:
        return [a.id for a in self.added]

    def do(self) -> Changes:
        if not self._removed:
            self.added, changes = ops.add_documents(self.library, self._ingested)
            return changes
        changes = Changes()
        with self.library.batch():
            for removed in self._removed:
                changes |= ops.restore_document(self.library, removed)
        self._removed = []
        return changes

    def undo_changes(self) -> Changes:
        self._removed, changes = ops.remove_added(self.library, self.added)
        return changes

    def shown_after_do(self) -> int | None:
        return self.added[-1].id if self.added else None
