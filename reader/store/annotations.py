"""Annotations in the library file: marks on a document's text with a colour, a note and tags.

Each write is one transaction committed at once (see Library._write), so a crash never loses an
annotation the app has reported saved. An annotation keeps both where it is (start, end) and what
it marks (quote with 32 characters of prefix and suffix), so it can be found again when the
document's text is replaced (reader.core.anchoring); one that cannot be placed is kept, marked
orphaned, never deleted.

Rows come back as Annotation values; `put_annotation` writes one back exactly (same id and uuid),
which is how undo restores a deleted annotation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, astuple, dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, TypedDict

from reader.core.anchoring import ANCHORED, ORPHANED, Selector, anchor_all, describe
from reader.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from reader.store.connection import Connection
    from reader.store.library import DocumentInfo

COLORS = ("yellow", "red", "green", "blue", "purple")
# How each colour is painted: in the reader, the Annotations dock and every export that shows colour
# (readable under dark text in light and dark themes).
FILLS = {
    "yellow": "#F5D547",
    "red": "#F08A8A",
    "green": "#8FD18F",
    "blue": "#8CB8F0",
    "purple": "#C9A2E8",
}
DEFAULT_COLOR = "yellow"
STATUSES = (ANCHORED, ORPHANED)

_COLUMNS = 'a.id, a.uuid, a.doc_id, a.start, a."end", a.quote, a.prefix, a.suffix, a.color, a.note, a.status, a.created, a.modified'
# Tags travel with each row as one string; U+001F (unit separator) never occurs in a tag name.
_TAG_SEP = "\x1f"
_SELECT = f"""
    SELECT {_COLUMNS},
        (SELECT group_concat(name, char(31)) FROM (
            SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.annotation_id = a.id ORDER BY t.name COLLATE NOCASE)) AS tags
    FROM annotations a
