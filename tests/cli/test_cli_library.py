"""The CLI as a script author uses it: JSON on stdout, one-line errors, non-zero exits."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.core.ingest import ingest_file
from tests.support import seed_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_first_run_seeds_the_library_with_the_manifest(capsys):
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    docs = json.loads(out)["documents"]
    assert len(docs) == 11
    titles = {d["title"] for d in docs}
    assert "2025年政府工作报告摘要" in titles
    by_title = {d["title"]: d for d in docs}
    assert by_title["2025年政府工作报告摘要"]["script"] == "simplified"
    assert by_title["2025年政府工作报告摘要"]["kind"] == "summary"
    # A decade of full reports, each under its year, newest first as the library lists them.
    reports = [d for d in docs if d["title"] in {f"{y}年政府工作报告" for y in range(2014, 2025, 2)}]
    assert [(d["title"], d["year"], d["kind"]) for d in reports] == [
        (f"{y}年政府工作报告", y, "report") for y in (2024, 2022, 2020, 2018, 2016, 2014)
    ]
    assert by_title["2022年政府工作报告"]["source_name"] == "Reviona/Basic-Word-Cloud: 2022年政府工作报告.txt"
    assert [d["year"] for d in docs] == sorted((d["year"] for d in docs), reverse=True)
    assert {d["year"] for d in docs} == {2014, 2016, 2018, 2020, 2022, 2024, 2025}


def test_import_prints_the_new_id_and_is_idempotent(capsys, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("二〇二六年政府工作报告\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "--year", "2026", "--kind", "report")
    assert code == 0, err
    (new_id,) = out.split()
    code, again, _ = run(capsys, "import", str(source))
    assert again.split() == [new_id]
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)["documents"]) == 12  # the eleven samples and this one
    code, out, _ = run(capsys, "show", new_id)
    assert "国内生产总值增长5%左右。" in out


def test_show_blocks_json_of_a_file_does_not_touch_the_library(capsys, tmp_path, monkeypatch):
    library = tmp_path / "untouched.sqlite3"
    monkeypatch.setenv("REPORT_READER_LIBRARY", str(library))
    code, out, _ = run(capsys, "show", str(seed_path(1)), "--json")
    assert code == 0
    blocks = json.loads(out)["blocks"]
    assert {"id", "kind", "level", "text", "start", "end", "lang"} <= set(blocks[0])
    assert any(b["kind"] == "heading" for b in blocks)
    assert not library.exists()


def test_remove_then_show_the_removed_id_fails_with_one_line(capsys):
    code, out, _ = run(capsys, "list", "--json")
    doc_id = str(json.loads(out)["documents"][0]["id"])
    assert run(capsys, "remove", doc_id)[0] == 0
    code, out, err = run(capsys, "show", doc_id)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and doc_id in err


@pytest.mark.parametrize(
    "content, words",
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02\x03" * 40, "binary")],
)
def test_bad_files_are_refused_and_the_good_one_still_lands(capsys, tmp_path, content, words):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("发展新质生产力。\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad), str(good))
    assert code == 1
    assert words in err and "bad.txt" in err
    assert len(err.strip().splitlines()) == 1
    assert len(out.split()) == 1


def test_unknown_file_or_id(capsys, tmp_path):
    code, _, err = run(capsys, "show", str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt" in err
    code, _, err = run(capsys, "show", "999")
    assert code == 1 and "999" in err


def test_python_dash_m_reader_runs_the_cli(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "reader", "show", str(seed_path(2)), "--blocks"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    # One line per block with its kind, level and language: not the plain text, which --blocks replaces.
    blocks = ingest_file(seed_path(2)).blocks
    assert result.stdout.splitlines() == [f"[{b.kind} {b.level} {b.lang}] {b.text}" for b in blocks]
    assert any(line.startswith("[heading ") and "主要预期目标" in line for line in result.stdout.splitlines())
