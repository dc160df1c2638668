"""The CSV exports (formats "csv" and "readwise"): golden files, and the files read back with the
csv module as a spreadsheet or Readwise would read them."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import pytest

from reader.export import spreadsheet
from reader.export.model import ExportSet
from reader.ops.export import Selection, collect, write
from tests.export.conftest import EXPORTED, FORMULAS, HOSTILE_NOTE, check_golden

RENDERERS = [spreadsheet.render_csv, spreadsheet.render_readwise]


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "no byte-order mark: Excel would not read the Chinese as UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text[1:], newline="")))


def test_registered():
    assert (spreadsheet.CSV.name, spreadsheet.CSV.extension, spreadsheet.CSV.binary) == ("csv", "csv", False)
    assert (spreadsheet.READWISE.name, spreadsheet.READWISE.extension, spreadsheet.READWISE.binary) == ("readwise", "csv", False)
    assert spreadsheet.CSV.render is spreadsheet.render_csv and spreadsheet.READWISE.render is spreadsheet.render_readwise


def test_golden_csv(export_set):
    check_golden("highlights.csv", spreadsheet.render_csv(export_set))


def test_golden_readwise(export_set):
    check_golden("highlights.readwise.csv", spreadsheet.render_readwise(export_set))


@pytest.mark.parametrize("render", RENDERERS)
def test_utf8_with_bom_and_crlf_records(export_set, render, tmp_path):
    text = render(export_set)
    data = write(tmp_path / "out.csv", text).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").startswith(",".join(header(text)) + "\r\n")
    records = len(rows(text)) + 1
    assert data.count(b"\r\n") == records  # every record ends CRLF; a note's own line breaks stay inside its quotes


def test_csv_columns_and_values(export_set):
    text = spreadsheet.render_csv(export_set)
    assert header(text) == [
        "id",
        "uuid",
        "document",
        "year",
        "section",
        "page",
        "quote",
        "note",
        "tags",
        "colour",
        "start",
        "end",
        "status",
        "created",
        "modified",
    ]
    table = rows(text)
    assert len(table) == 6
    first = table[0]
    assert first == {
        "id": "1",
        "uuid": "00000000-0000-4000-8000-000000000001",
        "document": "2024年政府工作报告",
        "year": "2024",
        "section": "2024年政府工作报告 › 一、2023年工作回顾",
        "page": "",  # the seed is a text without pages
        "quote": "国内生产总值超过126万亿元",
        "note": "An outcome, beaten.",
        "tags": "outcome",
        "colour": "met target",
        "start": "29",
        "end": "43",
        "status": "anchored",
        "created": "2026-11-11T08:00:00+00:00",
        "modified": "2026-11-11T08:00:00+00:00",
    }
    by_uuid = {r["uuid"][-1]: r for r in table}
    assert by_uuid["2"]["note"] == HOSTILE_NOTE  # commas, quotes and the line break survive the CSV quoting
    assert by_uuid["2"]["tags"] == "policy term, 新质生产力"
    assert by_uuid["2"]["colour"] == "risk"
    assert by_uuid["6"]["status"] == "orphaned"
    assert by_uuid["5"]["document"] == "從「新」出發"


@pytest.mark.parametrize("render", RENDERERS)
def test_no_cell_starts_like_a_formula(export_set, render):
    table = rows(render(export_set))
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    notes = [r.get("note", r.get("Note")) for r in table]
    formulas = "\n".join(FORMULAS)
    assert any(n in ("'" + formulas, ".target\n" + formulas) for n in notes)


@pytest.mark.parametrize("cell", [*FORMULAS, "\tx", "\rx", "-", "=", "@"])
def test_formula_cells_neutralised(cell):
    assert spreadsheet.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "a=b", " =1", "'=1", "1-2", "新质生产力", "#tag", ".tag"])
def test_other_cells_kept(cell):
    assert spreadsheet.neutralise(cell) == cell


def test_every_column_is_neutralised(export_set):
    """Not only notes: a tag, colour name or title can start with = too."""
    doc = export_set.documents[0]
    first = doc.highlights[0]
    evil = '=HYPERLINK("http://x")'
    h = replace(first, annotation=replace(first.annotation, tags=(evil,)), quote=evil, note=evil, color_label=evil, section=(evil,))
    one = ExportSet((replace(doc, info=replace(doc.info, title=evil), highlights=(h,)),), EXPORTED)
    for render in RENDERERS:
        values = rows(render(one))[0].values()
        assert "'" + evil in values
        assert not any(value.startswith("=") for value in values)


def test_readwise_columns_exactly(export_set):
    assert header(spreadsheet.render_readwise(export_set)) == ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]


def test_readwise_values(export_set):
    table = rows(spreadsheet.render_readwise(export_set))
    assert [r["Highlight"] for r in table] == [
        "国内生产总值超过126万亿元",
        "新质生产力",
        "国内生产总值增长5%左右",
        "城镇新增就业1200万人以上",
        "充分发挥创新主导作用",
        "新質生產力",
    ]
    assert [r["Title"] for r in table] == ["2024年政府工作报告"] * 5 + ["從「新」出發"]
    assert all(r["Author"] == "" and r["URL"] == "" for r in table)
    # Tags as Readwise inline tags at the start of the note; a tag's space becomes _.
    assert table[1]["Note"] == ".policy_term .新质生产力\n" + HOSTILE_NOTE
    assert table[0]["Note"] == ".outcome\nAn outcome, beaten."
    assert table[3]["Note"] == ""  # no tags, no note
    # Location: an integer, increasing in reading order; none for the orphan.
    locations = [r["Location"] for r in table]
    assert locations == ["30", "72", "114", "127", "", "16"]
    # Date: YYYY-MM-DD HH:MM:SS, UTC.
    assert table[0]["Date"] == "2026-11-11 08:00:00"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["Date"]) for r in table)


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2026-11-11T08:00:00+00:00", "2026-11-11 08:00:00"),
        ("2026-11-11T08:00:00.123+00:00", "2026-11-11 08:00:00"),
        ("2026-11-11T16:30:00+08:00", "2026-11-11 08:30:00"),
        ("2026-11-11", "2026-11-11 00:00:00"),
        ("not a time", ""),
    ],
)
def test_readwise_date(stamp, shown):
    assert spreadsheet.readwise_date(stamp) == shown


def test_traditional_conversion_changes_quotes(export_library):
    export_set = collect(export_library, Selection(doc_ids=(1,), script="s2t"), exported=EXPORTED)
    quotes = [r["quote"] for r in rows(spreadsheet.render_csv(export_set))]
    assert quotes[:2] == ["國內生產總值超過126萬億元", "新質生產力"]
    highlights = [r["Highlight"] for r in rows(spreadsheet.render_readwise(export_set))]
    assert highlights[0] == "國內生產總值超過126萬億元"
    assert "国内生产总值超过126万亿元" not in spreadsheet.render_csv(export_set)


@pytest.mark.parametrize("render", RENDERERS)
def test_empty_export_is_just_the_header(render):
    text = render(ExportSet((), EXPORTED))
    assert rows(text) == [] and len(header(text)) in (7, 15)
