"""Pages of a paged source: their labels, and how a passage's pages are cited ("p. 12", "pp. 12–13").

A paged text has a form feed ("\\f", as pdftotext writes it) before each page after the first.
A plain text file has no page labels of its own: they are read from the page numbers printed at
the foot (or head) of each page, and counted on from a neighbour where a page shows none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PAGE_BREAK = "\f"

# A printed page number: 12, - 12 -, —12—, 第12页, 12/45 (on normalised text: ASCII digits).
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(\d{1,4})(?:\s*[-–—])?$|^第\s*(\d{1,4})\s*[頁页]$|^(\d{1,4})\s*/\s*\d{1,4}$"
)
# How many lines at the foot and the head of a page may hold its number.
_REACH = 2


def text_page_labels(text: str) -> tuple[str, ...]:
    """The labels of a paged text's pages (() when it has no form feed): each page's printed
    number, else one counted from the page before it, else its place ("1", "2", …)."""
    if PAGE_BREAK not in text:
        return ()
    pages = text.rstrip("\f\n\t ").split(PAGE_BREAK)
    printed: list[str] = []
    for page in pages:
        shown = [line.strip() for line in page.split("\n") if line.strip()]
        found = ""
        for line in shown[::-1][:_REACH] + shown[:_REACH]:
            match = _PAGE_NUMBER.match(line)
            if match:
                found = next(group for group in match.groups() if group)
                break
        printed.append(found)
    return complete_labels(printed)


def complete_labels(labels: Sequence[str]) -> tuple[str, ...]:
    """Labels with the gaps ("") filled: counted on from the last numbered page before, else
    back from the first numbered one after (when that stays above 0), else the page's place."""
    out = list(labels)
    for k, label in enumerate(out):
        if label:
            continue
        before = next((j for j in range(k - 1, -1, -1) if out[j].isdigit()), None)
        after = next((j for j in range(k + 1, len(out)) if labels[j].isdigit()), None)
        if before is not None:
            out[k] = str(int(out[before]) + k - before)
        elif after is not None and int(labels[after]) - (after - k) > 0:
            out[k] = str(int(labels[after]) - (after - k))
        else:
            out[k] = str(k + 1)
    return tuple(out)


def page_span(start: str, end: str) -> str:
    """The pages as a range label: "12", "12–13", "" for none."""
    if not start:
        return ""
    return start if not end or end == start else f"{start}–{end}"


def cite_pages(start: str, end: str) -> str:
    """How a reference names the pages: "p. 12", "pp. 12–13", "" when there are none."""
    if not start:
        return ""
    return f"p. {start}" if not end or end == start else f"pp. {start}–{end}"
