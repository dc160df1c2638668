"""report-reader years: the targets table as a script author or a brief writer reads it."""

from __future__ import annotations

import csv
import io
import json

from reader.cli import main
from tests.unit.test_years import EXPECTED, build_library


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_issues_shape_and_values(tmp_path, capsys):
    path = tmp_path / "lib.sqlite3"
    library, ids = build_library(path)
    library.close()
    code, out, err = run(capsys, "years", "--library", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["years"] == [2022, 2023, 2024, 2025]
    rows = {row["key"]: row for row in data["rows"]}
    assert set(rows) == set(EXPECTED)
    gdp = rows["gdp_growth"]
    assert gdp["indicator"] == "国内生产总值增长"
    cell = gdp["cells"]["2023"]
    assert {"value", "value_max", "unit", "qualifier", "change", "doc", "start", "end"} <= set(cell)
    assert (cell["value"], cell["unit"], cell["qualifier"], cell["change"], cell["doc"]) == (5.0, "%", "左右", "lowered", ids[2023])
    assert gdp["cells"]["2022"]["change"] is None
    assert rows["trade"]["cells"]["2024"]["change"] == "dropped"
    assert "2025" not in rows["trade"]["cells"]
    assert rows["grain_output"]["cells"]["2025"]["change"] == "raised"


def test_csv_and_markdown_mark_each_change_in_words_or_arrows(tmp_path, capsys):
    path = tmp_path / "lib.sqlite3"
    build_library(path)[0].close()
    code, out, err = run(capsys, "years", "--library", str(path), "--csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0][:4] == ["key", "indicator", "2022", "2022 change"]
    gdp = next(r for r in rows if r[0] == "gdp_growth")
    assert gdp[2:] == ["5.5%左右", "", "5%左右", "lowered", "5%左右", "same", "5%左右", "same"]
    code, out, err = run(capsys, "years", "--library", str(path), "--markdown")
    assert code == 0, err
    assert "| Indicator | 2022 | 2023 | 2024 | 2025 |" in out
    assert "| 国内生产总值增长 | 5.5%左右 | 5%左右 ↓ | 5%左右 = | 5%左右 = |" in out
    assert "↑ raised" in out


def test_html_to_a_file(tmp_path, capsys):
    path = tmp_path / "lib.sqlite3"
    build_library(path)[0].close()
    target = tmp_path / "years.html"
    code, _, err = run(capsys, "years", "--library", str(path), "--html", "-o", str(target))
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert '<td class="lowered">5%左右 ↓</td>' in page
