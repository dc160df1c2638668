"""The year's main targets: read from the seeds and from other years' wording, in both scripts."""

from __future__ import annotations

import pytest

from reader.core.convert import convert_text
from reader.core.ingest import ingest_file, ingest_text
from reader.core.targets import extract_targets
from tests.support import pdf_wrapped, seed_path


def by_key(document) -> dict:
    return {t.key: t for t in extract_targets(document)}


def summary(target) -> tuple:
    return (target.value, target.value_max, target.unit, target.qualifier)


def as_written_in(config: str | None, text: str) -> str:
    """The text in the script of `config` (None: Simplified, as given)."""
    return text if config is None else convert_text(text, config).text


def test_seed_001_has_the_2024_targets_with_values_and_qualifiers():
    document = ingest_file(seed_path(1))
    targets = by_key(document)
    assert list(targets) == [
        "gdp_growth",
        "urban_new_jobs",
        "urban_unemployment",
        "cpi",
        "income_growth",
        "balance_of_payments",
        "grain_output",
        "energy_intensity",
        "ecology",
    ]
    assert summary(targets["gdp_growth"]) == (5, None, "%", "左右")
    assert summary(targets["urban_new_jobs"]) == (1200, None, "萬人", "以上")
    assert summary(targets["urban_unemployment"]) == (5.5, None, "%", "左右")
    assert summary(targets["cpi"]) == (3, None, "%", "左右")
    assert summary(targets["grain_output"]) == (1.3, None, "萬億斤", "以上")
    assert summary(targets["energy_intensity"]) == (2.5, None, "%", "左右")
    assert targets["energy_intensity"].direction == "降低"
    for qualitative in ("income_growth", "balance_of_payments", "ecology"):
        assert targets[qualitative].value is None
    assert targets["income_growth"].text == "居民收入增長和經濟增長同步"
    assert targets["gdp_growth"].indicator == "國內生產總值增長"


def test_target_offsets_point_at_the_words_as_written():
    document = ingest_file(seed_path(1))
    for target in extract_targets(document):
        assert document.text[target.start : target.end] == target.text
        assert target.indicator in target.text


def test_seed_002_has_the_2025_targets_from_its_infographic_heading():
    targets = by_key(ingest_file(seed_path(2)))
    assert summary(targets["cpi"]) == (2, None, "%", "左右")
    assert summary(targets["grain_output"]) == (1.4, None, "万亿斤", "左右")
    assert summary(targets["energy_intensity"]) == (3, None, "%", "左右")
    assert summary(targets["gdp_growth"]) == (5, None, "%", "左右")
    assert {"income_growth", "balance_of_payments", "ecology", "urban_new_jobs"} <= set(targets)
    # The 2024 outcome that follows (城镇新增就业1256万人) is not a target.
    assert targets["urban_new_jobs"].value == 1200


@pytest.mark.parametrize("seed", [0, 3, 4])
def test_commentary_and_tasks_give_no_targets(seed):
    """Seed 000 quotes 5%左右 and tabulates three years' targets, but states none of its own."""
    assert extract_targets(ingest_file(seed_path(seed))) == []


REPORT_2016 = (
    "今年经济社会发展的主要预期目标是：国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右，"
    "城镇新增就业1000万人以上，城镇登记失业率4.5%以内，进出口回稳向好，国际收支基本平衡，"
    "居民收入增长和经济增长基本同步。单位国内生产总值能耗下降3.4%以上，主要污染物排放量继续减少。"
)
REPORT_2019 = (
    "今年发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，"
    "城镇调查失业率5.5%左右，城镇登记失业率4.5%以内；居民消费价格涨幅3%左右；"
    "国际收支基本平衡，进出口稳中提质；宏观杠杆率基本稳定，金融财政风险有效防控；"
    "农村贫困人口减少1000万以上，基本完成搬迁建设任务；生态环境进一步改善，"
    "单位国内生产总值能耗下降3%左右，主要污染物排放量继续下降。"
)
REPORT_2023 = (
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右，"
    "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长与经济增长基本同步；"
    "进出口促稳提质，国际收支基本平衡；粮食产量保持在1.3万亿斤以上。"
)
REPORT_2022_UNEMPLOYMENT = "今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上，城镇调查失业率全年控制在5.5%以内。"


def test_a_range_has_a_value_and_a_value_max():
    targets = by_key(ingest_text(REPORT_2019))
    assert summary(targets["gdp_growth"]) == (6, 6.5, "%", "")
    assert summary(targets["urban_new_jobs"]) == (1100, None, "万人", "以上")
    assert summary(targets["registered_unemployment"]) == (4.5, None, "%", "以内")
    assert targets["energy_intensity"].direction == "下降"
    assert targets["energy_intensity"].value == 3
    assert {"macro_leverage", "poverty_reduction", "ecology", "pollutant_emissions"} <= set(targets)


