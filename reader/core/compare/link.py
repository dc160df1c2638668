"""The Link between two compared reports: block n of one year is block m of the other.

Side 0 (left) is A, side 1 (right) is B, offsets are code points of each document's own text.
A block maps to the first block of its counterpart group (a split paragraph's first part), or to
None when it was added or removed. A span maps through its pair: in a SAME pair, the same
offsets from the block start; in a changed pair, text outside the word changes maps character
for character and a span touching a change takes in the whole counterpart of that change.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from reader.core.compare.model import SAME, BlockPair, Comparison
from reader.core.convert import OffsetMap
from reader.core.find import fold_query
from reader.core.link import LEFT, Span
from reader.core.model import Document


class AlignmentLink:
    """Maps blocks and spans between the two documents of a Comparison, both ways."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._docs = (comparison.a, comparison.b)
        self._starts = tuple([block.start for block in doc.blocks] for doc in self._docs)
        self._pair_of: tuple[list[int], list[int]] = ([-1] * len(comparison.a.blocks), [-1] * len(comparison.b.blocks))
        for n, pair in enumerate(comparison.blocks):
            for i in pair.a:
                self._pair_of[0][i] = n
            for j in pair.b:
                self._pair_of[1][j] = n
        self._maps: dict[int, OffsetMap] = {}

    def block(self, side: int, number: int) -> int | None:
        pair = self._pair(side, number)
        if pair is None:
            return None
        counterpart = pair.b if side == LEFT else pair.a
        return counterpart[0] if counterpart else None

    def span(self, side: int, start: int, end: int) -> Span | None:
        first = self._block_at(side, start)
        last = self._block_at(side, end, end=True) if end > start else first
        if first is None or last is None:
            return None
        mapped_start = self._map(side, first, start, end=False)
        mapped_end = self._map(side, last, end, end=True)
        if mapped_start is not None and mapped_end is not None and mapped_start <= mapped_end:
            return mapped_start, mapped_end
        # Across blocks that moved apart, or into one with no counterpart: the part in the first block.
        block_end = self._docs[side].blocks[first].end
        mapped_start = self._map(side, first, start, end=False)
        mapped_end = self._map(side, first, min(end, block_end), end=True)
        if mapped_start is None or mapped_end is None:
            return None
        return mapped_start, mapped_end

    # -- helpers ---------------------------------------------------------------------------------

    def _pair(self, side: int, number: int) -> BlockPair | None:
        owners = self._pair_of[side]
        if not 0 <= number < len(owners) or owners[number] < 0:
            return None
        return self.comparison.blocks[owners[number]]

    def _block_at(self, side: int, offset: int, *, end: bool = False) -> int | None:
        """The block holding an offset; an end offset belongs to the block it closes (the line
        break after a block belongs to that block)."""
        starts = self._starts[side]
        if not starts or offset < 0 or offset > len(self._docs[side].text):
            return None
        number = (bisect_left(starts, offset) if end else bisect_right(starts, offset)) - 1
        return max(number, 0)

    def _map(self, side: int, number: int, offset: int, *, end: bool) -> int | None:
        owner = self._pair_of[side][number]
        if owner < 0:
            return None
        pair = self.comparison.blocks[owner]
        if not pair.a or not pair.b:
            return None
        a0, a1 = _extent(self.comparison.a, pair.a)
        b0, b1 = _extent(self.comparison.b, pair.b)
        offsets = self._maps.get(owner)
        if offsets is None:
            offsets = self._maps[owner] = _pair_map(pair, self.comparison.a.text, self.comparison.b.text, a0, a1, b0, b1)
        if side == LEFT:
            return b0 + offsets.to_converted(offset - a0, end=end)
        return a0 + offsets.to_original(offset - b0, end=end)


def _extent(document: Document, numbers: tuple[int, ...]) -> Span:
    return document.blocks[numbers[0]].start, document.blocks[numbers[-1]].end


def _pair_map(pair: BlockPair, a_text: str, b_text: str, a0: int, a1: int, b0: int, b1: int) -> OffsetMap:
    """Break points that correspond exactly in A's and B's text of the pair, relative to each
    start (A as "original", B as "converted"); a word change is one phrase. Between changes the
    words are equal: characters map one to one, stepping over a line break (a split paragraph),
    a space or punctuation only one side has."""
    if pair.kind == SAME and a1 - a0 == b1 - b0:
        return OffsetMap.identity(a1 - a0)
    orig = array("q", [0])
    conv = array("q", [0])
    phrase = bytearray()

    def mark(a: int, b: int, is_phrase: bool = False) -> None:
        a, b = a - a0, b - b0
        if a < orig[-1] or b < conv[-1] or (a == orig[-1] and b == conv[-1]):
            return
        orig.append(a)
        conv.append(b)
        phrase.append(is_phrase)

    a_pos, b_pos = a0, b0
    for change in sorted(pair.words, key=lambda c: (c.a_start, c.b_start)):
        _equal_stretch(a_text, b_text, (a_pos, change.a_start), (b_pos, change.b_start), mark)
        mark(change.a_start, change.b_start)
        mark(change.a_end, change.b_end, True)
        a_pos, b_pos = max(a_pos, change.a_end), max(b_pos, change.b_end)
    _equal_stretch(a_text, b_text, (a_pos, a1), (b_pos, b1), mark)
    mark(a1, b1)
    return OffsetMap(orig, conv, bytes(phrase))


def _equal_stretch(a_text: str, b_text: str, a_span: Span, b_span: Span, mark: Callable[[int, int, bool], None]) -> None:
    """Mark where text both sides have in common steps over a character only one side has."""
    i, a_end = a_span
    j, b_end = b_span
    if a_end - i == b_end - j:
        return  # one to one
    while i < a_end and j < b_end:
        if _fold(a_text[i]) == _fold(b_text[j]):
            i += 1
            j += 1
        elif _skippable(a_text[i]):
            mark(i, j, False)
            i += 1
            mark(i, j, False)
        elif _skippable(b_text[j]):
            mark(i, j, False)
            j += 1
            mark(i, j, False)
        else:
            mark(i, j, False)
            mark(a_end, b_end, True)  # no longer in step: the rest as one stretch
            return


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    return fold_query(ch)


@lru_cache(maxsize=4096)
def _skippable(ch: str) -> bool:
    """Characters a comparison may pass over: spaces, punctuation, digits (with ignore options)."""
    return ch.isspace() or ch.isdigit() or unicodedata.category(ch)[0] in "PZ"
