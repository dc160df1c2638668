"""Markdown export ("md"): highlights as an Obsidian-friendly note.

Layout of a file:

- YAML front matter once, at the top (Obsidian reads properties only there). With one document it
  describes that document (title, year, kind, source, exported); with several, the export
  (a title, the list of document titles, exported), and each document's year, kind and source
  follow its heading instead. Every value is a JSON-quoted string, which is also a valid YAML
  double-quoted scalar, so no title can break the front matter.
- Per document: `# title`, then its outline: a heading for each section holding highlights (and
  the sections above it, so levels never jump), at the section's level below the title. The
  title block (level-0 headings) is the document heading itself and is not repeated.
- Per highlight: the quote as a block quote, the note as a paragraph, then one line with its
  tags (`#policy_term`), colour (the user's name for it where named) and location (section path).
- Orphaned highlights under their own heading, each marked orphaned.
- With extracted items, "Targets and tasks": two tables.

All user text (quotes, notes, tags, titles, colour names) goes through `escape`, so it reads as
written and cannot open a heading, list, quote, code block, link, HTML tag, Obsidian tag,
highlight, comment or embed. A line break in a note is a hard line break (two trailing spaces,
the form Obsidian documents) inside the note's paragraph; blank lines inside a note collapse to
one line break, since a blank line would end the paragraph.

`markdown_for(highlights)` gives the same blocks without front matter, for "Copy as Markdown".
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.core.extracted import Target, Task
from reader.export import Format, register
from reader.export.model import ExportedDocument, ExportSet, Highlight, Section

__all__ = ["Group", "escape", "escape_inline", "location", "markdown_for", "outline", "render", "tag_name", "target_value", "yaml_string"]

# -- the outline (shared with the HTML export) --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    """Consecutive anchored highlights in one section, with the headings to open before them:
    those of their section path not already open (outermost first)."""

    opens: tuple[Section, ...]
    highlights: tuple[Highlight, ...]


def outline(doc: ExportedDocument) -> list[Group]:
    """The anchored highlights of a document grouped by section, in document order.

    Title-block headings (level 0) are left out: the document heading stands for them. A
    highlight whose section path does not match the document's headings (an ExportSet built by
    hand) gets headings made from its path, one level per step."""
    chains = _Chains(doc.sections)
    groups: list[Group] = []
    shown: tuple[Section, ...] = ()
    current: tuple[Section, ...] | None = None
    pending: list[Highlight] = []
    opens: tuple[Section, ...] = ()
    for highlight in doc.highlights:
        if highlight.annotation.orphaned:
            continue
        chain = chains.chain(highlight)
        if chain != current:
            if pending:
                groups.append(Group(opens, tuple(pending)))
            common = 0
            while common < min(len(chain), len(shown)) and chain[common] == shown[common]:
                common += 1
            opens, pending, current, shown = chain[common:], [], chain, chain
        pending.append(highlight)
    if pending:
        groups.append(Group(opens, tuple(pending)))
    return groups


class _Chains:
    """The heading chain (Sections, outermost first) at an offset, as SectionIndex finds paths."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self._starts = [s.start for s in sections]
        self._chains: list[tuple[Section, ...]] = []
        stack: list[Section] = []
        for section in sections:
            while stack and stack[-1].level >= section.level:
                stack.pop()
            stack.append(section)
            self._chains.append(tuple(stack))

    def chain(self, highlight: Highlight) -> tuple[Section, ...]:
        i = bisect_right(self._starts, highlight.annotation.start) - 1
        found = self._chains[i] if i >= 0 else ()
        if tuple(s.title for s in found) != highlight.section:
            found = tuple(Section(level, title, -1) for level, title in enumerate(highlight.section, start=1))
        return tuple(s for s in found if s.level > 0)


def location(highlight: Highlight, doc: ExportedDocument | None = None) -> str:
    """The section path as a reader sees it ("一、… › （一）…"), without the title block when the
    document is known."""
    path = highlight.section
    if doc is not None:
        titles = {s.title for s in doc.sections if s.level == 0}
        while path and path[0] in titles:
            path = path[1:]
    return " › ".join(path)


