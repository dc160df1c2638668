"""years: the main targets of every report in the library, year by year (a table, JSON, CSV,
Markdown or HTML)."""

from __future__ import annotations

import argparse
import json

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, emit, notice


def cmd_years(args: argparse.Namespace) -> int:
    from reader.export.years import RENDERERS, cell_text, legend
    from reader.ops.years import years_table

    with open_library(args) as library:
        table = years_table(library)
    if args.json:
        text = json.dumps(table.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif args.csv:
        text = RENDERERS["csv"](table)
    elif args.markdown:
        text = RENDERERS["markdown"](table)
    elif args.html:
        text = RENDERERS["html"](table)
    else:
        lines = ["\t".join(["indicator", *map(str, table.years)])]
        lines += ["\t".join([row.indicator, *(cell_text(row.cells.get(y)) for y in table.years)]) for row in table.rows]
        text = "\n".join(lines) + "\n" + legend() + "\n" if table.years else ""
        if not table.years:
            notice("no report or summary in the library states its main targets (主要预期目标)")
    emit(text, args.output, "the table")
    return EXIT_OK
