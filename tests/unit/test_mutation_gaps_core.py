"""Behaviour of reader/core that mutation testing showed no test pinned down.

Each test states what a reader of the app would notice; the mutants each one kills are listed in
the commit message that added this file.
"""

from __future__ import annotations

from array import array
from dataclasses import replace

import pytest

from reader.core.anchoring import CONTEXT, Selector, anchor, anchor_all
from reader.core.convert import Conversion, OffsetMap, convert_text
from reader.core.decode import _is_common_han, decode_bytes
from reader.core.find import find_all
from reader.core.layout import Segment, segment
from reader.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from reader.core.numbers import find_quantities, parse_chinese_number
from reader.core.script import _changed_count
from reader.core.segment import search_tokens, tokens
from reader.core.structure import block_lang, classify
from reader.core.tasks import extract_tasks
from reader.core.terms import find_terms
from reader.errors import InputError

# --- folding that changes the length of the text ----------------------------------------------

# 隨身碟 (3 characters) folds to U盘 (2): every later offset of the folded text is one less than
# in the original. t2s itself keeps report text's length, so the conversion is made with tw2sp
# and handed over as an already folded text, as the conversion cache would hand one over.
SHRINKING_ORIGINAL = "插入隨身碟，發展新質生產力。"


@pytest.fixture(scope="module")
def shrinking_fold() -> Conversion:
    conversion = convert_text(SHRINKING_ORIGINAL, "tw2sp")
    assert conversion.text == "插入U盘，发展新质生产力。"  # one shorter than the original
    return replace(conversion, config="t2s")


def test_find_all_spans_index_the_original_when_the_fold_is_shorter(shrinking_fold):
    assert find_all(shrinking_fold, "新质生产力") == [(8, 13)]
    assert SHRINKING_ORIGINAL[8:13] == "新質生產力"
    assert find_all(shrinking_fold, "U盘") == [(2, 5)]  # the whole phrase it came from


def test_find_all_spans_index_the_original_when_offsets_move_but_the_length_does_not():
    # One phrase shrinks (隨身碟 → U盘) and a later one grows (U盘 → 隨身碟): the folded text is as long
    # as the original, yet everything between the two phrases sits one place earlier.
    original = "插入隨身碟，存入U盘。"
    folded_text = "插入U盘，存入隨身碟。"
    offsets = OffsetMap(array("q", [0, 2, 5, 8, 10, 11]), array("q", [0, 2, 4, 7, 10, 11]), bytes([0, 1, 0, 1, 0]))
    folded = Conversion("t2s", original, folded_text, offsets)
    assert find_all(folded, "存入") == [(6, 8)]
    assert original[6:8] == "存入"


def test_find_all_on_a_fold_of_a_different_config_is_refused_with_the_config_named(shrinking_fold):
    with pytest.raises(ValueError, match="needs a t2s conversion, not tw2sp"):
        find_all(replace(shrinking_fold, config="tw2sp"), "发展")


def test_words_index_the_original_when_the_fold_is_shorter(shrinking_fold):
    assert tokens(shrinking_fold) == [
        ("插入", 0, 2),
        ("隨身碟", 2, 5),
        ("，", 5, 6),
        ("發展", 6, 8),
        ("新質生產力", 8, 13),
        ("。", 13, 14),
    ]


def test_search_words_add_the_shorter_words_inside_long_ones_as_written(shrinking_fold):
    words = search_tokens(shrinking_fold)
    assert ("新質生產力", 8, 13) in words
    assert ("生產力", 10, 13) in words  # inside the long word: search mode only
    assert ("生產力", 10, 13) not in tokens(shrinking_fold)


def test_policy_terms_index_the_original_when_the_fold_is_shorter(shrinking_fold):
    (hit,) = find_terms(shrinking_fold)
    assert (hit.term, hit.text, hit.start, hit.end) == ("新质生产力", "新質生產力", 8, 13)


def test_a_phrase_that_changes_length_counts_as_its_longer_side():
    # U盘 → 隨身碟: three characters changed, not two, and not none.
    assert _changed_count("U盘", "隨身碟") == 3
    assert _changed_count("插入U盘。", "插入隨身碟。") == 3
    assert _changed_count("发展", "發展") == 1


