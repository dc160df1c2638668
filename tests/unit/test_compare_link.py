"""The link between two compared reports (reader.core.compare.link): what scroll sync and selection
mirroring in the compare view rely on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.compare import compare
from reader.core.compare.link import AlignmentLink
from reader.core.compare.model import SAME
from reader.core.convert import convert_text
from reader.core.ingest import ingest_text
from reader.core.link import LEFT, RIGHT, Link
from tests.unit.test_compare_align import edited_copy, simplified_report

REPORT = simplified_report()
EDITED = edited_copy(REPORT)
COMPARISON = compare(REPORT, EDITED)
LINK = AlignmentLink(COMPARISON)
TRADITIONAL = ingest_text(convert_text(EDITED.text, "s2t").text)
ACROSS = AlignmentLink(compare(REPORT, TRADITIONAL))
# The Traditional text converted back as a whole: a span cut inside a phrase (the 甦 of 復甦)
# converts back only in its context (甦 alone stays 甦; 復甦 becomes 复苏).
BACK = convert_text(TRADITIONAL.text, "t2s")
SAME_PAIRS = [pair for pair in COMPARISON.blocks if pair.kind == SAME]


def test_it_is_a_link():
    link: Link = LINK
    assert link.block(LEFT, 0) == 0


@pytest.mark.parametrize(
    ("side", "number", "counterpart"),
    [
        (LEFT, 0, 0),
        (LEFT, 15, 15),
        (LEFT, 17, 16),  # after the removed paragraph, A is one ahead
        (LEFT, 13, 12),  # the paragraph that moved up
        (RIGHT, 12, 13),
        (LEFT, 12, 13),
        (LEFT, 25, 25),  # the split paragraph: its first part
        (RIGHT, 25, 25),
        (RIGHT, 26, 25),  # the second part maps back to the whole
        (RIGHT, 27, 26),
        (LEFT, 16, None),  # removed
        (RIGHT, 22, None),  # added
        (LEFT, 999, None),
    ],
)
def test_blocks_map_to_their_counterparts_both_ways(side, number, counterpart):
    assert LINK.block(side, number) == counterpart


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_span_in_an_unchanged_paragraph_maps_there_and_back_unchanged(data):
    pair = data.draw(st.sampled_from(SAME_PAIRS))
    block = REPORT.blocks[pair.a[0]]
    start = data.draw(st.integers(block.start, block.end))
    end = data.draw(st.integers(start, block.end))
    there = LINK.span(LEFT, start, end)
    assert there is not None
    other = EDITED.blocks[pair.b[0]]
    assert there == (other.start + start - block.start, other.start + end - block.start)
    assert EDITED.text[there[0] : there[1]] == REPORT.text[start:end]
    assert LINK.span(RIGHT, *there) == (start, end)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_across_scripts_an_unchanged_span_keeps_its_offsets(data):
    pair = data.draw(st.sampled_from(SAME_PAIRS))
    block = REPORT.blocks[pair.a[0]]
    start = data.draw(st.integers(block.start, block.end))
    end = data.draw(st.integers(start, block.end))
    there = ACROSS.span(LEFT, start, end)
    assert there is not None
    assert ACROSS.span(RIGHT, *there) == (start, end)
    back_start, back_end = BACK.offsets.span_to_converted(*there)
    assert BACK.text[back_start:back_end] == REPORT.text[start:end]


def span_of(text: str, word: str) -> tuple[int, int]:
    at = text.index(word)
    return at, at + len(word)


def test_in_a_reworded_paragraph_unchanged_words_map_exactly():
    for link, target in ((LINK, EDITED), (ACROSS, TRADITIONAL)):
        start, end = span_of(REPORT.text, "突出固本培元")
        mapped = link.span(LEFT, start, end)
        assert mapped is not None
        assert convert_text(target.text[mapped[0] : mapped[1]], "t2s").text == "突出固本培元"


def test_a_span_inside_a_changed_stretch_maps_to_the_whole_new_wording():
    start, end = span_of(REPORT.text, "经济运行")  # inside 推动经济运行持续好转
    mapped = LINK.span(LEFT, start, end)
    assert mapped is not None
    assert EDITED.text[mapped[0] : mapped[1]] == "促进经济稳定向好"
    at = EDITED.text.index("促进经济稳定向好") + 4
    back = LINK.span(RIGHT, at, at + 2)  # 稳定
    assert back is not None
    assert REPORT.text[back[0] : back[1]] == "推动经济运行持续好转"


def test_a_span_inside_a_word_changed_for_one_as_long_maps_to_the_whole_word():
    a = ingest_text("推动经济实现质的有效提升，稳步扩大就业。")
    b = ingest_text("推动经济实现质的稳步提升，稳步扩大就业。")
    link = AlignmentLink(compare(a, b))
    at = a.text.index("效")
    mapped = link.span(LEFT, at, at + 1)
    assert mapped is not None
    assert b.text[mapped[0] : mapped[1]] == "稳步"


@pytest.mark.parametrize(("number", "counterpart"), [(11, 11), (15, 15)])
def test_a_whole_paragraph_selected_with_its_line_break_maps_onto_its_counterpart_only(number, counterpart):
    """Paragraph 12 of A comes after 13 in B, 16 was removed: neither is taken in."""
    block = REPORT.blocks[number]
    assert LINK.span(LEFT, block.start, block.end + 1) == (EDITED.blocks[counterpart].start, EDITED.blocks[counterpart].end)


@pytest.mark.parametrize(("link", "edited"), [(LINK, EDITED), (ACROSS, TRADITIONAL)], ids=["same script", "across scripts"])
def test_a_span_in_the_second_part_of_a_split_paragraph_maps_into_the_whole(link, edited):
    second_part = edited.blocks[26]
    start, end = second_part.start, second_part.start + len("深入推进法治政府建设")
    mapped = link.span(RIGHT, start, end)
    assert mapped is not None
    assert REPORT.text[mapped[0] : mapped[1]] == "深入推进法治政府建设"
    assert REPORT.blocks[25].start <= mapped[0] < REPORT.blocks[25].end


def test_spans_in_paragraphs_without_a_counterpart_map_to_nothing():
    removed = REPORT.blocks[16]
    assert LINK.span(LEFT, removed.start + 1, removed.end - 1) is None
    added = EDITED.blocks[22]
    assert LINK.span(RIGHT, added.start, added.end) is None


def test_a_span_across_paragraphs_in_order_maps_across_them():
    start, end = REPORT.blocks[2].start + 3, REPORT.blocks[3].start + 5
    assert LINK.span(LEFT, start, end) == (EDITED.blocks[2].start + 3, EDITED.blocks[3].start + 5)


CHANGED_PAIRS = [pair for pair in COMPARISON.blocks if pair.kind not in (SAME,) and pair.a and pair.b]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_span_of_a_paired_paragraph_lands_inside_its_counterpart(data):
    pair = data.draw(st.sampled_from(CHANGED_PAIRS))
    side = data.draw(st.sampled_from([LEFT, RIGHT]))
    doc, other = (REPORT, EDITED) if side == LEFT else (EDITED, REPORT)
    mine, theirs = (pair.a, pair.b) if side == LEFT else (pair.b, pair.a)
    lo, hi = doc.blocks[mine[0]].start, doc.blocks[mine[-1]].end
    start = data.draw(st.integers(lo, hi))
    end = data.draw(st.integers(start, hi))
    mapped = LINK.span(side, start, end)
    assert mapped is not None
    assert other.blocks[theirs[0]].start <= mapped[0] <= mapped[1] <= other.blocks[theirs[-1]].end
