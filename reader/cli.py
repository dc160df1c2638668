"""Command-line front end: the same core and store calls the GUI makes, JSON on stdout.

Errors a user can cause print one line on stderr and exit 1; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader import __version__
from reader.errors import NotFoundError, ReaderError, UsageError

EXIT_OK = 0
EXIT_ERROR = 1

Command = Callable[[argparse.Namespace], int]


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _error(message: str) -> None:
    print(f"report-reader: {message}", file=sys.stderr)


def _open_library(args: argparse.Namespace):
    from reader.store.library import Library
    from reader.store.seeding import seed_if_empty

    library = Library.open(args.library)
    seed_if_empty(library)
    return library


def _load_document(args: argparse.Namespace, target: str):
    """A DOC argument: digits name a library id; anything else is a file read without the library."""
    from reader.core.ingest import ingest_file

    if target.isdigit():
        with _open_library(args) as library:
            return library.document(int(target))
    if not os.path.exists(target):
        raise NotFoundError(f"{target} is neither a document id nor an existing file")
    return ingest_file(target)


def cmd_import(args: argparse.Namespace) -> int:
    from reader.core.ingest import ingest_file

    failures = 0
    results = []
    with _open_library(args) as library:
        for name in args.files:
            try:
                doc = ingest_file(name)
                doc_id, created = library.add(
                    doc,
                    title=args.title,
                    year=args.year,
                    kind=args.kind,
                    source_name=Path(name).name,
                )
            except ReaderError as exc:
                _error(str(exc))
                failures += 1
                continue
            results.append({"id": doc_id, "file": name, "created": created})
    if args.json:
        _print_json({"imported": results})
    else:
        for result in results:
            print(result["id"])
    return EXIT_ERROR if failures else EXIT_OK


def _info_json(info) -> dict:
    return {
        "id": info.id,
        "title": info.title,
        "year": info.year,
        "kind": info.kind,
        "script": info.script,
        "language": info.language,
        "source_name": info.source_name,
        "characters": info.char_count,
    }


def cmd_list(args: argparse.Namespace) -> int:
    with _open_library(args) as library:
        infos = library.documents()
    if args.json:
        _print_json({"documents": [_info_json(info) for info in infos]})
        return EXIT_OK
    for info in infos:
        year = info.year if info.year is not None else "----"
        print(f"{info.id:>4}  {year}  {info.kind:<10}  {info.script:<11}  {info.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    doc = _load_document(args, args.doc)
    if args.script:
        doc = _converted_document(doc, args.script)
    if args.json:
        _print_json(
            {
                "title": doc.title,
                "year": doc.year,
                "script": doc.script,
                "language": doc.language,
                "encoding": doc.encoding,
                "text": doc.text,
                "blocks": [block.to_json() for block in doc.blocks],
            }
        )
    elif args.blocks:
        for block in doc.blocks:
            print(f"[{block.kind} {block.level} {block.lang}] {block.text}")
    else:
        print(doc.text)
    return EXIT_OK


def _converted_document(doc, config: str):
    """The document in another script: text and block offsets mapped through the conversion."""
    from dataclasses import replace

    conversion = _convert(doc.text, config)
    offsets = conversion.offsets
    blocks = []
    for block in doc.blocks:
        start, end = offsets.span_to_converted(block.start, block.end)
        blocks.append(replace(block, text=conversion.text[start:end], start=start, end=end))
    return replace(doc, text=conversion.text, blocks=tuple(blocks))


def _convert(text: str, config: str):
    from reader.core.convert import convert_text

    try:
        return convert_text(text, config)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_convert(args: argparse.Namespace) -> int:
    from reader.core.decode import decode_bytes

    if args.file:
        data = _read_file_bytes(args.file)
        name = args.file
    else:
        data = sys.stdin.buffer.read()
        name = "standard input"
    # Blank input converts to itself; decode_bytes refuses it only because a blank report is an error.
    text = decode_bytes(data, name)[0] if data.strip() else data.decode("utf-8", "replace")
    sys.stdout.write(_convert(text, args.config).text)
    sys.stdout.flush()
    return EXIT_OK


def _read_file_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def cmd_extract(args: argparse.Namespace) -> int:
    from reader.core.extraction import extract

    items = extract(_load_document(args, args.doc), args.command)
    if args.json:
        _print_json({args.command: [item.to_json() for item in items]})
        return EXIT_OK
    for item in items:
        print(_describe(args.command, item))
    if not items:
        # Said on stderr so a pipe still gets nothing, and not an error: a commentary has no targets.
        print(f"report-reader: no {_NOTHING_FOUND[args.command]} in {args.doc}", file=sys.stderr)
    return EXIT_OK


_NOTHING_FOUND = {
    "targets": "main-targets sentence (主要预期目标)",
    "tasks": "tasks section (政府工作任务) or numbered task summary",
    "figures": "numbers with units",
    "terms": "policy terms from the dictionary",
}


def _describe(kind: str, item) -> str:
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


def cmd_remove(args: argparse.Namespace) -> int:
    with _open_library(args) as library:
        info = library.remove(args.doc)
    if args.json:
        _print_json({"removed": _info_json(info)})
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from reader.ui.app import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="report-reader",
        description="Read, compare and annotate China's Government Work Reports.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library file (default: $REPORT_READER_LIBRARY or the platform data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", parents=[common], help="open the reader window (the default)")
    p.add_argument("--doc", type=int, help="document id to open")
    p.add_argument("--screenshot", metavar="PNG", help="lay out the window, save a PNG and exit")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("import", parents=[common], help="add files to the library; prints their ids")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--title", help="title (default: guessed from the text)")
    p.add_argument("--year", type=int, help="year the report is for (default: guessed)")
    p.add_argument("--kind", choices=["report", "summary", "commentary", "other"], help="kind of document")
    p.add_argument("--json", action="store_true", help="print JSON with file names and whether each was new")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[common], help="list the library's documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[common], help="print a document's normalised text or blocks")
    p.add_argument("doc", metavar="DOC|FILE", help="a library id (digits) or a file path (use ./2024 for a file named 2024)")
    p.add_argument("--blocks", action="store_true", help="one line per block with its kind and level")
    p.add_argument("--script", metavar="CFG", help="show it converted with an OpenCC config (s2t, t2s, s2hk …)")
    p.add_argument("--json", action="store_true", help='{"blocks": [{"id","kind","level","text","start","end","lang"}, ...]}')
    p.set_defaults(func=cmd_show)

    for name, help_text in (
        ("targets", "the year's main targets (主要预期目标), split into indicators"),
        ("tasks", "the tasks section as a tree: （一）…（十） and each paragraph's lead sentence"),
        ("figures", "every number with its unit and the clause it measures, past outcome or plan"),
        ("terms", "policy terms from the dictionary, found in either script"),
    ):
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("doc", metavar="DOC|FILE", help="a library id (digits) or a file path")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_extract)

    p = sub.add_parser("convert", help="convert text between scripts (stdin to stdout without FILE)")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--config", required=True, metavar="CFG", help="an OpenCC config: s2t, t2s, s2tw, s2twp, s2hk, tw2s, hk2s, …")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("remove", parents=[common], help="remove a document from the library")
    p.add_argument("doc", type=int, metavar="DOC")
    p.add_argument("--json", action="store_true", help="print what was removed")
    p.set_defaults(func=cmd_remove)
    return parser


def _command_first(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`report-reader --library X list` is `list --library X`; with no command, the window opens."""
    leading: list[str] = []
    while argv and argv[0].startswith("--library"):
        count = 1 if "=" in argv[0] else 2
        leading, argv = leading + argv[:count], argv[count:]
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    if argv and argv[0] in commands:
        return [argv[0], *leading, *argv[1:]]
    if not leading and argv and argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["gui", *leading, *argv]  # `report-reader` and `report-reader --library X` open the window


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = _command_first(list(sys.argv[1:] if argv is None else argv), parser)
    args = parser.parse_args(argv)
    if not hasattr(args, "library"):
        args.library = None
    try:
        return args.func(args)
    except ReaderError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `report-reader show 1 | head` closes stdout early; that is not an error.
        sys.stderr.close()
        return EXIT_OK
