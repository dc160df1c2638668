"""The targets-by-year table (reader.core.years) as CSV, Markdown or an HTML page.

Each cell reads as the window shows it: the figure as written and the change as an arrow or a
word (↑ ↓ = new dropped ~), so the marker never depends on colour; a conflict between two
documents of one year shows both versions. Not a highlight export (it renders a YearsTable, not
an ExportSet), so it is not registered with reader.export. Text is escaped for each format.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as html_escape

from reader.core.years import DROPPED, LOWERED, NEW, RAISED, REWORDED, SAME, Cell, YearsTable, figure
from reader.export.markdown import escape_inline
from reader.export.spreadsheet import _table

SYMBOLS = {RAISED: "↑", LOWERED: "↓", SAME: "=", NEW: "new", DROPPED: "dropped", REWORDED: "~"}
# The legend's words for each marker (the GUI translates its own copy).
MEANINGS = {
    RAISED: "raised",
    LOWERED: "lowered",
    SAME: "same",
    NEW: "new",
    DROPPED: "dropped",
    REWORDED: "reworded",
}
FORMATS = ("csv", "markdown", "html")
EXTENSIONS = {"csv": "csv", "markdown": "md", "html": "html"}


def cell_figure(cell: Cell | None) -> str:
    """What a cell states: one figure, both versions of a conflict (a ≠ b), "" when dropped."""
    if cell is None or not cell.stated:
        return ""
    return " ≠ ".join(figure(s.target) for s in cell.stated)


def cell_text(cell: Cell | None) -> str:
    """The figure with its change marker: 5%左右 ↓, — dropped."""
    if cell is None:
        return ""
    if not cell.stated:
        return "— " + SYMBOLS[DROPPED]
    marker = SYMBOLS.get(cell.change or "", "")
    conflict = " (conflict)" if cell.conflict else ""
    return f"{cell_figure(cell)}{conflict} {marker}".strip()


def legend() -> str:
    changes = (RAISED, LOWERED, SAME, NEW, DROPPED, REWORDED)
    return " · ".join(SYMBOLS[c] if SYMBOLS[c] == MEANINGS[c] else f"{SYMBOLS[c]} {MEANINGS[c]}" for c in changes)


def years_csv(table: YearsTable) -> str:
    """One row per indicator; for each year its figure and its change (for sorting and filtering)."""
    header = ["key", "indicator"]
    for year in table.years:
        header += [str(year), f"{year} change"]
    rows = []
    for row in table.rows:
        cells: list[object] = [row.key, row.indicator]
        for year in table.years:
            cell = row.cells.get(year)
            cells += [cell_figure(cell), (cell.change or "") if cell else ""]
        rows.append(cells)
    return _table(header, rows)


def years_markdown(table: YearsTable) -> str:
    if not table.years:
        return "No report in the library states its main targets.\n"
    lines = ["| Indicator | " + " | ".join(str(y) for y in table.years) + " |", "|---" * (len(table.years) + 1) + "|"]
    for row in table.rows:
        cells = [row.indicator, *(cell_text(row.cells.get(year)) for year in table.years)]
        lines.append("| " + " | ".join(escape_inline(c).strip() for c in cells) + " |")
    return "# Main targets by year\n\n" + "\n".join(lines) + "\n\n" + escape_inline(legend()) + "\n"


_HTML_CLASS = {RAISED: "raised", LOWERED: "lowered", SAME: "same", NEW: "new", DROPPED: "dropped", REWORDED: "reworded"}
_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
    "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left}"
    ".raised{background:#e3f4e3}.lowered{background:#fbe3e3}.new{background:#e3ecfb}"
    ".dropped{background:#eee;color:#666}.reworded{background:#fdf3d8}.conflict{outline:2px solid #c60}"
)


def years_html(table: YearsTable) -> str:
    head = "".join(f"<th>{y}</th>" for y in table.years)
    body = []
    for row in table.rows:
        tds = []
        for year in table.years:
            cell = row.cells.get(year)
            classes = " ".join(
                c for c in (_HTML_CLASS.get(cell.change or "", "") if cell else "", "conflict" if cell and cell.conflict else "") if c
            )
            attr = f' class="{classes}"' if classes else ""
            tds.append(f"<td{attr}>{html_escape(cell_text(cell))}</td>")
        body.append(f"<tr><th>{html_escape(row.indicator)}</th>{''.join(tds)}</tr>")
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>Main targets by year</title>'
        f"<style>{_STYLE}</style></head><body><h1>Main targets by year</h1>"
        f"<table><thead><tr><th>Indicator</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<p>{html_escape(legend())}</p></body></html>\n"
    )


RENDERERS: dict[str, Callable[[YearsTable], str]] = {"csv": years_csv, "markdown": years_markdown, "html": years_html}
