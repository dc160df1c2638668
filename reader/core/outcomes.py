"""Last year's outcomes against last year's targets, from each report's review (工作回顾).

Where outcomes are read (on the Simplified fold, so both scripts read alike):

- A report with a review heading (一、2023年工作回顾, 一、过去五年工作回顾, 一、2019年和今年以来工作
  回顾) is read from that heading to the next part heading (二、…).
- A document with no such heading (the 2025 summary, an infographic) is read whole when it has
  no part heading at all, else up to its first part heading; a tasks excerpt that starts at 三、
  gives nothing.
- Never read: the targets themselves (their sentences, found by reader.core.targets), clauses
  about this year (今年, 力争), and whatever measures more than the one year: a paragraph that opens
  with 五年来 / 过去五年 / N年来 / 今年以来 and any clause with 年均 / 累计 / 平均每年. So the 2018
  report's 城镇新增就业6600万人以上 (2013–2017, under 五年来) is never 2017's outcome; its
  刚刚过去的2017年 paragraph gives 1351万人.

An outcome belongs to the year before the document's year (a report reviews the year just past).
Each indicator is named by a keyword (keys as in reader.core.targets: gdp_growth is gdp_growth in
every year and script) and its figure is the first in the same clause, or in the next clause when
that one has no subject of its own (国内生产总值达到56.9万亿元，比上年增长7.7%), in a unit the
indicator is measured in (GDP growth in %, not the 万亿元 of its level), with at most a few
characters between them and none of 比重 / 贡献 / 占 / 每 / 的 (服务业在国内生产总值中的比重 is
no growth figure). The first such figure in the document wins.

Verdicts compare the outcome with the target (both in one unit: 1.39万亿斤 against 13000亿斤):

- a range (6.5%－7%): within when inside its bounds (no tolerance: the report set the bounds),
  above / below otherwise;
- a point (5%左右, or a bare figure): within when the outcome is within TOLERANCE_POINTS
  percentage points for a rate in %, or TOLERANCE_SHARE of the figure for anything else, else
  above / below. 0.25 point is half the half-point step in which growth, jobless and price
  targets are set (7.5, 7, 6.5 … 5), so an outcome within it would be announced under the same
  target; 5 % of a quantity (1200万人左右 → 1140–1260) is the same share of a typical 5 % target.
  The words are the figure's, not a judgement: energy intensity down 3.4 % against 2.5%左右 is
  above;
- 以上 (a floor): met when the outcome is at or above it, missed below; 以内 / 以下 (a ceiling):
  met at or below, missed above;
- unclear: no target figure (a qualitative target, or the target's year is not in the library),
  no outcome figure, units that do not convert, or an outcome stated as a bound that decides
  nothing (调查失业率在5.3%以下 against 5.5%左右: below 5.25 or not?).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core.extracted import Target
from reader.core.find import fold_words
from reader.core.model import Document
from reader.core.numbers import find_quantities, fold_document
from reader.core.targets import ParagraphView, find_target_spans, paragraphs  # targets' PDF-tolerant paragraph reader
from reader.core.years import REPORT_KINDS as REPORT_KINDS  # (reader.ops.outcomes reads it here)

WITHIN, ABOVE, BELOW, MET, MISSED, UNCLEAR = "within", "above", "below", "met", "missed", "unclear"
VERDICTS = (WITHIN, ABOVE, BELOW, MET, MISSED, UNCLEAR)
TOLERANCE_POINTS = 0.25
TOLERANCE_SHARE = 0.05

# One alternation, so the longer keyword wins where two overlap (单位国内生产总值能耗 is energy).
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("energy_intensity", r"单位国内生产总值能耗|单位GDP能耗|能源消耗强度|能源消费强度|能耗强度"),
    ("income_growth", r"居民人均可支配收入|城乡居民收入|居民收入"),
    ("urban_new_jobs", r"(?:城镇)?新增就业"),
    ("urban_unemployment", r"(?:城镇)?调查失业率"),
    ("registered_unemployment", r"(?:城镇)?登记失业率"),
    ("cpi", r"居民消费价格|CPI"),
    ("gdp_growth", r"国内生产总值|GDP"),
    ("trade", r"货物进出口总额|进出口总额|进出口|外贸进出口"),
    ("grain_output", r"粮食总产量|粮食产量"),
    ("poverty_reduction", r"贫困人口"),
)
_KEYWORD = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in _KEYWORDS))
_RATE = ("%",)
_UNITS: dict[str, tuple[str, ...]] = {
    "energy_intensity": _RATE,
    "income_growth": _RATE,
    "urban_new_jobs": ("人", ""),
    "urban_unemployment": _RATE,
    "registered_unemployment": _RATE,
    "cpi": _RATE,
    "gdp_growth": _RATE,
    "trade": _RATE,
    "grain_output": ("斤", "吨"),
    "poverty_reduction": ("人", ""),
}
# Keys whose figure is a rise: 下降0.3% is -0.3 (CPI, GDP); energy intensity's 下降5.6% stays 5.6.
_SIGNED = {"cpi", "gdp_growth", "trade", "income_growth"}
_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_MAX_GAP = 14  # characters between the keyword (or a clause's start) and its figure
_BLOCKER = re.compile(r"比重|贡献|占|每|的|中|年均|累计|分别|平均每年|人均\d")
_CONTINUES = re.compile(r"(?:比上年|同比|全年)?(?:实际)?(?:增长|增速|上涨|涨幅|下降|降低|降幅|减少|提高|达到|为|在)")
_FALL = re.compile(r"下降|降低|减少|回落")
_FLOOR_BEFORE = re.compile(r"超过|突破|逾|高于")
_CEILING_BEFORE = re.compile(r"不到|低于|不足")
_FLOOR_AFTER = re.compile(r"以上|多")
_CEILING_AFTER = re.compile(r"以下|以内")
_CLAUSE_SEP = re.compile(r"[，；、：,;:]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_NOT_THIS_YEAR = re.compile(r"今年|明年|力争|年均|累计|平均每年|预期目标是")
_MULTI_YEAR_OPENING = re.compile(
    r"[—\s]*(?:回顾)?(?:过去|这|近)?(?:[两二三四五六七八九十]|\d+)年(?:来|以来|间)|[—\s]*过去[两二三四五六七八九十]年|[—\s]*今年(?:以来|[一二三四]?季度|前)"
)
_PART = re.compile(r"[一二三四五六七八九十]{1,3}、")
_REVIEW_HEADING = re.compile(r"[一1][、.．]\s*[^。，；]{0,24}回顾")
_MAX_HEADING = 40


@dataclass(frozen=True, slots=True)
class Outcome:
    """An indicator's figure for the year a review looks back on, with where it is written."""

    key: str
    indicator: str  # the keyword as written: 国内生产总值 / 國內生產總值
    value: float | None  # None: the indicator is named with no figure (粮食产量实现“十二连增”)
    unit: str  # as written: %, 万人, 萬億斤
    bound: str  # "" exact, "floor" (超过3%, 1000万人以上), "ceiling" (在5.3%以下)
    text: str  # the indicator to its figure, as written
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Sourced:
    """An outcome and the document it was read from."""

    doc_id: int
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class TargetSource:
    doc_id: int
    target: Target


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One year's indicator: its target (None when the year's targets are not in the library),
    its outcome (None when the review gives none) and the verdict."""

    year: int
    key: str
    indicator: str
    target: TargetSource | None
    outcome: Sourced | None
    verdict: str

    def to_json(self) -> dict[str, object]:
        target = self.target.target if self.target else None
        outcome = self.outcome.outcome if self.outcome else None
        return {
            "key": self.key,
            "indicator": self.indicator,
            "year": self.year,
            "target": None
            if target is None or self.target is None
            else {
                "value": target.value,
                "value_max": target.value_max,
                "unit": target.unit,
                "qualifier": target.qualifier,
                "text": target.text,
                "doc": self.target.doc_id,
                "start": target.start,
                "end": target.end,
            },
            "outcome": None
            if outcome is None or self.outcome is None
            else {
                "value": outcome.value,
                "unit": outcome.unit,
                "bound": outcome.bound,
                "text": outcome.text,
                "doc": self.outcome.doc_id,
                "start": outcome.start,
                "end": outcome.end,
                "sentence_start": outcome.sentence_start,
                "sentence_end": outcome.sentence_end,
            },
            "verdict": self.verdict,
        }


# -- reading a document ----------------------------------------------------------------------


def extract_outcomes(document: Document) -> list[Outcome]:
    """The outcomes a document's review states, one per indicator (the first), in text order."""
    folded = fold_document(document)
    text = folded.text
    if not _KEYWORD.search(text):
        return []
    views, under_heading = _review_paragraphs(text)
    # A review under its heading has no targets in it; a summary's opening may (主要预期目标 lines).
    target_spans = [] if under_heading else [(s.start, s.end) for s in find_target_spans(text)]
    found: dict[str, Outcome] = {}
    for view in views:
        clean = view.clean
        if _MULTI_YEAR_OPENING.match(clean):
            continue
        inside = [(view.clean_offset(a), view.clean_offset(b)) for a, b in target_spans if view.start <= a and b <= view.end]
        if not _KEYWORD.search(clean):
            continue
        for s_start, s_end in _outside(_sentences(clean), inside):
            for key, k_start, k_end, f_end, value, unit, unit_spans, bound in _figures(clean, s_start, s_end):
                if key in found and found[key].value is not None:
                    continue
                start, end = view.span(k_start, f_end if f_end > k_start else k_end)
                o_start, o_end = folded.original(start, end)
                q_start, q_end = folded.original(*view.span(s_start, s_end))
                i_start, i_end = folded.original(*view.span(k_start, k_end))
                unit = "".join(folded.as_written(*view.span(a, b)) for a, b in unit_spans) or unit
                found[key] = Outcome(
                    key=key,
                    indicator=folded.original_text[i_start:i_end],
                    value=value,
                    unit=unit,
                    bound=bound,
                    text=folded.original_text[o_start:o_end],
                    start=o_start,
                    end=o_end,
                    sentence_start=q_start,
                    sentence_end=q_end,
                )
    return sorted(found.values(), key=lambda o: o.start)


