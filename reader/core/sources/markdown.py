"""Markdown files as paragraphs: #-headings, paragraphs (soft-wrapped lines joined as layout
repair joins wrapped lines), list items, pipe tables as rows; emphasis markers go, links keep
their text. A line-by-line reading of the CommonMark constructs reports and notes use, without
a dependency; what it does not know (HTML blocks, footnotes) stays as text.
"""

from __future__ import annotations

import re

from reader.core.labels import find_label
from reader.core.sources import MARKDOWN, Source
from reader.core.sources.markup import Paragraph, join_wrapped, to_source
from reader.core.tables import TABLE_CAPTION

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+")
_ORDERED = re.compile(r"^ {0,3}(\d{1,9})[.)][ \t]+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}> ?")
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\](?:\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]*)>")
_CODE = re.compile(r"(`+)([^`\n]+?)\1")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_DELIMITERS = re.compile(r"\*+|_+|~~")
# Emphasis openers waiting for their closer (a bound keeps a line of lone markers linear).
_OPEN_RUNS = 32
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[^\n]*\n){0,200}?---[ \t]*\n")


def read_markdown(text: str, *, encoding: str = "utf-8", warnings: tuple[str, ...] = ()) -> Source:
    """A Markdown file's (decoded) text as paragraphs."""
    return to_source(MARKDOWN, markdown_paragraphs(text), encoding=encoding, warnings=warnings)


def markdown_paragraphs(text: str) -> list[Paragraph]:
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n").replace("\r", "\n"), count=1)
    out: list[Paragraph] = []
    lines: list[str] = []  # the paragraph being read
    prefix = ""  # its list label
    table: list[str] = []
    fence = ""

    def flush() -> None:
        nonlocal prefix
        if lines:
            body = inline(join_wrapped(lines))
            if body:
                out.append(Paragraph(prefix + body if prefix and not find_label(body) else body))
        lines.clear()
        prefix = ""

    def flush_table() -> None:
        rows = [_cells(row) for row in table if not _TABLE_DELIMITER.match(row)]
        if out and out[-1].hint == "paragraph" and out[-1].level is None and TABLE_CAPTION.match(out[-1].text):
            out[-1].hint = "caption"
        for cells in rows:
            if any(cells):
                out.append(Paragraph("\t".join(cells), "table_row", tuple(cells)))
        table.clear()

    source = text.split("\n")
    k = 0
    while k < len(source):
        raw = source[k]
        k += 1
        if fence:
            if raw.lstrip().startswith(fence):
                fence = ""
            elif raw.strip():
                out.append(Paragraph(raw.strip()))
            continue
        line = raw.rstrip()
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if table:
            if "|" in line:
                table.append(line)
                continue
            flush_table()
        if not line.strip():
            flush()
            continue
        if match := _FENCE.match(line):
            flush()
            fence = match.group(1)[:3]
            continue
        if match := _ATX.match(line):
            flush()
            heading = inline(re.sub(r"[ \t]+#+[ \t]*$", "", line[match.end():]).strip().rstrip("#").strip())
            if heading:
                out.append(Paragraph(heading, level=len(match.group(1))))
            continue
        if lines and not prefix and (setext := _SETEXT.match(line)):
            heading = inline(join_wrapped(lines))
            lines.clear()
            if heading:
                out.append(Paragraph(heading, level=1 if setext.group(1)[0] == "=" else 2))
            continue
        if _RULE.match(line):
            flush()
            continue
        if "|" in line and k < len(source) and _TABLE_DELIMITER.match(source[k]) and "-" in source[k]:
            flush()
            table.append(line)
            continue
        if _REFERENCE.match(line) and not lines:
            continue  # a link reference definition: the link's text is kept where it is used
        if match := _BULLET.match(line):
            flush()
            prefix = "● "
            lines.append(line[match.end():])
            continue
        if match := _ORDERED.match(line):
            flush()
            prefix = f"{match.group(1)}. "
            lines.append(line[match.end():])
            continue
        lines.append(line)
    if table:
        flush_table()
    flush()
    return out


def inline(text: str) -> str:
    """A paragraph's text as read: code spans, links and images by their text, emphasis markers
    and backslash escapes gone."""
    if not any(ch in text for ch in "*_~`[<\\"):
        return text
    text = _CODE.sub(lambda m: m.group(2).replace("*", "\x01").replace("_", "\x02"), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _ESCAPE.sub(lambda m: {"*": "\x01", "_": "\x02"}.get(m.group(1), m.group(1)), text)
    text = _strip_emphasis(text)
    return text.replace("\x01", "*").replace("\x02", "_").strip()


def _strip_emphasis(text: str) -> str:
    """Remove the paired runs of * and _ (and ~~) that open and close emphasis; a lone * (2 * 3)
    and snake_case words stay."""
    runs = list(_DELIMITERS.finditer(text))
    drop: set[int] = set()
    open_runs: list[re.Match[str]] = []
    for run in runs:
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        char = run.group()[0]
        if char == "_" and before.isalnum() and after.isalnum():
            continue  # inside a word
        can_close = not before.isspace()
        can_open = not after.isspace()
        opener = next((o for o in reversed(open_runs) if o.group() == run.group()), None)
        if can_close and opener is not None:
            drop.update((opener.start(), run.start()))
            open_runs = open_runs[: open_runs.index(opener)]
        elif can_open:
            open_runs.append(run)
            del open_runs[:-_OPEN_RUNS]
    if not drop:
        return text
    out = []
    last = 0
    for run in runs:
        if run.start() in drop:
            out.append(text[last : run.start()])
            last = run.end()
    out.append(text[last:])
    return "".join(out)


def _cells(row: str) -> list[str]:
    row = row.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells = re.split(r"(?<!\\)\|", row)
    return [inline(cell.strip().replace("\\|", "|")).replace("\t", " ") for cell in cells]
