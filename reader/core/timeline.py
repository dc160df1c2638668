"""The words of a decade: how often terms occur in each year's reports, and what each year brought.

Which texts count: documents of kind ``report`` with a year. Summaries and commentaries never
count — a summary repeats its report's words in fewer characters (a year with both would count
them twice), and a commentary quotes whatever it discusses (a 2024 commentary on 新质生产力 is not
the 2024 report using it). Two reports of one year (the whole report and an excerpt of it, or a
report in two parts) are read as one: the longest whole, then each other report's lines that the
year's reports read before it do not already hold (an excerpt adds only what is its own — a
resolution printed above it — and a second copy of the very same text nothing), raw counts and
characters alike, so the per-10,000 figure is over everything the year's reports say, once.

Counting is on the Simplified fold (reader.core.find.fold), so 新質生產力 and 新质生产力 are one
term, and Latin letters ignore case. Occurrences are found by a left-to-right, non-overlapping
scan (发展发展发展 holds 发展发展 once). per_10k is per 10,000 Han characters of the year's
reports: punctuation, digits and the English half of a bilingual text do not dilute it.

New words: for each year after the library's first, the dictionary terms (reader.core.terms)
and the frequent words (jieba tokens of at least two characters, MIN_WORD_COUNT times or more in
that year, outside a stop list) that occur nowhere in an earlier year's reports: every new
dictionary term (the dictionary bounds them), then at most MAX_NEW_WORDS words, the most
frequent first. The first year has no list: everything is
"new" there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.convert import Conversion
from reader.core.find import fold_query

REPORT = "report"
PER = 10_000
MIN_WORD_COUNT = 3
MAX_NEW_WORDS = 15
# A sentence reaches back to the previous one's end, or this far at most (a text with no stops).
_SENTENCE_REACH = 300
SNIPPET_REACH = 40
_SENTENCE_ENDS = "。！？；!?;\n\r"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_HAN_RUN = re.compile(_HAN.pattern + "+")
_SPLIT = re.compile(r"[\s,，、;；]+")

# Words too common to be news in any year: function words and the reports' own boilerplate.
STOP_WORDS = frozenset(
    """
    我们 他们 你们 自己 这个 那个 这些 那些 这样 那样 这种 一个 一些 一批 一项 一步 进一步
    以及 并且 而且 或者 还是 但是 因为 所以 如果 虽然 然而 同时 通过 对于 关于 按照 根据 为了
    有关 相关 其中 之一 已经 正在 将要 可以 能够 需要 应当 必须 要求 不断 持续 继续 加快 加大
    加强 推进 推动 促进 提高 提升 实施 落实 完善 坚持 深化 扩大 支持 实现 发展 建设 工作 政府
    今年 去年 明年 年度 过去 一年 五年 以上 以下 左右 以内 万人 亿元 万亿 百分点 全年 各地 各级
    部门 我国 全国 国家 经济 社会 人民 群众 方面 问题 重点 重要 主要 全面 积极 有效 更加 更好
    """.split()
)


@dataclass(frozen=True, slots=True)
class YearText:
    """One report as the timeline reads it: where it lives and its Simplified fold."""

    doc_id: int
    year: int
    title: str
    folded: Conversion  # t2s of the document's text, with the offset map back to it
    content_hash: str = ""

    @property
    def han_chars(self) -> int:
        return han_count(self.folded.text)


@dataclass(frozen=True, slots=True)
class Passage:
    """One occurrence: the document, its code-point span as written, and its sentence."""

    doc_id: int
    year: int
    start: int
    end: int
    text: str  # the occurrence as written (either script)
    sentence: str
    sentence_start: int
    snippet: str = ""  # the sentence cut to SNIPPET_REACH characters either side of the occurrence


@dataclass(frozen=True, slots=True)
class YearCount:
    count: int
    chars: int  # Han characters of the year's reports

    @property
    def per_10k(self) -> float:
        return round(self.count * PER / self.chars, 2) if self.chars else 0.0


@dataclass(frozen=True, slots=True)
class TermTimeline:
    term: str  # as typed
    folded: str  # what is counted
    years: dict[int, YearCount]
    passages: tuple[Passage, ...]

    @property
    def first(self) -> int | None:
        return next((y for y, c in sorted(self.years.items()) if c.count), None)

    @property
    def last(self) -> int | None:
        return next((y for y, c in sorted(self.years.items(), reverse=True) if c.count), None)

    def passages_in(self, year: int) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.year == year)


@dataclass(frozen=True, slots=True)
class Timeline:
    years: tuple[int, ...]
    terms: tuple[TermTimeline, ...]
    new_by_year: dict[int, tuple[str, ...]]
    titles: dict[int, str]  # doc id -> title, for the passages

    def to_json(self) -> dict[str, object]:
        """The issue's shape: {"terms": [{"term", "years": {"2015": {"count", "per_10k"}}, "first",
        "last", "passages"}], "new_by_year": {"2018": [...]}}."""
        return {
            "terms": [
                {
                    "term": t.term,
                    "years": {str(y): {"count": c.count, "per_10k": c.per_10k} for y, c in sorted(t.years.items())},
                    "first": t.first,
                    "last": t.last,
                    "passages": [
                        {"doc": p.doc_id, "year": p.year, "start": p.start, "end": p.end, "text": p.text, "sentence": p.sentence}
                        for p in t.passages
                    ],
                }
                for t in self.terms
            ],
            "new_by_year": {str(y): list(words) for y, words in sorted(self.new_by_year.items())},
        }


def split_terms(typed: str | Iterable[str]) -> list[str]:
    """Terms from what a user typed (comma, 、, semicolon or space separated), each once by its fold."""
    pieces = _SPLIT.split(typed) if isinstance(typed, str) else [p for t in typed for p in _SPLIT.split(t)]
    out: list[str] = []
    seen: set[str] = set()
    for piece in pieces:
        piece = piece.strip()
        key = fold_query(piece).casefold()
        if piece and key not in seen:
            seen.add(key)
            out.append(piece)
    return out


def han_count(text: str) -> int:
    return sum(m.end() - m.start() for m in _HAN_RUN.finditer(text))  # runs: a tenth the matches


def reports_only(texts: Iterable[YearText]) -> list[YearText]:
    """The texts in year order, each content once (a second copy of one text is dropped)."""
    seen: set[str] = set()
    out = []
    for text in sorted(texts, key=lambda t: (t.year, t.doc_id)):
        if text.content_hash and text.content_hash in seen:
            continue
        seen.add(text.content_hash)
        out.append(text)
    return out


def count_terms(texts: Sequence[YearText], terms: Sequence[str], *, chars: dict[int, int] | None = None) -> tuple[TermTimeline, ...]:
    """Each term's count per year (every year of `texts`, zeros included) and its passages.

    `chars` (doc id -> Han characters) saves recounting when the caller keeps it cached."""
    years = sorted({t.year for t in texts})
    bodies = _unrepeated(texts)
    year_chars = dict.fromkeys(years, 0)
    for text in texts:
        if text.doc_id in bodies:
            year_chars[text.year] += han_count(bodies[text.doc_id])
        else:
            year_chars[text.year] += chars[text.doc_id] if chars and text.doc_id in chars else text.han_chars
    out = []
    for term in terms:
        query = fold_query(term)
        counts = dict.fromkeys(years, 0)
        passages: list[Passage] = []
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for text in texts:
                found = list(_occurrences(text, pattern, bodies.get(text.doc_id)))
                counts[text.year] += len(found)
                passages += found
        out.append(
            TermTimeline(
                term=term,
                folded=query,
                years={y: YearCount(counts[y], year_chars[y]) for y in years},
                passages=tuple(passages),
            )
        )
    return tuple(out)


def _unrepeated(texts: Sequence[YearText]) -> dict[int, str]:
    """For each report whose year has a longer one: its fold with every line that a report of the
    year read before it (most Han characters first) already holds blanked out, offsets kept (a line becomes
    as many spaces). An excerpt of the year's report counted in full made 2024's counts ~1.5x."""
    by_year: dict[int, list[YearText]] = {}
    for text in texts:
        by_year.setdefault(text.year, []).append(text)
    bodies: dict[int, str] = {}
    for group in by_year.values():
        if len(group) < 2:
            continue
        seen: set[str] = set()
        # The most Chinese first: a bilingual excerpt can be longer than the whole report.
        for text in sorted(group, key=lambda t: (-han_count(t.folded.text), t.doc_id)):
            lines = text.folded.text.split("\n")
            kept = [" " * len(line) if line.strip() and line.strip() in seen else line for line in lines]
            seen.update(line.strip() for line in lines if line.strip())
            if kept != lines:
                bodies[text.doc_id] = "\n".join(kept)
    return bodies


def _occurrences(text: YearText, pattern: re.Pattern[str], body: str | None = None) -> Iterable[Passage]:
    """`pattern`'s occurrences in the text's fold (or in `body`, the fold with repeated lines
    blanked), as passages of the text as written."""
    folded = text.folded
    original = folded.original
    identity = folded.offsets.orig == folded.offsets.conv
    for match in pattern.finditer(folded.text if body is None else body):
        start, end = match.span()
        if not identity:
            start, end = folded.offsets.span_to_original(start, end)
        s_start, s_end = sentence_around(original, start, end)
        sentence = original[s_start:s_end].strip()
        if s_start > 0 and original[s_start - 1] not in _SENTENCE_ENDS:
            sentence = "…" + sentence
        if s_end < len(original) and original[s_end - 1] not in _SENTENCE_ENDS and original[s_end] not in _SENTENCE_ENDS:
            sentence += "…"
        a, b = max(s_start, start - SNIPPET_REACH), min(s_end, end + SNIPPET_REACH)
        snippet = ("…" if a > s_start or sentence.startswith("…") else "") + original[a:b].strip()
        snippet += "…" if b < s_end or sentence.endswith("…") else ""
        yield Passage(text.doc_id, text.year, start, end, original[start:end], sentence, s_start, snippet)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): from after the previous stop to its own stop, reaching
    at most _SENTENCE_REACH characters either side (a passage cut there is marked … )."""
    lo = max(0, start - _SENTENCE_REACH)
    s = start
    while s > lo and text[s - 1] not in _SENTENCE_ENDS:
        s -= 1
    hi = min(len(text), end + _SENTENCE_REACH)
    e = end
    while e < hi and text[e] not in _SENTENCE_ENDS:
        e += 1
    if e < len(text) and text[e] in _SENTENCE_ENDS and text[e] not in "\n\r":
        e += 1
    return s, e


