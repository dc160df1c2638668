"""Documents in the library: open (and seed) it, import, replace, remove and restore."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.model import Document
from reader.errors import ReaderError
from reader.ops.changes import Changes
from reader.store.annotations import Annotation, ReanchorReport
from reader.store.library import DocumentInfo, Library
from reader.store.seeding import seed_if_empty


def open_library(path: str | os.PathLike[str] | None = None, *, daily_copy: bool = True) -> Library:
    """The library at `path` (default: $REPORT_READER_LIBRARY or the data folder), given the
    sample reports the first time it is opened empty, copied once a day (reader.store.backup;
    daily_copy=False leaves that to the caller: the window makes it after its first paint, off
    the GUI thread); a read-only library is neither seeded nor copied."""
    library = Library.open(path)
    if not library.read_only:  # a read-only library is shown as it is
        if daily_copy:
            daily_backup(library)
        seed_if_empty(library)
    return library


def daily_backup(library: Library) -> None:
    """The day's first open keeps a copy in the backups folder beside the library (the last 7)."""
    from reader.store.backup import daily_backup as copy_once_a_day

    try:
        copy_once_a_day(library)
    except ReaderError:
        pass  # a full disk or a read-only backups folder must not keep anyone from reading


@dataclass(frozen=True, slots=True)
class Ingested:
    """One file read for import: its document, or the one-sentence reason it could not be read."""

    path: str
    document: Document | None
    error: str = ""

    @property
    def warnings(self) -> tuple[str, ...]:
        """What was read but may surprise: damaged bytes replaced, a table kept in one cell."""
        return self.document.warnings if self.document is not None else ()


class ImportCancelled(Exception):
    """The reader cancelled an import between two files; nothing read so far is to be added."""


def ingest_files(
    paths: Sequence[str],
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Ingested]:
    """Read and structure files (slow: run it off the GUI thread); a bad file is reported, not raised.

    progress(done, total, name) is called before each file; cancelled() is asked before each file
    too, and when it answers True, ImportCancelled is raised (the files read so far are dropped).
    A cancel during the last file is the caller's to notice (the window checks its flag again)."""
    from reader.core.ingest import ingest_file  # not at import: the window starts without ingest

    results = []
    for done, path in enumerate(paths):
        if cancelled is not None and cancelled():
            raise ImportCancelled(f"import cancelled after {done} of {len(paths)} files")
        if progress:
            progress(done, len(paths), Path(path).name)
        try:
            results.append(Ingested(path, ingest_file(path)))
        except ReaderError as exc:
            results.append(Ingested(path, None, str(exc)))
    if progress:
        progress(len(paths), len(paths), "")
    return results


@dataclass(frozen=True, slots=True)
class Added:
    path: str
    id: int
    created: bool  # False: the library already had this exact text under that id


def add_documents(
    library: Library,
    ingested: Sequence[Ingested],
    *,
    title: str | None = None,
    year: int | None = None,
    kind: str | None = None,
) -> tuple[list[Added], Changes]:
    """Add what was read, in one transaction (all or nothing)."""
    added = []
    with library.batch():
        for item in ingested:
            if item.document is None:
                continue
            doc_id, created = library.add(item.document, title=title, year=year, kind=kind, source_name=Path(item.path).name)
            added.append(Added(item.path, doc_id, created))
    return added, Changes(documents=frozenset(a.id for a in added if a.created))


def replace_document(library: Library, doc_id: int, path: str) -> tuple[ReanchorReport, Changes]:
    """New text for a document (a corrected import) under the same id; annotations placed again."""
    from reader.core.ingest import ingest_file

    report = library.replace(doc_id, ingest_file(path))
    return report, Changes(documents=frozenset({doc_id}), annotated=frozenset({doc_id}))


@dataclass(frozen=True, slots=True)
class Removed:
    """All it takes to put a removed document back exactly: text, catalogue entry, annotations."""

    document: Document
    info: DocumentInfo
    annotations: tuple[Annotation, ...]

    @property
    def id(self) -> int:
        return self.info.id


def remove_document(library: Library, doc_id: int) -> tuple[Removed, Changes]:
    with library.batch():
        removed = Removed(library.document(doc_id), library.info(doc_id), tuple(library.annotations(doc_id)))
        library.remove(doc_id)
    return removed, _document_changes(removed)


def restore_document(library: Library, removed: Removed) -> Changes:
    """Undo of remove: the same id, catalogue entry and annotations (same uuids) come back."""
    library.restore(removed.document, removed.info, list(removed.annotations))
    return _document_changes(removed)


def remove_added(library: Library, added: Sequence[Added]) -> tuple[list[Removed], Changes]:
    """Undo of an import: remove the documents it created (not the ones that were already there)."""
    removed: list[Removed] = []
    changes = Changes()
    with library.batch():
        for item in added:
            if item.created:
                gone, change = remove_document(library, item.id)
                removed.append(gone)
                changes |= change
    return removed, changes


def _document_changes(removed: Removed) -> Changes:
    uuids = frozenset(a.uuid for a in removed.annotations)
    return Changes(
        documents=frozenset({removed.id}),
        annotated=frozenset({removed.id}) if uuids else frozenset(),
        annotations=uuids,
        tags=any(a.tags for a in removed.annotations),
    )
