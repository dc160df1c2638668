"""Carry annotations from an earlier report (A) onto a later one (B): plan, then apply.

plan_carry compares A with B and places each of A's annotations (reader.core.carry): kept,
changed (both wordings kept) or dropped (listed, not placed). Sources already carried into B
are left out of what would be added, so applying twice adds nothing. apply_carry writes the
kept and changed ones as new annotations of B with A's colour, note and tags, each remembering
its origin (the source's uuid, document and both wordings). The CLI's dry run and the window's
preview are the plan; what apply writes is exactly the plan's placements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.carry import CHANGED, DROPPED, KEPT, Passage, Placement, place
from reader.errors import UsageError
from reader.ops.changes import Changes
from reader.store.annotations import Annotation, Origin
from reader.store.library import Library

__all__ = ["CHANGED", "DROPPED", "KEPT", "CarryItem", "CarryPlan", "Carried", "apply_carry", "plan_carry", "put_carried", "undo_carry"]


@dataclass(frozen=True, slots=True)
class CarryItem:
    """One annotation of A and where it lands in B."""

    source: Annotation
    placement: Placement

    @property
    def status(self) -> str:
        return self.placement.status


@dataclass(frozen=True, slots=True)
class CarryPlan:
    a_id: int
    b_id: int
    a_title: str
    b_title: str
    items: tuple[CarryItem, ...]  # in A's text order; without sources already carried into B
    already: tuple[str, ...]  # uuids of A's annotations already carried into B (skipped)

    def counts(self) -> dict[str, int]:
        out = {KEPT: 0, CHANGED: 0, DROPPED: 0}
        for item in self.items:
            out[item.status] += 1
        out["already"] = len(self.already)
        return out

    def placed(self) -> list[CarryItem]:
        """What apply writes: the kept and changed items."""
        return [item for item in self.items if item.status != DROPPED]


def plan_carry(library: Library, a_id: int, b_id: int) -> CarryPlan:
    """What carrying A's annotations onto B would do; writes nothing."""
    from reader.core.compare import compare

    if a_id == b_id:
        raise UsageError(f"carry needs two documents; {a_id} was given twice")
    a_info, b_info = library.info(a_id), library.info(b_id)
    sources = library.annotations(a_id)
    carried = library.carried_sources(b_id)
    todo = [a for a in sources if a.uuid not in carried]
    already = tuple(a.uuid for a in sources if a.uuid in carried)
    if not todo:
        return CarryPlan(a_id, b_id, a_info.title, b_info.title, (), already)
    comparison = compare(library.document(a_id), library.document(b_id))
    anchored = [a for a in todo if not a.orphaned]
    placements = {p.key: p for p in place(comparison, [Passage(a.uuid, a.start, a.end) for a in anchored])}
    # An orphaned annotation's passage is not in A's text: there is nothing to carry it by.
    placed = [placements.get(a.uuid) or Placement(a.uuid, DROPPED, -1, -1, a.quote, "") for a in todo]
    items = tuple(CarryItem(source, placement) for source, placement in zip(todo, placed, strict=True))
    return CarryPlan(a_id, b_id, a_info.title, b_info.title, items, already)


Carried = tuple[Annotation, Origin]  # an annotation a carry wrote, and where it came from


def apply_carry(library: Library, plan: CarryPlan) -> tuple[list[Carried], Changes]:
    """Write the plan's kept and changed placements as annotations of B (one transaction).
    A source carried into B since the plan was made is skipped."""
    written: list[Carried] = []
    with library.batch():
        carried = library.carried_sources(plan.b_id)
        for item in plan.placed():
            if item.source.uuid in carried:
                continue
            p = item.placement
            origin = Origin(item.source.uuid, plan.a_id, plan.a_title, p.status, p.before, p.after)
            annotation = library.add_carried(
                plan.b_id, p.start, p.end, origin, color=item.source.color, note=item.source.note, tags=item.source.tags
            )
            written.append((annotation, origin))
    return written, _changed(plan.b_id, [a for a, _ in written])


def put_carried(library: Library, carried: Sequence[Carried]) -> tuple[list[Carried], Changes]:
    """Write carried annotations back exactly as they were, origins too (redo after undo)."""
    written: list[Carried] = []
    with library.batch():
        for annotation, origin in carried:
            written.append((library.put_annotation(annotation), origin))
            library.put_origin(annotation.uuid, origin)
    doc_ids = {a.doc_id for a, _ in written}
    return written, _changed(next(iter(doc_ids)) if doc_ids else None, [a for a, _ in written])


def _changed(doc_id: int | None, annotations: Sequence[Annotation]) -> Changes:
    return Changes(
        annotated=frozenset({doc_id}) if annotations and doc_id is not None else frozenset(),
        annotations=frozenset(a.uuid for a in annotations),
        tags=any(a.tags for a in annotations),
    )


def undo_carry(library: Library, carried: Sequence[Carried]) -> tuple[list[Carried], Changes]:
    """Delete the annotations a carry wrote and their origins (its undo); returns them as they
    were (edited since, perhaps), for redo."""
    before: list[Carried] = []
    with library.batch():
        for annotation, origin in carried:
            now = library.annotation_by_uuid(annotation.uuid)
            library.delete_annotation(now.id)
            before.append((now, origin))
        library.forget_origins([a.uuid for a, _ in carried])
    return before, _changed(carried[0][0].doc_id if carried else None, [a for a, _ in before])
