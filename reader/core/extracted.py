"""What extraction finds in a report: targets, figures, tasks and policy terms.

Every item carries code-point offsets (start, end) into Document.text, so the reader can
highlight it in both panes and jump to it. Extraction works in both scripts: it reads the
Simplified-folded text and reports offsets into the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

OUTCOME = "outcome"  # what the past year achieved
PLAN = "plan"  # what the coming year intends


@dataclass(frozen=True, slots=True)
class Target:
    """One indicator of the year's main targets (主要预期目标)."""

    key: str  # stable across years and scripts: gdp_growth, urban_new_jobs, cpi, …
    indicator: str  # the label as written: 国内生产总值增长 / 國內生產總值增長
    value: float | None  # None for qualitative targets (居民收入增长和经济增长同步)
    value_max: float | None  # upper end of a range (6–6.5% → value 6, value_max 6.5)
    unit: str  # %, 万人, 万亿斤 … ("" when qualitative)
    qualifier: str  # 左右, 以上, 以内, 以下 … as written ("" when none)
    direction: str  # 增长 / 降低 / 控制 / 保持 … as written ("" when none)
    text: str  # the target's words as written
    start: int
    end: int

    def to_json(self) -> TargetJson:
        return {
            "key": self.key,
            "indicator": self.indicator,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "direction": self.direction,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


class TargetJson(TypedDict):
    key: str
    indicator: str
    value: float | None
    value_max: float | None
    unit: str
    qualifier: str
    direction: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and the clause it measures (国内生产总值超过126万亿元)."""

    value: float
    unit: str  # %, 万亿元, 亿元, 万人, 万亿斤, 个百分点 … ("" for a bare count)
    text: str  # the number as written, with its unit: 126万亿元
    clause: str  # the clause it measures, as written: 国内生产总值超过126万亿元
    kind: str  # OUTCOME or PLAN
    start: int  # of the number and unit (text)
    end: int
    clause_start: int
    clause_end: int

    def to_json(self) -> FigureJson:
        return {
            "value": self.value,
            "unit": self.unit,
            "text": self.text,
            "clause": self.clause,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "clause_start": self.clause_start,
            "clause_end": self.clause_end,
        }


class FigureJson(TypedDict):
    value: float
    unit: str
    text: str
    clause: str
    kind: str
    start: int
    end: int
    clause_start: int
    clause_end: int


@dataclass(frozen=True, slots=True)
class Task:
    """A task heading (（一）… / 1 …) with the lead sentences of the paragraphs under it."""

    number: int
    title: str
    start: int  # of the title
    end: int
    children: tuple[Task, ...] = field(default_factory=tuple)

    def to_json(self) -> TaskJson:
        return {
            "number": self.number,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "children": [{"title": c.title, "start": c.start, "end": c.end} for c in self.children],
        }


class TaskChildJson(TypedDict):
    title: str
    start: int
    end: int


class TaskJson(TypedDict):
    number: int
    title: str
    start: int
    end: int
    children: list[TaskChildJson]


@dataclass(frozen=True, slots=True)
class TermHit:
    """An occurrence of a policy term from the dictionary (matched in either script)."""

    term: str  # the dictionary's Simplified form: 新质生产力
    text: str  # as written: 新質生產力
    start: int
    end: int

    def to_json(self) -> TermHitJson:
        return {"term": self.term, "text": self.text, "start": self.start, "end": self.end}


class TermHitJson(TypedDict):
    term: str
    text: str
    start: int
    end: int
