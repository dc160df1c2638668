"""Everything extraction finds in one document, computed together for the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from reader.core.extracted import Figure, Target, Task, TermHit
from reader.core.model import NOISE, Document

TARGETS, TASKS, FIGURES, TERMS = "targets", "tasks", "figures", "terms"
KINDS = (TARGETS, TASKS, FIGURES, TERMS)
# The tag an annotation made from an extracted item carries: its kind, in the singular.
TAG_OF = {TARGETS: "target", TASKS: "task", FIGURES: "figure", TERMS: "term"}


@dataclass(frozen=True, slots=True)
class Found:
    """An extracted item at a place in the text, as something to annotate in one step."""

    kind: str
    text: str  # as written
    note: str  # what the annotation's note starts with (a term's dictionary form)
    start: int
    end: int

    @property
    def tag(self) -> str:
        return TAG_OF[self.kind]


@dataclass(frozen=True)
class Extraction:
    targets: tuple[Target, ...]
    tasks: tuple[Task, ...]
    figures: tuple[Figure, ...]
    terms: tuple[TermHit, ...]

    def spans(self, kind: str) -> list[tuple[int, int]]:
        """The original-text spans a highlight layer of this kind paints."""
        if kind == TASKS:
            return [(t.start, t.end) for task in self.tasks for t in (task, *task.children)]
        return [(item.start, item.end) for item in getattr(self, kind)]

    def at(self, offset: int) -> list[Found]:
        """The terms, targets and figures covering `offset` (tasks are whole paragraphs: their
        dock annotates them), most specific first."""
        found = [Found(TERMS, t.text, t.term, t.start, t.end) for t in self.terms if t.start <= offset < t.end]
        found += [Found(TARGETS, t.text, "", t.start, t.end) for t in self.targets if t.start <= offset < t.end]
        found += [Found(FIGURES, f.text, "", f.start, f.end) for f in self.figures if f.start <= offset < f.end]
        return found


def extract(document: Document, kind: str) -> list[Target] | list[Task] | list[Figure] | list[TermHit]:
    """One kind of extraction, as the CLI's targets / tasks / figures / terms commands print it."""
    if kind == TARGETS:
        return _targets(document)
    if kind == TASKS:
        return _tasks(document)
    if kind == FIGURES:
        return _figures(document)
    if kind == TERMS:
        return _terms(document)
    raise ValueError(f"unknown extraction {kind!r}")


def extract_all(document: Document) -> Extraction:
    return Extraction(
        tuple(_targets(document)), tuple(_tasks(document)), tuple(_figures(document)), tuple(_terms(document))
    )


# Each extractor is imported on first use (as before), so importing this module for its constants loads none of them.


def _targets(document: Document) -> list[Target]:
    from reader.core.targets import extract_targets

    return extract_targets(document)


def _tasks(document: Document) -> list[Task]:
    from reader.core.tasks import extract_tasks

    return extract_tasks(document)


def _figures(document: Document) -> list[Figure]:
    from reader.core.figures import extract_figures

    return _outside_noise(document, extract_figures(document))


def _terms(document: Document) -> list[TermHit]:
    from reader.core.terms import find_terms

    return _outside_noise(document, find_terms(document))


_Item = TypeVar("_Item", Figure, TermHit)


def _outside_noise(document: Document, items: list[_Item]) -> list[_Item]:
    """Items not inside a NOISE block (infographic debris is not a figure or a term)."""
    blocks = document.blocks
    noise = [blocks.span(n) for n in range(len(blocks)) if blocks.kind(n) == NOISE]
    if not noise:
        return items
    return [item for item in items if not any(s <= item.start < e for s, e in noise)]
