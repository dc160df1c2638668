"""Which words changed inside an aligned pair of blocks, with offsets into each document's text.

Words are jieba tokens of the Simplified fold (jieba's dictionary is Simplified), so a
Traditional paragraph and its Simplified counterpart differ only where the words do. A number
keeps its unit and qualifier in one word, so 5%左右 → 4.5%左右 is one change, not three. The
two word lists are diffed with difflib's SequenceMatcher with autojunk off (autojunk would take
common characters such as 的 for junk); past MAX_WORDS a side, the pair is one whole change.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from typing import overload

from reader.core.compare.align import normalise
from reader.core.compare.model import DELETE, INSERT, REPLACE, WordChange
from reader.core.convert import OffsetMap
from reader.core.model import Document
from reader.core.numbers import QUALIFIER, find_quantities, folded_conversion
from reader.core.segment import tokenizer

Word = tuple[str, int, int]  # (the word on the Simplified fold, start, end in the document's own text)
Span = tuple[int, int]

# A pair with more words than this on a side is reported as one change: difflib is quadratic
# at worst, and a change list that long is no help to a reader.
MAX_WORDS = 1500
# jieba reads a block a clause at a time (cut after these marks), at most this many characters.
CHUNK = 1000
_CHUNK_CUTS = "。！？；，、\n"
_CHUNK = re.compile(f"[^{_CHUNK_CUTS}]{{0,{CHUNK}}}[{_CHUNK_CUTS}]?")
# Characters of distinct chunks remembered at once while cutting a document (bounds the memory
# on huge inputs; a report repeated, or a run of one character, repeats well within it).
_SEEN_CHARS = 100_000
# Blocks up to this many characters are remembered (at most _SHORT_BLOCKS of them at once).
_SHORT = 200
_SHORT_BLOCKS = 2_000
_MOVE = 4096  # words moved at once when joining quantities in place
# jieba's HMM and its han-run regex read ASCII +, not the full-width form (人工智能＋).
_FOR_JIEBA = str.maketrans({"＋": "+"})


class BlockWords(Sequence[Word]):
    """A block's words as (word, start, end), kept compactly: the word strings (one object per
    distinct word, shared by every occurrence) and their offsets in two arrays of ints. A list
    of tuples took ~140 bytes a word: ~27 bytes of memory per byte of a megabyte on one line."""

    __slots__ = ("_ends", "_starts", "_words")

    def __init__(self, words: list[str] | None = None, starts: array[int] | None = None, ends: array[int] | None = None) -> None:
        self._words = [] if words is None else words
        self._starts = array("i") if starts is None else starts
        self._ends = array("i") if ends is None else ends

    @classmethod
    def join(cls, parts: Iterable[BlockWords]) -> BlockWords:
        """The words of several blocks, in order (a split or merged pair reads them as one)."""
        joined = cls()
        for part in parts:
            joined._words.extend(part._words)
            joined._starts.extend(part._starts)
            joined._ends.extend(part._ends)
        return joined

    def strings(self) -> list[str]:
        return self._words

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> Word: ...

    @overload
    def __getitem__(self, index: slice) -> list[Word]: ...

    def __getitem__(self, index: int | slice) -> Word | list[Word]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        return self._words[index], self._starts[index], self._ends[index]

    def __iter__(self) -> Iterator[Word]:
        return zip(self._words, self._starts, self._ends, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BlockWords):
            return self._words == other._words and self._starts == other._starts and self._ends == other._ends
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"BlockWords({list(self)!r})"


class DocumentWords(Sequence[BlockWords]):
    """The words of each block (whitespace is not a word), cut when a block's are asked for:
    compare asks only for blocks whose words it diffs, and counts the rest (word_counts) without
    keeping a list per block (~600 bytes a block on 100,000 tiny lines)."""

    def __init__(self, document: Document) -> None:
        conversion = folded_conversion(document)
        folded = conversion.text
        self._text = folded.translate(_FOR_JIEBA) if "＋" in folded else folded  # no copy of a megabyte for nothing
        self._offsets = conversion.offsets
        self._identity = self._offsets.orig == self._offsets.conv
        self._blocks = document.blocks
        self._tok = tokenizer()
        # Each distinct chunk is cut once: a report pasted twice, or a run of one character,
        # repeats its chunks, and jieba (~20 µs a character on such runs) was most of a
        # comparison's time.
        self._seen: dict[str, tuple[list[str], array[int], array[int]]] = {}
        self._seen_chars = 0
        self._pool: dict[str, str] = {}  # one string object per distinct word
        # A short block's words, offsets from its start, by its text with the characters around
        # it that quantities look at (two before, one after): many tiny blocks alike are read once.
        self._short: dict[tuple[str, int, int], tuple[list[str], array[int], array[int]]] = {}

    def __len__(self) -> int:
        return len(self._blocks)

    @overload
    def __getitem__(self, index: int) -> BlockWords: ...

    @overload
    def __getitem__(self, index: slice) -> list[BlockWords]: ...

    def __getitem__(self, index: int | slice) -> BlockWords | list[BlockWords]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        return self._words(*self._blocks.span(index if index >= 0 else len(self._blocks) + index))

    def __iter__(self) -> Iterator[BlockWords]:
        return (self._words(*span) for span in self._blocks.spans())

    def counts(self) -> Counter[str]:
        """How often each word occurs in the whole document; a short block's words are cut once per
        distinct text (and surroundings) and counted as many times as it occurs."""
        counts: Counter[str] = Counter()
        pending: Counter[tuple[str, int, int]] = Counter()  # short blocks by key, cut once each
        where: dict[tuple[str, int, int], int] = {}  # a key's start in the fold, to cut it there

        def flush() -> None:
            for key, times in pending.items():
                start = where[key]
                words = self._folded_words(start, start + key[2])
                for word in words._words:
                    counts[word] += times
            pending.clear()
            where.clear()

        spans = self._blocks.spans()
        for start, end in spans if self._identity else (self._span(*span) for span in spans):
            if end - start <= _SHORT:
                key = self._short_key(start, end)
                if key not in where:
                    if len(where) >= _SHORT_BLOCKS:
                        flush()
                    where[key] = start
                pending[key] += 1
                continue
            counts.update(self._folded_words(start, end)._words)
        flush()
        return counts

    # -- helpers ---------------------------------------------------------------------------------

    def _span(self, start: int, end: int) -> Span:
        return (start, end) if self._identity else self._offsets.span_to_converted(start, end)

    def _short_key(self, start: int, end: int) -> tuple[str, int, int]:
        before = max(0, start - 2)
        return (self._text[before : end + 1], start - before, end - start)

    def _words(self, orig_start: int, orig_end: int) -> BlockWords:
        words = self._folded_words(*self._span(orig_start, orig_end))
        return words if self._identity else _to_original(words, self._offsets)

    def _folded_words(self, start: int, end: int) -> BlockWords:
        """The words of text[start:end] of the fold, with offsets into the fold."""
        text = self._text
        key = None
        if end - start <= _SHORT:
            key = self._short_key(start, end)
            known = self._short.get(key)
            if known is not None:
                return BlockWords(list(known[0]), array("i", [x + start for x in known[1]]), array("i", [x + start for x in known[2]]))
        words = BlockWords()
        for c0, c1 in _chunks(text, start, end):
            chunk = text[c0:c1]
            cut = self._seen.get(chunk)
            if cut is None:
                if self._seen_chars > _SEEN_CHARS:
                    self._seen.clear()
                    self._seen_chars = 0
                cut = self._seen[chunk] = ([], array("i"), array("i"))
                for w, s, e in self._tok.tokenize(chunk):
                    if not w.isspace():
                        cut[0].append(self._pool.setdefault(w, w))
                        cut[1].append(s)
                        cut[2].append(e)
                self._seen_chars += len(chunk)
            words._words.extend(cut[0])
            words._starts.extend(array("i", [x + c0 for x in cut[1]]) if c0 else cut[1])
            words._ends.extend(array("i", [x + c0 for x in cut[2]]) if c0 else cut[2])
        words = _numbers_whole(text, start, end, words)
        if key is not None:
            if len(self._short) > _SHORT_BLOCKS:
                self._short.clear()
            starts, ends = array("i", [x - start for x in words._starts]), array("i", [x - start for x in words._ends])
            self._short[key] = (list(words._words), starts, ends)
        return words


def document_words(document: Document) -> DocumentWords:
    """The words of each block, in reading order, cut as each block's are asked for."""
    return DocumentWords(document)


