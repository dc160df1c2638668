"""Conversion offsets and word segmentation stay linear on hostile text (issue 17).

Each input is built here (nothing big is committed) and each test runs under a tight timeout:
before issue 17, conversion aligned whole lines with difflib (an 80,000-character line took
44 s, a megabyte line hours) and jieba's HMM was quadratic in a run of one character (20,000 ×
注 took 4.8 s), so every test here timed out. The results are checked too, not only the time.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path
from unittest import mock

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import convert as convert_module
from reader.core.convert import PHRASE_FREE, Conversion, convert_text
from reader.core.opencc_backend import converter
from reader.core.segment import search_tokens, tokenizer, tokens
from tests.support import seed_path
from tests.unit.test_convert_offsets import WORDS

MB = 1_000_000
CLAUSE = re.compile(r"[^，。；：、！？]+")


def cc(config: str, text: str) -> str:
    return converter(config).convert(text)


@cache
def report_line(config: str = "") -> str:
    """About 1 MB of UTF-8 on one line: the 2024 report's lines joined, in Simplified, repeated, then
    converted with `config` (left Simplified when empty)."""
    lines = [line.strip() for line in seed_path(1).read_text(encoding="utf-8").splitlines()]
    text = cc("t2s", "".join(lines))
    line = (text * (MB // len(text.encode()) + 1))[: MB // 3]
    return cc(config, line) if config else line


def assert_clauses_map_onto_their_conversion(conversion: Conversion, config: str, every: int) -> None:
    """A clause (between punctuation, which no phrase spans) maps onto exactly what it converts to on
    its own, and back onto exactly itself."""
    offsets = conversion.offsets
    for n, match in enumerate(CLAUSE.finditer(conversion.original)):
        if n % every:
            continue
        start, end = match.span()
        a, b = offsets.span_to_converted(start, end)
        assert conversion.text[a:b] == cc(config, match.group()), (start, match.group())
        assert offsets.span_to_original(a, b) == (start, end)


def assert_whole_maps_onto_whole(conversion: Conversion) -> None:
    offsets = conversion.offsets
    assert offsets.span_to_converted(0, len(conversion.original)) == (0, len(conversion.text))
    assert offsets.span_to_original(0, len(conversion.text)) == (0, len(conversion.original))


# --- conversion ------------------------------------------------------------------------------------


@pytest.mark.timeout(25)  # a few seconds at most here; the old alignment took minutes
@pytest.mark.parametrize(("config", "source"), [("s2t", ""), ("s2twp", ""), ("t2s", "s2t"), ("tw2sp", "s2twp")])
def test_a_megabyte_on_one_line_converts_with_exact_offsets(config, source):
    text = report_line(source)
    assert len(text.encode()) > 0.95 * MB and "\n" not in text
    conversion = convert_text(text, config)
    assert conversion.text == cc(config, text)
    assert_whole_maps_onto_whole(conversion)
    assert_clauses_map_onto_their_conversion(conversion, config, every=97)


@pytest.mark.timeout(25)  # a few seconds at most here; the old alignment took minutes
@pytest.mark.parametrize(
    ("config", "unit", "parts"),
    [
        ("s2twp", "鼠标U盘", (("鼠标", "滑鼠"), ("U盘", "隨身碟"))),  # equal length, then growing
        ("tw2sp", "滑鼠隨身碟", (("滑鼠", "鼠标"), ("隨身碟", "U盘"))),  # equal length, then shrinking
        ("s2t", "头发面条", (("头发", "頭髮"), ("面条", "麪條"))),  # phrases: 发 alone is 發, 面 is 面
        ("t2s", "瞭解藉口", (("瞭解", "了解"), ("藉口", "借口"))),
    ],
)
def test_a_line_of_one_phrase_pair_repeated_200_000_times_maps_every_phrase(config, unit, parts):
    """No punctuation to cut at: the line is cut where OpenCC agrees, and each phrase still maps
    onto its own conversion (part of a phrase selects the whole phrase)."""
    repeats = 200_000
    text = unit * repeats
    conversion = convert_text(text, config)
    out_unit = "".join(converted for _, converted in parts)
    assert conversion.text == out_unit * repeats
    offsets = conversion.offsets
    for k in (0, 1, 12_345, repeats // 2 + 7, repeats - 1):
        start, conv_start = k * len(unit), k * len(out_unit)
        for word, converted in parts:
            end, conv_end = start + len(word), conv_start + len(converted)
            assert offsets.span_to_converted(start, end) == (conv_start, conv_end)
            assert offsets.span_to_original(conv_start, conv_end) == (start, end)
            if len(word) != len(converted):  # inside a phrase that changed length: the whole phrase
                assert offsets.span_to_converted(start + 1, start + 2) == (conv_start, conv_end)
            start, conv_start = end, conv_end
    assert_whole_maps_onto_whole(conversion)


# Four phrases a line, rotating: before issue 17 these 100,000 lines took 7–10 s to align.
TINY_LINE_PHRASES = {
    "s2twp": ("U盘", "鼠标", "打印机", "内存", "软件"),
    "s2t": ("头发", "面条", "理发", "皇后"),
    "t2s": ("瞭解", "藉口", "乾坤", "乾隆"),
}


@pytest.mark.timeout(15)
@pytest.mark.parametrize("config", sorted(TINY_LINE_PHRASES))
def test_100_000_tiny_lines_of_phrases_keep_every_line_and_phrase_in_place(config):
    phrases = TINY_LINE_PHRASES[config]
    lines = [[phrases[(n + k) % len(phrases)] for k in range(4)] for n in range(100_000)]
    text = "\n".join("".join(words) for words in lines)
    conversion = convert_text(text, config)
    out_lines = conversion.text.split("\n")
    assert len(out_lines) == len(lines)
    offsets = conversion.offsets
    start = conv_start = 0
    for n, (words, out) in enumerate(zip(lines, out_lines, strict=True)):
        if n % 997 == 0:
            assert out == "".join(cc(config, word) for word in words)
            for word in words:  # each phrase maps onto its own conversion, both ways
                end, conv_end = start + len(word), conv_start + len(cc(config, word))
                assert offsets.span_to_converted(start, end) == (conv_start, conv_end)
                assert offsets.span_to_original(conv_start, conv_end) == (start, end)
                start, conv_start = end, conv_end
            start, conv_start = start + 1, conv_start + 1
        else:
            start += sum(map(len, words)) + 1
            conv_start += len(out) + 1
    assert_whole_maps_onto_whole(conversion)


# --- chunk cuts ------------------------------------------------------------------------------------


def behaviour(conversion: Conversion) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where every offset goes, as a start and as an end, both ways."""
    m = conversion.offsets
    forth = [(m.to_converted(x), m.to_converted(x, end=True)) for x in range(len(conversion.original) + 1)]
    back = [(m.to_original(y), m.to_original(y, end=True)) for y in range(len(conversion.text) + 1)]
    return forth, back


