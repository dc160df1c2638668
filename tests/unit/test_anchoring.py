"""Annotations find their passage again after the report's text changes, or say they cannot."""

from __future__ import annotations

import pytest

from reader.core.anchoring import (
    ANCHORED,
    ORPHANED,
    PREFIX_LEN,
    SUFFIX_LEN,
    Selector,
    anchor,
    anchor_all,
    describe,
    find_occurrence,
)

ASTRAL = "\U00020bb7"  # 𠮷, one code point outside the BMP

REVIEW = (
    "2023年是全面贯彻党的二十大精神的开局之年。经济总体回升向好，国内生产总值超过126万亿元，"
    "增长5.2%，增速居世界主要经济体前列。城镇新增就业1244万人，城镇调查失业率平均为5.2%。\n"
)
TARGETS = (
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，"
    "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；"
    "国际收支保持基本平衡；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右，"
    "生态环境质量持续改善。\n"
)
REASONS = (
    "提出上述预期目标，综合考虑了国内外形势和各方面因素，兼顾了需要和可能。"
    "经济增长预期目标为5%左右，考虑了促进就业增收、防范化解风险等需要，并与"
    "“十四五”规划和基本实现现代化的目标相衔接，也考虑了经济增长潜力和支撑条件，"
    "体现了积极进取、奋发有为的要求。\n"
)
REPORT = REVIEW + TARGETS + REASONS
TARGET_QUOTE = "国内生产总值增长5%左右；城镇新增就业1200万人以上"

TRADITIONAL = (
    "今年發展主要預期目標是：國內生產總值增長5%左右；城鎮新增就業1200萬人以上，"
    "城鎮調查失業率5.5%左右；居民消費價格漲幅3%左右；居民收入增長和經濟增長同步。\n"
)


def select(text: str, quote: str, occurrence: int = 1) -> Selector:
    """What the reader stores when the user highlights the nth occurrence of quote."""
    return describe(text, *find_occurrence(text, quote, occurrence))


def landed(text: str, result) -> str:
    return text[result.start : result.end]


# --- describe and find_occurrence -------------------------------------------------------------


def test_a_selector_keeps_the_quote_and_32_characters_of_context_each_side():
    start, end = find_occurrence(REPORT, TARGET_QUOTE)
    selector = describe(REPORT, start, end)
    assert selector.quote == TARGET_QUOTE
    assert len(selector.prefix) == PREFIX_LEN and selector.prefix.endswith("主要预期目标是：")
    assert len(selector.suffix) == SUFFIX_LEN and selector.suffix.startswith("，城镇调查失业率5.5%左右")


def test_a_selection_at_the_very_start_has_no_prefix():
    selector = describe(REPORT, 0, 5)
    assert selector.quote == "2023年"
    assert selector.prefix == ""
    assert selector.suffix == REPORT[5 : 5 + SUFFIX_LEN]


def test_a_selection_at_the_very_end_has_no_suffix():
    selector = describe(REPORT, len(REPORT) - 7, len(REPORT))
    assert selector.quote == "有为的要求。\n"
    assert selector.suffix == ""
    assert selector.prefix == REPORT[len(REPORT) - 7 - PREFIX_LEN : len(REPORT) - 7]


def test_context_is_cut_short_by_the_ends_of_a_short_text():
    selector = describe("增长5%左右", 2, 4)
    assert (selector.prefix, selector.quote, selector.suffix) == ("增长", "5%", "左右")


@pytest.mark.parametrize("span", [(3, 3), (5, 2), (-1, 2), (0, len(REPORT) + 1)])
def test_an_empty_or_out_of_range_selection_is_refused(span):
    with pytest.raises(ValueError):
        describe(REPORT, *span)


def test_the_second_occurrence_of_a_quote():
    first = find_occurrence(REPORT, "5%左右")
    second = find_occurrence(REPORT, "5%左右", 2)
    assert REPORT[slice(*second)] == "5%左右"
    assert first < second
    assert REPORT[second[0] - 9 : second[0]] == "城镇调查失业率5."  # inside 5.5%左右


def test_a_missing_quote_says_it_does_not_occur():
    with pytest.raises(ValueError, match="does not occur"):
        find_occurrence(REPORT, "新质生产力")


