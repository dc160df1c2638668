"""What each segment is: heading, paragraph, list item or table row, with label, level and language.

Conventions (see labels.py for levels):
- A labelled line that is short and not a run of sentences is a heading ("一、2023年工作回顧").
  A labelled paragraph that goes on past its first sentence ("（一）大力推進…。充分發揮…") is a
  list_item with the same label and level, so task extraction finds both the same way.
- Bullets ● and dash items —— are list items one level below the heading above them.
- An unlabelled short line with no sentence punctuation is a heading: level 0 before the first
  paragraph (the title block), level 1 after it. In a run of such lines only the first is one
  (the rest are infographic figures or targets, not headings).
- Footnotes and table captions are paragraphs/headings as they read; table rows are level 0.
- A heading the markup marks (Word styles, h1–h6, #) is one however it reads: a labelled one at
  its label's level, an unlabelled one at its level below the document's top heading (the top
  one after the first paragraph is a part, level 1, as in text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from reader.core.labels import find_label
from reader.core.layout import Segment, display_width
from reader.core.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW
from reader.core.normalize import count_matches, han_count, has_two_han, tidy_spaces
from reader.core.tables import TABLE_SOURCE

# Headings are at most this wide (display columns: 30 Chinese characters).
_HEADING_WIDTH = 60
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_NOT_IN_HEADING = re.compile(r"[，,；;。]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_LATIN = re.compile(r"[A-Za-z]")
_DATE_ONLY = re.compile(r"^[\d\s年月日./-]+$")


@dataclass(slots=True)
class Draft:
    """A block before ids and offsets are assigned (not frozen: a frozen one took ~1 µs to make,
    a tenth of the time of a line of 100,000 tiny lines; nothing changes one after it is made)."""

    kind: str
    level: int
    text: str
    lang: str
    label: str = ""
    # The indexes of the pages it starts and ends on (-1: the source has no pages); ingest sets them.
    page: int = -1
    page_end: int = -1


def classify(segments: Iterable[Segment]) -> list[Draft]:
    return list(iter_drafts(segments))


def iter_drafts(segments: Iterable[Segment]) -> Iterator[Draft]:
    """classify() a segment at a time (ingest streams them: a list held a Draft a line)."""
    seen_body = False
    heading_level = 0
    previous_short = False
    for seg in segments:
        if seg.hint == "table_row":
            yield Draft(TABLE_ROW, 0, seg.text, "zh" if han_count(seg.text) else block_lang(seg.text))
            previous_short = False
            continue
        lang = block_lang(seg.text)
        text = tidy_spaces(seg.text) if lang == "zh" else _squash(seg.text)
        if not text:
            continue
        if text != seg.text and (lang != "zh" or _LATIN.search(text)):
            lang = block_lang(text)  # (tidied, a text with no Latin letter is still Chinese)
        if seg.hint == "footnote":
            yield Draft(PARAGRAPH, 0, text, lang, seg.label)
            continue
        if seg.hint == "caption":
            yield Draft(HEADING, 2, text, lang)
            continue
        label = find_label(text)
        if seg.hint == "heading":  # the markup says so, even of a long line or one ending in 。
            level = label.level if label and not label.is_bullet else 1 if seen_body and not seg.level else seg.level
            heading_level = level
            yield Draft(HEADING, level, text, lang, label.text if label else "")
            previous_short = not label
            continue
        short = _is_short(text)
        if label and label.is_bullet:
            yield Draft(LIST_ITEM, heading_level + 1, text, lang, label.text)
            seen_body = True
            previous_short = False
            continue
        if label:
            one_sentence = len(_SENTENCE_END.findall(text.rstrip("。.!?！？"))) == 0
            kind = HEADING if short and one_sentence and not text.endswith("。") else LIST_ITEM
            if kind == HEADING and lang == "zh":
                heading_level = label.level
            yield Draft(kind, label.level, text, lang, label.text)
            seen_body = seen_body or kind != HEADING
            previous_short = False
            continue
        if not previous_short and _is_unlabelled_heading(text, short):
            level = 1 if seen_body else 0
            heading_level = level
            yield Draft(HEADING, level, text, lang)
            previous_short = True
            continue
        previous_short = short and text[-1] not in "。！？!?"
        yield Draft(PARAGRAPH, 0, text, lang)
        seen_body = True


def _is_short(text: str) -> bool:
    """display_width(text) <= _HEADING_WIDTH, measured only when the length leaves it open (a
    character takes one or two columns)."""
    if len(text) <= _HEADING_WIDTH // 2:
        return True
    return len(text) <= _HEADING_WIDTH and display_width(text) <= _HEADING_WIDTH


def _is_unlabelled_heading(text: str, short: bool) -> bool:
    # The cheap tests first: on 100,000 tiny lines each line goes through all of them.
    if not short or text[0] in "（(—-[【<《" or text[-1] in "。：:.!?！？":
        return False
    if _NOT_IN_HEADING.search(text) or _DATE_ONLY.match(text) or TABLE_SOURCE.match(text):
        return False
    if has_two_han(text):
        return True
    return text[0].isupper() and _has_two(_LATIN_WORD, text)


def block_lang(text: str) -> str:
    """'en' for English prose, else 'zh' (the reports' language, also for URLs and figures)."""
    if not _LATIN.search(text):
        return "zh"  # no Latin letter: Chinese whatever its Han count (most lines of a report)
    han = han_count(text)
    latin = count_matches(_LATIN, text)
    if han * 3 >= latin:
        return "zh"
    return "en" if _has_two(_LATIN_WORD, text) and " " in text.strip() else "zh"


def _has_two(pattern: re.Pattern[str], text: str) -> bool:
    """Does pattern occur at least twice (without listing every occurrence of a long text)?"""
    return len(list(islice(pattern.finditer(text), 2))) >= 2


def _squash(text: str) -> str:
    return " ".join(text.split())
