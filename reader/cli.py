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

    if args.replace is not None:
        return _replace_document(args)
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


def _replace_document(args: argparse.Namespace) -> int:
    """`import --replace DOC FILE`: new text under the same id, every annotation placed again."""
    from reader.core.ingest import ingest_file

    (name,) = args.files
    doc = ingest_file(name)
    with _open_library(args) as library:
        report = library.replace(args.replace, doc)
    if args.json:
        _print_json(
            {
                "replaced": {
                    "id": args.replace,
                    "file": name,
                    "unchanged": report.unchanged,
                    "moved": list(report.moved),
                    "fuzzy": list(report.fuzzy),
                    "orphaned": list(report.orphaned),
                }
            }
        )
    else:
        print(_describe_reanchoring(args.replace, report))
    return EXIT_OK


def _describe_reanchoring(doc_id: int, report) -> str:
    total = report.unchanged + len(report.moved) + len(report.fuzzy) + len(report.orphaned)
    if not total:
        return f"document {doc_id}: text replaced; it has no annotations"
    noun = "annotation" if report.unchanged == 1 else "annotations"
    return (
        f"document {doc_id}: {report.unchanged} {noun} kept in place, {len(report.moved)} moved, "
        f"{len(report.fuzzy)} changed, {len(report.orphaned)} orphaned"
    )


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
    from reader.core.ingest import read_file

    if args.file:
        data = read_file(args.file)
        name = args.file
    else:
        data = sys.stdin.buffer.read()
        name = "standard input"
    # Blank input converts to itself; decode_bytes refuses it only because a blank report is an error.
    text = decode_bytes(data, name)[0] if data.strip() else data.decode("utf-8", "replace")
    sys.stdout.write(_convert(text, args.config).text)
    sys.stdout.flush()
    return EXIT_OK


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


def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.store.annotations import check_color

    color = check_color(args.color)  # a bad colour is refused before the library is opened
    with _open_library(args) as library, library.batch():  # the text cannot change between find and mark
        text = library.document(args.doc).text
        start, end = _quote_span(text, args.quote, args.occurrence, args.doc)
        annotation = library.add_annotation(args.doc, start, end, color=color, note=args.note, tags=args.tag)
    if args.json:
        _print_json(annotation.to_json())
    else:
        print(annotation.id)
    return EXIT_OK


def _quote_span(text: str, quote: str, occurrence: int, doc_id: int) -> tuple[int, int]:
    """The nth occurrence of quote as written if it occurs as written, else in either script.

    Counting only exact matches when there are some keeps --occurrence meaning what the user
    sees in their own script; 新质生产力 still finds 新質生產力 in a Traditional document.
    """
    from reader.core.anchoring import find_occurrence
    from reader.core.find import find_all

    if not quote.strip():
        raise UsageError("the quote is empty")
    if occurrence < 1:
        raise UsageError(f"--occurrence must be 1 or more, not {occurrence}")
    try:
        return find_occurrence(text, quote, occurrence)
    except ValueError:
        pass
    # str.count counts non-overlapping occurrences, as find_occurrence and find_all do.
    count = text.count(quote)
    spans = [] if count else find_all(text, quote)
    if occurrence <= len(spans):
        return spans[occurrence - 1]
    count = count or len(spans)
    if not count:
        raise NotFoundError(f"{quote!r} not found in document {doc_id}")
    times = "only 1 occurrence" if count == 1 else f"only {count} occurrences"
    raise NotFoundError(f"{times} of {quote!r} in document {doc_id}; there is no occurrence {occurrence}")


def cmd_annotations(args: argparse.Namespace) -> int:
    with _open_library(args) as library:
        items = library.annotations(args.doc, tag=args.tag, color=args.color, status=args.status)
    if args.json:
        _print_json({"annotations": [item.to_json() for item in items]})
        return EXIT_OK
    for item in items:
        print(_describe_annotation(item))
    if not items:
        print("report-reader: no annotations" + (" match" if args.tag or args.color or args.status else ""), file=sys.stderr)
    return EXIT_OK


_QUOTE_WIDTH = 30


def _describe_annotation(item) -> str:
    """id, document, colour, status, tags, 「quote」 and the note's first line, on one line."""
    quote = " ".join(item.quote.split())
    if len(quote) > _QUOTE_WIDTH:
        quote = quote[: _QUOTE_WIDTH - 1] + "…"
    tags = " ".join(f"#{tag}" for tag in item.tags) or "-"
    note = item.note.strip().split("\n", 1)[0].strip()
    line = f"{item.id:>4}  {item.doc_id:>4}  {item.color:<6}  {item.status:<8}  {tags}  「{quote}」"
    return f"{line}  {note}" if note else line


