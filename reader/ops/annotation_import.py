"""Import annotations from W3C Web Annotation JSON: our own export (reader.export.w3c) or another
tool's (Hypothesis's W3C JSON-LD, and its own API / client-export JSON).

Reading is lenient about shape: an AnnotationCollection with its pages embedded, an
AnnotationPage, a single Annotation, a bare list of them, Hypothesis's {"annotations": [...]}
(client export) or {"rows": [...]} (API search); `target` and `body` as an object or a list;
`selector` as an object or a list. Only the top-level TextQuoteSelector and TextPositionSelector
of a target are read (a selector refined by another, as Hypothesis writes for XPath ranges,
counts positions inside an element, not in the document).

Each annotation goes onto one document of the library, the first of these that holds:

1. the `doc_id` the caller gives (it overrides everything: "these are on that document");
2. the document whose text has the content hash in the source IRI
   (urn:report-reader:sha256:<hash>, as we export);
3. the one document with the file name (rr:sourceName) the source names, or whose file name is
   the last segment of the source IRI (file:///…/2024.txt);
4. the one document with the title (dcterms:title, or Hypothesis's document.title).

None: the annotation is skipped with the reason (see ImportSummary.unmatched, so a caller can
ask which document they are on and import again with doc_id).

It is then placed with reader.core.anchoring.anchor through its selectors (the position if the
quote is still there, else the quote by its prefix/suffix, else fuzzily): placed, it is stored
at the span found (quote and context taken from the text); not found, it is stored orphaned with
the quote it had, never dropped. An annotation the file marks orphaned (rr:status) on a document
with exactly the text it was exported from stays orphaned: it was orphaned on this very text.

Annotations are merged by uuid (from a urn:uuid: id; any other id, or none, gives a uuid derived
from it, so a file imports the same way twice): one already in the library is updated if its
place, quote, note, tags, colour or status differ, else skipped as unchanged. Importing a file
twice adds nothing. created/modified are kept from the file when it has them. Everything is one
transaction: bad input or a failure half-way changes nothing.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TypedDict
from urllib.parse import unquote, urlsplit

from reader.core.anchoring import ANCHORED, ORPHANED, Selector, anchor, describe
from reader.errors import InputError, NotFoundError
from reader.export.w3c import COLOR, SOURCE_NAME, SOURCE_PREFIX, STATUS, TITLE, library_time
from reader.ops.changes import Changes
from reader.store.annotations import COLORS, DEFAULT_COLOR, Annotation, clean_tags, now
from reader.store.library import DocumentInfo, Library

# Why an annotation was skipped (Skipped.kind).
UNMATCHED = "unmatched"  # no document of the library is the one it is on
UNCHANGED = "unchanged"  # already in the library exactly so
UNUSABLE = "unusable"  # not an annotation on text we can read

_MAX_DEPTH = 8  # pages inside collections inside lists: no file nests deeper

JsonObject = dict[str, object]


@dataclass(frozen=True, slots=True)
class Skipped:
    number: int  # the annotation's place in the file, from 1
    label: str  # its id, else the start of its quote, so a user can find it
    reason: str  # one sentence
    kind: str  # UNMATCHED, UNCHANGED or UNUSABLE


class SkippedJson(TypedDict):
    number: int
    label: str
    kind: str
    reason: str


class ImportSummaryJson(TypedDict):
    added: int
    updated: int
    orphaned: int
    skipped: int
    skipped_items: list[SkippedJson]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did. added + updated + skipped is every annotation in the file; orphaned
    counts those of the added and updated that were kept without a place in the text."""

    added: int = 0
    updated: int = 0
    orphaned: int = 0
    skipped_items: tuple[Skipped, ...] = ()
    uuids: tuple[str, ...] = field(default=())  # the annotations written, in file order

    @property
    def skipped(self) -> int:
        return len(self.skipped_items)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.skipped

    def unmatched(self) -> tuple[Skipped, ...]:
        """The annotations skipped because no document of the library is the one they are on."""
        return tuple(s for s in self.skipped_items if s.kind == UNMATCHED)

    def unchanged(self) -> tuple[Skipped, ...]:
        return tuple(s for s in self.skipped_items if s.kind == UNCHANGED)

    def describe(self) -> str:
        """A few lines for a person: the counts, then why each was skipped (but the unchanged)."""
        if not self.total:
            return "The file holds no annotations."
        counts = f"{self.added} added, {self.updated} updated"
        unchanged = len(self.unchanged())
        if unchanged:
            counts += f", {unchanged} already in the library"
        others = [s for s in self.skipped_items if s.kind != UNCHANGED]
        if others:
            counts += f", {len(others)} skipped"
        lines = [counts + "."]
        if self.orphaned:
            them = "it is" if self.orphaned == 1 else "they are"
            lines.append(f"{self.orphaned} of them could not be placed in the text: {them} kept as orphaned.")
        lines += [f"#{s.number} {s.label}: {s.reason}" for s in others]
        return "\n".join(lines)

    def to_json(self) -> ImportSummaryJson:
        return {
            "added": self.added,
            "updated": self.updated,
            "orphaned": self.orphaned,
            "skipped": self.skipped,
            "skipped_items": [{"number": s.number, "label": s.label, "kind": s.kind, "reason": s.reason} for s in self.skipped_items],
        }


