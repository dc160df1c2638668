"""Every text operation stays near-linear on hostile input (issue 17).

Each input is generated here (nothing big is committed) and goes through everything a document
meets: reading the file, paragraph rebuild and structure, extraction (targets, tasks, figures,
terms), find, comparison with the 2024 report, conversion and annotation anchoring.
Each case runs under a tight timeout, so a regression fails instead of stalling CI.

Before issue 17 these failed: the runs of spaces and line separators (the tasks title pattern
backtracked cubically: 2,000 × U+2028 took 12 s, 5,000 far longer), the run of Chinese numerals
before 元 (money was rescanned from each numeral: 20,000 took 10 s), and the long lines and the
run of one character (conversion aligned whole lines with difflib, jieba's HMM was quadratic).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from reader.core.anchoring import ANCHORED, anchor_all, describe
from reader.core.compare import compare
from reader.core.convert import convert_text
from reader.core.extraction import extract_all
from reader.core.find import find_all
from reader.core.ingest import ingest_file, ingest_text
from reader.core.model import Document
from reader.core.segment import tokenizer
from reader.errors import InputError
from tests.support import SEEDS

MB = 1_000_000
# Each Unicode line or paragraph break, and the spaces that survive normalisation.
SEPARATORS = {
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    "U+0085": "\u0085",
    "CR": "\r",
    "VT": "\v",
    "FF": "\f",
    "space": " ",
    "tab": "\t",
    "ideographic space": "\u3000",
}
# Pathological lines sit inside a summary (a ● list and a numbered line), so that the tasks
# reader tries to read "1 注…" as a numbered task title.
SUMMARY_HEAD = "● 稳定对外贸易发展\n1 注"


@cache
def report() -> str:
    return (SEEDS / "gwr_2024_zh-hans.txt").read_text(encoding="utf-8")


@cache
def report_document() -> Document:
    return ingest_text(report())


@pytest.fixture(scope="module", autouse=True)
def _jieba_ready() -> None:
    """jieba's ~0.5 s start is paid once, not inside the first test's timeout."""
    tokenizer()
    report_document()


def every_operation(text: str, tmp_path: Path) -> Document:
    """Run the text through every operation a document meets; return the document."""
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    try:
        doc = ingest_file(path)
    except InputError:  # refused as binary (a file of control characters): pasted, it is still text
        doc = ingest_text(text)
    assert doc.blocks
    extract_all(doc)
    middle = len(doc.text) // 2
    query = doc.text[middle : middle + 4].strip() or "发展"
    assert find_all(doc.text, query)
    assert compare(report_document(), doc).blocks
    converted = convert_text(doc.text, "s2twp")
    assert len(converted.text) > 0
    selectors = [describe(doc.text, middle, min(len(doc.text), middle + 12)), describe(doc.text, 0, min(len(doc.text), 6))]
    assert all(a.status == ANCHORED for a in anchor_all(doc.text, selectors))
    moved = "新增一句话。" + doc.text  # every passage moved: found again by its quote and context
    assert len(anchor_all(moved, selectors)) == len(selectors)
    return doc


@pytest.mark.timeout(10)  # ~1 s here; the old cubic title pattern took minutes
@pytest.mark.parametrize("name", list(SEPARATORS))
def test_a_run_of_5000_separators_in_a_numbered_line_reads_in_linear_time(name, tmp_path):
    doc = every_operation(f"{SUMMARY_HEAD}{SEPARATORS[name] * 5_000}注\n", tmp_path)
    # The summary's words are all there; nothing of the run turned into a block of its own.
    assert "稳定对外贸易发展" in doc.text
    assert all(block.text.strip() for block in doc.blocks)


@pytest.mark.timeout(10)  # ~1 s here; the old cubic title pattern took minutes
def test_a_numbered_line_ending_in_many_line_separators_is_still_a_task_title():
    """The rewritten title pattern reads what the old one read: number, title, trailing spaces."""
    from reader.core.tasks import extract_tasks

    lines = [f"{n} 任务标题{n}号\u2028\u2028{n + 1}" for n in range(1, 5)]
    text = "\n".join(f"{line}\n● 一项具体工作" for line in lines)
    # ...and a numbered line that is not a title: separators, then more text (cubic before).
    tasks = extract_tasks(ingest_text(text + "\n" + f"5 {'注' * 3}{chr(0x2028) * 5_000}注"))
    assert [t.title for t in tasks][:4] == [f"任务标题{n}号" for n in range(1, 5)]


@pytest.mark.timeout(10)  # ~1.5 s here; the old numeral pattern took ~20 s on 30,000 一
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("注" * 200_000, id="CJK"),
        pytest.param("a" * 200_000, id="ASCII"),
        pytest.param("一" * 30_000 + "。两百亿元", id="Chinese numerals before money"),
        pytest.param(SUMMARY_HEAD + "1" * 100_000 + "注", id="digits"),
    ],
)
def test_a_long_run_of_one_character_reads_in_linear_time(text, tmp_path):
    every_operation(text, tmp_path)


@pytest.mark.timeout(20)  # ~3-4 s here; old conversion offsets took over 300 s
def test_a_megabyte_on_one_line_reads_in_linear_time(tmp_path):
    line = report().replace("\n", "")
    doc = every_operation((line * (MB // len(line) + 1))[:MB], tmp_path)
    assert len(doc.blocks) == 1


@pytest.mark.timeout(30)  # ~4-6 s here (ingest ~15 µs a line, compare ~15 µs); linear (a quadratic step would take minutes)
def test_100_000_tiny_lines_read_in_linear_time(tmp_path):
    text = "\n".join(f"{'甲乙丙丁'[n % 4]}{n % 10}" for n in range(100_000))
    every_operation(text, tmp_path)


@pytest.mark.timeout(20)  # ~3-4 s here; old conversion offsets took over 300 s
def test_a_report_repeated_to_a_megabyte_reads_in_linear_time(tmp_path):
    text = report() * (MB // len(report()) + 1)
    doc = every_operation(text[:MB], tmp_path)
    assert doc.text.count("新质生产力") > 20