def test_asking_for_one_occurrence_too_many_says_how_many_there_are():
    assert find_occurrence(REPORT, "城镇新增就业", 2)
    with pytest.raises(ValueError, match="occurs 2 times"):
        find_occurrence(REPORT, "城镇新增就业", 3)


def test_occurrences_are_counted_as_find_next_counts_them():
    assert find_occurrence("哈哈哈哈", "哈哈", 2) == (2, 4)


# --- anchoring exactly ------------------------------------------------------------------------


def test_an_unchanged_text_anchors_at_the_same_position():
    selector = select(REPORT, TARGET_QUOTE)
    result = anchor(REPORT, selector)
    assert (result.start, result.end) == (selector.start, selector.end)
    assert (result.status, result.method, result.score) == (ANCHORED, "position", 1.0)


def test_text_inserted_before_the_quote_shifts_the_highlight_with_it():
    selector = select(REPORT, TARGET_QUOTE)
    inserted = "（以下为大会通过的修改稿）\n"
    changed = inserted + REPORT
    result = anchor(changed, selector)
    assert result.status == ANCHORED and result.method == "context"
    assert result.start == selector.start + len(inserted)
    assert landed(changed, result) == TARGET_QUOTE


def test_text_deleted_before_the_quote_pulls_the_highlight_back():
    selector = select(REPORT, TARGET_QUOTE)
    changed = TARGETS + REASONS  # the review paragraph was cut
    result = anchor(changed, selector)
    assert result.status == ANCHORED and result.method == "context"
    assert result.start == selector.start - len(REVIEW)
    assert landed(changed, result) == TARGET_QUOTE


def test_context_picks_the_right_repeat_even_when_another_is_nearer_the_old_position():
    # The user highlighted 5%左右 in the reasons paragraph (经济增长预期目标为5%左右).
    selector = select(REPORT, "5%左右", 4)
    assert selector.prefix.endswith("经济增长预期目标为")
    # A sentence quoting 5%左右 again is inserted just before it.
    inserted = "会议强调，5%左右的目标并非易事。"
    at = REPORT.index("经济增长预期目标为")
    changed = REPORT[:at] + inserted + REPORT[at:]
    assert changed[selector.start : selector.end] != "5%左右"
    decoy = changed.index("5%左右的目标")
    result = anchor(changed, selector)
    assert abs(decoy - selector.start) < abs(result.start - selector.start)
    assert result.method == "context"
    assert changed[result.start - 9 : result.end] == "经济增长预期目标为5%左右"


def test_chinese_traditional_text_anchors_by_context_after_an_insertion():
    selector = select(TRADITIONAL, "國內生產總值增長5%左右")
    changed = f"《政府工作報告》（{ASTRAL}記者整理）\n" + TRADITIONAL
    result = anchor(changed, selector)
    assert result.method == "context"
    assert landed(changed, result) == "國內生產總值增長5%左右"
    assert result.start == selector.start + len(f"《政府工作報告》（{ASTRAL}記者整理）\n")


def test_a_one_character_quote_that_moved_is_found_by_its_context():
    text = "坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。"
    selector = select(text, "稳")
    changed = "我们要" + text
    assert changed[selector.start] != "稳"
    result = anchor(changed, selector)
    assert (result.status, result.method) == (ANCHORED, "context")
    assert (result.start, result.end) == (selector.start + 3, selector.end + 3)


def test_a_one_character_quote_that_is_gone_is_orphaned():
    text = "坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。"
    selector = select(text, "稳")
    changed = text.replace("稳", "")
    result = anchor(changed, selector)
    assert (result.status, result.method, result.score) == (ORPHANED, "orphaned", 0.0)


def test_a_three_character_quote_never_matches_fuzzily():
    selector = select(REPORT, "126")
    changed = REPORT.replace("126万亿元", "127万亿元")
    assert anchor(changed, selector).status == ORPHANED


# --- anchoring approximately ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edited", "what"),
    [
        ("国内生产总值增长5%左右；城乡新增就业1250万人以上", "a word and a figure changed"),
        ("国内生产总值增长5.0%左右；城镇新增就业1200万人以上", "characters inserted"),
        ("国内生产总值增长5%左右；城镇新增就业1200万人", "characters deleted"),
    ],
)
def test_an_edit_inside_the_quote_is_found_fuzzily_and_covered(edited, what):
    selector = select(REPORT, TARGET_QUOTE)
    changed = REPORT.replace(TARGET_QUOTE, edited)
    result = anchor(changed, selector)
    assert (result.status, result.method) == (ANCHORED, "fuzzy"), what
    assert landed(changed, result) == edited, what
    assert 0.75 <= result.score < 1.0


