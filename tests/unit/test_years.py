"""The main targets across years: rows by indicator, columns by year, each change marked.

The 2022 and 2023 reports in tests/fixtures/years are short excerpts written for these tests
around each year's targets sentence as published: the 2022 and 2023 Government Work Reports
(政府工作报告), section 二, 今年发展主要预期目标是：… (2022 as in seeds/gwr_2022_zh-hans.txt;
2023 as delivered on 5 March 2023). 2024 is seed 001 (Traditional), 2025 seed 002 (the summary).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.convert import convert_text
from reader.core.extracted import Target
from reader.core.ingest import ingest_file, ingest_text
from reader.core.years import (
    DROPPED,
    LOWERED,
    NEW,
    RAISED,
    REWORDED,
    SAME,
    YearDocument,
    build_table,
    compare,
    figure,
)
from reader.ops.years import years_table
from reader.store.library import Library
from tests.support import SEEDS, seed_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "years"

# indicator key → {year: (figure as the cell shows it, change)}; None: no cell that year.
EXPECTED: dict[str, dict[int, tuple[str, str | None] | None]] = {
    "gdp_growth": {2022: ("5.5%左右", None), 2023: ("5%左右", LOWERED), 2024: ("5%左右", SAME), 2025: ("5%左右", SAME)},
    "urban_new_jobs": {
        2022: ("1100万人以上", None),
        2023: ("1200万人左右", RAISED),
        2024: ("1200萬人以上", REWORDED),
        2025: ("1200万人以上", SAME),
    },
    "urban_unemployment": {2022: ("5.5%以内", None), 2023: ("5.5%左右", REWORDED), 2024: ("5.5%左右", SAME), 2025: ("5.5%左右", SAME)},
    "cpi": {2022: ("3%左右", None), 2023: ("3%左右", SAME), 2024: ("3%左右", SAME), 2025: ("2%左右", LOWERED)},
    "income_growth": {
        2022: ("居民收入增长与经济增长基本同步", None),
        2023: ("居民收入增长和经济增长基本同步", REWORDED),
        2024: ("居民收入增長和經濟增長同步", REWORDED),
        2025: ("居民收入增长和经济增长同步", SAME),
    },
    "trade": {2022: ("进出口保稳提质", None), 2023: ("进出口促稳提质", REWORDED), 2024: ("", DROPPED), 2025: None},
    "balance_of_payments": {
        2022: ("国际收支基本平衡", None),
        2023: ("国际收支基本平衡", SAME),
        2024: ("國際收支保持基本平衡", REWORDED),
        2025: ("国际收支保持基本平衡", SAME),
    },
    # 粮食产量保持在… (2022, 2023) and 糧食產量… (2024): one row, the same target.
    "grain_output": {
        2022: ("1.3万亿斤以上", None),
        2023: ("1.3万亿斤以上", SAME),
        2024: ("1.3萬億斤以上", SAME),
        2025: ("1.4万亿斤左右", RAISED),
    },
    "ecology": {
        2022: ("生态环境质量持续改善", None),
        2023: ("生态环境质量稳定改善", REWORDED),
        2024: ("生態環境質量持續改善", REWORDED),
        2025: ("生态环境质量持续改善", SAME),
    },
    # 2023 names pollutants inside the energy piece (单位国内生产总值能耗和主要污染物排放量…): extraction reads it as energy.
    "pollutant_emissions": {2022: ("主要污染物排放量继续下降", None), 2023: ("", DROPPED), 2024: None, 2025: None},
    "energy_intensity": {
        2022: ("能耗强度目标在“十四五”规划期内统筹考核，并留有适当弹性，新增可再生能源和原料用能不纳入能源消费总量控制", None),
        2023: ("单位国内生产总值能耗和主要污染物排放量继续下降，重点控制化石能源消费", REWORDED),
        2024: ("2.5%左右", REWORDED),
        2025: ("3%左右", RAISED),
    },
}


def build_library(path: Path, *, traditional_2023: bool = False) -> tuple[Library, dict[int, int]]:
    """Seeds 001 (2024) and 002 (2025) and the 2022 and 2023 fixtures; returns {year: doc id}."""
    library = Library.open(path)
    ids = {}
    for year, source, kind in (
        (2022, FIXTURES / "2022_report.txt", "report"),
        (2023, FIXTURES / "2023_report.txt", "report"),
        (2024, seed_path(1), "report"),
        (2025, seed_path(2), "summary"),
    ):
        doc = ingest_file(source)
        if year == 2023 and traditional_2023:
            doc = ingest_text(convert_text(doc.text, "s2twp").text)
        ids[year], _ = library.add(doc, year=year, kind=kind)
    return library, ids


def cell_summary(table) -> dict[str, dict[int, tuple[str, str | None] | None]]:
    out: dict[str, dict[int, tuple[str, str | None] | None]] = {}
    for row in table.rows:
        out[row.key] = {}
        for year in table.years:
            cell = row.cells.get(year)
            out[row.key][year] = None if cell is None else (figure(cell.target) if cell.target else "", cell.change)
    return out


def test_the_four_years_give_each_rows_values_and_markers(tmp_path):
    library, ids = build_library(tmp_path / "lib.sqlite3")
    with library:
        table = years_table(library)
    assert table.years == (2022, 2023, 2024, 2025)
    assert cell_summary(table) == EXPECTED
    assert not any(cell.conflict for row in table.rows for cell in row.cells.values())


def test_a_cell_says_where_its_target_is(tmp_path):
    library, ids = build_library(tmp_path / "lib.sqlite3")
    with library:
        table = years_table(library)
        text_2024 = library.document(ids[2024]).text
    gdp = next(row for row in table.rows if row.key == "gdp_growth")
    cell = gdp.cells[2024]
    assert cell.doc_id == ids[2024]
    assert cell.target is not None
    assert text_2024[cell.target.start : cell.target.end] == "國內生產總值增長5%左右"
    assert gdp.indicator == "国内生产总值增长"  # as the latest year writes it


def test_2023_in_traditional_script_gives_the_same_table(tmp_path):
    library, _ = build_library(tmp_path / "lib.sqlite3", traditional_2023=True)
    with library:
        table = years_table(library)
    as_written = cell_summary(table)
    folded = {
        key: {y: (v if v is None else (convert_text(v[0], "t2s").text, v[1])) for y, v in row.items()} for key, row in as_written.items()
    }
    expected = {
        key: {y: (v if v is None else (convert_text(v[0], "t2s").text, v[1])) for y, v in row.items()} for key, row in EXPECTED.items()
    }
    assert folded == expected
    assert as_written["gdp_growth"][2023] == ("5%左右", LOWERED)
    assert as_written["income_growth"][2023] == ("居民收入增長和經濟增長基本同步", REWORDED)


def test_a_report_and_a_summary_that_agree_make_one_cell(tmp_path):
    library, ids = build_library(tmp_path / "lib.sqlite3")
    with library:
        full, _ = library.add(ingest_file(SEEDS / "gwr_2024_zh-hans.txt"), year=2024, kind="report")
        table = years_table(library)
    assert table.years == (2022, 2023, 2024, 2025)
    assert cell_summary(table) == EXPECTED
    gdp = next(row for row in table.rows if row.key == "gdp_growth").cells[2024]
    assert not gdp.conflict and gdp.doc_id == min(ids[2024], full)


def test_two_documents_of_one_year_that_differ_show_both(tmp_path):
    library, ids = build_library(tmp_path / "lib.sqlite3")
    report = (
        (FIXTURES / "2023_report.txt").read_text(encoding="utf-8").replace("2023年", "2025年").replace("5%左右；城镇", "4.5%左右；城镇")
    )
    with library:
        other, _ = library.add(ingest_text(report), year=2025, kind="report")
        table = years_table(library)
    gdp = next(row for row in table.rows if row.key == "gdp_growth").cells[2025]
    assert gdp.conflict
    assert [(s.doc_id, figure(s.target)) for s in gdp.stated] == [(other, "4.5%左右"), (ids[2025], "5%左右")]
    data = table.to_json()
    cell = next(r for r in data["rows"] if r["key"] == "gdp_growth")["cells"]["2025"]  # type: ignore[index]
    assert [(c["doc"], c["value"]) for c in cell["conflict"]] == [(other, 4.5), (ids[2025], 5.0)]


def test_commentaries_and_stray_figures_make_no_column(tmp_path):
    library, _ = build_library(tmp_path / "lib.sqlite3")
    targets_2023 = (FIXTURES / "2023_report.txt").read_text(encoding="utf-8")
    with library:
        # A commentary quoting a whole targets sentence, and a report excerpt with one target.
        library.add(ingest_text("评论：" + targets_2023.replace("2023年", "2021年")), year=2021, kind="commentary")
        library.add(ingest_file(seed_path(0)), year=2024, kind="commentary")
        library.add(
            ingest_text("2020年政府工作报告（节选）\n\n今年发展主要预期目标是：国内生产总值增长6%左右。\n"), year=2020, kind="report"
        )
        table = years_table(library)
    assert table.years == (2022, 2023, 2024, 2025)


def _target(
    key: str, value: float | None, unit: str = "%", qualifier: str = "左右", *, value_max: float | None = None, text: str = ""
) -> Target:
    return Target(key, key, value, value_max, unit, qualifier, "", text or f"{key}{value}{unit}{qualifier}", 0, 1)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (_target("g", 6, value_max=6.5), _target("g", 6), LOWERED),  # midpoint 6.25 → 6
        (_target("g", 6, value_max=6.5), _target("g", 6.25), REWORDED),  # same midpoint, range → point
        (_target("g", 6, value_max=6.5), _target("g", 6, value_max=6.5), SAME),
        (_target("g", 5.5, qualifier="以内"), _target("g", 5.5), REWORDED),
        (_target("g", 5), _target("g", 5, unit="万人"), REWORDED),
        (_target("g", None, "", "", text="同步"), _target("g", 5), REWORDED),
        (_target("g", None, "", "", text="基本平衡"), _target("g", None, "", "", text="基本平衡"), SAME),
    ],
)
def test_ranges_qualifiers_and_words_compare(before, after, change):
    assert compare(before, after) == change


def test_a_row_that_comes_back_is_measured_against_its_last_year():
    docs = [
        YearDocument(1, 2020, "report", "", (_target("a", 1), _target("b", 1), _target("c", 1))),
        YearDocument(2, 2021, "report", "", (_target("a", 1), _target("b", 1), _target("d", 1))),
        YearDocument(3, 2022, "report", "", (_target("a", 2), _target("b", 1), _target("c", 3))),
    ]
    table = build_table(docs)
    changes = {row.key: {y: c.change for y, c in row.cells.items()} for row in table.rows}
    assert changes == {
        "a": {2020: None, 2021: SAME, 2022: RAISED},
        "b": {2020: None, 2021: SAME, 2022: SAME},
        "c": {2020: None, 2021: DROPPED, 2022: RAISED},
        "d": {2021: NEW, 2022: DROPPED},
    }
    assert [row.key for row in table.rows] == ["a", "b", "d", "c"]  # d after b, where it first came