def test_a_second_sentence_made_only_of_targets_joins_the_list():
    """2016 put energy intensity and emissions in a sentence of their own."""
    targets = by_key(ingest_text(REPORT_2016))
    assert summary(targets["gdp_growth"]) == (6.5, 7, "%", "")
    assert summary(targets["energy_intensity"]) == (3.4, None, "%", "以上")
    assert "pollutant_emissions" in targets
    assert targets["trade"].value is None


def test_jobs_around_and_unemployment_held_within():
    assert summary(by_key(ingest_text(REPORT_2023))["urban_new_jobs"]) == (1200, None, "万人", "左右")
    assert by_key(ingest_text(REPORT_2023))["grain_output"].value == 1.3
    unemployment = by_key(ingest_text(REPORT_2022_UNEMPLOYMENT))["urban_unemployment"]
    assert summary(unemployment) == (5.5, None, "%", "以内")
    assert unemployment.direction == "控制"


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk", "s2twp"])
def test_traditional_wording_gives_the_same_targets(config):
    simplified = by_key(ingest_text(REPORT_2019))
    traditional_text = convert_text(REPORT_2019, config).text
    document = ingest_text(traditional_text)
    traditional = by_key(document)
    assert list(traditional) == list(simplified)
    for key, target in traditional.items():
        assert summary(target)[:2] == summary(simplified[key])[:2]
        assert document.text[target.start : target.end] == target.text
        assert target.text == convert_text(simplified[key].text, config).text


# Widths that cut inside what a target is read from: 120|0, 5%|左右, 万人左|右, 1.3|万, 5.5|%, 1200|万人, 1.3万|亿斤.
CUTS = {17: "120\n\n0", 19: "万人左\n\n右", 22: "1.3\n\n万", 25: "5.5\n\n%", 35: "1200\n\n万人", 37: "1.3万\n\n亿"}


@pytest.mark.parametrize("config", [None, "s2hk"])
@pytest.mark.parametrize("width", sorted(CUTS))
def test_pdf_wrapped_targets_sentence(width, config):
    """Lines of equal width cut mid-number or mid-qualifier, a blank line after each."""
    text = pdf_wrapped("二、2023年经济社会发展总体要求和政策取向", "各位代表！", REPORT_2023, width=width)
    assert CUTS[width] in text  # the cut this case is about
    targets = by_key(ingest_text(as_written_in(config, text)))
    assert summary(targets["gdp_growth"])[:2] == (5, None)
    assert summary(targets["urban_new_jobs"])[:2] == (1200, None)
    assert targets["urban_new_jobs"].qualifier == "左右"
    assert summary(targets["urban_unemployment"])[:2] == (5.5, None)
    assert summary(targets["grain_output"])[:2] == (1.3, None)
    assert targets["grain_output"].qualifier == "以上"


def test_thousands_separators_are_one_number():
    targets = by_key(ingest_text("今年主要预期目标是：城镇新增就业1,200万人以上，国内生产总值增长5%左右。"))
    assert targets["urban_new_jobs"].value == 1200
    assert targets["gdp_growth"].value == 5


def test_a_quoted_growth_target_outside_a_targets_sentence_is_not_a_target():
    text = "李强总理将2024年内地GDP增长目标设定为5%左右，符合市场预期。经济增长预期目标为5%左右。"
    assert extract_targets(ingest_text(text)) == []


@pytest.mark.parametrize("qualifier", ["左右", "以上", "以内", "以下", "上下"])
@pytest.mark.parametrize("config", [None, "s2hk"])
def test_every_qualifier_form_is_kept_with_its_target(qualifier, config):
    """5.5%以下 is a ceiling, 5.5%以上 a floor: a reader comparing years needs the word, in either script."""
    text = (
        f"今年发展主要预期目标是：国内生产总值增长5%{qualifier}；城镇调查失业率5.5%{qualifier}；"
        f"居民消费价格涨幅3%{qualifier}；粮食产量1.3万亿斤{qualifier}。"
    )
    written = as_written_in(config, qualifier)  # 以内 is 以內 in Traditional
    targets = by_key(ingest_text(as_written_in(config, text)))
    assert [(key, t.value, t.qualifier) for key, t in targets.items()] == [
        ("gdp_growth", 5, written),
        ("urban_unemployment", 5.5, written),
        ("cpi", 3, written),
        ("grain_output", 1.3, written),
    ]
    for target in targets.values():
        assert target.text.endswith(written)


def test_a_target_without_a_qualifier_has_none():
    targets = by_key(ingest_text("今年发展主要预期目标是：国内生产总值增长5%；城镇调查失业率5.5%以下。"))
    assert (targets["gdp_growth"].qualifier, targets["urban_unemployment"].qualifier) == ("", "以下")
