"""Every numeric target of every corpus year (reader.core.targets), clean, laid out as a PDF and in Traditional.

The targets sentence changes form over the years (see seeds' corpus README): 2016 gives GDP as a
range (6.5%－7%), 2018 has both 城镇调查失业率 and 城镇登记失业率, 2020 set no GDP target and lists
its targets after 今年要优先稳就业保民生… under the heading 今年发展主要目标. Keys stay the same in
every year: urban_unemployment is 城镇调查失业率, registered_unemployment 城镇登记失业率.
"""

from __future__ import annotations

import re
import time
from functools import cache

import pytest

from reader.core.convert import convert_text
from reader.core.extracted import Target
from reader.core.ingest import ingest_text
from reader.core.model import Document
from reader.core.targets import extract_targets, find_target_spans
from tests.unit.test_tasks_every_year import FORMS, PDF_WIDTH, as_pdf, report_text

# (key, value, value_max, unit, qualifier) of each numeric target, in text order.
NUMERIC = {
    2014: [
        ("gdp_growth", 7.5, None, "%", "左右"),
        ("cpi", 3.5, None, "%", "左右"),
        ("urban_new_jobs", 1000, None, "万人", "以上"),
        ("registered_unemployment", 4.6, None, "%", "以内"),
    ],
    2016: [
        ("gdp_growth", 6.5, 7, "%", ""),
        ("cpi", 3, None, "%", "左右"),
        ("urban_new_jobs", 1000, None, "万人", "以上"),
        ("registered_unemployment", 4.5, None, "%", "以内"),
        ("energy_intensity", 3.4, None, "%", "以上"),
    ],
    2018: [
        ("gdp_growth", 6.5, None, "%", "左右"),
        ("cpi", 3, None, "%", "左右"),
        ("urban_new_jobs", 1100, None, "万人", "以上"),
        ("urban_unemployment", 5.5, None, "%", "以内"),
        ("registered_unemployment", 4.5, None, "%", "以内"),
        ("energy_intensity", 3, None, "%", "以上"),
    ],
    2020: [
        ("urban_new_jobs", 900, None, "万人", "以上"),
        ("urban_unemployment", 6, None, "%", "左右"),
        ("registered_unemployment", 5.5, None, "%", "左右"),
        ("cpi", 3.5, None, "%", "左右"),
    ],
    2022: [
        ("gdp_growth", 5.5, None, "%", "左右"),
        ("urban_new_jobs", 1100, None, "万人", "以上"),
        ("urban_unemployment", 5.5, None, "%", "以内"),
        ("cpi", 3, None, "%", "左右"),
        ("grain_output", 1.3, None, "万亿斤", "以上"),
    ],
    2024: [
        ("gdp_growth", 5, None, "%", "左右"),
        ("urban_new_jobs", 1200, None, "万人", "以上"),
        ("urban_unemployment", 5.5, None, "%", "左右"),
        ("cpi", 3, None, "%", "左右"),
        ("grain_output", 1.3, None, "万亿斤", "以上"),
        ("energy_intensity", 2.5, None, "%", "左右"),
    ],
}

# Targets stated without a number (居民收入增长和经济增长同步, 国际收支基本平衡 …).
QUALITATIVE = {
    2014: {"balance_of_payments", "income_growth"},
    2016: {"trade", "balance_of_payments", "income_growth", "pollutant_emissions"},
    2018: {"income_growth", "trade", "balance_of_payments", "pollutant_emissions", "macro_leverage"},
    2020: {"trade", "balance_of_payments", "income_growth", "poverty_reduction", "financial_risk", "energy_intensity"},
    2022: {"income_growth", "trade", "balance_of_payments", "ecology", "pollutant_emissions", "energy_intensity"},
    2024: {"income_growth", "balance_of_payments", "ecology"},
}

YEARS = sorted(NUMERIC)
# The targets sentence (2020: the sentence under 今年发展主要目标) gets a page number inside it.
TARGETS_SENTENCE = ("主要预期目标是", "今年要优先稳就业保民生")


@cache
def document(year: int, form: str) -> Document:
    text = report_text(year)
    if form == "wrapped":
        return ingest_text(as_pdf(text, inside=TARGETS_SENTENCE))
    if form == "traditional":
        return ingest_text(convert_text(text, "s2t").text)
    return ingest_text(text)


def targets_of(year: int, form: str) -> list[Target]:
    return extract_targets(document(year, form))


def written(form: str, text: str) -> str:
    return convert_text(text, "s2t").text if form == "traditional" else text


