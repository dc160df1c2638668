"""The user's library: documents and their blocks in one local SQLite file.

Every write commits at once in its own transaction (or in the caller's `batch()`), so a crash or
a closed window never loses more than the write in flight. SQLite failures reach callers as one
LibraryError sentence; an unknown id is a NotFoundError.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from reader.core.model import Block, Blocks, Document
from reader.errors import LibraryError, NotFoundError
from reader.store.annotations import Annotation, AnnotationsMixin, ReanchorReport, with_doc
from reader.store.connection import Connection
from reader.store.location import library_path
from reader.store.schema import SCHEMA_VERSION, check_header, migrate, read_header

REPORT = "report"
SUMMARY = "summary"
COMMENTARY = "commentary"
OTHER = "other"
DOCUMENT_KINDS = (REPORT, SUMMARY, COMMENTARY, OTHER)

BUSY_TIMEOUT_MS = 5000
_INFO_COLUMNS = (
    "id, title, year, kind, script, language, source_name, content_hash, char_count, created"
)
_BLOCK_COLUMNS = 'id, kind, level, label, text, lang, start, "end", translation_of, page_start, page_end'
# SQLite primary result codes (named in the sqlite3 module only from Python 3.11 on).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 11, 13, 14, 26
# Newest year first, undated documents after all dated ones, then by title.
_ORDER = "ORDER BY year IS NULL, year DESC, title COLLATE NOCASE, id"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document's catalogue entry: what a library list shows, without the text."""

    id: int
    title: str
    year: int | None
    kind: str
    script: str
    language: str
    source_name: str
    content_hash: str
    char_count: int
    created: str


