"""Targets of two years side by side (reader.core.compare.targets_diff), as the targets table shows them."""

from __future__ import annotations

import pytest

from reader.core.compare import compare
from reader.core.compare.model import ADDED, CHANGED, LOWERED, RAISED, REMOVED, REWORDED, SAME
from reader.core.compare.targets_diff import diff_targets
from reader.core.extracted import Target
from reader.core.ingest import ingest_file
from tests.support import seed_path


@pytest.fixture(scope="module")
def table():
    """Seed 001 (2024 report, Traditional) against seed 002 (2025 summary, Simplified)."""
    comparison = compare(ingest_file(seed_path(1)), ingest_file(seed_path(2)))
    return {t.key: t for t in comparison.targets}


def test_cpi_target_3_to_2_percent_is_lowered(table):
    cpi = table["cpi"]
    assert (cpi.a.value, cpi.b.value) == (3, 2)
    assert (cpi.change, cpi.direction) == (CHANGED, LOWERED)


def test_gdp_target_of_5_percent_in_both_years_is_the_same_across_scripts(table):
    gdp = table["gdp_growth"]
    assert gdp.a.text == "國內生產總值增長5%左右" and gdp.b.text == "国内生产总值增长5%左右"
    assert (gdp.change, gdp.direction) == (SAME, "")


def test_grain_1_3_or_more_to_about_1_4_is_changed_and_raised(table):
    grain = table["grain_output"]
    assert (grain.a.value, grain.a.qualifier, grain.b.value, grain.b.qualifier) == (1.3, "以上", 1.4, "左右")
    assert (grain.change, grain.direction) == (CHANGED, RAISED)


def test_energy_intensity_2_5_to_3_is_changed(table):
    energy = table["energy_intensity"]
    assert (energy.a.value, energy.b.value) == (2.5, 3)
    assert (energy.change, energy.direction) == (CHANGED, RAISED)


def test_unemployment_5_5_is_the_same(table):
    assert table["urban_unemployment"].change == SAME


def test_the_indicator_is_worded_as_b_words_it(table):
    assert table["cpi"].indicator == "居民消费价格涨幅"


def target(key: str, text: str, value: float | None = None, qualifier: str = "", unit: str = "%", value_max: float | None = None) -> Target:
    return Target(key, text, value, value_max, unit if value is not None else "", qualifier, "", text, 0, len(text))


def test_same_figure_with_another_qualifier_is_reworded():
    before = target("grain_output", "粮食产量1.3万亿斤以上", 1.3, "以上", "万亿斤")
    after = target("grain_output", "粮食产量1.3万亿斤左右", 1.3, "左右", "万亿斤")
    (change,) = diff_targets([before], [after])
    assert (change.change, change.direction) == (CHANGED, REWORDED)


def test_a_qualitative_target_reworded():
    before, after = target("income_growth", "居民收入增长与经济增长基本同步"), target("income_growth", "居民收入增长和经济增长同步")
    (change,) = diff_targets([before], [after])
    assert (change.change, change.direction) == (CHANGED, REWORDED)


def test_a_range_lowered_to_a_point_below_it():
    (change,) = diff_targets([target("gdp_growth", "增长6-6.5%", 6, value_max=6.5)], [target("gdp_growth", "增长6%左右", 6, "左右")])
    assert change.direction == LOWERED


def test_targets_only_one_year_has_are_added_or_removed_in_place():
    a = [target("gdp_growth", "增长5%", 5), target("trade", "进出口促稳提质"), target("cpi", "涨幅3%", 3)]
    b = [target("gdp_growth", "增长5%", 5), target("cpi", "涨幅2%", 2), target("macro_leverage", "宏观杠杆率基本稳定")]
    changes = diff_targets(a, b)
    assert [(c.key, c.change, c.direction) for c in changes] == [
        ("gdp_growth", SAME, ""),
        ("trade", REMOVED, ""),
        ("cpi", CHANGED, LOWERED),
        ("macro_leverage", ADDED, ""),
    ]
    assert changes[1].b is None and changes[3].a is None
