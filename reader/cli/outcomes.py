"""outcomes: each reviewed year's targets beside the outcomes the next report states (a table,
JSON, CSV or Markdown)."""

from __future__ import annotations

import argparse
import json

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, emit, notice


def cmd_outcomes(args: argparse.Namespace) -> int:
    from reader.export.outcomes import RENDERERS, outcome_text, target_text
    from reader.ops.outcomes import outcome_rows

    with open_library(args) as library:
        rows = outcome_rows(library)
    if args.json:
        text = json.dumps({"rows": [row.to_json() for row in rows]}, ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        text = RENDERERS["csv"](rows)
    elif args.markdown:
        text = RENDERERS["markdown"](rows)
    else:
        lines = ["\t".join(["year", "indicator", "target", "outcome", "verdict"])]
        lines += ["\t".join([str(r.year), r.indicator, target_text(r), outcome_text(r), r.verdict]) for r in rows]
        text = "\n".join(lines) + "\n" if rows else ""
        if not rows:
            notice("no report or summary in the library reviews the year before it (工作回顾)")
    emit(text, args.output, "the table")
    return EXIT_OK