class _Unusable(Exception):
    """An annotation this import cannot use; its message is the reason it is skipped."""


@dataclass(frozen=True, slots=True)
class _Incoming:
    """One annotation as the file has it, in our terms."""

    uuid: str
    note: str
    tags: tuple[str, ...]
    color: str  # "" when the file gives none we know (another tool's)
    status: str  # as the file says (rr:status), "" when it does not
    created: str  # "" when the file has none (or not a time)
    modified: str
    source: str  # the target's source IRI, "" when none
    source_name: str
    title: str
    exact: str  # the TextQuoteSelector, "" when none
    prefix: str
    suffix: str
    position: tuple[int, int] | None  # the TextPositionSelector

    @property
    def source_hash(self) -> str:
        return self.source[len(SOURCE_PREFIX) :] if self.source.startswith(SOURCE_PREFIX) else ""


def import_annotations(library: Library, data: str | bytes, *, doc_id: int | None = None) -> tuple[ImportSummary, Changes]:
    """Read annotations from W3C JSON and put them on the library's documents (see the module)."""
    candidates = _candidates(_parse(data))
    if doc_id is not None:
        library.info(doc_id)  # an unknown document is an error, before anything is read
    added = updated = orphaned = 0
    skipped: list[Skipped] = []
    written: list[str] = []
    annotated: set[int] = set()
    tags_changed = False
    with library.batch():
        matcher = _Matcher(library, library.documents())
        for number, candidate in enumerate(candidates, 1):
            label = _label(candidate)
            try:
                incoming = _read(candidate)
                target = doc_id if doc_id is not None else matcher.match(incoming)
                annotation = _placed(incoming, target, matcher.text(target), matcher.info(target).content_hash)
            except _Unusable as reason:
                kind = UNMATCHED if isinstance(reason, _NoDocument) else UNUSABLE
                skipped.append(Skipped(number, label, str(reason), kind))
                continue
            existing = _existing(library, annotation.uuid)
            if existing is not None and not incoming.color:  # a file without colours keeps the one chosen here
                annotation = replace(annotation, color=existing.color)
            if existing is not None and _same(existing, annotation):
                skipped.append(Skipped(number, label, "already in the library, unchanged", UNCHANGED))
                continue
            if existing is not None:
                annotation = replace(
                    annotation,
                    id=existing.id,
                    created=incoming.created or existing.created,
                    modified=incoming.modified or now(),
                )
                annotated.add(existing.doc_id)
                tags_changed = tags_changed or bool(existing.tags)
                updated += 1
            else:
                annotation = replace(annotation, id=_fresh_id(library, annotation.doc_id))
                added += 1
            stored = library.put_annotation(annotation)
            orphaned += int(stored.orphaned)
            written.append(stored.uuid)
            annotated.add(stored.doc_id)
            tags_changed = tags_changed or bool(stored.tags)
    summary = ImportSummary(added, updated, orphaned, tuple(skipped), tuple(written))
    changes = Changes(annotated=frozenset(annotated), annotations=frozenset(written), tags=tags_changed)
    return summary, changes


# --- reading the file --------------------------------------------------------------------------


