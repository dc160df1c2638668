"""`report-reader show --blocks --json` gives each block of a paged document its pages (issue 11),
from a file read now and from the library alike; an unpaged document's blocks have none."""

from __future__ import annotations

import json

from reader.cli import main

PAGED = "标题\n正文第一页。\n- 3 -\f正文第二页。\n- 4 -\n"


def show_json(capsys, *args: str) -> dict:
    assert main([*args]) == 0
    return json.loads(capsys.readouterr().out)


def test_show_json_gives_each_block_its_pages(tmp_path, capsys):
    path = tmp_path / "paged.txt"
    path.write_text(PAGED, encoding="utf-8")
    library = ["--library", str(tmp_path / "lib.sqlite3")]
    from_file = show_json(capsys, *library, "show", str(path), "--blocks", "--json")
    assert from_file["page_labels"] == ["3", "4"]
    assert [(b["page_start"], b["page_end"]) for b in from_file["blocks"]] == [("3", "3"), ("3", "3"), ("4", "4")]
    assert main([*library, "import", str(path)]) == 0
    doc_id = capsys.readouterr().out.strip()
    stored = show_json(capsys, *library, "show", doc_id, "--blocks", "--json")
    assert stored["blocks"] == from_file["blocks"] and stored["page_labels"] == ["3", "4"]
    assert main([*library, "show", doc_id, "--blocks"]) == 0
    assert "[paragraph 0 zh p. 4] 正文第二页。" in capsys.readouterr().out


def test_an_unpaged_document_has_no_pages_in_json(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("标题\n正文，没有页码的一段文字。\n", encoding="utf-8")
    shown = show_json(capsys, "--library", str(tmp_path / "lib.sqlite3"), "show", str(path), "--blocks", "--json")
    assert "page_labels" not in shown
    assert all("page_start" not in b and "page_end" not in b for b in shown["blocks"])
