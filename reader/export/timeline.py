"""The term timeline (reader.core.timeline) as CSV, Markdown or a plain table.

Not a highlight export (it renders a Timeline, not an ExportSet), so it is not registered with
reader.export; the window adds PNG (its chart) itself.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.timeline import Timeline, YearCount
from reader.export.markdown import escape_inline
from reader.export.spreadsheet import _table

FORMATS = ("csv", "markdown")
EXTENSIONS = {"csv": "csv", "markdown": "md"}


def cell_text(count: YearCount | None) -> str:
    """12 (3.4): the raw count and, in brackets, per 10,000 characters."""
    if count is None:
        return ""
    return f"{count.count} ({count.per_10k:g})"


def timeline_csv(timeline: Timeline) -> str:
    """One row per term and year (for a spreadsheet's chart or pivot), then each year's new words."""
    rows: list[list[object]] = []
    for term in timeline.terms:
        for year in timeline.years:
            count = term.years.get(year)
            rows.append([term.term, year, count.count if count else 0, count.per_10k if count else 0.0, count.chars if count else 0])
    text = _table(["term", "year", "count", "per_10k", "characters"], rows)
    if timeline.new_by_year:
        text += "\n" + _table(["year", "new words"], [[year, "、".join(words)] for year, words in sorted(timeline.new_by_year.items())])
    return text


def timeline_markdown(timeline: Timeline) -> str:
    if not timeline.years:
        return "No report with a year in the library.\n"
    lines = [
        "| Term | " + " | ".join(str(y) for y in timeline.years) + " | First | Last |",
        "|---" * (len(timeline.years) + 3) + "|",
    ]
    for term in timeline.terms:
        cells = [term.term, *(cell_text(term.years.get(y)) for y in timeline.years), str(term.first or "—"), str(term.last or "—")]
        lines.append("| " + " | ".join(escape_inline(c).strip() for c in cells) + " |")
    out = "# Term timeline\n\n" + "\n".join(lines) + "\n\nEach cell: occurrences (per 10,000 characters) in the year's reports.\n"
    if timeline.new_by_year:
        out += "\n## New each year\n\n"
        out += "".join(f"- **{year}**: {escape_inline('、'.join(words)) or '—'}\n" for year, words in sorted(timeline.new_by_year.items()))
    return out


def timeline_table(timeline: Timeline) -> str:
    """The terminal's table: tab-separated, a term a row, then each year's new words."""
    if not timeline.years:
        return ""
    lines = ["\t".join(["term", *map(str, timeline.years), "first", "last"])]
    for term in timeline.terms:
        lines.append(
            "\t".join([term.term, *(cell_text(term.years.get(y)) for y in timeline.years), str(term.first or "-"), str(term.last or "-")])
        )
    lines.append("(count (per 10,000 characters) in each year's reports)")
    if timeline.new_by_year:
        lines.append("")
        lines += [f"new in {year}: {'、'.join(words) or '-'}" for year, words in sorted(timeline.new_by_year.items())]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Timeline], str]] = {"csv": timeline_csv, "markdown": timeline_markdown}