# --- decoding legacy encodings -----------------------------------------------------------------

TRADITIONAL_LINE = "發展新質生產力，推進高質量發展。"


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_traditional_text_decodes_as_the_encoding_it_was_saved_in(encoding):
    # GB18030 bytes also decode as Big5 (to nonsense) and Big5 bytes as GB18030: the plausible one wins.
    data = TRADITIONAL_LINE.encode(encoding)
    other = "big5" if encoding == "gb18030" else "gb18030"
    assert data.decode(other) != TRADITIONAL_LINE  # both decodes succeed
    assert decode_bytes(data) == (TRADITIONAL_LINE, encoding)


@pytest.mark.parametrize(
    ("ch", "common"),
    [
        ("发", True),  # GB2312
        ("一", True),  # GB2312, also the first Big5 level-1 character
        ("發", True),  # Big5 level 1 only
        ("籲", True),  # the last Big5 level-1 character (0xC67E), not in GB2312
        ("乂", False),  # the first Big5 level-2 character (0xC940), not in GB2312
        ("乥", False),  # in neither
    ],
)
def test_common_han_are_those_of_gb2312_and_big5_level_one(ch, common):
    assert _is_common_han(ch) is common


def test_one_control_character_in_a_hundred_is_still_text():
    text = "发" * 99 + "\x07"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_two_control_characters_in_a_hundred_make_a_binary_file():
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_bytes(("发" * 98 + "\x07\x85").encode("utf-8"))


# --- numbers -----------------------------------------------------------------------------------


NUMERALS = [("三百五十", 350.0), ("十二", 12.0), ("两千三百", 2300.0), ("一", 1.0), ("一千零五", 1005.0), ("两千零二十", 2020.0)]


@pytest.mark.parametrize(("numeral", "value"), NUMERALS)
def test_chinese_numerals_add_up_their_parts(numeral, value):
    assert parse_chinese_number(numeral) == value


def test_three_hundred_and_fifty_yuan_in_numerals_is_a_quantity_of_350():
    (quantity,) = find_quantities("三百五十元")
    assert (quantity.value, quantity.unit) == (350.0, "元")


def test_a_hundred_years_reads_as_a_year_not_a_duration():
    assert find_quantities("建党100年，") == []
    (quantity,) = find_quantities("奋斗99年，")
    assert (quantity.value, quantity.unit) == (99.0, "年")


# --- structure and layout ----------------------------------------------------------------------

BODY = "各地区各部门坚持稳中求进工作总基调完整准确"
BODY2 = "全面贯彻新发展理念加快构建新发展格局着力推"
BODY_END = "动高质量发展取得了新的重大成就。"


def test_a_paragraph_is_level_zero_and_chinese():
    (draft,) = classify([Segment(BODY + BODY_END)])
    assert (draft.kind, draft.level, draft.lang) == (PARAGRAPH, 0, "zh")


def test_footnotes_are_level_zero_paragraphs_with_their_number_as_label():
    (draft,) = classify([Segment("2 数据来自国家统计局。", "footnote", label="2")])
    assert (draft.kind, draft.level, draft.label, draft.lang) == (PARAGRAPH, 0, "2", "zh")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("国内生产总值增长5%左右", "zh"),
        ("https://www.gov.cn/zhengce", "zh"),  # Latin without English words is not English
        ("中国 AB CD EF", "zh"),  # as many Latin letters as three times the Han ones
        ("中 AB CD", "en"),  # more than that, in two words with a space
        ("The economy grew steadily", "en"),
    ],
)
def test_block_language(text, lang):
    assert block_lang(text) == lang


def test_a_footnote_that_ends_its_sentence_does_not_take_the_heading_after_it():
    note = "这里的数据来自国家统计局公布的年度统计公报并经过季节调整后的口径。"
    text = "\n".join([BODY, BODY2, BODY, BODY2, BODY_END, "2", note, "三、下一步工作", BODY, BODY2, BODY_END])
    segments, _ = segment(text)
    assert [(s.hint, s.text) for s in segments[1:3]] == [("footnote", f"2 {note}"), ("paragraph", "三、下一步工作")]


