"""targets / tasks / figures / terms DOC|FILE: what extraction finds, as lines or JSON."""

from __future__ import annotations

import argparse

from reader.cli.context import load_document
from reader.cli.output import EXIT_OK, notice, print_json

NOTHING_FOUND = {
    "targets": "main-targets sentence (主要预期目标)",
    "tasks": "tasks section (政府工作任务) or numbered task summary",
    "figures": "numbers with units",
    "terms": "policy terms from the dictionary",
}


def cmd_extract(args: argparse.Namespace) -> int:
    from reader.core.extraction import extract

    items = extract(load_document(args, args.doc), args.command)
    if args.json:
        print_json({args.command: [item.to_json() for item in items]})
        return EXIT_OK
    for item in items:
        print(describe(args.command, item))
    if not items:
        # Not an error: a commentary has no targets.
        notice(f"no {NOTHING_FOUND[args.command]} in {args.doc}")
    return EXIT_OK


def describe(kind: str, item) -> str:  # type: ignore[no-untyped-def]  # one of four item types
    """One readable line per extracted item (the JSON form carries every field)."""
    if kind == "targets":
        value = "" if item.value is None else f"{item.value:g}" + (f"–{item.value_max:g}" if item.value_max is not None else "")
        return f"{item.key:<20} {item.indicator}  {value}{item.unit} {item.qualifier}".rstrip()
    if kind == "tasks":
        lines = [f"{item.number:>2}. {item.title}"]
        lines += [f"      · {child.title}" for child in item.children]
        return "\n".join(lines)
    if kind == "figures":
        return f"{item.kind:<8} {item.text:<14} {item.clause}"
    return f"{item.start:>6}  {item.text}  ({item.term})" if item.text != item.term else f"{item.start:>6}  {item.text}"
