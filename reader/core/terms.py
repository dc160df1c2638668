"""Policy terms (新质生产力, 人工智能+, 专精特新 …): the bundled dictionary and where terms occur.

The dictionary (resources/policy_terms.txt) is Simplified; text in either script is folded to
Simplified before matching and hits are mapped back, so offsets always point into the original.
Quotation marks inside a term are skipped when matching (“三北”工程 is 三北工程), and a full-width
＋ matches the + of 人工智能+.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from reader.core.convert import Conversion
from reader.core.extracted import TermHit
from reader.core.find import FOLD_CONFIG, fold
from reader.core.model import Document
from reader.core.numbers import folded_conversion
from reader.paths import resources_dir

TERMS_FILE = "policy_terms.txt"

# Quotation marks that may sit inside a term as written; the matcher reads the text without them.
_QUOTES = "“”‘’「」『』\"'"
_OPENING = {"”": "“", "’": "‘", "」": "「", "』": "『"}
_CLOSING = {v: k for k, v in _OPENING.items()}
_QUOTE_RUN = re.compile(f"[{re.escape(_QUOTES)}]+")


@cache
def load_entries() -> tuple[tuple[str, str], ...]:
    """(term, note) pairs in file order; the note is "" where the file gives none."""
    entries: list[tuple[str, str]] = []
    seen: set[str] = set()
    path = resources_dir() / TERMS_FILE
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, _, note = line.partition("\t")
        term = term.strip()
        if term and term not in seen:
            seen.add(term)
            entries.append((term, note.strip()))
    return tuple(entries)


@cache
def load_terms() -> tuple[str, ...]:
    """The dictionary's terms (Simplified), in file order."""
    return tuple(term for term, _ in load_entries())


@cache
def _pattern() -> re.Pattern[str]:
    # Longest first: at any position the longest term wins (新质生产力 over 生产力).
    terms = sorted(load_terms(), key=lambda t: (-len(t), t))
    return re.compile("|".join(_term_regex(t) for t in terms))


def _term_regex(term: str) -> str:
    return "".join("[+＋]" if ch in "+＋" else re.escape(ch) for ch in term)


def find_terms(source: Document | str | Conversion) -> list[TermHit]:
    """Every occurrence of a dictionary term, in text order, non-overlapping (longest wins).

    `source` may be a Document, its text, or an already folded t2s Conversion of the text.
    """
    if isinstance(source, Conversion):
        if source.config != FOLD_CONFIG:
            raise ValueError(f"find_terms needs a {FOLD_CONFIG} conversion, not {source.config}")
        folded = source
    elif isinstance(source, Document):
        folded = folded_conversion(source)  # the fold targets and figures already made
    else:
        folded = fold(source)
    original = folded.original
    stripped, kept_at, stripped_at = _without_quotes(folded.text)
    identity = folded.offsets.orig == folded.offsets.conv
    hits: list[TermHit] = []
    for match in _pattern().finditer(stripped):
        start = _to_folded(match.start(), kept_at, stripped_at)
        end = _to_folded(match.end() - 1, kept_at, stripped_at) + 1
        if not identity:
            start, end = folded.offsets.span_to_original(start, end)
        start, end = _balance_quotes(original, start, end)
        term = match.group().replace("＋", "+")
        hits.append(TermHit(term=term, text=original[start:end], start=start, end=end))
    return hits


def _without_quotes(text: str) -> tuple[str, list[int], list[int]]:
    """The text without quotation marks, and where each kept run starts in both texts."""
    kept_at = [0]  # start of each kept run in `text`
    stripped_at = [0]  # … and in the stripped text
    pieces: list[str] = []
    pos = 0
    for quote in _QUOTE_RUN.finditer(text):
        pieces.append(text[pos : quote.start()])
        pos = quote.end()
        kept_at.append(pos)
        stripped_at.append(stripped_at[-1] + len(pieces[-1]))
    if pos == 0:
        return text, kept_at, stripped_at
    pieces.append(text[pos:])
    return "".join(pieces), kept_at, stripped_at


def _to_folded(index: int, kept_at: list[int], stripped_at: list[int]) -> int:
    k = bisect_right(stripped_at, index) - 1
    return kept_at[k] + index - stripped_at[k]


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """“三北”工程, not 三北”工程: take in the partner of a quotation mark the hit cuts through."""
    inner = text[start:end]
    for close, open_ in _OPENING.items():
        if inner.count(close) > inner.count(open_) and start > 0 and text[start - 1] == open_:
            start -= 1
    for open_, close in _CLOSING.items():
        if inner.count(open_) > inner.count(close) and end < len(text) and text[end] == close:
            end += 1
    return start, end