def cmd_tags(args: argparse.Namespace) -> int:
    with _open_library(args) as library:
        tags = library.tags()
    if args.json:
        _print_json({"tags": [{"name": tag.name, "count": tag.count} for tag in tags]})
        return EXIT_OK
    for tag in tags:
        print(f"{tag.count:>5}  {tag.name}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from reader.store.search import search

    if args.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {args.limit}")
    with _open_library(args) as library:
        hits = search(library, args.query, limit=args.limit, doc_id=args.doc)
    if args.json:
        _print_json({"results": [asdict(hit) for hit in hits]})
        return EXIT_OK
    for hit in hits:
        context = f"{hit.context[: hit.match_start]}【{hit.context[hit.match_start : hit.match_end]}】{hit.context[hit.match_end :]}"
        where = f"{hit.start:>6}" if hit.annotation_id is None else f"{hit.start:>6}  annotation {hit.annotation_id}"
        print(f"{hit.doc_id:>4}  {hit.title}  {where}  {context}")
    if not hits:
        print(f"report-reader: no matches for {args.query!r}", file=sys.stderr)
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

    p = sub.add_parser(
        "import",
        parents=[common],
        help="add files to the library (or --replace a document's text); prints their ids",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--replace",
        type=int,
        metavar="DOC",
        help="give document DOC the text of the one FILE, keeping its id and placing its annotations again",
    )
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

    p = sub.add_parser("annotate", parents=[common], help="mark a passage of a document; prints the annotation's id")
    p.add_argument("doc", type=int, metavar="DOC", help="a library id")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the passage, in either script (新质生产力 finds 新質生產力)")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="mark the Nth occurrence (default: the first)")
    p.add_argument("--color", default="yellow", metavar="C", help="yellow (default), red, green, blue or purple")
    p.add_argument("--note", default="", metavar="NOTE")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeat for more)")
    p.add_argument("--json", action="store_true", help="print the annotation as JSON")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("annotations", parents=[common], help="list annotations, of one document or all")
    p.add_argument("doc", type=int, nargs="?", metavar="DOC", help="a library id (default: every document)")
    p.add_argument("--tag", metavar="TAG", help="only those with this tag")
    p.add_argument("--color", metavar="C", help="only those of this colour")
    p.add_argument("--status", choices=["anchored", "orphaned"], help="only those placed on the text, or only orphaned ones")
    p.add_argument("--json", action="store_true", help='{"annotations": [{"id","doc_id","start","end","quote","color","note","tags","status", ...}]}')
    p.set_defaults(func=cmd_annotations)

    p = sub.add_parser("tags", parents=[common], help="list the tags with how many annotations carry each")
    p.add_argument("--json", action="store_true", help='{"tags": [{"name","count"}]}')
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("search", parents=[common], help="find text in documents and annotations, in either script")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--doc", type=int, metavar="DOC", help="search only this document")
    p.add_argument("--limit", type=int, default=200, metavar="N", help="at most N results (default: 200)")
    p.add_argument("--json", action="store_true", help='{"results": [{"kind","doc_id","title","annotation_id","start","end","context","match_start","match_end"}]}')
    p.set_defaults(func=cmd_search)
    return parser


def _check_usage(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Combinations argparse cannot express; misuse exits 2 with a usage message, as argparse does."""
    if getattr(args, "replace", None) is None:
        return
    parser = _subcommands(parser)["import"]
    if len(args.files) != 1:
        parser.error(f"import --replace takes one DOC and one FILE, not {len(args.files)} files")
    given = [f"--{name}" for name in ("title", "year", "kind") if getattr(args, name) is not None]
    if given:
        parser.error(f"import --replace keeps the document's catalogue entry; {', '.join(given)} cannot be used with it")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices


def _command_first(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`report-reader --library X list` is `list --library X`; with no command, the window opens."""
    leading: list[str] = []
    while argv and argv[0].startswith("--library"):
        count = 1 if "=" in argv[0] else 2
        leading, argv = leading + argv[:count], argv[count:]
    commands = _subcommands(parser)
    if argv and argv[0] in commands:
        return [argv[0], *leading, *argv[1:]]
    if not leading and argv and argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["gui", *leading, *argv]  # `report-reader` and `report-reader --library X` open the window


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = _command_first(list(sys.argv[1:] if argv is None else argv), parser)
    args = parser.parse_args(argv)
    _check_usage(args, parser)
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
