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
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import islice
from math import ceil, sqrt

from rapidfuzz import fuzz, process

from reader.core.compare.model import ADDED, CHANGED, MERGED, MOVED, REMOVED, SAME, SPLIT, BlockPair
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


def folded_blocks(document: Document) -> list[str]:
    """Each block's text on the Simplified fold (t2s), the form every comparison reads."""
    conversion = folded_conversion(document)
    offsets = conversion.offsets
    folded = conversion.text
    if offsets.orig == offsets.conv:
        return [folded[block.start : block.end] for block in document.blocks]
    out = []
    for block in document.blocks:
        start, end = offsets.span_to_converted(block.start, block.end)
        out.append(folded[start:end])
    return out


def align(a: Document, b: Document, *, ignore: frozenset[str] = frozenset()) -> tuple[BlockPair, ...]:
    """The blocks of A and B paired, in B's order with blocks only in A where A had them.

    Pairs carry no word changes here; reader.core.compare.compare adds them."""
    options = check_ignore(ignore)
    return align_texts(
        [normalise(text, options) for text in folded_blocks(a)],
        [normalise(text, options) for text in folded_blocks(b)],
    )


def align_texts(ka: Sequence[str], kb: Sequence[str]) -> tuple[BlockPair, ...]:
    """Alignment of two lists of block texts as compared (folded, normalised)."""
    n, m = len(ka), len(kb)
    sa, sb = _sketches(ka, kb)
    head = 0
    while head < min(n, m) and ka[head] == kb[head]:
        head += 1
    tail = 0
    while tail < min(n, m) - head and ka[n - 1 - tail] == kb[m - 1 - tail]:
        tail += 1
    cands = _candidates(ka, kb, sa, sb, (head, n - tail), (head, m - tail))
    chain = [(i, i) for i in range(head)]
    chain += _heaviest_chain([c for c in cands if c[2] >= PAIR_SIMILARITY], m)
    chain += [(n - tail + k, m - tail + k) for k in range(tail)]
    score = {(i, j): s for i, j, s in cands}

    a_used = {i for i, _ in chain}
    b_used = {j for _, j in chain}
    in_order: list[BlockPair] = []
    for i, j in chain:
        if ka[i] == kb[j]:
            in_order.append(BlockPair((i,), (j,), SAME, 1.0))
            continue
        base = score[(i, j)]
        pair = _group(i, j, base, sa, sb, a_used, b_used) or BlockPair((i,), (j,), CHANGED, _similarity(base, False))
        a_used.update(pair.a)
        b_used.update(pair.b)
        in_order.append(pair)
    in_order += _groups_in_gaps(chain, cands, sa, sb, a_used, b_used, n, m)

    moved: list[BlockPair] = []
    for s, i, j in sorted(((s, i, j) for i, j, s in cands if s >= MOVE_SIMILARITY), key=lambda c: (-c[0], c[1], c[2])):
        if i in a_used or j in b_used:
            continue
        a_used.add(i)
        b_used.add(j)
        moved.append(BlockPair((i,), (j,), MOVED, _similarity(s, ka[i] == kb[j])))
    return _in_b_order(in_order, moved, a_used, b_used, n, m)


# -- candidates ------------------------------------------------------------------------------


