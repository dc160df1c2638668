"""Placing last year's passages on this year's report (reader.core.carry), on an edited copy of
the 2024 report: one number changed, one paragraph removed, another moved, the rest as it was."""

from __future__ import annotations

from reader.core.carry import CHANGED, DROPPED, KEPT, Passage, place
from reader.core.compare import compare
from reader.core.convert import convert_text
from reader.core.ingest import ingest_text
from reader.core.model import Document
from tests.unit.test_compare_align import simplified_report

GDP = "国内生产总值增长5%左右"
JOBS = "城镇新增就业1200万人以上"
SENTENCE = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上"
REMOVED = 20  # the paragraph the copy leaves out
CUT = "居民消费价格涨幅3%左右；"  # words the copy deletes from a paragraph it keeps


def edited(report: Document) -> Document:
    paragraphs = [block.text for block in report.blocks]
    assert GDP in paragraphs[33]
    assert CUT in paragraphs[33]
    paragraphs[33] = paragraphs[33].replace(GDP, "国内生产总值增长4.5%左右").replace(CUT, "")
    paragraphs[12], paragraphs[13] = paragraphs[13], paragraphs[12]
    del paragraphs[REMOVED]
    return ingest_text("\n".join(paragraphs))


A = simplified_report()
B = edited(A)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def passages() -> list[Passage]:
    moved = A.blocks[13].text[2:30]
    removed = A.blocks[REMOVED]
    return [
        Passage("gdp", *span(A.text, GDP)),
        Passage("sentence", *span(A.text, SENTENCE)),
        Passage("jobs", *span(A.text, JOBS)),
        Passage("moved", *span(A.text, moved)),
        Passage("removed", removed.start + 5, removed.start + 25),
        Passage("first", A.blocks[0].start, A.blocks[0].end),
        Passage("cut", *span(A.text, CUT[:-1])),
    ]


def test_kept_changed_and_dropped_on_an_edited_copy() -> None:
    placed = {p.key: p for p in place(compare(A, B), passages())}
    assert {key: p.status for key, p in placed.items()} == {
        "gdp": CHANGED,
        "sentence": CHANGED,
        "jobs": KEPT,
        "moved": KEPT,
        "removed": DROPPED,
        "first": KEPT,
        "cut": DROPPED,  # its paragraph is there, its words are not
    }
    # Kept passages sit at the right offsets of B.
    for key in ("jobs", "moved", "first"):
        p = placed[key]
        assert B.text[p.start : p.end] == p.before == p.after
    assert (placed["jobs"].start, placed["jobs"].end) == span(B.text, JOBS)
    # A changed passage keeps both wordings.
    assert (placed["gdp"].before, placed["gdp"].after) == (GDP, "国内生产总值增长4.5%左右")
    assert placed["sentence"].after == SENTENCE.replace("5%", "4.5%")
    assert B.text[placed["gdp"].start : placed["gdp"].end] == "国内生产总值增长4.5%左右"
    # A dropped passage is listed with its wording, not placed.
    removed = placed["removed"]
    assert (removed.start, removed.end, removed.after) == (-1, -1, "")
    assert removed.before == A.text[A.blocks[REMOVED].start + 5 : A.blocks[REMOVED].start + 25]


def test_a_traditional_b_keeps_a_simplified_passage() -> None:
    traditional = ingest_text(convert_text(B.text, "s2t").text)
    (jobs, gdp) = place(compare(A, traditional), [Passage("jobs", *span(A.text, JOBS)), Passage("gdp", *span(A.text, GDP))])
    assert jobs.status == KEPT
    assert jobs.after == convert_text(JOBS, "s2t").text
    assert gdp.status == CHANGED
    assert "4.5%" in gdp.after


def test_an_empty_passage_is_dropped() -> None:
    (p,) = place(compare(A, B), [Passage("empty", 10, 10)])
    assert p.status == DROPPED
