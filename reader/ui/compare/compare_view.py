"""Two documents side by side, joined by their alignment: kind tints, word changes, the link map
between the panes (as Meld's linkmap), change markers on the scroll bars, next / previous change.

Offsets the view takes or gives are of the DISPLAYED text of a side unless a name says stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QTextCharFormat
from PySide6.QtWidgets import QScrollBar, QWidget

from reader.core.compare.model import ADDED, CHANGED, MERGED, MOVED, REMOVED, SAME, SPLIT, BlockPair, Comparison
from reader.core.convert import OffsetMap, conversions, document_key
from reader.core.link import LEFT, RIGHT, Link
from reader.core.model import HEADING, Document
from reader.ui import fonts
from reader.ui.compare.display import DisplayLink, PendingLink
from reader.ui.reading.linked_panes import LinkedPanes
from reader.ui.reading.pane import ReaderPane, Span
from reader.ui.reading.typography import ReadingStyle

# Fills of each kind of block and band: soft enough to read black text on.
KIND_COLORS = {
    CHANGED: "#9ecbff",
    MOVED: "#d0b3ff",
    ADDED: "#a6e3a1",
    REMOVED: "#f5a3a3",
    SPLIT: "#ffd58a",
    MERGED: "#ffd58a",
    SAME: "#d9d9d9",
}
WORD_COLOR = "#ffb347"
KIND_LAYER = "compare:kind"
WORD_LAYER = "compare:words"


def tint(color: str, alpha: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fill = QColor(color)
    fill.setAlpha(alpha)
    fmt.setBackground(fill)
    return fmt


@dataclass(frozen=True, slots=True)
class Band:
    """One aligned pair as the link map drew it: y ranges on the left and right edges."""

    pair: BlockPair
    left: tuple[float, float]
    right: tuple[float, float]


class MarkerScrollBar(QScrollBar):
    """A vertical scroll bar that marks where the changes are, as an overview of the document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.markers: list[tuple[float, float, str]] = []  # (top fraction, bottom fraction, colour)

    def set_markers(self, markers: list[tuple[float, float, str]]) -> None:
        self.markers = markers
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self.markers:
            return
        painter = QPainter(self)
        height, width = self.height(), self.width()
        for top, bottom, color in self.markers:
            fill = QColor(color)
            fill.setAlpha(200)
            y = int(top * height)
            painter.fillRect(width - 5, y, 4, max(2, int((bottom - top) * height)), fill)
        painter.end()


class LinkMap(QWidget):
    """The curtain between the panes: a band from each block of A to its counterpart in B."""

    def __init__(self, view: CompareView) -> None:
        super().__init__(view)
        self.view = view
        self.painted: list[Band] = []
        self.setObjectName("link_map")

    def bands(self) -> list[Band]:
        """The bands for the pairs on screen, in this widget's coordinates."""
        comparison = self.view.comparison()
        if comparison is None:
            return []
        left, right = self.view.panes
        height = self.height()
        out = []
        last = (0.0, 0.0)
        for pair in comparison.blocks:
            ly = self._extent(left, pair.a) if pair.a else (last[0], last[0])
            ry = self._extent(right, pair.b) if pair.b else (last[1], last[1])
            last = (ly[1], ry[1])
            if (ly[1] < 0 and ry[1] < 0) or (ly[0] > height and ry[0] > height):
                continue
            if pair.kind == SAME:
                continue  # same text needs no band: the eye follows the level panes
            out.append(Band(pair, ly, ry))
        return out

    def _extent(self, pane: ReaderPane, numbers: tuple[int, ...]) -> tuple[float, float]:
        document = pane.document()
        first = document.findBlockByNumber(numbers[0])
        last = document.findBlockByNumber(numbers[-1])
        offset = pane.contentOffset()
        top = pane.blockBoundingGeometry(first).translated(offset).top()
        bottom = pane.blockBoundingGeometry(last).translated(offset).bottom()
        origin = self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
        return top + origin, bottom + origin

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = float(self.width())
        self.painted = self.bands()
        for band in self.painted:
            (l0, l1), (r0, r1) = band.left, band.right
            path = QPainterPath(QPointF(0, l0))
            path.cubicTo(QPointF(width / 2, l0), QPointF(width / 2, r0), QPointF(width, r0))
            path.lineTo(QPointF(width, r1))
            path.cubicTo(QPointF(width / 2, r1), QPointF(width / 2, l1), QPointF(0, l1))
            path.closeSubpath()
            fill = QColor(KIND_COLORS[band.pair.kind])
            fill.setAlpha(150)
            painter.fillPath(path, fill)
            painter.setPen(QColor(KIND_COLORS[band.pair.kind]).darker(130))
            painter.drawPath(path)
        painter.end()


