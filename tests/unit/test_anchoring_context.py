"""A repeated quote lands on the repeat the user marked: the text just before it decides.

Reports repeat short quotes (5%左右, 高质量发展) many times. When the text changes, an annotation
finds its passage by the stored prefix and suffix; these tests put decoys in its way: repeats that
share the suffix and differ only in what comes before, nearer to the old position than the true one.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.core.anchoring import ANCHORED, CONTEXT, POSITION, anchor, anchor_all, describe

ASTRAL = "\U00020bb7"  # 𠮷
QUOTE = "5%左右"
TARGETS = "今年发展主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅3%左右。\n"
REASONS = "提出上述预期目标，综合考虑了国内外形势和各方面因素。经济增长预期目标为5%左右。"
ORIGINAL = TARGETS + REASONS  # the user marked the last 5%左右, right before the final 。


def marked() -> tuple[int, int]:
    start = ORIGINAL.rindex(QUOTE)
    return start, start + len(QUOTE)


def test_the_prefix_picks_the_marked_repeat_when_every_repeat_has_the_same_suffix():
    selector = describe(ORIGINAL, *marked())
    assert selector.suffix == "。"  # every repeat below is followed by 。 too
    # A sentence inserted just before the marked one quotes 5%左右 again, nearer the old position.
    decoy_sentence = "会议认为5%左右。"
    changed = TARGETS + REASONS.replace("经济增长预期目标为", decoy_sentence + "经济增长预期目标为")
    decoy = changed.index(decoy_sentence) + len("会议认为")
    true_start = changed.rindex(QUOTE)
    assert abs(decoy - selector.start) < abs(true_start - selector.start)
    assert changed[selector.start : selector.end] != QUOTE  # the old position no longer holds it
    result = anchor(changed, selector)
    assert (result.status, result.method) == (ANCHORED, CONTEXT)
    assert (result.start, result.end) == (true_start, true_start + len(QUOTE))
    assert changed[result.start - 9 : result.start] == "经济增长预期目标为"


@pytest.mark.parametrize("extra", ["：", "约", ASTRAL])
def test_a_repeat_whose_prefix_is_one_character_off_is_not_taken(extra):
    """A decoy preceded by the stored prefix plus one more character agrees on nothing next to the
    quote; read one character too far back, it would agree on everything."""
    selector = describe(ORIGINAL, *marked())
    decoy_sentence = f"又说经济增长预期目标为{extra}5%左右。"
    changed = "前言。\n" + TARGETS + decoy_sentence + REASONS
    true_start = changed.rindex(QUOTE)
    result = anchor(changed, selector)
    assert (result.method, result.start, result.end) == (CONTEXT, true_start, true_start + len(QUOTE))


def test_a_repeat_missing_the_last_character_of_the_prefix_is_not_taken():
    """The stored prefix ends in 为; a repeat preceded by 目标 without it is nearer but agrees less."""
    selector = describe(ORIGINAL, *marked())
    changed = TARGETS + REASONS.replace("经济增长预期目标为5%左右", "经济增长预期目标5%左右，经济增长预期目标为5%左右")
    true_start = changed.rindex(QUOTE)
    result = anchor(changed, selector)
    assert (result.start, result.end) == (true_start, true_start + len(QUOTE))


# --- properties ---------------------------------------------------------------------------------

# A small alphabet, so quotes repeat and the context has to decide.
ALPHABET = st.sampled_from(["增", "长", "5", "%", "，", ASTRAL])
INSERT = st.text(st.sampled_from(["插", "入", "增", "长", "。", ASTRAL]), min_size=1, max_size=12)


@st.composite
def marked_texts(draw):
    text = draw(st.text(ALPHABET, min_size=1, max_size=90))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 6)))
    return text, start, end


def occurrences(text: str, needle: str) -> int:
    return sum(text.startswith(needle, i) for i in range(len(text)))


@settings(max_examples=300, deadline=None)
@given(marked_texts())
def test_on_the_unchanged_text_every_annotation_stays_where_it_was(case):
    text, start, end = case
    result = anchor(text, describe(text, start, end))
    assert (result.start, result.end, result.status, result.method) == (start, end, ANCHORED, POSITION)


@settings(max_examples=400, deadline=None)
@given(marked_texts(), INSERT, st.data())
def test_text_inserted_before_the_context_shifts_the_annotation_exactly(case, inserted, data):
    """Inserted before the stored prefix, text moves the passage by exactly its length, whichever
    repeats of the quote stand nearer the old position, as long as the quote with its context is
    not repeated (then no reader could tell which one was meant)."""
    text, start, end = case
    selector = describe(text, start, end)
    at = data.draw(st.integers(0, start - len(selector.prefix)))
    changed = text[:at] + inserted + text[at:]
    assume(occurrences(changed, selector.prefix + selector.quote + selector.suffix) == 1)
    assume(changed[start:end] != selector.quote)  # else it is found in place, by position
    shifted = (start + len(inserted), end + len(inserted))
    result = anchor(changed, selector)
    assert (result.start, result.end, result.status, result.method) == (*shifted, ANCHORED, CONTEXT)
    assert anchor_all(changed, [selector, selector]) == [result, result]
