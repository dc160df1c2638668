"""Full-text search over the library: documents' text and annotations' quotes and notes.

Each block of a document and each annotation (quote + note) is a unit in search_units, stored
folded (t2s, full-width ASCII to ASCII, lower case), so 新質生產力 and 新质生产力 find each other;
stored one character a token in the FTS5 index search_chars (schema step 3), so a phrase query
finds every substring of any length and a one-character query is a single token. Triggers queue
what changed in search_pending, and `index_pending` catches up before a search, a few documents
per transaction, so it can run in a worker thread (on its own Library connection) and a crash
loses nothing. The index only narrows the units to look at; a hit is an exact substring of the folded
text, reported as code-point offsets of the original text, mapped back through the fold's map.
"""

from __future__ import annotations

import re
import weakref
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.convert import Conversion
from reader.core.find import FOLD_CONFIG, fold, fold_query
from reader.core.opencc_backend import converter

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
# Documents go in one transaction until they hold this many characters (ten 20,000-character
# reports): FTS5 then writes and merges fewer, larger segments (200 reports: ~0.4 s less than one
# a transaction). Another writer waits at most for one such transaction: measured on 2 cores,
# ~30 ms, ~90 ms when FTS5 merges segments at its commit (a single larger document is one
# transaction of its own, as before).
_CHARS_PER_TRANSACTION = 200_000
# Full-width ASCII (！ … ～) folds to ASCII, so 5％ finds 5% and 人工智能＋ finds 人工智能+.
_WIDTH_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})
# A block's unit id is (doc_id << _SEQ_BITS) | seq, so a match's document is its id shifted and
# one document's block units are one id range (a document holds far fewer than 2**24 blocks:
# each is at least one character and a line break). An annotation's unit id is -annotation_id.
_SEQ_BITS = 24
# A query matched by more units than this is common: its documents are then taken one at a
# time in library order, stopping at `limit` hits, instead of collecting every match first.
_COMMON = 2_000


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


def _folded(text: str) -> str:
    """_fold_unit's folded text without the offset map, several times cheaper: what indexing
    and the first look at a unit need."""
    return _lower(_narrow(_t2s(text)))


def _narrow(text: str) -> str:
    """Full-width ASCII to ASCII, as translate(_WIDTH_FOLD) does: a replace per distinct one
    present (a unit has a few, ，：；（）; a dict translate costs ~70 ns a character)."""
    for wide in set(_FULL_WIDTH.findall(text)):
        text = text.replace(wide, chr(ord(wide) - 0xFEE0))
    return text


def _t2s(text: str) -> str:
    """OpenCC's t2s output, taken as convert_text takes it (so equal to its Conversion.text)."""
    opencc = converter(FOLD_CONFIG)
    out = opencc.convert(text)
    if out.count("\n") != text.count("\n"):
        out = "\n".join(opencc.convert(line) for line in text.split("\n"))
    return out


# What each character seen so far converts to on its own under t2s, when that differs from
# it; and every character looked up. Grows with the characters a library holds (thousands).
_T2S_CHARS: dict[int, str] = {}
_T2S_SEEN: set[str] = set()
_CHAR_SEPARATOR = "\x01"


def _one_for_one(text: str, converted: str) -> bool:
    """True when t2s changed `text` character by character, none by a phrase rule, so the
    conversion's offset map is the identity (convert_text's own test, over the whole text)."""
    new = sorted(set(text) - _T2S_SEEN - {"\n", _CHAR_SEPARATOR})
    if new:
        opencc = converter(FOLD_CONFIG)
        pieces = opencc.convert(_CHAR_SEPARATOR.join(new)).split(_CHAR_SEPARATOR)
        if len(pieces) != len(new):
            pieces = [opencc.convert(ch) for ch in new]
        _T2S_CHARS.update((ord(ch), piece) for ch, piece in zip(new, pieces, strict=True) if piece != ch)
        _T2S_SEEN.update(new)
    return len(converted) == len(text) and text.translate(_T2S_CHARS) == converted


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
    keeps its folded text one character a token (search_chars). Documents go a few per
    transaction (up to _CHARS_PER_TRANSACTION characters) with the folding done outside it, so
    other writers wait at most for those documents' rows; an item that changed while it was
    being cut stays queued for the next call. progress(done, total) follows each transaction;
    should_stop() ends the run early, between documents (what is done stays done). From a
    worker thread, pass a Library opened there: a connection belongs to the thread that opened
    it. A read-only library is left as it is (see _searchable).
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
    while done < len(documents):
        if should_stop is not None and should_stop():
            return written
        taken, units = _index_documents(library, documents[done:], should_stop)
        written += units
        done += taken
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
# A row of search_units: (id, kind, doc_id, ref, start, chars).
_Unit = tuple[int, str, int, int, int, str]
_ANNOTATIONS = "SELECT id, doc_id, start, quote, note FROM annotations WHERE id IN ({marks})"