def _parse(data: str | bytes) -> object:
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise InputError("The file is binary, not Web Annotation JSON.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("The file is not UTF-8 text, so it is not Web Annotation JSON.") from None
    else:
        text = data.removeprefix("\ufeff")
        if "\x00" in text:
            raise InputError("The file is binary, not Web Annotation JSON.")
    if not text.strip():
        raise InputError("The file is empty: it holds no annotations.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"The file is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).") from None
    except RecursionError:
        raise InputError("The file's JSON is nested too deeply to be Web Annotations.") from None


def _candidates(root: object) -> list[object]:
    """The annotations of the file (and anything in their place: each is read, or skipped, alone)."""
    found = _contents(root, 0)
    if found is None or (found and not any(_is_annotation(item) for item in found)):
        raise InputError(
            "The file is JSON but holds no Web Annotations "
            "(an AnnotationCollection, an AnnotationPage, an Annotation or a list of them)."
        )
    return found


def _contents(value: object, depth: int) -> list[object] | None:
    """The annotations a JSON value holds, None if it is not something that holds them."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(value, list):
        out: list[object] = []
        for item in value:
            inner = _contents(item, depth + 1) if isinstance(item, dict) and not _is_annotation(item) else None
            out.extend(inner if inner is not None else [item])
        return out
    if not isinstance(value, dict):
        return None
    types = _types(value)
    if _is_annotation(value):
        return [value]
    if "AnnotationCollection" in types or ("first" in value and "items" not in value):
        first = value.get("first")
        if first is None:
            return [] if not value.get("total") else None
        if isinstance(first, str):
            raise InputError(f"The file names the collection's annotations but does not hold them (they are at {first}).")
        return _contents(first, depth + 1)
    if "AnnotationPage" in types or "items" in value:
        items = value.get("items")
        if not isinstance(items, list):
            return None
        out = list(items)
        following = value.get("next")
        if isinstance(following, str):
            raise InputError(f"The file holds only part of the collection (the next page is at {following}).")
        if isinstance(following, dict):
            more = _contents(following, depth + 1)
            out.extend(more or [])
        return out
    for key in ("annotations", "rows"):  # Hypothesis's client export, and its API's search result
        if isinstance(value.get(key), list):
            return _contents(value[key], depth + 1)
    return None


def _is_annotation(value: object) -> bool:
    return isinstance(value, dict) and ("Annotation" in _types(value) or "target" in value)


def _types(value: JsonObject) -> set[str]:
    return {t for t in _listed(value.get("type", value.get("@type"))) if isinstance(t, str)}


def _listed(value: object) -> list[object]:
    """JSON-LD's one-or-many: a list as it is, anything else as a list of itself (None: empty)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: object) -> str:
    """A string value, or the first string of a list of them (Hypothesis's document.title)."""
    for item in _listed(value):
        if isinstance(item, str):
            return item
    return ""


def _label(candidate: object) -> str:
    """How a person finds the annotation in the file: its id, else the start of its quote."""
    if not isinstance(candidate, dict):
        return f"({type(candidate).__name__})"
    ident = _text(candidate.get("id", candidate.get("@id")))
    if ident:
        return ident
    for target in _listed(candidate.get("target")):
        for selector in _listed(target.get("selector")) if isinstance(target, dict) else []:
            exact = selector.get("exact") if isinstance(selector, dict) else None
            if isinstance(exact, str) and exact:
                return f"“{exact[:20]}{'…' if len(exact) > 20 else ''}”"
    return "(no id)"


def _read(candidate: object) -> _Incoming:
    if not isinstance(candidate, dict):
        raise _Unusable("not an annotation (an annotation is a JSON object)")
    if not _is_annotation(candidate):
        raise _Unusable("not an annotation (it has no type Annotation and no target)")
    target, source = _text_target(candidate)
    note, tags = _note_and_tags(candidate)
    color = _text(candidate.get(COLOR)).strip().lower()
    created = _time(candidate.get("created"))
    modified = _time(candidate.get("modified", candidate.get("updated"))) or created
    exact, prefix, suffix, position = _selectors(target)
    document = candidate.get("document")
    title = _text(_first_of(source, target, key=TITLE)) or _text(_first_of(source, target, key="dc:title"))
    if not title and isinstance(document, dict):
        title = _text(document.get("title"))
    return _Incoming(
        uuid=_uuid_of(candidate),
        note=note,
        tags=clean_tags(tags),
        color=color if color in COLORS else "",
        status=_text(candidate.get(STATUS)),
        created=created,
        modified=modified,
        source=_source_iri(source),
        source_name=_text(_first_of(source, target, key=SOURCE_NAME)),
        title=title,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        position=position,
    )


def _first_of(*holders: object, key: str) -> object:
    for holder in holders:
        if isinstance(holder, dict) and key in holder:
            return holder[key]
    return None


def _text_target(candidate: JsonObject) -> tuple[JsonObject, object]:
    """The first target that selects text, and its source (an IRI or an object with an id)."""
    whole_resource = False
    for target in _listed(candidate.get("target")):
        if not isinstance(target, dict) or "selector" not in target:
            whole_resource = True
            continue
        selectors = [s for s in _listed(target.get("selector")) if isinstance(s, dict)]
        if any(_types(s) & {"TextQuoteSelector", "TextPositionSelector"} for s in selectors):
            source = target.get("source")
            if isinstance(source, list):  # the older Hypothesis API wrote "source": [uri]
                source = next((s for s in source if isinstance(s, (str, dict))), None)
            if source is None and isinstance(candidate.get("uri"), str):
                source = candidate["uri"]
            return target, source
    if whole_resource:
        raise _Unusable("it is on a whole document or another annotation (a page note or a reply), not on a passage")
    raise _Unusable("it selects no text (it has no TextQuoteSelector or TextPositionSelector)")


def _selectors(target: JsonObject) -> tuple[str, str, str, tuple[int, int] | None]:
    exact = prefix = suffix = ""
    position: tuple[int, int] | None = None
    for selector in _listed(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        types = _types(selector)
        if "TextQuoteSelector" in types and not exact:
            value = selector.get("exact")
            if isinstance(value, str) and value:
                exact = value
                prefix = _text(selector.get("prefix"))
                suffix = _text(selector.get("suffix"))
        elif "TextPositionSelector" in types and position is None:
            start, end = _natural(selector.get("start")), _natural(selector.get("end"))
            if start is not None and end is not None and start < end:
                position = (start, end)
    if not exact and position is None:
        raise _Unusable("its text selectors are empty or invalid (no quote, and no start before its end)")
    return exact, prefix, suffix, position


def _natural(value: object) -> int | None:
    """A non-negative integer (xsd:nonNegativeInteger), else None (JSON's true is no number)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _note_and_tags(candidate: JsonObject) -> tuple[str, list[str]]:
    """The note: every textual body that is not a tag (joined by a blank line if there are
    several), else bodyValue, else Hypothesis's "text". Tags: the tagging bodies, and "tags"."""
    notes: list[str] = []
    tags: list[str] = []
    for body in _listed(candidate.get("body")):
        if isinstance(body, dict) and "Choice" in _types(body):  # one of several: the first is preferred
            body = next(iter(_listed(body.get("items"))), None)
        if not isinstance(body, dict):
            continue  # a body given by IRI only: nothing of it is in the file
        value = body.get("value")
        if not isinstance(value, str):
            continue
        if "tagging" in _listed(body.get("purpose")):
            tags.append(value)
        else:
            notes.append(value)
    if not notes and isinstance(candidate.get("bodyValue"), str):
        notes.append(str(candidate["bodyValue"]))
    if not notes and isinstance(candidate.get("text"), str):
        notes.append(str(candidate["text"]))
    tags.extend(t for t in _listed(candidate.get("tags")) if isinstance(t, str))
    return "\n\n".join(notes), tags


def _time(value: object) -> str:
    """A time from the file as the library writes times (UTC, +00:00), "" if it is not one."""
    return library_time(value) if isinstance(value, str) else ""


def _source_iri(source: object) -> str:
    if isinstance(source, str):
        return source
    if isinstance(source, dict):
        return _text(source.get("id", source.get("@id")))
    return ""


def _uuid_of(candidate: JsonObject) -> str:
    """The annotation's uuid: from a urn:uuid: id, else derived from its id (or, without one,
    from its whole content), so the same annotation always gets the same uuid."""
    ident = _text(candidate.get("id", candidate.get("@id")))
    if ident.lower().startswith("urn:uuid:"):
        try:
            return str(uuid_module.UUID(ident[len("urn:uuid:") :]))
        except ValueError:
            pass
    if ident and ":" not in ident:  # a Hypothesis API id: name it as its W3C form does
        links = candidate.get("links")
        html = links.get("html") if isinstance(links, dict) else None
        ident = html if isinstance(html, str) and html else f"urn:x-annotation-id:{ident}"
    if not ident:
        ident = "urn:report-reader:import:" + json.dumps(candidate, sort_keys=True, ensure_ascii=False)
    return str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, ident))


