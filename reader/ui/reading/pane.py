"""One read-only reader pane: plain text, named highlight layers, code-point spans at the edge.

Everything that crosses into or out of the pane is in code points of the pane's own text;
the pane converts to and from Qt's UTF-16 positions with its Utf16Index.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from reader.ui.reading.offsets import Utf16Index
from reader.ui.reading.typography import ReadingStyle, apply_style, install_layout

Span = tuple[int, int]
MUTED_COLOR = "#9a9a9a"
# A layer format carrying this property (a QColor) gets a small badge after each of its spans:
# the mark of a highlight with a note, visible in both panes however the layer is mapped.
BADGE_PROPERTY = QTextFormat.Property.UserProperty + 1


def background_format(color: str | QColor, foreground: str | QColor | None = "#000000") -> QTextCharFormat:
    """A highlight format; dark text on it keeps light highlights readable under dark themes."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color))
    if foreground is not None:
        fmt.setForeground(QColor(foreground))
    return fmt


class ReaderPane(QPlainTextEdit):
    """A read-only QPlainTextEdit whose extra selections are the union of named layers."""

    zoom_requested = Signal(int)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = install_layout(self)  # line height and paragraph spacing, before any text
        self._style = ReadingStyle()
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.index = Utf16Index("")
        self._wheel_delta = 0
        # name → (z order, selections); higher z paints on top.
        self._layers: dict[str, tuple[int, list[QTextEdit.ExtraSelection]]] = {}
        self._held = False  # while True, layer changes wait for hold_layers(False)
        self._dirty = False
        # The code-point offset under the mouse → a tooltip (rich text), or None for no tooltip.
        self.tooltip_provider: Callable[[int], str | None] | None = None
        self._badges: list[tuple[int, QColor]] = []  # (UTF-16 end of a span, colour), sorted

    # -- text -----------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Replace the text in one go (lazy layout keeps this fast) and drop every layer."""
        self.index = Utf16Index(text)
        self._layers.clear()
        # setPlainText gives the new text the caret's character format: after a click in a
        # bold heading, every document opened next would be bold. Start from a plain one.
        # (Cleared first, the old selections have collapsed to the top, so dropping them
        # does not walk the screen's blocks once per selection.)
        self.document().clear()
        self.setExtraSelections([])
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(text)
        self._apply_style()

    def reading_style(self) -> ReadingStyle:
        return self._style

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Line height and paragraph spacing for this text and every text set after it."""
        if style != self._style:
            self._style = style
            self._apply_style()

    def _apply_style(self) -> None:
        """Set the whole text in the reading style (block formats only: no layout, fast)."""
        apply_style(self, self._style)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_style()  # paragraph spacing is a fraction of the line pitch

    def mark_muted(self, block_numbers: Iterable[int]) -> None:
        """Draw debris blocks (infographic fragments) in grey: there, but not to be read."""
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(MUTED_COLOR))
        self._format_blocks(block_numbers, fmt)

    def mark_headings(self, block_numbers: Iterable[int]) -> None:
        """Set headings in bold so a reader sees the report's structure while scrolling."""
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        self._format_blocks(block_numbers, fmt)

    def _format_blocks(self, block_numbers: Iterable[int], fmt: QTextCharFormat) -> None:
        document = self.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for number in block_numbers:
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    # -- layers ---------------------------------------------------------------------------

    def make_selections(self, spans: Iterable[Span], fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
        """Extra selections over code-point spans of this pane's text; empty spans are skipped."""
        document = self.document()
        to_utf16 = self.index.to_utf16
        selections = []
        for start, end in spans:
            if end <= start:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(to_utf16(start))
            cursor.setPosition(to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        return selections

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection], z: int = 0) -> None:
        if selections:
            self._layers[name] = (z, selections)
        elif self._layers.pop(name, None) is None:
            return
        self._apply_layers()

    def set_span_layer(self, name: str, spans: Iterable[Span], fmt: QTextCharFormat, z: int = 0) -> None:
        self.set_layer(name, self.make_selections(spans, fmt), z)

    def clear_layer(self, name: str) -> None:
        self.set_layer(name, [])

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, (0, []))[1])

    def layer_names(self) -> list[str]:
        return [name for name, _ in sorted(self._layers.items(), key=lambda item: item[1][0])]

    def layer_spans(self, name: str) -> list[Span]:
        """The code-point spans a layer covers, in this pane's text."""
        return [self.index.span_to_code_points(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.layer(name)]

    def hold_layers(self, hold: bool) -> None:
        """Batch several layer changes into one setExtraSelections."""
        self._held = hold
        if not hold and self._dirty:
            self._apply_layers()

    def _apply_layers(self) -> None:
        if self._held:
            self._dirty = True
            return
        self._dirty = False
        ordered = sorted(self._layers.values(), key=lambda item: item[0])
        selections = [selection for _, selections in ordered for selection in selections]
        self.setExtraSelections(selections)
        badged = (s for s in selections if s.format.hasProperty(BADGE_PROPERTY))
        self._badges = sorted(((s.cursor.selectionEnd(), QColor(s.format.property(BADGE_PROPERTY))) for s in badged), key=lambda b: b[0])
        self.viewport().update()

    def badges(self) -> list[int]:
        """The code-point offsets after which a badge is drawn."""
        return [self.index.to_code_point(end) for end, _ in self._badges]

    # -- selection ------------------------------------------------------------------------

    def selection_span(self) -> Span | None:
        """The user's selection as a code-point span, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.index.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.index.to_utf16(start))
        cursor.setPosition(self.index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection_keeping_scroll(self) -> None:
        """Drop the selection without the scroll jump setTextCursor would make."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        bar = self.verticalScrollBar()
        value = bar.value()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        bar.setValue(value)

    def show_position(self, offset: int) -> None:
        """Scroll so the code-point offset is on screen, centred when it was off screen."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.index.to_utf16(offset))
        visible = self.viewport().rect().contains(self.cursorRect(cursor))
        self.setTextCursor(cursor)
        if not visible:
            self.centerCursor()

    # -- scrolling by block ---------------------------------------------------------------

    def top_block_number(self) -> int:
        return self.firstVisibleBlock().blockNumber()

    def top_position(self) -> tuple[int, float]:
        """(block number at the top, fraction of that block's lines scrolled past)."""
        block = self.firstVisibleBlock()
        lines = max(1, block.lineCount())
        offset = self.verticalScrollBar().value() - block.firstLineNumber()
        return block.blockNumber(), max(0, offset) / lines

    def scroll_to_block(self, number: int, fraction: float = 0.0) -> None:
        """Put block `number` at the top with the same fraction of its lines scrolled past.

        QPlainTextEdit scrolls by line (value = first line number of the top line) and counts
        blocks it has not laid out yet as one line, so lay the target block out first.
        """
        document = self.document()
        block = document.findBlockByNumber(max(0, min(number, document.blockCount() - 1)))
        document.documentLayout().blockBoundingRect(block)
        lines = max(1, block.lineCount())
        line = min(lines - 1, round(fraction * lines))
        self.verticalScrollBar().setValue(block.firstLineNumber() + line)

    # -- events ---------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        # A read-only QPlainTextEdit zooms itself on Ctrl+wheel; zoom both panes together instead.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Touchpads send small deltas: add them up to whole 120-unit wheel steps.
            self._wheel_delta += event.angleDelta().y()
            steps = int(self._wheel_delta / 120)
            self._wheel_delta -= steps * 120
            if steps:
                self.zoom_requested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._badges:
            return
        ends = [end for end, _ in self._badges]
        first = self.firstVisibleBlock().position()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        visible = self._badges[bisect_left(ends, first + 1) : bisect_right(ends, last)]
        if not visible:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().color(QPalette.ColorRole.Base))
        radius = max(3.0, self.fontMetrics().height() / 5)
        cursor = QTextCursor(self.document())
        document = self.document()
        for end, colour in visible:
            if not document.findBlock(end - 1).isVisible():
                continue  # a block this pane hides (the other language of a bilingual view)
            cursor.setPosition(end - 1)  # after the span's last character, on its line
            rect = self.cursorRect(cursor)
            right = rect.left() + self.fontMetrics().horizontalAdvance(self.document().characterAt(end - 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(right, rect.top() + radius * 0.6), radius, radius)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def offset_at(self, pos: QPoint) -> int | None:
        """The code-point offset of the character under `pos` (viewport coordinates), or None
        when `pos` is beside the text rather than on a character."""
        cursor = self.cursorForPosition(pos)
        if pos.x() < self.cursorRect(cursor).left() and not cursor.atBlockStart():
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter)  # the caret lands after a character's right half
        rect = self.cursorRect(cursor)
        if cursor.atBlockEnd() or not rect.top() <= pos.y() <= rect.bottom():
            return None
        return self.index.to_code_point(cursor.position())

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            text = None if offset is None else self.tooltip_provider(offset)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
