"""report-reader outcomes: the issue's JSON shape, and CSV / Markdown a brief writer can paste
(fixtures: tests/fixtures/outcomes, see its README for where each figure comes from)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reader.cli import main
from reader.core.ingest import ingest_text
from reader.store.library import Library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "outcomes"


def _library(path: Path) -> dict[int, int]:
    ids = {}
    with Library.open(path) as library:
        for file in sorted(FIXTURES.glob("*_report.txt")):
            ids[int(file.name[:4])], _ = library.add(ingest_text(file.read_text(encoding="utf-8")), year=int(file.name[:4]), kind="report")
    return ids


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_issues_shape(tmp_path, capsys):
    path = tmp_path / "lib.sqlite3"
    ids = _library(path)
    code, out, err = run(capsys, "outcomes", "--library", str(path), "--json")
    assert code == 0, err
    rows = json.loads(out)["rows"]
    assert {"key", "indicator", "year", "target", "outcome", "verdict"} <= set(rows[0])
    assert {r["verdict"] for r in rows} <= {"within", "above", "below", "met", "missed", "unclear"}
    row = next(r for r in rows if (r["year"], r["key"]) == (2022, "urban_unemployment"))
    assert (row["target"]["value"], row["target"]["qualifier"], row["target"]["doc"]) == (5.5, "以内", ids[2022])
    outcome = row["outcome"]
    assert {"value", "unit", "text", "doc", "start", "end"} <= set(outcome)
    assert (outcome["value"], outcome["unit"], outcome["doc"], row["verdict"]) == (5.6, "%", ids[2023], "missed")
    with Library.open(path) as library:
        assert library.document(ids[2023]).text[outcome["start"] : outcome["end"]] == outcome["text"] == "城镇调查失业率平均为5.6%"


def test_csv_and_markdown(tmp_path, capsys):
    path = tmp_path / "lib.sqlite3"
    _library(path)
    code, out, _ = run(capsys, "outcomes", "--library", str(path), "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))  # a BOM, for spreadsheets
    gdp_2011 = next(r for r in rows if (r["year"], r["key"]) == ("2011", "gdp_growth"))
    assert (gdp_2011["target"], gdp_2011["outcome"], gdp_2011["verdict"]) == ("8%左右", "9.2%", "above")
    code, out, _ = run(capsys, "outcomes", "--library", str(path), "--markdown")
    assert "| 2014 | 国内生产总值增长 | 7.5%左右 | 7.4% | within |" in out
