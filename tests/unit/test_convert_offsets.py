"""A selection in one pane lands on the same words in the other pane, under every conversion.

A phrase OpenCC converts as a whole (s2twp: 鼠标 → 滑鼠, U盘 → 隨身碟) maps as a whole: selecting
part of it selects the whole phrase on the other side, whether or not the phrase changed length.
The properties below are checked against OpenCC itself, not against the offset map's internals:
texts are built from words joined by separators no phrase crosses, so what each word becomes is
known from converting it on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.convert import CONFIG_NAMES, convert_text
from reader.core.opencc_backend import converter

CONFIGS = sorted(CONFIG_NAMES)
ASTRAL = "\U00020bb7"  # 𠮷, one code point outside the BMP (two UTF-16 units)

# Words that some config converts as a phrase, in Simplified, Taiwan, Hong Kong and Japanese
# forms: equal-length phrases (鼠标/滑鼠, 信息/資訊), shrinking and growing ones (隨身碟 → U盘,
# 内存 → 記憶體, 互联网 → 網際網路), and words converted character by character.
WORDS = (
    "鼠标", "U盘", "信息", "内存", "短信", "互联网", "的士", "打印机", "软件", "网络", "程序", "硬盘",
    "数据库", "面条", "头发", "出租车", "激光打印机", "鼠标垫", "服务器", "光盘", "移动电话", "干部",
    "滑鼠", "隨身碟", "資訊", "記憶體", "簡訊", "網際網路", "印表機", "軟體", "網路", "程式", "硬碟",
    "計程車", "頭髮", "滑鼠墊", "伺服器", "光碟", "行動電話", "鼠標", "U盤",
    "旧体字", "国語", "図書館", "舊體字", "國語", "圖書館",
    "发展", "新质生产力", "國內生產總值", f"{ASTRAL}野家", ASTRAL, "5%左右",
)
# Separators no OpenCC phrase spans (checked in every example against OpenCC).
SEPARATORS = ("，", "、", "。", " ", "\n", "\n\n", ASTRAL, "：5.2%，")


def cc(config: str, text: str) -> str:
    return converter(config).convert(text)


def per_character(config: str, text: str) -> str:
    return "".join(cc(config, ch) for ch in text)


@cache
def whole_phrases(config: str) -> tuple[str, ...]:
    """Words this config converts as one indivisible phrase that changes its first and last character.

    Indivisible: no cut of the word converts, piece by piece, to what the whole converts to.
    (A phrase that keeps an edge character, 软件 → 軟體, may map that character on its own.)
    """
    out = []
    for word in WORDS:
        whole, chars = cc(config, word), per_character(config, word)
        divisible = any(cc(config, word[:p]) + cc(config, word[p:]) == whole for p in range(1, len(word)))
        if whole != chars and not divisible and whole[0] != chars[0] and whole[-1] != chars[-1]:
            out.append(word)
    return tuple(out)


@cache
def plain_words(config: str) -> tuple[str, ...]:
    """Words this config converts character by character, one character for one."""
    return tuple(w for w in WORDS if cc(config, w) == per_character(config, w) and len(cc(config, w)) == len(w))


@dataclass(frozen=True)
class Piece:
    original: str
    converted: str
    phrase: bool
    start: int  # in the original text
    conv_start: int  # in the converted text


def build(config: str, words: list[str], separators: list[str]) -> list[Piece]:
    """Words and separators laid end to end, each with what OpenCC makes of it on its own."""
    pieces: list[Piece] = []
    start = conv_start = 0
    phrases = whole_phrases(config)
    for i, word in enumerate(words):
        parts = [(separators[i - 1], False)] if i else []
        parts.append((word, word in phrases))
        for original, phrase in parts:
            converted = cc(config, original)
            pieces.append(Piece(original, converted, phrase, start, conv_start))
            start += len(original)
            conv_start += len(converted)
    return pieces


def expected(pieces: list[Piece], offset: int, *, end: bool, to_converted: bool) -> int:
    """Where an offset lands: a whole phrase's edge, else the same character on the other side."""
    for piece in pieces:
        src_start = piece.start if to_converted else piece.conv_start
        dst_start = piece.conv_start if to_converted else piece.start
        src_len = len(piece.original if to_converted else piece.converted)
        dst_len = len(piece.converted if to_converted else piece.original)
        if src_start <= offset < src_start + src_len:
            inside = offset - src_start
            if inside == 0:
                return dst_start
            if piece.phrase:
                return dst_start + dst_len if end else dst_start
            return dst_start + inside
    last = pieces[-1]
    return (last.conv_start + len(last.converted)) if to_converted else (last.start + len(last.original))


