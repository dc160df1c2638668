"""The command line's grammar: every command, its arguments and help, and argv normalisation."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from reader import __version__


def _command(module: str, function: str) -> Callable[[argparse.Namespace], int]:
    """A command's function, its module imported only when that command runs: `report-reader
    gui` need not load the compare, export and search code (and what they import) first."""

    def run(args: argparse.Namespace) -> int:
        command: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(f"reader.cli.{module}"), function)
        return command(args)

    run.__name__ = function
    return run


# Every command, in the order --help lists them (a test holds this to the parser).
COMMANDS = (
    "gui", "import", "list", "show", "targets", "tasks", "figures", "terms", "compare", "convert", "remove",
    "annotate", "annotations", "export", "import-annotations", "tags", "search", "backup", "restore", "years",
    "carry", "timeline", "outcomes",
)


def opens_window(argv: list[str]) -> bool:
    """Whether argv runs `gui` (named, or by default): then the other commands' grammar, ~7 ms of
    argparse on the way to the window, need not be built."""
    while argv and argv[0].startswith("--library"):
        argv = argv[1 if "=" in argv[0] else 2 :]
    if not argv:
        return True
    return argv[0] == "gui" or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"))


def _output_option(p: argparse.ArgumentParser) -> None:
    """-o FILE, for the commands whose whole result is one text (see cli.output.emit)."""
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="the file to write; - (the default) is standard output")


def build_parser(*, window_only: bool = False) -> argparse.ArgumentParser:
    """The whole grammar; with window_only, the program's options and `gui` alone."""
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
    p.set_defaults(func=_command("gui", "cmd_gui"))
    if window_only:
        return parser

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
    p.set_defaults(func=_command("documents", "cmd_import"))

    p = sub.add_parser("list", parents=[common], help="list the library's documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command("documents", "cmd_list"))

    p = sub.add_parser("show", parents=[common], help="print a document's normalised text or blocks")
    p.add_argument("doc", metavar="DOC|FILE", help="a library id (digits) or a file path (use ./2024 for a file named 2024)")
    p.add_argument("--blocks", action="store_true", help="one line per block with its kind and level")
    p.add_argument("--script", metavar="CFG", help="show it converted with an OpenCC config (s2t, t2s, s2hk …)")
    p.add_argument("--json", action="store_true", help='{"blocks": [{"id","kind","level","text","start","end","lang"}, ...]}')
    p.set_defaults(func=_command("documents", "cmd_show"))

    for name, help_text in (
        ("targets", "the year's main targets (主要预期目标), split into indicators"),
        ("tasks", "the tasks section as a tree: （一）…（十） and each paragraph's lead sentence"),
        ("figures", "every number with its unit and the clause it measures, past outcome or plan"),
        ("terms", "policy terms from the dictionary, found in either script"),
    ):
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("doc", metavar="DOC|FILE", help="a library id (digits) or a file path")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=_command("extract", "cmd_extract"))

    p = sub.add_parser(
        "compare",
        parents=[common],
        help="compare two reports (e.g. two years): paragraphs, targets and terms",
        description=(
            "Compare report A (the earlier, left) with report B. Without a format option, print a short summary. "
            '--json prints {"targets": [{"key","indicator","a","b","change","direction"}], '
            '"blocks": [{"a","b","kind","similarity"}], "terms": {"added","removed","changed": [{"term","a","b"}]}}: '
            "a and b in blocks index each document's blocks as `show --blocks --json` lists them (null for a block "
            'only one side has); kind is same, changed, moved, added, removed, split or merged; a split is one entry '
            'per part, (a, b1) and (a, b2), both with kind "split" (a merge likewise, (a1, b) and (a2, b)).'
        ),
    )
    p.add_argument("a", metavar="A", help="a library id (digits) or a file path: the earlier report")
    p.add_argument("b", metavar="B", help="a library id (digits) or a file path: the later report")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="targets, aligned blocks and terms as JSON (see above)")
    form.add_argument("--markdown", action="store_true", help="a brief to paste: targets table, terms, changed paragraphs")
    form.add_argument("--html", action="store_true", help="the same brief as a self-contained web page")
    _output_option(p)
    p.add_argument(
        "--ignore",
        metavar="WHAT",
        default="",
        help="differences to ignore, comma-separated: punctuation, whitespace, numbers",
    )
    p.set_defaults(func=_command("compare", "cmd_compare"))

    p = sub.add_parser("convert", help="convert text between scripts (stdin to stdout without FILE)")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--config", required=True, metavar="CFG", help="an OpenCC config: s2t, t2s, s2tw, s2twp, s2hk, tw2s, hk2s, …")
    p.set_defaults(func=_command("documents", "cmd_convert"))

    p = sub.add_parser("remove", parents=[common], help="remove a document from the library")
    p.add_argument("doc", type=int, metavar="DOC")
    p.add_argument("--json", action="store_true", help="print what was removed")
    p.set_defaults(func=_command("documents", "cmd_remove"))

    p = sub.add_parser("annotate", parents=[common], help="mark a passage of a document; prints the annotation's id")
    p.add_argument("doc", type=int, metavar="DOC", help="a library id")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the passage, in either script (新质生产力 finds 新質生產力)")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="mark the Nth occurrence (default: the first)")
    p.add_argument("--color", default="yellow", metavar="C", help="yellow (default), red, green, blue or purple")
    p.add_argument("--note", default="", metavar="NOTE")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeat for more)")
    p.add_argument("--json", action="store_true", help="print the annotation as JSON")
    p.set_defaults(func=_command("annotate", "cmd_annotate"))

    p = sub.add_parser("annotations", parents=[common], help="list annotations, of one document or all")
    p.add_argument("doc", type=int, nargs="?", metavar="DOC", help="a library id (default: every document)")
    p.add_argument("--tag", metavar="TAG", help="only those with this tag")
    p.add_argument("--color", metavar="C", help="only those of this colour")
    p.add_argument("--status", choices=["anchored", "orphaned"], help="only those placed on the text, or only orphaned ones")
    p.add_argument(
        "--json",
        action="store_true",
        help='{"annotations": [{"id","doc_id","start","end","quote","color","note","tags","status", ...}]}',
    )
    p.set_defaults(func=_command("annotate", "cmd_annotations"))

    p = sub.add_parser(
        "export", parents=[common], help="write annotated highlights as Markdown, CSV, Readwise CSV, W3C JSON, HTML or Word"
    )
    p.add_argument("docs", type=int, nargs="*", metavar="DOC", help="library ids (default: the whole library)")
    p.add_argument("--format", "-f", required=True, metavar="F", help="md, csv, readwise, json, html or docx")
    p.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="the file to write; - (the default) is standard output, for text formats"
    )
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only highlights with this tag (repeat: any of them)")
    p.add_argument("--color", action="append", default=[], metavar="C", help="only highlights of this colour (repeat: any of them)")
    p.add_argument("--status", choices=["anchored", "orphaned"], help="only placed or only orphaned highlights")
    p.add_argument("--since", metavar="DATE", help="only highlights made on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only highlights made on or before DATE (YYYY-MM-DD)")
    p.add_argument("--script", metavar="CFG", help="write quotes converted with an OpenCC config (t2s, s2t, s2hk …)")
    p.add_argument("--with-extracted", action="store_true", help="add each document's targets and tasks as a section")
    p.set_defaults(func=_command("exporting", "cmd_export"))

    p = sub.add_parser(
        "import-annotations", parents=[common], help="bring annotations back from W3C Web Annotation JSON (ours or e.g. Hypothesis's)"
    )
    p.add_argument("file", metavar="FILE", help="the JSON file (- for standard input)")
    p.add_argument("--doc", type=int, metavar="DOC", help="put every annotation on this document instead of matching by source")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_command("exporting", "cmd_import_annotations"))

    p = sub.add_parser("tags", parents=[common], help="list the tags with how many annotations carry each")
    p.add_argument("--json", action="store_true", help='{"tags": [{"name","count"}]}')
    p.set_defaults(func=_command("annotate", "cmd_tags"))

    p = sub.add_parser("search", parents=[common], help="find text in documents and annotations, in either script")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--doc", type=int, metavar="DOC", help="search only this document")
    p.add_argument("--limit", type=int, default=200, metavar="N", help="at most N results (default: 200)")
    p.add_argument(
        "--json",
        action="store_true",
        help='{"results": [{"kind","doc_id","title","annotation_id","start","end","context","match_start","match_end"}]}',
    )
    p.set_defaults(func=_command("search", "cmd_search"))

    p = sub.add_parser("backup", parents=[common], help="copy the library (safe while it is in use); prints the copy's path")
    p.add_argument(
        "dest", nargs="?", metavar="DEST", help="a file, or a folder for a dated copy (default: the backups folder beside the library)"
    )
    p.add_argument("--json", action="store_true", help='{"backup": PATH}')
    p.set_defaults(func=_command("backup", "cmd_backup"))

    p = sub.add_parser(
        "restore", parents=[common], help="replace the library with a backup, once the backup passes SQLite's integrity check"
    )
    p.add_argument("backup", metavar="BACKUP", help="the backup file; the library as it was is kept in its backups folder")
    p.add_argument("--json", action="store_true", help='{"library", "restored_from", "previous"}')
    p.set_defaults(func=_command("backup", "cmd_restore"))

    p = sub.add_parser(
        "years",
        parents=[common],
        help="the main targets of every report in the library, year by year, with what changed",
        description=(
            "One row per indicator, one column per year, from the reports and summaries that state main targets "
            '(commentaries never count). --json prints {"years": [2022, ...], "rows": [{"key", "indicator", "cells": '
            '{"2024": {"value", "value_max", "unit", "qualifier", "text", "change", "doc", "start", "end"}}}]}; change is '
            "raised, lowered, same, new, dropped or reworded against the previous year with the row (null in the first "
            'year); a cell where two documents of its year differ also has "conflict": every version with its source.'
        ),
    )
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="the table as JSON (see above)")
    form.add_argument("--csv", action="store_true", help="one row per indicator, each year's figure and change")
    form.add_argument("--markdown", action="store_true", help="a Markdown table with ↑ ↓ = new dropped ~ markers")
    form.add_argument("--html", action="store_true", help="the same table as a self-contained web page")
    _output_option(p)
    p.set_defaults(func=_command("years", "cmd_years"))

    p = sub.add_parser(
        "carry",
        parents=[common],
        help="carry report A's annotations onto report B (e.g. last year's onto this year's)",
        description=(
            "Place each annotation of A on B through the two reports' alignment: kept (the passage is in B as it was), "
            "changed (reworded: both wordings kept) or dropped (no counterpart; listed, not placed). The new annotations "
            "keep note, tags and colour and remember the annotation they came from; annotations carried before are "
            'skipped, so carrying twice adds nothing. --json prints {"dry_run", "carried": [{"from", "to", "status", '
            '"before", "after"}], "already": [uuid, ...]}: from is A\'s annotation, to B\'s new one (null when dropped '
            "or in a dry run)."
        ),
    )
    p.add_argument("a", type=int, metavar="A", help="the document to carry annotations from (library id)")
    p.add_argument("b", type=int, metavar="B", help="the document to carry them onto (library id)")
    p.add_argument("--dry-run", action="store_true", help="list what would happen; write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON (see above)")
    p.set_defaults(func=_command("carry", "cmd_carry"))

    p = sub.add_parser(
        "timeline",
        parents=[common],
        help="how often terms occur in each year's reports, and what each year brought",
        description=(
            "Each term's occurrences in every year's reports (kind report; summaries and commentaries never count; two "
            "reports of one year are summed), on the Simplified fold so either script counts the same, raw and per "
            "10,000 Han characters, with its first and last year; then, per year after the first, the dictionary terms "
            'and frequent words no earlier year has. --json prints {"terms": [{"term", "years": {"2018": {"count", '
            '"per_10k"}}, "first", "last", "passages": [{"doc", "year", "start", "end", "text", "sentence"}]}], '
            '"new_by_year": {"2018": [...]}}.'
        ),
    )
    p.add_argument("terms", nargs="+", metavar="TERM", help="a word or phrase in either script (commas also separate terms)")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="the timeline as JSON (see above)")
    form.add_argument("--csv", action="store_true", help="one row per term and year: count, per_10k, characters")
    form.add_argument("--markdown", action="store_true", help="a Markdown table, a term a row, a year a column")
    p.add_argument("--no-new-words", action="store_true", help="skip each year's new words (faster: no word segmentation)")
    _output_option(p)
    p.set_defaults(func=_command("timeline", "cmd_timeline"))

    p = sub.add_parser(
        "outcomes",
        parents=[common],
        help="each year's targets beside the outcomes the next report's review states, with a verdict",
        description=(
            "One row per reviewed year and indicator: the year's target (null when that year's targets are not in the "
            "library), the outcome read from the next year's report or summary (its review, 工作回顾), and a verdict. "
            '--json prints {"rows": [{"key", "indicator", "year", "target": {"value", "value_max", "unit", "qualifier", '
            '"text", "doc", "start", "end"}|null, "outcome": {"value", "unit", "bound", "text", "doc", "start", "end", '
            '"sentence_start", "sentence_end"}|null, "verdict"}]}; verdict is within, above or below (a range or 左右: '
            "within 0.25 point for a rate, 5%% for a quantity), met or missed (以上, 以内, 以下) or unclear (no figure on "
            "either side)."
        ),
    )
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="the rows as JSON (see above)")
    form.add_argument("--csv", action="store_true", help="one row per year and indicator, with the source documents")
    form.add_argument("--markdown", action="store_true", help="a Markdown table: year, indicator, target, outcome, verdict")
    _output_option(p)
    p.set_defaults(func=_command("outcomes", "cmd_outcomes"))
    return parser


def check_usage(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
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


def command_first(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
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
