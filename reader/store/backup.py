"""Copies of the library: on demand, before a schema upgrade and once a day; restoring one.

Copies are made with SQLite's online backup API in one step, so a copy is a consistent snapshot
even while another process writes (in WAL mode a reader never blocks a writer, and the copy sees
every transaction committed before it started). Each copy is one self-contained file (journal
mode DELETE). Automatic copies go to a `backups` folder beside the library, named by the date and
time they were taken: `library-2026-03-05_091500.sqlite3` once a day (the last KEEP_DAILY kept),
`library-2026-03-05_091500-before-upgrade.sqlite3` before a schema upgrade and
`…-before-restore.sqlite3` before a restore replaces the library (those are never pruned).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import LibraryError
from reader.store.schema import APPLICATION_ID, check_header, read_header

if TYPE_CHECKING:
    from reader.store.library import Library

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7
DAILY = ""
BEFORE_UPGRADE = "before-upgrade"
BEFORE_RESTORE = "before-restore"
MANUAL = "manual"
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"-(\d{4}-\d\d-\d\d_\d{6})(?:-\d+)?(?:-([a-z-]+))?\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A copy in a library's backups folder: when it was taken and why ("" for a daily copy)."""

    path: Path
    taken: datetime
    reason: str


def backups_folder(library_path: Path) -> Path:
    return library_path.parent / BACKUP_FOLDER


def backup(library: Library, dest: str | os.PathLike[str] | None = None, *, reason: str = MANUAL) -> Path:
    """Copy `library` to `dest` (a file, or a folder to put a dated copy in; default: the
    library's backups folder); return the copy's path. Safe while another process writes."""
    target = Path(dest) if dest is not None else backups_folder(library.path)
    if dest is None or target.is_dir():
        target = _dated_name(target, library.path, reason)
    with library._guard():
        return copy_database(library._db.conn, target, library.path)


def copy_database(conn: sqlite3.Connection, target: Path, library_path: Path) -> Path:
    """Write what `conn` reads to `target` as one file, replacing it only once complete."""
    if target.resolve() == library_path.resolve():
        raise LibraryError(f"A backup of the library {library_path} cannot replace the library itself.")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        out = sqlite3.connect(partial)
        try:
            conn.backup(out)  # one step (pages=-1): a consistent snapshot
            out.execute("PRAGMA journal_mode = DELETE")  # one file, whatever the library's mode
        finally:
            out.close()
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"The backup {target} could not be written ({exc.strerror}); the library was not changed.") from None
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"The backup {target} could not be written ({exc}); the library was not changed.") from None
    return target


def backup_before_upgrade(conn: sqlite3.Connection, library_path: Path) -> Path:
    """The copy taken before a schema upgrade changes the file (see schema.migrate)."""
    return copy_database(conn, _dated_name(backups_folder(library_path), library_path, BEFORE_UPGRADE), library_path)


def daily_backup(library: Library, *, now: datetime | None = None) -> Path | None:
    """On the day's first open, copy the library into its backups folder and keep the last
    KEEP_DAILY daily copies; None when there is nothing to do (done today, read-only, empty)."""
    if library.read_only or library.is_empty():
        return None
    now = now or datetime.now()
    folder = backups_folder(library.path)
    daily = [b for b in list_backups(library.path) if b.reason == DAILY]
    if any(b.taken.date() == now.date() for b in daily):
        return None
    made = backup(library, _dated_name(folder, library.path, DAILY, now), reason=DAILY)
    for old in sorted(daily, key=lambda b: b.taken, reverse=True)[KEEP_DAILY - 1 :]:
        old.path.unlink(missing_ok=True)
    return made


def list_backups(library_path: Path) -> list[BackupInfo]:
    """The library's copies in its backups folder, newest first."""
    folder = backups_folder(library_path)
    found = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    for name in names:
        info = backup_info(folder / name, library_path)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda b: b.taken, reverse=True)


