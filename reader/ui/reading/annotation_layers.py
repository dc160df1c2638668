"""Annotations painted in the reader: one layer per colour, overlapping marks merged."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat

from reader.store.annotations import COLORS, FILLS, Annotation

LAYER_PREFIX = "annotation:"
Z = 5  # above the extraction layers, below find matches and the mirrored selection

Span = tuple[int, int]


def layer_name(color: str) -> str:
    return LAYER_PREFIX + color


def highlight_format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fill = QColor(FILLS[color])
    fill.setAlpha(170)
    fmt.setBackground(fill)
    fmt.setForeground(QColor("#000000"))
    return fmt


def union(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans of one colour as one: the same paint, fewer selections."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def layers(annotations: Iterable[Annotation]) -> dict[str, tuple[list[Span], QTextCharFormat, int]]:
    """Every colour's layer (empty ones too, so a colour no longer used is cleared)."""
    by_color: dict[str, list[Span]] = {color: [] for color in COLORS}
    for a in annotations:
        if not a.orphaned:
            by_color[a.color].append((a.start, a.end))
    return {layer_name(c): (union(spans), highlight_format(c), Z) for c, spans in by_color.items()}
