"""Look-alike code points and stray spacing that PDF and web extraction leave in report text.

Search, extraction and comparison treat text by code point, so a Kangxi radical 「⾼」 must become
「高」, full-width digits ASCII, and PDF symbol-font bullets a real bullet. NFKC is applied only to
the ranges that need it: on the whole text it would turn the full-width punctuation Chinese uses
(，：；（）) into ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

BULLET = "●"
DASH_PAIR = "——"

_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Characters after or before which Chinese typesetting puts no space.
_CJK = f"{_HAN_RANGES}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2e80-\u2fdf●"
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CN_NUMERALS = "一二三四五六七八九十百零〇"


def _lazy(pattern: str) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled on first use: a class over the CJK ranges takes ~2.5 ms to compile,
    which every start of the window paid for patterns only ingest uses."""
    return cache(lambda: re.compile(pattern))


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in _SPACE_CHARS:
        table[ord(ch)] = " "
    for ch in _ZERO_WIDTH:
        table[ord(ch)] = ""
    # Full-width digits and Latin letters, and the full-width percent sign.
    for code in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
        table[code] = chr(code - 0xFEE0)
    table[0xFF05] = "%"
    # Symbol-font (Wingdings/Symbol) glyphs land in U+F000–U+F0FF: in reports they are bullets.
    for code in range(0xF000, 0xF100):
        table[code] = BULLET
    for ch in "•▪■◆◇○◎▶►➢✓√":
        table[ord(ch)] = BULLET
    table[0x2E3A] = DASH_PAIR
    table[0x2E3B] = DASH_PAIR
    # Kangxi radicals, CJK radicals supplement and compatibility ideographs: their NFKC form.
    for code in list(range(0x2E80, 0x2FE0)) + list(range(0xF900, 0xFB00)) + list(range(0x2F800, 0x2FA20)):
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and len(folded) == 1:
            table[code] = folded
    # Most of the radicals supplement has no NFKC form (⺠ ⻓ ⻚ survive it): Unicode's table of
    # equivalent ideographs. One character for one, so offsets into the text stay put.
    from reader.core.radicals import EQUIVALENT_IDEOGRAPH

    for code, ideograph in EQUIVALENT_IDEOGRAPH.items():
        table.setdefault(code, chr(ideograph))
    return table


_DASH_RUN = re.compile(r"[\u2014\u2015\u2500\u2e3a]{2,}")
_ASCII_PUNCT_AFTER_CJK = _lazy(rf"(?<=[{_CJK}”’])([,;:?!])(?![0-9A-Za-z/])")
_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_PAREN_NUMBER = re.compile(rf"\(([{_CN_NUMERALS}]{{1,3}})\)")
# (Not the form feed: it marks where a page begins, for layout to read and remove.)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Runs that are more than one plain space: a single space is already right, and replacing it
# anyway copied every line (a megabyte line once more) for nothing.
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
# A run of spaces is tried from its start only: from inside it, each start rescans the run.
_SPACE_NEAR_CJK = _lazy(rf"(?<=[{_CJK}]) +|(?<! ) +(?=[{_CJK}])")
_HAN = _lazy(f"[{_HAN_RANGES}]")


def normalize_chars(text: str) -> str:
    """Fold look-alike code points; keeps line structure (one output line per input line) and the
    form feeds between pages."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.translate(_table()))
    text = _DASH_RUN.sub(DASH_PAIR, text)
    text = _HALF_PAREN_NUMBER.sub(r"（\1）", text)
    return _ASCII_PUNCT_AFTER_CJK().sub(lambda m: _FULL_PUNCT[m.group(1)], text)


def tidy_spaces(text: str) -> str:
    """One line of prose: no space next to Chinese characters, single spaces between words.

    PDF extraction puts spaces around every run of digits or Latin letters in Chinese text
    ("2024 年 3 月"), inconsistently; without them "2024年" is found whichever way it was typed.
    """
    if " " not in text and "\t" not in text:
        return text.strip()  # nothing for either pattern to find (most lines of a report)
    text = _SPACE_RUN.sub(" ", text).strip()
    return _SPACE_NEAR_CJK().sub("", text)


# Matches are counted a slice of text at a time: findall over a megabyte of Han characters makes
# a list of a third of a million one-character strings (~28 bytes of memory per byte of text).
_COUNT_SLICE = 8192


def count_matches(pattern: re.Pattern[str], text: str) -> int:
    """How many times `pattern` (one that matches single characters) occurs in text."""
    if len(text) <= _COUNT_SLICE:
        return len(pattern.findall(text))
    return sum(len(pattern.findall(text, k, k + _COUNT_SLICE)) for k in range(0, len(text), _COUNT_SLICE))


def han_count(text: str) -> int:
    return count_matches(_HAN(), text)


def has_two_han(text: str) -> bool:
    """han_count(text) >= 2, found without counting past the second."""
    han = _HAN()
    first = han.search(text)
    return first is not None and han.search(text, first.end()) is not None


_CJK_CHAR = _lazy(f"[{_CJK}]")


def is_cjk_char(ch: str) -> bool:
    return bool(_CJK_CHAR().match(ch))
