"""The main targets across years: one row per indicator, one column per year.

Which documents count: a report or a summary (kinds REPORT_KINDS) with a year and at least
MIN_TARGETS targets. A commentary is never a column, whatever it quotes (seed 000 ends with a
table of three years' targets; a commentary quoting one target sentence would otherwise make a
year of its own); a report excerpt with one stray figure read as a target (a tasks section that
names 粮食产量) is not a year's targets either.

Rows are target keys (reader.core.targets): 国内生产总值增长 and 國內生產總值增長 are one row, and
so are indicators renamed between years (粮食产量保持在… and 粮食产量…: grain_output).

Each cell is measured against the previous year that has the row:

- new: no earlier column has the row; the first column has no change at all (None).
- dropped: the previous column had the row and this year's documents do not state it (a cell
  with nothing stated; the years after it are empty until the row comes back).
- raised / lowered: both have a figure in the same unit and the range moved; a range counts by
  its midpoint (6–6.5% → 6.25), so 5.5%左右 → 5%左右 is lowered. The figure as written, not
  whether the move is better: energy intensity 2.5% → 3% is raised.
- same: the same figure and range, unit and qualifier (the indicator's wording may differ:
  粮食产量保持在1.3万亿斤以上 and 粮食产量1.3万亿斤以上 are the same target); two qualitative
  targets (居民收入增长和经济增长同步) are the same when their words are, on the Simplified fold.
- reworded: anything else that did not move a comparable figure — the same figure with another
  qualifier (5.5%以内 → 5.5%左右), other units, a figure on one side only, qualitative words changed.

Two documents of one year (a report and its summary, or two copies): where they state a row
alike (same, above) they make one cell, sourced from the first; where they differ the cell holds
every version with its source (a conflict), never one silently picked. Reports come before
summaries, then the lower document id; the change marker is measured on that first version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.extracted import Target

REPORT, SUMMARY = "report", "summary"
REPORT_KINDS = (REPORT, SUMMARY)
MIN_TARGETS = 3

RAISED, LOWERED, SAME, NEW, DROPPED, REWORDED = "raised", "lowered", "same", "new", "dropped", "reworded"
CHANGES = (RAISED, LOWERED, SAME, NEW, DROPPED, REWORDED)


@dataclass(frozen=True, slots=True)
class YearDocument:
    """A library document as the table reads it: its catalogue entry and its targets."""

    doc_id: int
    year: int | None
    kind: str
    title: str
    targets: tuple[Target, ...]

    @property
    def counts(self) -> bool:
        return self.year is not None and self.kind in REPORT_KINDS and len(self.targets) >= MIN_TARGETS


@dataclass(frozen=True, slots=True)
class Stated:
    """One version of a target in a year, and the document it was read from."""

    doc_id: int
    target: Target


@dataclass(frozen=True, slots=True)
class Cell:
    """A row's entry for one year. stated: () when dropped; more than one version is a conflict."""

    year: int
    change: str | None
    stated: tuple[Stated, ...]
    previous: Stated | None = None  # what the change is measured against
    previous_year: int | None = None

    @property
    def target(self) -> Target | None:
        return self.stated[0].target if self.stated else None

    @property
    def doc_id(self) -> int | None:
        return self.stated[0].doc_id if self.stated else None

    @property
    def conflict(self) -> bool:
        return len(self.stated) > 1


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    indicator: str  # as the latest year stating it with a figure writes it
    cells: dict[int, Cell] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class YearsTable:
    years: tuple[int, ...]
    rows: tuple[Row, ...]
    documents: tuple[YearDocument, ...]  # the documents that made the columns, by year

    def to_json(self) -> dict[str, object]:
        return {
            "years": list(self.years),
            "rows": [
                {
                    "key": row.key,
                    "indicator": row.indicator,
                    "cells": {str(year): _cell_json(cell) for year, cell in sorted(row.cells.items())},
                }
                for row in self.rows
            ],
        }


def _stated_json(stated: Stated | None) -> dict[str, object]:
    target = stated.target if stated else None
    return {
        "value": target.value if target else None,
        "value_max": target.value_max if target else None,
        "unit": target.unit if target else "",
        "qualifier": target.qualifier if target else "",
        "text": target.text if target else "",
        "doc": stated.doc_id if stated else None,
        "start": target.start if target else None,
        "end": target.end if target else None,
    }


