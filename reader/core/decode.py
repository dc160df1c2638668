"""Bytes to text: find the encoding a report file was saved in, or say why it is not text.

Reports arrive as UTF-8 (with or without BOM), UTF-16 (Windows "Unicode" exports, sometimes
without BOM), GB18030 (mainland) or Big5 (Hong Kong, Taiwan). We try strict decodes in a fixed
order and, where more than one legacy codec succeeds, keep the one whose characters look like
ordinary Chinese text. No third-party detector: the candidates are few and known.
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from reader.errors import InputError

# Share of decoded characters that may be control characters before we call the input binary.
_MAX_CONTROL_SHARE = 0.01
# UTF-16 without BOM: ASCII code units put a NUL in every other byte; CJK units rarely do.
_MIN_NUL_PARITY = 0.9
_SAMPLE = 200_000
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BIG5_CODECS = ("big5", "cp950", "big5hkscs")


def decode_bytes(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name) for a report file's bytes; InputError if it is empty or not text."""
    label = name or "The input"
    if not data.strip():
        raise InputError(f"{label} is empty")
    text, encoding = _decode(data, label)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{label} is empty")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{label} looks like a binary file, not text")
    return text, encoding


def _decode(data: bytes, label: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError:
                raise InputError(f"{label} is damaged: it starts as {encoding} but does not decode as it") from None
    if b"\x00" in data:
        utf16 = _utf16_by_nul_pattern(data)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        raise InputError(f"{label} looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []  # (plausibility, encoding, text)
    for encoding in ("gb18030", *_BIG5_CODECS):
        if encoding in _BIG5_CODECS and any(c[1] in _BIG5_CODECS for c in candidates):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding, text))
    if not candidates:
        raise InputError(f"{label} looks like a binary file, not text")
    # Ties go to the earlier candidate (GB18030), the commoner encoding.
    score, encoding, text = max(candidates, key=lambda c: c[0])
    return text, encoding


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """utf-16-le/-be if the NUL bytes sit almost only on one byte parity, else None."""
    if len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    total = even + odd
    if odd >= _MIN_NUL_PARITY * total:
        return "utf-16-le"
    if even >= _MIN_NUL_PARITY * total:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    return controls / len(sample)


def _plausibility(text: str) -> float:
    """Share of characters a Chinese report plausibly contains (common Han, punctuation, ASCII)."""
    sample = text[:_SAMPLE]
    good = 0.0
    counted = 0
    for ch in sample:
        if ch.isspace():
            continue
        counted += 1
        good += _char_score(ch)
    return good / counted if counted else 0.0


@lru_cache(maxsize=65536)
def _char_score(ch: str) -> float:
    code = ord(ch)
    if code < 0x80:
        return 1.0 if ch.isprintable() else -1.0
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return -1.0  # private use: mojibake, not text
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x206F:
        return 1.0  # CJK and full-width punctuation
    if 0x4E00 <= code <= 0x9FFF:
        return 1.0 if _is_common_han(ch) else 0.0
    return 0.0


def _is_common_han(ch: str) -> bool:
    """In GB2312 (common Simplified) or Big5 level 1 (common Traditional)."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        raw = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= int.from_bytes(raw, "big") <= 0xC67E
