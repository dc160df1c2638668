"""The targets-by-year table of a library (reader.core.years), for the CLI and the window alike.

Extraction results are kept in memory by content hash: a document's targets depend on its text
alone, so a table asked for again (the window refreshing after an import) reads only the
catalogue and the documents it has not seen. Commentaries and undated documents are never read.
"""

from __future__ import annotations

from reader.core.extracted import Target
from reader.core.years import REPORT_KINDS, YearDocument, YearsTable, build_table
from reader.ops.content_cache import ContentCache
from reader.store.library import DocumentInfo, Library

_cache: ContentCache[tuple[Target, ...]] = ContentCache()


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
    targets = _cache.get(info.content_hash)
    if targets is None:
        from reader.core.targets import extract_targets

        targets = tuple(extract_targets(library.document(info.id)))
        _cache.put(info.content_hash, targets)
    return targets


def clear_cache() -> None:
    """Forget every extraction (the benchmark times a cold table with it)."""
    _cache.clear()
