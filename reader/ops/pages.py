"""The pages an annotation's passage is on, for a list of annotations across documents (the
Annotations dock cites "p. 12" on a paged document, issue 11). Reads each document's block
pages once, without its text; nothing for orphans (their place is gone) or unpaged documents."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from reader.store.annotations import Annotation
from reader.store.library import Library


def annotation_pages(library: Library, annotations: Iterable[Annotation]) -> dict[str, tuple[str, str]]:
    """uuid → (first, last) page labels of each anchored annotation on a paged document (last
    is first for a passage on one page)."""
    blocks: dict[int, tuple[list[int], list[tuple[int, str, str]]]] = {}
    out: dict[str, tuple[str, str]] = {}
    for a in annotations:
        if a.orphaned:
            continue
        found = blocks.get(a.doc_id)
        if found is None:
            rows = library.block_pages(a.doc_id)
            found = blocks[a.doc_id] = ([start for start, _first, _last in rows], rows)
        starts, rows = found
        if not rows:
            continue
        first = max(0, bisect_right(starts, a.start) - 1)
        last = max(first, bisect_right(starts, max(a.start, a.end - 1)) - 1)
        page_start = rows[first][1]
        page_end = rows[last][2] or rows[last][1] or page_start
        if page_start:
            out[a.uuid] = (page_start, page_end)
    return out
