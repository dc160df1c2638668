"""A bilingual edition read as two columns: the Chinese on the left, its English on the right.

A bilingual edition (the official translation interleaved with the report) alternates a run of
Chinese blocks with a run of English ones: one Chinese paragraph often becomes several English
paragraphs, and a heading run (title + section heading) becomes one English heading. Pairing
each Chinese run with the English run that follows it is the alignment; both panes show the
same document text (one hides the English, the other the Chinese), so spans map by identity and
annotations and find need no offset map of their own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.link import Span
from reader.core.model import Block, Document
from reader.core.normalize import han_count

ZH = "zh"
EN = "en"


@dataclass(frozen=True, slots=True)
class RunPair:
    """A run of Chinese blocks and the run of English blocks translating it (block numbers,
    end exclusive). Either run may be empty: English before any Chinese, Chinese left
    untranslated."""

    chinese: range
    english: range

    def run(self, language: str) -> range:
        return self.chinese if language == ZH else self.english

    @property
    def paired(self) -> bool:
        return bool(self.chinese) and bool(self.english)


def block_languages(blocks: Sequence[Block]) -> list[str]:
    """ZH or EN for every block: the side of the bilingual view that shows it.

    Block.lang says "en" for English prose; a block with Han characters is Chinese (a Chinese
    paragraph quoting an English name stays left). A block with neither (a figure, a URL, an
    empty line) goes with the run it sits in, so it never splits a run in two."""
    raw: list[str | None] = []
    for block in blocks:
        if block.lang == EN:
            raw.append(EN)
        elif han_count(block.text):
            raw.append(ZH)
        else:
            raw.append(None)
    first = next((lang for lang in raw if lang is not None), ZH)
    out: list[str] = []
    current = first
    for lang in raw:
        if lang is not None:
            current = lang
        out.append(current)
    return out


def pair_runs(blocks: Sequence[Block]) -> list[RunPair]:
    """Each run of Chinese blocks with the run of English blocks after it, in document order.

    The pairs tile the blocks: every block is in exactly one pair, and the pairs' runs are in
    order (a pair's Chinese run comes before its English run)."""
    languages = block_languages(blocks)
    runs: list[tuple[str, range]] = []
    start = 0
    for n in range(1, len(languages) + 1):
        if n == len(languages) or languages[n] != languages[start]:
            runs.append((languages[start], range(start, n)))
            start = n
    pairs: list[RunPair] = []
    k = 0
    while k < len(runs):
        lang, run = runs[k]
        if lang == EN:  # English with no Chinese before it (a document opening in English)
            pairs.append(RunPair(range(run.start, run.start), run))
            k += 1
        elif k + 1 < len(runs):
            pairs.append(RunPair(run, runs[k + 1][1]))
            k += 2
        else:  # the last Chinese run, untranslated
            pairs.append(RunPair(run, range(run.stop, run.stop)))
            k += 1
    return pairs


def is_bilingual(document: Document) -> bool:
    """Whether the document has Chinese paired with English (a view of the two side by side
    makes sense)."""
    if not any(block.lang == EN for block in document.blocks):
        return False
    return any(pair.paired for pair in pair_runs(document.blocks))


class BilingualLink:
    """The Link of a bilingual view: both sides hold the document's text; block n maps to the
    first block of the other language's run in its pair, spans map to themselves."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.languages = block_languages(document.blocks)
        self.pairs = pair_runs(document.blocks)
        self._starts = [p.chinese.start if p.chinese else p.english.start for p in self.pairs]

    @classmethod
    def for_document(cls, document: Document) -> BilingualLink:
        return cls(document)

    def language(self, number: int) -> str:
        """ZH or EN: the side that shows block `number` (ZH left, EN right)."""
        return self.languages[number]

    def pair_of(self, number: int) -> RunPair | None:
        if not 0 <= number < len(self.languages):
            return None
        return self.pairs[bisect_right(self._starts, number) - 1]

    def block(self, side: int, number: int) -> int | None:
        pair = self.pair_of(number)
        if pair is None or not pair.paired:
            return None
        other = pair.english if self.languages[number] == ZH else pair.chinese
        return other.start

    def span(self, side: int, start: int, end: int) -> Span | None:
        return start, end