def text_hash(text: str) -> str:
    """The content hash for a document that arrives without one (e.g. built in code)."""
    import hashlib  # here: OpenSSL's start-up (~4 ms) is not for a window that only reads

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Library(AnnotationsMixin):
    """An open library file. Use `Library.open()`, ideally as a context manager."""

    def __init__(self, db: Connection, path: Path, *, read_only: bool = False, snapshot_dir: Path | None = None) -> None:
        self._db = db
        self._path = path
        self._depth = 0
        self._read_only = read_only
        self._snapshot_dir = snapshot_dir  # a read-only library's private copy (see _open_read_only)
        self._scratch: Library | None = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Library:
        """Open (creating if needed) the library at `path`, or at library_path()'s choice.

        Newer, foreign, non-SQLite and damaged files are refused before anything is written.
        """
        target = library_path(path)
        header = read_header(target)
        check_header(target, header)
        if header.exists and not _can_write(target):
            return cls._open_read_only(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"The folder for the library {target} could not be created ({exc.strerror})."
            ) from None
        db: Connection | None = None
        try:
            db = Connection(str(target))
            db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.conn.execute("PRAGMA foreign_keys = ON")
            if header.exists:
                _check_integrity(db.conn, target)
            migrate(db.conn, target)
            # After migrate: switching to WAL writes the header, which a refused file must not get.
            db.conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL cannot corrupt the file; it only skips an fsync per commit.
            db.conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.Error):
                if header.exists and _code(exc) in (_READONLY, _CANTOPEN):
                    return cls._open_read_only(target)  # e.g. read-only media that access() misjudged
                if not header.exists and not _can_write(target):
                    raise _new_in_read_only_folder(target) from None
                raise _library_error(exc, target) from None
            raise
        return cls(db, target)

    @classmethod
    def _open_read_only(cls, target: Path) -> Library:
        """Open a library whose file or folder cannot be written, for reading only.

        Measured with SQLite 3.40 on a WAL library in a folder without write permission: `mode=ro`
        needs the -shm file, so it works when -wal and -shm were left beside the file and fails
        (SQLITE_READONLY_DIRECTORY) for a cleanly closed one, which `immutable=1` then reads.
        immutable ignores a -wal file, so a leftover -wal that mode=ro cannot use (no -shm) is
        read from a private copy of file and -wal instead: its last commits are not lost.
        """
        wal = target.with_name(target.name + "-wal")
        has_wal = wal.exists() and wal.stat().st_size > 0
        uri = target.resolve().as_uri()
        queries = ["mode=ro"] if has_wal else ["mode=ro", "mode=ro&immutable=1"]
        snapshot: Path | None = None
        db: Connection | None = None
        try:
            for query in queries:
                db = _try_connect(f"{uri}?{query}")
                if db is not None:
                    break
            if db is None:
                snapshot = _snapshot(target, wal)
                db = Connection(str(snapshot / target.name))
            db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _check_integrity(db.conn, target)
            (version,) = db.conn.execute("PRAGMA user_version").fetchone()
            if version != SCHEMA_VERSION:
                raise LibraryError(
                    f"The library {target} is read-only and was made by an older version of Report Reader, "
                    "so it cannot be upgraded: open a copy, or make the folder writable."
                )
        except BaseException as exc:
            if db is not None:
                db.close()
            if snapshot is not None:
                shutil.rmtree(snapshot, ignore_errors=True)
            if isinstance(exc, sqlite3.Error):
                raise _library_error(exc, target) from None
            raise
        return cls(db, target, read_only=True, snapshot_dir=snapshot)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> bool:
        """Opened for reading only (its file or folder cannot be written): every write raises
        a LibraryError naming the folder."""
        return self._read_only

    def scratch_copy(self) -> Library:
        """A writable copy of this library in memory (made once, kept until close), for work a
        read-only library cannot save, such as catching its search index up."""
        if self._scratch is None:
            copy = Connection(":memory:")
            with self._guard():
                self._db.conn.backup(copy.conn)
            copy.conn.execute("PRAGMA foreign_keys = ON")
            self._scratch = Library(copy, self._path)
        return self._scratch

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.close()
            self._scratch = None
        self._db.close()
        if self._snapshot_dir is not None:
            shutil.rmtree(self._snapshot_dir, ignore_errors=True)
            self._snapshot_dir = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Library]:
        """Group several writes into one all-or-nothing transaction (e.g. importing a folder)."""
        with self._write():
            yield self

    def add(
        self,
        doc: Document,
        *,
        title: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        source_name: str = "",
        script: str | None = None,
        language: str | None = None,
        doc_id: int | None = None,
    ) -> tuple[int, bool]:
        """Store `doc`; return (id, created).

        Adding content that is already there (same content hash) changes nothing and returns
        the existing id with created=False, so importing a file twice is harmless.
        Arguments override what the Document carries (title, year, script, language).
        A removed document's id is never given to another one, so `doc_id` (the id a removed
        document had, see restore) is always free to take back.
        """
        kind = kind or OTHER
        if kind not in DOCUMENT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(DOCUMENT_KINDS)}, not {kind!r}")
        content_hash = doc.content_hash or text_hash(doc.text)
        with self._write():
            existing = self._db.execute(
                "SELECT id FROM documents WHERE content_hash = ?", [content_hash]
            ).fetchone()
            if existing:
                return existing[0], False
            row: dict[str, object] = {
                "id": doc_id if doc_id is not None and not self._id_taken(doc_id) else self._next_document_id(),
                "title": title or doc.title or _fallback_title(doc, source_name),
                "year": year if year is not None else doc.year,
                "kind": kind,
                "script": script or doc.script,
                "language": language or doc.language,
                "source_name": source_name,
                "content_hash": content_hash,
                "encoding": doc.encoding,
                "char_count": len(doc.text),
                "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "text": doc.text,
                "page_labels": _page_labels_value(doc.page_labels),
            }
            doc_id = self._insert("documents", row)
            self._db.table("blocks").insert_all(
                (_block_row(doc_id, seq, block) for seq, block in enumerate(doc.blocks)),
                batch_size=_BLOCK_BATCH,
            )
        return doc_id, True

    def remove(self, doc_id: int) -> DocumentInfo:
        """Delete a document and its blocks; return its entry so a caller can offer undo
        (keep `document(doc_id)` from before the removal to re-add it)."""
        with self._write():
            info = self.info(doc_id)
            self._db.execute("DELETE FROM documents WHERE id = ?", [doc_id])  # annotations cascade
            self._raise_id_floor(doc_id)
            self._prune_tags()
        return info

    def replace(self, doc_id: int, doc: Document) -> ReanchorReport:
        """Give a document new text (a corrected import), keeping its id, catalogue entry and
        annotations: each is placed again on the new text, or kept and marked orphaned."""
        content_hash = doc.content_hash or text_hash(doc.text)
        with self._write():
            self.info(doc_id)
            other = self._db.execute(
                "SELECT id FROM documents WHERE content_hash = ? AND id != ?", [content_hash, doc_id]
            ).fetchone()
            if other:
                raise LibraryError(f"Document {other[0]} already has exactly this text; nothing was replaced.")
            self._db.execute(
                "UPDATE documents SET text = ?, content_hash = ?, encoding = ?, char_count = ?, page_labels = ? WHERE id = ?",
                [doc.text, content_hash, doc.encoding, len(doc.text), _page_labels_value(doc.page_labels), doc_id],
            )
            self._db.execute("DELETE FROM blocks WHERE doc_id = ?", [doc_id])
            self._db.table("blocks").insert_all(
                (_block_row(doc_id, seq, block) for seq, block in enumerate(doc.blocks)), batch_size=_BLOCK_BATCH
            )
            return self.reanchor(doc_id, doc.text)

    def restore(self, doc: Document, info: DocumentInfo, annotations: list[Annotation]) -> int:
        """Put back a removed document with its catalogue entry and annotations (undo of remove)
        under the id it had, so whatever still refers to that id (an undo step, a link) holds.

        Only when the same text was imported again meanwhile does it join that document instead,
        and that document's id is returned.
        """
        with self._write():
            doc_id, _created = self.add(
                doc, title=info.title, year=info.year, kind=info.kind, source_name=info.source_name,
                script=info.script, language=info.language, doc_id=info.id,
            )
            for annotation in annotations:
                self.put_annotation(with_doc(annotation, doc_id))
        return doc_id

    def meta(self, key: str) -> str | None:
        """A small fact about the library itself (see seeding), or None if never set."""
        with self._guard():
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._write():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # -- reading ---------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """Every document, newest year first, undated ones last, then by title."""
        with self._guard():
            rows = self._db.execute(f"SELECT {_INFO_COLUMNS} FROM documents {_ORDER}").fetchall()
        return [DocumentInfo(*row) for row in rows]

    def info(self, doc_id: int) -> DocumentInfo:
        with self._guard():
            row = self._db.execute(
                f"SELECT {_INFO_COLUMNS} FROM documents WHERE id = ?", [doc_id]
            ).fetchone()
        if row is None:
            raise _not_found(doc_id)
        return DocumentInfo(*row)

    def document(self, doc_id: int) -> Document:
        """The stored document rebuilt: same text and blocks, in order, as were added."""
        with self._guard():
            row = self._db.execute(
                "SELECT text, encoding, title, year, script, language, content_hash, page_labels "
                "FROM documents WHERE id = ?",
                [doc_id],
            ).fetchone()
            if row is None:
                raise _not_found(doc_id)
            text, encoding, title, year, script, language, content_hash, page_labels = row
            # Rows are read one at a time into the compact Blocks (fetchall held a tuple a block).
            rows = self._db.execute(f"SELECT {_BLOCK_COLUMNS} FROM blocks WHERE doc_id = ? ORDER BY seq", [doc_id])
            blocks = Blocks.from_blocks(
                text,
                (
                    Block(
                        id=id_, kind=kind, level=level, label=label, text=block_text, lang=lang,
                        start=start, end=end, translation_of=translation_of, page_start=page_start, page_end=page_end,
                    )
                    for id_, kind, level, label, block_text, lang, start, end, translation_of, page_start, page_end in rows
                ),
            )  # fmt: skip
        return Document(
            text=text,
            blocks=blocks,
            encoding=encoding,
            title=title,
            year=year,
            script=script,
            language=language,
            content_hash=content_hash,
            page_labels=tuple(json.loads(page_labels)) if page_labels else (),
        )

    def block_pages(self, doc_id: int) -> list[tuple[int, str, str]]:
        """Each block's (start, first page, last page) in order, without the text; [] for a
        document without pages (what the Annotations dock needs to cite a passage's pages)."""
        with self._guard():
            rows: list[tuple[int, str, str]] = self._db.execute(
                "SELECT start, page_start, page_end FROM blocks WHERE doc_id = ? ORDER BY seq", [doc_id]
            ).fetchall()
        return rows if any(first for _start, first, _last in rows) else []

    def text(self, doc_id: int) -> str:
        """The stored document's text alone (no blocks rebuilt: a third of document()'s time)."""
        with self._guard():
            row = self._db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise _not_found(doc_id)
        text: str = row[0]
        return text

    def is_empty(self) -> bool:
        with self._guard():
            row = self._db.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()
        return not row[0]

    # -- plumbing --------------------------------------------------------------------------

    _ID_FLOOR = "last_removed_document_id"

    def _id_taken(self, doc_id: int) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def _next_document_id(self) -> int:
        """One past every id used so far, removed ones included (SQLite alone would reuse the
        highest id once its document is removed, and an undo would bring back the wrong one)."""
        (highest,) = self._db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()
        floor = self._db.execute("SELECT value FROM meta WHERE key = ?", [self._ID_FLOOR]).fetchone()
        return max(int(highest), int(floor[0]) if floor else 0) + 1

    def _raise_id_floor(self, doc_id: int) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            [self._ID_FLOOR, str(doc_id)],
        )

    def _insert(self, table: str, row: dict[str, object]) -> int:
        """Insert one row into a table keyed by `id INTEGER PRIMARY KEY`; return its id."""
        last_pk = self._db.table(table).insert(row).last_pk
        assert last_pk is not None, "sqlite-utils sets last_pk after every one-row insert"
        return int(last_pk)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite's exceptions into one user-facing sentence."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _library_error(exc, self._path) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One IMMEDIATE transaction (nested calls join the outer one).

        IMMEDIATE takes the write lock up front, so a check-then-insert (the content-hash
        lookup in add) cannot race another process, and busy_timeout applies to the wait.
        """
        if self._read_only:
            raise read_only_error(self._path)
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        conn = self._db.conn
        with self._guard():
            conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0


def _block_row(doc_id: int, seq: int, block: Block) -> dict[str, str | int | None]:
    return {
        "doc_id": doc_id,
        "seq": seq,
        "id": block.id,
        "kind": block.kind,
        "level": block.level,
        "label": block.label,
        "text": block.text,
        "lang": block.lang,
        "start": block.start,
        "end": block.end,
        "translation_of": block.translation_of,
        "page_start": block.page_start,
        "page_end": block.page_end,
    }


# 13 columns × 70 rows stays under SQLite's 999-variable limit.
_BLOCK_BATCH = 70


def _page_labels_value(labels: tuple[str, ...]) -> str:
    """How documents.page_labels holds a document's page labels: a JSON array, '' for none."""
    return json.dumps(list(labels), ensure_ascii=False) if labels else ""


