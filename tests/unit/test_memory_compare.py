"""Compare's memory on many tiny blocks (issue 17): each tiny line adds a few bytes to what
compare holds at its peak, not hundreds.

Measured with tracemalloc (deterministic) as the peak added over the two ingested documents, so
the import's own memory (Document.blocks, made columnar by other work in progress) is not counted
here: this holds compare's part while that lands. What compare spends on the other report (its
words, the caches) does not grow with the tiny lines, so the test reads the growth between 2,000
and 20,000 lines: bytes added per byte of tiny lines. Before: a BlockPair per removed block, a
word list per block and a list of every block's text, ~95 bytes per byte (~470 a line); now
~8 bytes a line a side at most (a hash per block): ~0 against a report (its own peak hides
them), 3.2 per byte against itself.
"""

from __future__ import annotations

from functools import cache

import pytest

from reader.core.compare import compare
from reader.core.compare.model import REMOVED, SAME, Comparison
from reader.core.ingest import ingest_text
from reader.core.model import Document
from tests.unit.test_hostile_memory import peak_added, report_document

BUDGET = 4.0  # bytes compare adds per byte of tiny lines: a line against itself keeps two 8-byte hashes (3.2)


@cache
def tiny_lines(count: int) -> tuple[int, Document]:
    """The benchmark's tiny_lines_100k, shorter: 甲0, 乙1, … (5 bytes a line)."""
    text = "\n".join(f"{'甲乙丙丁'[n % 4]}{n % 10}" for n in range(count))
    return len(text.encode("utf-8")), ingest_text(text)


def growth(other: Document | None) -> float:
    """Compare's added peak per byte of tiny lines, from 2,000 to 20,000 lines."""
    peaks = {}
    for count in (2_000, 20_000):
        size, tiny = tiny_lines(count)
        compare(tiny, other or tiny)  # the extractors' caches of this document warm, as in the app
        kept: list[Comparison] = []
        peaks[count] = (size, peak_added(lambda: kept.append(compare(tiny, other or tiny))))  # noqa: B023
        if other is None:
            assert [pair.kind for pair in kept[0].blocks] == [SAME] * len(tiny.blocks)
        else:
            assert sum(1 for pair in kept[0].blocks if pair.kind == REMOVED) > 0.9 * len(tiny.blocks)
    (small, small_peak), (large, large_peak) = peaks[2_000], peaks[20_000]
    return (large_peak - small_peak) / (large - small)


@pytest.mark.timeout(120)  # ~10 s here (tracemalloc slows every step)
def test_many_tiny_lines_against_a_report_add_little_per_line():
    report = report_document()
    compare(report, report)  # jieba, the term tables and the report's fold ready before measuring
    added = growth(report)
    assert added <= BUDGET, f"compare added {added:.1f} bytes per byte of tiny lines (budget {BUDGET})"


@pytest.mark.timeout(120)
def test_many_tiny_lines_against_themselves_add_little_per_line():
    added = growth(None)  # all one run of same blocks
    assert added <= BUDGET, f"compare added {added:.1f} bytes per byte of tiny lines (budget {BUDGET})"
