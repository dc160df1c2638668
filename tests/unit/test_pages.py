"""Pages kept from import (issue 11): a paged text ("\\f" before each page after the first, as
pdftotext writes it) gives every block the labels of the pages it starts and ends on, read from
the page numbers printed on the pages; a paragraph running over a page break spans both."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.ingest import ingest_text
from reader.core.model import Block, Blocks, Document
from reader.core.pages import cite_pages, complete_labels, text_page_labels

PDF_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
# The report fixture's pages as drawn: a running header on each, a number at each foot
# (1, - 2 -, 第3页, —4—, 5).
PAGES: list[list[str]] = json.loads((PDF_FIXTURES / "report.lines.json").read_text(encoding="utf-8"))


def paged_text(numbers: list[str] | None) -> str:
    """The fixture's pages as pdftotext writes them, with these numbers printed at their feet
    (None: no number printed)."""
    pages = []
    for k, lines in enumerate(PAGES):
        body = lines[:-1] + ([] if numbers is None else [numbers[k]])
        pages.append("\n".join(body))
    return "\f".join(pages) + "\f"


def block_with(doc: Document, text: str) -> Block:
    return next(block for block in doc.blocks if text in block.text)


def test_blocks_know_the_printed_pages_and_a_paragraph_runs_across_a_page_break():
    doc = ingest_text(paged_text(["11", "- 12 -", "第13页", "—14—", "15"]))
    assert doc.page_labels == ("11", "12", "13", "14", "15")
    assert "\f" not in doc.text
    # (一)'s paragraph starts at the foot of page 13 and ends at the top of page 14, its running
    # header and the page number between dropped
    across = block_with(doc, "（一）大力推进现代化产业体系建设")
    assert across.text.endswith("加快推进新型工业化，提高全要素生产率。")
    assert (across.page_start, across.page_end) == ("13", "14")
    assert (block_with(doc, "各位代表：").page_start, block_with(doc, "各位代表：").page_end) == ("11", "11")
    caption = block_with(doc, "表1：2024年主要预期目标")
    assert (caption.page_start, caption.page_end) == ("13", "13")
    rows = [block for block in doc.blocks if block.kind == "table_row"]
    assert rows and all((row.page_start, row.page_end) == ("13", "13") for row in rows)
    assert (block_with(doc, "目标而团结奋斗").page_start, block_with(doc, "目标而团结奋斗").page_end) == ("14", "15")
    assert all(block.page_start and block.page_end for block in doc.blocks)


def test_a_text_without_printed_numbers_counts_its_pages():
    doc = ingest_text(paged_text(None))
    assert doc.page_labels == ("1", "2", "3", "4", "5")
    assert (block_with(doc, "（一）大力推进").page_start, block_with(doc, "（一）大力推进").page_end) == ("3", "4")


def test_the_paged_text_reads_as_its_pdf_does():
    from reader.core.ingest import ingest_bytes

    from_pdf = ingest_bytes((PDF_FIXTURES / "report.pdf").read_bytes(), "report.pdf")
    from_text = ingest_text(paged_text(["1", "- 2 -", "第3页", "—4—", "5"]))
    assert list(from_pdf.blocks) == list(from_text.blocks)
    assert from_pdf.page_labels == from_text.page_labels == ("1", "2", "3", "4", "5")


def test_json_has_pages_only_where_the_source_had_them():
    paged = ingest_text(paged_text(["11", "- 12 -", "第13页", "—14—", "15"]))
    data = block_with(paged, "（一）大力推进").to_json()
    assert (data["page_start"], data["page_end"]) == ("13", "14")
    plain = ingest_text("一、标题\n各位代表：现在，我代表国务院，向大会报告政府工作。")
    assert plain.page_labels == ()
    assert all("page_start" not in block.to_json() and not block.page_start for block in plain.blocks)
    assert not plain.blocks.paged


def test_blocks_made_by_hand_keep_their_pages():
    blocks = [
        Block("a", "paragraph", 0, "甲。", "zh", 0, 2, page_start="ii", page_end="3"),
        Block("b", "paragraph", 0, "乙。", "zh", 3, 5),
    ]
    doc = Document(text="甲。\n乙。", blocks=Blocks.from_blocks("甲。\n乙。", blocks), page_labels=("ii", "3"))
    assert list(doc.blocks) == blocks
    assert doc.blocks.pages(0) == ("ii", "3") and doc.blocks.pages(1) == ("", "")


def test_labels_fill_gaps_from_their_neighbours():
    assert complete_labels(["", "2", "", "4"]) == ("1", "2", "3", "4")
    assert complete_labels(["", "", "1", ""]) == ("1", "2", "1", "2")
    assert complete_labels(["", ""]) == ("1", "2")
    assert text_page_labels("no pages") == ()
    assert text_page_labels("a\n- 7 -\fb\n8\f") == ("7", "8")


def test_citations():
    assert cite_pages("12", "12") == "p. 12"
    assert cite_pages("12", "13") == "pp. 12–13"
    assert cite_pages("", "") == ""