def _outside(sentences: list[tuple[int, int]], targets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with the targets cut out (the summary's 主要预期目标 lines run into its review
    when they end without a full stop): each part between them is read as a sentence of its own."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        for t_start, t_end in sorted(targets):
            if t_end <= start or t_start >= end:
                continue
            if t_start > start:
                out.append((start, t_start))
            start = max(start, t_end)
        if start < end:
            out.append((start, end))
    return out


def _review_paragraphs(text: str) -> tuple[list[ParagraphView], bool]:
    """The paragraphs of the review, and whether a review heading was found: from the heading to
    the next part; with no heading, the paragraphs before the first part heading. Read only as far
    as needed (the review is the first part of a report)."""
    out: list[ParagraphView] = []
    in_review = False
    for view in paragraphs(text):
        head = view.clean.strip()
        short = len(view.clean) <= _MAX_HEADING
        if in_review:
            if short and _PART.match(head):
                break
            out.append(view)
        elif short and _REVIEW_HEADING.match(head):
            in_review, out = True, []
        elif short and _PART.match(head):
            break
        else:
            out.append(view)
    return out, in_review


def _sentences(clean: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for stop in _SENTENCE_END.finditer(clean):
        out.append((start, stop.end()))
        start = stop.end()
    if start < len(clean):
        out.append((start, len(clean)))
    return [(s, e) for s, e in out if clean[s:e].strip()]


def _clauses(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for sep in _CLAUSE_SEP.finditer(clean, start, end):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, end))
    return out


_Figure = tuple[str, int, int, int, float | None, str, tuple[tuple[int, int], ...], str]


def _figures(clean: str, start: int, end: int) -> list[_Figure]:
    """(key, keyword span, figure end, value, unit, unit spans, bound) for each indicator the sentence names."""
    clauses = _clauses(clean, start, end)
    out: list[_Figure] = []
    for n, (c_start, c_end) in enumerate(clauses):
        if _NOT_THIS_YEAR.search(clean, c_start, c_end):
            continue
        for match in _KEYWORD.finditer(clean, c_start, c_end):
            key = match.lastgroup
            assert key is not None
            figure = _figure_in(clean, key, match.end(), c_end)
            if figure is None and n + 1 < len(clauses):
                nxt_start, nxt_end = clauses[n + 1]
                if _CONTINUES.match(clean, nxt_start) and not _KEYWORD.search(clean, nxt_start, nxt_end):
                    if not _NOT_THIS_YEAR.search(clean, nxt_start, nxt_end):
                        figure = _figure_in(clean, key, nxt_start, nxt_end)
            if figure is None:
                out.append((key, match.start(), match.end(), match.end(), None, "", (), ""))
            else:
                f_end, value, unit, unit_spans, bound = figure
                out.append((key, match.start(), match.end(), f_end, value, unit, unit_spans, bound))
    return out


def _figure_in(clean: str, key: str, start: int, end: int) -> tuple[int, float, str, tuple[tuple[int, int], ...], str] | None:
    """The first figure of the key's unit in clean[start:end], close enough to start."""
    for q in find_quantities(clean, start, end):
        if q.start - start > _MAX_GAP:
            return None
        between = clean[start : q.start]
        if _BLOCKER.search(between):
            return None
        if _base_unit(q.unit) not in _UNITS[key] or q.value_max is not None:
            continue
        value = q.value
        if key in _SIGNED and _FALL.search(between):
            value = -value
        after = clean[q.end : q.end + 2]
        bound = ""
        if _FLOOR_BEFORE.search(between) or _FLOOR_AFTER.match(after) or clean[q.start : q.end].endswith(("多", "余")):
            bound = "floor"
        elif _CEILING_BEFORE.search(between) or _CEILING_AFTER.match(after):
            bound = "ceiling"
        stop = q.end
        qualifier = re.match(r"以上|以下|以内|左右|多", after)
        if qualifier:
            stop += qualifier.end()
        return stop, value, q.unit, q.unit_spans, bound
    return None


def _base_unit(unit: str) -> str:
    for magnitude in sorted(_MAGNITUDE, key=len, reverse=True):
        if unit.startswith(magnitude):
            return unit[len(magnitude) :]
    return unit


def _scale(unit: str) -> float:
    for magnitude in sorted(_MAGNITUDE, key=len, reverse=True):
        if unit.startswith(magnitude):
            return _MAGNITUDE[magnitude]
    return 1.0


# -- verdicts --------------------------------------------------------------------------------


def verdict(target: Target | None, outcome: Outcome | None) -> str:
    """WITHIN / ABOVE / BELOW / MET / MISSED / UNCLEAR (see the module's docstring)."""
    if target is None or outcome is None or target.value is None or outcome.value is None:
        return UNCLEAR
    t_unit, o_unit = fold_words(target.unit), fold_words(outcome.unit)
    base_t, base_o = _base_unit(t_unit), _base_unit(o_unit)
    if base_t != base_o and base_o != "" and base_t != "":
        return UNCLEAR
    ratio = _scale(o_unit) / _scale(t_unit)
    value = outcome.value * ratio
    low = value if outcome.bound != "ceiling" else -math.inf
    high = value if outcome.bound != "floor" else math.inf
    qualifier = fold_words(target.qualifier)  # 以內 in Traditional
    if target.value_max is None and qualifier == "以上":
        return _decide(low >= target.value, high < target.value, MET, MISSED)
    if target.value_max is None and qualifier in ("以内", "以下"):
        return _decide(high <= target.value, low > target.value, MET, MISSED)
    if target.value_max is not None:
        t_low, t_high = target.value, target.value_max
    else:
        tolerance = TOLERANCE_POINTS if base_t == "%" else abs(target.value) * TOLERANCE_SHARE
        t_low, t_high = target.value - tolerance, target.value + tolerance
    t_low, t_high = round(t_low, 9), round(t_high, 9)
    low, high = round(low, 9), round(high, 9)
    if t_low <= low and high <= t_high:
        return WITHIN
    if low > t_high:
        return ABOVE
    if high < t_low:
        return BELOW
    return UNCLEAR


def _decide(yes: bool, no: bool, positive: str, negative: str) -> str:
    return positive if yes else negative if no else UNCLEAR


# -- the table -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewDocument:
    """A document as the table reads it: catalogue entry and the outcomes of its review."""

    doc_id: int
    year: int | None
    kind: str
    outcomes: tuple[Outcome, ...]

    @property
    def reviewed_year(self) -> int | None:
        return None if self.year is None or self.kind not in REPORT_KINDS else self.year - 1


def build_rows(documents: Sequence[ReviewDocument], targets: Mapping[int, Sequence[TargetSource]]) -> list[OutcomeRow]:
    """One row per (reviewed year, indicator): the year's targets in their order, then any
    indicator the review states with no target. Years with no review in the library have no rows
    (their targets have nothing to be measured against yet). targets: a year's first stated
    target of each key (reader.core.years decides which document states it)."""
    ordered = sorted(
        (d for d in documents if d.reviewed_year is not None and d.outcomes),
        key=lambda d: (d.reviewed_year, REPORT_KINDS.index(d.kind), d.doc_id),
    )
    by_year: dict[int, list[ReviewDocument]] = {}
    for doc in ordered:
        assert doc.reviewed_year is not None
        by_year.setdefault(doc.reviewed_year, []).append(doc)
    rows: list[OutcomeRow] = []
    for year in sorted(by_year):
        outcomes = _year_outcomes(by_year[year])
        year_targets = {t.target.key: t for t in targets.get(year, ())}
        keys = list(year_targets) + [k for k in outcomes if k not in year_targets]
        for key in keys:
            target = year_targets.get(key)
            outcome = outcomes.get(key)
            indicator = target.target.indicator if target else outcome.outcome.indicator if outcome else key
            rows.append(
                OutcomeRow(
                    year, key, indicator, target, outcome, verdict(target.target if target else None, outcome.outcome if outcome else None)
                )
            )
    return rows


def _year_outcomes(docs: Sequence[ReviewDocument]) -> dict[str, Sourced]:
    """Each key's outcome: the first document's figure (reports first), else a mention without one."""
    found: dict[str, Sourced] = {}
    for doc in docs:
        for outcome in doc.outcomes:
            have = found.get(outcome.key)
            if have is None or (have.outcome.value is None and outcome.value is not None):
                found[outcome.key] = Sourced(doc.doc_id, outcome)
    order = [o.key for doc in docs for o in doc.outcomes]
    return dict(sorted(found.items(), key=lambda item: order.index(item[0])))


def outcome_figure(outcome: Outcome) -> str:
    """The outcome as a cell shows it: 5.2%, >3%, ≤5.3%, 1.39万亿斤; — when no figure."""
    if outcome.value is None:
        return "—"
    mark = {"floor": "≥", "ceiling": "≤"}.get(outcome.bound, "")
    return f"{mark}{outcome.value:g}{outcome.unit}"
