"""Extraction and conversion add little memory over the imported document (issue 17).

Measured as test_hostile_memory does (tracemalloc, the peak added over what was in use when the
step began, divided by the file's size in UTF-8), on the inputs that exposed each step: 100,000
lines of 5 bytes and a megabyte line of one ASCII letter. Before the fix, over an imported
document: targets and figures added 49x (tiny lines; a list of every line and every paragraph's
pieces) and 9x (the line copied three times), conversion 36x and 9x (two lists of the lines;
OpenCC given the whole text, which holds its UTF-8 bytes and a decoding buffer beside the result).

The budget for a command is 10x the file's size, import included; while import itself is over
10x on tiny lines (another change bounds ingest), each step's *added* peak is held to ADDED here,
so the command stays within the import's figure plus a few times the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from itertools import count

import pytest

from reader.core.convert import convert_text
from reader.core.extraction import extract
from reader.core.ingest import ingest_text
from reader.core.model import Document
from tests.unit.test_hostile_memory import peak_added
from tests.unit.test_linear_time import _dictionary_keys

ADDED = 4.0  # the step's peak over the imported document, × the file's size

INPUTS = {
    "100,000 tiny lines": lambda: "\n".join(f"{'甲乙丙丁'[n % 4]}{n % 10}" for n in range(100_000)),
    "a megabyte line of one letter": lambda: f"● 稳定对外贸易发展\n1 注{'a' * 1_000_000}注。两百亿元\n",
}
STEPS: dict[str, Callable[[Document], object]] = {
    "targets": lambda doc: extract(doc, "targets"),
    "figures": lambda doc: extract(doc, "figures"),
    "terms": lambda doc: extract(doc, "terms"),
    "convert s2twp": lambda doc: convert_text(doc.text, "s2twp"),
}
_fresh = count()


@cache
def imported(name: str) -> tuple[Document, int]:
    text = INPUTS[name]()
    return ingest_text(text), len(text.encode("utf-8"))


@pytest.mark.timeout(60)  # ~1-3 s a step here (tracemalloc slows every allocation)
@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("name", list(INPUTS))
def test_a_step_adds_a_few_times_the_file_over_the_imported_document(name, step):
    doc, size = imported(name)
    extract(ingest_text("国内生产总值增长5%左右。"), "terms")  # dictionaries and patterns loaded before measuring
    # A content hash of its own: the Simplified fold is made in the step, not taken from the cache.
    doc = replace(doc, content_hash=f"memory-test-{next(_fresh)}")
    added = peak_added(lambda: STEPS[step](doc)) / size
    assert added <= ADDED, f"{step} on {name} added {added:.1f}x the file's size (bound {ADDED}x)"


@pytest.mark.timeout(60)
def test_opencc_is_given_the_text_in_chunks_cut_only_where_no_phrase_spans(tmp_path):
    """Conversion cuts the text after a line break, a lower-case Latin letter, a digit or a
    phrase-free character: safe only while no dictionary key of two or more characters holds one."""
    from reader.core.convert import _CHUNK_CUT

    in_phrases = {ch for key in _dictionary_keys(tmp_path) if len(key) > 1 for ch in key}
    assert not {ch for ch in in_phrases if _CHUNK_CUT.fullmatch(ch)}


@pytest.mark.parametrize("config", ["s2twp", "t2s", "tw2sp"])
def test_a_text_converted_in_chunks_is_the_text_converted_whole(config):
    from reader.core.opencc_backend import converter

    line = "鼠标和U盘的软件，乾隆皇帝在台湾、香港下载了文件abc123" * 2_000
    text = "\n".join([line, "a" * 50_000 + "鼠标" + "z" * 50_000, "軟體與硬體" * 9_000])
    conversion = convert_text(text, config)
    assert conversion.text == converter(config).convert(text)
    assert re.sub(r"\s", "", conversion.text)  # not empty, and the same number of lines
    assert conversion.text.count("\n") == text.count("\n")
