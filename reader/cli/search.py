"""search QUERY: documents and annotations, in either script."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, notice, print_json
from reader.errors import UsageError


def cmd_search(args: argparse.Namespace) -> int:
    from reader.store.search import search

    if args.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {args.limit}")
    with open_library(args) as library:
        hits = search(library, args.query, limit=args.limit, doc_id=args.doc)
    if args.json:
        print_json({"results": [asdict(hit) for hit in hits]})
        return EXIT_OK
    for hit in hits:
        context = f"{hit.context[: hit.match_start]}【{hit.context[hit.match_start : hit.match_end]}】{hit.context[hit.match_end :]}"
        where = f"{hit.start:>6}" if hit.annotation_id is None else f"{hit.start:>6}  annotation {hit.annotation_id}"
        print(f"{hit.doc_id:>4}  {hit.title}  {where}  {context}")
    if not hits:
        notice(f"no matches for {args.query!r}")
    return EXIT_OK

