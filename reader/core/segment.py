"""Word segmentation with jieba, in either script, with offsets into the original text.

jieba's dictionary is Simplified, so text is folded to Simplified (t2s) before it is cut and the
tokens are mapped back through the fold's offset map. The policy-term dictionary is added as user
words, so 新质生产力 and 超长期特别国债 stay whole. jieba costs ~0.45 s and ~60 MB to start: it is
imported and built on first use only (never on the path to the first window), once, under a lock.
"""

from __future__ import annotations

import logging
import threading
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
    for word, start, end in tokenizer().tokenize(folded.text.translate(_FOLD_FOR_JIEBA), mode=mode):
        if word.isspace():
            continue
        if not identity:
            start, end = offsets.span_to_original(start, end)
        out.append((original[start:end], start, end))
    return out
