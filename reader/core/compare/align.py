"""Which block of one report is which block of the other, on the Simplified fold of both.

Blocks equal at the start and end anchor the alignment; every other block of A gets a few
candidates in B (identical blocks, else rapidfuzz's ratio on characters, which needs no
segmentation and reads either script once folded). The heaviest in-order chain of candidate
pairs (a weighted longest increasing subsequence) is the alignment; a chained block whose text
reappears as consecutive blocks on the other side is SPLIT or MERGED; close pairs left outside
the chain are MOVED; what is left was ADDED or REMOVED.

Work stays bounded on hostile input: each block keeps a few candidates, the pairs scored are
capped (a band around the diagonal beyond that), and when the texts are very long they are
compared on a content-defined sample of their characters.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import islice
from math import ceil, sqrt
from typing import overload

from rapidfuzz import fuzz, process

from reader.core.compare.model import ADDED, CHANGED, MERGED, MOVED, REMOVED, SAME, SPLIT, BlockPair, Pairs, Run
from reader.core.model import Document
from reader.core.numbers import folded_conversion

IGNORE_OPTIONS = ("punctuation", "whitespace", "numbers")

# Two blocks in order are taken as one paragraph rewritten from this similarity up; between
# unrelated paragraphs of two years' reports ratio stays mostly in 0.3–0.45.
PAIR_SIMILARITY = 0.5
# A block out of order must be at least this close to count as moved rather than removed + added.
MOVE_SIMILARITY = 0.6
# Candidates below PAIR_SIMILARITY are kept from here on: one third of a paragraph split in three.
CANDIDATE_SIMILARITY = 0.4
# A split or merge: the joined blocks are at least this close, and closer than the single block.
GROUP_SIMILARITY = 0.8
GROUP_GAIN = 0.02
MAX_GROUP = 8
CANDIDATES = 6  # per block of A
MAX_PAIRS = 200_000  # similarities computed; beyond, a band around the diagonal
# Σ len(A) × Σ len(B) above this (two 45,000-character texts) compares sampled characters.
MAX_CHAR_PRODUCT = 2_000_000_000
MAX_SKETCH = 50_000


def check_ignore(ignore: Iterable[str]) -> frozenset[str]:
    """The ignore options as a set; ValueError names an unknown one."""
    options = frozenset(ignore)
    unknown = sorted(options - set(IGNORE_OPTIONS))
    if unknown:
        raise ValueError(f"cannot ignore {', '.join(unknown)}: choose from {', '.join(IGNORE_OPTIONS)}")
    return options


_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=4096)
def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "P"


def normalise(text: str, ignore: frozenset[str]) -> str:
    """Folded text as compared: without what the user chose to ignore (numbers read as #)."""
    if not ignore:
        return text
    if "whitespace" in ignore:
        text = _SPACE.sub("", text)
    if "numbers" in ignore:
        text = _NUMBER.sub("#", text)
    if "punctuation" in ignore:
        text = "".join(ch for ch in text if not _is_punctuation(ch))
    return text


class _Side:
    """One side as aligned: a 64-bit hash of each block's text as compared, in an array (8 bytes a
    block, where a list of 100,000 tiny texts took ~60), and the text of block i made on demand.
    Two blocks are the same text when their hashes are: odds of a false match are ~n·m / 2^64."""

    __slots__ = ("hashes", "longest", "text", "total")

    def __init__(self, hashes: array[int], text: Callable[[int], str], total: int, longest: int) -> None:
        self.hashes = hashes
        self.text = text
        self.total = total  # characters of every block
        self.longest = longest

    def __len__(self) -> int:
        return len(self.hashes)

    @classmethod
    def of_texts(cls, texts: Sequence[str]) -> _Side:
        return cls(array("q", map(hash, texts)), texts.__getitem__, sum(map(len, texts)), max(map(len, texts), default=0))

    @classmethod
    def of_document(cls, document: Document, ignore: frozenset[str]) -> _Side:
        """Hashes made a block at a time: no block's text is kept."""
        conversion = folded_conversion(document)
        offsets = conversion.offsets
        folded = conversion.text
        identity = offsets.orig == offsets.conv
        hashes = array("q")
        total = longest = 0
        blocks = document.blocks  # spans read from its columns: no Block (id, text) is made
        for start, end in blocks.spans() if identity else (offsets.span_to_converted(*span) for span in blocks.spans()):
            text = normalise(folded[start:end], ignore) if ignore else folded[start:end]
            hashes.append(hash(text))
            total += len(text)
            if len(text) > longest:
                longest = len(text)

        def text_of(i: int) -> str:
            start, end = blocks.span(i) if identity else offsets.span_to_converted(*blocks.span(i))
            return normalise(folded[start:end], ignore)

        return cls(hashes, text_of, total, longest)


def align(a: Document, b: Document, *, ignore: frozenset[str] = frozenset()) -> Pairs:
    """The blocks of A and B paired, in B's order with blocks only in A where A had them.

    Pairs carry no word changes here; reader.core.compare.compare adds them."""
    options = check_ignore(ignore)
    return _align(_Side.of_document(a, options), _Side.of_document(b, options))


def align_texts(ka: Sequence[str], kb: Sequence[str]) -> Pairs:
    """Alignment of two lists of block texts as compared (folded, normalised)."""
    return _align(_Side.of_texts(ka), _Side.of_texts(kb))


def _align(a: _Side, b: _Side) -> Pairs:
    ha, hb = a.hashes, b.hashes
    n, m = len(ha), len(hb)
    sa, sb = _sketches(a, b)
    head = 0
    while head < min(n, m) and ha[head] == hb[head]:
        head += 1
    tail = 0
    while tail < min(n, m) - head and ha[n - 1 - tail] == hb[m - 1 - tail]:
        tail += 1
    rows, cols = (head, n - tail), (head, m - tail)
    cands = _candidates(ha, hb, sa, sb, rows, cols)
    # The chain in the middle; the equal head and tail are runs, not a pair per block.
    chain = _heaviest_chain([c for c in cands if c[2] >= PAIR_SIMILARITY], m)
    score = {(i, j): s for i, j, s in cands}

    a_used = _Used(rows, (i for i, _ in chain))
    b_used = _Used(cols, (j for _, j in chain))
    in_order: list[BlockPair] = []
    for i, j in chain:
        if ha[i] == hb[j]:
            in_order.append(BlockPair((i,), (j,), SAME, 1.0))
            continue
        base = score[(i, j)]
        pair = _group(i, j, base, sa, sb, a_used, b_used) or BlockPair((i,), (j,), CHANGED, _similarity(base, False))
        a_used.update(pair.a)
        b_used.update(pair.b)
        in_order.append(pair)
    in_order += _groups_in_gaps(chain, cands, sa, sb, a_used, b_used, rows, cols)

    moved: list[BlockPair] = []
    for s, i, j in sorted(((s, i, j) for i, j, s in cands if s >= MOVE_SIMILARITY), key=lambda c: (-c[0], c[1], c[2])):
        if i in a_used or j in b_used:
            continue
        a_used.add(i)
        b_used.add(j)
        moved.append(BlockPair((i,), (j,), MOVED, _similarity(s, ha[i] == hb[j])))
    return _in_b_order(in_order, moved, a_used, b_used, (head, tail), n, m)


class _Used:
    """Blocks already paired: all outside the middle (the equal head and tail), a set within."""

    __slots__ = ("hi", "lo", "taken")

    def __init__(self, middle: tuple[int, int], taken: Iterable[int]) -> None:
        self.lo, self.hi = middle
        self.taken = set(taken)

    def __contains__(self, x: int) -> bool:
        return x < self.lo or x >= self.hi or x in self.taken

    def add(self, x: int) -> None:
        self.taken.add(x)

    def update(self, xs: Iterable[int]) -> None:
        self.taken.update(xs)


# -- candidates ------------------------------------------------------------------------------


class _Sketches(Sequence[str]):
    """The texts rapidfuzz compares, made on demand: the blocks' texts, or on very long input every
    character whose bigram hashes to 0 mod a step (a shift-proof sample: equal stretches sample
    alike). A few recent ones are remembered by their text's hash (many tiny blocks alike)."""

    __slots__ = ("_cache", "_chars", "_side", "_step")

    def __init__(self, side: _Side, step: int) -> None:
        self._side = side
        self._step = step  # 0: the texts themselves
        self._cache: dict[int, str] = {}
        self._chars = 0

    def __len__(self) -> int:
        return len(self._side)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        key = self._side.hashes[index]
        out = self._cache.get(key)
        if out is None:
            text = self._side.text(index)
            out = _sketch(text, self._step) if self._step else text
            if self._chars > _SKETCH_CACHE_CHARS or len(self._cache) > _SKETCH_CACHE:
                self._cache.clear()
                self._chars = 0
            self._cache[key] = out
            self._chars += len(out)
        return out


_SKETCH_CACHE = 4096  # texts remembered at once …
_SKETCH_CACHE_CHARS = 1_000_000  # … and their characters


def _sketches(a: _Side, b: _Side) -> tuple[_Sketches, _Sketches]:
    product = a.total * b.total
    step = ceil(sqrt(product / MAX_CHAR_PRODUCT)) if product > MAX_CHAR_PRODUCT else 1
    if step == 1 and max(a.longest, b.longest) <= MAX_SKETCH:
        step = 0
    return _Sketches(a, step), _Sketches(b, step)


def _sketch(text: str, step: int) -> str:
    if step > 1:  # only the first MAX_SKETCH samples are kept: stop there, not at the text's end
        sampled = (text[k] for k in range(1, len(text)) if (ord(text[k - 1]) * 31 + ord(text[k])) % step == 0)
        return "".join(islice(sampled, MAX_SKETCH))
    return text[:MAX_SKETCH]


def _ratio(x: str, y: str) -> float:
    return fuzz.ratio(x, y) / 100


def _similarity(score: float, equal: bool) -> float:
    """A sampled comparison may find two different texts alike: only equal texts score 1."""
    return 1.0 if equal else min(round(score, 4), 0.9999)


def _candidates(
    ha: Sequence[int], hb: Sequence[int], sa: _Sketches, sb: _Sketches, rows: tuple[int, int], cols: tuple[int, int]
) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for the closest few blocks of B to each block of A in the middle."""
    lo_a, hi_a = rows
    lo_b, hi_b = cols
    n_mid, m_mid = hi_a - lo_a, hi_b - lo_b
    if n_mid <= 0 or m_mid <= 0:
        return []
    where: dict[int, array[int]] = {}  # text (hash) → the blocks of B holding it
    for j in range(lo_b, hi_b):
        js = where.get(hb[j])
        if js is None:
            js = where[hb[j]] = array("i")
        js.append(j)
    once = {key for key, js in where.items() if len(js) == 1}
    in_a = Counter(key for key in islice(ha, lo_a, hi_a) if key in once)
    unique_b = {where[key][0] for key, count in in_a.items() if count == 1}
    fuzzy = array("i", (j for j in range(lo_b, hi_b) if j not in unique_b))
    banded = n_mid * len(fuzzy) > MAX_PAIRS
    half_band = max(CANDIDATES, MAX_PAIRS // (2 * n_mid))
    fuzzy_texts = [] if banded else [sb[j] for j in fuzzy]
    out: list[tuple[int, int, float]] = []
    none = array("i")
    # Closest texts per (text, window), remembered for the current window only: many tiny blocks
    # repeat their text, and the band moves one column every many rows.
    nearest: dict[int, list[tuple[int, float]]] = {}
    window_of_nearest = (-1, -1)
    columns: Sequence[int] = fuzzy
    for i in range(lo_a, hi_a):
        key = ha[i]
        same = where.get(key, none)
        if len(same) == 1 and same[0] in unique_b:
            out.append((i, same[0], 1.0))  # identical, and the only such block on either side
            continue
        centre = lo_b + (i - lo_a) * m_mid / n_mid
        found: dict[int, float] = {}
        if same:
            k = bisect_left(same, centre)
            for j in same[max(0, k - CANDIDATES // 2) : k + CANDIDATES // 2 + 1]:
                found[j] = 1.0
        window = (0, len(fuzzy))
        if banded:
            k = bisect_left(fuzzy, centre)
            window = (max(0, k - half_band), k + half_band)
        if window != window_of_nearest:
            nearest.clear()
            window_of_nearest = window
            if banded:
                columns = fuzzy[window[0] : window[1]]
                fuzzy_texts = [sb[j] for j in columns]
        close = nearest.get(key)
        if close is None:
            close = nearest[key] = [
                (columns[index], value / 100)
                for _, value, index in process.extract(
                    sa[i], fuzzy_texts, scorer=fuzz.ratio, limit=CANDIDATES, score_cutoff=CANDIDATE_SIMILARITY * 100
                )
            ]
        if not found:  # (most rows: the closest texts as they are, distinct blocks of B each)
            out.extend([(i, j, s) for j, s in close])
            continue
        for j, value in close:
            found.setdefault(j, value)
        out.extend((i, j, s) for j, s in found.items())
    return out


def _heaviest_chain(cands: Sequence[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """The in-order pairs (i and j both increasing) of greatest total weight; a pair weighs its
    similarity squared, so one close pair outweighs two loose ones that cross it."""
    if not cands:
        return []  # (before the trees: two lists the length of B, 16 bytes a block, for nothing)
    order = sorted(range(len(cands)), key=lambda k: (cands[k][0], -cands[k][1]))
    size = m + 1
    tree_value = [0.0] * (size + 1)
    tree_index = [-1] * (size + 1)
    total = [0.0] * len(cands)
    back = [-1] * len(cands)
    for k in order:
        _, j, s = cands[k]
        best, prev = 0.0, -1
        pos = j  # prefix max over columns < j (tree position j+1 holds column j)
        while pos > 0:
            if tree_value[pos] > best:
                best, prev = tree_value[pos], tree_index[pos]
            pos -= pos & -pos
        total[k] = best + s * s
        back[k] = prev
        pos = j + 1
        while pos <= size:
            if total[k] > tree_value[pos]:
                tree_value[pos], tree_index[pos] = total[k], k
            pos += pos & -pos
    k = max(range(len(cands)), key=lambda x: (total[x], -x))
    chain = []
    while k != -1:
        chain.append((cands[k][0], cands[k][1]))
        k = back[k]
    return chain[::-1]


# -- splits and merges --------------------------------------------------------------------------


def _group(i: int, j: int, base: float, sa: Sequence[str], sb: Sequence[str], a_used: _Used, b_used: _Used) -> BlockPair | None:
    """The chained pair (i, j) as a split (i ↔ j and free neighbours of j) or a merge, if the
    joined blocks match clearly better than j alone."""
    split = _grow(sa[i], sb, j, lambda x: x not in b_used, base)
    merge = _grow(sb[j], sa, i, lambda x: x not in a_used, base)
    best = max((split, SPLIT), (merge, MERGED), key=lambda g: g[0][2])
    (lo, hi, value), kind = best
    if hi == lo or value < GROUP_SIMILARITY or value < base + GROUP_GAIN:
        return None
    many = tuple(range(lo, hi + 1))
    if kind == SPLIT:
        return BlockPair((i,), many, SPLIT, _similarity(value, False))
    return BlockPair(many, (j,), MERGED, _similarity(value, False))


def _grow(one: str, many: Sequence[str], start: int, free: Callable[[int], bool], base: float) -> tuple[int, int, float]:
    """Neighbours of many[start] joined while that brings the whole closer to `one`."""
    lo = hi = start
    best = base
    while hi - lo + 1 < MAX_GROUP:
        options = []
        if hi + 1 < len(many) and free(hi + 1):
            options.append((lo, hi + 1))
        if lo > 0 and free(lo - 1):
            options.append((lo - 1, hi))
        if not options:
            break
        value, x, y = max((_ratio(one, "".join(many[x : y + 1])), x, y) for x, y in options)
        if value <= best:
            break
        lo, hi, best = x, y, value
    return lo, hi, best


def _groups_in_gaps(
    chain: Sequence[tuple[int, int]],
    cands: Sequence[tuple[int, int, float]],
    sa: Sequence[str],
    sb: Sequence[str],
    a_used: _Used,
    b_used: _Used,
    rows: tuple[int, int],
    cols: tuple[int, int],
) -> list[BlockPair]:
    """Splits and merges among blocks left unpaired, kept in order: a paragraph cut in three
    matches none of its parts well enough to be chained, but their join does."""
    # A block's counterpart range lies between its chained neighbours (the head and tail bound it).
    chain_a = [rows[0] - 1, *(i for i, _ in chain), rows[1]]
    chain_b = [cols[0] - 1, *(j for _, j in chain), cols[1]]
    out: list[BlockPair] = []
    for i, j, s in sorted(cands, key=lambda c: (-c[2], c[0], c[1])):
        if i in a_used or j in b_used:
            continue
        k = bisect_right(chain_a, i)
        lo_b, hi_b = chain_b[k - 1] + 1, chain_b[k]
        k = bisect_right(chain_b, j)
        lo_a, hi_a = chain_a[k - 1] + 1, chain_a[k]
        if not (lo_b <= j < hi_b and lo_a <= i < hi_a):
            continue
        split = _grow(sa[i], sb, j, _free(b_used, lo_b, hi_b), s)
        merge = _grow(sb[j], sa, i, _free(a_used, lo_a, hi_a), s)
        (lo, hi, value), kind = max((split, SPLIT), (merge, MERGED), key=lambda g: g[0][2])
        if hi == lo or value < GROUP_SIMILARITY:
            continue
        many = tuple(range(lo, hi + 1))
        similarity = _similarity(value, False)
        pair = BlockPair((i,), many, SPLIT, similarity) if kind == SPLIT else BlockPair(many, (j,), MERGED, similarity)
        a_used.update(pair.a)
        b_used.update(pair.b)
        out.append(pair)
    return out


def _free(used: _Used, lo: int, hi: int) -> Callable[[int], bool]:
    return lambda x: x not in used and lo <= x < hi


# -- order -------------------------------------------------------------------------------------


def _in_b_order(
    in_order: Sequence[BlockPair], moved: Sequence[BlockPair], a_used: _Used, b_used: _Used, ends: tuple[int, int], n: int, m: int
) -> Pairs:
    """Pairs in B's order; a block only in A follows whatever precedes it in A's order. The equal
    head and tail, and each stretch of blocks added or removed, are one run each."""
    head, tail = ends
    keyed: list[tuple[tuple[int, int, int], BlockPair | Run]] = [((pair.b[0], 1, 0), pair) for pair in [*in_order, *moved]]
    keyed.append(((0, 1, 0), (SAME, 0, 0, head)))
    keyed.append(((m - tail, 1, 0), (SAME, n - tail, m - tail, tail)))
    previous = head - 1
    for j in [*sorted(b_used.taken), m - tail]:  # stretches between blocks of B paired
        if j > previous + 1:
            keyed.append(((previous + 1, 1, 0), (ADDED, -1, previous + 1, j - previous - 1)))
        previous = j
    last_b = {i: pair.b[-1] for pair in in_order for i in pair.a}
    running = previous = head - 1
    for i in [*sorted(a_used.taken), n - tail]:  # stretches between blocks of A paired
        if i > previous + 1:
            keyed.append(((running, 2, previous + 1), (REMOVED, previous + 1, -1, i - previous - 1)))
        if i in last_b:
            running = max(running, last_b[i])
        previous = i
    keyed.sort(key=lambda item: item[0])
    return Pairs(entry for _, entry in keyed)
