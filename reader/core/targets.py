"""The year's main targets (主要预期目标), one Target per indicator, in either script.

Only the targets sentence or heading triggers extraction, so a commentary quoting "GDP增长目标
设定为5%左右" or a comparison table row "预期目标 …" yields nothing:

- Sentence: "…主要预期目标是：A；B，C；…。" (也 为 / a bare colon). The body runs to the end of
  the sentence; a following sentence on the same line joins only when every piece of it is a
  known indicator (2016 put energy intensity in a second sentence).
- Heading: a short line ending in 主要预期目标 (seed 002's infographic) takes the lines after it
  while each starts with a known indicator, and stops at the first that does not.
- 2020 set no GDP target and wrote no 主要预期目标是: under the part heading 今年发展主要目标 the
  sentence 今年要优先稳就业保民生，…；城镇新增就业900万人以上，… lists them after its first ；.

A sentence is read from its paragraph with the line breaks, blank lines and page numbers a PDF
put inside it taken out (a line that does not end a sentence goes on after the next one), so a
cut anywhere — in the trigger, in 120|0万人 — reads as if the paragraph had been rebuilt.

Bodies split into pieces at ；，、 (not a thousands comma). A piece names an indicator by keyword
(table below; keys are stable across years and scripts: 城镇调查失业率 is urban_unemployment and
城镇登记失业率 registered_unemployment in every year). A piece naming none continues the one
before it across a ， (并留有适当弹性, 在实际工作中争取更好结果) rather than becoming a target of
its own; after a ； it is a new item that is no target and is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import chain

from reader.core.extracted import Target
from reader.core.labels import find_label
from reader.core.model import Document
from reader.core.numbers import QUALIFIER, FoldedText, find_quantities, fold_document

# First match wins, so the more specific indicators come first (居民收入增长和经济增长同步 is
# income, not GDP; 单位国内生产总值能耗 is energy, not GDP).
_INDICATORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("income_growth", r"居民(?:人均可支配)?收入|城乡居民收入"),
        ("energy_intensity", r"单位国内生产总值能耗|单位GDP能耗|能源消耗强度|能耗强度"),
        ("urban_new_jobs", r"新增就业"),
        ("urban_unemployment", r"调查失业率"),
        ("registered_unemployment", r"登记失业率"),
        ("cpi", r"居民消费价格|CPI|物价"),
        ("gdp_growth", r"国内生产总值|GDP|经济增长"),
        ("balance_of_payments", r"国际收支"),
        ("trade", r"进出口|对外贸易|外贸"),
        ("grain_output", r"粮食"),
        ("pollutant_emissions", r"污染物排放"),
        ("ecology", r"生态环境"),
        ("macro_leverage", r"宏观杠杆率"),
        ("poverty_reduction", r"贫困人口|脱贫"),
        ("financial_risk", r"金融风险"),
    )
)
_TRIGGER = re.compile(r"主要预期目标(?:是|为)[：:]?|主要预期目标[：:]")
_HEADING = re.compile(r"[^。，；]{0,12}主要预期目标[：:]?")
# Every trigger has these characters; a line that is either heading (_HEADING, _GOALS_HEADING) has this word.
_TRIGGER_CHARS = "主要预期目标"
_HEADING_WORD = "主要"
_SENTENCE_END = re.compile(r"[。！？!?]")
_PIECE_SEP = re.compile(r"[；;，、]|,(?!\d{3})")
_DIRECTION = re.compile(r"增长|降低|下降|减少|控制|保持|提高|上升|改善|同步")
_CONNECTIVE_TAIL = re.compile(r"(?:在|为|到|至|达到)$")
# A heading-mode line longer than this is prose, not an infographic target line.
_MAX_TARGET_LINE = 80
# 2020: a part heading naming the year's goals, and the sentence under it that lists them.
_GOALS_HEADING = re.compile(r"发展主要目标")
_MAX_GOALS_HEADING = 40
_GOALS_OPENING = "今年要"
_MAX_GOALS_PARAGRAPHS = 12
_MIN_GOALS_VALUES = 2
_PART_LABEL = re.compile(r"^[一二三四五六七八九十]{1,3}、")
# Paragraph rebuilding inside extraction: page numbers dropped, lines ending so end a paragraph.
# (Matched whole, with fullmatch on the line's bounds in the text.)
_PAGE_NUMBER = re.compile(r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?|第\s*\d{1,3}\s*页|\d{1,3}\s*/\s*\d{1,3}")
_NON_SPACE = re.compile(r"\S")
_FINAL = set("。！？!?")
_IN_SENTENCE = re.compile(r"[，。；：,;:]")
_MAX_PARAGRAPH = 4000
_BIG = 1 << 62


@dataclass(frozen=True, slots=True)
class TargetSpan:
    """A target as found in the folded text, before mapping to the original."""

    key: str
    start: int
    end: int
    value: float | None = None
    value_max: float | None = None
    indicator: tuple[int, int] = (0, 0)
    unit: tuple[tuple[int, int], ...] = ()
    qualifier: tuple[int, int] | None = None
    direction: tuple[int, int] | None = None


def extract_targets(document: Document) -> list[Target]:
    """The main targets of the year, in text order, with offsets into document.text."""
    folded = fold_document(document)
    return [_to_target(folded, span) for span in find_target_spans(folded.text)]


def find_target_spans(text: str) -> list[TargetSpan]:
    """Targets in folded (Simplified) text; figures use the spans to know what is a plan.

    One pass over the lines and one over the paragraphs, each made as it is read: no list of
    every line or paragraph (on 100,000 tiny lines those took ~50 bytes a byte of the file)."""
    # What lines trigger (a heading's lines, 2020's goals sentence), by the triggering line's
    # index, then what targets sentences give; a span found twice keeps its first finding.
    # (A line is known by its start: the order of the lines is all the index is used for.)
    by_line: list[tuple[int, list[TargetSpan]]] = []
    goals: list[tuple[int, int]] = []  # (end, index) of each goals heading line, in text order
    for index, end in _lines_with(text, _HEADING_WORD):
        start, end = _trimmed(text, index, end)
        if end - start > _MAX_GOALS_HEADING:
            continue  # longer than either heading (read without copying a long line)
        line = text[start:end]
        if _HEADING.fullmatch(line):
            by_line.append((index, _heading_targets(text, end + 1)))
        elif len(line) <= _MAX_GOALS_HEADING and _GOALS_HEADING.search(line) and not _SENTENCE_END.search(line):
            goals.append((end, index))
    sentences: list[TargetSpan] = []
    # The paragraphs after a goals heading (from the first that starts after its line), up to
    # _MAX_GOALS_PARAGRAPHS, gathered as they are read; each run of paragraphs is read once.
    waiting = iter(goals)
    next_goal = next(waiting, None)
    gathering: list[tuple[int, list[ParagraphView]]] = []
    # Without a goals heading, the paragraphs are read for a trigger only: none where the text
    # lacks one of its characters (a paragraph is the text's characters without its line breaks).
    readable = goals or all(ch in text for ch in _TRIGGER_CHARS)
    for view in paragraphs(text) if readable else ():
        started = False
        while next_goal is not None and next_goal[0] < view.start:
            if not started:  # a later heading before this paragraph reads the same run: nothing more
                gathering.append((next_goal[1], []))
                started = True
            next_goal = next(waiting, None)
        for _, views in gathering:
            views.append(view)
        for index, views in [g for g in gathering if len(g[1]) == _MAX_GOALS_PARAGRAPHS]:
            by_line.append((index, _goals_sentence_targets(text, views)))
        gathering = [g for g in gathering if len(g[1]) < _MAX_GOALS_PARAGRAPHS]
        trigger = _TRIGGER.search(view.clean)
        if trigger and _NON_SPACE.search(view.clean, trigger.end()) and not _HEADING.fullmatch(view.clean.strip()):
            sentences.extend(view.to_text(_sentence_targets(view.clean, trigger.end())))
    for index, views in gathering:
        by_line.append((index, _goals_sentence_targets(text, views)))
    found: list[TargetSpan] = []
    seen: set[tuple[int, int]] = set()
    by_line.sort(key=lambda item: item[0])
    for span in chain.from_iterable((*(spans for _, spans in by_line), sentences)):
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            found.append(span)
    found.sort(key=lambda s: s.start)
    return found


def _lines_with(text: str, word: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line that has `word` in it, as text.split("\n") cuts them, in order
    and each once: the lines found by find, not every line read (100,000 tiny lines took ~0.1 s)."""
    low = 0  # where the line after the last one found starts
    k = text.find(word)
    while k >= 0:
        newline = text.rfind("\n", low, k)
        start = low if newline < 0 else newline + 1
        end = text.find("\n", k)
        if end < 0:
            end = len(text)
        yield start, end
        low = end + 1
        k = text.find(word, low)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the spaces at either end, as bounds (str.strip without a copy)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines_from(text: str, position: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line from the one starting at `position`, as text.split("\n") cuts
    them, made one at a time."""
    while position <= len(text):
        end = text.find("\n", position)
        if end < 0:
            end = len(text)
        yield position, end
        position = end + 1


@dataclass(frozen=True, slots=True)
class ParagraphView:
    """A paragraph whose lines were cut (a PDF's wrapping, a page number) read as one string.

    clean is the paragraph without its line breaks, blank lines and page numbers; pieces maps
    it back: (clean offset, text offset, length) of each run copied from the text.
    """

    clean: str
    pieces: tuple[tuple[int, int, int], ...]

    @property
    def start(self) -> int:
        return self.pieces[0][1]

    @property
    def end(self) -> int:
        _, text_start, length = self.pieces[-1]
        return text_start + length

    def clean_offset(self, position: int) -> int:
        """The offset in clean of text offset `position` (the start of the run it falls in or after)."""
        best = 0
        for clean_start, text_start, length in self.pieces:
            if text_start <= position:
                best = clean_start + min(position - text_start, length)
        return best

    def position(self, offset: int, *, end: bool = False) -> int:
        """The text offset of clean[offset] (end=True: of the end of clean[offset - 1])."""
        if end and offset > 0:
            return self.position(offset - 1) + 1
        index = bisect_right(self.pieces, (offset, _BIG, _BIG)) - 1
        clean_start, text_start, _ = self.pieces[max(index, 0)]
        return text_start + offset - clean_start

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.position(start), self.position(end, end=True)

    def to_text(self, spans: list[TargetSpan]) -> list[TargetSpan]:
        if len(self.pieces) == 1:
            shift = self.pieces[0][1]
            return [_shift(span, lambda a, b: (a + shift, b + shift)) for span in spans]
        return [_shift(span, self.span) for span in spans]


def _shift(span: TargetSpan, move: Callable[[int, int], tuple[int, int]]) -> TargetSpan:
    start, end = move(span.start, span.end)
    return replace(
        span,
        start=start,
        end=end,
        indicator=move(*span.indicator),
        unit=tuple(move(*u) for u in span.unit),
        qualifier=move(*span.qualifier) if span.qualifier else None,
        direction=move(*span.direction) if span.direction else None,
    )


def paragraphs(text: str) -> Iterator[ParagraphView]:
    """The text's paragraphs: a line that does not end a sentence goes on after the next one.

    Blank lines and page numbers between the parts are dropped; a numbered line (三、, （一）,
    ●) always starts a paragraph of its own. Bounded: a paragraph stops at _MAX_PARAGRAPH.
    Made one at a time, as the lines are read.
    """
    parts: list[tuple[int, int]] = []
    size = 0
    for start, end in _lines_from(text, 0):
        if start < end and (text[start].isspace() or text[end - 1].isspace()):
            start, end = _trimmed(text, start, end)  # (most lines have no space to trim: no call)
        if start == end or _PAGE_NUMBER.fullmatch(text, start, end):
            continue
        labelled = find_label(text[start:end]) is not None  # the line's copy goes at once
        if parts and (labelled or size > _MAX_PARAGRAPH):
            yield _view(text, parts)
            parts, size = [], 0
        parts.append((start, end))
        size += end - start
        if text[end - 1] in _FINAL or (labelled and not _IN_SENTENCE.search(text, start, end)):
            # a sentence ends here, or a numbered heading (二、今年发展主要目标…) stands alone
            yield _view(text, parts)
            parts, size = [], 0
    if parts:
        yield _view(text, parts)


def _view(text: str, parts: list[tuple[int, int]]) -> ParagraphView:
    pieces, clean, offset = [], [], 0
    for start, end in parts:
        pieces.append((offset, start, end - start))
        clean.append(text[start:end])
        offset += end - start
    return ParagraphView("".join(clean), tuple(pieces))


def _sentence_targets(text: str, start: int) -> list[TargetSpan]:
    """The body of a targets sentence, plus following sentences made only of targets."""
    line_end = len(text)
    stop = _SENTENCE_END.search(text, start, line_end)
    body_end = stop.start() if stop else line_end
    spans = _parse(text, start, body_end, allow_unknown=True)
    while stop:
        nxt = stop.end()
        stop = _SENTENCE_END.search(text, nxt, line_end)
        more_end = stop.start() if stop else line_end
        more = _parse(text, nxt, more_end, allow_unknown=False)
        if not more:
            break
        spans.extend(more)
    return spans


def _goals_sentence_targets(text: str, following: list[ParagraphView]) -> list[TargetSpan]:
    """2020: under 今年发展主要目标, the sentence 今年要优先稳就业保民生…；A，B；C… lists the targets.

    The clause before its first ； is the year's aim, not a target; the sentence counts only when
    what follows names at least two targets with a value.
    """
    for view in following:
        if find_label(view.clean) is not None and _PART_LABEL.match(view.clean):
            break  # the next part of the report
        clean = view.clean
        for sentence_start in _sentence_starts(view):
            if not clean.startswith(_GOALS_OPENING, sentence_start):
                continue
            stop = _SENTENCE_END.search(clean, sentence_start)
            sentence_end = stop.start() if stop else len(clean)
            aim_end = clean.find("；", sentence_start, sentence_end)
            if aim_end < 0:
                continue
            spans = _parse(clean, aim_end + 1, sentence_end, allow_unknown=True)
            if sum(1 for span in spans if span.value is not None) >= _MIN_GOALS_VALUES:
                return view.to_text(spans)
    return []


def _sentence_starts(view: ParagraphView) -> list[int]:
    """Where a sentence may begin: after a full stop, or at a line (a heading may end without one)."""
    return sorted({*(piece[0] for piece in view.pieces), *(m.end() for m in _SENTENCE_END.finditer(view.clean))})


def _heading_targets(text: str, first: int) -> list[TargetSpan]:
    """Short lines from the one at `first` under a 主要预期目标 heading, while each starts with a known indicator."""
    spans: list[TargetSpan] = []
    for start, end in _lines_from(text, first):
        if not text[start:end].strip():
            continue
        if end - start > _MAX_TARGET_LINE:
            break
        parsed = _parse(text, start, end, allow_unknown=True)
        if not parsed or not _starts_with_target(text, start, parsed[0]):
            break
        spans.extend(parsed)
    return spans


def _starts_with_target(text: str, line_start: int, first: TargetSpan) -> bool:
    return not text[line_start : first.start].strip()


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Spans of the pieces between separators, trimmed of spaces, empty ones dropped; True after a ；."""
    out: list[tuple[int, int, bool]] = []
    pos, strong = start, False
    for sep in _PIECE_SEP.finditer(text, start, end):
        out.append((pos, sep.start(), strong))
        pos, strong = sep.end(), sep.group() in "；;"
    out.append((pos, end, strong))
    trimmed = []
    for s, e, after_semicolon in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e, after_semicolon))
    return trimmed


