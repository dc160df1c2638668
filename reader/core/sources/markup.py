"""What the markup readers (DOCX, HTML, Markdown) share: a paragraph as the markup gives it, and
text joined across soft line breaks the way layout repair joins wrapped lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.layout import Segment
from reader.core.sources import Source

_WHITESPACE = " \t\n\r\f\v\xa0\u3000"
# Whitespace markup collapses (not the no-break and ideographic spaces, which are text).
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(slots=True)
class Paragraph:
    """A paragraph, heading, caption or table row as the markup marks it, before it is a Segment.

    `level` is the heading level the markup gives (0 for a title, 1–9 for headings, None for
    body text), `page` the index into the source's page labels of the page it starts on.
    """

    text: str
    hint: str = "paragraph"
    cells: tuple[str, ...] = ()
    level: int | None = None
    page: int = 0


def to_source(kind: str, paragraphs: Sequence[Paragraph], *, page_labels: Sequence[str] = (),
              encoding: str = "utf-8", warnings: Iterable[str] = ()) -> Source:  # fmt: skip
    """The paragraphs as Segments; a heading's level counted from the document's top heading
    (a page whose title is an h2 and sections h3 reads as a title and its parts)."""
    top = min((p.level for p in paragraphs if p.level is not None and p.hint == "paragraph"), default=0)
    segments = tuple(
        Segment(p.text, "heading", level=p.level - top, page=p.page, page_end=p.page) if p.level is not None and p.hint == "paragraph"
        else Segment(p.text, p.hint, cells=p.cells, page=p.page, page_end=p.page)
        for p in paragraphs
    )  # fmt: skip
    return Source(kind, segments=segments, page_labels=tuple(page_labels), encoding=encoding, warnings=tuple(warnings))


def join_wrapped(parts: Iterable[str]) -> str:
    """Lines of one paragraph as one text: Chinese lines meet directly, Latin words with a space."""
    out: list[str] = []
    for part in parts:
        part = part.strip(_WHITESPACE)
        if not part:
            continue
        if out and _spaced(out[-1][-1], part[0]):
            out.append(" ")
        out.append(part)
    return "".join(out)


def collapse(text: str) -> str:
    """Markup text as a reader sees it: each run of whitespace one space, except a run holding a
    line break between Chinese characters, which is a soft wrap and goes (as browsers do)."""
    return _SPACE_RUN.sub(_space, text).replace("\xa0", " ").strip(_WHITESPACE)


def _space(match: re.Match[str]) -> str:
    text, i, j = match.string, match.start(), match.end()
    if "\n" in match.group() and 0 < i and j < len(text) and not _spaced(text[i - 1], text[j]):
        return ""
    return " "


def _spaced(before: str, after: str) -> bool:
    """Do two texts meeting at a line break need a space between them (Latin words do)?"""
    if not (after.isascii() and after.isalnum()):
        return False
    return (before.isascii() and before.isalnum()) or before in ",.;:!?)\"'"
