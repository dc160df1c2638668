"""Export: gather the chosen documents' annotations (filtered, in the chosen script) into an
ExportSet, render it in a registered format, and write it without ever leaving half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from reader.core.convert import Conversion, conversions, convert_text
from reader.core.extracted import Target, Task
from reader.core.model import Document
from reader.errors import ReaderError, UsageError
from reader.export import get
from reader.export.model import ExportedDocument, ExportSet, Highlight, PageIndex, SectionIndex, sections_of
from reader.store.annotations import STATUSES, Annotation, check_color
from reader.store.library import DocumentInfo, Library


@dataclass(frozen=True, slots=True)
class Selection:
    """Which annotations to export: every filter left empty lets everything through."""

    doc_ids: tuple[int, ...] = ()  # () is the whole library
    tags: tuple[str, ...] = ()  # any of these (case-insensitive)
    colors: tuple[str, ...] = ()
    status: str = ""  # "anchored", "orphaned" or "" for both
    since: str = ""  # ISO date or time: created on or after
    until: str = ""  # created on or before (a bare date includes that whole day)
    script: str = ""  # OpenCC config to write quotes in; "" keeps them as stored
    with_extracted: bool = False  # add each document's targets and tasks
    exclude_empty: bool = field(default=True)  # leave out documents with nothing selected

    def checked(self) -> Selection:
        for color in self.colors:
            check_color(color)
        if self.status and self.status not in STATUSES:
            raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        for value in (self.since, self.until):
            if value:
                _parse_time(value)
        return self

    def accepts(self, annotation: Annotation) -> bool:
        if self.colors and annotation.color not in self.colors:
            return False
        if self.status and annotation.status != self.status:
            return False
        if self.tags:
            wanted = {t.casefold() for t in self.tags}
            if not any(t.casefold() in wanted for t in annotation.tags):
                return False
        if self.since and annotation.created[: len(self.since)] < self.since:
            return False
        return not (self.until and annotation.created[: len(self.until)] > self.until)


def _parse_time(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a date (YYYY-MM-DD) or an ISO time") from None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def collect(library: Library, selection: Selection, *, exported: str | None = None) -> ExportSet:
    """The ExportSet for a selection; unknown document ids are an error, not an empty export."""
    selection = selection.checked()
    ids: Iterable[int] = selection.doc_ids or [info.id for info in library.documents()]
    labels = library.color_labels()
    by_doc: dict[int, list[Annotation]] = {}
    if selection.doc_ids:
        for doc_id in selection.doc_ids:
            by_doc[doc_id] = library.annotations(doc_id)
    else:
        for annotation in library.annotations():
            by_doc.setdefault(annotation.doc_id, []).append(annotation)
    documents = []
    for doc_id in ids:
        chosen = [a for a in by_doc.get(doc_id, []) if selection.accepts(a)]
        if not chosen and selection.exclude_empty and not selection.with_extracted:
            continue
        info = library.info(doc_id)
        document = library.document(doc_id)
        documents.append(_exported(info, document, chosen, labels, selection))
    return ExportSet(tuple(documents), exported or now(), selection.script, labels)


def _exported(
    info: DocumentInfo, document: Document, annotations: Sequence[Annotation], labels: dict[str, str], selection: Selection
) -> ExportedDocument:
    sections = sections_of(document)
    index = SectionIndex(sections)
    quotes = _converted_quotes(document.text, annotations, selection.script)
    if selection.script:
        # Headings and the title read in the same script as the quotes under them; a section's
        # start stays an offset of the stored text, where the annotations are.
        conversion = _conversion(document.text, selection.script)
        to_converted = conversion.offsets.span_to_converted
        sections = tuple(
            replace(section, title=conversion.text[slice(*to_converted(section.start, section.start + len(section.title)))])
            for section in sections
        )
        index = SectionIndex(sections)
        info = replace(info, title=convert_text(info.title, selection.script).text)
    pages = PageIndex(document)
    highlights = tuple(
        Highlight(a, quote, a.note, labels.get(a.color, ""), index.path_at(a.start), *_pages(pages, a))
        for a, quote in zip(annotations, quotes, strict=True)
    )
    targets: tuple[Target, ...] = ()
    tasks: tuple[Task, ...] = ()
    if selection.with_extracted:
        from reader.core.extraction import extract_all

        extraction = extract_all(document)
        targets, tasks = extraction.targets, extraction.tasks
    return ExportedDocument(info, document, highlights, sections, targets, tasks, selection.with_extracted)


def highlights_for(library: Library, annotations: Sequence[Annotation]) -> list[Highlight]:
    """Highlights for chosen annotations (e.g. a selection in the Annotations dock), in the
    order given, each with its section path: what "Copy as Markdown" writes."""
    labels = library.color_labels()
    indexes: dict[int, tuple[SectionIndex, PageIndex]] = {}
    out = []
    for a in annotations:
        found = indexes.get(a.doc_id)
        if found is None:
            document = library.document(a.doc_id)
            found = indexes[a.doc_id] = (SectionIndex(sections_of(document)), PageIndex(document))
        index, pages = found
        out.append(Highlight(a, a.quote, a.note, labels.get(a.color, ""), index.path_at(a.start), *_pages(pages, a)))
    return out


def _pages(pages: PageIndex, annotation: Annotation) -> tuple[str, str]:
    """The pages an anchored annotation's passage is on (none for an orphan: its place is gone)."""
    return ("", "") if annotation.orphaned else pages.pages(annotation.start, annotation.end)


def _conversion(text: str, script: str) -> Conversion:
    """The whole text converted once (cached per text and config across quotes and headings)."""
    try:
        return conversions.get(f"export:{len(text)}:{hash(text)}", text, script)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _converted_quotes(text: str, annotations: Sequence[Annotation], script: str) -> list[str]:
    """Each quote in the chosen script, cut from one conversion of the whole text through its
    offset map, so a phrase conversion at a quote's edge comes out as it reads in context."""
    if not script:
        return [a.quote for a in annotations]
    conversion = _conversion(text, script)
    out = []
    for a in annotations:
        if a.orphaned:
            out.append(convert_text(a.quote, script).text)  # its place is gone: convert it alone
            continue
        start, end = conversion.offsets.span_to_converted(a.start, a.end)
        out.append(conversion.text[start:end])
    return out


def render(export_set: ExportSet, format_name: str) -> str | bytes:
    return get(format_name).render(export_set)


def write(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write all of it or nothing: a temporary file beside the target, then an atomic rename, so a
    failed export never leaves half a file or clobbers the previous one."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as exc:
        raise ReaderError(f"Cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ReaderError(f"Cannot write {target}: {exc.strerror or exc}") from None
    return target