def _cell_json(cell: Cell) -> dict[str, object]:
    out = _stated_json(cell.stated[0] if cell.stated else None)
    out["change"] = cell.change
    if cell.conflict:
        out["conflict"] = [_stated_json(s) for s in cell.stated]
    return out


def build_table(documents: Iterable[YearDocument]) -> YearsTable:
    """The table from the documents that count (see the module's docstring)."""
    counted = sorted((d for d in documents if d.counts), key=lambda d: (d.year, REPORT_KINDS.index(d.kind), d.doc_id))
    years: list[int] = []
    by_year: dict[int, list[YearDocument]] = {}
    for doc in counted:
        assert doc.year is not None
        if doc.year not in by_year:
            years.append(doc.year)
            by_year[doc.year] = []
        by_year[doc.year].append(doc)
    keys = _row_order([_keys(docs) for docs in by_year.values()])
    rows: list[Row] = []
    for key in keys:
        cells: dict[int, Cell] = {}
        last: Stated | None = None
        last_year: int | None = None
        for n, year in enumerate(years):
            stated = _versions(key, by_year[year])
            if not stated:
                if last is not None and last_year == years[n - 1]:
                    cells[year] = Cell(year, DROPPED, (), last, last_year)
                continue
            if n == 0:
                change = None
            elif last is None:
                change = NEW
            else:
                change = compare(last.target, stated[0].target)
            cells[year] = Cell(year, change, stated, last, last_year)
            last, last_year = stated[0], year
        assert last is not None
        rows.append(Row(key, _label(cells) or last.target.indicator, cells))
    return YearsTable(tuple(years), tuple(rows), tuple(counted))


def _label(cells: dict[int, Cell]) -> str:
    """The row's name: the latest year's indicator among those with a figure (a qualitative
    target's indicator is its whole wording), else the latest year's."""
    stated = [cell.target for _, cell in sorted(cells.items(), reverse=True) if cell.target is not None]
    return next((t.indicator for t in stated if t.value is not None), "")


def _keys(docs: Sequence[YearDocument]) -> list[str]:
    out: list[str] = []
    for doc in docs:
        out += [t.key for t in doc.targets if t.key not in out]
    return out


def _row_order(per_year: list[list[str]]) -> list[str]:
    """Keys in report order, year after year: a key first seen later goes after the key before it."""
    order: list[str] = []
    for keys in per_year:
        for n, key in enumerate(keys):
            if key in order:
                continue
            before = next((k for k in reversed(keys[:n]) if k in order), None)
            order.insert(order.index(before) + 1 if before is not None else 0, key)
    return order


def _versions(key: str, docs: Sequence[YearDocument]) -> tuple[Stated, ...]:
    """Each distinct version of the key's target among the year's documents (first one each)."""
    versions: list[Stated] = []
    for doc in docs:
        target = next((t for t in doc.targets if t.key == key), None)
        if target is not None and not any(compare(v.target, target) == SAME for v in versions):
            versions.append(Stated(doc.doc_id, target))
    return tuple(versions)


def compare(before: Target, after: Target) -> str:
    """SAME, RAISED, LOWERED or REWORDED (see the module's docstring)."""
    if before.value is None and after.value is None:
        return SAME if _fold(before.text) == _fold(after.text) else REWORDED
    if before.value is None or after.value is None or _fold(before.unit) != _fold(after.unit):
        return REWORDED
    a = (before.value, before.value if before.value_max is None else before.value_max)
    b = (after.value, after.value if after.value_max is None else after.value_max)
    if a == b:
        return SAME if _fold(before.qualifier) == _fold(after.qualifier) else REWORDED
    a_mid, b_mid = sum(a) / 2, sum(b) / 2
    if b_mid > a_mid:
        return RAISED
    if b_mid < a_mid:
        return LOWERED
    return REWORDED


def figure(target: Target) -> str:
    """A target's figure as a cell shows it (5%左右, 6–6.5%, 1.3万亿斤以上); its words when qualitative."""
    if target.value is None:
        return target.text
    value = f"{target.value:g}" + (f"–{target.value_max:g}" if target.value_max is not None else "")
    return f"{value}{target.unit}{target.qualifier}"


def _fold(text: str) -> str:
    from reader.core.find import fold_words  # not at import: the window's module loads without OpenCC

    return fold_words(text)
