"""Tables that PDF extraction flattened into runs of short lines, rebuilt as rows of cells.

Two layouts occur in report commentary:
- row labels set vertically, one character per line (總/體/要/求), then one cell per column;
- a first-column value at the start of a line ("2023.9.7 新時代推…", "1個主導 以創新為主導"),
  further cells wrapped over narrow lines, bullet lists (●) as one cell.
In both, the extractor ends the last line of a cell with a space: that is our cell boundary.
A table whose lines end in no space (PDFium's text, a report's own simple tables) has a row a
line, its cells apart by spaces ("国内生产总值增长 5.2% 5%左右").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.labels import find_label
from reader.core.normalize import BULLET, tidy_spaces

TABLE_CAPTION = re.compile(r"^(?:附表[一二三四五六七八九十\d]*\s*[：:]|表\s*[\d一二三四五六七八九十]+\s*[：:])")
TABLE_SOURCE = re.compile(r"^(?:資料來源|资料来源|來源|来源|數據來源|数据来源|Source)\s*[：:]")

# Items of a list cell when we cannot tell which column they belong to.
_ITEM_JOIN = "；"


@dataclass(slots=True)
class _Cell:
    items: list[list[str]] = field(default_factory=list)
    bullets: bool = False

    def text(self, item_join: str = "") -> str:
        return tidy_spaces(item_join.join(_join(item) for item in self.items))


def parse_table(lines: list[str]) -> tuple[list[list[str]], list[str]]:
    """Rows of cell texts (header first) from the lines after a caption; ([], []) if not a table."""
    if len(lines) < 2:
        return [], []
    header = lines[0].split()
    if len(header) < 2:
        return [], []
    body = lines[1:]
    if _vertical_run(body, 0) >= 2:
        return _by_vertical_labels(header, body)
    if not any(line[-1:].isspace() for line in lines):
        return [header, *_by_line(len(header), body)], []
    return [header, *_by_first_column(len(header), body)], []


def _by_line(columns: int, body: list[str]) -> list[list[str]]:
    """A row a line, cells apart by spaces: a line of one cell goes on the last cell of the row
    above (a cell wrapped), a line of too many cells joins its first ones (a row label with a
    space in it: the figures are last)."""
    rows: list[list[str]] = []
    for line in body:
        cells = line.split()
        if not cells:
            continue
        if len(cells) == 1 and rows:
            rows[-1][-1] = _join([rows[-1][-1], cells[0]])
            continue
        if len(cells) > columns:
            cells = [_join(cells[: len(cells) - columns + 1]), *cells[len(cells) - columns + 1 :]]
        rows.append(cells)
    return rows


# Without a source line to end it, a table ends at its first line that is not a row: a labelled
# line (a heading, a numbered item), a blank line, or prose: a line at least this long ending a
# sentence, or one this long of one cell (no space) with a clause in it.
_PROSE_CHARS = 15
_SENTENCE_MARKS = re.compile(r"[。！？!?]")
_CLAUSE_MARKS = re.compile(r"[，。；！？,;!?]")


def rows_end(lines: Sequence[str | None]) -> int:
    """How many of `lines` (after a caption; None a blank line, "" a line to pass over such as a
    page number) are the table's rows, when no source line says where it ends."""
    seen = 0  # the header and rows so far
    # Whether the table ends its cells in a space (then a line after one that does not is in
    # the same cell, however much it reads like prose), and whether the last line did.
    spaced = open_cell = False
    for k, line in enumerate(lines):
        if line is None:
            if seen >= 2:
                return k
            continue
        text = line.strip()
        if not text:
            continue
        label = find_label(text)
        if label and not label.is_bullet:
            return k
        if not open_cell and not text.startswith(BULLET) and _is_prose(text):
            return k
        ends_cell = line[-1:].isspace()
        spaced = spaced or ends_cell
        open_cell = spaced and not ends_cell
        seen += 1
    return len(lines)


def _is_prose(text: str) -> bool:
    if len(text) < _PROSE_CHARS:
        return False
    return bool(_SENTENCE_MARKS.search(text) or (" " not in text and _CLAUSE_MARKS.search(text)))


def _vertical_run(lines: list[str], start: int) -> int:
    """How many one-character lines (a vertically set row label) start at `start`."""
    k = start
    while k < len(lines) and len(lines[k].strip()) == 1:
        k += 1
    return k - start


def _by_vertical_labels(header: list[str], body: list[str]) -> tuple[list[list[str]], list[str]]:
    columns = len(header)
    rows = [["", *header]]
    warnings: list[str] = []
    k = 0
    while k < len(body):
        run = _vertical_run(body, k)
        label = "".join(x.strip() for x in body[k:k + run])
        k += run
        cells: list[_Cell] = []
        current: list[str] = []
        while k < len(body) and not (_vertical_run(body, k) >= 2 and not current):
            line = body[k]
            if line[:1].isspace() and current:
                cells.append(_Cell([current]))
                current = []
            current.append(line.strip())
            if line[-1:].isspace():
                cells.append(_Cell([current]))
                current = []
            k += 1
        if current:
            cells.append(_Cell([current]))
        texts = [c.text() for c in cells]
        if len(texts) > columns:
            warnings.append(
                f"Table row {label or '?'}: {len(texts)} items could not be split into {columns} columns; "
                "they are kept in one cell."
            )
            texts = [_ITEM_JOIN.join(texts)]
        rows.append([label, *texts])
    return rows, warnings


def _by_first_column(columns: int, body: list[str]) -> list[list[str]]:
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    open_cell = False
    for line in body:
        text = line.strip()
        if text.startswith(BULLET):
            if row and row[-1].bullets:
                row[-1].items.append([text])  # the next bullet of the same list cell
            else:
                row.append(_Cell([[text]], bullets=True))
            open_cell = True
        elif open_cell and row:
            row[-1].items[-1].append(text)
        else:
            if len(row) >= columns:
                rows.append(row)
                row = []
            if not row:
                first, _, rest = text.partition(" ")
                row.append(_Cell([[first]]))
                if rest.strip():
                    row.append(_Cell([[rest]]))
                    open_cell = True
                else:
                    open_cell = False
            else:
                row.append(_Cell([[text]]))
                open_cell = True
        if line[-1:].isspace():
            open_cell = False
    if row:
        rows.append(row)
    return [[cell.text() for cell in r] for r in rows]


def _join(lines: list[str]) -> str:
    out = ""
    for part in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            out += " "
        out += part
    return out
