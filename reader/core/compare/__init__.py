"""Comparing two documents (two years' reports): alignment, word changes, targets, terms.

Everything runs on the Simplified fold of each text, so a Traditional report compares with a
Simplified one, and reports offsets in each document's own text. `compare(a, b)` is the entry
point; the model is in reader.core.compare.model, the Link for two linked panes in
reader.core.compare.link.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.core.compare.model import CHANGED, MERGED, MOVED, SPLIT, BlockPair, Comparison
from reader.core.model import Document

if TYPE_CHECKING:
    from reader.core.compare.words import BlockWords

__all__ = ["compare"]

_WITH_WORDS = (CHANGED, MOVED, SPLIT, MERGED)


def compare(a: Document, b: Document, *, ignore: frozenset[str] = frozenset()) -> Comparison:
    """A (the earlier report, left) against B (right): aligned blocks with their word changes,
    targets side by side, terms that came and went. `ignore` may hold "punctuation",
    "whitespace" and "numbers" (ValueError for anything else)."""
    from reader.core.compare.align import align, check_ignore
    from reader.core.compare.targets_diff import diff_targets
    from reader.core.compare.terms_diff import diff_terms
    from reader.core.compare.words import document_words
    from reader.core.targets import extract_targets

    options = check_ignore(ignore)
    a_doc, b_doc = _hashed(a), _hashed(b)  # so every step below shares one fold of each text
    pairs = align(a_doc, b_doc, ignore=options)
    a_words, b_words = document_words(a_doc), document_words(b_doc)  # cut as a pair asks for them
    # Only pairs outside runs can have word changes: a run is same, added or removed blocks.
    blocks = pairs.replaced(lambda pair: _with_words(pair, a, b, a_words, b_words, options))
    targets = diff_targets(extract_targets(a_doc), extract_targets(b_doc))
    return Comparison(a, b, blocks, targets, diff_terms(a_doc, b_doc, a_words.counts(), b_words.counts()))


def _hashed(document: Document) -> Document:
    """The document with a content hash, the key the shared Simplified fold is cached under."""
    if document.content_hash:
        return document
    digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()
    return replace(document, content_hash=f"compare:{digest}")


def _with_words(
    pair: BlockPair, a: Document, b: Document, a_words: Sequence[BlockWords], b_words: Sequence[BlockWords], ignore: frozenset[str]
) -> BlockPair:
    from reader.core.compare.words import BlockWords, word_changes

    if pair.kind not in _WITH_WORDS:
        return pair
    a_span = (a.blocks.span(pair.a[0])[0], a.blocks.span(pair.a[-1])[1])
    b_span = (b.blocks.span(pair.b[0])[0], b.blocks.span(pair.b[-1])[1])
    words = word_changes(
        BlockWords.join(a_words[i] for i in pair.a), BlockWords.join(b_words[j] for j in pair.b), a_span, b_span, ignore=ignore
    )
    return replace(pair, words=words)
