"""Tables read from text (issue 11): a row a line with its cells apart by spaces, as PDF text has
them, is a row of cells each; and a table with no source line after it ends at its first line
that is not a row instead of taking the rest of the report.
"""

from __future__ import annotations

import re

import pytest

from reader.core.ingest import ingest_text
from reader.core.model import CELL_SEPARATOR, HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Document
from tests.support import seed_path

BEFORE = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右。"
TABLE = """表1：2024年主要预期目标
指标 2023年实际 2024年目标
国内生产总值增长 5.2% 5%左右
城镇新增就业 1244万人 1200万人以上
城镇调查失业率 5.2% 5.5%左右
"""
ROWS = [
    ["指标", "2023年实际", "2024年目标"],
    ["国内生产总值增长", "5.2%", "5%左右"],
    ["城镇新增就业", "1244万人", "1200万人以上"],
    ["城镇调查失业率", "5.2%", "5.5%左右"],
]
# PDF text: no blank line anywhere.
AFTER = "提出上述预期目标，综合考虑了国内外形势和各方面因素，兼顾了需要和可能。\n"
HEADING_AFTER = "三、2024年政府工作任务\n"


def rows(doc: Document) -> list[list[str]]:
    return [b.text.split(CELL_SEPARATOR) for b in doc.blocks if b.kind == TABLE_ROW]


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def test_rows_one_a_line_with_cells_apart_by_spaces_are_a_row_each():
    doc = ingest_text(f"{BEFORE}\n{TABLE}资料来源：国家统计局\n{AFTER}")
    assert rows(doc) == ROWS


@pytest.mark.parametrize(
    ("after", "then"),
    [
        (AFTER, (PARAGRAPH, "提出上述预期目标，综合考虑了国内外形势和各方面因素，兼顾了需要和可能。")),
        (HEADING_AFTER + AFTER, (HEADING, "三、2024年政府工作任务")),
        ("（一）大力推进现代化产业体系建设，加快发展新质生产力。\n", (LIST_ITEM, "（一）大力推进现代化产业体系建设，加快发展新质生产力。")),
        ("\n城镇新增就业目标\n", (HEADING, "城镇新增就业目标")),  # a blank line ends it too
    ],
    ids=["prose", "heading", "numbered item", "blank line"],
)
def test_a_table_without_a_source_line_ends_at_its_first_line_that_is_not_a_row(after, then):
    doc = ingest_text(f"{BEFORE}\n{TABLE}{after}")
    assert rows(doc) == ROWS
    last_row = max(n for n, b in enumerate(doc.blocks) if b.kind == TABLE_ROW)
    assert kinds(doc)[last_row + 1] == then


def test_a_cell_wrapped_onto_a_line_of_its_own_stays_in_its_row():
    table = "表2：重点任务\n任务 目标\n稳定外贸 进出口促稳提质\n扩大内需 推动消费从疫后恢复转向\n持续扩大\n"
    doc = ingest_text(f"{BEFORE}\n{table}{AFTER}")
    assert rows(doc) == [["任务", "目标"], ["稳定外贸", "进出口促稳提质"], ["扩大内需", "推动消费从疫后恢复转向持续扩大"]]


@pytest.mark.parametrize("number", [0, 3])
def test_the_commentary_tables_end_in_the_same_place_without_their_source_lines(number):
    # Cells wrapped over narrow lines, sentences inside list cells, row labels set vertically:
    # none of it ends a table early, and the prose after it is not taken in.
    text = seed_path(number).read_text(encoding="utf-8")
    with_sources = ingest_text(text)
    without = ingest_text(re.sub(r"(?m)^\s*資料來源：.*\n", "", text))
    assert rows(without) == rows(with_sources)
    assert [b for b in kinds(without) if b[0] != TABLE_ROW] == [
        b for b in kinds(with_sources) if b[0] != TABLE_ROW and not b[1].startswith("資料來源")
    ]


def test_a_table_that_never_ends_is_bounded():
    # A caption and then thousands of row-like lines: the table stops taking them long before the end.
    lines = "\n".join(f"项目{n} {n}" for n in range(5000))
    doc = ingest_text(f"{BEFORE}\n表3：明细\n指标 数值\n{lines}\n")
    assert 0 < len(rows(doc)) <= 301
    assert doc.blocks[len(doc.blocks) - 1].kind != TABLE_ROW
