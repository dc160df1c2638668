"""Anchoring annotations on a document's normalised text, and finding them again after it changes.

An annotation stores a Selector: the span (start, end; code points, end exclusive), the quote it
covered, and up to 32 characters of context on each side. This is the W3C Web Annotation pair of
TextPositionSelector and TextQuoteSelector, as Hypothesis stores it. When the text changes (a
re-import, a corrected PDF extraction) anchor() places the selector again, trying in order:

1. position: the quote is still at start:end.
2. context: every exact occurrence of the quote, the one whose surroundings agree best with the
   stored prefix/suffix winning (characters agreeing next to the quote), then the one nearest the
   old position. A quote repeated in a report (5%左右, 高质量发展) lands on the right repeat.
3. fuzzy: the best approximate match of the quote, similarity = 1 - edits / len(quote), at least
   `threshold`. It looks near the old position and next to exact finds of the stored context
   first, and only then through the whole text. Quotes of 1–3 characters never match fuzzily:
   with one edit allowed, 增长 would match half the report; a quote under 16 characters matches
   fuzzily only where some of its stored context agrees (加快发展新质生产力 must not land on
   another sentence's 发展新质生产力).
4. orphaned: kept, with the old span clamped to the new text, never dropped (as Hypothesis does).

The fuzzy match is Myers' bit-parallel approximate string matching (Python ints are bit vectors
of any length), as Hypothesis's approx-string-match does: a forward pass gives where a match ends
and with how many edits, a backward pass from each end gives where it starts. Candidates are
ranked as Hypothesis's match-quote ranks them: quote similarity, then prefix and suffix
agreement, then nearness to the old position. The whole-text search does not run Myers over
every character: by the q-gram lemma a match with k edits shares at least len - q + 1 - k·q
q-grams with the quote, so only stretches of text holding that many of the quote's q-grams on
nearby diagonals are verified; str.find does the counting at C speed. difflib is not used: its
autojunk treats common Chinese characters as junk on long strings (cpython #76070), and a
SequenceMatcher per window is far slower than a bit-vector pass.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

PREFIX_LEN = SUFFIX_LEN = 32
ANCHORED, ORPHANED = "anchored", "orphaned"
POSITION, CONTEXT, FUZZY = "position", "context", "fuzzy"  # Anchoring.method, besides ORPHANED

DEFAULT_THRESHOLD = 0.75
# Quotes shorter than this only anchor exactly.
MIN_FUZZY_LEN = 4
# A fuzzy match of a quote shorter than this needs this many characters of the stored prefix and
# suffix (together) agreeing next to it.
SHORT_QUOTE = 16
_MIN_SHORT_CONTEXT = 4
# The first fuzzy search covers this many characters on each side of the old span.
_NEAR = 256
# How much of the stored prefix (its end) and suffix (its start) is looked up exactly ...
_PROBE_LEN = 16
# ... and how many hits a probe may have before it says nothing about where the quote is.
_MAX_PROBE_HITS = 16
# Weights of a fuzzy candidate's quote similarity, prefix, suffix and position (Hypothesis's).
_W_QUOTE, _W_PREFIX, _W_SUFFIX, _W_POSITION = 50.0, 20.0, 20.0, 2.0
# q-gram sizes, longest first; a filter must ask for at least _MIN_SHARED shared grams to be worth it.
_GRAM_SIZES = (3, 2, 1)
_MIN_SHARED = 2

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Selector:
    """What an annotation stores to find its passage again: position, quote and context."""

    start: int
    end: int
    quote: str  # text[start:end]
    prefix: str  # up to PREFIX_LEN characters before start
    suffix: str  # up to SUFFIX_LEN characters after end


@dataclass(frozen=True, slots=True)
class Anchoring:
    """Where a selector lands in a (possibly changed) text, and how it was found."""

    start: int
    end: int
    status: str  # ANCHORED or ORPHANED (orphaned keeps the old span, clamped to the text)
    method: str  # POSITION, CONTEXT, FUZZY or ORPHANED
    score: float  # 1.0 when exact, the quote's similarity when fuzzy, 0.0 when orphaned


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    edits: int


class _TextIndex:
    """The text with every occurrence of the strings looked up so far, shared by anchor_all."""

    __slots__ = ("text", "_found")

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[int, ...]] = {}

    def positions(self, needle: str) -> tuple[int, ...]:
        """Start of every occurrence of needle, overlapping ones included."""
        found = self._found.get(needle)
        if found is None:
            found = self._found[needle] = tuple(_overlapping(self.text, needle))
        return found


def describe(text: str, start: int, end: int) -> Selector:
    """The selector of text[start:end]; a span must hold at least one character of the text."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}–{end} is empty or outside the text (0–{len(text)})")
    return Selector(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - PREFIX_LEN) : start],
        suffix=text[end : end + SUFFIX_LEN],
    )


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> Span:
    """The span of the nth (1-based) occurrence of quote, counted as find-next counts them.

    Occurrences do not overlap: after a match the search goes on from its end.
    """
    if not quote:
        raise ValueError("the quote is empty")
    if occurrence < 1:
        raise ValueError(f"occurrence must be 1 or more, not {occurrence}")
    starts = _non_overlapping(text, quote)
    if occurrence > len(starts):
        found = {0: "does not occur", 1: "occurs once"}.get(len(starts), f"occurs {len(starts)} times")
        raise ValueError(f"{quote!r} {found} in the text; there is no occurrence {occurrence}")
    start = starts[occurrence - 1]
    return start, start + len(quote)