def _parse(text: str, start: int, end: int, *, allow_unknown: bool) -> list[TargetSpan]:
    """Targets of one body; [] when allow_unknown is off and any piece names no indicator.

    A piece naming no indicator carries on the target before it across a "，" (并留有适当弹性)
    but not across a "；", which starts a new item (2018: 供给侧结构性改革取得实质性进展).
    """
    spans: list[TargetSpan] = []
    for s, e, after_semicolon in _pieces(text, start, end):
        span = _parse_piece(text, s, e)
        if span is not None:
            spans.append(span)
        elif not allow_unknown:
            return []
        elif spans and not after_semicolon:
            spans[-1] = replace(spans[-1], end=e)  # a continuation of the target before it
    return spans


def _parse_piece(text: str, start: int, end: int) -> TargetSpan | None:
    piece = text[start:end]
    key = next((k for k, pattern in _INDICATORS if pattern.search(piece)), None)
    if key is None:
        return None
    quantities = [q for q in find_quantities(text, start, end) if q.unit != "年"]
    if not quantities:
        return TargetSpan(key, start, end, indicator=(start, end), direction=_last_direction(text, start, end))
    q = quantities[0]
    label_end = q.start
    while label_end > start and text[label_end - 1].isspace():
        label_end -= 1
    tail = _CONNECTIVE_TAIL.search(text, start, label_end)
    if tail and tail.start() > start:
        label_end = tail.start()
    qualifier = QUALIFIER.match(text, q.end, end)
    return TargetSpan(
        key,
        start,
        end,
        value=q.value,
        value_max=q.value_max,
        indicator=(start, label_end),
        unit=q.unit_spans,
        qualifier=qualifier.span() if qualifier else None,
        direction=_last_direction(text, start, q.start),
    )


def _last_direction(text: str, start: int, end: int) -> tuple[int, int] | None:
    last = None
    for match in _DIRECTION.finditer(text, start, end):
        last = match.span()
    return last


def _to_target(folded: FoldedText, span: TargetSpan) -> Target:
    start, end = folded.original(span.start, span.end)
    return Target(
        key=span.key,
        indicator=folded.as_written(*span.indicator),
        value=span.value,
        value_max=span.value_max,
        unit="".join(folded.as_written(s, e) for s, e in span.unit),
        qualifier=folded.as_written(*span.qualifier) if span.qualifier else "",
        direction=folded.as_written(*span.direction) if span.direction else "",
        text=folded.original_text[start:end],
        start=start,
        end=end,
    )
