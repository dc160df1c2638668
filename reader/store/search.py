"""Full-text search over the library: documents' text and annotations' quotes and notes.

Each block of a document and each annotation (quote + note) is a unit in search_units, stored
folded (t2s, full-width ASCII to ASCII, lower case), so 新質生產力 and 新质生产力 find each other;
its jieba words go into search_fts. Writes never run jieba: triggers queue what changed in
search_pending, and `index_pending` catches up before a search, one document per transaction, so
it can run in a worker thread (on its own Library connection) and a crash loses nothing.
A hit is an exact substring of the folded text, reported as code-point offsets of the original
text, mapped back through the fold's offset map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.convert import Conversion
from reader.core.find import fold, fold_query
from reader.core.segment import search_tokens

if TYPE_CHECKING:
    from reader.store.connection import Connection
    from reader.store.library import Library

DOCUMENT = "document"
ANNOTATION = "annotation"
_BLOCK_UNIT = "block"
_ANNOTATION_UNIT = "annotation"

CONTEXT_CHARS = 30
ELLIPSIS = "…"
# Annotations are cheap to index, so many go in one transaction.
_ANNOTATIONS_PER_CHUNK = 200
# Full-width ASCII (！ … ～) folds to ASCII, so 5％ finds 5% and 人工智能＋ finds 人工智能+.
_WIDTH_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One place a query was found.

    kind "document": a passage of the document's text; "annotation": an annotation's quote or
    note matched (for a match in the note, start/end are the annotation's own span).
    context is the passage as written with ~30 characters either side, on one line, with "…"
    where it was cut; match_start/match_end locate the match inside it.
    """

    kind: str
    doc_id: int
    title: str
    annotation_id: int | None
    start: int
    end: int
    context: str
    match_start: int
    match_end: int


# -- folding --------------------------------------------------------------------------------


def fold_for_search(text: str) -> str:
    """The query's fold: t2s, full-width ASCII to ASCII, lower case, trimmed."""
    return _lower(fold_query(text).translate(_WIDTH_FOLD)).strip()


def _fold_unit(text: str) -> tuple[Conversion, str]:
    """A unit's t2s conversion (for its offset map) and its folded, lower-cased text.

    Width folding and lower-casing keep the length, so the conversion's map serves both.
    """
    conversion = fold(text)
    return conversion, _lower(conversion.text.translate(_WIDTH_FOLD))


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few letters lower-case to two code points (İ → i̇); keep those as they are.
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


# -- indexing -------------------------------------------------------------------------------


def pending_count(library: Library) -> int:
    """How many documents and annotations wait to be indexed (0: searching will be quick)."""
    with library._guard():
        count: int = library._db.execute("SELECT count(*) FROM search_pending").fetchone()[0]
    return count


