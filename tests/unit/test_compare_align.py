"""Paragraph alignment (reader.core.compare.align): what a reader comparing two years sees paired."""

from __future__ import annotations

import random
import time
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.compare import compare
from reader.core.compare.align import align, align_texts, normalise
from reader.core.compare.model import ADDED, CHANGED, MERGED, MOVED, REMOVED, SAME, SPLIT
from reader.core.convert import convert_text
from reader.core.ingest import ingest_file, ingest_text
from reader.core.model import PARAGRAPH, Block, Document
from tests.support import seed_path

NEW_PARAGRAPH = "各地区各部门要加强统筹协调，压实工作责任，推动各项政策举措尽快落地见效，确保人民群众有实实在在的获得感。"


def simplified_report() -> Document:
    """Seed 001 (the 2024 report, Traditional) folded to Simplified: a real report to edit."""
    return ingest_text(convert_text(ingest_file(seed_path(1)).text, "t2s").text)


def edited_copy(report: Document) -> Document:
    """The report with paragraph 20 reworded, 12 and 13 swapped, 16 removed, a paragraph added
    after 22 and paragraph 25 split in two at a sentence."""
    paragraphs = [block.text for block in report.blocks]
    edited = list(paragraphs)
    edited[20] = edited[20].replace("推动经济运行持续好转", "促进经济稳定向好").replace("注重精准施策", "更加注重精准施策")
    edited[12], edited[13] = edited[13], edited[12]
    cut = edited[25].index("深入推进法治政府建设")
    edited = [*edited[:16], *edited[17:23], NEW_PARAGRAPH, *edited[23:25], edited[25][:cut], edited[25][cut:], *edited[26:]]
    return ingest_text("\n".join(edited))


def paragraphs_doc(*paragraphs: str) -> Document:
    """A document of exactly these paragraphs (ingest would join short lines as PDF wrap)."""
    blocks, start = [], 0
    for n, text in enumerate(paragraphs):
        blocks.append(Block(f"p{n}", PARAGRAPH, 0, text, "zh", start, start + len(text)))
        start += len(text) + 1
    return Document("\n".join(paragraphs), tuple(blocks))


@pytest.fixture(scope="module")
def report() -> Document:
    return simplified_report()


@pytest.fixture(scope="module")
def edited(report: Document) -> Document:
    return edited_copy(report)


def kinds(pairs) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [(p.a, p.b, p.kind) for p in pairs if p.kind != SAME]


EXPECTED_EDITS = [
    ((13,), (12,), MOVED),  # the swapped pair: one stays in order, the other moved
    ((16,), (), REMOVED),
    ((20,), (19,), CHANGED),
    ((), (22,), ADDED),
    ((25,), (25, 26), SPLIT),
]


def test_an_edited_copy_shows_exactly_its_edits_and_the_rest_same(report, edited):
    pairs = align(report, edited)
    assert kinds(pairs) == EXPECTED_EDITS
    assert Counter(p.kind for p in pairs)[SAME] == len(report.blocks) - 4  # moved, removed, changed, split


def test_the_edited_copy_in_traditional_script_aligns_the_same(report, edited):
    traditional = ingest_text(convert_text(edited.text, "s2t").text)
    assert traditional.text != edited.text
    assert kinds(align(report, traditional)) == EXPECTED_EDITS
    assert kinds(align(traditional, report)) == [
        ((13,), (12,), MOVED),
        ((), (16,), ADDED),
        ((19,), (20,), CHANGED),
        ((22,), (), REMOVED),
        ((25, 26), (25,), MERGED),
    ]


def test_moved_and_changed_pairs_say_how_close_they_are(report, edited):
    by_kind = {p.kind: p for p in align(report, edited)}
    assert by_kind[MOVED].similarity == 1.0  # moved word for word
    assert 0.9 < by_kind[CHANGED].similarity < 1.0
    assert by_kind[SPLIT].similarity > 0.95
    assert by_kind[ADDED].similarity == by_kind[REMOVED].similarity == 0.0


def test_pairs_follow_b_with_a_removed_paragraph_where_a_had_it(report, edited):
    pairs = align(report, edited)
    b_order = [j for p in pairs for j in p.b]
    assert b_order == list(range(len(edited.blocks)))
    removed_at = next(n for n, p in enumerate(pairs) if p.kind == REMOVED)
    assert pairs[removed_at - 1].a == (15,)  # right after the paragraph that preceded it in A


def test_the_same_report_in_two_scripts_is_all_same():
    traditional = ingest_file(seed_path(1))
    simplified = ingest_text(convert_text(traditional.text, "t2s").text)
    pairs = align(traditional, simplified)
    assert {p.kind for p in pairs} == {SAME}
    assert [p.a for p in pairs] == [(n,) for n in range(len(traditional.blocks))]


def test_two_paragraphs_joined_into_one_are_merged():
    first, second = "第一段讲就业优先，稳定和扩大就业岗位。", "第二段讲物价稳定，保持居民消费价格基本稳定。"
    a = paragraphs_doc("总体要求。", first, second, "结语。")
    b = paragraphs_doc("总体要求。", first + second, "结语。")
    assert kinds(align(a, b)) == [((1, 2), (1,), MERGED)]