def _sketches(ka: Sequence[str], kb: Sequence[str]) -> tuple[list[str], list[str]]:
    """The texts rapidfuzz compares: themselves, or on very long input every character whose
    bigram hashes to 0 mod a step (a shift-proof sample: equal stretches sample alike)."""
    product = sum(map(len, ka)) * sum(map(len, kb))
    step = ceil(sqrt(product / MAX_CHAR_PRODUCT)) if product > MAX_CHAR_PRODUCT else 1
    longest = max(map(len, [*ka, *kb]), default=0)
    if step == 1 and longest <= MAX_SKETCH:
        return list(ka), list(kb)
    sketches: dict[str, str] = {}  # a text repeated (many tiny blocks alike) is sampled once

    def sketch(text: str) -> str:
        out = sketches.get(text)
        if out is None:
            out = sketches[text] = _sketch(text, step)
        return out

    return [sketch(k) for k in ka], [sketch(k) for k in kb]


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
    ka: Sequence[str], kb: Sequence[str], sa: Sequence[str], sb: Sequence[str], rows: tuple[int, int], cols: tuple[int, int]
) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for the closest few blocks of B to each block of A in the middle."""
    lo_a, hi_a = rows
    lo_b, hi_b = cols
    n_mid, m_mid = hi_a - lo_a, hi_b - lo_b
    if n_mid <= 0 or m_mid <= 0:
        return []
    where: dict[str, list[int]] = {}
    for j in range(lo_b, hi_b):
        where.setdefault(kb[j], []).append(j)
    in_a = Counter(ka[lo_a:hi_a])
    unique_b = {js[0] for key, js in where.items() if len(js) == 1 and in_a[key] == 1}
    fuzzy = [j for j in range(lo_b, hi_b) if j not in unique_b]
    fuzzy_texts = [sb[j] for j in fuzzy]
    banded = n_mid * len(fuzzy) > MAX_PAIRS
    half_band = max(CANDIDATES, MAX_PAIRS // (2 * n_mid))
    out: list[tuple[int, int, float]] = []
    # Closest texts per (text, window), remembered for the current window only: many tiny blocks
    # repeat their text, and the band moves one column every many rows.
    nearest: dict[str, list[tuple[int, float]]] = {}
    window_of_nearest = (-1, -1)
    for i in range(lo_a, hi_a):
        same = where.get(ka[i], [])
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
        close = nearest.get(sa[i])
        if close is None:
            columns, texts = fuzzy, fuzzy_texts
            if banded:
                columns, texts = fuzzy[window[0] : window[1]], fuzzy_texts[window[0] : window[1]]
            close = nearest[sa[i]] = [
                (columns[index], value / 100)
                for _, value, index in process.extract(
                    sa[i], texts, scorer=fuzz.ratio, limit=CANDIDATES, score_cutoff=CANDIDATE_SIMILARITY * 100
                )
            ]
        for j, value in close:
            found.setdefault(j, value)
        out.extend((i, j, s) for j, s in found.items())
    return out


def _heaviest_chain(cands: Sequence[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """The in-order pairs (i and j both increasing) of greatest total weight; a pair weighs its
    similarity squared, so one close pair outweighs two loose ones that cross it."""
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
    if not cands:
        return []
    k = max(range(len(cands)), key=lambda x: (total[x], -x))
    chain = []
    while k != -1:
        chain.append((cands[k][0], cands[k][1]))
        k = back[k]
    return chain[::-1]


# -- splits and merges --------------------------------------------------------------------------


def _group(
    i: int, j: int, base: float, sa: Sequence[str], sb: Sequence[str], a_used: set[int], b_used: set[int]
) -> BlockPair | None:
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
    a_used: set[int],
    b_used: set[int],
    n: int,
    m: int,
) -> list[BlockPair]:
    """Splits and merges among blocks left unpaired, kept in order: a paragraph cut in three
    matches none of its parts well enough to be chained, but their join does."""
    # For each block, the counterpart range between its chained neighbours.
    gap_b = [(0, m)] * n
    gap_a = [(0, n)] * m
    bounds = [(-1, -1), *chain, (n, m)]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        for i in range(i0 + 1, i1):
            gap_b[i] = (j0 + 1, j1)
        for j in range(j0 + 1, j1):
            gap_a[j] = (i0 + 1, i1)
    out: list[BlockPair] = []
    for i, j, s in sorted(cands, key=lambda c: (-c[2], c[0], c[1])):
        if i in a_used or j in b_used:
            continue
        lo_b, hi_b = gap_b[i]
        lo_a, hi_a = gap_a[j]
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


def _free(used: set[int], lo: int, hi: int) -> Callable[[int], bool]:
    return lambda x: x not in used and lo <= x < hi


# -- order -------------------------------------------------------------------------------------


def _in_b_order(
    in_order: Sequence[BlockPair], moved: Sequence[BlockPair], a_used: set[int], b_used: set[int], n: int, m: int
) -> tuple[BlockPair, ...]:
    """Pairs in B's order; a block only in A follows whatever precedes it in A's order."""
    keyed: list[tuple[tuple[int, int, int], BlockPair]] = []
    for pair in [*in_order, *moved]:
        keyed.append(((pair.b[0], 1, 0), pair))
    keyed.extend(((j, 1, 0), BlockPair((), (j,), ADDED, 0.0)) for j in range(m) if j not in b_used)
    last_b = {i: pair.b[-1] for pair in in_order for i in pair.a}
    running = -1
    for i in range(n):
        if i in last_b:
            running = max(running, last_b[i])
        elif i not in a_used:
            keyed.append(((running, 2, i), BlockPair((i,), (), REMOVED, 0.0)))
    keyed.sort(key=lambda item: item[0])
    return tuple(pair for _, pair in keyed)
