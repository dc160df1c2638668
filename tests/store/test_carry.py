"""Carrying annotations from last year's report onto an edited copy (reader.ops.carry): kept at the
right offsets, a number changed kept with both wordings, a removed passage dropped; applying twice
adds nothing; undo removes every carried annotation; note, tags and colour come along."""

from __future__ import annotations

import pytest

from reader.errors import NotFoundError, UsageError
from reader.ops.annotations import annotate_quote
from reader.ops.carry import CHANGED, DROPPED, KEPT, apply_carry, plan_carry, put_carried, undo_carry
from reader.store import Library
from tests.unit.test_carry import CUT, GDP, JOBS, REMOVED, A, B


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def docs(library):
    """A (2024, annotated) and B (its edited copy, 2025): their ids and A's annotations by name."""
    a_id, _ = library.add(A, title="2024年政府工作报告", year=2024, kind="report")
    b_id, _ = library.add(B, title="2025年政府工作报告", year=2025, kind="report")
    removed = A.blocks[REMOVED].text[5:25]
    marks = {
        "gdp": annotate_quote(library, a_id, GDP, color="red", note="增长目标", tags=["目标", "经济"])[0],
        "jobs": annotate_quote(library, a_id, JOBS, color="green")[0],
        "removed": annotate_quote(library, a_id, removed, color="blue", note="gone")[0],
        "cut": annotate_quote(library, a_id, CUT[:-1], color="yellow")[0],
    }
    return a_id, b_id, marks


def test_plan_and_apply(library, docs):
    a_id, b_id, marks = docs
    plan = plan_carry(library, a_id, b_id)
    statuses = {item.source.uuid: item.status for item in plan.items}
    assert statuses == {
        marks["gdp"].uuid: CHANGED,
        marks["jobs"].uuid: KEPT,
        marks["removed"].uuid: DROPPED,
        marks["cut"].uuid: DROPPED,
    }
    assert plan.counts() == {KEPT: 1, CHANGED: 1, DROPPED: 2, "already": 0}
    assert library.annotations(b_id) == []  # a plan (the dry run) writes nothing

    carried, changes = apply_carry(library, plan)
    assert changes.annotated == {b_id}
    on_b = {a.uuid: a for a in library.annotations(b_id)}
    assert set(on_b) == {a.uuid for a, _ in carried} == set(changes.annotations)
    by_source = {origin.source_uuid: on_b[a.uuid] for a, origin in carried}
    assert set(by_source) == {marks["gdp"].uuid, marks["jobs"].uuid}  # dropped ones are not placed
    jobs = by_source[marks["jobs"].uuid]
    start = B.text.index(JOBS)
    assert (jobs.start, jobs.end, jobs.quote, jobs.color) == (start, start + len(JOBS), JOBS, "green")
    gdp = by_source[marks["gdp"].uuid]
    assert gdp.quote == "国内生产总值增长4.5%左右"
    assert (gdp.color, gdp.note, set(gdp.tags)) == ("red", "增长目标", {"目标", "经济"})
    origins = library.origins()
    assert origins[gdp.uuid].source_uuid == marks["gdp"].uuid
    assert (origins[gdp.uuid].status, origins[gdp.uuid].before, origins[gdp.uuid].after) == (
        CHANGED,
        GDP,
        "国内生产总值增长4.5%左右",
    )
    assert origins[gdp.uuid].source_title == "2024年政府工作报告"
    assert origins[jobs.uuid].status == KEPT


def test_applying_twice_adds_nothing(library, docs):
    a_id, b_id, _marks = docs
    plan = plan_carry(library, a_id, b_id)
    apply_carry(library, plan)
    before = library.annotations(b_id)
    again = plan_carry(library, a_id, b_id)
    assert again.placed() == []
    assert len(again.already) == 2
    carried, changes = apply_carry(library, again)
    assert carried == [] and not changes
    assert library.annotations(b_id) == before
    # The same plan (made before the first apply) applied again adds nothing either.
    assert apply_carry(library, plan)[0] == []
    assert library.annotations(b_id) == before


def test_undo_removes_all_and_redo_puts_the_same_back(library, docs):
    a_id, b_id, _marks = docs
    carried, _ = apply_carry(library, plan_carry(library, a_id, b_id))
    removed, changes = undo_carry(library, carried)
    assert library.annotations(b_id) == []
    assert library.origins() == {}
    assert changes.annotated == {b_id}
    put_carried(library, removed)
    assert {a.uuid for a in library.annotations(b_id)} == {a.uuid for a, _ in carried}
    assert set(library.origins()) == {a.uuid for a, _ in carried}


def test_unknown_or_same_documents_are_refused(library, docs):
    a_id, _b_id, _marks = docs
    with pytest.raises(NotFoundError):
        plan_carry(library, a_id, 999)
    with pytest.raises(UsageError):
        plan_carry(library, a_id, a_id)
