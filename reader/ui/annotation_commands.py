"""Undoable annotation changes (QUndoStack commands): create, edit, delete, recolour, retag.

Every command writes through the library at once (each write is its own committed transaction)
and then tells the controller which documents changed, so the panes and the list repaint.
Undo of a delete puts the very same annotation back (same uuid, created time, tags).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("annotation_commands", text)


def push(stack, command) -> None:
    """Do the command, then put it on the stack without doing it again.

    QUndoStack.push calls redo() from C++, where a Python exception cannot reach the caller and
    the failed command would stay on the stack; running it first lets a LibraryError surface.
    """
    command.redo()
    command.pushed = True
    stack.push(command)


class _Command(QUndoCommand):
    pushed = False

    def redo(self) -> None:
        if self.pushed:
            self.pushed = False  # push()'s own call: the work is already done
            return
        self.do()


class CreateAnnotationCommand(_Command):
    def __init__(self, controller, doc_id: int, start: int, end: int, *, color: str, note: str = "", tags=()) -> None:
        super().__init__(_tr("Highlight"))
        self._controller = controller
        self._args = (doc_id, start, end)
        self._fields = {"color": color, "note": note, "tags": tuple(tags)}
        self.annotation = None

    def do(self) -> None:
        library = self._controller.library
        if self.annotation is None:
            self.annotation = library.add_annotation(*self._args, **self._fields)
        else:
            self.annotation = library.put_annotation(self.annotation)
        self._controller.changed({self.annotation.doc_id}, select=self.annotation.id)

    def undo(self) -> None:
        self._controller.library.delete_annotation(self.annotation.id)
        self._controller.changed({self.annotation.doc_id})


class EditAnnotationsCommand(_Command):
    """Changes colour, note or tags of one or many annotations; undo restores each as it was."""

    def __init__(self, controller, ids, text: str, *, color=None, note=None, tags=None, add_tags=(), remove_tags=()) -> None:
        super().__init__(text)
        self._controller = controller
        self._ids = list(ids)
        self._change = {"color": color, "note": note, "tags": tags}
        self._add, self._remove = tuple(add_tags), tuple(remove_tags)
        self._before = [controller.library.annotation(i) for i in self._ids]

    def do(self) -> None:
        library = self._controller.library
        with library.batch():
            for before in self._before:
                tags = self._change["tags"]
                if self._add or self._remove:
                    removed = {t.casefold() for t in self._remove}
                    tags = [t for t in before.tags if t.casefold() not in removed] + list(self._add)
                library.update_annotation(before.id, color=self._change["color"], note=self._change["note"], tags=tags)
        self._controller.changed({b.doc_id for b in self._before})

    def undo(self) -> None:
        library = self._controller.library
        with library.batch():
            for before in self._before:
                library.put_annotation(before)
        self._controller.changed({b.doc_id for b in self._before})


class DeleteAnnotationsCommand(_Command):
    def __init__(self, controller, ids) -> None:
        ids = list(ids)
        super().__init__(_tr("Delete %n annotation(s)").replace("%n", str(len(ids))))
        self._controller = controller
        self._before = [controller.library.annotation(i) for i in ids]

    def do(self) -> None:
        library = self._controller.library
        with library.batch():
            for annotation in self._before:
                library.delete_annotation(annotation.id)
        self._controller.changed({a.doc_id for a in self._before})

    def undo(self) -> None:
        library = self._controller.library
        with library.batch():
            self._before = [library.put_annotation(a) for a in self._before]
        self._controller.changed({a.doc_id for a in self._before})


class TagCommand(_Command):
    """Rename (or merge) or delete a tag across the library; undo restores every annotation's tags."""

    def __init__(self, controller, text: str, old: str, new: str | None) -> None:
        super().__init__(text)
        self._controller = controller
        self._old, self._new = old, new
        self._before = controller.library.annotations(tag=old)

    def do(self) -> None:
        library = self._controller.library
        if self._new is None:
            library.delete_tag(self._old)
        else:
            library.rename_tag(self._old, self._new)
        self._controller.changed({a.doc_id for a in self._before}, tags_changed=True)

    def undo(self) -> None:
        library = self._controller.library
        with library.batch():
            for annotation in self._before:
                library.put_annotation(annotation)  # a renamed-to name nothing else carries goes
        self._controller.changed({a.doc_id for a in self._before}, tags_changed=True)
