"""timeline: how often terms occur in each year's reports (raw and per 10,000 characters), their
first and last year, and what each year brought (a table, JSON, CSV or Markdown)."""

from __future__ import annotations

import argparse
import json

from reader.cli.context import open_library
from reader.cli.output import EXIT_ERROR, EXIT_OK, emit, error, notice


def cmd_timeline(args: argparse.Namespace) -> int:
    from reader.core.timeline import split_terms
    from reader.export.timeline import RENDERERS, timeline_table
    from reader.ops.timeline import term_timeline

    terms = split_terms(args.terms)
    if not terms:
        error("no term given; name one or more, e.g. report-reader timeline 高质量发展 新常态")
        return EXIT_ERROR
    with open_library(args) as library:
        timeline = term_timeline(library, terms, new_words=not args.no_new_words)
    if args.json:
        text = json.dumps(timeline.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        text = RENDERERS["csv"](timeline)
    elif args.markdown:
        text = RENDERERS["markdown"](timeline)
    else:
        text = timeline_table(timeline)
        if not timeline.years:
            notice("no report with a year in the library (summaries and commentaries are not counted)")
    emit(text, args.output, "the timeline")
    return EXIT_OK
