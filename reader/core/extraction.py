"""Everything extraction finds in one document, computed together for the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.extracted import Figure, Target, Task, TermHit
from reader.core.model import Document

TARGETS, TASKS, FIGURES, TERMS = "targets", "tasks", "figures", "terms"
KINDS = (TARGETS, TASKS, FIGURES, TERMS)


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


def extract(document: Document, kind: str) -> list:
    """One kind of extraction, as the CLI's targets / tasks / figures / terms commands print it."""
    if kind == TARGETS:
        from reader.core.targets import extract_targets

        return extract_targets(document)
    if kind == TASKS:
        from reader.core.tasks import extract_tasks

        return extract_tasks(document)
    if kind == FIGURES:
        from reader.core.figures import extract_figures

        return extract_figures(document)
    if kind == TERMS:
        from reader.core.terms import find_terms

        return find_terms(document)
    raise ValueError(f"unknown extraction {kind!r}")


def extract_all(document: Document) -> Extraction:
    return Extraction(*(tuple(extract(document, kind)) for kind in (TARGETS, TASKS, FIGURES, TERMS)))
