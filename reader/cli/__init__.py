"""Command-line front end: the same operations (reader.ops) and store calls the GUI makes.

One module per command group (documents, extract, annotate, search, gui), the grammar in
parser, output conventions in output. Errors a user can cause print one line on stderr and exit
1; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from reader.cli.output import EXIT_ERROR, EXIT_OK, error
from reader.cli.parser import build_parser, check_usage, command_first, opens_window
from reader.errors import ReaderError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(window_only=opens_window(argv))
    argv = command_first(argv, parser)
    args = parser.parse_args(argv)
    check_usage(args, parser)
    if not hasattr(args, "library"):
        args.library = None
    func: Callable[[argparse.Namespace], int] = args.func  # each subparser's set_defaults(func=cmd_...)
    try:
        return func(args)
    except ReaderError as exc:
        error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `report-reader show 1 | head` closes stdout early; that is not an error.
        sys.stderr.close()
        return EXIT_OK
