"""Word segmentation with jieba, in either script, with offsets into the original text.

jieba's dictionary is Simplified, so text is folded to Simplified (t2s) before it is cut and the
tokens are mapped back through the fold's offset map. The policy-term dictionary is added as user
words, so 新质生产力 and 超长期特别国债 stay whole. jieba costs ~0.45 s and ~60 MB to start: it is
imported and built on first use only (never on the path to the first window), once, under a lock.
jieba is fed one run of words at a time (at most a few hundred characters), so a note of one
character repeated 350,000 times segments in linear time, not quadratic.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.convert import Conversion
from reader.core.find import FOLD_CONFIG, fold
from reader.core.terms import load_terms

if TYPE_CHECKING:
    import jieba

Token = tuple[str, int, int]  # (token as written in the original, start, end)

# A user word gets at least this frequency, so context does not split it again; jieba's own
# suggestion is only enough to keep the word whole when it stands alone.
_MIN_USER_FREQ = 2000
# jieba's HMM and its han-run regex read ASCII +, not the full-width form (人工智能＋).
_FOLD_FOR_JIEBA = str.maketrans({"＋": "+"})

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer with the policy terms added; built on first call, thread-safe."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            # jieba logs "Building prefix dict…" to stderr at DEBUG; the app has no use for it.
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            for term in load_terms():
                tok.add_word(term, freq=max(_MIN_USER_FREQ, tok.suggest_freq(term, False)))
            _tokenizer = tok  # published only once every user word is in
    return _tokenizer


def tokens(text: str | Conversion) -> list[Token]:
    """Words of the text in reading order (jieba's default mode); whitespace is dropped."""
    return _tokenize(text, "default")


def search_tokens(text: str | Conversion) -> list[Token]:
    """Words plus the shorter words inside long ones (新质生产力 and 生产力), for a full-text index."""
    return _tokenize(text, "search")


def _tokenize(text: str | Conversion, mode: str) -> list[Token]:
    if isinstance(text, Conversion):
        if text.config != FOLD_CONFIG:
            raise ValueError(f"segmentation needs a {FOLD_CONFIG} conversion, not {text.config}")
        folded = text
    else:
        folded = fold(text)
    original = folded.original
    if not original:
        return []
    offsets = folded.offsets
    identity = offsets.orig == offsets.conv
    out: list[Token] = []
    for _word, start, end in _chunked_tokens(folded.text.translate(_FOLD_FOR_JIEBA), mode):
        if not identity:
            start, end = offsets.span_to_original(start, end)
        out.append((original[start:end], start, end))
    return out


# jieba cuts a text into runs of these characters (its re_han_default) and each run on its own;
# what lies between runs it yields character by character (\r\n as one).
_JIEBA_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
# jieba's HMM is quadratic in a run of characters it knows no word for (20,000 × 注 took 1.8 s):
# a run longer than this, which no sentence has, is cut every this many characters.
_MAX_RUN = 200


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) spans covering the text, each a run jieba cuts on its own with the
    text after it up to the next run, so that cutting them one by one gives jieba's own result."""
    start = 0
    for run in _JIEBA_RUN.finditer(text):
        a, b = run.span()
        if a > start:
            yield start, a
            start = a
        while b - start > _MAX_RUN:
            yield start, start + _MAX_RUN
            start += _MAX_RUN
    if start < len(text):
        yield start, len(text)


def _chunked_tokens(text: str, mode: str) -> Iterator[Token]:
    """jieba's tokens of the text, in order, without whitespace, fed to jieba a run at a time (a
    bounded piece: linear time on any text), each distinct chunk segmented once."""
    tok = tokenizer()
    seen: dict[str, list[Token]] = {}
    for start, end in _chunks(text):
        chunk = text[start:end]
        found = seen.get(chunk)
        if found is None:
            if len(seen) > 50_000:
                seen.clear()
            found = seen[chunk] = [t for t in tok.tokenize(chunk, mode=mode) if not t[0].isspace()]
        for word, a, b in found:
            yield word, start + a, start + b