def _fallback_title(doc: Document, source_name: str) -> str:
    """A name for a document that came without one: its file name, else its first line."""
    if source_name:
        return Path(source_name).stem
    first_line = doc.text.strip().split("\n", 1)[0].strip()
    return first_line[:40] or "Untitled"


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file up front rather than fail later half-way through a read."""
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)").fetchall()]
    if problems != ["ok"]:
        raise _damaged(path)


def _can_write(path: Path) -> bool:
    """Whether this process may write the library file (if there) and create files beside it
    (SQLite's -wal and -shm); False on read-only media too."""
    effective = os.access in os.supports_effective_ids
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a library not made yet: its nearest existing folder
    if not os.access(folder, os.W_OK, effective_ids=effective):
        return False
    return not path.exists() or os.access(path, os.W_OK, effective_ids=effective)


def read_only_error(path: Path) -> LibraryError:
    """What every write to a read-only library says."""
    folder = path.parent
    if not _can_write(folder / ".report-reader-probe"):
        return LibraryError(
            f"{folder} is read-only, so nothing can be saved to the library {path.name} there: "
            "open a copy, or make the folder writable."
        )
    return LibraryError(
        f"The library {path} is read-only, so nothing can be saved: open a copy, or make the file writable."
    )


def _new_in_read_only_folder(path: Path) -> LibraryError:
    return LibraryError(
        f"{path.parent} is read-only, so no library can be made there: "
        "choose another file (--library PATH), or make the folder writable."
    )


def _try_connect(uri: str) -> Connection | None:
    """A connection that can read the library at `uri`, or None when SQLite cannot open it so."""
    db = Connection(uri, uri=True)
    try:
        db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        db.close()
        return None
    return db


def _snapshot(target: Path, wal: Path) -> Path:
    """Copy the library and its -wal into a private folder, where SQLite can replay the -wal."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="report-reader-read-only-"))
    try:
        shutil.copyfile(target, folder / target.name)
        shutil.copyfile(wal, folder / wal.name)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise LibraryError(f"The library {target} is read-only and could not be read ({exc.strerror}).") from None
    return folder


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF  # primary result code


def _not_found(doc_id: int) -> NotFoundError:
    return NotFoundError(f"No document with id {doc_id} in the library")


def _damaged(path: Path) -> LibraryError:
    return LibraryError(
        f"The library {path} is damaged and cannot be opened; it was not changed "
        "(restore a backup or choose another library file)."
    )


def _library_error(exc: sqlite3.Error, path: Path) -> LibraryError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # primary result code
    if code in (_BUSY, _LOCKED):
        return LibraryError(
            f"The library {path} is busy in another Report Reader window or program; "
            "try again in a moment."
        )
    if code == _CORRUPT:
        return _damaged(path)
    if code == _NOTADB:
        return LibraryError(
            f"{path} is not a Report Reader library (it is not an SQLite database); "
            "it was not changed."
        )
    if code == _READONLY:
        return read_only_error(path)
    if code == _FULL:
        return LibraryError(f"The disk holding the library {path} is full; nothing was saved.")
    if code == _CANTOPEN:
        return LibraryError(
            f"The library {path} could not be opened (check the path and permissions)."
        )
    message = str(exc)
    # Python's own wording for a stored text that is not UTF-8; it quotes the raw bytes.
    if message.startswith("Could not decode to UTF-8"):
        return LibraryError(
            f"The library {path} holds damaged text that cannot be read; it was not changed "
            "(restore a backup or choose another library file)."
        )
    if message.startswith(("no such table", "no such column", "table ", "index ")):
        return LibraryError(
            f"{path} is not a Report Reader library (or is damaged): its tables are not the ones "
            "this app made; it was not changed (restore a backup or choose another library file)."
        )
    return LibraryError(f"The library {path} could not be used ({_quoted(message)}).")


def _quoted(message: str, limit: int = 80) -> str:
    """SQLite's message fit for one line: control and other unprintable characters escaped, long
    ones cut."""
    safe = "".join(ch if ch.isprintable() else " " if ch.isspace() else ascii(ch)[1:-1] for ch in message)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"
