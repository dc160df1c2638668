"""Word changes inside aligned paragraphs (reader.core.compare.words), in each document's own text."""

from __future__ import annotations

import time

import pytest

from reader.core.compare import compare
from reader.core.compare.model import CHANGED, DELETE, INSERT, REPLACE
from reader.core.compare.words import MAX_WORDS, document_words, word_changes
from reader.core.convert import convert_text
from reader.core.segment import tokenizer
from tests.unit.test_compare_align import paragraphs_doc

GDP_2024 = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。"
GDP_2025 = "今年发展主要预期目标是：国内生产总值增长4.5%左右；城镇新增就业1200万人以上。"


@pytest.fixture(scope="module", autouse=True)
def _jieba_ready():
    tokenizer()


def changed_words(a_text: str, b_text: str, **options):
    a = paragraphs_doc("各位代表：", a_text)
    b = paragraphs_doc("各位代表：", b_text)
    comparison = compare(a, b, **options)
    (pair,) = comparison.changes()
    assert pair.kind == CHANGED
    return [(w.kind, a.text[w.a_start : w.a_end], b.text[w.b_start : w.b_end]) for w in pair.words]


def test_a_target_moving_from_5_to_4_5_percent_is_one_change_of_those_words():
    assert changed_words(GDP_2024, GDP_2025) == [(REPLACE, "5%左右", "4.5%左右")]


def test_the_change_cuts_the_same_words_when_a_is_traditional():
    traditional = convert_text(GDP_2024, "s2t").text
    assert traditional != GDP_2024
    assert changed_words(traditional, GDP_2025) == [(REPLACE, "5%左右", "4.5%左右")]


def test_offsets_point_into_each_documents_own_text():
    a = paragraphs_doc("前言。", convert_text(GDP_2024, "s2t").text)
    b = paragraphs_doc("各位代表：", "序", GDP_2025)
    (pair,) = [p for p in compare(a, b).changes() if p.kind == CHANGED]
    assert (pair.a, pair.b) == ((1,), (2,))
    (change,) = pair.words
    a_at, b_at = a.text.index("5%左右"), b.text.index("4.5%左右")
    assert (change.a_start, change.a_end) == (a_at, a_at + len("5%左右"))
    assert (change.b_start, change.b_end) == (b_at, b_at + len("4.5%左右"))


def test_a_range_and_a_count_with_its_unit_stay_whole():
    assert changed_words("增长6-6.5%，新增就业1100万人以上。", "增长5%左右，新增就业1200万人以上。") == [
        (REPLACE, "6-6.5%", "5%左右"),
        (REPLACE, "1100万人以上", "1200万人以上"),
    ]


def test_inserted_and_deleted_words_have_an_empty_side_at_the_right_place():
    a_text = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"
    b_text = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"
    assert changed_words(a_text, b_text) == [(INSERT, "", "，加快构建新发展格局")]
    (pair,) = compare(paragraphs_doc(a_text), paragraphs_doc(b_text)).changes()
    (change,) = pair.words
    assert change.a_start == change.a_end == a_text.index("。")  # right after 新发展理念
    deleted = changed_words(b_text, a_text)
    assert deleted == [(DELETE, "，加快构建新发展格局", "")]


def test_ignoring_numbers_leaves_only_the_words_that_changed():
    a_text = "国内生产总值增长5%左右，推动经济实现质的有效提升。"
    b_text = "国内生产总值增长4.5%左右，推动经济实现质的稳步提升。"
    assert changed_words(a_text, b_text) == [(REPLACE, "5%左右", "4.5%左右"), (REPLACE, "有效", "稳步")]
    assert changed_words(a_text, b_text, ignore=frozenset({"numbers"})) == [(REPLACE, "有效", "稳步")]


def test_a_paragraph_with_too_many_words_is_one_whole_change_quickly():
    sentence = "推动高质量发展，因地制宜发展新质生产力。"
    a = paragraphs_doc(sentence * 400)
    b = paragraphs_doc(sentence.replace("高质量", "高水平") * 400)
    a_words, b_words = document_words(a)[0], document_words(b)[0]
    assert len(a_words) > MAX_WORDS
    started = time.perf_counter()
    changes = word_changes(a_words, b_words, (0, len(a.text)), (0, len(b.text)))
    assert time.perf_counter() - started < 1
    assert [(c.kind, c.a_start, c.a_end, c.b_start, c.b_end) for c in changes] == [(REPLACE, 0, len(a.text), 0, len(b.text))]


def test_words_of_a_traditional_block_are_its_own_characters():
    text = convert_text("粮食产量1.3万亿斤以上，单位国内生产总值能耗降低2.5%左右。", "s2t").text
    doc = paragraphs_doc("序。", text)
    words = document_words(doc)[1]
    assert [w for w, _, _ in words][:2] == ["粮食产量", "1.3万亿斤以上"]  # compared on the Simplified fold
    assert [doc.text[s:e] for _, s, e in words][:2] == ["糧食產量", "1.3萬億斤以上"]  # placed on the text as written
