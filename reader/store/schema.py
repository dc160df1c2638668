"""The library file's layout and how older files are upgraded to it.

The version lives in PRAGMA user_version. Upgrades are the steps after the file's version, run in
one transaction (as Anki does), so a crash half-way leaves the file as it was. To change the
layout, append a step to `_STEPS` (the version is their count); never edit a step that has shipped, because
files out there were made by it. Steps are plain SQL rather than sqlite-utils' create() so what a
step does can never drift with the library's version.

A file newer than this app, a file that is not ours, or a damaged file is refused with a
LibraryError before anything is written to it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.errors import LibraryError

SCHEMA_VERSION = 6  # len(_STEPS), checked at the end of this module
# PRAGMA application_id marks the file as ours ("RpRd"), so `file` and this app can tell a
# Report Reader library from another program's SQLite database.
APPLICATION_ID = int.from_bytes(b"RpRd", "big")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class FileHeader:
    """What the first 100 bytes of an existing library file say, read without SQLite."""

    exists: bool
    user_version: int = 0
    application_id: int = 0


def read_header(path: Path) -> FileHeader:
    """Read version and owner straight from the file header.

    Done with plain file I/O because even a read-only SQLite connection leaves -wal/-shm files
    beside a WAL database; a file we refuse must be left exactly as we found it.
    """
    try:
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a FIFO would block the open below
            raise LibraryError(
                f"The library {path} is a pipe, device or socket, not a file; choose a library file."
            )
        with open(path, "rb") as handle:
            head = handle.read(_HEADER_SIZE)
    except FileNotFoundError:
        return FileHeader(exists=False)
    except IsADirectoryError:
        raise LibraryError(f"The library {path} is a folder, not a file.") from None
    except OSError as exc:
        raise LibraryError(f"The library {path} could not be read ({exc.strerror}).") from None
    if not head:
        return FileHeader(exists=False)  # an empty file is a new database to SQLite too
    if len(head) < _HEADER_SIZE or not head.startswith(_SQLITE_MAGIC):
        raise LibraryError(
            f"{path} is not a Report Reader library (it is not an SQLite database); "
            "it was not changed."
        )
    return FileHeader(
        exists=True,
        user_version=int.from_bytes(head[60:64], "big", signed=True),
        application_id=int.from_bytes(head[68:72], "big", signed=False),
    )


def check_header(path: Path, header: FileHeader) -> None:
    """Refuse a file this app must not write to: newer than us, or another program's."""
    if not header.exists:
        return
    if not _is_ours(header.user_version, header.application_id):
        raise foreign_file_error(path)
    if header.user_version < 0:
        raise unknown_version_error(path, header.user_version)
    if header.user_version > SCHEMA_VERSION:
        raise newer_version_error(path, header.user_version)


def _is_ours(version: int, app_id: int) -> bool:
    """Every versioned library carries our application id (step 1 sets both together), so a
    versioned file without it belongs to another program; an unversioned one may be new."""
    return app_id == APPLICATION_ID or (app_id == 0 and version == 0)


def newer_version_error(path: Path, version: int) -> LibraryError:
    return LibraryError(
        f"The library {path} was written by a newer version of Report Reader "
        f"(schema {version}; this app knows {SCHEMA_VERSION}); it was not changed."
    )


def unknown_version_error(path: Path, version: int, *, tables_differ: bool = False) -> LibraryError:
    what = (
        f"its tables do not match its schema version {version}" if tables_differ
        else f"its schema version {version} is none this app ever wrote"
    )
    return LibraryError(
        f"{path} is not a Report Reader library (or is damaged): {what}; it was not changed "
        "(restore a backup or choose another library file)."
    )


def foreign_file_error(path: Path) -> LibraryError:
    return LibraryError(
        f"{path} is another program's SQLite database, not a Report Reader library; "
        "it was not changed."
    )


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the file up to SCHEMA_VERSION in one transaction; return the version it had.

    The version is read again under the write lock, so two apps opening the same new file at
    once cannot both run a step, and a file made newer meanwhile is still refused untouched.
    """
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id: int = conn.execute("PRAGMA application_id").fetchone()[0]
    if version == SCHEMA_VERSION and app_id == APPLICATION_ID:
        return version  # the usual case: no write lock, so opening never waits on a writer
    if 0 < version < SCHEMA_VERSION and app_id == APPLICATION_ID:
        from reader.store.backup import backup_before_upgrade

        backup_before_upgrade(conn, path)  # a library in use: keep a copy as it was (outside the lock)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if not _is_ours(version, app_id):
            raise foreign_file_error(path)
        if version < 0:
            raise unknown_version_error(path, version)
        if version > SCHEMA_VERSION:
            raise newer_version_error(path, version)
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise foreign_file_error(path)  # an unversioned file with tables is not one of ours
        if version < SCHEMA_VERSION:
            try:
                _upgrade(conn, version)
            except sqlite3.OperationalError:
                # Its tables do not match its version (a step's table already there, or missing).
                raise unknown_version_error(path, version, tables_differ=True) from None
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return version


def _upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Every step after `version`, in order."""
    for step in _STEPS[version:]:
        for statement in step:
            conn.execute(statement)


