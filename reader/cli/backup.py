"""backup and restore: copies of the library (reader.store.backup)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, print_json
from reader.store.location import library_path


def cmd_backup(args: argparse.Namespace) -> int:
    from reader.store.backup import backup

    with open_library(args) as library:
        made = backup(library, args.dest)
    if args.json:
        print_json({"backup": str(made)})
    else:
        print(made)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from reader.store.backup import restore

    target = library_path(args.library)
    kept = restore(Path(args.backup), target)
    if args.json:
        print_json({"library": str(target), "restored_from": args.backup, "previous": str(kept) if kept else None})
    else:
        print(f"Restored {target} from {args.backup}" + (f"; the library as it was is kept as {kept}" if kept else ""))
    return EXIT_OK