# A document as read for indexing: its text (None once it is gone), its blocks, its units.
_Read = tuple[tuple[str] | None, list[tuple[int, int, str]], list[_Unit]]


def _index_documents(
    library: Library, doc_ids: Sequence[int], should_stop: Callable[[], bool] | None
) -> tuple[int, int]:
    """Read and cut documents until they hold _CHARS_PER_TRANSACTION characters (or should_stop
    says so), then write them in one transaction; return (documents taken, units written).

    The reads and the folding happen outside the transaction. If nothing was committed to the
    file since they began (this connection's total_changes and PRAGMA data_version unchanged),
    what was read is what is there; otherwise each document is read again and one that changed
    stays queued for the next run.
    """
    db = library._db
    with library._guard():
        before = _file_state(db)
    read: dict[int, _Read] = {}
    chars = 0
    for doc_id in doc_ids:
        if read and (chars >= _CHARS_PER_TRANSACTION or (should_stop is not None and should_stop())):
            break
        with library._guard():
            row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            blocks: list[tuple[int, int, str]] = db.execute(_BLOCKS, [doc_id]).fetchall()
        units = _document_units(doc_id, blocks) if row is not None else []
        read[doc_id] = (row, blocks, units)
        chars += sum(len(text) for _seq, _start, text in blocks)
    fresh: list[_Unit] = []
    with library._write():
        unchanged = _file_state(db) == before
        for doc_id, (row, blocks, units) in read.items():
            if not _still_pending(db, DOCUMENT, doc_id):
                continue
            current = row if unchanged else db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if current is None or row is None:
                # Gone: its delete trigger dropped its units; only a stray queue entry can be left.
                db.execute("DELETE FROM search_pending WHERE kind = ? AND ref = ?", [DOCUMENT, doc_id])
                continue
            if not unchanged and (current != row or db.execute(_BLOCKS, [doc_id]).fetchall() != blocks):
                continue  # replaced while it was being cut: stays queued for the next run
            _delete_units(db, "doc_id = ? AND kind = ?", [doc_id, _BLOCK_UNIT])
            db.execute("DELETE FROM search_pending WHERE kind = ? AND ref = ?", [DOCUMENT, doc_id])
            fresh.extend(units)
        _insert_units(db, fresh)
    return len(read), len(fresh)


def _file_state(db: Connection) -> tuple[int, int]:
    """Changes so far: this connection's own (total_changes) and other connections' commits
    (data_version); equal twice, nothing was committed to the file in between."""
    return db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0]


def _document_units(doc_id: int, blocks: Sequence[tuple[int, int, str]]) -> list[_Unit]:
    kept = [(seq, start, text) for seq, start, text in blocks if text.strip()]
    cut = _cut_all([text for _seq, _start, text in kept])
    return [
        (_block_unit_id(doc_id, seq), _BLOCK_UNIT, doc_id, seq, start, chars)
        for (seq, start, _text), chars in zip(kept, cut, strict=True)
    ]


def _index_annotations(library: Library, ids: Sequence[int]) -> int:
    db = library._db
    sql = _ANNOTATIONS.format(marks=",".join("?" * len(ids)))
    with library._guard():
        rows = {row[0]: row[1:] for row in db.execute(sql, list(ids))}
    cut: dict[int, _Unit] = {}
    for annotation_id, (doc_id, start, quote, note) in rows.items():
        chars = _cut(_annotation_text(quote, note))
        cut[annotation_id] = (-annotation_id, _ANNOTATION_UNIT, doc_id, annotation_id, start, chars)
    fresh: list[_Unit] = []
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
            _delete_units(db, "id = ?", [-annotation_id])
            db.execute("DELETE FROM search_pending WHERE kind = ? AND ref = ?", [ANNOTATION, annotation_id])
            fresh.append(cut[annotation_id])
        _insert_units(db, fresh)
    return len(fresh)


