"""Exports cite pages (issue 11): a highlight in a document imported from a paged source names
the printed page(s) its passage is on in every format; one in a document without pages, or an
orphan, names none."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from reader.core.model import PARAGRAPH, Block, Document
from reader.export import brief, markdown, spreadsheet, w3c, webpage
from reader.ops.export import Selection, collect, highlights_for
from reader.store.library import Library

EXPORTED = "2026-11-25T09:00:00+00:00"
# Built by hand (ingest's page reading has its own tests): the second paragraph runs from page 12
# on to page 13.
PARAGRAPHS = [
    ("2024年政府工作报告", "12", "12"),
    ("各位代表：现在，我代表国务院，向大会报告政府工作。", "12", "12"),
    ("过去一年，我们大力推进现代化产业体系建设，加快发展新质生产力。", "12", "13"),
    ("城镇新增就业1244万人。", "13", "13"),
]


def paged_document() -> Document:
    blocks, start = [], 0
    for n, (text, first, last) in enumerate(PARAGRAPHS):
        blocks.append(Block(f"b{n}", PARAGRAPH, 0, text, "zh", start, start + len(text), page_start=first, page_end=last))
        start += len(text) + 1
    return Document(text="\n".join(p[0] for p in PARAGRAPHS), blocks=tuple(blocks), page_labels=("12", "13"))


@pytest.fixture
def paged_set(tmp_path):
    with Library.open(tmp_path / "lib.sqlite3") as library:
        doc_id, _ = library.add(paged_document(), title="2024年政府工作报告")
        text = library.document(doc_id).text
        for words in ("各位代表", "现代化产业体系建设", "城镇新增就业1244万人"):
            start = text.index(words)
            library.add_annotation(doc_id, start, start + len(words))
        yield collect(library, Selection(), exported=EXPORTED), library


def test_each_highlight_knows_its_pages(paged_set):
    export_set, library = paged_set
    highlights = export_set.documents[0].highlights
    assert [h.citation for h in highlights] == ["p. 12", "pp. 12–13", "p. 13"]
    assert [h.citation for h in highlights_for(library, [h.annotation for h in highlights])] == ["p. 12", "pp. 12–13", "p. 13"]


def test_markdown_html_and_word_cite_the_pages(paged_set):
    export_set, _ = paged_set
    md = markdown.render(export_set)
    assert "p. 12" in md and "pp. 12–13" in md and "p. 13" in md
    html = webpage.render(export_set)
    assert '<span class="page" title="Page" lang="en">pp. 12–13</span>' in html
    with zipfile.ZipFile(io.BytesIO(brief.render(export_set))) as docx:
        assert "pp. 12–13" in docx.read("word/document.xml").decode("utf-8")


def test_csv_has_a_page_column_and_json_a_page_on_the_target(paged_set):
    export_set, _ = paged_set
    rows = list(csv.DictReader(io.StringIO(spreadsheet.render_csv(export_set).lstrip("\ufeff"))))
    assert [row["page"] for row in rows] == ["12", "12–13", "13"]
    items = json.loads(w3c.render(export_set))["first"]["items"]
    assert [item["target"]["rr:page"] for item in items] == ["12", "12–13", "13"]


def test_a_document_without_pages_cites_none(export_set):
    assert all(not h.citation for d in export_set.documents for h in d.highlights)
    items = json.loads(w3c.render(export_set))["first"]["items"]
    assert all("rr:page" not in item["target"] for item in items)
    assert "p. " not in markdown.render(export_set)