def anchor(text: str, selector: Selector, *, threshold: float = DEFAULT_THRESHOLD) -> Anchoring:
    """Place the selector in text: by position, then by quote and context, then fuzzily, else orphan it."""
    return _anchor(_TextIndex(text), selector, _checked(threshold))


def anchor_all(text: str, selectors: Iterable[Selector], *, threshold: float = DEFAULT_THRESHOLD) -> list[Anchoring]:
    """Anchor every selector of a document in one text, sharing the lookups between them."""
    index = _TextIndex(text)
    threshold = _checked(threshold)
    return [_anchor(index, selector, threshold) for selector in selectors]


def _checked(threshold: float) -> float:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    return threshold


def _anchor(index: _TextIndex, selector: Selector, threshold: float) -> Anchoring:
    text, quote = index.text, selector.quote
    if not quote:
        return _orphaned(text, selector)
    if selector.start >= 0 and text[selector.start : selector.end] == quote:
        return Anchoring(selector.start, selector.end, ANCHORED, POSITION, 1.0)
    found = _by_context(index, selector) or _fuzzy(index, selector, threshold)
    return found or _orphaned(text, selector)


def _orphaned(text: str, selector: Selector) -> Anchoring:
    n = len(text)
    return Anchoring(min(max(selector.start, 0), n), min(max(selector.end, 0), n), ORPHANED, ORPHANED, 0.0)


# --- exact occurrences ------------------------------------------------------------------------


def _by_context(index: _TextIndex, selector: Selector) -> Anchoring | None:
    """The exact occurrence whose surroundings agree best with the stored context, then the nearest."""
    starts = index.positions(selector.quote)
    if not starts:
        return None
    length = len(selector.quote)
    text = index.text

    def preference(start: int) -> tuple[int, int]:
        agreeing = _agreeing_before(text, start, selector.prefix) + _agreeing_after(text, start + length, selector.suffix)
        return -agreeing, abs(start - selector.start)

    best = min(starts, key=preference)
    return Anchoring(best, best + length, ANCHORED, CONTEXT, 1.0)


def _agreeing_before(text: str, start: int, prefix: str) -> int:
    """How many characters just before start equal the end of prefix."""
    limit = min(len(prefix), start)
    n = 0
    while n < limit and text[start - 1 - n] == prefix[-1 - n]:
        n += 1
    return n


def _agreeing_after(text: str, end: int, suffix: str) -> int:
    """How many characters from end on equal the start of suffix."""
    limit = min(len(suffix), len(text) - end)
    n = 0
    while n < limit and text[end + n] == suffix[n]:
        n += 1
    return n