# --- plain examples -----------------------------------------------------------------------------


def mirror(text: str, config: str, start: int, end: int) -> str:
    conversion = convert_text(text, config)
    a, b = conversion.offsets.span_to_converted(start, end)
    return conversion.text[a:b]


def mirror_back(text: str, config: str, quote: str) -> str:
    """The original text under a selection of `quote` in the converted pane."""
    conversion = convert_text(text, config)
    a = conversion.text.index(quote)
    s, e = conversion.offsets.span_to_original(a, a + len(quote))
    return text[s:e]


@pytest.mark.parametrize(("start", "end"), [(0, 1), (1, 2), (0, 2)])
def test_selecting_part_of_an_equal_length_phrase_selects_the_whole_converted_phrase(start, end):
    """鼠标 → 滑鼠 keeps its length, yet 鼠 of 鼠标 is not 滑: the phrase maps as a whole."""
    assert convert_text("鼠标", "s2twp").text == "滑鼠"
    assert mirror("鼠标", "s2twp", start, end) == "滑鼠"
    assert mirror("请用鼠标点击", "s2twp", 2 + start, 2 + end) == "滑鼠"


def test_selecting_one_character_of_a_converted_equal_length_phrase_selects_the_whole_original():
    assert mirror_back("请用鼠标点击", "s2twp", "滑") == "鼠标"
    assert mirror_back("请用鼠标点击", "s2twp", "鼠") == "鼠标"
    assert mirror_back("請用滑鼠點擊", "tw2sp", "标") == "滑鼠"


def test_shrinking_and_growing_phrases_map_as_a_whole_both_ways():
    assert convert_text("用隨身碟拷貝", "tw2sp").text.startswith("用U盘")
    assert mirror("用隨身碟拷貝", "tw2sp", 2, 3) == "U盘"  # 隨 alone selects U盘
    assert mirror_back("用隨身碟拷貝", "tw2sp", "盘") == "隨身碟"
    assert mirror("用U盘和𠮷", "s2twp", 1, 2) == "隨身碟"
    assert mirror_back("用U盘和𠮷", "s2twp", "身") == "U盘"


def test_offsets_after_an_astral_character_and_a_growing_phrase_stay_exact():
    text = f"{ASTRAL}用U盘，鼠标。"
    conversion = convert_text(text, "s2twp")
    assert conversion.text == f"{ASTRAL}用隨身碟，滑鼠。"
    assert mirror(text, "s2twp", 0, 1) == ASTRAL
    assert mirror(text, "s2twp", text.index("鼠"), text.index("鼠") + 1) == "滑鼠"
    assert conversion.offsets.span_to_converted(text.index("。"), len(text)) == (len(conversion.text) - 1, len(conversion.text))


# --- properties over every config -----------------------------------------------------------------


@st.composite
def built_texts(draw, config: str, pool_of):
    pool = pool_of(config)
    words = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=7))
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words) - 1, max_size=len(words) - 1))
    return build(config, words, separators)


def exact_pool(config: str) -> tuple[str, ...]:
    return whole_phrases(config) + plain_words(config)


