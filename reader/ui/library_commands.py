"""Undoable library changes: removing and importing documents (QUndoStack commands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("library_commands", text)


class RemoveDocumentCommand(QUndoCommand):
    """Removes a document; undo puts the same content back with its catalogue facts and annotations.

    The library gives a re-added document a new id, so the command follows the id it last had.
    """

    def __init__(self, window, doc_id: int) -> None:
        self._window = window
        self._doc_id = doc_id
        self._document = window.library.document(doc_id)
        self._info = window.library.info(doc_id)
        self._annotations = window.library.annotations(doc_id)
        super().__init__(_tr("Remove “%s”") % self._info.title)

    def redo(self) -> None:
        self._window.library.remove(self._doc_id)
        self._window.document_removed(self._doc_id)

    def undo(self) -> None:
        self._doc_id = self._window.library.restore(self._document, self._info, self._annotations)
        self._window.document_added(self._doc_id)


class ImportDocumentsCommand(QUndoCommand):
    """Adds ingested documents; undo removes the ones this import created (not pre-existing ones)."""

    def __init__(self, window, items: list[tuple[str, object]]) -> None:
        super().__init__(_tr("Import documents"))
        self._window = window
        self._items = items
        self._created: list[int] = []
        self.ids: list[int] = []

    def redo(self) -> None:
        self._created = []
        self.ids = []
        for source_name, document in self._items:
            doc_id, created = self._window.library.add(document, source_name=source_name)
            self.ids.append(doc_id)
            if created:
                self._created.append(doc_id)
        self._window.documents_imported(self.ids)

    def undo(self) -> None:
        for doc_id in self._created:
            self._window.library.remove(doc_id)
            self._window.document_removed(doc_id)