def word_counts(document: Document) -> Counter[str]:
    """How often each word occurs in the document (as document_words cuts them)."""
    return DocumentWords(document).counts()


def _to_original(words: BlockWords, offsets: OffsetMap) -> BlockWords:
    """The words with offsets in the document's own text instead of its fold."""
    for k, (_, s, e) in enumerate(words):
        words._starts[k], words._ends[k] = offsets.span_to_original(s, e)
    return words


def _chunks(text: str, start: int, end: int) -> Iterator[Span]:
    """Sentences (at most CHUNK characters): jieba cuts each run between these marks on its own, so
    cutting after them changes no word, and a repeated sentence is then a repeated chunk."""
    for match in _CHUNK.finditer(text, start, end):
        if match.end() > match.start():
            yield match.span()


def _numbers_whole(text: str, start: int, end: int, words: BlockWords) -> BlockWords:
    """Words that make up one quantity with its qualifier (5 % 左右) joined into one, in place:
    a joined word takes fewer places than its parts, so the words are rewritten over themselves
    instead of into a second list as long (on one 5 MB line, two lists of a million words)."""
    spans = []
    for q in find_quantities(text, start, end):
        qualifier = QUALIFIER.match(text, q.end, end)
        spans.append((q.start, qualifier.end() if qualifier else q.end))
    if not spans:
        return words
    old_words, starts, ends = words._words, words._starts, words._ends
    k = i = w = 0  # read at i, write at w (w <= i: what is read next is never overwritten)
    n = len(old_words)
    while i < n:
        s, e = starts[i], ends[i]
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k == len(spans):
            untouched = n  # no quantity left: the rest as they are
        else:
            untouched = bisect_right(ends, spans[k][0], i)  # words ending before the quantity
        if untouched > i:
            if w < i:
                for b in range(i, untouched, _MOVE):  # moved a batch at a time: no copy of the rest
                    top = min(b + _MOVE, untouched)
                    to = w + b - i
                    old_words[to : to + top - b] = old_words[b:top]
                    starts[to : to + top - b] = starts[b:top]
                    ends[to : to + top - b] = ends[b:top]
            w += untouched - i
            i = untouched
            continue
        if w and ends[w - 1] > spans[k][0] and starts[w - 1] < spans[k][1]:
            first = starts[w - 1]  # the quantity's word so far: extend it
            old_words[w - 1] = text[first:e]
            ends[w - 1] = e
        else:
            old_words[w] = text[s:e]
            starts[w] = s
            ends[w] = e
            w += 1
        i += 1
    del old_words[w:], starts[w:], ends[w:]
    return words