def new_by_year(
    texts: Sequence[YearText],
    terms_of: dict[int, frozenset[str]],
    words_of: dict[int, Counter[str]],
    *,
    limit: int = MAX_NEW_WORDS,
) -> dict[int, tuple[str, ...]]:
    """Per year after the first: dictionary terms, then at most `limit` frequent words, seen in no
    earlier year.

    terms_of: doc id -> the dictionary terms found in it; words_of: doc id -> its jieba word
    counts (both in Simplified form). A word is new when no earlier year's fold contains it at
    all, so a word segmented otherwise before (新常态 inside 经济发展新常态) is not new again."""
    years = sorted({t.year for t in texts})
    by_year: dict[int, list[YearText]] = {y: [t for t in texts if t.year == y] for y in years}
    out: dict[int, tuple[str, ...]] = {}
    earlier: list[str] = []  # the folds of every earlier year's texts
    seen_terms: set[str] = set()
    for i, year in enumerate(years):
        docs = by_year[year]
        year_terms = set().union(*(terms_of.get(t.doc_id, frozenset()) for t in docs))
        counts: Counter[str] = Counter()
        for t in docs:
            counts.update(words_of.get(t.doc_id, Counter()))
        if i:
            before = "\n".join(earlier)
            fresh_terms = sorted(term for term in year_terms - seen_terms if term not in before)
            words: list[str] = []
            for w, n in sorted(counts.items(), key=lambda wn: (-wn[1], wn[0])):
                if n < MIN_WORD_COUNT or len(words) >= limit:
                    break
                if is_word(w) and not any(w in t for t in year_terms) and w not in before:
                    words.append(w)
            out[year] = tuple(fresh_terms + words)
        seen_terms |= year_terms
        earlier += [t.folded.text for t in docs]
    return out


def is_word(word: str) -> bool:
    """A content word worth listing: two or more characters, all Han, not a stop word."""
    return len(word) >= 2 and word not in STOP_WORDS and all(_HAN.match(ch) for ch in word)


def word_counts(tokens: Iterable[str]) -> Counter[str]:
    """Counts of the listable words among jieba tokens (Simplified)."""
    return Counter(w for w in tokens if is_word(w))