def index_pending(
    library: Library,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Index whatever changed since the last call; return how many units were written.

    A document's units are one per non-empty block, an annotation's one over quote + note; each
    keeps its folded text (what search scans) and its jieba words (search_fts). Documents go one
    per transaction with jieba run outside it, so other writers wait at most for one document's
    rows; an item that changed while it was being cut stays queued for the next call.
    progress(done, total) follows each transaction; should_stop() ends the run early (what is
    done stays done). From a worker thread, pass a Library opened there: a connection belongs to
    the thread that opened it. A read-only library is left as it is (see _searchable).
    """
    if library.read_only:
        return 0
    with library._guard():
        pending: list[tuple[str, int]] = library._db.execute(
            "SELECT kind, ref FROM search_pending ORDER BY kind = 'annotation', ref"
        ).fetchall()
    documents = [ref for kind, ref in pending if kind == DOCUMENT]
    annotations = [ref for kind, ref in pending if kind == ANNOTATION]
    total = len(documents) + len(annotations)
    written = done = 0
    for doc_id in documents:
        if should_stop is not None and should_stop():
            return written
        written += _index_document(library, doc_id)
        done += 1
        if progress is not None:
            progress(done, total)
    for first in range(0, len(annotations), _ANNOTATIONS_PER_CHUNK):
        if should_stop is not None and should_stop():
            return written
        chunk = annotations[first : first + _ANNOTATIONS_PER_CHUNK]
        written += _index_annotations(library, chunk)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    return written


_BLOCKS = "SELECT seq, start, text FROM blocks WHERE doc_id = ? ORDER BY seq"
# A row of search_units with its search_fts tokens: (kind, doc_id, ref, start, folded, words).
_Unit = tuple[str, int, int, int, str, str]
_ANNOTATIONS = "SELECT id, doc_id, start, quote, note FROM annotations WHERE id IN ({marks})"


def _index_document(library: Library, doc_id: int) -> int:
    db = library._db
    with library._guard():
        row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        blocks = db.execute(_BLOCKS, [doc_id]).fetchall()
    units: list[_Unit] = []
    if row is not None:
        for seq, start, text in blocks:
            if text.strip():
                folded, words = _cut(text)
                units.append((_BLOCK_UNIT, doc_id, seq, start, folded, words))
    with library._write():
        if not _still_pending(db, DOCUMENT, doc_id):
            return 0
        current = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if current is None or row is None:
            # Gone: its delete trigger dropped its units; only a stray queue entry can be left.
            db.execute("DELETE FROM search_pending WHERE kind = ? AND ref = ?", [DOCUMENT, doc_id])
            return 0
        if current != row or db.execute(_BLOCKS, [doc_id]).fetchall() != blocks:
            return 0  # replaced while it was being cut: stays queued for the next run
        _delete_units(db, "kind = ? AND doc_id = ?", [_BLOCK_UNIT, doc_id])
        _insert_units(db, units)
        db.execute("DELETE FROM search_pending WHERE kind = ? AND ref = ?", [DOCUMENT, doc_id])
    return len(units)


def _index_annotations(library: Library, ids: Sequence[int]) -> int:
    db = library._db
    sql = _ANNOTATIONS.format(marks=",".join("?" * len(ids)))
    with library._guard():
        rows = {row[0]: row[1:] for row in db.execute(sql, list(ids))}
    cut: dict[int, _Unit] = {}
    for annotation_id, (doc_id, start, quote, note) in rows.items():
        folded, words = _cut(_annotation_text(quote, note))
        cut[annotation_id] = (_ANNOTATION_UNIT, doc_id, annotation_id, start, folded, words)
    written = 0
    with library._write():
        current = {row[0]: row[1:] for row in db.execute(sql, list(ids))}
        for annotation_id in ids:
            if not _still_pending(db, ANNOTATION, annotation_id):
                continue
            if annotation_id not in current:
                db.execute(
                    "DELETE FROM search_pending WHERE kind = ? AND ref = ?", [ANNOTATION, annotation_id]
                )
                continue
            if current[annotation_id] != rows.get(annotation_id):
                continue  # edited meanwhile: stays queued
            _delete_units(db, "kind = ? AND ref = ?", [_ANNOTATION_UNIT, annotation_id])
            _insert_units(db, [cut[annotation_id]])
            db.execute("DELETE FROM search_pending WHERE kind = ? AND ref = ?", [ANNOTATION, annotation_id])
            written += 1
    return written


def _annotation_text(quote: str, note: str) -> str:
    return f"{quote}\n{note}"


def _cut(text: str) -> tuple[str, str]:
    """A unit's folded text and its index tokens (jieba search mode on the folded text)."""
    _conversion, folded = _fold_unit(text)
    return folded, " ".join(word for word, _start, _end in search_tokens(folded))


def _still_pending(db: Connection, kind: str, ref: int) -> bool:
    return (
        db.execute("SELECT 1 FROM search_pending WHERE kind = ? AND ref = ?", [kind, ref]).fetchone()
        is not None
    )


def _delete_units(db: Connection, where: str, params: Sequence[str | int]) -> None:
    db.execute(f"DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_units WHERE {where})", params)
    db.execute(f"DELETE FROM search_units WHERE {where}", params)


def _insert_units(db: Connection, units: Iterable[_Unit]) -> None:
    for kind, doc_id, ref, start, folded, words in units:
        unit_id = db.execute(
            "INSERT INTO search_units (kind, doc_id, ref, start, folded) VALUES (?, ?, ?, ?, ?)",
            [kind, doc_id, ref, start, folded],
        ).lastrowid
        db.execute("INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)", [unit_id, words])


# -- searching ------------------------------------------------------------------------------

# Documents in library order (reader.store.library._ORDER), then units in text order.
_CANDIDATES = """
    WITH docs AS (
        SELECT id, title,
            row_number() OVER (ORDER BY year IS NULL, year DESC, title COLLATE NOCASE, id) AS rank
        FROM documents {doc_filter}
    )
    SELECT u.kind, u.doc_id, u.ref, u.start, d.title, b.text, a.quote, a.note, a.prefix, a.suffix, a."end"
    FROM search_units u
    JOIN docs d ON d.id = u.doc_id
    LEFT JOIN blocks b ON u.kind = 'block' AND b.doc_id = u.doc_id AND b.seq = u.ref
    LEFT JOIN annotations a ON u.kind = 'annotation' AND a.id = u.ref
    WHERE instr(u.folded, ?) > 0
    ORDER BY d.rank, u.start, u.kind = 'annotation', u.id
"""


def search(library: Library, query: str, *, limit: int = 200, doc_id: int | None = None) -> list[SearchHit]:
    """Every place `query` occurs, in either script, up to `limit` hits.

    Documents come in library order (newest year first), hits in text order within each, an
    annotation's hits among its document's. Indexes what is pending first.

    Every query is an exact substring scan of the folded units (instr): jieba cuts the same words
    differently in different contexts (生态环境保护 → 生态 / 环境 / 环境保护), so a MATCH on the query's
    words misses some places while finding others. The scan costs ~6 ms per 2 M characters.
    """
    folded_query = fold_for_search(query)
    if not folded_query or limit <= 0:
        return []
    library = _searchable(library)
    if doc_id is not None:
        library.info(doc_id)  # an unknown document is an error, not an empty result
    sql = _CANDIDATES.format(doc_filter="WHERE id = ?" if doc_id is not None else "")
    params = [folded_query] if doc_id is None else [doc_id, folded_query]
    out: list[SearchHit] = []
    doc_hits: list[SearchHit] = []
    current_doc: int | None = None
    with library._guard():
        cursor = library._db.execute(sql, params)
        try:
            for row in cursor:
                if row[1] != current_doc:
                    out.extend(sorted(doc_hits, key=_text_order))
                    doc_hits, current_doc = [], row[1]
                    if len(out) >= limit:
                        break
                doc_hits.extend(_unit_hits(row, folded_query))
            else:
                out.extend(sorted(doc_hits, key=_text_order))
        finally:
            cursor.close()
    return out[:limit]


def _searchable(library: Library) -> Library:
    """The library with its index caught up: itself, or for a read-only library with pending
    work its in-memory copy, indexed there (the file is never written)."""
    if library.read_only:
        if not pending_count(library):
            return library
        library = library.scratch_copy()
    index_pending(library)
    return library


def _text_order(hit: SearchHit) -> tuple[int, bool, int, int]:
    """Within a document: by position, a passage before the annotations on it."""
    return (hit.start, hit.kind == ANNOTATION, hit.end, hit.annotation_id or 0)


# A _CANDIDATES row: the unit, its document's title, then the block's text or the annotation's
# columns (LEFT JOINs: None on the other kind's side).
_Candidate = tuple[str, int, int, int, str, str | None, str | None, str | None, str | None, str | None, int | None]


def _unit_hits(row: _Candidate, folded_query: str) -> list[SearchHit]:
    kind, doc_id, ref, start, title, block_text, quote, note, prefix, suffix, annotation_end = row
    if kind == _BLOCK_UNIT:
        if block_text is None:
            return []
        return [
            SearchHit(DOCUMENT, doc_id, title, None, start + a, start + b, *_context(block_text, a, b))
            for a, b in _occurrences(block_text, folded_query)
        ]
    if quote is None or note is None or prefix is None or suffix is None or annotation_end is None:
        return []  # all NOT NULL: the annotation is either joined whole or not at all
    hits = []
    for a, b in _occurrences(_annotation_text(quote, note), folded_query):
        if b <= len(quote):
            # In the quote: a passage of the document, shown with the annotation's prefix and suffix.
            context = _context(prefix + quote + suffix, len(prefix) + a, len(prefix) + b)
            hits.append(SearchHit(ANNOTATION, doc_id, title, ref, start + a, start + b, *context))
        else:
            note_start = len(quote) + 1
            context = _context(note, max(a - note_start, 0), b - note_start)
            hits.append(SearchHit(ANNOTATION, doc_id, title, ref, start, annotation_end, *context))
    return hits


def _occurrences(text: str, folded_query: str) -> list[tuple[int, int]]:
    """Non-overlapping matches of the folded query in the folded text, as spans of `text`."""
    conversion, folded = _fold_unit(text)
    offsets = conversion.offsets
    identity = offsets.orig == offsets.conv
    spans = []
    at = folded.find(folded_query)
    while at >= 0:
        end = at + len(folded_query)
        spans.append((at, end) if identity else offsets.span_to_original(at, end))
        at = folded.find(folded_query, end)
    return spans


def _context(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The match with ~30 characters either side, within its own line, "…" where cut."""
    line_start = line.rfind("\n", 0, start) + 1
    line_end = line.find("\n", end)
    if line_end < 0:
        line_end = len(line)
    left = max(line_start, start - CONTEXT_CHARS)
    right = min(max(line_end, end), end + CONTEXT_CHARS)
    head = ELLIPSIS if left > line_start else ""
    tail = ELLIPSIS if right < line_end else ""
    context = head + line[left:right].translate(_LINE_BREAKS) + tail
    offset = len(head) - left
    return context, start + offset, end + offset