def target_value(target: Target) -> str:
    """A target's figure as written: 5, 5.5, 6–6.5; "" for a qualitative target."""
    if target.value is None:
        return ""
    value = _number(target.value)
    return f"{value}–{_number(target.value_max)}" if target.value_max is not None else value


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


# -- escaping ------------------------------------------------------------------------------------

# Always significant inline (CommonMark, GFM, Obsidian): code, emphasis, links and wiki links,
# tags, tables, strikethrough, math, block ids, and the backslash itself.
_ALWAYS = frozenset("\\`*[]#|~$^")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # only an & that would start an entity
_LINE_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")  # list, setext underline, ordered list


def escape(text: str) -> str:
    """One line of user text as literal Markdown: it reads as written, but starts nothing (no
    heading, list, quote, code block or setext underline where it begins a line)."""
    line = escape_inline(text).lstrip(" \t")  # leading spaces would make a code block, and show nothing
    match = _LINE_START.match(line)
    if match:
        if match.group(1)[0].isdigit():
            end = match.end()
            line = f"{line[:end]}\\{line[end:]}"  # 1. → 1\.
        else:
            line = "\\" + line
    return line


def escape_inline(text: str) -> str:
    """User text inside a line (after a label, in a heading or a table cell) as literal Markdown;
    a line break in it becomes a space."""
    text = " ".join(text.splitlines())
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "&" and _ENTITY.match(text, i):
            out.append("&amp;")
        elif ch == "_" and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()):
            out.append("\\_")  # an intraword _ (policy_term) cannot emphasise
        elif ch in "=%" and i + 1 < len(text) and text[i + 1] == ch:
            out.append("\\" + ch)  # ==highlight== and %%comment%% need a pair
        else:
            out.append(ch)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Non-blank lines of user text, any line ending accepted."""
    return [line for line in text.splitlines() if line.strip()]


def paragraph(text: str) -> str:
    """User text as one paragraph, its line breaks kept as hard breaks."""
    return "  \n".join(escape(line) for line in _lines(text))


def block_quote(text: str) -> str:
    """A quote as a block quote: each of its lines a paragraph of the quote, every line prefixed."""
    return "\n>\n".join(f"> {escape(line)}" for line in _lines(text)) or ">"


_TAG_UNSAFE = re.compile(r"[^\w/-]+")


def tag_name(tag: str) -> str:
    """A tag as an Obsidian tag: letters, digits, _, - and / only (spaces and punctuation become
    _), no _ at the ends (it would start emphasis), with its # (`policy term` → `#policy_term`).
    A tag with nothing left is written as escaped text, without #."""
    name = re.sub(r"_+", "_", _TAG_UNSAFE.sub("_", tag)).strip("_")
    return f"#{name}" if name else escape_inline(tag)


def yaml_string(value: str) -> str:
    """A value for YAML front matter: a JSON string (a YAML double-quoted scalar) with the
    characters YAML does not allow raw, or reads as line breaks, escaped too."""
    return "".join(ch if _yaml_printable(ch) else f"\\u{ord(ch):04x}" for ch in json.dumps(value, ensure_ascii=False))


def _yaml_printable(ch: str) -> bool:
    code = ord(ch)
    if code < 0x7F:
        return code >= 0x20 or ch in "\t"  # json.dumps has escaped the rest already
    if code < 0xA0 or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF):
        return False
    return True


# -- rendering -----------------------------------------------------------------------------------


def highlight_block(highlight: Highlight, doc: ExportedDocument | None = None) -> str:
    parts = [block_quote(highlight.quote)]
    note = paragraph(highlight.note)
    if note:
        parts.append(note)
    parts.append(_meta_line(highlight, doc))
    return "\n\n".join(parts)


