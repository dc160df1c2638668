"""Lay out a clean report as text extracted from a PDF, and measure how much of it ingest rebuilds.

The layout does what a PDF's text layer does to a report: every paragraph hard-wrapped at a column
`width` (measured in Chinese characters; Latin letters and digits take half a character, as in a
proportional font), a line break anywhere — inside a number too (…就业120 / 0万人, 4. / 06万亿元) —,
closing punctuation kept off the start of a line (hung on the line above, or one character pushed
down with it), trailing spaces on some lines, a blank line after every line (or not), and a page
footer (第 3 页, - 3 -, 3/45) every so many lines, wherever the page ends: mostly inside a sentence.
A seed decides what varies (page length, footer style, where numbers are cut, trailing spaces).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from reader.core.ingest import ingest_text
from reader.core.normalize import normalize_chars, tidy_spaces

WIDTHS = (25, 28, 30, 32, 35, 38, 40)
FOOTERS = ("第 {page} 页", "- {page} -", "{page}/{pages}")
# Characters a Chinese line may not start with (kinsoku): they hang on the line above or pull
# the line's last character down with them.
_NO_LINE_START = set("，。、；：？！）》」』”’%")
# A number this many characters or fewer from the end of a line may be cut there.
_NUMBER_REACH = 6


def paragraphs(text: str) -> list[str]:
    """The report's paragraphs: its lines, stripped, without empty ones."""
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _units(ch: str) -> int:
    """Width in half-characters: Latin letters, digits and ASCII punctuation are half a Chinese character."""
    return 1 if ch.isascii() else 2


def _cuttable(before: str, after: str) -> bool:
    """Inside a number, or between a number and the unit after it."""
    if not before.isdigit():
        return before == "." and after.isdigit()
    return after.isdigit() or after == "." or ("\u4e00" <= after <= "\u9fff")


def wrap(paragraph: str, width: int, rng: random.Random, *, cut_numbers: float = 0.5) -> list[str]:
    """One paragraph's lines at `width` Chinese characters."""
    limit = 2 * width
    lines: list[str] = []
    start = 0
    n = len(paragraph)
    while start < n:
        used = 0
        end = start
        while end < n and used + _units(paragraph[end]) <= limit:
            used += _units(paragraph[end])
            end += 1
        if end < n:
            # A number near the end of the line: the break may fall inside it (120 / 0万人, 4. / 06万亿元)
            # or between it and its unit (1200 / 万人).
            if rng.random() < cut_numbers:
                for cut in range(end - 1, max(start + 1, end - _NUMBER_REACH), -1):
                    if _cuttable(paragraph[cut - 1], paragraph[cut]):
                        end = cut
                        break
            if end < n and paragraph[end] in _NO_LINE_START:
                if rng.random() < 0.5 or end - start < 3 or paragraph[end - 1] in _NO_LINE_START:
                    while end < n and paragraph[end] in _NO_LINE_START:
                        end += 1  # hang the punctuation on this line
                else:
                    end -= 1  # push the last character down with it
        lines.append(paragraph[start:end])
        start = end
    return lines


@dataclass(frozen=True)
class Layout:
    """How one seed lays out a report."""

    width: int
    seed: int
    # A blank line after every line; or none, and then the page footer is set apart by blank lines
    # or not (footer_apart).
    blank_lines: bool = True
    footer_apart: bool = False
    footer: str = ""
    page_lines: int = 0
    trailing_spaces: float = 0.3
    cut_numbers: float = 0.5

    @classmethod
    def for_seed(cls, width: int, seed: int, *, blank_lines: bool = True, footer_apart: bool = False) -> Layout:
        rng = random.Random(seed * 1009 + width)
        footer, page_lines, trailing = rng.choice(FOOTERS), rng.randint(28, 44), rng.choice((0.0, 0.3, 0.6))
        return cls(width, seed, blank_lines, footer_apart and not blank_lines, footer, page_lines, trailing)


def lay_out(text: str, layout: Layout) -> str:
    """The report as a PDF's text layer gives it."""
    rng = random.Random(f"{layout.seed}/{layout.width}/{layout.blank_lines}")
    lines = [line for p in paragraphs(text) for line in wrap(p, layout.width, rng, cut_numbers=layout.cut_numbers)]
    lines = [line + " " if rng.random() < layout.trailing_spaces else line for line in lines]
    if layout.page_lines:
        pages = -(-len(lines) // layout.page_lines)
        paged: list[str] = []
        for n, line in enumerate(lines, 1):
            paged.append(line)
            if n % layout.page_lines == 0:
                footer = layout.footer.format(page=n // layout.page_lines, pages=pages)
                paged.append(f"\n{footer}\n" if layout.footer_apart else footer)
        lines = paged
    separator = "\n\n" if layout.blank_lines else "\n"
    return separator.join(lines) + "\n"


def expected(paragraph: str) -> str:
    """A paragraph as ingest writes it: look-alike characters folded, spaces next to Chinese dropped."""
    return tidy_spaces(normalize_chars(paragraph))


@dataclass
class Score:
    """How many of a report's paragraphs came back whole, and the ones that did not."""

    whole: int = 0
    total: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.whole / self.total if self.total else 1.0

    def add(self, other: Score) -> None:
        self.whole += other.whole
        self.total += other.total
        self.missed.extend(other.missed)


def score(text: str, laid_out: str) -> Score:
    """Share of the clean text's paragraphs that are exactly one block of the laid-out text's ingest."""
    blocks = Counter(block.text for block in ingest_text(laid_out).blocks)
    result = Score()
    for paragraph in paragraphs(text):
        want = expected(paragraph)
        result.total += 1
        if blocks[want] > 0:
            blocks[want] -= 1
            result.whole += 1
        else:
            result.missed.append(want)
    return result