def test_a_footnote_that_stops_mid_sentence_takes_its_short_last_line():
    note = "这里的数据来自国家统计局公布的年度统计公报并经过季节调整后的口径和"
    text = "\n".join([BODY, BODY2, BODY, BODY2, BODY_END, "2", note, "相关说明。", "三、下一步工作", BODY, BODY2, BODY_END])
    segments, _ = segment(text)
    assert [(s.hint, s.text) for s in segments[1:3]] == [("footnote", f"2 {note}相关说明。"), ("paragraph", "三、下一步工作")]


# --- tasks of an infographic summary -----------------------------------------------------------

TASK_TITLES = [
    "扩大国内需求",
    "发展新质生产力",
    "深化科技体制改革",
    "推进乡村全面振兴",
    "推动区域协调发展",
    "加强生态环境保护",
    "保障和改善民生",
    "扩大高水平开放",
    "防范化解重大风险",
    "加强政府自身建设",
]


def summary(rows: list[tuple[int | None, str]]) -> Document:
    """Task headings ("3深化…", or unnumbered when the number is None), each after or before a ● bullet."""
    lines: list[tuple[str, str, str]] = []
    for number, title in rows:
        if number is None:  # an unnumbered heading closes a run of bullets
            lines += [(LIST_ITEM, "●", f"●{title}的工作要抓紧推进"), (HEADING, "", title)]
        else:
            lines += [(HEADING, "", f"{number}{title}"), (LIST_ITEM, "●", f"●{title}要落实到位")]
    blocks, start = [], 0
    for seq, (kind, label, text) in enumerate(lines):
        blocks.append(Block(f"b{seq:04d}", kind, 1 if label else 0, text, "zh", start, start + len(text), label))
        start += len(text) + 1
    return Document("\n".join(line[2] for line in lines), tuple(blocks))


def numbered(*numbers: int) -> list[tuple[int | None, str]]:
    return [(n, TASK_TITLES[n - 1]) for n in numbers]


def task_numbers(document: Document) -> list[tuple[int, str]]:
    return [(t.number, t.title) for t in extract_tasks(document)]


def test_an_unnumbered_heading_between_two_and_four_is_task_three():
    document = summary([*numbered(1, 2), (None, TASK_TITLES[2]), *numbered(4, 5)])
    assert task_numbers(document) == [(n, TASK_TITLES[n - 1]) for n in range(1, 6)]


def test_the_one_unnumbered_heading_after_the_last_gets_the_one_number_missing():
    document = summary([*numbered(*range(1, 10)), (None, TASK_TITLES[9])])
    assert task_numbers(document)[-1] == (10, TASK_TITLES[9])


def test_two_unnumbered_headings_after_the_last_get_no_number_even_with_one_missing():
    document = summary([*numbered(*range(1, 10)), (None, TASK_TITLES[9]), (None, "另一项收尾工作")])
    assert [n for n, _ in task_numbers(document)] == list(range(1, 10))


def test_an_unnumbered_heading_after_the_last_gets_no_number_when_two_are_missing():
    document = summary([*numbered(*range(1, 9)), (None, TASK_TITLES[8])])
    assert [n for n, _ in task_numbers(document)] == list(range(1, 9))


# --- anchoring -----------------------------------------------------------------------------------


def test_the_occurrence_whose_preceding_characters_agree_most_wins():
    # The note was made on 发展 after 高质量. Of three 发展 now, the one after 数量 agrees on the one
    # character right before it (量); the one after 高质化 agrees only further back, which does not count.
    text = "其他发展，高质化发展，数量发展。"
    selector = Selector(start=40, end=42, quote="发展", prefix="高质量", suffix="")
    found = anchor(text, selector)
    assert (found.start, found.end, found.method) == (13, 15, CONTEXT)


def test_a_threshold_of_one_is_allowed_and_above_one_is_refused():
    text = "大力推进现代化产业体系建设。"
    selector = Selector(start=0, end=2, quote="大力", prefix="", suffix="推进")
    assert anchor(text, selector, threshold=1.0).start == 0
    assert anchor_all(text, [selector], threshold=1.0)[0].start == 0
    with pytest.raises(ValueError, match="threshold must be in"):
        anchor(text, selector, threshold=1.01)
    with pytest.raises(ValueError, match="threshold must be in"):
        anchor(text, selector, threshold=0.0)
