"""The term timeline of a library (reader.core.timeline), for the CLI and the window alike.

Each report's Simplified fold, its Han character count, its dictionary terms and its jieba word
counts are kept in memory by content hash: they depend on the text alone, so a timeline asked
for again (another term typed, the window refreshing after an import) reads only the catalogue
and the documents it has not seen. Summaries, commentaries and undated documents are never read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from threading import Lock
from typing import TypeVar

from reader.core.convert import Conversion
from reader.core.timeline import REPORT, Timeline, YearText, count_terms, han_count, new_by_year, reports_only, word_counts
from reader.store.library import DocumentInfo, Library

_CACHE_LIMIT = 512
_folds: dict[str, tuple[Conversion, int]] = {}  # content hash -> (fold, Han characters)
_terms: dict[str, frozenset[str]] = {}
_words: dict[str, Counter[str]] = {}
_lock = Lock()
V = TypeVar("V")


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
    key = info.content_hash
    with _lock:
        cached = _folds.get(key) if key else None
    if cached is not None:
        return cached[0]
    from reader.core.find import fold

    folded = fold(library.text(info.id))
    if key:
        _put(_folds, key, (folded, han_count(folded.text)))
    return folded


def _chars_of(text: YearText) -> int:
    with _lock:
        cached = _folds.get(text.content_hash) if text.content_hash else None
    return cached[1] if cached is not None and cached[0] is text.folded else text.han_chars


def _terms_of(text: YearText) -> frozenset[str]:
    with _lock:
        cached = _terms.get(text.content_hash) if text.content_hash else None
    if cached is not None:
        return cached
    from reader.core.terms import find_terms

    found = frozenset(hit.term for hit in find_terms(text.folded))
    if text.content_hash:
        _put(_terms, text.content_hash, found)
    return found


def _words_of(text: YearText) -> Counter[str]:
    with _lock:
        cached = _words.get(text.content_hash) if text.content_hash else None
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
    if text.content_hash:
        _put(_words, text.content_hash, counts)
    return counts


def _put(cache: dict[str, V], key: str, value: V) -> None:
    with _lock:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = value


def clear_cache() -> None:
    """Forget every fold and count (the benchmark times a cold timeline with it)."""
    with _lock:
        _folds.clear()
        _terms.clear()
        _words.clear()
