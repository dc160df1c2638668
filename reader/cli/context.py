"""What several commands share: the library named by --library, and DOC arguments."""

from __future__ import annotations

import argparse
import os

from reader.core.model import Document
from reader.errors import NotFoundError
from reader.store.library import Library

# Commands that change the library: the day's first of them makes the day's copy first. A
# command that only reads leaves the library as it was and does not wait for a copy (seconds
# for a large library); the window makes the copy after its first paint.
WRITING_COMMANDS = frozenset({"import", "remove", "annotate", "import-annotations", "restore"})


def open_library(args: argparse.Namespace) -> Library:
    from reader.ops.documents import open_library as open_and_seed

    return open_and_seed(args.library, daily_copy=getattr(args, "command", None) in WRITING_COMMANDS)


def load_document(args: argparse.Namespace, target: str) -> Document:
    """A DOC argument: digits name a library id; anything else is a file read without the library."""
    from reader.core.ingest import ingest_file

    if not target:
        raise NotFoundError("No document id or file name given; name one (see `report-reader list`)")
    if target.isdigit():
        with open_library(args) as library:
            return library.document(int(target))
    if not os.path.exists(target):
        raise NotFoundError(f"{target} is neither a document id nor an existing file")
    return ingest_file(target)