"""
# The row types of _COLUMNS, and of _SELECT (the same plus the tags, None when there are none).
_Columns = tuple[int, str, int, int, int, str, str, str, str, str, str, str, str]
_Row = tuple[int, str, int, int, int, str, str, str, str, str, str, str, str, str | None]


@dataclass(frozen=True, slots=True)
class Annotation:
    id: int
    uuid: str
    doc_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    status: str
    created: str
    modified: str
    tags: tuple[str, ...] = ()

    @property
    def orphaned(self) -> bool:
        return self.status == ORPHANED

    def to_json(self) -> AnnotationJson:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "color": self.color,
            "note": self.note,
            "status": self.status,
            "created": self.created,
            "modified": self.modified,
            "tags": list(self.tags),
        }


class AnnotationJson(TypedDict):
    id: int
    uuid: str
    doc_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    status: str
    created: str
    modified: str
    tags: list[str]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a carried annotation came from (reader.ops.carry): the annotation of an earlier
    report it was carried from, that report, and the passage as each report words it (status
    "kept" when they agree, "changed" when B reworded it)."""

    source_uuid: str
    source_doc: int
    source_title: str
    status: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class TagInfo:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What `replace_document` did to each annotation of the document: how it was placed."""

    moved: tuple[int, ...]  # anchored again, at another position
    fuzzy: tuple[int, ...]  # anchored on text that changed a little
    orphaned: tuple[int, ...]  # kept, but its text is gone
    unchanged: int


def now() -> str:
    """UTC with milliseconds, so annotations made in the same second still sort by time."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def check_color(color: str) -> str:
    color = color.strip().lower()
    if color not in COLORS:
        raise UsageError(f"unknown colour {color!r}: choose one of {', '.join(COLORS)}")
    return color


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as a user typed them, trimmed, without empties or case-insensitive repeats."""
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(tag.replace(_TAG_SEP, " ").split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def retagged(tags: Iterable[str], add: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[str, ...]:
    """The retag rule for a multi-selection: drop `remove` (any case), then add `add`, each tag once."""
    removed = {t.casefold() for t in clean_tags(remove)}
    return clean_tags([*(t for t in tags if t.casefold() not in removed), *add])


class AnnotationsMixin:
    """The annotation half of Library (kept apart so each file has one job)."""

    if TYPE_CHECKING:
        # Library's plumbing, which these methods use: the mixin is only ever part of a Library.
        _db: Connection

        def _guard(self) -> AbstractContextManager[None]: ...

        def _write(self) -> AbstractContextManager[None]: ...

        def _insert(self, table: str, row: dict[str, object]) -> int: ...

        def info(self, doc_id: int) -> DocumentInfo: ...

    # -- writing -----------------------------------------------------------------------------

    def add_annotation(
        self,
        doc_id: int,
        start: int,
        end: int,
        *,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Annotation:
        """Mark text[start:end] of the document; return the stored annotation."""
        color = check_color(color)
        tags = clean_tags(tags)
        with self._write():
            text = self._document_text(doc_id)
            try:
                selector = describe(text, start, end)
            except ValueError as exc:
                raise UsageError(f"cannot annotate {start}–{end} of document {doc_id}: {exc}") from None
            stamp = now()
            row: dict[str, object] = {
                "uuid": _new_uuid(),
                "doc_id": doc_id,
                "start": selector.start,
                "end": selector.end,
                "quote": selector.quote,
                "prefix": selector.prefix,
                "suffix": selector.suffix,
                "color": color,
                "note": note,
                "status": ANCHORED,
                "created": stamp,
                "modified": stamp,
            }
            annotation_id = self._insert("annotations", row)
            self._set_tags(annotation_id, tags)
            return self.annotation(annotation_id)

    def put_annotation(self, annotation: Annotation) -> Annotation:
        """Write an annotation back exactly as it was (undo of a delete, restoring a document)."""
        with self._write():
            self._document_text(annotation.doc_id)  # the document must exist
            row = {k: v for k, v in asdict(annotation).items() if k != "tags"}
            holder = self._db.execute("SELECT uuid FROM annotations WHERE id = ?", [annotation.id]).fetchone()
            if holder is not None and holder[0] != annotation.uuid:
                del row["id"]  # its old id went to another annotation meanwhile: take a new one
            self._db.execute("DELETE FROM annotations WHERE uuid = ?", [annotation.uuid])
            annotation_id = self._insert("annotations", row)
            self._set_tags(annotation_id, annotation.tags)
            return self.annotation(annotation_id)

    def update_annotation(
        self,
        annotation_id: int,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Annotation:
        """Change colour, note and/or tags; `modified` moves on only if something changed."""
        with self._write():
            before = self.annotation(annotation_id)
            changes: dict[str, object] = {}
            if color is not None and check_color(color) != before.color:
                changes["color"] = check_color(color)
            if note is not None and note != before.note:
                changes["note"] = note
            new_tags = clean_tags(tags) if tags is not None else before.tags
            if not changes and sorted(new_tags, key=str.casefold) == sorted(before.tags, key=str.casefold):
                return before
            changes["modified"] = now()
            self._db.table("annotations").update(annotation_id, changes)
            if tags is not None:
                self._set_tags(annotation_id, new_tags)
            return self.annotation(annotation_id)

    def update_annotations(
        self,
        ids: Sequence[int],
        *,
        color: str | None = None,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
    ) -> list[Annotation]:
        """Recolour and/or retag many annotations in one transaction (a multi-selection)."""
        add_tags, remove_tags = tuple(add_tags), tuple(remove_tags)
        out = []
        with self._write():
            for annotation_id in ids:
                before = self.annotation(annotation_id)
                out.append(self.update_annotation(annotation_id, color=color, tags=retagged(before.tags, add_tags, remove_tags)))
        return out

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete it; return it as it was, so a caller can offer undo through put_annotation."""
        with self._write():
            before = self.annotation(annotation_id)
            self._db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            self._prune_tags()
        return before

    # -- tags and colour names ---------------------------------------------------------------

    def tags(self) -> list[TagInfo]:
        """Every tag with how many annotations carry it, by name."""
        with self._guard():
            rows = self._db.execute(
                "SELECT t.name, count(at.annotation_id) FROM tags t "
                "LEFT JOIN annotation_tags at ON at.tag_id = t.id "
                "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
            ).fetchall()
        return [TagInfo(name, count) for name, count in rows]

    def rename_tag(self, old: str, new: str) -> None:
        """Rename a tag; renaming onto an existing tag merges the two."""
        (new,) = clean_tags([new]) or ("",)
        if not new:
            raise UsageError("a tag needs a name")
        with self._write():
            old_id = self._tag_id(old)
            target = self._db.execute("SELECT id FROM tags WHERE name = ?", [new]).fetchone()
            if target is None or target[0] == old_id:
                self._db.execute("UPDATE tags SET name = ? WHERE id = ?", [new, old_id])
                return
            self._db.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
                "SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?",
                [target[0], old_id],
            )
            self._db.execute("DELETE FROM tags WHERE id = ?", [old_id])
            self._touch_tagged(target[0])

    def delete_tag(self, name: str) -> list[int]:
        """Remove a tag from every annotation; return the ids that carried it (for undo)."""
        with self._write():
            tag_id = self._tag_id(name)
            ids: list[int] = [r[0] for r in self._db.execute("SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", [tag_id])]
            self._db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
            if ids:
                self._db.execute(
                    f"UPDATE annotations SET modified = ? WHERE id IN ({','.join('?' * len(ids))})", [now(), *ids]
                )
        return ids

    def _prune_tags(self) -> None:
        """A tag lives as long as some annotation carries it (the tag list never shows 0 uses)."""
        self._db.execute("DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM annotation_tags at WHERE at.tag_id = tags.id)")

    def color_labels(self) -> dict[str, str]:
        """The user's names for colours ({"red": "risk"}); colours without a name are absent."""
        with self._guard():
            labels: list[tuple[str, str]] = self._db.execute("SELECT color, label FROM color_labels").fetchall()
        return dict(labels)

    def set_color_label(self, color: str, label: str) -> None:
        color = check_color(color)
        with self._write():
            if label.strip():
                self._db.execute(
                    "INSERT INTO color_labels (color, label) VALUES (?, ?) "
                    "ON CONFLICT (color) DO UPDATE SET label = excluded.label",
                    [color, label.strip()],
                )
            else:
                self._db.execute("DELETE FROM color_labels WHERE color = ?", [color])

    # -- reading -----------------------------------------------------------------------------

    def annotation(self, annotation_id: int) -> Annotation:
        with self._guard():
            row = self._db.execute(f"{_SELECT} WHERE a.id = ?", [annotation_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No annotation with id {annotation_id} in the library")
        return _annotation(row)

    def annotation_by_uuid(self, uuid: str) -> Annotation:
        """The annotation with this uuid: its identity across undo, export and import (an id may
        change when undo puts an annotation back after its id went to another)."""
        with self._guard():
            row = self._db.execute(f"{_SELECT} WHERE a.uuid = ?", [uuid]).fetchone()
        if row is None:
            raise NotFoundError(f"No annotation with uuid {uuid} in the library")
        return _annotation(row)

    def annotations(
        self,
        doc_id: int | None = None,
        *,
        tag: str | None = None,
        color: str | None = None,
        status: str | None = None,
    ) -> list[Annotation]:
        """Annotations of one document (or all), in document then text order."""
        where: list[str] = []
        params: list[str | int] = []
        if doc_id is not None:
            self.info(doc_id)  # an unknown document is an error, not an empty list
            where.append("a.doc_id = ?")
            params.append(doc_id)
        if tag is not None:
            where.append(
                "a.id IN (SELECT annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)"
            )
            params.append(tag)
        if color is not None:
            where.append("a.color = ?")
            params.append(check_color(color))
        if status is not None:
            where.append("a.status = ?")
            params.append(status)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        # Two flat queries (rows, then their tags) rather than a tag subquery per row: listing
        # 50,000 annotations is then one scan of each table.
        with self._guard():
            rows: list[_Columns] = self._db.execute(
                f'SELECT {_COLUMNS} FROM annotations a {clause} ORDER BY a.doc_id, a.start, a."end", a.id', params
            ).fetchall()
            tags: dict[int, list[str]] = {}
            if rows:
                pairs = self._db.execute(
                    "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
                    f"WHERE at.annotation_id IN (SELECT a.id FROM annotations a {clause}) ORDER BY t.name COLLATE NOCASE",
                    params,
                ).fetchall()
                for annotation_id, name in pairs:
                    tags.setdefault(annotation_id, []).append(name)
        return [Annotation(*row, tags=tuple(tags.get(row[0], ()))) for row in rows]

    def annotation_count(self, doc_id: int | None = None) -> int:
        with self._guard():
            if doc_id is None:
                count: int = self._db.execute("SELECT count(*) FROM annotations").fetchone()[0]
            else:
                count = self._db.execute("SELECT count(*) FROM annotations WHERE doc_id = ?", [doc_id]).fetchone()[0]
        return count

    # -- origins of carried annotations ------------------------------------------------------

    def add_carried(
        self, doc_id: int, start: int, end: int, origin: Origin, *, color: str, note: str, tags: Iterable[str]
    ) -> Annotation:
        """Mark text[start:end] of the document as carried from origin.source_uuid (one transaction)."""
        with self._write():
            annotation = self.add_annotation(doc_id, start, end, color=color, note=note, tags=tags)
            self.put_origin(annotation.uuid, origin)
        return annotation

    def put_origin(self, uuid: str, origin: Origin) -> None:
        with self._write():
            self._db.execute(
                "INSERT OR REPLACE INTO annotation_origins "
                "(uuid, source_uuid, source_doc, source_title, status, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [uuid, *astuple(origin)],
            )

    def forget_origins(self, uuids: Iterable[str]) -> None:
        with self._write():
            for uuid in uuids:
                self._db.execute("DELETE FROM annotation_origins WHERE uuid = ?", [uuid])

    def origins(self, uuids: Iterable[str] | None = None) -> dict[str, Origin]:
        """The origin of each carried annotation among `uuids` (all, when None), by uuid. An
        origin outlives a delete of its annotation, so undoing the delete brings both back."""
        with self._guard():
            rows = self._db.execute(
                "SELECT uuid, source_uuid, source_doc, source_title, status, before, after FROM annotation_origins"
            ).fetchall()
        wanted = None if uuids is None else set(uuids)
        return {row[0]: Origin(*row[1:]) for row in rows if wanted is None or row[0] in wanted}

    def carried_sources(self, doc_id: int) -> dict[str, str]:
        """Source uuid → the uuid of the annotation of this document carried from it."""
        with self._guard():
            rows: list[tuple[str, str]] = self._db.execute(
                "SELECT o.source_uuid, o.uuid FROM annotation_origins o JOIN annotations a ON a.uuid = o.uuid WHERE a.doc_id = ?",
                [doc_id],
            ).fetchall()
        return dict(rows)

    # -- replacing a document's text ---------------------------------------------------------

    def reanchor(self, doc_id: int, text: str) -> ReanchorReport:
        """Place every annotation of the document on `text` (the document's new text).

        Call inside the transaction that stores the new text (see Library.replace).
        """
        before = self.annotations(doc_id)
        placed = anchor_all(text, [_selector(a) for a in before])
        moved: list[int] = []
        fuzzy: list[int] = []
        orphaned: list[int] = []
        unchanged = 0
        stamp = now()
        for annotation, anchoring in zip(before, placed, strict=True):  # one placement per selector
            if anchoring.status == ORPHANED:
                orphaned.append(annotation.id)
                if annotation.status != ORPHANED:
                    self._db.execute(
                        "UPDATE annotations SET status = ?, modified = ? WHERE id = ?", [ORPHANED, stamp, annotation.id]
                    )
                continue
            # Only an exact find counts as in place: a fuzzy match on the same span changed the quote.
            in_place = anchoring.method == "position" and (anchoring.start, anchoring.end) == (annotation.start, annotation.end)
            if in_place and annotation.status == ANCHORED:
                unchanged += 1
                selector = describe(text, anchoring.start, anchoring.end)
                if (selector.prefix, selector.suffix) == (annotation.prefix, annotation.suffix):
                    continue
            else:
                (fuzzy if anchoring.method == "fuzzy" else moved).append(annotation.id)
                selector = describe(text, anchoring.start, anchoring.end)
            self._db.table("annotations").update(
                annotation.id,
                {
                    "start": selector.start,
                    "end": selector.end,
                    "quote": selector.quote,
                    "prefix": selector.prefix,
                    "suffix": selector.suffix,
                    "status": ANCHORED,
                    "modified": stamp,
                },
            )
        return ReanchorReport(tuple(moved), tuple(fuzzy), tuple(orphaned), unchanged)

    # -- plumbing ----------------------------------------------------------------------------

    def _document_text(self, doc_id: int) -> str:
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No document with id {doc_id} in the library")
        text: str = row[0]
        return text

    def _tag_id(self, name: str) -> int:
        row = self._db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
        if row is None:
            raise NotFoundError(f"No tag named {name!r} in the library")
        tag_id: int = row[0]
        return tag_id

    def _set_tags(self, annotation_id: int, tags: Sequence[str]) -> None:
        self._db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for tag in tags:
            self._db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [tag])
            self._db.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
                [annotation_id, tag],
            )
        self._prune_tags()

    def _touch_tagged(self, tag_id: int) -> None:
        self._db.execute(
            "UPDATE annotations SET modified = ? WHERE id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?)",
            [now(), tag_id],
        )


def _annotation(row: _Row) -> Annotation:
    tags = row[-1]
    return Annotation(*row[:-1], tags=tuple(tags.split(_TAG_SEP)) if tags else ())


def _new_uuid() -> str:
    import uuid  # here: it loads platform and more (~4 ms), for writes only

    return str(uuid.uuid4())


def _selector(annotation: Annotation) -> Selector:
    return Selector(annotation.start, annotation.end, annotation.quote, annotation.prefix, annotation.suffix)


def with_doc(annotation: Annotation, doc_id: int) -> Annotation:
    """The same annotation on another document id (a removed document restored by undo)."""
    return replace(annotation, doc_id=doc_id)
