"""Exporting highlights and importing them back from the command line, as a script author does."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

REPORT = "二〇二六年政府工作报告\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n\n大力推进现代化产业体系建设，加快发展新质生产力。\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def annotated(tmp_path, capsys, monkeypatch):
    """A fresh library (no samples: the first open seeds, so remove them) with one document and
    two annotations; returns the document id."""
    monkeypatch.setenv("REPORT_READER_LIBRARY", str(tmp_path / "lib.sqlite3"))
    source = tmp_path / "2026.txt"
    source.write_text(REPORT, encoding="utf-8")
    code, out, err = run(capsys, "import", str(source))
    assert code == 0, err
    doc_id = out.split()[-1]
    marks = (("国内生产总值增长5%左右", "green", "=1+1 a formula", "target"), ("新质生产力", "red", "<b>bold</b>", "policy term"))
    for quote, color, note, tag in marks:
        code, _out, err = run(capsys, "annotate", doc_id, "--quote", quote, "--color", color, "--note", note, "--tag", tag)
        assert code == 0, err
    return doc_id


def test_export_markdown_to_stdout_holds_every_highlight_of_the_document(annotated, capsys):
    code, out, err = run(capsys, "export", annotated, "--format", "md")
    assert code == 0, err
    assert "国内生产总值增长5%左右" in out and "新质生产力" in out
    assert "<b>" not in out  # the note's markup is escaped


def test_export_filters_by_tag_and_colour(annotated, capsys):
    code, out, err = run(capsys, "export", annotated, "--format", "csv", "--tag", "target")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [row["quote"] for row in rows] == ["国内生产总值增长5%左右"]
    assert rows[0]["note"].startswith("'=")  # a formula is neutralised for spreadsheets
    code, out, err = run(capsys, "export", annotated, "--format", "csv", "--color", "red")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [row["quote"] for row in rows] == ["新质生产力"]


def test_export_in_another_script(annotated, capsys):
    code, out, err = run(capsys, "export", annotated, "--format", "md", "--script", "s2t")
    assert code == 0, err
    assert "國內生產總值增長5%左右" in out and "新質生產力" in out


def test_export_writes_a_file_and_says_so(annotated, capsys, tmp_path):
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "export", "--format", "json", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert "exported 2 highlights from 1 document" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection"


def test_a_word_brief_is_refused_on_stdout_and_written_to_a_file(annotated, capsys, tmp_path):
    code, out, err = run(capsys, "export", annotated, "--format", "docx")
    assert code == 1 and out == "" and "-o" in err
    target = tmp_path / "brief.docx"
    code, _out, err = run(capsys, "export", annotated, "--format", "docx", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes()[:2] == b"PK"  # a zip: what a .docx is


def test_unknown_format_document_or_colour_is_one_line_and_exit_1(annotated, capsys):
    for argv in (("--format", "pdf"), ("999", "--format", "md"), ("--format", "md", "--color", "pink")):
        code, out, err = run(capsys, "export", *argv)
        assert code == 1 and out == "", argv
        assert err.count("\n") == 1 and err.startswith("report-reader: "), err


def test_a_failed_write_is_an_error_and_keeps_the_old_file(annotated, tmp_path):
    """Exporting into a folder the process cannot write: one line, exit 1, the earlier export
    untouched. Run as a child that cannot write there (as root: without the capabilities that
    let root write anywhere, as the read-only library tests do)."""
    from tests.store.test_readonly_and_backup import ROOT, _unprivileged

    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "out.md").write_text("earlier export", encoding="utf-8")
    folder.chmod(0o555)
    try:
        preexec = _unprivileged(folder)
        done = subprocess.run(
            [sys.executable, "-m", "reader", "export", "--format", "md", "-o", str(folder / "out.md")],
            cwd=ROOT, preexec_fn=preexec, capture_output=True, text=True, timeout=60,
        )
    finally:
        folder.chmod(0o700)
    assert done.returncode == 1 and "Cannot write" in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1
    assert (folder / "out.md").read_text(encoding="utf-8") == "earlier export"
    assert sorted(p.name for p in folder.iterdir()) == ["out.md"]  # no temporary file left behind


def test_export_then_import_into_another_library_restores_the_annotations(annotated, capsys, tmp_path, monkeypatch):
    exported = tmp_path / "highlights.json"
    assert run(capsys, "export", "--format", "json", "-o", str(exported))[0] == 0
    code, before, err = run(capsys, "annotations", "--json")
    assert code == 0, err

    monkeypatch.setenv("REPORT_READER_LIBRARY", str(tmp_path / "other.sqlite3"))
    source = tmp_path / "2026.txt"
    code, out, err = run(capsys, "import", str(source))
    assert code == 0, err
    code, out, err = run(capsys, "import-annotations", str(exported), "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 2
    code, out, err = run(capsys, "import-annotations", str(exported), "--json")
    assert json.loads(out)["added"] == 0  # twice adds nothing
    code, after, err = run(capsys, "annotations", "--json")
    keep = ("uuid", "quote", "note", "tags", "color", "start", "end", "status")
    assert [{k: a[k] for k in keep} for a in json.loads(after)["annotations"]] == [
        {k: a[k] for k in keep} for a in json.loads(before)["annotations"]
    ]


def test_import_annotations_refuses_a_file_that_is_not_json(annotated, capsys, tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "import-annotations", str(bad))
    assert code == 1 and out == "" and err.startswith("report-reader: ")


def test_import_onto_a_chosen_document(annotated, capsys, tmp_path: Path):
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "from elsewhere", "purpose": "commenting"},
        "target": {"source": "https://example.org/elsewhere", "selector": {"type": "TextQuoteSelector", "exact": "现代化产业体系"}},
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "import-annotations", str(path), "--doc", annotated, "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 1
    code, out, err = run(capsys, "annotations", annotated, "--json")
    notes = {a["quote"]: a["note"] for a in json.loads(out)["annotations"]}
    assert notes["现代化产业体系"] == "from elsewhere"


def test_a_write_that_fails_midway_keeps_the_old_file_and_leaves_no_debris(annotated, capsys, tmp_path, monkeypatch):
    import errno

    target = tmp_path / "out.md"
    target.write_text("earlier export", encoding="utf-8")

    def disk_full(_src, _dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("reader.ops.export.os.replace", disk_full)
    code, _out, err = run(capsys, "export", "--format", "md", "-o", str(target))
    assert code == 1 and "Cannot write" in err and "No space left" in err
    assert target.read_text(encoding="utf-8") == "earlier export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.md")) == []


def test_a_file_in_a_folder_that_is_not_there_is_one_clear_error(annotated, capsys, tmp_path):
    code, _out, err = run(capsys, "export", "--format", "md", "-o", str(tmp_path / "missing" / "out.md"))
    assert code == 1 and "Cannot write" in err and err.count("\n") == 1
