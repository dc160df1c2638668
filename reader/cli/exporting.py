"""export DOC... --format F -o FILE, and import-annotations FILE: highlights out and back in."""

from __future__ import annotations

import argparse
import sys

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, notice, print_json
from reader.errors import InputError, UsageError


def cmd_export(args: argparse.Namespace) -> int:
    from reader.export import get
    from reader.ops.export import Selection, collect, write

    fmt = get(args.format)
    to_stdout = args.output == "-"
    if to_stdout and fmt.binary:
        raise UsageError(f"{fmt.label} is a binary format: give a file with -o FILE.{fmt.extension}")
    selection = Selection(
        doc_ids=tuple(args.docs),
        tags=tuple(args.tag),
        colors=tuple(args.color),
        status=args.status or "",
        since=args.since or "",
        until=args.until or "",
        script=args.script or "",
        with_extracted=args.with_extracted,
    )
    with open_library(args) as library:
        export_set = collect(library, selection)
    data = fmt.render(export_set)
    if to_stdout:
        assert isinstance(data, str)
        sys.stdout.write(data)
        sys.stdout.flush()
    else:
        write(args.output, data)
    count, documents = export_set.highlight_count, len(export_set.documents)
    where = "standard output" if to_stdout else args.output
    if not count:
        notice(f"no highlights matched; wrote an empty {fmt.label} export to {where}")
    elif not to_stdout:
        notice(f"exported {count} highlight{'s' if count != 1 else ''} from {documents} document{'s' if documents != 1 else ''} to {where}")
    return EXIT_OK


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from reader.core.ingest import read_file
    from reader.ops.annotation_import import import_annotations

    if args.file == "-":
        data = sys.stdin.buffer.read()
    else:
        data = read_file(args.file)
    if not data.strip():
        raise InputError(f"{args.file} is empty")
    with open_library(args) as library:
        summary, _changes = import_annotations(library, data, doc_id=args.doc)
    if args.json:
        print_json(summary.to_json())
    else:
        print(summary.describe())
    return EXIT_OK