def _overlapping(text: str, needle: str) -> list[int]:
    return _find_every(text, needle, step=1)


def _non_overlapping(text: str, needle: str) -> list[int]:
    return _find_every(text, needle, step=len(needle))


def _find_every(text: str, needle: str, step: int) -> list[int]:
    starts: list[int] = []
    at = text.find(needle)
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + step)
    return starts


# --- fuzzy ------------------------------------------------------------------------------------


def _fuzzy(index: _TextIndex, selector: Selector, threshold: float) -> Anchoring | None:
    """The best approximate match near the old place or the stored context, else anywhere."""
    length = len(selector.quote)
    if length < MIN_FUZZY_LEN:
        return None
    max_edits = min(length - 1, math.floor((1.0 - threshold) * length + 1e-9))
    if max_edits < 1:
        return None
    for regions in (_likely_regions, _filtered_regions):
        best = _best_match(index.text, selector, regions(index, selector, max_edits), max_edits)
        if best is not None:
            return Anchoring(best.start, best.end, ANCHORED, FUZZY, 1.0 - best.edits / length)
    return None


def _likely_regions(index: _TextIndex, selector: Selector, max_edits: int) -> list[Span]:
    """Around the old span, and right after exact finds of the prefix's end / before the suffix's start."""
    n, length = len(index.text), len(selector.quote)
    reach = length + max_edits
    at = min(selector.start, n)
    regions = [(at - _NEAR - max_edits, at + reach + _NEAR)]
    prefix_probe = selector.prefix[-_PROBE_LEN:]
    suffix_probe = selector.suffix[:_PROBE_LEN]
    if len(prefix_probe) >= MIN_FUZZY_LEN:
        hits = index.positions(prefix_probe)
        if len(hits) <= _MAX_PROBE_HITS:
            regions += [(hit + len(prefix_probe) - max_edits, hit + len(prefix_probe) + reach) for hit in hits]
    if len(suffix_probe) >= MIN_FUZZY_LEN:
        hits = index.positions(suffix_probe)
        if len(hits) <= _MAX_PROBE_HITS:
            regions += [(hit - reach, hit + max_edits) for hit in hits]
    return _merged(regions, n)


def _filtered_regions(index: _TextIndex, selector: Selector, max_edits: int) -> list[Span]:
    """Stretches of the whole text holding enough of the quote's q-grams to hide a match (q-gram lemma)."""
    quote, n = selector.quote, len(index.text)
    plan = _gram_plan(len(quote), max_edits)
    if plan is None:
        return [(0, n)]
    size, needed = plan
    diagonals = sorted(hit - i for i in range(len(quote) - size + 1) for hit in index.positions(quote[i : i + size]))
    # A match starting at s has all its shared grams on diagonals s - k … s + k (k = max_edits).
    regions: list[Span] = []
    first = 0
    for last, diagonal in enumerate(diagonals):
        while diagonal - diagonals[first] > 2 * max_edits:
            first += 1
        if last - first + 1 >= needed:
            regions.append((diagonals[first] - max_edits, diagonal + len(quote) + 2 * max_edits))
    return _merged(regions, n)


def _gram_plan(length: int, max_edits: int) -> tuple[int, int] | None:
    """(q, shared q-grams a match must have), the longest q that still asks for some; None: scan all."""
    for size in _GRAM_SIZES:
        needed = length - size + 1 - max_edits * size
        if needed >= _MIN_SHARED:
            return size, needed
    return None


