"""The link between two panes that each show their document in a chosen script.

The comparison's AlignmentLink speaks in offsets of each document's stored text; a pane may show
that text converted (a Traditional 2024 report shown in Simplified beside 2025). Conversion keeps
line n on line n, so blocks map as they are; spans go through each side's OffsetMap on the way
in and out.
"""

from __future__ import annotations

from reader.core.convert import OffsetMap
from reader.core.link import LEFT, Link, Span, other


class DisplayLink:
    """`inner` (over stored texts) seen through each side's conversion to its displayed text."""

    def __init__(self, inner: Link, maps: tuple[OffsetMap | None, OffsetMap | None]) -> None:
        self.inner = inner
        self.maps = maps

    def to_stored(self, side: int, start: int, end: int) -> Span:
        offsets = self.maps[side]
        return (start, end) if offsets is None else offsets.span_to_original(start, end)

    def to_displayed(self, side: int, start: int, end: int) -> Span:
        offsets = self.maps[side]
        return (start, end) if offsets is None else offsets.span_to_converted(start, end)

    def block(self, side: int, number: int) -> int | None:
        return self.inner.block(side, number)

    def span(self, side: int, start: int, end: int) -> Span | None:
        mapped = self.inner.span(side, *self.to_stored(side, start, end))
        return None if mapped is None else self.to_displayed(other(side), *mapped)


class PendingLink:
    """Before the comparison arrives: nothing corresponds yet, so nothing syncs or mirrors."""

    def block(self, side: int, number: int) -> int | None:
        return None

    def span(self, side: int, start: int, end: int) -> Span | None:
        return None


__all__ = ["LEFT", "DisplayLink", "PendingLink"]
