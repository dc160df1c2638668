"""carry A B: place report A's annotations on report B (kept, changed, dropped)."""

from __future__ import annotations

import argparse
from typing import TypedDict

from reader.cli.context import open_library
from reader.cli.output import EXIT_OK, print_json
from reader.ops.carry import CHANGED, DROPPED, KEPT, CarryPlan

_QUOTE_WIDTH = 30


# "from" is a keyword: the functional form. to is null when dropped or in a dry run.
CarriedJson = TypedDict("CarriedJson", {"from": str, "to": str | None, "status": str, "before": str, "after": str})


def cmd_carry(args: argparse.Namespace) -> int:
    from reader.ops.carry import apply_carry, plan_carry

    with open_library(args) as library:
        plan = plan_carry(library, args.a, args.b)
        written: dict[str, str] = {}
        if not args.dry_run:
            carried, _changes = apply_carry(library, plan)
            written = {origin.source_uuid: annotation.uuid for annotation, origin in carried}
    if args.json:
        rows: list[CarriedJson] = [
            {
                "from": item.source.uuid,
                "to": written.get(item.source.uuid),
                "status": item.status,
                "before": item.placement.before,
                "after": item.placement.after,
            }
            for item in plan.items
        ]
        print_json({"dry_run": bool(args.dry_run), "carried": rows, "already": list(plan.already)})
        return EXIT_OK
    print(summary(plan, dry_run=args.dry_run))
    for item in plan.items:
        print(
            f"{item.status:<8} 「{_short(item.placement.before)}」"
            + (f" → 「{_short(item.placement.after)}」" if item.status == CHANGED else "")
        )
    return EXIT_OK


def summary(plan: CarryPlan, *, dry_run: bool) -> str:
    counts = plan.counts()
    verb = "would carry" if dry_run else "carried"
    line = (
        f"{verb} {counts[KEPT] + counts[CHANGED]} of {len(plan.items) + len(plan.already)} annotations "
        f"from {plan.a_id} to {plan.b_id}: {counts[KEPT]} kept, {counts[CHANGED]} changed, {counts[DROPPED]} dropped"
    )
    if plan.already:
        line += f", {len(plan.already)} already carried"
    return line


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_WIDTH else text[: _QUOTE_WIDTH - 1] + "…"