def _merged(regions: list[Span], n: int) -> list[Span]:
    merged: list[Span] = []
    for lo, hi in sorted((max(0, lo), min(n, hi)) for lo, hi in regions):
        if lo >= hi:
            continue
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _best_match(text: str, selector: Selector, regions: list[Span], max_edits: int) -> _Match | None:
    quote = selector.quote
    forward, backward = _equalities(quote), _equalities(quote[::-1])
    candidates = {
        _Match(start, end, edits)
        for lo, hi in regions
        for end, edits in _match_ends(text, lo, hi, forward, len(quote), max_edits)
        for start in _match_starts(text, lo, end, backward, len(quote), max_edits, edits)
    }
    if len(quote) < SHORT_QUOTE and (selector.prefix or selector.suffix):
        # A short quote (加快发展新质生产力) fuzzily matches any sentence using the same phrase: it
        # only counts where its stored surroundings agree too.
        candidates = {
            m for m in candidates
            if _agreeing_before(text, m.start, selector.prefix) + _agreeing_after(text, m.end, selector.suffix) >= _MIN_SHORT_CONTEXT
        }
    if not candidates:
        return None
    return max(candidates, key=lambda match: (_rank(text, selector, match), -match.start))


def _rank(text: str, selector: Selector, match: _Match) -> float:
    """Hypothesis's weighting: quote similarity first, then the context on each side, then position."""
    similarity = 1.0 - match.edits / len(selector.quote)
    before = _agreeing_before(text, match.start, selector.prefix) / len(selector.prefix) if selector.prefix else 0.0
    after = _agreeing_after(text, match.end, selector.suffix) / len(selector.suffix) if selector.suffix else 0.0
    nearness = 1.0 - abs(match.start - selector.start) / max(len(text), 1)
    return _W_QUOTE * similarity + _W_PREFIX * before + _W_SUFFIX * after + _W_POSITION * nearness


def _equalities(pattern: str) -> dict[str, int]:
    """Per character, the bit mask of the pattern positions holding it (Myers' Peq)."""
    masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << i)
    return masks


def _match_ends(text: str, lo: int, hi: int, masks: dict[str, int], length: int, max_edits: int) -> list[tuple[int, int]]:
    """(end, edits) where the pattern ends in text[lo:hi] with the fewest edits around, at most max_edits.

    Myers' algorithm with a free start in the text: after each character, the edit distance of
    the pattern against the best substring ending there.
    """
    all_bits = (1 << length) - 1
    top = 1 << (length - 1)
    plus, minus, edits = all_bits, 0, length
    scores: list[int] = []
    get = masks.get
    for char in text[lo:hi]:
        eq = get(char, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        h_plus = minus | (~(xh | plus) & all_bits)
        h_minus = plus & xh
        if h_plus & top:
            edits += 1
        elif h_minus & top:
            edits -= 1
        h_plus = (h_plus << 1) & all_bits
        h_minus = (h_minus << 1) & all_bits
        plus = h_minus | (~(xv | h_plus) & all_bits)
        minus = h_plus & xv
        scores.append(edits)
    return [(lo + i + 1, score) for i, score in enumerate(scores) if score <= max_edits and _is_local_minimum(scores, i)]


def _is_local_minimum(scores: list[int], i: int) -> bool:
    return (i == 0 or scores[i] <= scores[i - 1]) and (i + 1 == len(scores) or scores[i] <= scores[i + 1])


def _match_starts(
    text: str, lo: int, end: int, reversed_masks: dict[str, int], length: int, max_edits: int, edits: int
) -> list[int]:
    """Every start s >= lo for which text[s:end] is within `edits` of the pattern.

    Myers' algorithm again, on the reversed pattern and text, now with the alignment held to
    `end` (a horizontal +1 shifted in on the first row).
    """
    all_bits = (1 << length) - 1
    top = 1 << (length - 1)
    plus, minus, distance = all_bits, 0, length
    starts: list[int] = []
    get = reversed_masks.get
    first = max(lo, end - length - max_edits)
    for taken, char in enumerate(reversed(text[first:end]), 1):
        eq = get(char, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        h_plus = minus | (~(xh | plus) & all_bits)
        h_minus = plus & xh
        if h_plus & top:
            distance += 1
        elif h_minus & top:
            distance -= 1
        h_plus = ((h_plus << 1) | 1) & all_bits
        h_minus = (h_minus << 1) & all_bits
        plus = h_minus | (~(xv | h_plus) & all_bits)
        minus = h_plus & xv
        if distance <= edits:
            starts.append(end - taken)
    return starts
