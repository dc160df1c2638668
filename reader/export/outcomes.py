"""Targets against outcomes (reader.core.outcomes) as CSV or Markdown.

A row reads as the window shows it: the year, the indicator, the target as written, the outcome
figure (≥ / ≤ when the review states only a bound) and the verdict as a word, never a colour.
Not a highlight export, so not registered with reader.export.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.core.outcomes import OutcomeRow, outcome_figure
from reader.core.years import figure
from reader.export.markdown import escape_inline
from reader.export.spreadsheet import _table

FORMATS = ("csv", "markdown")
EXTENSIONS = {"csv": "csv", "markdown": "md"}


def target_text(row: OutcomeRow) -> str:
    """The target as a cell shows it (5%左右, 6.5–7%); "" when its year is not in the library."""
    return figure(row.target.target) if row.target else ""


def outcome_text(row: OutcomeRow) -> str:
    return outcome_figure(row.outcome.outcome) if row.outcome else ""


def outcomes_csv(rows: Sequence[OutcomeRow]) -> str:
    header = ["year", "key", "indicator", "target", "outcome", "verdict", "target_doc", "outcome_doc", "outcome_text"]
    body: list[list[object]] = [
        [
            row.year,
            row.key,
            row.indicator,
            target_text(row),
            outcome_text(row),
            row.verdict,
            row.target.doc_id if row.target else "",
            row.outcome.doc_id if row.outcome else "",
            row.outcome.outcome.text if row.outcome else "",
        ]
        for row in rows
    ]
    return _table(header, body)


def outcomes_markdown(rows: Sequence[OutcomeRow]) -> str:
    if not rows:
        return "No report in the library reviews a year's outcomes.\n"
    lines = ["| Year | Indicator | Target | Outcome | Verdict |", "|---|---|---|---|---|"]
    for row in rows:
        cells = [str(row.year), row.indicator, target_text(row) or "—", outcome_text(row) or "—", row.verdict]
        lines.append("| " + " | ".join(escape_inline(c).strip() for c in cells) + " |")
    return "# Targets and outcomes\n\n" + "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Sequence[OutcomeRow]], str]] = {"csv": outcomes_csv, "markdown": outcomes_markdown}
