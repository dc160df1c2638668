"""Script-insensitive find: 发展 finds 發展 and the reverse, and Latin letters ignore case.

Both the text and the query are folded to Simplified with OpenCC t2s. t2s keeps the length of
report text, but a phrase rule could change it, so matches in the folded text are mapped back
through the conversion's offset map and are always code-point spans of the original text.
"""

from __future__ import annotations

import re

from reader.core.convert import Conversion, OffsetMap, convert_text
from reader.core.opencc_backend import converter

FOLD_CONFIG = "t2s"

Span = tuple[int, int]


def fold(text: str) -> Conversion:
    """The text folded to Simplified, with the offset map back to `text`."""
    return convert_text(text, FOLD_CONFIG)


def fold_query(query: str) -> str:
    return converter(FOLD_CONFIG).convert(query)


def fold_words(text: str) -> str:
    """The text's words as compared across years and scripts: folded, with no whitespace
    (国內生產總值增長 5% and 国内生产总值增长5% are the same words)."""
    return "".join(fold_query(text).split())


def find_all(text: str | Conversion, query: str) -> list[Span]:
    """Every non-overlapping match of `query`, as (start, end) code-point spans of the original.

    `text` may be an already folded text (a t2s Conversion, e.g. from the conversion cache), so
    find-as-you-type folds the document once, not once per keystroke.
    """
    if not query:
        return []
    folded = text if isinstance(text, Conversion) else fold(text)
    if folded.config != FOLD_CONFIG:
        raise ValueError(f"find_all needs a {FOLD_CONFIG} conversion, not {folded.config}")
    pattern = re.compile(re.escape(fold_query(query)), re.IGNORECASE)
    offsets = folded.offsets
    if len(folded.text) == len(folded.original) and _is_identity(offsets):
        return [(m.start(), m.end()) for m in pattern.finditer(folded.text)]
    return [offsets.span_to_original(m.start(), m.end()) for m in pattern.finditer(folded.text)]


def merge_spans(*span_lists: list[Span]) -> list[Span]:
    """Spans from several searches in text order, each place once (overlaps keep the first)."""
    merged: list[Span] = []
    for start, end in sorted(set().union(*map(set, span_lists)) if span_lists else ()):
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged


def _is_identity(offsets: OffsetMap) -> bool:
    """True when every break point maps onto itself, i.e. no offset moved."""
    return offsets.orig == offsets.conv
