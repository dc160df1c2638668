"""The targets-by-year table of a library (reader.core.years), for the CLI and the window alike.

Extraction results are kept in memory by content hash: a document's targets depend on its text
alone, so a table asked for again (the window refreshing after an import) reads only the
catalogue and the documents it has not seen. Commentaries and undated documents are never read.
"""

from __future__ import annotations

from threading import Lock

from reader.core.extracted import Target
from reader.core.years import REPORT_KINDS, YearDocument, YearsTable, build_table
from reader.store.library import DocumentInfo, Library

_CACHE_LIMIT = 512
_cache: dict[str, tuple[Target, ...]] = {}
_lock = Lock()


def years_table(library: Library) -> YearsTable:
    """Every report and summary of the library with its targets, as one table."""
    documents = [
        YearDocument(info.id, info.year, info.kind, info.title, targets_of(library, info))
        for info in library.documents()
        if info.year is not None and info.kind in REPORT_KINDS
    ]
    return build_table(documents)


def targets_of(library: Library, info: DocumentInfo) -> tuple[Target, ...]:
    """A document's targets, extracted once per content."""
    with _lock:
        cached = _cache.get(info.content_hash) if info.content_hash else None
    if cached is not None:
        return cached
    from reader.core.targets import extract_targets

    targets = tuple(extract_targets(library.document(info.id)))
    if info.content_hash:
        with _lock:
            if len(_cache) >= _CACHE_LIMIT:
                _cache.clear()
            _cache[info.content_hash] = targets
    return targets


def clear_cache() -> None:
    """Forget every extraction (the benchmark times a cold table with it)."""
    with _lock:
        _cache.clear()
