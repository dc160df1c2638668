"""The main targets of two years side by side, matched by indicator key.

A target is SAME when its words are the same on the Simplified fold (国內生產總值增長5%左右 and
国内生产总值增长5%左右 are); CHANGED otherwise: RAISED or LOWERED when its figure or range moved
(compared by midpoint, in the same unit), REWORDED when the figure stayed and the wording or
qualifier did not (1.3万亿斤以上 → 1.3万亿斤左右). A key found only in A was REMOVED, only in B ADDED.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.core.compare.model import ADDED, CHANGED, LOWERED, RAISED, REMOVED, REWORDED, SAME, TargetChange
from reader.core.extracted import Target
from reader.core.find import fold_words


def diff_targets(a: Sequence[Target], b: Sequence[Target]) -> tuple[TargetChange, ...]:
    """Targets in B's order; one only in A follows the target that precedes it in A."""
    a_keys = _occurrences(a)
    b_keys = _occurrences(b)
    b_position = {key: n for n, key in enumerate(b_keys)}
    keyed: list[tuple[tuple[int, int, int], TargetChange]] = []
    running = -1
    for n, (key, target) in enumerate(zip(a_keys, a, strict=True)):
        if key in b_position:
            running = b_position[key]
            continue
        keyed.append(((running, 1, n), TargetChange(target.key, target.indicator, target, None, REMOVED)))
    a_by_key = dict(zip(a_keys, a, strict=True))
    for n, (key, target) in enumerate(zip(b_keys, b, strict=True)):
        before = a_by_key.get(key)
        change = _change(before, target) if before else TargetChange(target.key, target.indicator, None, target, ADDED)
        keyed.append(((n, 0, 0), change))
    keyed.sort(key=lambda item: item[0])
    return tuple(change for _, change in keyed)


def _occurrences(targets: Sequence[Target]) -> list[tuple[str, int]]:
    """(key, how many of that key came before): a report naming an indicator twice pairs in order."""
    seen: Counter[str] = Counter()
    out = []
    for target in targets:
        out.append((target.key, seen[target.key]))
        seen[target.key] += 1
    return out


def _change(a: Target, b: Target) -> TargetChange:
    if fold_words(a.text) == fold_words(b.text):
        return TargetChange(b.key, b.indicator, a, b, SAME)
    return TargetChange(b.key, b.indicator, a, b, CHANGED, direction(a, b))


def direction(a: Target, b: Target) -> str:
    """RAISED, LOWERED or REWORDED for two differently worded targets; "" when their figures
    cannot be set against each other (a figure on one side only, other units, a range around
    the same midpoint)."""
    if a.value is None and b.value is None:
        return REWORDED
    if a.value is None or b.value is None or fold_words(a.unit) != fold_words(b.unit):
        return ""
    a_range = (a.value, a.value if a.value_max is None else a.value_max)
    b_range = (b.value, b.value if b.value_max is None else b.value_max)
    if a_range == b_range:
        return REWORDED
    a_mid, b_mid = sum(a_range) / 2, sum(b_range) / 2
    if b_mid > a_mid:
        return RAISED
    if b_mid < a_mid:
        return LOWERED
    return ""
