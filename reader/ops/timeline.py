"""The term timeline of a library (reader.core.timeline), for the CLI and the window alike.

Each report's Simplified fold, its Han character count, its dictionary terms and its jieba word
counts are kept in memory by content hash: they depend on the text alone, so a timeline asked
for again (another term typed, the window refreshing after an import) reads only the catalogue
and the documents it has not seen. Summaries, commentaries and undated documents are never read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.core.convert import Conversion
from reader.core.timeline import REPORT, Timeline, YearText, count_terms, han_count, new_by_year, reports_only, word_counts
from reader.ops.content_cache import ContentCache
from reader.store.library import DocumentInfo, Library

_folds: ContentCache[tuple[Conversion, int]] = ContentCache()  # (fold, Han characters)
_terms: ContentCache[frozenset[str]] = ContentCache()
_words: ContentCache[Counter[str]] = ContentCache()


def report_texts(library: Library) -> list[YearText]:
    """Every dated report of the library, folded, in year order (one copy of each text)."""
    texts = [
        YearText(info.id, info.year, info.title, _fold_of(library, info), info.content_hash)
        for info in library.documents()
        if info.year is not None and info.kind == REPORT
    ]
    return reports_only(texts)


def term_timeline(library: Library, terms: Sequence[str], *, new_words: bool = True) -> Timeline:
    """Each term's count per year with its passages; with new_words, each year's new words too
    (jieba: ~0.5 s to start and ~0.1 s a report the first time, cached after)."""
    texts = report_texts(library)
    chars = {t.doc_id: _chars_of(t) for t in texts}
    counted = count_terms(texts, terms, chars=chars)
    fresh = new_words_by_year(texts) if new_words else {}
    return Timeline(
        years=tuple(sorted({t.year for t in texts})),
        terms=counted,
        new_by_year=fresh,
        titles={t.doc_id: t.title for t in texts},
    )


def new_words_by_year(texts: Sequence[YearText]) -> dict[int, tuple[str, ...]]:
    terms_of = {t.doc_id: _terms_of(t) for t in texts}
    words_of = {t.doc_id: _words_of(t) for t in texts}
    return new_by_year(texts, terms_of, words_of)


def _fold_of(library: Library, info: DocumentInfo) -> Conversion:
    cached = _folds.get(info.content_hash)
    if cached is not None:
        return cached[0]
    from reader.core.find import fold

    folded = fold(library.text(info.id))
    if info.content_hash:
        _folds.put(info.content_hash, (folded, han_count(folded.text)))
    return folded


def _chars_of(text: YearText) -> int:
    cached = _folds.get(text.content_hash)
    return cached[1] if cached is not None and cached[0] is text.folded else text.han_chars


def _terms_of(text: YearText) -> frozenset[str]:
    cached = _terms.get(text.content_hash)
    if cached is not None:
        return cached
    from reader.core.terms import find_terms

    found = frozenset(hit.term for hit in find_terms(text.folded))
    _terms.put(text.content_hash, found)
    return found


def _words_of(text: YearText) -> Counter[str]:
    cached = _words.get(text.content_hash)
    if cached is not None:
        return cached
    from reader.core.segment import tokens

    folded = text.folded
    identity = folded.offsets.orig == folded.offsets.conv
    words = []
    for _word, start, end in tokens(folded):  # the word as written: its Simplified form is wanted
        if not identity:
            start, end = folded.offsets.span_to_converted(start, end)
        words.append(folded.text[start:end])
    counts = word_counts(words)
    _words.put(text.content_hash, counts)
    return counts


def clear_cache() -> None:
    """Forget every fold and count (the benchmark times a cold timeline with it)."""
    _folds.clear()
    _terms.clear()
    _words.clear()
