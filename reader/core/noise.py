"""Debris of infographic text read out of order: kept in the text, out of everything else.

A summary laid out as a poster comes out of PDF extraction with fragments such as 20242024 or
今年今年 (a caption printed twice, or two columns' copies of one word). Such a block stays in the
document's text, so every offset (and every annotation) stays where it was, but it is a NOISE
block: not in the outline, not in extraction, drawn muted.
"""

from __future__ import annotations

# A fragment longer than this is prose, whatever it repeats.
_MAX_NOISE_LEN = 16
_MAX_UNIT = 6


def is_noise(text: str) -> bool:
    """A short block that is one short unit printed two or more times (20242024, 今年今年)."""
    stripped = "".join(text.split())
    length = len(stripped)
    if length < 2 or length > _MAX_NOISE_LEN or stripped.find(stripped[0], 1) < 0:
        return False  # (a unit printed twice has its first character again)
    for unit in range(1, min(_MAX_UNIT, length // 2) + 1):
        if length % unit == 0 and stripped == stripped[:unit] * (length // unit):
            return True
    return False