class CompareView(LinkedPanes):
    """Document A (left) and B (right), joined by their comparison once it is ready."""

    comparison_shown = Signal()
    # Index into comparison.changes() of the change now at the top, -1 for none.
    current_change_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_view")
        self._documents: tuple[Document, Document] | None = None
        self._display: tuple[str, str] = ("", "")
        self._maps: tuple[OffsetMap | None, OffsetMap | None] = (None, None)
        self._comparison: Comparison | None = None
        self._current = -1
        self._style = ReadingStyle()
        self.link_map = LinkMap(self)
        self.set_middle(self.link_map)
        self.scroll_bars: list[MarkerScrollBar] = []
        for side, pane in enumerate(self.panes):
            bar = MarkerScrollBar(pane)
            pane.setVerticalScrollBar(bar)
            bar.valueChanged.connect(lambda _value, side=side: self._on_scrolled(side))
            bar.valueChanged.connect(self.link_map.update)
            self.scroll_bars.append(bar)
            pane.resized.connect(self.link_map.update)

    # -- documents and comparison ---------------------------------------------------------

    def comparison(self) -> Comparison | None:
        return self._comparison

    def documents(self) -> tuple[Document, Document] | None:
        return self._documents

    def set_documents(self, a: Document, b: Document, titles: tuple[str, str], display: tuple[str, str] = ("", "")) -> None:
        """Show both texts at once (each converted with its display config, "" for as stored);
        the alignment follows with set_comparison."""
        self._documents = (a, b)
        self._display = display
        self._comparison = None
        self._current = -1
        self._layers.clear()
        texts: list[str] = []
        maps: list[OffsetMap | None] = []
        for document, config in zip((a, b), display, strict=True):
            if config:
                conversion = conversions.get(document_key(document), document.text, config)
                texts.append(conversion.text)
                maps.append(conversion.offsets)
            else:
                texts.append(document.text)
                maps.append(None)
        self._maps = (maps[0], maps[1])
        self._apply_fonts()
        headings = tuple([n for n, block in enumerate(d.blocks) if block.kind == HEADING] for d in (a, b))
        self.set_texts(texts[0], texts[1], PendingLink(), (headings[0], headings[1]))
        for header, title in zip(self.headers, titles, strict=True):
            header.setText(title)
        for bar in self.scroll_bars:
            bar.set_markers([])
        self.link_map.update()

    def pane_script(self, side: int) -> str:
        """The script a side shows (reader.ui.fonts), which picks its font: the display
        config's target, or the document's own script when shown as stored."""
        if self._documents is None:
            return fonts.SIMPLIFIED
        document, config = self._documents[side], self._display[side]
        return fonts.script_of_config(config) if config else fonts.script_of_document(document.script, document.language)

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Face, line height and paragraph spacing of both panes, as in the reader."""
        self._style = style
        for pane in self.panes:
            pane.set_reading_style(style)
        self._apply_fonts()
        self.link_map.update()

    def _apply_fonts(self) -> None:
        for side, pane in enumerate(self.panes):
            fonts.set_pane_font(pane, self.pane_script(side), self._style.face)

    def set_comparison(self, comparison: Comparison, inner: Link) -> None:
        """The alignment has arrived: tint, mark words, link the panes and draw the bands."""
        self._comparison = comparison
        self._current = -1
        self.set_link(DisplayLink(inner, self._maps))
        self._paint_kinds()
        self._mark_scroll_bars()
        self.link_map.update()
        self.comparison_shown.emit()

    def display_link(self) -> DisplayLink | None:
        link = self.link()
        return link if isinstance(link, DisplayLink) else None

    def to_displayed(self, side: int, start: int, end: int) -> Span:
        offsets = self._maps[side]
        return (start, end) if offsets is None else offsets.span_to_converted(start, end)

    def to_stored(self, side: int, start: int, end: int) -> Span:
        offsets = self._maps[side]
        return (start, end) if offsets is None else offsets.span_to_original(start, end)

    def _block_span(self, side: int, number: int) -> Span:
        assert self._documents is not None
        block = self._documents[side].blocks[number]
        return self.to_displayed(side, block.start, block.end)

    def _paint_kinds(self) -> None:
        comparison = self._comparison
        assert comparison is not None
        kinds: dict[tuple[int, str], list[Span]] = {}
        words: tuple[list[Span], list[Span]] = ([], [])
        for pair in comparison.blocks:
            if pair.kind == SAME:
                continue
            for side, numbers in ((LEFT, pair.a), (RIGHT, pair.b)):
                kinds.setdefault((side, pair.kind), []).extend(self._block_span(side, n) for n in numbers)
            for change in pair.words:
                if change.a_end > change.a_start:
                    words[LEFT].append(self.to_displayed(LEFT, change.a_start, change.a_end))
                if change.b_end > change.b_start:
                    words[RIGHT].append(self.to_displayed(RIGHT, change.b_start, change.b_end))
        for pane in self.panes:
            pane.hold_layers(True)
        try:
            for (side, kind), spans in kinds.items():
                self.set_span_layer(f"{KIND_LAYER}:{kind}:{side}", spans, tint(KIND_COLORS[kind], 70), -10, side=side, mirrored=False)
            for side in (LEFT, RIGHT):
                self.set_span_layer(f"{WORD_LAYER}:{side}", words[side], tint(WORD_COLOR, 150), -5, side=side, mirrored=False)
        finally:
            for pane in self.panes:
                pane.hold_layers(False)

    def _mark_scroll_bars(self) -> None:
        comparison = self._comparison
        assert comparison is not None
        for side, bar in enumerate(self.scroll_bars):
            count = max(1, self.panes[side].document().blockCount())
            markers = []
            for pair in comparison.changes():
                numbers = pair.a if side == LEFT else pair.b
                if numbers:
                    markers.append((numbers[0] / count, (numbers[-1] + 1) / count, KIND_COLORS[pair.kind]))
            bar.set_markers(markers)

    # -- stepping through changes ---------------------------------------------------------

    def change_count(self) -> int:
        return len(self._comparison.changes()) if self._comparison else 0

    def current_change(self) -> int:
        return self._current

    def next_change(self) -> None:
        self._step(1)

    def previous_change(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        changes = self._comparison.changes() if self._comparison else []
        if not changes:
            return
        if self._current < 0:
            top = self.top_block_number(LEFT)
            after = [n for n, pair in enumerate(changes) if (pair.a[0] if pair.a else -1) >= top]
            self._current = after[0] if delta > 0 and after else (len(changes) - 1 if delta < 0 else 0)
        else:
            self._current = max(0, min(len(changes) - 1, self._current + delta))
        self.show_change(self._current)

    def show_change(self, index: int) -> None:
        """Put change `index` near the top of both panes (each side at its own block of the pair)."""
        assert self._comparison is not None
        pair = self._comparison.changes()[index]
        self._current = index
        self._syncing = True  # place both panes ourselves: each at its block of this pair
        try:
            if pair.a:
                self.panes[LEFT].scroll_to_block(max(0, pair.a[0] - 1))
            if pair.b:
                self.panes[RIGHT].scroll_to_block(max(0, pair.b[0] - 1))
        finally:
            self._syncing = False
        if not pair.a:
            self.sync_from(RIGHT)
        elif not pair.b:
            self.sync_from(LEFT)
        self.link_map.update()
        self.current_change_changed.emit(index)