def test_last_years_results_and_this_years_targets_are_not_taken_for_one_paragraph(report):
    """Both paragraphs name GDP, jobs, unemployment, prices and the balance of payments (ratio
    0.42), yet one reports 2023 and the other sets 2024's targets."""
    results, targets = report.blocks[11].text, report.blocks[33].text
    a = paragraphs_doc("各位代表：", results, "谢谢大家。")
    b = paragraphs_doc("各位代表：", targets, "谢谢大家。")
    assert kinds(align(a, b)) == [((1,), (), REMOVED), ((), (1,), ADDED)]


def test_unrelated_paragraphs_are_removed_and_added_not_paired():
    a = paragraphs_doc("各位代表：", "今年粮食产量再创新高，农业基础进一步巩固。", "谢谢大家。")
    b = paragraphs_doc("各位代表：", "数字经济蓬勃发展，人工智能应用不断拓展。", "谢谢大家。")
    assert kinds(align(a, b)) == [((1,), (), REMOVED), ((), (1,), ADDED)]


@pytest.mark.parametrize(
    ("ignore", "a_text", "b_text"),
    [
        ("punctuation", "稳就业，保民生。", "稳就业、保民生"),
        ("whitespace", "国内生产总值 增长", "国内生产总值增长"),
        ("numbers", "增长5%左右，新增就业1200万人以上。", "增长4.5%左右，新增就业1,100万人以上。"),
    ],
)
def test_ignored_differences_leave_a_paragraph_the_same(ignore, a_text, b_text):
    a = paragraphs_doc("开头一段。", a_text, "结尾一段。")
    b = paragraphs_doc("开头一段。", b_text, "结尾一段。")
    assert kinds(align(a, b)) == [((1,), (1,), CHANGED)]
    assert kinds(align(a, b, ignore=frozenset({ignore}))) == []
    assert compare(a, b, ignore=frozenset({ignore})).changes() == []


def test_an_unknown_ignore_option_is_refused():
    doc = paragraphs_doc("一段。")
    with pytest.raises(ValueError, match="colour"):
        align(doc, doc, ignore=frozenset({"colour"}))


def test_normalise_reads_numbers_as_one_mark():
    assert normalise("增长5.5%，1,200万", frozenset({"numbers"})) == "增长#%，#万"


# -- invariants and hostile input ----------------------------------------------------------------


def assert_well_formed(pairs, n: int, m: int) -> None:
    """Every block of either side appears once; pairs read in B's order; the in-order pairs
    increase on both sides (only MOVED pairs may cross)."""
    assert sorted(i for p in pairs for i in p.a) == list(range(n))
    assert [j for p in pairs for j in p.b] == list(range(m))
    chained = [p for p in pairs if p.a and p.b and p.kind != MOVED]
    assert [p.a for p in chained] == sorted(p.a for p in chained)
    for p in pairs:
        assert list(p.a) == list(range(p.a[0], p.a[0] + len(p.a))) if p.a else True
        assert list(p.b) == list(range(p.b[0], p.b[0] + len(p.b))) if p.b else True


PHRASES = ["稳增长", "保就业", "促消费", "扩投资", "稳外贸", "防风险", "惠民生"]
paragraphs = st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraphs, max_size=25), st.lists(paragraphs, max_size=25))
def test_any_two_lists_of_paragraphs_align_into_a_well_formed_pairing(a, b):
    assert_well_formed(align_texts(a, b), len(a), len(b))


def random_text(rng: random.Random, length: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x4E00 + 300)) for _ in range(length))


@pytest.mark.timeout(60)
def test_twenty_thousand_tiny_blocks_align_in_bounded_time():
    rng = random.Random(3)
    a = [random_text(rng, 4) for _ in range(20_000)]
    b = [random_text(rng, 4) for _ in range(20_000)]
    started = time.perf_counter()
    pairs = align_texts(a, b)
    assert time.perf_counter() - started < 5  # every block against every other: 15 s here
    assert_well_formed(pairs, len(a), len(b))


@pytest.mark.timeout(60)
def test_a_hundred_long_blocks_a_side_compare_in_bounded_time():
    rng = random.Random(4)
    a = [random_text(rng, 10_000) for _ in range(100)]
    b = [random_text(rng, 10_000) for _ in range(100)]
    started = time.perf_counter()
    pairs = align_texts(a, b)
    assert time.perf_counter() - started < 5  # on every character: over a minute here
    assert_well_formed(pairs, len(a), len(b))


@pytest.mark.timeout(60)
def test_one_huge_block_aligns_in_bounded_time():
    sentence = "推动高质量发展，加快建设现代化产业体系，因地制宜发展新质生产力。"
    huge = sentence * 20_000  # 640,000 characters
    started = time.perf_counter()
    pairs = align_texts([huge], [huge.replace("新质", "新型")])
    assert time.perf_counter() - started < 5
    assert [(p.a, p.b, p.kind) for p in pairs] == [((0,), (0,), CHANGED)]
