"""What an exporter is given: the chosen documents with their annotations, ready to write.

Everything an exporter needs is here, already filtered, ordered by position in the document,
with quotes in the script the user chose and the section (heading path) each highlight is in;
exporters only format. Nothing here touches the library or Qt.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reader.core.extracted import Target, Task
from reader.core.model import HEADING, Document
from reader.core.pages import cite_pages, page_span
from reader.store.annotations import Annotation
from reader.store.library import DocumentInfo


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the document: its level and text, and where it starts."""

    level: int
    title: str
    start: int


@dataclass(frozen=True, slots=True)
class Highlight:
    """One annotation as it is exported."""

    annotation: Annotation
    quote: str  # in the chosen script (the stored quote when no conversion was asked for)
    note: str  # the note as the user wrote it (notes are the user's own words: never converted)
    color_label: str  # the user's name for the colour, or "" when unnamed
    section: tuple[str, ...]  # heading path, outermost first; () before the first heading
    # The labels of the pages the passage starts and ends on; "" when the document has no pages
    # (or the annotation is orphaned: its place is no longer known).
    page_start: str = ""
    page_end: str = ""

    @property
    def color_name(self) -> str:
        """The colour as a reader knows it: the user's name for it, else the colour itself."""
        return self.color_label or self.annotation.color

    @property
    def pages(self) -> str:
        """The pages as a range: "12", "12–13", "" for none."""
        return page_span(self.page_start, self.page_end)

    @property
    def citation(self) -> str:
        """The pages as a reference cites them: "p. 12", "pp. 12–13", "" for none."""
        return cite_pages(self.page_start, self.page_end)


@dataclass(frozen=True, slots=True)
class ExportedDocument:
    info: DocumentInfo
    document: Document
    highlights: tuple[Highlight, ...]
    sections: tuple[Section, ...]
    targets: tuple[Target, ...] = ()  # only when extracted items were asked for
    tasks: tuple[Task, ...] = ()
    with_extracted: bool = False


@dataclass(frozen=True, slots=True)
class ExportSet:
    documents: tuple[ExportedDocument, ...]
    exported: str  # ISO 8601 time of the export (passed in, so output is reproducible)
    script: str = ""  # the OpenCC config quotes were written in, "" for as stored
    color_labels: dict[str, str] = field(default_factory=dict)

    @property
    def highlight_count(self) -> int:
        return sum(len(d.highlights) for d in self.documents)


def sections_of(document: Document) -> tuple[Section, ...]:
    return tuple(Section(b.level, b.text, b.start) for b in document.blocks if b.kind == HEADING)


class SectionIndex:
    """The heading path at any offset, by bisection over the headings' starts."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self._sections = sections
        self._starts = [s.start for s in sections]
        # paths[i]: the heading path just after heading i
        paths: list[tuple[str, ...]] = []
        stack: list[Section] = []
        for section in sections:
            while stack and stack[-1].level >= section.level:
                stack.pop()
            stack.append(section)
            paths.append(tuple(s.title for s in stack))
        self._paths = paths

    def path_at(self, offset: int) -> tuple[str, ...]:
        i = bisect_right(self._starts, offset) - 1
        return self._paths[i] if i >= 0 else ()


class PageIndex:
    """The pages of any passage of a paged document, by bisection over its blocks' starts."""

    def __init__(self, document: Document) -> None:
        blocks = document.blocks
        self._paged = blocks.paged
        self._starts = [start for start, _end in blocks.spans()] if self._paged else []
        self._blocks = blocks

    def pages(self, start: int, end: int) -> tuple[str, str]:
        """(first, last) page labels of text[start:end]; ("", "") for a document without pages."""
        if not self._paged or not self._starts:
            return "", ""
        first = max(0, bisect_right(self._starts, start) - 1)
        last = max(first, bisect_right(self._starts, max(start, end - 1)) - 1)
        page_start = self._blocks.pages(first)[0]
        page_end = self._blocks.pages(last)[1]
        return page_start, page_end or page_start
