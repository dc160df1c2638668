"""The numbering Chinese reports put in front of headings and items, and the outline level each means.

Levels (shared by headings and numbered items, so task extraction can rely on label + level):
  0  document title (set by the structure pass, never by a label)
  1  一、 / 第一部分 / 三、 / III.     (report part)
  2  （一） / (一)                     (task group)
  3  1. / 1、 / 1．                    (item)
  4  （1） / (1) / ① …                 (sub-item)
Bullets (●) and dash items (——) carry no level of their own; the structure pass puts them one
level below the heading they sit under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十百零〇两"

_NUMBERED = (
    (re.compile(rf"^第[{_CN}\d]+(?:部分|章|节|節|篇)(?=\s|$|[：:、])"), 1),
    (re.compile(rf"^[{_CN}]{{1,3}}、"), 1),
    (re.compile(r"^[IVX]{1,5}\.(?=\s)"), 1),
    (re.compile(rf"^（[{_CN}]{{1,3}}）"), 2),
    (re.compile(r"^\d{1,2}(?:[.．](?![\d])|、)"), 3),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 4),
    (re.compile(r"^[①-⑳]"), 4),
)
_BULLET = re.compile(r"^(?:●|——(?!—))")
BULLET_LABELS = ("●", "——")
# Every character a label above can start with.
_LABEL_STARTS = frozenset(f"第{_CN}IVX（(0123456789●—" + "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1)))


@dataclass(frozen=True, slots=True)
class Label:
    """A numbering prefix as written, and its outline level (0 for bullets: decided by context)."""

    text: str
    level: int

    @property
    def is_bullet(self) -> bool:
        return self.text in BULLET_LABELS


def find_label(line: str) -> Label | None:
    """The numbering at the start of a (stripped) line, if any."""
    if not line or (line[0] not in _LABEL_STARTS and not line[0].isdecimal()):
        return None  # most lines: no pattern to try
    match = _BULLET.match(line)
    if match:
        return Label(match.group(0), 0)
    for pattern, level in _NUMBERED:
        match = pattern.match(line)
        if match:
            return Label(match.group(0), level)
    return None
