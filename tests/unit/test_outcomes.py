"""Targets against outcomes: each review's figures for the year before, matched to that year's
targets, with a verdict. Fixtures: tests/fixtures/outcomes (README there says where each figure
comes from); the sample library: the corpus reports (2014–2024, even years) and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.convert import convert_text
from reader.core.extracted import Target
from reader.core.ingest import ingest_text
from reader.core.outcomes import (
    ABOVE,
    BELOW,
    MET,
    MISSED,
    UNCLEAR,
    WITHIN,
    Outcome,
    OutcomeRow,
    extract_outcomes,
    verdict,
)
from reader.ops.outcomes import outcome_rows
from reader.store.library import Library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "outcomes"
CORPUS = Path(__file__).resolve().parents[2] / "seeds"

# (year, key) → (outcome value, verdict) for the fixture pairs.
EXPECTED = {
    (2011, "gdp_growth"): (9.2, ABOVE),
    (2011, "cpi"): (5.4, ABOVE),
    (2011, "urban_new_jobs"): (1221, MET),
    (2011, "registered_unemployment"): (4.1, MET),
    (2014, "gdp_growth"): (7.4, WITHIN),
    (2014, "cpi"): (2, BELOW),
    (2014, "urban_new_jobs"): (1322, MET),
    (2014, "energy_intensity"): (4.8, MET),
    (2022, "gdp_growth"): (3, BELOW),
    (2022, "urban_new_jobs"): (1206, MET),
    (2022, "urban_unemployment"): (5.6, MISSED),
    (2022, "cpi"): (2, BELOW),
    (2022, "grain_output"): (1.37, MET),
}


def _library(tmp_path: Path, script: str) -> Library:
    library = Library.open(tmp_path / f"{script}.sqlite3")
    for path in sorted(FIXTURES.glob("*_report.txt")):
        text = path.read_text(encoding="utf-8")
        if script == "traditional":
            text = convert_text(text, "s2twp").text
        library.add(ingest_text(text), year=int(path.name[:4]), kind="report")
    return library


def _by_key(rows: list[OutcomeRow]) -> dict[tuple[int, str], OutcomeRow]:
    return {(row.year, row.key): row for row in rows}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_pairs_give_each_verdict_in_either_script(tmp_path: Path, script: str) -> None:
    library = _library(tmp_path, script)
    try:
        rows = _by_key(outcome_rows(library))
    finally:
        library.close()
    got = {k: (rows[k].outcome.outcome.value if rows[k].outcome else None, rows[k].verdict) for k in EXPECTED if k in rows}
    assert got == EXPECTED


def test_the_outcome_points_at_its_words(tmp_path: Path) -> None:
    library = _library(tmp_path, "traditional")
    try:
        row = _by_key(outcome_rows(library))[(2022, "urban_unemployment")]
        assert row.outcome is not None and row.target is not None
        text = library.document(row.outcome.doc_id).text
        outcome = row.outcome.outcome
        assert text[outcome.start : outcome.end] == outcome.text == "城鎮調查失業率平均為5.6%"
        assert "國內生產總值增長3%" in text[outcome.sentence_start : outcome.sentence_end]
        target_text = library.document(row.target.doc_id).text
        assert target_text[row.target.target.start : row.target.target.end] == row.target.target.text
    finally:
        library.close()


def test_a_five_year_figure_is_never_last_years_outcome() -> None:
    text = (FIXTURES / "2023_report.txt").read_text(encoding="utf-8")
    jobs = [o for o in extract_outcomes(ingest_text(text)) if o.key == "urban_new_jobs"]
    assert [o.value for o in jobs] == [1206]


def test_next_years_targets_are_not_outcomes() -> None:
    """The 2023 excerpt's own targets (5%左右, 1200万人左右) follow its review: never read as 2022's."""
    text = (FIXTURES / "2023_report.txt").read_text(encoding="utf-8")
    outcomes = {o.key: o.value for o in extract_outcomes(ingest_text(text))}
    assert outcomes["gdp_growth"] == 3
    a_tasks_excerpt = "三、2024年政府工作任务\n\n城镇新增就业1200万人以上，国内生产总值增长5%左右。\n"
    assert extract_outcomes(ingest_text(a_tasks_excerpt)) == []


def test_a_summary_without_headings_skips_its_own_targets() -> None:
    """Seed 002 (the 2025 summary) sets out 2025's 主要预期目标 (城镇新增就业1200万人以上) before its
    review of 2024 (城镇新增就业1256万人, 城镇调查失业率平均为5.1％)."""
    from reader.core.ingest import ingest_file
    from tests.support import seed_path

    outcomes = {o.key: o.value for o in extract_outcomes(ingest_file(seed_path(2)))}
    assert (outcomes["urban_new_jobs"], outcomes["urban_unemployment"], outcomes["gdp_growth"]) == (1256, 5.1, 5)


def test_an_average_over_the_years_is_not_taken() -> None:
    review = "一、2017年工作回顾\n\n过去一年，国内生产总值增长6.9%，居民收入年均增长7.4%。\n\n二、2018年工作\n"
    assert {o.key: o.value for o in extract_outcomes(ingest_text(review))} == {"gdp_growth": 6.9}


def _target(value: float, value_max: float | None = None, unit: str = "%", qualifier: str = "") -> Target:
    return Target("gdp_growth", "国内生产总值增长", value, value_max, unit, qualifier, "增长", "", 0, 0)


def _outcome(value: float | None, unit: str = "%", bound: str = "") -> Outcome:
    return Outcome("gdp_growth", "国内生产总值", value, unit, bound, "", 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("target", "outcome", "expected"),
    [
        (_target(6.5, 7), _outcome(6.7), WITHIN),  # a range: its bounds
        (_target(6.5, 7), _outcome(7), WITHIN),
        (_target(6.5, 7), _outcome(7.1), ABOVE),
        (_target(6, 6.5), _outcome(5.9), BELOW),
        (_target(5, qualifier="左右"), _outcome(5.25), WITHIN),  # 左右: 0.25 point either side
        (_target(5, qualifier="左右"), _outcome(5.3), ABOVE),
        (_target(1200, unit="万人", qualifier="左右"), _outcome(1244, "万人"), WITHIN),  # 5 % of a quantity
        (_target(1200, unit="萬人", qualifier="以上"), _outcome(1256, "万人"), MET),  # units on the fold
        (_target(1.3, unit="万亿斤", qualifier="以上"), _outcome(12900, "亿斤"), MISSED),  # units converted
        (_target(5.5, qualifier="以内"), _outcome(5.5), MET),
        (_target(1000, unit="万人", qualifier="以上"), _outcome(1000, "万人"), MET),  # a floor reached is met
        (_target(4.6, qualifier="以下"), _outcome(4.7), MISSED),
        (_target(5.5, qualifier="左右"), _outcome(5.3, bound="ceiling"), UNCLEAR),  # ≤5.3: below 5.25 or not
        (_target(2.5, qualifier="左右"), _outcome(3, bound="floor"), ABOVE),  # ≥3 is above 2.75 whatever it is
        (_target(5, qualifier="左右"), _outcome(None), UNCLEAR),  # no figure
        (_target(5, qualifier="左右"), _outcome(5, "万人"), UNCLEAR),  # units that do not convert
    ],
)
def test_verdicts(target: Target, outcome: Outcome, expected: str) -> None:
    assert verdict(target, outcome) == expected


def test_no_target_no_verdict() -> None:
    assert verdict(None, _outcome(7.7)) == UNCLEAR


@pytest.fixture(scope="module")
def sample_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], OutcomeRow]:
    from reader.store.seeding import seed_if_empty

    library = Library.open(tmp_path_factory.mktemp("sample") / "lib.sqlite3")
    try:
        seed_if_empty(library)
        return _by_key(outcome_rows(library))
    finally:
        library.close()


def test_sample_2024_target_beside_the_2025_summarys_outcome(sample_rows: dict[tuple[int, str], OutcomeRow]) -> None:
    row = sample_rows[(2024, "gdp_growth")]
    assert row.target is not None and row.outcome is not None
    assert (row.target.target.value, row.target.target.qualifier) == (5, "左右")
    assert row.outcome.outcome.value == 5
    assert row.verdict == WITHIN


def test_sample_years_without_targets_show_outcomes_alone(sample_rows: dict[tuple[int, str], OutcomeRow]) -> None:
    expected = {(2013, "gdp_growth"): 7.7, (2015, "gdp_growth"): 6.9, (2015, "urban_new_jobs"): 1312, (2017, "urban_new_jobs"): 1351}
    got = {k: sample_rows[k].outcome.outcome.value for k in expected if sample_rows[k].outcome}  # type: ignore[union-attr]
    assert got == expected
    assert all(sample_rows[k].target is None and sample_rows[k].verdict == UNCLEAR for k in expected)
    assert not any(r.outcome and r.outcome.outcome.value == 6600 for r in sample_rows.values())
