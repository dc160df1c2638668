"""A comparison of two reports as a brief to paste: Markdown or an HTML page.

What a reader of the brief wants first: the targets table (indicator, A, B, and the change as
↑ ↓ = new dropped), the terms that came and went, then each changed paragraph as B has it with
its word changes marked (Markdown ~~old~~ **new**, HTML <del>/<ins>). Paragraphs only one year
has are counted, not printed: between two years' reports they are most of the text.

Not a highlight export format (it renders a Comparison, not an ExportSet), so it is not
registered with reader.export. All document text is escaped: Markdown through
reader.export.markdown's escaping, HTML through html.escape.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from html import escape as html_escape

from reader.core.compare.model import (
    ADDED,
    CHANGED,
    LOWERED,
    MERGED,
    MOVED,
    RAISED,
    REMOVED,
    REWORDED,
    SAME,
    SPLIT,
    BlockPair,
    Comparison,
    TargetChange,
    TermCount,
)
from reader.core.extracted import Target
from reader.core.model import Document
from reader.export.markdown import escape, escape_inline, target_value

# What the change column says for each kind of target change.
_SYMBOLS = {SAME: "=", RAISED: "↑", LOWERED: "↓", ADDED: "new", REMOVED: "dropped", REWORDED: "reworded"}
_PAIR_LABELS = {CHANGED: "Changed", MOVED: "Moved", SPLIT: "Split", MERGED: "Merged"}
_SHOWN = tuple(_PAIR_LABELS)


def change_symbol(change: TargetChange) -> str:
    """= ↑ ↓ new dropped reworded, or "changed" when the figures cannot be set side by side."""
    return _SYMBOLS.get(change.direction or change.change, "changed")


def target_text(target: Target | None) -> str:
    """A target's figure as written (5%左右, 1.3万亿斤以上); its words when it has no figure."""
    if target is None:
        return ""
    if target.value is None:
        return target.text
    return f"{target_value(target)}{target.unit}{target.qualifier}"


def block_counts(comparison: Comparison) -> Counter[str]:
    """How many pairs of each kind (same, changed, moved, added, removed, split, merged)."""
    return Counter(pair.kind for pair in comparison.blocks)


def summary_line(comparison: Comparison) -> str:
    counts = block_counts(comparison)
    order = (SAME, CHANGED, MOVED, SPLIT, MERGED, ADDED, REMOVED)
    names = {ADDED: "new", REMOVED: "dropped"}
    return ", ".join(f"{counts[kind]} {names.get(kind, kind)}" for kind in order if counts[kind]) or "no paragraphs"


def _terms_line(terms: Sequence[TermCount], count: str) -> str:
    return " · ".join(f"{t.term} ({getattr(t, count)})" for t in terms)


def _shift_line(terms: Sequence[TermCount]) -> str:
    return " · ".join(f"{t.term} ({t.a} → {t.b})" for t in terms)


# -- Markdown ------------------------------------------------------------------------------------


def comparison_markdown(c: Comparison, title_a: str, title_b: str) -> str:
    """The brief in Markdown (CommonMark with GFM tables and strikethrough)."""
    parts = [f"# {escape_inline(title_a)} → {escape_inline(title_b)}", f"Paragraphs: {summary_line(c)}."]
    parts.append("## Targets")
    if c.targets:
        rows = [f"| Indicator | {_md_cell(title_a)} | {_md_cell(title_b)} | Change |", "| --- | --- | --- | --- |"]
        for t in c.targets:
            cells = (t.indicator, target_text(t.a) or "—", target_text(t.b) or "—", change_symbol(t))
            rows.append("| " + " | ".join(_md_cell(x) for x in cells) + " |")
        parts.append("\n".join(rows))
    else:
        parts.append("No targets found in either report.")
    parts.append("## Terms")
    parts.append(_md_terms(c))
    parts.append("## Changed paragraphs")
    shown = [pair for pair in c.blocks if pair.kind in _SHOWN]
    if not shown:
        parts.append("No paragraph changed.")
    for pair in shown:
        parts.append(f"### {_heading(pair)}")
        parts.append(_md_marked(c, pair))
    return "\n\n".join(parts) + "\n"


def _md_cell(text: str) -> str:
    return escape_inline(text).strip()


def _md_terms(c: Comparison) -> str:
    lines = []
    for label, terms, count in (("New", c.terms.added, "b"), ("Dropped", c.terms.removed, "a")):
        lines.append(f"- {label}: {escape_inline(_terms_line(terms, count)) or '—'}")
    lines.append(f"- Shifted: {escape_inline(_shift_line(c.terms.changed)) or '—'}")
    return "\n".join(lines)


def _heading(pair: BlockPair) -> str:
    """Changed · A ¶12 → B ¶13 · 87% (paragraph numbers count from 1)."""
    a = ", ".join(f"¶{i + 1}" for i in pair.a)
    b = ", ".join(f"¶{j + 1}" for j in pair.b)
    return f"{_PAIR_LABELS[pair.kind]} · A {a} → B {b} · {round(pair.similarity * 100)}%"


