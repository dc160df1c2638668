"""compare A B: two reports (library ids or files) side by side, as a summary, JSON or a brief."""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import TypedDict

from reader.cli.context import load_document
from reader.cli.output import EXIT_OK, emit
from reader.core.compare.model import BlockPair, Comparison, TargetChange, TermCount
from reader.core.extracted import TargetJson
from reader.errors import UsageError


class BlockJson(TypedDict):
    a: int | None
    b: int | None
    kind: str
    similarity: float


class TargetChangeJson(TypedDict):
    key: str
    indicator: str
    a: TargetJson | None
    b: TargetJson | None
    change: str
    direction: str


class TermJson(TypedDict):
    term: str
    a: int
    b: int


class TermsJson(TypedDict):
    added: list[TermJson]
    removed: list[TermJson]
    changed: list[TermJson]


class ComparisonJson(TypedDict):
    targets: list[TargetChangeJson]
    blocks: list[BlockJson]
    terms: TermsJson


def cmd_compare(args: argparse.Namespace) -> int:
    from reader.core.compare import compare

    ignore = parse_ignore(args.ignore or "")
    a = load_document(args, args.a)
    b = load_document(args, args.b)
    comparison = compare(a, b, ignore=ignore)
    title_a, title_b = a.title or args.a, b.title or args.b
    if args.json:
        text = json.dumps(comparison_json(comparison), ensure_ascii=False, indent=2) + "\n"
    elif args.markdown:
        from reader.export.comparison import comparison_markdown

        text = comparison_markdown(comparison, title_a, title_b)
    elif args.html:
        from reader.export.comparison import comparison_html

        text = comparison_html(comparison, title_a, title_b)
    else:
        text = summary(comparison, title_a, title_b)
    emit(text, args.output, "the comparison")
    return EXIT_OK


def parse_ignore(value: str) -> frozenset[str]:
    """--ignore punctuation,whitespace,numbers (any of them, comma-separated)."""
    from reader.core.compare.align import check_ignore

    try:
        return check_ignore(part.strip() for part in value.split(",") if part.strip())
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def comparison_json(c: Comparison) -> ComparisonJson:
    """The JSON form --json prints; block numbers index each document's blocks as `show --blocks
    --json` lists them, and a split or merged pair is one entry per block."""
    return {
        "targets": [_target_json(t) for t in c.targets],
        "blocks": [entry for pair in c.blocks for entry in _block_json(pair)],
        "terms": {
            "added": [_term_json(t) for t in c.terms.added],
            "removed": [_term_json(t) for t in c.terms.removed],
            "changed": [_term_json(t) for t in c.terms.changed],
        },
    }


def _target_json(t: TargetChange) -> TargetChangeJson:
    return {
        "key": t.key,
        "indicator": t.indicator,
        "a": t.a.to_json() if t.a else None,
        "b": t.b.to_json() if t.b else None,
        "change": t.change,
        "direction": t.direction,
    }


def _block_json(pair: BlockPair) -> list[BlockJson]:
    similarity = round(pair.similarity, 4)
    a_side: list[int | None] = list(pair.a) or [None]
    b_side: list[int | None] = list(pair.b) or [None]
    if len(a_side) == 1:
        return [{"a": a_side[0], "b": j, "kind": pair.kind, "similarity": similarity} for j in b_side]
    return [{"a": i, "b": b_side[0], "kind": pair.kind, "similarity": similarity} for i in a_side]


def _term_json(t: TermCount) -> TermJson:
    return {"term": t.term, "a": t.a, "b": t.b}


def _width(text: str) -> int:
    """Columns a terminal gives the text: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def summary(c: Comparison, title_a: str, title_b: str) -> str:
    """A few readable lines: the two documents, paragraphs by kind, targets, terms."""
    from reader.export.comparison import change_symbol, summary_line, target_text

    lines = [f"A: {title_a} ({len(c.a.blocks)} blocks)", f"B: {title_b} ({len(c.b.blocks)} blocks)", ""]
    lines.append(f"Paragraphs: {summary_line(c)}")
    if c.targets:
        lines += ["", "Targets (A → B):"]
        width = max(_width(t.indicator) for t in c.targets)
        for t in c.targets:
            figures = f"{target_text(t.a) or '—'} → {target_text(t.b) or '—'}"
            indicator = t.indicator + " " * (width - _width(t.indicator))
            lines.append(f"  {change_symbol(t):<8} {indicator}  {figures}")
    else:
        lines += ["", "Targets: none found in either report"]
    lines.append("")
    for label, terms, count in (("New terms", c.terms.added, "b"), ("Dropped terms", c.terms.removed, "a")):
        listed = ", ".join(f"{t.term} ({getattr(t, count)})" for t in terms[:15])
        lines.append(f"{label}: {listed or '—'}")
    shifted = ", ".join(f"{t.term} {t.a}→{t.b}" for t in c.terms.changed[:10])
    lines.append(f"Shifted: {shifted or '—'}")
    return "\n".join(lines) + "\n"