def _annotation_text(quote: str, note: str) -> str:
    return f"{quote}\n{note}"


def _cut(text: str) -> str:
    """A unit's folded text one character a token, as search_chars indexes it."""
    return _spaced(_folded(text))


# Joins a document's blocks for _cut_all: no OpenCC phrase holds it, so conversion never reaches
# across it, and lower-casing treats it as a word break (it is neither cased nor case-ignorable).
_UNIT_SEPARATOR = _CHAR_SEPARATOR


def _cut_all(texts: Sequence[str]) -> list[str]:
    """[_cut(text) for text in texts], one pass of each step over them all: a document's blocks
    are ~125 short texts, and one OpenCC call, replace, lower() and spacing over the whole costs
    a third of doing each block on its own (per-call costs; 200 reports: ~0.25 s less)."""
    if len(texts) < 2 or any(_UNIT_SEPARATOR in text for text in texts):
        return [_cut(text) for text in texts]
    joined = _UNIT_SEPARATOR.join(texts)
    narrowed = _narrow(_t2s(joined))
    lowered = narrowed.lower()
    if len(lowered) != len(narrowed):  # a letter lower-cased to two code points: _lower each
        lowered = _UNIT_SEPARATOR.join(_lower(piece) for piece in narrowed.split(_UNIT_SEPARATOR))
    pieces = _spaced(lowered).split(f" {_UNIT_SEPARATOR} ")
    if len(pieces) != len(texts) or any(not piece for piece in pieces):
        return [_cut(text) for text in texts]  # not expected: OpenCC changed the separators
    return pieces


def _spaced(folded: str) -> str:
    """" ".join(folded), as one copy of 4-byte code points: join builds a string for each
    character (~40 ns each, ~0.2 s of indexing 200 reports; this is ~6x cheaper)."""
    if len(folded) < 64 or _CODE_POINTS.itemsize != 4:
        return " ".join(folded)
    characters = array(_CODE_POINTS.typecode, folded.encode("utf-32-le", "surrogatepass"))
    spaced = array(_CODE_POINTS.typecode, _SPACE * (2 * len(characters) - 1))
    spaced[0::2] = characters
    return spaced.tobytes().decode("utf-32-le", "surrogatepass")


_CODE_POINTS = array("I")
_SPACE = " ".encode("utf-32-le")


def _block_unit_id(doc_id: int, seq: int) -> int:
    return (doc_id << _SEQ_BITS) | seq


def _still_pending(db: Connection, kind: str, ref: int) -> bool:
    return (
        db.execute("SELECT 1 FROM search_pending WHERE kind = ? AND ref = ?", [kind, ref]).fetchone()
        is not None
    )


def _delete_units(db: Connection, where: str, params: list[str | int]) -> None:
    """Delete the units `where` selects, if there are any: the delete runs search_units_delete,
    and FTS5 writes out the terms it holds at each statement that may write to it, so a delete of
    nothing before every new document's rows would cost a segment each (~0.25 s in 200 reports).
    Deletes come before a transaction's inserts, which then form one segment."""
    if db.execute(f"SELECT 1 FROM search_units WHERE {where} LIMIT 1", params).fetchone() is not None:
        db.execute(f"DELETE FROM search_units WHERE {where}", params)


def _insert_units(db: Connection, units: Sequence[_Unit]) -> None:
    """Insert units and index them, one statement each (schema step 4: through a trigger, FTS5
    wrote every unit out as a segment of its own). search_units_delete takes them out again."""
    db.conn.executemany(
        "INSERT INTO search_units (id, kind, doc_id, ref, start, chars) VALUES (?, ?, ?, ?, ?, ?)", units
    )
    db.conn.executemany(
        "INSERT INTO search_chars (rowid, chars) VALUES (?, ?)", [(unit[0], unit[5]) for unit in units]
    )


# -- searching ------------------------------------------------------------------------------

# Documents in library order (reader.store.library._ORDER).
_RANKED = "SELECT id, title FROM documents {doc_filter} ORDER BY year IS NULL, year DESC, title COLLATE NOCASE, id"
# The units to look at in one document, with what _unit_hits needs: the block's text or the
# annotation's columns (LEFT JOINs: None on the other kind's side).
_UNITS = """
    SELECT u.kind, u.doc_id, u.ref, u.start, ?, b.text, a.quote, a.note, a.prefix, a.suffix, a."end"
    FROM search_units u
    LEFT JOIN blocks b ON u.kind = 'block' AND b.doc_id = u.doc_id AND b.seq = u.ref
    LEFT JOIN annotations a ON u.kind = 'annotation' AND a.id = u.ref
    WHERE {where}
"""
_MATCH = "SELECT rowid FROM search_chars WHERE search_chars MATCH ?"


