"""Bytes to text: find the encoding a report file was saved in, or say why it is not text.

Reports arrive as UTF-8 (with or without BOM), UTF-16 (Windows "Unicode" exports, sometimes
without BOM), GB18030 (mainland) or Big5 (Hong Kong, Taiwan). A clean UTF-8 file is taken as
is; otherwise each candidate is decoded with invalid sequences replaced by U+FFFD, and the one
whose characters look most like ordinary Chinese text wins, so a report with a few damaged bytes
still opens (the caller is told how many were replaced) while binary files are refused. No
third-party detector: the candidates are few and known.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

from reader.errors import InputError

# Files larger than this are refused before they are read (a 50 MB file took 23 s and 1.67 GB in
# targets alone); the largest national report is ~0.1 MB, a year of provincial reports ~5 MB.
MAX_INPUT_BYTES = 20_000_000
# Fewer bytes than this (whitespace aside) cannot be a report: 27 of 150 random 1–7-byte files
# passed as text before this floor; the shortest real title, 政府工作报告, is 18 bytes in UTF-8.
MIN_CONTENT_BYTES = 16
# Share of decoded characters that may be invalid sequences (shown as U+FFFD) before we call the
# input binary rather than text with a few damaged bytes. Measured: a 2,000-character report with
# 1–5 flipped bits has < 0.5 %; the seeds saved as GB18030/Big5 and read as UTF-8 have ≥ 12.5 %
# (45–88 % for Chinese prose); random bytes ≥ 12.5 % at 16 bytes and ≥ 22 % from 32 bytes.
_MAX_REPLACED_SHARE = 0.05
# ...and control characters (random bytes have ≥ 10 % from 64 bytes; a flipped bit rarely makes one).
_MAX_CONTROL_SHARE = 0.01
# A legacy (GB18030/Big5) reading must look like Chinese text this much (see _plausibility):
# the seeds score ≥ 0.93 even in 60-byte excerpts; random bytes at most 0.76 from 32 bytes on.
_MIN_LEGACY_PLAUSIBILITY = 0.85
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
_LEGACY_CODECS = ("gb18030", "big5", "cp950", "big5hkscs")
_REPLACEMENT = "\ufffd"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read in, and how many damaged byte sequences were
    replaced by U+FFFD on the way (0 for a clean file)."""

    text: str
    encoding: str
    replaced: int = 0

    @property
    def warning(self) -> str:
        """One sentence for the user when something was replaced, else ""."""
        if not self.replaced:
            return ""
        codec = self.encoding.removesuffix("-sig").upper()
        noun = "sequence" if self.replaced == 1 else "sequences"
        return f"{self.replaced} damaged byte {noun} (not valid {codec}) replaced with \ufffd"


def size_error(label: str, size: int) -> InputError:
    return InputError(
        f"{label} is {size / 1e6:.1f} MB; the limit is {MAX_INPUT_BYTES // 1_000_000} MB "
        "(split it into smaller files)"
    )


def decode_bytes(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name) for a report file's bytes; InputError if it is empty or not text."""
    decoded = decode_report(data, name)
    return decoded.text, decoded.encoding


def decode_report(data: bytes, name: str = "", *, min_content: int = MIN_CONTENT_BYTES) -> Decoded:
    """A report file's bytes as text, tolerating a few damaged bytes (see Decoded.replaced);
    InputError if it is empty, shorter than `min_content` bytes, too large or mostly not text."""
    label = name or "The input"
    if len(data) > MAX_INPUT_BYTES:
        raise size_error(label, len(data))
    if not data.strip():
        raise InputError(f"{label} is empty")
    decoded = _decode(data, label)
    text = decoded.text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{label} is empty")
    content = len(data.strip())
    if content < min_content:
        raise InputError(f"{label} holds only {content} bytes, too few to be a report")
    if not _tolerable(decoded) or _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{label} looks like a binary file, not text")
    return Decoded(text, decoded.encoding, decoded.replaced)


def _decode(data: bytes, label: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = _lenient(data[len(bom):], encoding.replace("-sig", ""))
            if not _tolerable(decoded):
                raise InputError(f"{label} is damaged: it starts as {encoding} but does not decode as it")
            return Decoded(decoded.text, encoding, decoded.replaced)
    if b"\x00" in data:
        for utf16 in _utf16_by_nul_pattern(data):
            decoded = _lenient(data, utf16)
            # A guess from NUL bytes alone: a stray NUL in damaged UTF-8 or in binary data fits
            # the pattern too, and reads as UTF-16 mojibake.
            if _tolerable(decoded) and _plausibility(decoded.text) >= _MIN_LEGACY_PLAUSIBILITY:
                return decoded
    utf8 = _lenient(data, "utf-8")
    if not utf8.replaced:
        return utf8
    # Damaged UTF-8, or a legacy encoding: whichever reading of the first _SAMPLE bytes looks most
    # like Chinese text wins (a replaced sequence counts against it); ties go to the earlier,
    # UTF-8 then GB18030. Only the winner is decoded whole.
    candidates = [(_plausibility(utf8.text), utf8.encoding)] if _tolerable(utf8) else []
    for encoding in _LEGACY_CODECS:
        sample = _lenient(data[:_SAMPLE], encoding)
        score = _plausibility(sample.text)
        if _tolerable(sample) and score >= _MIN_LEGACY_PLAUSIBILITY:
            candidates.append((score, encoding))
    if not candidates:
        raise InputError(f"{label} looks like a binary file, not text")
    encoding = max(candidates, key=lambda c: c[0])[1]
    return utf8 if encoding == utf8.encoding else _lenient(data, encoding)


def _tolerable(decoded: Decoded) -> bool:
    return decoded.replaced <= _MAX_REPLACED_SHARE * len(decoded.text)


def _lenient(data: bytes, encoding: str) -> Decoded:
    """Decode with each invalid sequence replaced by U+FFFD, counting the replacements (a U+FFFD
    that was in the file itself is not one)."""
    text = data.decode(encoding, "replace")
    replaced = text.count(_REPLACEMENT)
    if replaced:
        replaced -= data.decode(encoding, "ignore").count(_REPLACEMENT)
    return Decoded(text, encoding, replaced)


def _utf16_by_nul_pattern(data: bytes) -> tuple[str, ...]:
    """The UTF-16 byte orders worth trying, likelier first: ASCII code units put their NUL on one
    parity (odd for -le); CJK ones such as 一 (U+4E00) put a few on the other."""
    if len(data) % 2:
        return ()
    sample = data[:_SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    total = even + odd
    if odd >= _MIN_NUL_PARITY * total:
        return ("utf-16-le",)
    if even >= _MIN_NUL_PARITY * total:
        return ("utf-16-be",)
    return ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")


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
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or code == 0xFFFD:
        return -1.0  # private use or a replaced byte: mojibake, not text
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
