"""How two texts shown side by side correspond: the one protocol linked panes work through.

A reader shows a document beside its script conversion; a comparison shows one year's report
beside another's. Both are two texts, each split into blocks (lines), and a link that maps a
block and a code-point span of one side onto the other, in both directions. Panes, scroll sync
and selection mirroring only ever ask the link, so they serve both views unchanged.
"""

from __future__ import annotations

from typing import Protocol

from reader.core.convert import OffsetMap

Span = tuple[int, int]
LEFT = 0
RIGHT = 1


class Link(Protocol):
    """Maps blocks and spans between side 0 (left) and side 1 (right)."""

    def block(self, side: int, number: int) -> int | None:
        """The block of the other side that block `number` of `side` corresponds to, or None
        when it has no counterpart (an inserted paragraph)."""
        ...

    def span(self, side: int, start: int, end: int) -> Span | None:
        """The span of the other side that a span of `side` corresponds to, or None."""
        ...


class ConversionLink:
    """An original text and its script conversion: line n is line n on both sides, spans map
    exactly through the conversion's OffsetMap (a converted phrase maps as a whole)."""

    def __init__(self, offsets: OffsetMap) -> None:
        self.offsets = offsets

    def block(self, side: int, number: int) -> int | None:
        return number

    def span(self, side: int, start: int, end: int) -> Span | None:
        if side == LEFT:
            return self.offsets.span_to_converted(start, end)
        return self.offsets.span_to_original(start, end)


def other(side: int) -> int:
    return 1 - side
