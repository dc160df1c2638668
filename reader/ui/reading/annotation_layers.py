"""Annotations painted in the reader: one fill layer per colour, overlapping marks merged, and a
wavy underline and a dot on the highlights that carry a note; the tooltip that shows the note.

The fills keep the theme's text colour: light fills under dark text in a light theme (the store's
FILLS), darker saturated fills under light text in a dark theme (DARK_FILLS here). Both keep a
contrast ratio of at least 4.5 with the text (tests/ui/test_annotation_display.py measures it).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTextCharFormat

from reader.store.annotations import COLORS, FILLS, Annotation
from reader.ui import theme
from reader.ui.reading.pane import BADGE_PROPERTY

LAYER_PREFIX = "annotation:"
NOTE_PREFIX = "annotation-note:"
Z = 5  # above the extraction layers, below find matches and the mirrored selection
NOTE_Z = Z + 1
LIGHT_ALPHA = 170  # FILLS over a white page: pale enough for black text



def color_name(color: str, label: str | None = None) -> str:
    """A colour as menus and filters show it: its name in the interface's language, and the
    name the reader gave it ("red — risk")."""
    names = {
        "yellow": QCoreApplication.translate("colors", "yellow"),
        "red": QCoreApplication.translate("colors", "red"),
        "green": QCoreApplication.translate("colors", "green"),
        "blue": QCoreApplication.translate("colors", "blue"),
        "purple": QCoreApplication.translate("colors", "purple"),
    }
    name = names.get(color, color)
    return f"{name} — {label}" if label else name


# Dark-theme fills: deep and saturated, so light text stays readable on them (≥ 5:1 on #e6e6e6).
DARK_FILLS = {
    "yellow": "#6B5800",
    "red": "#7F2432",
    "green": "#1D5C2C",
    "blue": "#1E4B80",
    "purple": "#5A2F80",
}
# The note mark: the highlight's hue, dark enough to see on a light fill / bright on a dark one.
MARKS = {
    "yellow": "#8A6D00",
    "red": "#B3261E",
    "green": "#1E7B34",
    "blue": "#1F5FB8",
    "purple": "#6E3FA3",
}
DARK_MARKS = {
    "yellow": "#FFD84D",
    "red": "#FF8A95",
    "green": "#7EE08F",
    "blue": "#8EC2FF",
    "purple": "#D0A6FF",
}

Span = tuple[int, int]


def layer_name(color: str) -> str:
    return LAYER_PREFIX + color


def note_layer_name(color: str) -> str:
    return NOTE_PREFIX + color


def _dark(dark: bool | None) -> bool:
    return theme.is_dark() if dark is None else dark


def fill(color: str, dark: bool | None = None) -> QColor:
    """How a colour is painted behind the text in the current (or the given) theme."""
    if _dark(dark):
        return QColor(DARK_FILLS[color])
    shade = QColor(FILLS[color])
    shade.setAlpha(LIGHT_ALPHA)
    return shade


def swatch(color: str, dark: bool | None = None) -> QColor:
    """The colour as an opaque swatch (the dock, the colour filter): what the page shows."""
    return QColor(DARK_FILLS[color]) if _dark(dark) else QColor(FILLS[color])


def highlight_format(color: str, dark: bool | None = None) -> QTextCharFormat:
    """A fill only: the text keeps the theme's colour (black text on a dark theme was unreadable)."""
    fmt = QTextCharFormat()
    fmt.setBackground(fill(color, dark))
    return fmt


def note_format(color: str, dark: bool | None = None) -> QTextCharFormat:
    """The mark of a highlight that carries a note: a wavy underline in the highlight's hue, and a
    dot of that hue after its last character (drawn by the pane)."""
    mark = QColor((DARK_MARKS if _dark(dark) else MARKS)[color])
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(mark)
    fmt.setProperty(BADGE_PROPERTY, mark)
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


def layers(annotations: Iterable[Annotation], dark: bool | None = None) -> dict[str, tuple[list[Span], QTextCharFormat, int]]:
    """Every colour's fill and note layers (empty ones too, so a colour no longer used is cleared),
    painted for the current theme unless `dark` says which."""
    dark = _dark(dark)
    fills: dict[str, list[Span]] = {color: [] for color in COLORS}
    notes: dict[str, list[Span]] = {color: [] for color in COLORS}
    for a in annotations:
        if not a.orphaned:
            fills[a.color].append((a.start, a.end))
            if a.note.strip():
                notes[a.color].append((a.start, a.end))
    out = {layer_name(c): (union(spans), highlight_format(c, dark), Z) for c, spans in fills.items()}
    out.update({note_layer_name(c): (union(spans), note_format(c, dark), NOTE_Z) for c, spans in notes.items()})
    return out


def tooltip(annotations: Iterable[Annotation], start: int, end: int, labels: dict[str, str] | None = None) -> str | None:
    """The notes and tags of the annotations over a span of the original text, as rich text for a
    tooltip; None when none there has a note or a tag."""
    labels = labels or {}
    parts = []
    for a in annotations:
        if a.orphaned or not (a.start < max(end, start + 1) and start < a.end) or not (a.note.strip() or a.tags):
            continue
        lines = []
        if a.note.strip():
            lines.append(html.escape(a.note.strip()).replace("\n", "<br>"))
        if a.tags:
            lines.append("<i>" + html.escape("  ".join(f"#{tag}" for tag in a.tags)) + "</i>")
        if a.color in labels:
            lines.append("<small>" + html.escape(labels[a.color]) + "</small>")
        parts.append("<br>".join(lines))
    return "<hr>".join(parts) if parts else None


def swatch_icon(colors: list[str], size: int = 14) -> QIcon:
    """A rounded swatch of one colour, or of several side by side ("all colours")."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    width = (size - 2) / max(1, len(colors))
    painter.setClipRect(QRectF(1, 1, size - 2, size - 2))
    for n, color in enumerate(colors):
        painter.setBrush(swatch(color))
        painter.drawRect(QRectF(1 + n * width, 1, width + 0.5, size - 2))
    painter.setClipping(False)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2)
    painter.end()
    return QIcon(pixmap)