_STEP_1 = (
    # Small facts about the library itself (e.g. whether the sample reports were offered).
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    # text comes last: listing documents then never walks a long text's overflow pages.
    """
    CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        title        TEXT NOT NULL,
        year         INTEGER,
        kind         TEXT NOT NULL DEFAULT 'other',
        script       TEXT NOT NULL DEFAULT 'none',
        language     TEXT NOT NULL DEFAULT 'zh',
        source_name  TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL UNIQUE,
        encoding     TEXT NOT NULL DEFAULT 'utf-8',
        char_count   INTEGER NOT NULL,
        created      TEXT NOT NULL,
        text         TEXT NOT NULL
    )
    """,
    # WITHOUT ROWID clusters a document's blocks together in seq order, and the primary key
    # (doc_id first) is the doc_id index: a separate one would only slow inserts down.
    """
    CREATE TABLE blocks (
        doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq            INTEGER NOT NULL,
        id             TEXT NOT NULL,
        kind           TEXT NOT NULL,
        level          INTEGER NOT NULL DEFAULT 0,
        label          TEXT NOT NULL DEFAULT '',
        text           TEXT NOT NULL,
        lang           TEXT NOT NULL DEFAULT '',
        start          INTEGER NOT NULL,
        "end"          INTEGER NOT NULL,
        translation_of TEXT,
        PRIMARY KEY (doc_id, seq)
    ) WITHOUT ROWID
    """,
)

# Annotations, their tags and colour names, and the full-text search index.
_STEP_2 = (
    # A reader's mark on a document: a W3C-style TextQuoteSelector (quote, 32-character prefix
    # and suffix) plus TextPositionSelector (start, end) on the document's normalised text, so
    # `import --replace` can find it again. Orphaned marks (their text is gone) are kept.
    """
    CREATE TABLE annotations (
        id        INTEGER PRIMARY KEY,
        uuid      TEXT NOT NULL UNIQUE,
        doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start     INTEGER NOT NULL,
        "end"     INTEGER NOT NULL,
        quote     TEXT NOT NULL,
        prefix    TEXT NOT NULL DEFAULT '',
        suffix    TEXT NOT NULL DEFAULT '',
        color     TEXT NOT NULL DEFAULT 'yellow',
        note      TEXT NOT NULL DEFAULT '',
        status    TEXT NOT NULL DEFAULT 'anchored',
        created   TEXT NOT NULL,
        modified  TEXT NOT NULL
    )
    """,
    "CREATE INDEX annotations_by_doc ON annotations (doc_id, start)",
    "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
    """
    CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id)",
    # A user's name for a colour ("risk" for red).
    "CREATE TABLE color_labels (color TEXT PRIMARY KEY, label TEXT NOT NULL)",
    # Full-text search. jieba tokens of the Simplified-folded text, space-separated, in FTS5
    # (its own tokenizer does not split Chinese); search_units says what each row is and keeps
    # the folded text for context and for the substring search of one- and two-character
    # queries. Writes never run jieba: triggers queue what changed in search_pending and the
    # index catches up before a search (reader.store.search), off the GUI thread.
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        tokens, tokenize = "unicode61 remove_diacritics 0 tokenchars '+'"
    )
    """,
    """
    CREATE TABLE search_units (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL,
        doc_id  INTEGER NOT NULL,
        ref     INTEGER NOT NULL,
        start   INTEGER NOT NULL,
        folded  TEXT NOT NULL
    )
    """,
    "CREATE INDEX search_units_by_ref ON search_units (kind, ref)",
    "CREATE INDEX search_units_by_doc ON search_units (doc_id)",
    "CREATE TABLE search_pending (kind TEXT NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (kind, ref)) WITHOUT ROWID",
    "INSERT INTO search_pending (kind, ref) SELECT 'document', id FROM documents",
    """
    CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
        INSERT OR IGNORE INTO search_pending (kind, ref) VALUES ('document', NEW.id);
    END
    """,
    """
    CREATE TRIGGER documents_search_update AFTER UPDATE OF text ON documents BEGIN
        INSERT OR IGNORE INTO search_pending (kind, ref) VALUES ('document', NEW.id);
    END
    """,
    """
    CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
        DELETE FROM search_fts WHERE rowid IN (
            SELECT id FROM search_units WHERE kind = 'block' AND doc_id = OLD.id);
        DELETE FROM search_units WHERE kind = 'block' AND doc_id = OLD.id;
        DELETE FROM search_pending WHERE kind = 'document' AND ref = OLD.id;
    END
    """,
    """
    CREATE TRIGGER annotations_search_insert AFTER INSERT ON annotations BEGIN
        INSERT OR IGNORE INTO search_pending (kind, ref) VALUES ('annotation', NEW.id);
    END
    """,
    """
    CREATE TRIGGER annotations_search_update AFTER UPDATE OF quote, note, doc_id, start ON annotations BEGIN
        INSERT OR IGNORE INTO search_pending (kind, ref) VALUES ('annotation', NEW.id);
    END
    """,
    """
    CREATE TRIGGER annotations_search_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM search_fts WHERE rowid IN (
            SELECT id FROM search_units WHERE kind = 'annotation' AND ref = OLD.id);
        DELETE FROM search_units WHERE kind = 'annotation' AND ref = OLD.id;
        DELETE FROM search_pending WHERE kind = 'annotation' AND ref = OLD.id;
    END
    """,
)


