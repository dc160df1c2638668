"""Figures: every number with its unit, the clause it measures, and whether it is past or plan.

国内生产总值超过126万亿元 → 126 万亿元 in the clause 国内生产总值超过126万亿元, an outcome;
赤字率拟按3%安排 → 3 % in 赤字率拟按3%安排, a plan. Quantities are read by reader.core.numbers on
the Simplified-folded text, so one set of patterns serves both scripts; every span is mapped back
to the original.

Outcome or plan, first rule that decides wins:
1. Inside one of the year's targets (reader.core.targets) → plan.
2. The clause, then the whole sentence: words that only a plan uses (今年, 拟, 预期, 目标, 力争 …)
   against words that only a report of the past uses (去年, 过去一年, 同比, 比上年, 已 …). A year
   before the document's year marks an outcome, the document's year (or a later one) a plan.
3. The section the figure is in: a heading of a review (工作回顾, 成就) → outcome; of tasks,
   targets or requirements (任务, 目标, 总体要求, 政策取向) → plan.
4. Otherwise outcome: a report recounts far more numbers than it promises.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.core.extracted import OUTCOME, PLAN, Figure
from reader.core.find import fold_query
from reader.core.model import CELL_SEPARATOR, TABLE_ROW, Document
from reader.core.numbers import FoldedText, Quantity, find_quantities, fold_document
from reader.core.targets import find_target_spans

# Clause boundaries: commas (not a thousands separator), stops, colons, line and cell breaks.
_CLAUSE_END = re.compile(r"[，；;。！？!?：:\n\t「」“”]|,(?!\d{3})")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_PLAN_WORDS = re.compile(r"今年|明年|预期|目标|拟|计划|力争|预计|确保|将(?!近)|(?<![主重需必紧只想纲摘])要(?!求|素|害|点|闻|是)|争取|安排")
_OUTCOME_WORDS = re.compile(
    r"去年|过去一年|一年来|上年|同比|比上年|累计|已经|已(?!有)|完成了|实现了|达到了|增长了|下降了|再创|创历史|首次突破"
)
_COMPARED_WITH_LAST_YEAR = re.compile(r"[比较](?:去年|上年|上一年)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_QUALIFIED_END = re.compile(r"(?:左右|以上|以内|以下|上下)?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_REVIEW_HEADING = re.compile(r"回顾|成就|成绩|过去|一年来|去年")
_PLAN_HEADING = re.compile(r"任务|目标|要求|取向|部署|计划|安排|今年")


def extract_figures(document: Document) -> list[Figure]:
    """Every quantity in the document, in text order, with its clause and outcome/plan kind."""
    folded = fold_document(document)
    text = folded.text
    targets = [(t.start, t.end) for t in find_target_spans(text)]
    sections = _sections(document)
    planned_rows = _planned_rows(document)
    quantities = find_quantities(text)
    ends = frozenset(_qualified_end(text, q) for q in quantities)
    figures: list[Figure] = []
    for q in quantities:
        clause_start, clause_end = _clause(text, q, ends)
        start, end = folded.original(q.start, q.end)
        if any(s <= start < e for s, e in planned_rows):
            kind = PLAN  # a row of a table comparing years' targets (預期目標 | 5%左右 | …)
        else:
            kind = _kind(text, q, clause_start, clause_end, targets, document.year, sections, folded)
        c_start, c_end = folded.original(clause_start, clause_end)
        figures.append(
            Figure(
                value=q.value,
                unit="".join(folded.as_written(s, e) for s, e in q.unit_spans),
                text=document.text[start:end],
                clause=document.text[c_start:c_end],
                kind=kind,
                start=start,
                end=end,
                clause_start=c_start,
                clause_end=c_end,
            )
        )
    return figures


def _clause(text: str, q: Quantity, ends: frozenset[int]) -> tuple[int, int]:
    """The clause around the quantity: from the last boundary before it to the next after it.

    A 、 also bounds a clause where it separates two measured items (达到134.9万亿元、增长5%),
    but not inside one item's list of subjects (高技术制造业、装备制造业增加值分别增长8.9%、7.7%).
    """
    start = q.start
    while start > 0 and not _CLAUSE_END.match(text, start - 1):
        if text[start - 1] == "、" and start - 1 in ends and _HAN.search(text, start, q.start):
            break
        start -= 1
    end = q.end
    match = _CLAUSE_END.search(text, end)
    end = match.start() if match else len(text)
    list_comma = _qualified_end(text, q)
    if list_comma < end and text[list_comma] == "、" and _HAN.match(text, list_comma + 1):
        end = list_comma
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _qualified_end(text: str, q: Quantity) -> int:
    """Where the quantity ends with its qualifier (左右, 以上 …), if one follows it."""
    match = _QUALIFIED_END.match(text, q.end)
    return match.end() if match else q.end


def _sentence(text: str, q: Quantity) -> tuple[int, int]:
    start = q.start
    while start > 0 and not _SENTENCE_END.match(text, start - 1):
        start -= 1
    match = _SENTENCE_END.search(text, q.end)
    return start, match.start() if match else len(text)


def _kind(
    text: str,
    q: Quantity,
    clause_start: int,
    clause_end: int,
    targets: list[tuple[int, int]],
    year: int | None,
    sections: tuple[list[int], list[str]],
    folded: FoldedText,
) -> str:
    if any(s <= q.start and q.end <= e for s, e in targets):
        return PLAN
    sentence_start, sentence_end = _sentence(text, q)
    for start, end in ((clause_start, clause_end), (sentence_start, sentence_end)):
        verdict = _by_words(text[start:end], year)
        if verdict:
            return verdict
    original_start, _ = folded.original(q.start, q.end)
    starts, headings = sections
    index = bisect_right(starts, original_start) - 1
    if index >= 0:
        heading = headings[index]
        if _REVIEW_HEADING.search(heading):
            return OUTCOME
        if _PLAN_HEADING.search(heading):
            return PLAN
    return OUTCOME


def _by_words(words: str, year: int | None) -> str | None:
    # 比去年提高1个百分点 compares with last year; in itself it says nothing about whether the
    # figure is last year's outcome or this year's plan (赤字率拟按4%左右安排，比去年提高1个百分点).
    words = _COMPARED_WITH_LAST_YEAR.sub("", words)
    plan = bool(_PLAN_WORDS.search(words))
    outcome = bool(_OUTCOME_WORDS.search(words))
    if year is not None:
        for match in _YEAR.finditer(words):
            mentioned = int(match.group(1))
            if mentioned < year:
                outcome = True
            else:
                plan = True
    if plan != outcome:
        return PLAN if plan else OUTCOME
    return None


_PLAN_ROW_LABEL = re.compile(r"目标|预期|任务|计划|建议|要求")


def _planned_rows(document: Document) -> list[tuple[int, int]]:
    """Spans of table rows whose label (first cell) names targets or plans."""
    rows = []
    blocks = document.blocks  # kinds read off its columns: only table rows are made into Blocks
    for block in blocks.each(n for n in range(len(blocks)) if blocks.kind(n) == TABLE_ROW):
        label = block.text.split(CELL_SEPARATOR, 1)[0]
        if label and _PLAN_ROW_LABEL.search(fold_query(label)):
            rows.append((block.start, block.end))
    return rows


def _sections(document: Document) -> tuple[list[int], list[str]]:
    """Start offsets of the numbered top-level headings (一、二、…) and their folded texts.

    Unnumbered headings are left out: in infographic text they are column captions, not sections.
    """
    starts: list[int] = []
    headings: list[str] = []
    blocks = document.blocks  # levels and labels read off its columns: only candidates are made
    for block in blocks.each(n for n in range(len(blocks)) if blocks.level(n) == 1 and blocks.label(n)):
        if block.lang != "en" and len(block.text) <= 60:
            starts.append(block.start)
            headings.append(fold_query(block.text))
    return starts, headings
