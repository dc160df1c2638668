"""Terms that came and went between two reports (reader.core.compare.terms_diff)."""

from __future__ import annotations

import pytest

from reader.core.compare.terms_diff import STOPWORDS, diff_terms
from reader.core.segment import tokenizer
from tests.unit.test_compare_align import paragraphs_doc

FILLER = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"


@pytest.fixture(scope="module", autouse=True)
def _jieba_ready():
    tokenizer()


@pytest.fixture(scope="module")
def terms():
    a = paragraphs_doc(FILLER, "巩固拓展脱贫攻坚成果。防范化解地方债务风险，债务风险总体可控，债务管理更加规范。", FILLER)
    b = paragraphs_doc(
        FILLER,
        "大力推进新质生产力发展，深入推进“人工智能+”行动，人工智能+制造加快发展。",
        "培育低空经济，发展无人机，建设示范区。" * 2 + "低空经济带动无人机制造。",
        "要稳，要进，要立，要稳，要进，要立，要稳。",
        FILLER,
    )
    return diff_terms(a, b)


def as_dict(counts):
    return {t.term: (t.a, t.b) for t in counts}


def test_policy_terms_only_b_has_are_new_with_their_count(terms):
    added = as_dict(terms.added)
    assert added["人工智能+"] == (0, 2)
    assert added["新质生产力"] == (0, 1)  # a dictionary term counts once seen


def test_new_terms_and_frequent_words_most_frequent_first(terms):
    assert [(t.term, t.a, t.b) for t in terms.added] == [
        ("低空经济", 0, 3),
        ("无人机", 0, 3),  # not in the dictionary: a frequent content word
        ("人工智能+", 0, 2),
        ("新质生产力", 0, 1),
    ]


def test_a_word_seen_fewer_than_three_times_is_not_news(terms):
    assert "示范区" not in as_dict(terms.added)  # twice, and not in the dictionary


def test_single_characters_are_not_terms(terms):
    assert "稳" not in as_dict(terms.added)  # three times, but one character


def test_terms_only_a_has_are_dropped(terms):
    assert [(t.term, t.a, t.b) for t in terms.removed] == [("债务", 3, 0), ("脱贫攻坚", 1, 0)]


def test_stopwords_and_shared_filler_are_never_listed(terms):
    listed = {t.term for t in (*terms.added, *terms.removed, *terms.changed)}
    assert not listed & STOPWORDS
    assert "稳中求进" not in listed and "新发展理念" not in listed  # twice in each: no real shift


def test_shifts_compare_rates_not_raw_counts():
    text = "推进科技创新。" * 3
    a = paragraphs_doc(text, FILLER * 3)
    b = paragraphs_doc(text * 2, FILLER * 6)  # twice the text, twice the word: no shift
    assert "科技创新" not in as_dict(diff_terms(a, b).changed)
    c = paragraphs_doc(text * 4, FILLER * 3)
    assert as_dict(diff_terms(a, c).changed)["科技创新"] == (3, 12)
