"""Memory stays within issue 17's budget on hostile input: ≤ 10× the file's size.

Peak memory is read with tracemalloc (every Python allocation, deterministic: no flakes from
the allocator or the OS), as the peak added over what was in use before the step, and divided
by the input's size in UTF-8 — the file a user would open. Measured before the fix: a run of
Han characters 29× in ingest (a list of every character), a megabyte on one line 27× in
compare (a tuple per word) and 13× in conversion (a list of the line's parts).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from functools import cache

import pytest

from reader.core.compare import compare
from reader.core.convert import convert_text
from reader.core.extraction import extract_all
from reader.core.ingest import ingest_text
from reader.core.model import Document
from tests.support import SEEDS

MB = 1_000_000
BUDGET = 10.0


@cache
def report() -> str:
    return (SEEDS / "gwr_2024_zh-hans.txt").read_text(encoding="utf-8")


@cache
def report_document() -> Document:
    return ingest_text(report())


def peak_added(fn: Callable[[], object]) -> float:
    """Bytes at the step's peak over those in use when it began."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fn()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def one_line(size: int) -> str:
    line = report().replace("\n", "")
    return (line * (size // len(line) + 1))[: size // 3]  # Chinese: 3 bytes a character


# Half a megabyte each: memory per byte is the same as at 1 MB, and tracemalloc's bookkeeping
# makes every step ~3 times slower.
SIZE = MB // 2
INPUTS = {
    "half a megabyte on one line": lambda: one_line(SIZE),
    "a run of one Han character": lambda: f"● 稳定对外贸易发展\n1 注{'注' * (SIZE // 3)}注。两百亿元\n",
}


@pytest.mark.timeout(30)  # ~4-7 s here (tracemalloc slows every step)
@pytest.mark.parametrize("name", list(INPUTS))
def test_every_step_on_a_long_line_stays_within_ten_times_its_size(name):
    text = INPUTS[name]()
    size = len(text.encode("utf-8"))
    report_document()  # the other side of the comparison, and jieba, ready before measuring
    compare(report_document(), report_document())
    doc = ingest_text(text)
    steps: dict[str, Callable[[], object]] = {
        "ingest": lambda: ingest_text(text),
        "extract_all": lambda: extract_all(doc),
        "compare": lambda: compare(report_document(), doc),
        "convert": lambda: convert_text(doc.text, "s2twp"),
    }
    ratios = {step: round(peak_added(fn) / size, 1) for step, fn in steps.items()}
    assert all(r <= BUDGET for r in ratios.values()), f"peak added memory × the file's size (budget {BUDGET}): {ratios}"