@pytest.mark.parametrize("year", YEARS)
def test_the_pdf_layout_puts_a_page_number_inside_the_targets_sentence(year):
    pdf = as_pdf(report_text(year), inside=TARGETS_SENTENCE)
    assert max(len(line) for line in pdf.split("\n")) == PDF_WIDTH
    unwrapped = pdf.replace("\n\n", "")  # the page numbers stay, inline
    page = r"- \d+ -"
    opening = "|".join(f"(?:{page})?".join(map(re.escape, marker)) for marker in TARGETS_SENTENCE)
    sentence = re.search(f"(?:{opening})[^。]*。", unwrapped)
    assert sentence and re.search(page, sentence.group())


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("year", YEARS)
def test_every_numeric_target_with_value_unit_and_qualifier(year, form):
    numeric = [(t.key, t.value, t.value_max, t.unit, t.qualifier) for t in targets_of(year, form) if t.value is not None]
    assert numeric == [(key, value, top, written(form, unit), written(form, q)) for key, value, top, unit, q in NUMERIC[year]]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("year", YEARS)
def test_the_targets_without_a_number(year, form):
    assert {t.key for t in targets_of(year, form) if t.value is None} == QUALITATIVE[year]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("year", YEARS)
def test_target_spans_are_the_words_as_written(year, form):
    doc = document(year, form)
    for target in targets_of(year, form):
        assert doc.text[target.start : target.end] == target.text
        assert target.indicator in target.text


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("year", YEARS)
def test_one_key_for_each_unemployment_rate_in_every_year(year, form):
    for target in targets_of(year, form):
        folded = convert_text(target.indicator, "t2s").text
        if "调查失业率" in folded:
            assert target.key == "urban_unemployment"
        if "登记失业率" in folded:
            assert target.key == "registered_unemployment"
    keys = [t.key for t in targets_of(year, form)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("form", FORMS)
def test_2020_targets_come_from_its_own_sentence_and_have_no_gdp_target(form):
    doc = document(2020, form)
    targets = targets_of(2020, form)
    opening = doc.text.index(written(form, "今年要优先稳就业保民生"))
    sentence_end = doc.text.index("。", opening)
    assert all(opening < t.start and t.end <= sentence_end for t in targets)
    assert "gdp_growth" not in {t.key for t in targets}
    # The year's aim before the first ； (坚决打赢脱贫攻坚战) is no target; the poverty target is.
    poverty = next(t for t in targets if t.key == "poverty_reduction")
    assert poverty.text == written(form, "现行标准下农村贫困人口全部脱贫、贫困县全部摘帽")


def test_2020_sentence_needs_its_heading():
    sentence = "今年要优先稳就业保民生，坚决打赢脱贫攻坚战；城镇新增就业900万人以上，城镇调查失业率6%左右；居民消费价格涨幅3.5%左右。"
    with_heading = "二、今年发展主要目标和下一阶段工作总体部署\n" + sentence + "\n"
    assert [t.key for t in extract_targets(ingest_text(with_heading))] == ["urban_new_jobs", "urban_unemployment", "cpi"]
    assert extract_targets(ingest_text("二、下一阶段工作总体部署\n" + sentence + "\n")) == []


def test_a_sentence_under_the_goals_heading_needs_two_targets_with_a_value():
    text = "二、今年发展主要目标和下一阶段工作总体部署\n今年要坚持稳中求进；进出口促稳提质，国际收支基本平衡；城镇新增就业900万人以上。\n"
    assert extract_targets(ingest_text(text)) == []


def test_a_clause_after_a_semicolon_that_names_no_target_is_left_out():
    """2018: …主要污染物排放量继续下降；供给侧结构性改革取得实质性进展；宏观杠杆率保持基本稳定…"""
    pollutant = next(t for t in targets_of(2018, "clean") if t.key == "pollutant_emissions")
    assert pollutant.text == "主要污染物排放量继续下降"


CUT = (
    "今年发展主要预期目\n\n- 12 -\n\n标是：国内生产总值增长5%左右\n\n；城镇新增就业120\n\n0万人以上，"
    "城镇调查失业率5.5\n\n%左右。\n下一段。\n"
)


def test_a_targets_sentence_cut_by_line_breaks_and_a_page_number_is_read_whole():
    """Extraction does not rely on ingest's rebuild: the cuts are in the text it reads."""
    spans = find_target_spans(CUT)
    assert [(s.key, s.value, CUT[s.unit[0][0] : s.unit[-1][1]].replace("\n", "")) for s in spans] == [
        ("gdp_growth", 5, "%"),
        ("urban_new_jobs", 1200, "万人"),
        ("urban_unemployment", 5.5, "%"),
    ]
    gdp, jobs = spans[0], spans[1]
    assert CUT[gdp.start : gdp.end] == "国内生产总值增长5%左右"  # ends at the line's end, not after the break
    assert CUT[jobs.start : jobs.end] == "城镇新增就业120\n\n0万人以上"
    assert jobs.qualifier is not None and CUT[slice(*jobs.qualifier)] == "以上"


@pytest.mark.parametrize("line", ["今年发展主要目标", "主要预期目标", "今年要；" * 50])
def test_thousands_of_heading_like_lines_stay_fast(line):
    """Each goals heading used to scan the paragraphs after it: 3,000 such lines took ~1 s (now ~20 ms)."""
    started = time.perf_counter()
    find_target_spans("\n".join([line] * 3000))
    assert time.perf_counter() - started < 0.5
