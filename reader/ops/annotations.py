"""Annotating: mark a passage (by span or by quote), edit, retag, delete and put back.

Annotations are named by uuid here: an id can change when undo puts an annotation back after
its id went to another one, a uuid never does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.anchoring import find_occurrence
from reader.core.find import find_all
from reader.errors import NotFoundError, UsageError
from reader.ops.changes import Changes
from reader.store.annotations import Annotation, retagged
from reader.store.library import Library


def quote_span(text: str, quote: str, occurrence: int = 1, *, where: str = "the document") -> tuple[int, int]:
    """The nth occurrence of `quote` as written if it occurs as written, else in either script.

    Counting only exact matches when there are some keeps the occurrence meaning what the user
    sees in their own script; 新质生产力 still finds 新質生產力 in a Traditional document.
    """
    if not quote.strip():
        raise UsageError("the quote is empty")
    if occurrence < 1:
        raise UsageError(f"the occurrence must be 1 or more, not {occurrence}")
    try:
        return find_occurrence(text, quote, occurrence)
    except ValueError:
        pass
    # str.count counts non-overlapping occurrences, as find_occurrence and find_all do.
    count = text.count(quote)
    spans = [] if count else find_all(text, quote)
    if occurrence <= len(spans):
        return spans[occurrence - 1]
    count = count or len(spans)
    if not count:
        raise NotFoundError(f"{quote!r} not found in {where}")
    times = "only 1 occurrence" if count == 1 else f"only {count} occurrences"
    raise NotFoundError(f"{times} of {quote!r} in {where}; there is no occurrence {occurrence}")


def _changed(annotations: Iterable[Annotation], *, tags: bool = False) -> Changes:
    annotations = list(annotations)
    return Changes(
        annotated=frozenset(a.doc_id for a in annotations),
        annotations=frozenset(a.uuid for a in annotations),
        tags=tags,
    )


def create_annotation(
    library: Library, doc_id: int, start: int, end: int, *, color: str, note: str = "", tags: Iterable[str] = ()
) -> tuple[Annotation, Changes]:
    annotation = library.add_annotation(doc_id, start, end, color=color, note=note, tags=tags)
    return annotation, _changed([annotation], tags=bool(annotation.tags))


def annotate_quote(
    library: Library,
    doc_id: int,
    quote: str,
    *,
    occurrence: int = 1,
    color: str,
    note: str = "",
    tags: Iterable[str] = (),
) -> tuple[Annotation, Changes]:
    """Mark the nth occurrence of a quote (see quote_span) in one transaction: the text cannot
    change between finding and marking."""
    with library.batch():
        text = library.document(doc_id).text
        start, end = quote_span(text, quote, occurrence, where=f"document {doc_id}")
        return create_annotation(library, doc_id, start, end, color=color, note=note, tags=tags)


def edit_annotations(
    library: Library,
    uuids: Sequence[str],
    *,
    color: str | None = None,
    note: str | None = None,
    tags: Iterable[str] | None = None,
    add_tags: Iterable[str] = (),
    remove_tags: Iterable[str] = (),
) -> tuple[list[Annotation], Changes]:
    """Change colour, note, tags (or add/remove tags across a selection); returns each annotation
    as it was before, for undo."""
    add, remove = tuple(add_tags), tuple(remove_tags)
    given = tuple(tags) if tags is not None else None
    before = [library.annotation_by_uuid(u) for u in uuids]
    with library.batch():
        for annotation in before:
            new_tags = retagged(annotation.tags, add, remove) if add or remove else given
            library.update_annotation(annotation.id, color=color, note=note, tags=new_tags)
    return before, _changed(before, tags=given is not None or bool(add or remove))


def put_annotations(library: Library, annotations: Sequence[Annotation]) -> tuple[list[Annotation], Changes]:
    """Write annotations back exactly as they were (undo), by uuid."""
    with library.batch():
        written = [library.put_annotation(a) for a in annotations]
    return written, _changed(written, tags=True)


def delete_annotations(library: Library, uuids: Sequence[str]) -> tuple[list[Annotation], Changes]:
    """Delete them; returns them as they were, for undo."""
    with library.batch():
        before = [library.annotation_by_uuid(u) for u in uuids]
        for annotation in before:
            library.delete_annotation(annotation.id)
    return before, _changed(before, tags=any(a.tags for a in before))


def rename_tag(library: Library, old: str, new: str) -> tuple[list[Annotation], Changes]:
    """Rename (or merge into an existing tag); returns the annotations that carried it, for undo."""
    before = library.annotations(tag=old)
    library.rename_tag(old, new)
    return before, _changed(before, tags=True)


def delete_tag(library: Library, name: str) -> tuple[list[Annotation], Changes]:
    before = library.annotations(tag=name)
    library.delete_tag(name)
    return before, _changed(before, tags=True)


def set_color_label(library: Library, color: str, label: str) -> Changes:
    library.set_color_label(color, label)
    return Changes(colors=True)