def backup_info(path: Path, library_path: Path | None = None) -> BackupInfo | None:
    """When and why a copy was taken, from its name (else the file's time); None for a file
    that is not a copy of this library (when library_path is given)."""
    match = _NAME.search(path.name)
    if library_path is not None and (match is None or path.name[: match.start()] != library_path.stem):
        return None
    if match is not None:
        return BackupInfo(path, datetime.strptime(match.group(1), _STAMP), match.group(2) or DAILY)
    try:
        return BackupInfo(path, datetime.fromtimestamp(path.stat().st_mtime), MANUAL)
    except OSError:
        return None


def check_backup(path: Path) -> None:
    """Refuse a copy that is damaged or not a Report Reader library, reading it only."""
    check_header(path, header := read_header(path))
    if not header.exists:
        raise LibraryError(f"{path} is empty or missing, not a backup of a Report Reader library.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
            has_documents = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise LibraryError(f"The backup {path} is damaged ({exc}); the library was not changed.") from None
    if problems != ["ok"]:
        first = " ".join(problems[0].split())[:80]
        raise LibraryError(f"The backup {path} is damaged (SQLite's check says: {first}); the library was not changed.")
    if app_id != APPLICATION_ID or not has_documents:
        raise LibraryError(f"{path} is not a backup of a Report Reader library; the library was not changed.")


def restore(path: str | os.PathLike[str], library_path: Path) -> Path | None:
    """Replace the library at `library_path` with the backup at `path`, once the backup passes
    integrity_check; the library as it was is kept in the backups folder first (returned, or
    None when there was none). Other windows on the library see the restored one (the backup
    API writes into the live file); a library too damaged for that is replaced as a file."""
    source = Path(path)
    check_backup(source)
    if source.resolve() == library_path.resolve():
        raise LibraryError(f"{source} is the library itself, not a backup of it.")
    from reader.store.library import _can_write, read_only_error

    if not _can_write(library_path):
        raise read_only_error(library_path)
    kept = _keep_current(library_path)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        try:
            _restore_into_live(src, library_path)
        except sqlite3.Error:
            _replace_file(src, library_path)
    except (sqlite3.Error, OSError) as exc:
        raise LibraryError(f"The library {library_path} could not be restored from {source} ({exc}).") from None
    finally:
        src.close()
    return kept


def _keep_current(library_path: Path) -> Path | None:
    if not library_path.is_file() or library_path.stat().st_size == 0:
        return None  # nothing there yet to keep
    target = _dated_name(backups_folder(library_path), library_path, BEFORE_RESTORE)
    try:
        conn = sqlite3.connect(f"{library_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
            if problems == ["ok"]:
                return copy_database(conn, target, library_path)
        finally:
            conn.close()
    except (sqlite3.Error, LibraryError):
        pass
    # Damaged or not a database: keep its bytes as they are (with its -wal, if any).
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(library_path, target)
        wal = library_path.with_name(library_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        raise LibraryError(
            f"The library {library_path} could not be kept as {target} ({exc.strerror}); nothing was restored."
        ) from None
    return target


def _restore_into_live(src: sqlite3.Connection, library_path: Path) -> None:
    dst = sqlite3.connect(library_path)
    try:
        dst.execute("PRAGMA busy_timeout = 5000")
        if [row[0] for row in dst.execute("PRAGMA quick_check(1)")] != ["ok"]:
            raise sqlite3.DatabaseError("the library is damaged")
        src.backup(dst)
    finally:
        dst.close()


def _replace_file(src: sqlite3.Connection, library_path: Path) -> None:
    partial = library_path.with_name(library_path.name + ".restoring")
    partial.unlink(missing_ok=True)
    out = sqlite3.connect(partial)
    try:
        src.backup(out)
    finally:
        out.close()
    for suffix in ("-wal", "-shm"):  # a stale -wal would be replayed over the restored file
        library_path.with_name(library_path.name + suffix).unlink(missing_ok=True)
    os.replace(partial, library_path)


def _dated_name(folder: Path, library_path: Path, reason: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime(_STAMP)
    tail = f"-{reason}" if reason else ""
    candidate = folder / f"{library_path.stem}-{stamp}{tail}.sqlite3"
    count = 2
    while candidate.exists():
        candidate = folder / f"{library_path.stem}-{stamp}-{count}{tail}.sqlite3"
        count += 1
    return candidate