@pytest.mark.parametrize("config", CONFIGS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_offset_lands_on_the_same_word_or_on_a_whole_phrase(config, data):
    """In both directions, every offset maps exactly where OpenCC's own word-by-word result says.

    An offset inside a phrase snaps to the phrase's start (a selection's start) or end (its end);
    an offset inside a word converted character by character lands on the same character.
    """
    pieces = data.draw(built_texts(config, exact_pool))
    text = "".join(p.original for p in pieces)
    conversion = convert_text(text, config)
    # The ground truth: OpenCC converts the whole text as it converts each piece on its own.
    assert conversion.text == cc(config, text) == "".join(p.converted for p in pieces)
    assert all(p.phrase or len(p.converted) == len(p.original) == len(per_character(config, p.original)) for p in pieces)
    offsets = conversion.offsets
    for x in range(len(text) + 1):
        assert offsets.to_converted(x) == expected(pieces, x, end=False, to_converted=True), (text, x)
        assert offsets.to_converted(x, end=True) == expected(pieces, x, end=True, to_converted=True), (text, x)
    for y in range(len(conversion.text) + 1):
        assert offsets.to_original(y) == expected(pieces, y, end=False, to_converted=False), (conversion.text, y)
        assert offsets.to_original(y, end=True) == expected(pieces, y, end=True, to_converted=False), (conversion.text, y)
    # A span of whole words maps onto exactly their conversion, and back onto exactly them.
    i = data.draw(st.integers(0, len(pieces) - 1))
    j = data.draw(st.integers(i + 1, len(pieces)))
    start, end = pieces[i].start, (pieces[j - 1].start + len(pieces[j - 1].original))
    a, b = offsets.span_to_converted(start, end)
    assert conversion.text[a:b] == cc(config, text[start:end])
    assert offsets.span_to_original(a, b) == (start, end)


@st.composite
def any_texts(draw):
    """Words from every script joined with or without separators (adjacent words may form new phrases)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    glue = draw(st.lists(st.sampled_from(("", *SEPARATORS)), min_size=len(words), max_size=len(words)))
    return "".join(g + w for g, w in zip(glue, words, strict=True))


def spans(length: int):
    return st.tuples(st.integers(0, length), st.integers(0, length)).map(sorted)


@pytest.mark.parametrize("config", CONFIGS)
@settings(max_examples=30, deadline=None)
@given(text=any_texts(), data=st.data())
def test_mapped_spans_stay_in_bounds_in_order_and_contain_the_selection_both_ways(config, text, data):
    conversion = convert_text(text, config)
    assert conversion.text == cc(config, text)
    offsets = conversion.offsets
    for forth, back, length, other in (
        (offsets.to_converted, offsets.to_original, len(text), len(conversion.text)),
        (offsets.to_original, offsets.to_converted, len(conversion.text), len(text)),
    ):
        s, e = data.draw(spans(length))
        a, b = forth(s), forth(e, end=True)
        assert 0 <= a <= b <= other
        # Order is kept: a later offset never maps before an earlier one, as a start or as an end.
        assert forth(s) <= forth(e) and forth(s, end=True) <= forth(e, end=True)
        assert forth(s) <= forth(s, end=True)
        # Mapping there and back covers at least the selection, and doing it again changes nothing.
        rs, re_ = back(a), back(b, end=True)
        assert rs <= s and e <= re_
        assert (forth(rs), forth(re_, end=True)) == (a, b)
    # Lines map onto lines: OpenCC never converts across a line break.
    start = 0
    conv_start = 0
    for line, out in zip(text.split("\n"), conversion.text.split("\n"), strict=True):
        assert offsets.span_to_converted(start, start + len(line)) == (conv_start, conv_start + len(out))
        assert offsets.span_to_original(conv_start, conv_start + len(out)) == (start, start + len(line))
        start += len(line) + 1
        conv_start += len(out) + 1


@pytest.mark.parametrize("config", CONFIGS)
def test_the_whole_text_maps_onto_the_whole_conversion(config):
    text = "".join(f"{w}，" for w in WORDS)
    conversion = convert_text(text, config)
    assert conversion.offsets.span_to_converted(0, len(text)) == (0, len(conversion.text))
    assert conversion.offsets.span_to_original(0, len(conversion.text)) == (0, len(text))


# --- known imprecision ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "text", "word", "converted_word"),
    [
        ("s2twp", "软件，鼠标，内存", "鼠标", "滑鼠"),
        ("tw2sp", "軟體 滑鼠 記憶體 隨身碟", "記憶體", "内存"),
    ],
)
def test_a_phrase_after_one_that_keeps_its_first_character_maps_onto_its_own_conversion(config, text, word, converted_word):
    start = text.index(word)
    assert mirror(text, config, start, start + len(word)) == converted_word


def test_a_long_line_of_phrases_maps_every_phrase_without_deep_recursion():
    """A line of hundreds of adjacent phrases is one group to split: splitting must not recurse
    once per phrase (the recursion limit is lowered so that a recursive split would fail here)."""
    import sys

    from reader.core.convert import convert_text

    unit = "软件鼠标内存U盘"
    line = unit * 80
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(150)
    try:
        conversion = convert_text(line, "s2twp")
    finally:
        sys.setrecursionlimit(limit)
    assert conversion.text == "軟體滑鼠記憶體隨身碟" * 80
    last = len(line) - len(unit)
    start, end = conversion.offsets.span_to_converted(last + 2, last + 4)
    assert conversion.text[start:end] == "滑鼠"


def test_a_repeated_phrase_that_the_differ_pairs_with_the_wrong_repeat_still_maps_in_place():
    """tw2sp: 鼠标滑鼠鼠标鼠标 → 鼠标鼠标鼠标鼠标; a character-level differ pairs the output's first
    鼠标 with the input's second, and each word must still map onto its own conversion."""
    from reader.core.convert import convert_text

    conversion = convert_text("鼠标滑鼠鼠标鼠标", "tw2sp")
    for start in (0, 2, 4, 6):
        assert conversion.offsets.span_to_converted(start, start + 2) == (start, start + 2)
        assert conversion.offsets.span_to_original(start, start + 2) == (start, start + 2)
