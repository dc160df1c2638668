"""report-reader carry A B: counts, --dry-run, --json, and unknown ids."""

from __future__ import annotations

import json

from reader.cli import main
from tests.unit.test_carry import GDP, JOBS, REMOVED, A, B


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def setup_library(tmp_path, capsys) -> tuple[str, str, str]:
    library = str(tmp_path / "library.sqlite3")
    ids = []
    for name, doc, year in (("a.txt", A, "2024"), ("b.txt", B, "2025")):
        path = tmp_path / name
        path.write_text(doc.text, encoding="utf-8")
        code, out, err = run(capsys, "import", str(path), "--year", year, "--kind", "report", "--library", library)
        assert code == 0, err
        ids.append(out.split()[0])
    for quote in (GDP, JOBS, A.blocks[REMOVED].text[5:25]):
        code, _out, err = run(capsys, "annotate", ids[0], "--quote", quote, "--library", library)
        assert code == 0, err
    return library, ids[0], ids[1]


def test_dry_run_then_carry_then_again(tmp_path, capsys):
    library, a, b = setup_library(tmp_path, capsys)
    code, out, _err = run(capsys, "carry", a, b, "--dry-run", "--json", "--library", library)
    assert code == 0
    dry = json.loads(out)
    assert sorted(row["status"] for row in dry["carried"]) == ["changed", "dropped", "kept"]
    assert all(row["to"] is None for row in dry["carried"])
    changed = next(row for row in dry["carried"] if row["status"] == "changed")
    assert (changed["before"], changed["after"]) == (GDP, "国内生产总值增长4.5%左右")
    code, out, _err = run(capsys, "annotations", b, "--json", "--library", library)
    assert json.loads(out)["annotations"] == []  # the dry run wrote nothing

    code, out, _err = run(capsys, "carry", a, b, "--library", library)
    assert code == 0
    assert "1 kept, 1 changed, 1 dropped" in out.splitlines()[0]
    code, out, _err = run(capsys, "annotations", b, "--json", "--library", library)
    on_b = json.loads(out)["annotations"]
    assert sorted(x["quote"] for x in on_b) == sorted([JOBS, "国内生产总值增长4.5%左右"])

    code, out, _err = run(capsys, "carry", a, b, "--json", "--library", library)
    again = json.loads(out)
    assert [row for row in again["carried"] if row["status"] != "dropped"] == []
    assert len(again["already"]) == 2
    code, out, _err = run(capsys, "annotations", b, "--json", "--library", library)
    assert len(json.loads(out)["annotations"]) == 2  # applying twice adds nothing


def test_json_names_each_new_annotation(tmp_path, capsys):
    library, a, b = setup_library(tmp_path, capsys)
    code, out, _err = run(capsys, "carry", a, b, "--json", "--library", library)
    rows = json.loads(out)["carried"]
    assert set(rows[0]) >= {"from", "to", "status", "before", "after"}
    code, out, _err = run(capsys, "annotations", b, "--json", "--library", library)
    assert {x["uuid"] for x in json.loads(out)["annotations"]} == {row["to"] for row in rows if row["status"] != "dropped"}


def test_unknown_ids_are_one_line_and_exit_1(tmp_path, capsys):
    library, a, _b = setup_library(tmp_path, capsys)
    code, out, err = run(capsys, "carry", a, "999", "--library", library)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "999" in err