# --- matching documents ------------------------------------------------------------------------


class _NoDocument(_Unusable):
    """No document of the library is the one the annotation is on."""


class _Matcher:
    def __init__(self, library: Library, infos: Sequence[DocumentInfo]) -> None:
        self._library = library
        self._infos = {info.id: info for info in infos}
        self._by_hash = {info.content_hash: info.id for info in infos}
        self._by_name = _index((info.source_name, info.id) for info in infos if info.source_name)
        self._by_title = _index((info.title, info.id) for info in infos if info.title)
        self._texts: dict[int, str] = {}

    def match(self, incoming: _Incoming) -> int:
        if incoming.source_hash in self._by_hash:
            return self._by_hash[incoming.source_hash]
        names = [incoming.source_name, _last_segment(incoming.source)]
        for key, index in ((n, self._by_name) for n in names if n):
            if len(index.get(key.casefold(), ())) == 1:
                return index[key.casefold()][0]
        if incoming.title and len(self._by_title.get(incoming.title.casefold(), ())) == 1:
            return self._by_title[incoming.title.casefold()][0]
        described = " or ".join(
            f"{what} {value!r}"
            for what, value in (("source", incoming.source), ("file", incoming.source_name), ("title", incoming.title))
            if value
        )
        raise _NoDocument(f"no document in the library matches its {described or 'source (it names none)'}")

    def info(self, doc_id: int) -> DocumentInfo:
        if doc_id not in self._infos:
            self._infos[doc_id] = self._library.info(doc_id)
        return self._infos[doc_id]

    def text(self, doc_id: int) -> str:
        if doc_id not in self._texts:
            self._texts[doc_id] = self._library.document(doc_id).text
        return self._texts[doc_id]


