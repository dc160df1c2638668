"""Targets against outcomes for a library (reader.core.outcomes), for the CLI and the window alike.

A document's outcomes depend on its text alone, so they are kept in memory by content hash (as
the targets are, in reader.ops.years): a table asked for again reads only the catalogue and the
documents it has not seen. Commentaries and undated documents are never read.
"""

from __future__ import annotations

from reader.core.outcomes import REPORT_KINDS, Outcome, OutcomeRow, ReviewDocument, TargetSource, build_rows
from reader.ops.content_cache import ContentCache
from reader.ops.years import years_table
from reader.store.library import DocumentInfo, Library

_cache: ContentCache[tuple[Outcome, ...]] = ContentCache()


def outcome_rows(library: Library) -> list[OutcomeRow]:
    """Every reviewed year's indicators with their target, outcome and verdict."""
    infos = [info for info in library.documents() if info.year is not None and info.kind in REPORT_KINDS]
    reviews = [ReviewDocument(info.id, info.year, info.kind, outcomes_of(library, info)) for info in infos]
    table = years_table(library)
    targets: dict[int, list[TargetSource]] = {}
    for row in table.rows:
        for year, cell in row.cells.items():
            if cell.target is not None and cell.doc_id is not None:
                targets.setdefault(year, []).append(TargetSource(cell.doc_id, cell.target))
    for sources in targets.values():
        sources.sort(key=lambda s: (s.doc_id, s.target.start))
    return build_rows(reviews, targets)


def outcomes_of(library: Library, info: DocumentInfo) -> tuple[Outcome, ...]:
    """A document's outcomes, extracted once per content."""
    outcomes = _cache.get(info.content_hash)
    if outcomes is None:
        from reader.core.outcomes import extract_outcomes

        outcomes = tuple(extract_outcomes(library.document(info.id)))
        _cache.put(info.content_hash, outcomes)
    return outcomes


def clear_cache() -> None:
    """Forget every extraction (the benchmark times a cold table with it)."""
    _cache.clear()
