"""Figures: each number with its unit and clause, and whether it reports the past or plans ahead."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.convert import convert_text
from reader.core.extracted import OUTCOME, PLAN
from reader.core.figures import extract_figures
from reader.core.ingest import ingest_file, ingest_text
from tests.support import pdf_wrapped, seed_path


def figure(figures, text: str, nth: int = 0):
    return [f for f in figures if f.text == text][nth]


def test_seed_001_reports_last_years_outcomes_and_this_years_targets():
    document = ingest_file(seed_path(1))
    figures = extract_figures(document)
    gdp = figure(figures, "126萬億元")
    assert (gdp.value, gdp.unit, gdp.clause, gdp.kind) == (126, "萬億元", "國內生產總值超過126萬億元", OUTCOME)
    growth = figure(figures, "5.2%")
    assert (growth.clause, growth.kind) == ("增長5.2%", OUTCOME)
    grain = figure(figures, "1.39萬億斤")
    assert (grain.value, grain.unit, grain.kind) == (1.39, "萬億斤", OUTCOME)
    target = figure(figures, "1.3萬億斤")
    assert (target.kind, target.clause) == (PLAN, "糧食產量1.3萬億斤以上")
    assert figure(figures, "2.5%").kind == PLAN
    for f in figures:
        assert document.text[f.start : f.end] == f.text
        assert document.text[f.clause_start : f.clause_end] == f.clause
        assert f.clause_start <= f.start < f.end <= f.clause_end


def test_seed_000_commentary_quotes_figures():
    figures = extract_figures(ingest_file(seed_path(0)))
    texts = [f.text for f in figures]
    assert {"126萬億元", "5.2%", "5%"} <= set(texts)
    assert figure(figures, "126萬億元").kind == OUTCOME
    deficit = figure(figures, "3%", 1)
    assert "赤字率" in deficit.clause and deficit.kind == PLAN
    bonds = figure(figures, "1萬億元")
    assert bonds.kind == PLAN and "今年" in bonds.clause


def test_years_and_bare_numbers_are_not_figures():
    figures = extract_figures(ingest_text("2024年是实现“十四五”规划目标任务的关键一年，C919大飞机投入商业运营，5G用户普及率超过50%。"))
    assert [f.text for f in figures] == ["50%"]


def test_a_list_of_measured_items_gives_each_its_own_clause():
    text = "经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，高技术制造业、装备制造业增加值分别增长8.9%、7.7%。"
    figures = extract_figures(ingest_text(text))
    assert [(f.text, f.clause) for f in figures] == [
        ("134.9万亿元", "国内生产总值达到134.9万亿元"),
        ("5%", "增长5%"),
        ("8.9%", "高技术制造业、装备制造业增加值分别增长8.9%、7.7%"),
        ("7.7%", "高技术制造业、装备制造业增加值分别增长8.9%、7.7%"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("去年城镇新增就业1244万人。", OUTCOME),
        ("全年新增税费优惠超过2.2万亿元。", OUTCOME),
        ("今年赤字率拟按3%安排。", PLAN),
        ("拟连续几年发行超长期特别国债，今年先发行1万亿元。", PLAN),
        ("中央预算内投资拟安排7000亿元。", PLAN),
        ("比上年增长5.2%，增速居世界主要经济体前列。", OUTCOME),
    ],
)
def test_outcome_or_plan_from_the_words_of_the_sentence(sentence, kind):
    (f,) = extract_figures(ingest_text(sentence))
    assert f.kind == kind


def test_the_section_decides_when_the_sentence_does_not():
    text = pdf_wrapped(
        "2024年政府工作报告",
        "一、2023年工作回顾",
        "经济总体回升向好。粮食产量1.39万亿斤，能源资源供应稳定，重要产业链供应链自主可控能力提升。",
        "二、2024年经济社会发展总体要求和政策取向",
        "财政政策适度加力、提质增效。赤字规模4.06万亿元，统筹财政收入、债券等资金，保持适当支出强度。",
        width=20,
    )
    outcome, plan = extract_figures(ingest_text(text))
    assert (outcome.text, outcome.kind) == ("1.39万亿斤", OUTCOME)
    assert (plan.text, plan.kind) == ("4.06万亿元", PLAN)


def test_chinese_numeral_money_and_thousands_separators():
    figures = extract_figures(ingest_text("今年先发行一万亿元，比去年预算增加1,800亿元，6600多万纳税人受益。"))
    assert [(f.value, f.unit) for f in figures] == [(1, "万亿元"), (1800, "亿元"), (6600, "万")]
    assert figures[2].text == "6600多万"


def test_figures_in_traditional_are_read_the_same_way():
    simplified = "去年国内生产总值超过126万亿元，增长5.2%。今年赤字率拟按3%安排。"
    for config in ("s2t", "s2hk", "s2twp"):
        text = convert_text(simplified, config).text
        document = ingest_text(text)
        figures = extract_figures(document)
        assert [(f.value, f.kind) for f in figures] == [(126, OUTCOME), (5.2, OUTCOME), (3, PLAN)]
        assert all(document.text[f.start : f.end] == f.text for f in figures)


@pytest.mark.parametrize(
    ("mentioned", "kind"),
    [(2022, OUTCOME), (2023, OUTCOME), (2024, PLAN), (2025, PLAN)],
)
def test_a_year_before_the_reports_year_marks_an_outcome_and_its_own_year_or_later_a_plan(mentioned, kind):
    """In the 2024 report, 2023年粮食产量… recounts the past; 2024年粮食产量… sets this year's goal."""
    document = replace(ingest_text(f"{mentioned}年粮食产量1.3万亿斤。"), year=2024)
    (f,) = extract_figures(document)
    assert (f.text, f.kind) == ("1.3万亿斤", kind)


def test_a_year_decides_nothing_when_the_report_has_no_year():
    document = replace(ingest_text("2025年粮食产量1.3万亿斤。"), year=None)
    (f,) = extract_figures(document)
    assert f.kind == OUTCOME  # the default: a report recounts far more than it promises


def test_a_plan_compared_with_last_year_stays_a_plan_and_a_review_compared_with_it_an_outcome():
    plan = ingest_text("今年赤字率拟按4%左右安排，比去年提高1个百分点，赤字规模5.66万亿元、比去年增加1.6万亿元。")
    kinds = {f.text: f.kind for f in extract_figures(replace(plan, year=2025))}
    assert kinds == {"4%": PLAN, "1个百分点": PLAN, "5.66万亿元": PLAN, "1.6万亿元": PLAN}
    review = ingest_text("过去一年，国内生产总值134.9万亿元，比上年增长5%。")
    kinds = {f.text: f.kind for f in extract_figures(replace(review, year=2025))}
    assert kinds == {"134.9万亿元": OUTCOME, "5%": OUTCOME}


def test_figures_in_a_table_row_of_targets_are_plans():
    """Seed 000 ends with a table comparing the 2022–2024 reports: its 預期目標 row holds targets."""
    document = ingest_file(seed_path(0))
    rows = [b for b in document.blocks if b.kind == "table_row" and b.text.startswith("預期目標")]
    assert len(rows) == 1
    (row,) = rows
    in_row = [f for f in extract_figures(document) if row.start <= f.start < row.end]
    assert len(in_row) >= 9
    assert {f.kind for f in in_row} == {PLAN}
