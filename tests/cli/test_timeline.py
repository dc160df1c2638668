"""report-reader timeline: a decade's words as a script author or a brief writer reads them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reader.cli import main
from reader.ops.documents import open_library


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    """The sample library (seeds and the six full reports), made once for the module."""
    path = tmp_path_factory.mktemp("timeline-cli") / "lib.sqlite3"
    open_library(path, daily_copy=False).close()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_issues_shape_and_values(sample_path, capsys):
    code, out, err = run(capsys, "timeline", "--library", sample_path, "高质量发展", "新常態,新质生产力", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [t["term"] for t in data["terms"]] == ["高质量发展", "新常態", "新质生产力"]
    high, normal, forces = data["terms"]
    assert set(high) >= {"term", "years", "first", "last"}
    assert high["years"]["2016"] == {"count": 0, "per_10k": 0.0}
    assert high["years"]["2022"]["count"] == 10 and high["first"] == 2018
    assert (normal["first"], normal["last"]) == (2016, 2018)
    assert forces["first"] == 2024 and forces["passages"][0]["sentence"]
    assert "新质生产力" in data["new_by_year"]["2024"]
    assert "2014" not in data["new_by_year"]


def test_the_table_reads_a_term_a_row(sample_path, capsys):
    code, out, _ = run(capsys, "timeline", "--library", sample_path, "新常态", "--no-new-words")
    assert code == 0
    header, row = out.splitlines()[:2]
    assert header.split("\t") == ["term", "2014", "2016", "2018", "2020", "2022", "2024", "first", "last"]
    assert row.split("\t")[:4] == ["新常态", "0 (0)", "2 (1.11)", "1 (0.55)"]
    assert row.split("\t")[-2:] == ["2016", "2018"]
    assert "new in" not in out


def test_csv_has_a_row_per_term_and_year(sample_path, capsys, tmp_path):
    target = tmp_path / "t.csv"
    code, _, err = run(capsys, "timeline", "--library", sample_path, "新質生產力", "--csv", "--no-new-words", "-o", str(target))
    assert code == 0 and "t.csv" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [(r["year"], r["count"]) for r in rows] == [
        ("2014", "0"),
        ("2016", "0"),
        ("2018", "0"),
        ("2020", "0"),
        ("2022", "0"),
        ("2024", "2"),
    ]


def test_no_term_is_one_line_on_stderr(sample_path, capsys):
    code, out, err = run(capsys, "timeline", "--library", sample_path, " ,")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "term" in err