# Search by characters instead of jieba words (issue 17). search_chars indexes each unit's
# Simplified fold one character a token (the text stored space-separated in search_units.chars),
# so a phrase query finds every substring and a one-character query is one token: complete like
# find-in-document, ~2.5× cheaper to build than FTS5's trigram tokenizer (measured here; jieba
# words cost ~5× more again), and sublinear to search. A block's unit id is (doc_id << 24) | seq
# and an annotation's is -id, so a match's document is known without a join and one document's
# matches are a rowid range.
# Everything is indexed again, in the background, from the queue.
_STEP_3 = (
    "DROP TRIGGER documents_search_delete",
    "DROP TRIGGER annotations_search_delete",
    "DROP TABLE search_fts",
    "DROP TABLE search_units",
    """
    CREATE TABLE search_units (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL,
        doc_id  INTEGER NOT NULL,
        ref     INTEGER NOT NULL,
        start   INTEGER NOT NULL,
        chars   TEXT NOT NULL
    )
    """,
    "CREATE INDEX search_units_by_doc ON search_units (doc_id, kind)",
    """
    CREATE VIRTUAL TABLE search_chars USING fts5(
        chars, content = 'search_units', content_rowid = 'id'
    )
    """,
    # Room for a large document's tokens in memory before FTS5 writes a segment (its default is
    # 1 MB); at 20,000-character reports, one document a transaction, it made no difference.
    "INSERT INTO search_chars (search_chars, rank) VALUES ('hashsize', 16777216)",
    """
    CREATE TRIGGER search_units_insert AFTER INSERT ON search_units BEGIN
        INSERT INTO search_chars (rowid, chars) VALUES (NEW.id, NEW.chars);
    END
    """,
    """
    CREATE TRIGGER search_units_delete AFTER DELETE ON search_units BEGIN
        INSERT INTO search_chars (search_chars, rowid, chars) VALUES ('delete', OLD.id, OLD.chars);
    END
    """,
    """
    CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
        DELETE FROM search_units WHERE doc_id = OLD.id AND kind = 'block';
        DELETE FROM search_pending WHERE kind = 'document' AND ref = OLD.id;
    END
    """,
    """
    CREATE TRIGGER annotations_search_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM search_units WHERE id = -OLD.id;
        DELETE FROM search_pending WHERE kind = 'annotation' AND ref = OLD.id;
    END
    """,
    "INSERT OR IGNORE INTO search_pending (kind, ref) SELECT 'document', id FROM documents",
    "INSERT OR IGNORE INTO search_pending (kind, ref) SELECT 'annotation', id FROM annotations",
)


# The indexer writes search_chars itself, one executemany per unit table, instead of a trigger on
# search_units: FTS5 writes out its pending terms at every statement savepoint, and a trigger runs
# one per row, so each block became a segment of its own to be merged (366 blocks: 369 segments
# with merging off, 40 written directly). Indexing 200 reports of 20,000 characters spent 2.4 s in
# SQLite through the trigger and 1.2 s without it. What is indexed stays as it is.
_STEP_4 = ("DROP TRIGGER search_units_insert",)

# Pages (issue 11): a document imported from a paged source (PDF, Word, a text with form feeds)
# keeps its page labels as printed (a JSON array; '' for a document without pages), and each
# block the labels of the pages it starts and ends on ('' when none), so notes and exports can
# cite "p. 12". Documents stored before have no pages.
_STEP_5 = (
    "ALTER TABLE documents ADD COLUMN page_labels TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE blocks ADD COLUMN page_start TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE blocks ADD COLUMN page_end TEXT NOT NULL DEFAULT ''",
)

# Carried annotations (issue 13) remember where they came from: the annotation of an earlier
# report they were carried from (its uuid), that report (id and title, as they were when carried)
# and the passage as each report words it ("kept" when they agree, "changed" when reworded).
# Keyed by the carried annotation's uuid, without a foreign key: deleting an annotation leaves
# its origin, so undoing the delete (which puts back the same uuid) brings the origin back too;
# the carry's own undo forgets its origins.
_STEP_6 = (
    """
    CREATE TABLE annotation_origins (
        uuid         TEXT PRIMARY KEY,
        source_uuid  TEXT NOT NULL,
        source_doc   INTEGER NOT NULL,
        source_title TEXT NOT NULL,
        status       TEXT NOT NULL,
        before       TEXT NOT NULL,
        after        TEXT NOT NULL
    )
    """,
    "CREATE INDEX annotation_origins_by_source ON annotation_origins (source_uuid)",
)

# Step N brings a file to version N; append new steps at the end.
_STEPS = (_STEP_1, _STEP_2, _STEP_3, _STEP_4, _STEP_5, _STEP_6)
assert len(_STEPS) == SCHEMA_VERSION, "a new step needs SCHEMA_VERSION bumped, and the other way round"
