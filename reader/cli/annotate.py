"""annotate / annotations / tags: mark passages by quote, list annotations and tags."""

from __future__ import annotations

import argparse

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, notice, print_json
from reader.store.annotations import Annotation

_QUOTE_WIDTH = 30


def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.ops.annotations import annotate_quote
    from reader.store.annotations import check_color

    color = check_color(args.color)  # a bad colour is refused before the library is opened
    with open_library(args) as library:
        annotation, _changes = annotate_quote(
            library, args.doc, args.quote, occurrence=args.occurrence, color=color, note=args.note, tags=args.tag
        )
    if args.json:
        print_json(annotation.to_json())
    else:
        print(annotation.id)
    return EXIT_OK


def cmd_annotations(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = library.annotations(args.doc, tag=args.tag, color=args.color, status=args.status)
    if args.json:
        print_json({"annotations": [item.to_json() for item in items]})
        return EXIT_OK
    for item in items:
        print(describe_annotation(item))
    if not items:
        notice("no annotations" + (" match" if args.tag or args.color or args.status else ""))
    return EXIT_OK


def describe_annotation(item: Annotation) -> str:
    """id, document, colour, status, tags, 「quote」 and the note's first line, on one line."""
    quote = " ".join(item.quote.split())
    if len(quote) > _QUOTE_WIDTH:
        quote = quote[: _QUOTE_WIDTH - 1] + "…"
    tags = " ".join(f"#{tag}" for tag in item.tags) or "-"
    note = item.note.strip().split("\n", 1)[0].strip()
    line = f"{item.id:>4}  {item.doc_id:>4}  {item.color:<6}  {item.status:<8}  {tags}  「{quote}」"
    return f"{line}  {note}" if note else line


def cmd_tags(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        tags = library.tags()
    if args.json:
        print_json({"tags": [{"name": tag.name, "count": tag.count} for tag in tags]})
        return EXIT_OK
    for tag in tags:
        print(f"{tag.count:>5}  {tag.name}")
    return EXIT_OK
