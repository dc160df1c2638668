"""Undoable annotation changes: create, edit, delete, recolour, retag, rename and delete tags.

Undo of a delete puts the very same annotation back (same uuid, created time, tags).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from reader.ops import annotations as ops
from reader.ops.changes import Changes
from reader.store.annotations import Annotation
from reader.ui.commands import Command, Context


class CreateAnnotationCommand(Command):
    def __init__(
        self, context: Context, doc_id: int, start: int, end: int, *, color: str, note: str = "", tags: Iterable[str] = ()
    ) -> None:
        super().__init__(context, QCoreApplication.translate("annotation_commands", "Highlight"))
        self._args = (doc_id, start, end)
        self._color, self._note, self._tags = color, note, tuple(tags)
        self.annotation: Annotation | None = None

    def do(self) -> Changes:
        if self.annotation is None:
            self.annotation, changes = ops.create_annotation(
                self.library, *self._args, color=self._color, note=self._note, tags=self._tags
            )
            return changes
        (self.annotation,), changes = ops.put_annotations(self.library, [self.annotation])
        return changes

    def undo_changes(self) -> Changes:
        assert self.annotation is not None
        _before, changes = ops.delete_annotations(self.library, [self.annotation.uuid])
        return changes


class EditAnnotationsCommand(Command):
    """Changes colour, note or tags of one or many annotations; undo restores each as it was."""

    def __init__(
        self,
        context: Context,
        uuids: Sequence[str],
        text: str,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
    ) -> None:
        super().__init__(context, text)
        self._uuids = list(uuids)
        self._color, self._note = color, note
        self._tags = None if tags is None else tuple(tags)
        self._add_tags, self._remove_tags = tuple(add_tags), tuple(remove_tags)
        self._before: list[Annotation] = []

    def do(self) -> Changes:
        self._before, changes = ops.edit_annotations(
            self.library,
            self._uuids,
            color=self._color,
            note=self._note,
            tags=self._tags,
            add_tags=self._add_tags,
            remove_tags=self._remove_tags,
        )
        return changes

    def undo_changes(self) -> Changes:
        _written, changes = ops.put_annotations(self.library, self._before)
        return changes


class DeleteAnnotationsCommand(Command):
    def __init__(self, context: Context, uuids: Sequence[str]) -> None:
        uuids = list(uuids)
        count = len(uuids)  # a name, not a call: lupdate misses a translate() whose count is a call
        super().__init__(context, QCoreApplication.translate("annotation_commands", "Delete %n annotation(s)", "", count))
        self._uuids = uuids
        self._before: list[Annotation] = []

    def do(self) -> Changes:
        self._before, changes = ops.delete_annotations(self.library, self._uuids)
        return changes

    def undo_changes(self) -> Changes:
        _written, changes = ops.put_annotations(self.library, self._before)
        return changes


class TagCommand(Command):
    """Rename (or merge) or delete a tag across the library; undo restores every annotation's tags."""

    def __init__(self, context: Context, text: str, old: str, new: str | None) -> None:
        super().__init__(context, text)
        self._old, self._new = old, new
        self._before: list[Annotation] = []

    def do(self) -> Changes:
        if self._new is None:
            self._before, changes = ops.delete_tag(self.library, self._old)
        else:
            self._before, changes = ops.rename_tag(self.library, self._old, self._new)
        return changes

    def undo_changes(self) -> Changes:
        # Putting each annotation back as it was also drops a renamed-to name nothing else carries.
        _written, changes = ops.put_annotations(self.library, self._before)
        return changes
