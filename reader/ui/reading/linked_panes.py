"""Two reader panes side by side, joined by a Link: scrolled together, selections mirrored.

The panes know nothing of what joins them. A Link (reader.core.link) maps a block and a span of
one side onto the other: script conversion for the reader, year-to-year alignment for a
comparison. Scroll sync (around the top line, as Meld's _sync_vscroll), selection mirroring and
highlight layers all go through it. Spans crossing this class's edge are code points of the
text of the side they name.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from reader.core.link import LEFT, RIGHT, Link, other
from reader.ui.reading.pane import ReaderPane, Span, background_format

MIRROR_LAYER = "mirror"
MIRROR_COLOR = "#a9d1ff"
MIRROR_Z = 30
# How far back scroll sync looks for a block with a counterpart (an inserted paragraph has none).
_MAX_UNLINKED_RUN = 500

Layer = tuple[int, list[Span], QTextCharFormat, int, bool]  # side, spans, format, z, mirrored


class LinkedPanes(QWidget):
    """Left and right panes with headers in a splitter; `link` joins them."""

    # A selection was made in `side`: (side, start, end) in that side's text.
    selection_made = Signal(int, int, int)
    selection_cleared = Signal()
    # After the follower pane was moved to match the pane the user scrolled.
    scroll_synced = Signal()
    # A pane's context menu is about to open: (QMenu, side, offset under the click in that
    # side's text); slots connected directly may add actions to the menu.
    pane_menu_requested = Signal(object, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._link: Link | None = None
        self._single_pane = False
        self._single_side = LEFT  # the side a single pane shows
        self._syncing = False
        self._mirroring = False
        self._leader = LEFT
        self._caret_side = LEFT  # the pane the reader last put the caret in
        self._selection: tuple[int, Span] | None = None  # (side holding it, span in that side)
        self._layers: dict[str, Layer] = {}

        self.panes = (ReaderPane(self), ReaderPane(self))
        self.headers = (QLabel("", self), QLabel("", self))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self._columns: list[QWidget] = []
        for header, pane in zip(self.headers, self.panes, strict=True):
            column = QWidget(self.splitter)
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            column_layout.setSpacing(2)
            header.setMargin(2)
            column_layout.addWidget(header)
            column_layout.addWidget(pane, 1)
            self.splitter.addWidget(column)
            self._columns.append(column)
        self.splitter.setSizes([1, 1])
        self._level_headers()

        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(0)
        self.body.addWidget(self.splitter, 1)

        for side, pane in enumerate(self.panes):
            pane.verticalScrollBar().valueChanged.connect(lambda _value, side=side: self._on_scrolled(side))
            pane.selectionChanged.connect(lambda side=side: self._on_selection_changed(side))
            pane.cursorPositionChanged.connect(lambda side=side: self._on_caret_moved(side))
            pane.resized.connect(self._resync)
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda pos, side=side: self._context_menu(side, pos))

    def _level_headers(self) -> None:
        """One height for both headers whatever their script ("Original" beside "简体" is
        shorter by the CJK face's line height), so the panes' first lines sit level."""
        probe = QLabel("Ag国體")  # never shown: no parent, gone with this function
        probe.setFont(self.headers[0].font())
        probe.setMargin(self.headers[0].margin())
        height = probe.sizeHint().height()
        for header in self.headers:
            header.setFixedHeight(height)

    def set_middle(self, widget: QWidget, width: int = 44) -> None:
        """Put a widget between the two panes (a compare view's link map), fixed in width."""
        widget.setFixedWidth(width)
        self.splitter.insertWidget(1, widget)
        self.splitter.setCollapsible(1, False)

    # -- texts and link -------------------------------------------------------------------

    def pane(self, side: int) -> ReaderPane:
        return self.panes[side]

    def link(self) -> Link | None:
        return self._link

    def set_texts(
        self,
        left: str | None,
        right: str,
        link: Link,
        headings: tuple[list[int], list[int]] = ([], []),
        muted: tuple[list[int], list[int]] = ([], []),
    ) -> None:
        """New text in both panes (left None: keep the left text) joined by `link`.

        A selection made in a pane whose text stays is kept and mirrored anew."""
        if left is None:
            self.drop_selection_in(RIGHT)
        else:
            self._drop_selection()
        self._link = link
        with self.quiet():
            for side, text in ((LEFT, left), (RIGHT, right)):
                if text is not None:
                    self.panes[side].set_text(text)
                    self.panes[side].mark_headings(headings[side])
                    self.panes[side].mark_muted(muted[side])
        self.render_layers()
        self._render_mirror()
        # A pane given new text starts at its top: the reading position is the left pane's.
        self.sync_from(LEFT)

    def set_link(self, link: Link) -> None:
        """Join the panes' current texts by another link (e.g. once a comparison is ready)."""
        self._link = link
        self.render_layers()
        self._render_mirror()
        self.sync_from(self._leader)

    def clear_texts(self) -> None:
        self._link = None
        self._drop_selection()
        self._layers.clear()
        with self.quiet():
            for pane in self.panes:
                pane.set_text("")

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Replacing a pane's text resets its scroll bar and selection: neither is the reader's doing."""
        syncing, mirroring = self._syncing, self._mirroring
        self._syncing = self._mirroring = True
        try:
            yield
        finally:
            self._syncing, self._mirroring = syncing, mirroring

    def map_span(self, side: int, start: int, end: int) -> Span | None:
        """A span of `side` on the other side, through the link."""
        return None if self._link is None else self._link.span(side, start, end)

    # -- single pane ----------------------------------------------------------------------

    def set_single_pane(self, single: bool, side: int = LEFT) -> None:
        """Show only `side`'s text (the other pane is hidden, not destroyed). While hidden, the
        left pane still leads the shown right one (jumps to a block, find and selection go
        through it); the hidden right pane is left alone."""
        shown_before = self._single_side if self._single_pane else None
        self._single_pane = single
        self._single_side = side
        self._columns[side].setVisible(True)
        self._columns[other(side)].setVisible(not single)
        for n in range(1, self.splitter.count() - 1):  # a middle widget goes with the hidden pane
            middle = self.splitter.widget(n)
            if middle is not None:
                middle.setVisible(not single)
        if not single:
            self.sync_from(LEFT if shown_before is None else shown_before)
        else:
            if shown_before is not None and shown_before != side:
                self.sync_from(shown_before)  # the pane now shown picks up the reading position
            self._leader = side

    def is_single_pane(self) -> bool:
        return self._single_pane

    def single_pane_side(self) -> int:
        """The side a single pane shows (whether or not single pane is on)."""
        return self._single_side

    # -- linked scrolling -----------------------------------------------------------------

    def top_block_number(self, side: int = LEFT) -> int:
        return self.panes[side].top_block_number()

    def scroll_to_block(self, number: int, fraction: float = 0.0, side: int = LEFT) -> None:
        """Put block `number` of `side` at the top, and its counterpart at the top of the other."""
        self._leader = side
        self.panes[side].scroll_to_block(number, fraction)
        self.sync_from(side)

    def lead(self, side: int) -> None:
        """The pane the reader works in now: the other follows it on a resize."""
        self._leader = side

    def _on_scrolled(self, side: int) -> None:
        if self._syncing:
            return
        self._leader = side
        self.sync_from(side)

    def _resync(self) -> None:
        """A pane's width changed its wrapping: level the follower with the last pane scrolled."""
        if not self._syncing:
            self.sync_from(self._leader)

    def sync_from(self, side: int) -> None:
        """Move the other pane so the counterpart of the leader's top block is at its top,
        the same fraction of it scrolled past (a sync point, not scrollbar proportions, so
        blocks of different wrapped heights stay level)."""
        if (self._single_pane and side == self._single_side) or self._link is None or self._syncing:
            return
        number, fraction = self.panes[side].top_position()
        target = self._counterpart(side, number)
        if target is None:
            return
        self._syncing = True
        try:
            self.panes[other(side)].scroll_to_block(*target)
        finally:
            self._syncing = False
        self.scroll_synced.emit()

    def _counterpart(self, side: int, number: int) -> tuple[int, float] | None:
        assert self._link is not None
        for back in range(min(number, _MAX_UNLINKED_RUN) + 1):
            target = self._link.block(side, number - back)
            if target is not None:
                # Past an unlinked run, the counterpart's end lines up rather than its start.
                return target, 0.0 if back else self.panes[side].top_position()[1]
        return None

    # -- selection mirroring --------------------------------------------------------------

    def selection(self) -> tuple[int, Span] | None:
        """(side, span in that side's text) of the reader's selection, or None."""
        return self._selection

    def selection_on(self, side: int) -> Span | None:
        """The selection as a span of `side`'s text (mapped when it was made in the other pane)."""
        if self._selection is None:
            return None
        held, span = self._selection
        return span if held == side else self.map_span(held, *span)

    def mirror_span(self, pane: ReaderPane | int) -> Span | None:
        """The mirrored selection shown in `pane`, in code points of that pane's text."""
        target = self.panes[pane] if isinstance(pane, int) else pane
        spans = target.layer_spans(MIRROR_LAYER)
        return spans[0] if spans else None

    def _on_selection_changed(self, side: int) -> None:
        if self._mirroring or self._link is None:
            return
        span = self.panes[side].selection_span()
        if span is None:
            if self._selection is not None and self._selection[0] == side:
                self._drop_selection()
            return
        self._selection = (side, span)
        self._leader = side
        self._mirroring = True
        try:
            self.panes[other(side)].clear_selection_keeping_scroll()
        finally:
            self._mirroring = False
        self._render_mirror()
        self.selection_made.emit(side, *span)

    def _on_caret_moved(self, side: int) -> None:
        if not self._mirroring:
            self._caret_side = side

    def caret(self) -> tuple[int, int]:
        """(side, code-point offset) of the caret in the pane the reader last clicked or moved in."""
        pane = self.panes[self._caret_side]
        position = pane.textCursor().position()
        return self._caret_side, pane.index.span_to_code_points(position, position)[0]

    def drop_selection_in(self, side: int) -> None:
        if self._selection is not None and self._selection[0] == side:
            self._drop_selection()

    def _drop_selection(self) -> None:
        if self._selection is None:
            return
        self._selection = None
        for pane in self.panes:
            pane.clear_layer(MIRROR_LAYER)
        self.selection_cleared.emit()

    def _render_mirror(self) -> None:
        for pane in self.panes:
            pane.clear_layer(MIRROR_LAYER)
        if self._selection is None:
            return
        side, span = self._selection
        mirrored = self.map_span(side, *span)
        if mirrored is not None:
            self.panes[other(side)].set_span_layer(MIRROR_LAYER, [mirrored], background_format(MIRROR_COLOR), MIRROR_Z)

    def select(self, side: int, start: int, end: int) -> None:
        """Select a span of `side` (mirrored in the other pane) and bring it into view."""
        self._leader = side
        pane = self.panes[side]
        pane.show_position(start)  # centres it; moves the cursor, so select after
        pane.select_span(start, end)

    # -- highlight layers -----------------------------------------------------------------

    def set_span_layer(
        self, name: str, spans: list[Span], fmt: QTextCharFormat | str | QColor, z: int = 0, *, side: int = LEFT, mirrored: bool = True
    ) -> None:
        """Paint spans of `side`'s text as layer `name`, and (mirrored) their counterparts on the
        other side; kept when the other side's text changes."""
        if not isinstance(fmt, QTextCharFormat):
            fmt = background_format(fmt)
        if spans:
            self._layers[name] = (side, list(spans), fmt, z, mirrored)
        else:
            self._layers.pop(name, None)
        self._render_layer(name)

    def set_span_layers(self, layers: dict[str, tuple[list[Span], QTextCharFormat, int]], *, side: int = LEFT) -> None:
        """Several layers at once, each pane's extra selections rebuilt once (not once per layer)."""
        for pane in self.panes:
            pane.hold_layers(True)
        try:
            for name, (spans, fmt, z) in layers.items():
                self.set_span_layer(name, spans, fmt, z, side=side)
        finally:
            for pane in self.panes:
                pane.hold_layers(False)

    def clear_span_layer(self, name: str) -> None:
        self.set_span_layer(name, [], QTextCharFormat())

    def render_layers(self) -> None:
        for pane in self.panes:
            pane.hold_layers(True)
        try:
            for name in list(self._layers):
                self._render_layer(name)
        finally:
            for pane in self.panes:
                pane.hold_layers(False)

    def _render_layer(self, name: str) -> None:
        layer = self._layers.get(name)
        if layer is None:
            for pane in self.panes:
                pane.clear_layer(name)
            return
        side, spans, fmt, z, mirrored = layer
        self.panes[side].set_span_layer(name, spans, fmt, z)
        if not mirrored or self._link is None:
            self.panes[other(side)].clear_layer(name)
            return
        mapped = [m for m in (self._link.span(side, s, e) for s, e in spans) if m is not None]
        self.panes[other(side)].set_span_layer(name, mapped, fmt, z)

    # -- context menu ---------------------------------------------------------------------

    def _context_menu(self, side: int, pos: QPoint) -> None:
        pane = self.panes[side]
        menu = pane.createStandardContextMenu(pos)
        if self._link is not None:
            position = pane.cursorForPosition(pos).position()
            offset = pane.index.span_to_code_points(position, position)[0]
            self.pane_menu_requested.emit(menu, side, offset)
        self._exec_menu(menu, pane.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _exec_menu(self, menu: QMenu, global_pos: QPoint) -> None:
        menu.exec(global_pos)
