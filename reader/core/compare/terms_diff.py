"""Words that came and went between two reports: policy terms and frequent content words.

Policy terms come from the dictionary (reader.core.terms, matched in either script); content
words are jieba words of the Simplified fold, two characters or more, not numbers and not on the
small stopword list below (function words and the verbs every report repeats). A term is new
when only B has it, dropped when only A has it; a content word must be frequent (MIN_COUNT) to
count. Shifts compare rates per character, so a longer report does not shift every word.
"""

from __future__ import annotations

from collections import Counter
from math import log

from reader.core.compare.model import TermCount, TermsDiff
from reader.core.compare.words import word_counts
from reader.core.model import Document
from reader.core.terms import find_terms, load_terms

LIMIT = 20  # content words in each list; dictionary terms are always listed
MIN_COUNT = 3  # a content word only one side has must occur this often there
MIN_SHIFT_COUNT = 6  # a content word both sides have must occur this often in all
MIN_SHIFT = log(1.5)  # the smallest change of rate reported …
MIN_SHIFT_EXCESS = 2  # … and B must have at least this many more (or fewer) than A's rate predicts

STOPWORDS = frozenset(
    """
    我们 我国 你们 他们 它们 这些 那些 这个 那个 这样 那样 这里 以及 并且 而且 或者 但是 因为 所以 如果
    虽然 还是 就是 也是 都是 同时 其中 之一 一些 一个 一批 一年 今年 去年 明年 当前 目前 进一步 更加 更好
    不断 继续 持续 坚持 加强 加快 推进 推动 促进 实施 完善 提高 提升 强化 支持 深化 扩大 健全 落实 做好
    积极 努力 全面 大力 切实 有效 有力 重点 主要 重要 各类 各项 各种 方面 工作 发展 建设 政府 国家 全国
    可以 能够 需要 要求 通过 进行 开展 实现 作为 为了 对于 关于 按照 根据 围绕 以上 以下 左右 以来 之后 之前
    没有 不能 不是 已经 正在 还有 较大 较好 更多 很多 所有 基本 总体 取得 显著 稳步 合理 各位 代表
    """.split()
)


def diff_terms(
    a: Document,
    b: Document,
    a_words: Counter[str] | None = None,
    b_words: Counter[str] | None = None,
    *,
    limit: int = LIMIT,
) -> TermsDiff:
    """Terms only in A, only in B, and the biggest shifts of rate; each document's word counts
    may be given when the caller already has them (compare does)."""
    a_terms, a_content = _counts(a, word_counts(a) if a_words is None else a_words)
    b_terms, b_content = _counts(b, word_counts(b) if b_words is None else b_words)
    a_len, b_len = max(1, len(a.text)), max(1, len(b.text))

    def shift(term: TermCount) -> float:
        return abs(log(((term.b + 1) / b_len) / ((term.a + 1) / a_len)))

    def shifted(term: TermCount) -> bool:
        return shift(term) >= MIN_SHIFT and abs(term.b - term.a * b_len / a_len) >= MIN_SHIFT_EXCESS

    def listed(terms: Counter[str], content: Counter[str], other_terms: Counter[str], other_content: Counter[str]) -> list[str]:
        found = [t for t in terms if not other_terms[t]]
        words = [w for w, n in content.items() if n >= MIN_COUNT and not other_content[w]]
        return found + sorted(words, key=lambda w: (-content[w], w))[:limit]

    added = [TermCount(t, 0, b_terms[t] or b_content[t]) for t in listed(b_terms, b_content, a_terms, a_content)]
    removed = [TermCount(t, a_terms[t] or a_content[t], 0) for t in listed(a_terms, a_content, b_terms, b_content)]
    shared = [TermCount(t, a_terms[t], b_terms[t]) for t in a_terms if b_terms[t]]
    shared_words = [
        TermCount(w, a_content[w], b_content[w])
        for w in a_content
        if b_content[w] and a_content[w] + b_content[w] >= MIN_SHIFT_COUNT
    ]
    shared_words = sorted(filter(shifted, shared_words), key=lambda t: (-shift(t), t.term))[:limit]
    changed = [t for t in shared if shifted(t)] + shared_words
    return TermsDiff(
        added=tuple(sorted(added, key=lambda t: (-t.b, t.term))),
        removed=tuple(sorted(removed, key=lambda t: (-t.a, t.term))),
        changed=tuple(sorted(changed, key=lambda t: (-shift(t), -(t.a + t.b), t.term))),
    )


def _counts(document: Document, every: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """Dictionary terms and content words of a document, counted apart (from every word's count)."""
    dictionary = set(load_terms())
    terms = Counter(hit.term for hit in find_terms(document))
    content = Counter({w: n for w, n in every.items() if w not in dictionary and is_content_word(w)})
    return terms, content


def is_content_word(word: str) -> bool:
    return len(word) >= 2 and word not in STOPWORDS and all(ch.isalpha() for ch in word)