def search(library: Library, query: str, *, limit: int = 200, doc_id: int | None = None) -> list[SearchHit]:
    """Every place `query` occurs, in either script, up to `limit` hits.

    Documents come in library order (newest year first), hits in text order within each, an
    annotation's hits among its document's. Indexes what is pending first.

    search_chars narrows the units to those holding the query's characters in a row (a phrase
    query, complete for any substring); each is then searched exactly, as find-in-document does.
    A query with no character the index keeps (only punctuation or spaces) scans the units.
    """
    folded_query = fold_for_search(query)
    if not folded_query or limit <= 0:
        return []
    library = _searchable(library)
    if doc_id is not None:
        library.info(doc_id)  # an unknown document is an error, not an empty result
    db = library._db
    out: list[SearchHit] = []
    with library._guard():
        ranked = _ranked(db) if doc_id is None else db.execute(_RANKED.format(doc_filter="WHERE id = ?"), [doc_id]).fetchall()
        for _doc, title, wheres in _candidates(db, folded_query, ranked):
            doc_hits = [
                hit
                for where, params in wheres
                for row in db.execute(_UNITS.format(where=where), [title, *params])
                for hit in _unit_hits(row, folded_query, limit)
            ]
            out.extend(sorted(doc_hits, key=_text_order))
            if len(out) >= limit:
                break
    return out[:limit]


# A document in library order, its title, and the WHERE clauses (with their parameters) that
# select the units to search in it.
_Where = tuple[int, str, list[tuple[str, list[str | int]]]]

# The library order of the last connection searched, with what says it is still current: a
# search as you type asks again at every keystroke, and listing 2,000 documents costs ~4 ms
# (each row sits beside its long text).
_RANKED_CACHE: weakref.WeakKeyDictionary[Connection, tuple[tuple[int, int], list[tuple[int, str]]]] = (
    weakref.WeakKeyDictionary()
)


def _ranked(db: Connection) -> list[tuple[int, str]]:
    """Every document's id and title in library order; cached until the file changes (this
    connection's writes count in total_changes, other connections' in data_version)."""
    key = _file_state(db)
    cached = _RANKED_CACHE.get(db)
    if cached is not None and cached[0] == key:
        return cached[1]
    ranked: list[tuple[int, str]] = db.execute(_RANKED.format(doc_filter="")).fetchall()
    _RANKED_CACHE[db] = (key, ranked)
    return ranked


def _candidates(db: Connection, folded_query: str, ranked: list[tuple[int, str]]) -> Iterator[_Where]:
    """The documents in library order that may hold the query, and the units to search in each."""
    spaced = _spaced(folded_query)
    by_scan = "u.doc_id = ? AND u.kind = ? AND instr(u.chars, ?) > 0"
    phrase = _phrase(folded_query)
    if phrase is None:
        for doc, title in ranked:
            yield doc, title, [(by_scan, [doc, _BLOCK_UNIT, spaced]), (by_scan, [doc, _ANNOTATION_UNIT, spaced])]
        return
    found: list[int] = [row[0] for row in db.execute(f"{_MATCH} LIMIT {_COMMON + 1}", [phrase])]
    if len(found) > _COMMON:
        # Common: most documents hold it, so take one document (an id range) at a time.
        by_range = f"u.id IN ({_MATCH} AND rowid BETWEEN ? AND ?)"
        for doc, title in ranked:
            span = [_block_unit_id(doc, 0), _block_unit_id(doc, (1 << _SEQ_BITS) - 1)]
            yield doc, title, [(by_range, [phrase, *span]), (by_scan, [doc, _ANNOTATION_UNIT, spaced])]
        return
    matched: dict[int, list[int]] = {}
    annotations = [unit_id for unit_id in found if unit_id < 0]
    for unit_id in found:
        if unit_id >= 0:
            matched.setdefault(unit_id >> _SEQ_BITS, []).append(unit_id)
    for chunk in _chunks(annotations):
        marks = ",".join("?" * len(chunk))
        for unit_id, doc in db.execute(f"SELECT id, doc_id FROM search_units WHERE id IN ({marks})", chunk):
            matched.setdefault(doc, []).append(unit_id)
    for doc, title in ranked:
        if doc in matched:
            units = matched[doc]
            yield doc, title, [
                (f"u.id IN ({','.join('?' * len(chunk))})", list[str | int](chunk)) for chunk in _chunks(units)
            ]


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for first in range(0, len(ids), size):
        yield ids[first : first + size]