@st.composite
def long_lines(draw):
    """Words from every script, mostly run together (long runs with nothing to cut at), sometimes
    separated by punctuation, spaces or a character outside the BMP."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=30))
    glue = draw(st.lists(st.sampled_from(("", "", "", "，", " ", "。", "\U00020bb7")), min_size=len(words), max_size=len(words)))
    return "".join(g + w for g, w in zip(glue, words, strict=True))


@pytest.mark.parametrize("config", ["s2twp", "tw2sp", "s2hkp", "t2s", "t2jp"])
@settings(max_examples=40, deadline=None)
@given(text=long_lines(), piece=st.integers(2, 12))
def test_converting_in_pieces_maps_every_offset_as_converting_the_line_whole(config, text, piece):
    """Cut into pieces a few characters long, a line maps every offset exactly as aligned whole:
    no cut splits a phrase."""
    with mock.patch.object(convert_module, "_PIECE", 1_000_000):
        whole = convert_text(text, config)
    with mock.patch.object(convert_module, "_PIECE", piece):
        pieces = convert_text(text, config)
    assert pieces.text == whole.text == cc(config, text)
    assert behaviour(pieces) == behaviour(whole)


@pytest.mark.parametrize("config", ["s2twp", "tw2sp", "s2hkp", "t2s"])
@settings(max_examples=40, deadline=None)
@given(text=long_lines())
def test_a_line_converts_as_its_parts_cut_after_each_phrase_free_character(config, text):
    parts = re.split(f"(?<=[{re.escape(PHRASE_FREE)}])", text)
    assert "".join(cc(config, part) for part in parts) == cc(config, text)


def _dictionary_keys(folder: Path) -> list[str]:
    """Every key of every dictionary OpenCC ships, read with its own opencc_dict tool."""
    clib = Path(opencc.__file__).parent / "clib"
    tool, dictionaries = clib / "bin" / "opencc_dict", sorted((clib / "share" / "opencc").glob("*.ocd2"))
    if not tool.exists() or not dictionaries:
        pytest.skip("this OpenCC build ships no opencc_dict tool or .ocd2 dictionaries")
    keys = []
    for dictionary in dictionaries:
        path = folder / f"{dictionary.stem}.txt"
        command = [str(tool), "-i", str(dictionary), "-o", str(path), "-f", "ocd2", "-t", "text"]
        subprocess.run(command, check=True, capture_output=True, timeout=60)
        keys += [line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    return keys


@pytest.mark.timeout(60)
def test_no_opencc_dictionary_has_a_phrase_with_a_phrase_free_character(tmp_path):
    """The cut characters are safe only while no phrase contains one: checked against every key of
    every dictionary this OpenCC ships, so an upgrade that adds one fails here."""
    keys = _dictionary_keys(tmp_path)
    assert len(keys) > 10_000
    in_phrases = {ch for key in keys if len(key) > 1 for ch in key}
    assert not in_phrases & set(PHRASE_FREE)


# --- word segmentation -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def _jieba_ready():
    tokenizer()


@pytest.mark.timeout(25)  # a few seconds at most here; the old alignment took minutes
@pytest.mark.parametrize("cut", [tokens, search_tokens])
def test_a_note_of_one_character_100_000_times_segments_in_linear_time(_jieba_ready, cut):
    text = "注" * 100_000
    found = cut(text)
    # Every token is the text under its offsets, in order, and together they cover the note.
    assert all(text[start:end] == word for word, start, end in found)
    assert [start for _, start, _ in found] == sorted(start for _, start, _ in found)
    assert "".join(word for word, _, _ in found) == text
    assert found[-1][2] == len(text)


@pytest.mark.timeout(25)  # a few seconds at most here; the old alignment took minutes
@pytest.mark.parametrize("cut", [tokens, search_tokens])
def test_a_megabyte_on_one_line_in_taiwan_script_segments_with_offsets_into_the_original(_jieba_ready, cut):
    """Folded to Simplified for jieba (a conversion with phrases), tokens map back exactly."""
    source = "s2twp"
    text = report_line(source)
    found = cut(text)
    assert all(text[start:end] == word for word, start, end in found)
    words = [(word, start) for word, start, _ in found]
    if cut is tokens:
        # Reading order, nothing dropped but whitespace, nothing twice.
        assert "".join(word for word, _ in words) == re.sub(r"\s", "", text)
    term = cc(source, "新质生产力")
    at = text.index(term)
    assert (term, at) in words  # a policy term stays whole, even in Taiwan script