def word_changes(
    a_words: Sequence[Word], b_words: Sequence[Word], a_span: Span, b_span: Span, *, ignore: frozenset[str] = frozenset()
) -> tuple[WordChange, ...]:
    """What changed from A's words to B's: replaced, inserted and deleted runs of words, with
    offsets into each text; a_span and b_span are the blocks' extents (for a whole change)."""
    keys: dict[str, str] = {}  # each distinct word normalised once, its key shared

    def key_of(word: str) -> str:
        key = keys.get(word)
        if key is None:
            key = keys[word] = normalise(word, ignore)
        return key

    # Keys first, without offsets: a pair of a megabyte's words is one whole change.
    a_keys = [key for w, _, _ in a_words if (key := key_of(w))]
    b_keys = [key for w, _, _ in b_words if (key := key_of(w))]
    if a_keys == b_keys:
        return ()
    if len(a_keys) > MAX_WORDS or len(b_keys) > MAX_WORDS:
        return (WordChange(REPLACE, *a_span, *b_span),)
    a_keyed = [(key, s, e) for w, s, e in a_words if (key := key_of(w))]
    b_keyed = [(key, s, e) for w, s, e in b_words if (key := key_of(w))]
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a_keys, b_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a_start, a_end = _cut(a_keyed, i1, i2, a_span)
        b_start, b_end = _cut(b_keyed, j1, j2, b_span)
        kind = REPLACE if i1 < i2 and j1 < j2 else DELETE if i1 < i2 else INSERT
        changes.append(WordChange(kind, a_start, a_end, b_start, b_end))
    return tuple(changes)


def _cut(words: Sequence[tuple[str, int, int]], i1: int, i2: int, span: Span) -> Span:
    """The text of words i1:i2; for none, the point between words i1-1 and i1."""
    if i1 < i2:
        return words[i1][1], words[i2 - 1][2]
    if i1 > 0:
        return words[i1 - 1][2], words[i1 - 1][2]
    point = words[0][1] if words else span[0]
    return point, point