def test_an_edited_quote_far_from_its_old_place_is_found_by_its_context():
    selector = select(REPORT, TARGET_QUOTE)
    edited = "国内生产总值增长5%左右；城镇新增就业1100万人以上"
    changed = "会议听取了国务院总理所作的政府工作报告。" * 40 + "\n" + REPORT.replace(TARGET_QUOTE, edited)
    result = anchor(changed, selector)
    assert result.method == "fuzzy"
    assert landed(changed, result) == edited


def test_an_edited_quote_moved_elsewhere_with_new_surroundings_is_found_in_the_whole_text():
    selector = select(REPORT, TARGET_QUOTE)
    edited = "国内生产总值增长5%左右，城镇新增就业1200万人以上"
    filler = "深入实施科教兴国战略，加快建设高质量教育体系。" * 40
    changed = REPORT.replace(TARGET_QUOTE, "") + filler + "回顾目标：" + edited + "。\n"
    result = anchor(changed, selector)
    assert result.method == "fuzzy"
    assert landed(changed, result) == edited
    assert result.score == pytest.approx(1 - 1 / len(TARGET_QUOTE))


def test_an_edited_traditional_quote_is_found_fuzzily():
    selector = select(TRADITIONAL, "國內生產總值增長5%左右；城鎮新增就業1200萬人以上")
    edited = "國內生產總值增長5%左右；城鎮新增就業1250萬人以上"
    changed = TRADITIONAL.replace(selector.quote, edited)
    result = anchor(changed, selector)
    assert result.method == "fuzzy"
    assert landed(changed, result) == edited


def test_a_rewritten_passage_below_the_threshold_is_orphaned_unless_the_threshold_is_lowered():
    selector = select(REPORT, "城镇新增就业1200万人以上")
    changed = REPORT.replace("城镇新增就业1200万人以上", "新增城镇岗位1200万个以上")
    assert anchor(changed, selector).status == ORPHANED
    lenient = anchor(changed, selector, threshold=0.5)
    assert lenient.method == "fuzzy"
    assert "1200万" in landed(changed, lenient)


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5])
def test_a_threshold_outside_zero_to_one_is_refused(threshold):
    with pytest.raises(ValueError):
        anchor(REPORT, select(REPORT, TARGET_QUOTE), threshold=threshold)


# --- orphans ----------------------------------------------------------------------------------


def test_a_quote_that_is_gone_entirely_is_orphaned_not_dropped():
    selector = select(REPORT, TARGET_QUOTE)
    changed = REVIEW + REASONS  # the targets paragraph was removed
    result = anchor(changed, selector)
    assert (result.status, result.method, result.score) == (ORPHANED, "orphaned", 0.0)
    assert (result.start, result.end) == (selector.start, selector.end)


def test_an_orphan_keeps_its_old_span_clamped_to_a_shorter_text():
    selector = select(REPORT, "体现了积极进取、奋发有为的要求")
    changed = REVIEW
    result = anchor(changed, selector)
    assert result.status == ORPHANED
    assert result.start == result.end == len(changed)


# --- a whole document at once -----------------------------------------------------------------


def test_anchor_all_reanchors_every_annotation_in_order():
    selectors = [
        select(REPORT, TARGET_QUOTE),
        select(REPORT, "5%左右", 4),
        select(REPORT, "126万亿元"),
        select(REPORT, "“十四五”规划"),
    ]
    changed = "导语。\n" + REPORT.replace("126万亿元", "").replace("城镇新增就业1200万人以上", "城镇新增就业1250万人以上")
    results = anchor_all(changed, selectors)
    assert [r.method for r in results] == ["fuzzy", "context", "orphaned", "context"]
    assert results == [anchor(changed, s) for s in selectors]
    assert landed(changed, results[3]) == "“十四五”规划"
    assert changed[results[1].start - 9 : results[1].end] == "经济增长预期目标为5%左右"
