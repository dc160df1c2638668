"""What comparing two documents finds: aligned blocks with word changes, targets side by side,
terms that came and went. Offsets are code points of each document's own text (A's or B's),
whatever script it is in; block numbers are indices into Document.blocks (line n of a pane)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.extracted import Target
from reader.core.model import Document

# How a block of A relates to B.
SAME = "same"  # identical on the Simplified fold (whatever each document's script)
CHANGED = "changed"  # aligned in order, words differ
MOVED = "moved"  # aligned, but out of the order of the longest in-order run
ADDED = "added"  # only in B
REMOVED = "removed"  # only in A
SPLIT = "split"  # one block of A became two (or more) consecutive blocks of B
MERGED = "merged"  # two (or more) consecutive blocks of A became one of B
BLOCK_KINDS = (SAME, CHANGED, MOVED, ADDED, REMOVED, SPLIT, MERGED)

# How a word-level change inside an aligned pair reads.
REPLACE, INSERT, DELETE = "replace", "insert", "delete"

# How a target changed from A to B.
RAISED, LOWERED, REWORDED = "raised", "lowered", "reworded"


@dataclass(frozen=True, slots=True)
class WordChange:
    """Words of A (a_start:a_end) replaced by words of B (b_start:b_end); an insert has an empty
    A side, a delete an empty B side. Offsets are into each document's own text."""

    kind: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class BlockPair:
    """Blocks of A aligned with blocks of B: (i,) ↔ (j,) for same/changed/moved, (i,) ↔ () for
    removed, () ↔ (j,) for added, (i,) ↔ (j, j+1) for split, (i, i+1) ↔ (j,) for merged."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    kind: str
    similarity: float  # 0–1 on the Simplified fold; 1.0 for same, 0.0 for added/removed
    words: tuple[WordChange, ...] = ()  # for changed, moved, split and merged pairs


@dataclass(frozen=True, slots=True)
class TargetChange:
    key: str
    indicator: str  # as B words it, else as A does
    a: Target | None
    b: Target | None
    change: str  # SAME, CHANGED, ADDED or REMOVED
    direction: str = ""  # RAISED, LOWERED or REWORDED for a changed target


@dataclass(frozen=True, slots=True)
class TermCount:
    term: str  # Simplified form
    a: int  # occurrences in A
    b: int  # occurrences in B


@dataclass(frozen=True, slots=True)
class TermsDiff:
    added: tuple[TermCount, ...]  # only in B (a == 0), most frequent first
    removed: tuple[TermCount, ...]  # only in A (b == 0)
    changed: tuple[TermCount, ...]  # in both, biggest relative shift first


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Document
    b: Document
    blocks: tuple[BlockPair, ...]  # in B's order, with A-only blocks where A had them
    targets: tuple[TargetChange, ...]
    terms: TermsDiff

    def changes(self) -> list[BlockPair]:
        """Every pair that is not SAME, in order: what next / previous change steps through."""
        return [pair for pair in self.blocks if pair.kind != SAME]