def _meta_line(highlight: Highlight, doc: ExportedDocument | None) -> str:
    fields = []
    tags = [tag_name(t) for t in highlight.annotation.tags]
    if tags:
        fields.append("Tags: " + " ".join(tags))
    fields.append("Colour: " + escape_inline(highlight.color_name))
    where = location(highlight, doc)
    if highlight.annotation.orphaned:
        fields.append("Status: orphaned")
        if where:
            fields.append("Last seen in: " + escape_inline(where))
    elif where:
        fields.append("Location: " + escape_inline(where))
    if highlight.citation:
        fields.append(escape_inline(highlight.citation))
    return " · ".join(fields)


def markdown_for(highlights: Sequence[Highlight]) -> str:
    """Highlights as Markdown blocks (quote, note, tags · colour · location), no front matter:
    what "Copy as Markdown" puts on the clipboard."""
    return "\n\n".join(highlight_block(h) for h in highlights) + ("\n" if highlights else "")


def render(export_set: ExportSet) -> str:
    docs = export_set.documents
    out: list[str] = ["---"]
    if len(docs) == 1:
        info = docs[0].info
        out.append(f"title: {yaml_string(info.title)}")
        out.append(f"year: {yaml_string(str(info.year) if info.year is not None else '')}")
        out.append(f"kind: {yaml_string(info.kind)}")
        out.append(f"source: {yaml_string(info.source_name)}")
    else:
        out.append(f"title: {yaml_string(f'Highlights from {len(docs)} documents')}")
        out.append("documents:" + ("" if docs else " []"))
        out.extend(f"  - {yaml_string(d.info.title)}" for d in docs)
    if export_set.script:
        out.append(f"script: {yaml_string(export_set.script)}")
    out.append(f"exported: {yaml_string(export_set.exported)}")
    out.append("---")
    body: list[str] = []
    for doc in docs:
        body.extend(_document(doc, with_facts=len(docs) > 1))
    if not docs:
        body.append("No highlights were selected.")
    return "\n".join(out) + "\n\n" + "\n\n".join(body) + "\n"


def _document(doc: ExportedDocument, *, with_facts: bool) -> Iterator[str]:
    info = doc.info
    yield f"# {escape_inline(info.title)}"
    if with_facts:
        facts = [f"Year: {info.year}" if info.year is not None else "", f"Kind: {escape_inline(info.kind)}" if info.kind else ""]
        facts.append(f"Source: {escape_inline(info.source_name)}" if info.source_name else "")
        if any(facts):
            yield " · ".join(f for f in facts if f)
    if not doc.highlights:
        yield "No highlights."
    for group in outline(doc):
        for section in group.opens:
            yield f"{'#' * min(6, section.level + 1)} {escape_inline(section.title)}"
        for highlight in group.highlights:
            yield highlight_block(highlight, doc)
    orphans = [h for h in doc.highlights if h.annotation.orphaned]
    if orphans:
        yield "## Orphaned highlights"
        yield "Their passages are no longer in the document's text; they are kept as they were marked."
        for highlight in orphans:
            yield highlight_block(highlight, doc)
    if doc.with_extracted:
        yield "## Targets and tasks"
        yield from _targets(doc.targets)
        yield from _tasks(doc.tasks)


def _cell(text: str) -> str:
    return escape_inline(text).strip()


def _targets(targets: Sequence[Target]) -> Iterator[str]:
    yield "### Targets"
    if not targets:
        yield "No targets found."
        return
    rows = ["| Indicator | Value | Unit | Qualifier |", "| --- | --- | --- | --- |"]
    for t in targets:
        rows.append(f"| {_cell(t.indicator)} | {_cell(target_value(t)) or '—'} | {_cell(t.unit)} | {_cell(t.qualifier)} |")
    yield "\n".join(rows)


def _tasks(tasks: Sequence[Task]) -> Iterator[str]:
    yield "### Tasks"
    if not tasks:
        yield "No tasks found."
        return
    rows = ["| No. | Task |", "| --- | --- |"]
    rows.extend(f"| {t.number} | {_cell(t.title)} |" for t in tasks)
    yield "\n".join(rows)


MARKDOWN = register(Format("md", "Markdown (Obsidian)", "md", render))
