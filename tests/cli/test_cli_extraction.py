"""report-reader targets | tasks | figures | terms, as a script author uses them."""

from __future__ import annotations

import json

from reader.cli import main
from tests.support import seed_path


def run_json(capsys, *argv: str) -> dict:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_targets_json_of_a_seed_file(capsys):
    targets = run_json(capsys, "targets", str(seed_path(1)))["targets"]
    gdp = next(t for t in targets if t["key"] == "gdp_growth")
    expected = {"value": 5, "value_max": None, "unit": "%", "qualifier": "左右"}
    assert {k: gdp[k] for k in expected} == expected
    assert set(gdp) == {"key", "indicator", "value", "value_max", "unit", "qualifier", "direction", "text", "start", "end"}


def test_tasks_json_of_a_library_document(capsys):
    docs = run_json(capsys, "list")["documents"]
    doc_id = next(d["id"] for d in docs if d["language"] == "zh+en")
    tasks = run_json(capsys, "tasks", str(doc_id))["tasks"]
    assert [t["number"] for t in tasks] == [1, 2, 3, 4, 5]
    assert set(tasks[0]) == {"number", "title", "start", "end", "children"}
    assert set(tasks[0]["children"][0]) == {"title", "start", "end"}


def test_figures_and_terms_plain_output(capsys):
    assert main(["figures", str(seed_path(0))]) == 0
    assert "126萬億元" in capsys.readouterr().out
    assert main(["terms", str(seed_path(3))]) == 0
    assert "新質生產力" in capsys.readouterr().out


def test_commentary_yields_no_targets(capsys):
    assert run_json(capsys, "targets", str(seed_path(0))) == {"targets": []}


def test_nothing_found_is_said_on_stderr_not_stdout(capsys):
    assert main(["tasks", str(seed_path(0))]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "no tasks section" in err


def test_library_option_before_the_command(capsys, tmp_path):
    library = tmp_path / "lib.sqlite3"
    assert main(["--library", str(library), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["documents"]) == 11  # the samples
    assert library.exists()
