"""Which words changed inside an aligned pair of blocks, with offsets into each document's text.

Words are jieba tokens of the Simplified fold (jieba's dictionary is Simplified), so a
Traditional paragraph and its Simplified counterpart differ only where the words do. A number
keeps its unit and qualifier in one word, so 5%左右 → 4.5%左右 is one change, not three. The
two word lists are diffed with difflib's SequenceMatcher with autojunk off (autojunk would take
common characters such as 的 for junk); past MAX_WORDS a side, the pair is one whole change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from reader.core.compare.align import normalise
from reader.core.compare.model import DELETE, INSERT, REPLACE, WordChange
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
# Distinct chunks remembered at once while cutting a document (bounds the memory on huge inputs).
_SEEN_MAX = 20_000
# jieba's HMM and its han-run regex read ASCII +, not the full-width form (人工智能＋).
_FOR_JIEBA = str.maketrans({"＋": "+"})


def document_words(document: Document) -> list[list[Word]]:
    """The words of each block, in reading order; whitespace is not a word."""
    conversion = folded_conversion(document)
    folded = conversion.text
    text = folded.translate(_FOR_JIEBA)
    offsets = conversion.offsets
    identity = offsets.orig == offsets.conv
    tok = tokenizer()
    # Each distinct chunk is cut once: a report pasted twice, or a run of one character, repeats
    # its chunks, and jieba (~20 µs a character on such runs) was most of a comparison's time.
    seen: dict[str, list[Word]] = {}
    out: list[list[Word]] = []
    for block in document.blocks:
        start, end = (block.start, block.end) if identity else offsets.span_to_converted(block.start, block.end)
        words: list[Word] = []
        for c0, c1 in _chunks(text, start, end):
            chunk = text[c0:c1]
            cut = seen.get(chunk)
            if cut is None:
                if len(seen) > _SEEN_MAX:
                    seen.clear()
                cut = seen[chunk] = [(w, s, e) for w, s, e in tok.tokenize(chunk) if not w.isspace()]
            words.extend((w, c0 + s, c0 + e) for w, s, e in cut)
        words = _numbers_whole(text, start, end, words)
        if not identity:
            words = [(w, *offsets.span_to_original(s, e)) for w, s, e in words]
        out.append(words)
    return out


def _chunks(text: str, start: int, end: int) -> Iterator[Span]:
    """Sentences (at most CHUNK characters): jieba cuts each run between these marks on its own, so
    cutting after them changes no word, and a repeated sentence is then a repeated chunk."""
    for match in _CHUNK.finditer(text, start, end):
        if match.end() > match.start():
            yield match.span()


def _numbers_whole(text: str, start: int, end: int, words: list[Word]) -> list[Word]:
    """Words that make up one quantity with its qualifier (5 % 左右) joined into one."""
    spans = []
    for q in find_quantities(text, start, end):
        qualifier = QUALIFIER.match(text, q.end, end)
        spans.append((q.start, qualifier.end() if qualifier else q.end))
    if not spans:
        return words
    out: list[Word] = []
    k = 0
    for word in words:
        _, s, e = word
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] < e:
            if out and out[-1][2] > spans[k][0] and out[-1][1] < spans[k][1]:
                first = out[-1][1]  # the quantity's word so far: extend it
                out[-1] = (text[first:e], first, e)
            else:
                out.append((text[s:e], s, e))
            continue
        out.append(word)
    return out


def word_changes(
    a_words: Sequence[Word], b_words: Sequence[Word], a_span: Span, b_span: Span, *, ignore: frozenset[str] = frozenset()
) -> tuple[WordChange, ...]:
    """What changed from A's words to B's: replaced, inserted and deleted runs of words, with
    offsets into each text; a_span and b_span are the blocks' extents (for a whole change)."""
    a_keyed = [(key, s, e) for w, s, e in a_words if (key := normalise(w, ignore))]
    b_keyed = [(key, s, e) for w, s, e in b_words if (key := normalise(w, ignore))]
    a_keys = [key for key, _, _ in a_keyed]
    b_keys = [key for key, _, _ in b_keyed]
    if a_keys == b_keys:
        return ()
    if len(a_keys) > MAX_WORDS or len(b_keys) > MAX_WORDS:
        return (WordChange(REPLACE, *a_span, *b_span),)
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
