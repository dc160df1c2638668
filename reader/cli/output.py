"""How the CLI speaks: JSON on stdout, one-line errors and notices on stderr, exit codes."""

from __future__ import annotations

import json
import sys

EXIT_OK = 0
EXIT_ERROR = 1


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit(text: str, output: str, what: str) -> None:
    """A command's whole result: to standard output for "-", else written to the file `output`
    (with a notice naming `what` was written there)."""
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from reader.ops.export import write

    write(output, text)
    notice(f"wrote {what} to {output}")


def error(message: str) -> None:
    print(f"report-reader: {one_line(message)}", file=sys.stderr)


def notice(message: str) -> None:
    """Said on stderr, so a pipe still gets only the results (e.g. "nothing found")."""
    print(f"report-reader: {one_line(message)}", file=sys.stderr)


def one_line(message: str) -> str:
    """A message as one line whatever it quotes: line breaks become spaces, other unprintable
    characters are escaped (a damaged file name or row must not scramble the terminal)."""
    flat = " ".join(message.splitlines())
    return "".join(ch if ch.isprintable() else " " if ch.isspace() else ascii(ch)[1:-1] for ch in flat)
