"""Library documents: import (and --replace), list, show, remove; convert text between scripts."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from reader.cli.context import load_document, open_library
from reader.cli.output import EXIT_ERROR, EXIT_OK, error, notice, print_json
from reader.core.convert import Conversion
from reader.core.model import Block, Blocks, Document
from reader.core.pages import cite_pages
from reader.errors import UsageError
from reader.store.annotations import ReanchorReport
from reader.store.library import DocumentInfo


def cmd_import(args: argparse.Namespace) -> int:
    from reader.ops.documents import add_documents, ingest_files

    if args.replace is not None:
        return _replace_document(args)
    ingested = ingest_files(args.files)
    for item in ingested:
        if item.error:
            error(item.error)
        for warning in item.warnings:
            notice(f"{Path(item.path).name}: {warning}")
    with open_library(args) as library:
        added, _changes = add_documents(library, ingested, title=args.title, year=args.year, kind=args.kind)
    if args.json:
        print_json({"imported": [{"id": a.id, "file": a.path, "created": a.created} for a in added]})
    else:
        for a in added:
            print(a.id)
    return EXIT_ERROR if any(item.error for item in ingested) else EXIT_OK


def _replace_document(args: argparse.Namespace) -> int:
    """`import --replace DOC FILE`: new text under the same id, every annotation placed again."""
    from reader.ops.documents import replace_document

    (name,) = args.files
    with open_library(args) as library:
        report, _changes = replace_document(library, args.replace, name)
    if args.json:
        print_json(
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
        print(describe_reanchoring(args.replace, report))
    return EXIT_OK


def describe_reanchoring(doc_id: int, report: ReanchorReport) -> str:
    total = report.unchanged + len(report.moved) + len(report.fuzzy) + len(report.orphaned)
    if not total:
        return f"document {doc_id}: text replaced; it has no annotations"
    noun = "annotation" if report.unchanged == 1 else "annotations"
    return (
        f"document {doc_id}: {report.unchanged} {noun} kept in place, {len(report.moved)} moved, "
        f"{len(report.fuzzy)} changed, {len(report.orphaned)} orphaned"
    )


def info_json(info: DocumentInfo) -> dict[str, object]:
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
    with open_library(args) as library:
        infos = library.documents()
    if args.json:
        print_json({"documents": [info_json(info) for info in infos]})
        return EXIT_OK
    for info in infos:
        year = info.year if info.year is not None else "----"
        print(f"{info.id:>4}  {year}  {info.kind:<10}  {info.script:<11}  {info.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    doc = load_document(args, args.doc)
    for warning in doc.warnings:  # a file read now (stored documents carry none)
        notice(f"{Path(args.doc).name}: {warning}")
    if args.script:
        doc = converted_document(doc, args.script)
    if args.json:
        print_json(
            {
                "title": doc.title,
                "year": doc.year,
                "script": doc.script,
                "language": doc.language,
                "encoding": doc.encoding,
                "text": doc.text,
                **({"page_labels": list(doc.page_labels)} if doc.page_labels else {}),
                "blocks": [block.to_json() for block in doc.blocks],
            }
        )
    elif args.blocks:
        for block in doc.blocks:
            pages = f" {cite_pages(block.page_start, block.page_end)}" if block.page_start else ""
            print(f"[{block.kind} {block.level} {block.lang}{pages}] {block.text}")
    else:
        print(doc.text)
    return EXIT_OK


def converted_document(doc: Document, config: str) -> Document:
    """The document in another script: text and block offsets mapped through the conversion."""
    conversion = convert(doc.text, config)
    offsets = conversion.offsets

    def converted(block: Block) -> Block:
        start, end = offsets.span_to_converted(block.start, block.end)
        return replace(block, text=conversion.text[start:end], start=start, end=end)

    return replace(doc, text=conversion.text, blocks=Blocks.from_blocks(conversion.text, map(converted, doc.blocks)))


def convert(text: str, config: str) -> Conversion:
    from reader.core.convert import convert_text

    try:
        return convert_text(text, config)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_convert(args: argparse.Namespace) -> int:
    from reader.core.decode import MAX_INPUT_BYTES, decode_report
    from reader.core.ingest import read_file

    if args.file:
        data = read_file(args.file, limit=MAX_INPUT_BYTES)
        name = args.file
    else:
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)  # decode_report refuses more
        name = "standard input"
    # Blank input converts to itself; decode_report refuses it only because a blank report is an error.
    text = data.decode("utf-8", "replace")
    if data.strip():
        decoded = decode_report(data, name, min_content=1)  # a word or two converts too
        text = decoded.text
        if decoded.warning:
            notice(f"{name}: {decoded.warning}")
    sys.stdout.write(convert(text, args.config).text)
    sys.stdout.flush()
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    from reader.ops.documents import remove_document

    with open_library(args) as library:
        removed, _changes = remove_document(library, args.doc)
    if args.json:
        print_json({"removed": info_json(removed.info)})
    return EXIT_OK