def _index(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for key, doc_id in pairs:
        index.setdefault(key.casefold(), []).append(doc_id)
    return index


def _last_segment(iri: str) -> str:
    """The file name an IRI ends in (file:///home/me/2024.txt → 2024.txt), "" if none."""
    if not iri or iri.startswith(SOURCE_PREFIX):
        return ""
    parts = urlsplit(iri)
    return PurePosixPath(unquote(parts.path)).name if parts.scheme in ("file", "http", "https") else ""


# --- placing and writing -----------------------------------------------------------------------


def _placed(incoming: _Incoming, doc_id: int, text: str, content_hash: str) -> Annotation:
    """The annotation as it will be stored on the document: placed on its text, else orphaned."""
    if not text:
        raise _Unusable("the document it is on has no text")
    stamp = now()
    start, end = incoming.position or (-1, -1)  # no position: anchor by quote and context alone
    if not incoming.exact:  # a position alone: the text there is the passage
        if end > len(text):
            raise _Unusable(f"it quotes no text and its position {start}–{end} is past the document's end ({len(text)})")
        selector = describe(text, start, end)
        status = ANCHORED
    elif incoming.status == ORPHANED and incoming.source_hash == content_hash:
        # Orphaned on exactly this text: anchoring it again would only undo what the library decided.
        selector = Selector(*_clamped(start, end, len(text)), incoming.exact, incoming.prefix, incoming.suffix)
        status = ORPHANED
    else:
        found = anchor(text, Selector(start, end, incoming.exact, incoming.prefix, incoming.suffix))
        if found.status == ANCHORED:
            selector = describe(text, found.start, found.end)
        else:
            selector = Selector(found.start, found.end, incoming.exact, incoming.prefix, incoming.suffix)
        status = found.status
    return Annotation(
        id=0,  # set when written
        uuid=incoming.uuid,
        doc_id=doc_id,
        start=selector.start,
        end=selector.end,
        quote=selector.quote,
        prefix=selector.prefix,
        suffix=selector.suffix,
        color=incoming.color or DEFAULT_COLOR,
        note=incoming.note,
        status=status,
        created=incoming.created or stamp,
        modified=incoming.modified or stamp,
        tags=incoming.tags,
    )


def _clamped(start: int, end: int, length: int) -> tuple[int, int]:
    return min(max(start, 0), length), min(max(end, 0), length)


def _existing(library: Library, uuid: str) -> Annotation | None:
    try:
        return library.annotation_by_uuid(uuid)
    except NotFoundError:
        return None


def _same(existing: Annotation, incoming: Annotation) -> bool:
    """Nothing but the times differ (tags compared as a set, without regard to case)."""
    keep = replace(incoming, id=existing.id, created=existing.created, modified=existing.modified, tags=())
    tags = sorted(t.casefold() for t in existing.tags) == sorted(t.casefold() for t in incoming.tags)
    return tags and replace(existing, tags=()) == keep


def _fresh_id(library: Library, doc_id: int) -> int:
    """An id for a new annotation, drawn as the library draws them: put_annotation writes the id
    it is given, so one is taken with add_annotation and freed again (inside the import's
    transaction, nobody else can take it meanwhile)."""
    placeholder = library.add_annotation(doc_id, 0, 1)
    library.delete_annotation(placeholder.id)
    return placeholder.id