def _pieces(c: Comparison, pair: BlockPair) -> Iterator[tuple[str, str]]:
    """(kind, text) runs of the pair as B reads it: "" for unchanged text, "del" for A's words
    that went, "ins" for B's words that came."""
    a_text, b_text = c.a.text, c.b.text
    pos, end = _extent(c.b, pair.b)
    for change in sorted(pair.words, key=lambda w: (w.b_start, w.a_start)):
        if change.b_start > pos:
            yield "", b_text[pos : change.b_start]
        if change.a_end > change.a_start:
            yield "del", a_text[change.a_start : change.a_end]
        if change.b_end > change.b_start:
            yield "ins", b_text[change.b_start : change.b_end]
        pos = max(pos, change.b_end)
    if pos < end:
        yield "", b_text[pos:end]


def _extent(document: Document, numbers: tuple[int, ...]) -> tuple[int, int]:
    return document.blocks[numbers[0]].start, document.blocks[numbers[-1]].end


def _md_marked(c: Comparison, pair: BlockPair) -> str:
    out: list[str] = []
    pieces = list(_pieces(c, pair))
    for n, (kind, text) in enumerate(pieces):
        body = _md_lines(text, first_starts_line=n == 0)
        if not kind:
            out.append(body)
            continue
        if n and pieces[n - 1][0] == "del" and kind == "ins":
            out.append(" ")
        before = out[-1][-1:] if out and out[-1] else ""
        out.append(_flanked("~~" if kind == "del" else "**", body, before, _next_char(pieces, n)))
    return "".join(out)


def _md_lines(text: str, *, first_starts_line: bool) -> str:
    """Text as Markdown inside a paragraph: a line break is a hard break, and every line that
    starts a line is escaped so it starts nothing (a list may interrupt a paragraph)."""
    lines = text.split("\n")
    return "  \n".join(escape(line) if k or first_starts_line else escape_inline(line) for k, line in enumerate(lines))


def _next_char(pieces: Sequence[tuple[str, str]], n: int) -> str:
    if n + 1 >= len(pieces):
        return ""
    kind, text = pieces[n + 1]
    if kind:
        return " " if pieces[n][0] == "del" and kind == "ins" else "*"
    return _md_lines(text, first_starts_line=False)[:1]


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _flanked(delim: str, body: str, before: str, after: str) -> str:
    """delim body delim, with a space outside a delimiter that CommonMark would not read as one
    (a run starting with punctuation right after a letter, as in 增长~~，~~: see flanking rules)."""
    if not body:
        return ""
    lead = " " if _punctuation(body[0]) and before and not (before.isspace() or _punctuation(before)) else ""
    trail = " " if _punctuation(body[-1]) and after and not (after.isspace() or _punctuation(after)) else ""
    return f"{lead}{delim}{body}{delim}{trail}"


# -- HTML ----------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 46em; padding: 1.5rem 1.25rem 3rem; line-height: 1.75;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #8884; padding: .3em .5em; text-align: left; vertical-align: top; }
del { color: #b42318; background: #fee4e2; }
ins { color: #067647; background: #dcfae6; text-decoration: none; }
@media (prefers-color-scheme: dark) { del { background: #55160c; color: #fda29b; } ins { background: #053321; color: #75e0a7; } }
.change { white-space: nowrap; }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def comparison_html(c: Comparison, title_a: str, title_b: str) -> str:
    """The brief as one self-contained HTML page (no scripts, nothing to fetch)."""
    e = _e
    title = f"{title_a} → {title_b}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="Report Reader">',
        f"<title>{e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        f'<p lang="en">Paragraphs: {e(summary_line(c))}.</p>',
        '<h2 lang="en">Targets</h2>',
    ]
    if c.targets:
        out.append("<table>")
        out.append(
            f'<thead><tr><th scope="col" lang="en">Indicator</th><th scope="col">{e(title_a)}</th>'
            f'<th scope="col">{e(title_b)}</th><th scope="col" lang="en">Change</th></tr></thead>'
        )
        out.append("<tbody>")
        for t in c.targets:
            cells = (t.indicator, target_text(t.a) or "—", target_text(t.b) or "—")
            row = "".join(f"<td>{e(x)}</td>" for x in cells)
            out.append(f'<tr>{row}<td class="change" lang="en">{e(change_symbol(t))}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append('<p lang="en">No targets found in either report.</p>')
    out.append('<h2 lang="en">Terms</h2>')
    out.append("<ul>")
    for label, line in (
        ("New", _terms_line(c.terms.added, "b")),
        ("Dropped", _terms_line(c.terms.removed, "a")),
        ("Shifted", _shift_line(c.terms.changed)),
    ):
        out.append(f'<li><span lang="en">{label}:</span> {e(line) or "—"}</li>')
    out.append("</ul>")
    out.append('<h2 lang="en">Changed paragraphs</h2>')
    shown = [pair for pair in c.blocks if pair.kind in _SHOWN]
    if not shown:
        out.append('<p lang="en">No paragraph changed.</p>')
    for pair in shown:
        out.append(f'<h3 lang="en">{e(_heading(pair))}</h3>')
        marked = []
        for kind, text in _pieces(c, pair):
            body = "<br>".join(e(line) for line in text.split("\n"))
            marked.append(f"<{kind}>{body}</{kind}>" if kind else body)
        out.append(f"<p>{''.join(marked)}</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _e(text: str) -> str:
    return html_escape(text, quote=True)
