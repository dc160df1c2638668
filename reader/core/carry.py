"""Carrying last year's annotations onto this year's report, through the comparison's alignment.

Each passage of A is mapped onto B through the aligned block pair it sits in (AlignmentLink:
the same offsets in a SAME pair; in a reworded pair, text outside the word changes maps
character for character and a span touching a change takes in the whole counterpart of the
change). Then, on the Simplified fold (so a Traditional B keeps a Simplified A's passage):

- KEPT: B's text at the mapped span is A's passage;
- CHANGED: the passage was reworded (5%左右 → 4.5%左右): both wordings are kept;
- DROPPED: the passage's block has no counterpart in B, or every word of it was deleted.

No Qt and no store: spans in, placements out (reader.ops.carry writes them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.compare.link import AlignmentLink
from reader.core.compare.model import Comparison
from reader.core.find import fold_words
from reader.core.link import LEFT

KEPT, CHANGED, DROPPED = "kept", "changed", "dropped"
STATUSES = (KEPT, CHANGED, DROPPED)


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of A to carry: its key (an annotation's uuid) and span in A's text."""

    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a passage of A lands in B. start/end are B's offsets (-1 when DROPPED); before is
    A's wording, after B's at start:end ("" when DROPPED)."""

    key: str
    status: str
    start: int
    end: int
    before: str
    after: str


def place(comparison: Comparison, passages: Iterable[Passage]) -> list[Placement]:
    """Each passage of comparison.a placed on comparison.b, in the order given."""
    link = AlignmentLink(comparison)
    a_text, b_text = comparison.a.text, comparison.b.text
    out: list[Placement] = []
    for passage in passages:
        before = a_text[passage.start : passage.end]
        span = link.span(LEFT, passage.start, passage.end) if passage.end > passage.start else None
        if span is None or span[1] <= span[0]:
            out.append(Placement(passage.key, DROPPED, -1, -1, before, ""))
            continue
        start, end = _trimmed(b_text, *span)
        after = b_text[start:end]
        status = KEPT if _same(before, after) else CHANGED
        out.append(Placement(passage.key, status, start, end, before, after))
    return out


def _same(before: str, after: str) -> bool:
    if before == after:
        return True
    return fold_words(before) == fold_words(after)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without whitespace at its ends (a change's counterpart may take in a line break)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
