"""Code-point ↔ UTF-16 offsets: the core counts code points, QTextCursor counts UTF-16 units.

Every conversion between the two in the UI goes through Utf16Index, so a character outside
the BMP (𠮷, U+20BB7) before a span never shifts a highlight or a selection.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Offsets of one text in both units; O(log k) per lookup for k astral characters."""

    __slots__ = ("_astral", "_astral16", "length", "length16")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Pure-BMP texts (almost every report) skip the scan: encoding is C speed.
        if len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral: list[int] = []
        else:
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Astral character k starts at UTF-16 offset astral[k] + k.
        self._astral16 = [cp + k for k, cp in enumerate(self._astral)]
        self.length16 = self.length + len(self._astral)

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point offset `offset` (clamped to the text)."""
        offset = max(0, min(offset, self.length))
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, offset: int) -> int:
        """The code-point offset of UTF-16 offset `offset`; inside a surrogate pair it snaps back."""
        offset = max(0, min(offset, self.length16))
        if not self._astral:
            return offset
        # Astral characters starting before `offset` each took one extra unit; inside a pair
        # that count includes the pair itself, which snaps the offset back to its start.
        return offset - bisect_left(self._astral16, offset)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """A span in UTF-16 units as code points; an end inside a surrogate pair takes the pair."""
        cp_start = self.to_code_point(start)
        cp_end = self.to_code_point(end)
        if self.to_utf16(cp_end) < end:
            cp_end += 1
        return cp_start, cp_end