def _phrase(folded_query: str) -> str | None:
    """The FTS5 phrase of the query's characters, or None when none is surely a token.

    unicode61 drops punctuation and spaces on both sides alike, so the phrase stays a complete
    filter; but a phrase of no tokens matches nothing, so at least one character must be one
    it keeps whatever its Unicode version: a CJK ideograph or an ASCII letter or digit.
    """
    if not any(_surely_token(ch) for ch in folded_query):
        return None
    return '"' + _spaced(folded_query).replace('"', '""') + '"'


def _surely_token(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


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


# A _UNITS row: the unit, its document's title, then the block's text or the annotation's
# columns (LEFT JOINs: None on the other kind's side).
_Candidate = tuple[str, int, int, int, str, str | None, str | None, str | None, str | None, str | None, int | None]


def _unit_hits(row: _Candidate, folded_query: str, limit: int) -> list[SearchHit]:
    """The unit's first `limit` hits (a 350,000-character note of one character has as many)."""
    kind, doc_id, ref, start, title, block_text, quote, note, prefix, suffix, annotation_end = row
    if kind == _BLOCK_UNIT:
        if block_text is None:
            return []
        return [
            SearchHit(DOCUMENT, doc_id, title, None, start + a, start + b, *_context(block_text, a, b))
            for a, b in _occurrences(block_text, folded_query, limit)
        ]
    if quote is None or note is None or prefix is None or suffix is None or annotation_end is None:
        return []  # all NOT NULL: the annotation is either joined whole or not at all
    hits = []
    for a, b in _occurrences(_annotation_text(quote, note), folded_query, limit):
        if b <= len(quote):
            # In the quote: a passage of the document, shown with the annotation's prefix and suffix.
            context = _context(prefix + quote + suffix, len(prefix) + a, len(prefix) + b)
            hits.append(SearchHit(ANNOTATION, doc_id, title, ref, start + a, start + b, *context))
        else:
            note_start = len(quote) + 1
            context = _context(note, max(a - note_start, 0), b - note_start)
            hits.append(SearchHit(ANNOTATION, doc_id, title, ref, start, annotation_end, *context))
    return hits


def _occurrences(text: str, folded_query: str, limit: int) -> list[tuple[int, int]]:
    """The first `limit` non-overlapping matches of the folded query in the folded text, as
    spans of `text`.

    The offset map (convert_text, the costly part) is made only for a unit that holds the
    query and whose fold is not character for character.
    """
    converted = _t2s(text)
    folded = _lower(_narrow(converted))
    if folded_query not in folded:
        return []
    identity = _one_for_one(text, converted)
    if not identity:
        conversion, folded = _fold_unit(text)
        identity = conversion.offsets.orig == conversion.offsets.conv
    spans: list[tuple[int, int]] = []
    at = folded.find(folded_query)
    while at >= 0 and len(spans) < limit:
        end = at + len(folded_query)
        spans.append((at, end) if identity else conversion.offsets.span_to_original(at, end))
        at = folded.find(folded_query, end)
    return spans


def _context(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The match with ~30 characters either side, within its own line, "…" where cut.

    Line breaks are looked for only within reach of the cut, so a context costs the same on a
    350,000-character line as on a short one.
    """
    low, high = max(start - CONTEXT_CHARS, 0), end + CONTEXT_CHARS
    before = line.rfind("\n", max(low - 1, 0), start)
    left, head = (before + 1, "") if before >= 0 else (low, ELLIPSIS if low > 0 else "")
    after = line.find("\n", end, high + 1)
    if after >= 0 or len(line) <= high:
        right, tail = (after if after >= 0 else len(line)), ""
    else:
        right, tail = high, ELLIPSIS
    context = head + line[left:right].translate(_LINE_BREAKS) + tail
    offset = len(head) - left
    return context, start + offset, end + offset
