"""Which Chinese script a text is written in, judged by what OpenCC would change."""

from __future__ import annotations

from reader.core.opencc_backend import converter

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
MIXED = "mixed"
NONE = "none"

# A text counts as one script when at least this share of its script-specific characters agree.
_DOMINANCE = 0.9
_SAMPLE = 20_000


def detect_script(text: str) -> str:
    """Simplified, traditional, mixed, or none (no script-specific Han characters)."""
    sample = text[:_SAMPLE]
    to_simplified = converter("t2s").convert(sample)
    to_traditional = converter("s2t").convert(sample)
    # Characters that t2s changes are traditional-only; those that s2t changes are simplified-only.
    traditional = _changed_count(sample, to_simplified)
    simplified = _changed_count(sample, to_traditional)
    total = traditional + simplified
    if total == 0:
        return NONE
    if traditional / total >= _DOMINANCE:
        return TRADITIONAL
    if simplified / total >= _DOMINANCE:
        return SIMPLIFIED
    return MIXED


def _changed_count(original: str, converted: str) -> int:
    """Characters the conversion changed: position by position when it kept the length."""
    if len(converted) == len(original):
        return sum(a != b for a, b in zip(original, converted, strict=True))
    return _diff_count(original, converted)


def _diff_count(a: str, b: str) -> int:
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
