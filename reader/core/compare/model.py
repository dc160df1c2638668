"""What comparing two documents finds: aligned blocks with word changes, targets side by side,
terms that came and went. Offsets are code points of each document's own text (A's or B's),
whatever script it is in; block numbers are indices into Document.blocks (line n of a pane)."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

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


# A run of blocks paired alike, kept as one entry: (kind, first block of A, first of B, how many);
# SAME pairs a0+k with b0+k, ADDED holds b0+k (a0 is -1), REMOVED holds a0+k (b0 is -1).
Run = tuple[str, int, int, int]


def _run_pair(run: Run, k: int) -> BlockPair:
    kind, a0, b0, _ = run
    if kind == SAME:
        return BlockPair((a0 + k,), (b0 + k,), SAME, 1.0)
    if kind == ADDED:
        return BlockPair((), (b0 + k,), ADDED, 0.0)
    return BlockPair((a0 + k,), (), REMOVED, 0.0)


class Pairs(Sequence[BlockPair]):
    """Comparison.blocks: the pairs in order, with runs of same, added or removed blocks held as one
    entry each and their BlockPair values made when asked for. 100,000 tiny lines against a report
    were 100,000 BlockPairs (~170 bytes each); they are now a run or a few."""

    __slots__ = ("_ends", "_entries")

    def __init__(self, entries: Iterable[BlockPair | Run] = ()) -> None:
        self._entries: list[BlockPair | Run] = []
        self._ends: array[int] = array("q")
        total = 0
        for entry in entries:
            count = entry[3] if isinstance(entry, tuple) else 1
            if count <= 0:
                continue
            total += count
            self._entries.append(entry)
            self._ends.append(total)

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, index: int) -> BlockPair: ...

    @overload
    def __getitem__(self, index: slice) -> list[BlockPair]: ...

    def __getitem__(self, index: int | slice) -> BlockPair | list[BlockPair]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("pair index out of range")
        n = bisect_right(self._ends, index)
        entry = self._entries[n]
        if isinstance(entry, BlockPair):
            return entry
        return _run_pair(entry, index - (self._ends[n] - entry[3]))

    def __iter__(self) -> Iterator[BlockPair]:
        for entry in self._entries:
            if isinstance(entry, BlockPair):
                yield entry
            else:
                for k in range(entry[3]):
                    yield _run_pair(entry, k)

    def entries(self) -> list[BlockPair | Run]:
        """The pairs as stored: BlockPairs and runs."""
        return list(self._entries)

    def explicit(self) -> Iterator[BlockPair]:
        """The pairs not in a run (changed, moved, split, merged, and the odd single one)."""
        return (entry for entry in self._entries if isinstance(entry, BlockPair))

    def replaced(self, fn: Callable[[BlockPair], BlockPair]) -> Pairs:
        """The same pairs with each one not in a run replaced by fn(pair)."""
        return Pairs(entry if isinstance(entry, tuple) else fn(entry) for entry in self._entries)

    def without(self, kind: str) -> Pairs:
        """The pairs but those of one kind, in order."""
        return Pairs(entry for entry in self._entries if (entry[0] if isinstance(entry, tuple) else entry.kind) != kind)

    def counts(self) -> dict[str, int]:
        """How many pairs of each kind."""
        out: dict[str, int] = {}
        for entry in self._entries:
            kind, count = (entry[0], entry[3]) if isinstance(entry, tuple) else (entry.kind, 1)
            out[kind] = out.get(kind, 0) + count
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(x == y for x, y in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Pairs({list(self)!r})"


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
    blocks: Sequence[BlockPair]  # in B's order, with A-only blocks where A had them (Pairs from compare)
    targets: tuple[TargetChange, ...]
    terms: TermsDiff

    def changes(self) -> Sequence[BlockPair]:
        """Every pair that is not SAME, in order: what next / previous change steps through."""
        if isinstance(self.blocks, Pairs):
            return self.blocks.without(SAME)
        return [pair for pair in self.blocks if pair.kind != SAME]
