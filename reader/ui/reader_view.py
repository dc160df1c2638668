"""The central reader: the Original and Converted panes side by side, moving together.

Both panes hold one block per line (Document.text joins blocks with "\\n"), so block n of one
pane is block n of the other: scrolling keeps the same block level at the top of both, and a
selection in one is mirrored over the same words in the other through the conversion's
OffsetMap. Every span the view takes or gives is in code points of the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from reader.core.convert import CONFIG_NAMES, Conversion, OffsetMap, conversions, default_config
from reader.core.find import FOLD_CONFIG, find_all, merge_spans
from reader.core.model import HEADING, Document
from reader.core.opencc_backend import normalise_config
from reader.ui.find_bar import FindBar
from reader.ui.reader_pane import ReaderPane, Span, background_format

ORIGINAL = 0
CONVERTED = 1

MIRROR_LAYER = "mirror"
FIND_LAYER = "find"
FIND_CURRENT_LAYER = "find_current"
# Paint order of the built-in layers; caller layers (highlights) default to z=0, under these.
LAYER_Z = {FIND_LAYER: 10, FIND_CURRENT_LAYER: 20, MIRROR_LAYER: 30}

MIRROR_COLOR = "#a9d1ff"
FIND_COLOR = "#fff176"
FIND_CURRENT_COLOR = "#ff9f43"

# A one-character query can match thousands of times; count them all, paint this many.
MAX_FIND_HIGHLIGHTS = 5000
MIN_FONT_SIZE = 6
MAX_FONT_SIZE = 48


class ReaderView(QWidget):
    """Original and converted text of one Document, scrolled and selected together."""

    config_changed = Signal(str)
    # The selection (in either pane) as a code-point span of the original text.
    selection_mirrored = Signal(int, int)
    selection_cleared = Signal()
    # After the follower pane was moved to match the pane the user scrolled.
    scroll_synced = Signal()
    # The reader font size in points after a zoom; persist it and pass it to set_font_size.
    zoom_changed = Signal(int)
    matches_changed = Signal(int)
    # 0-based index of the current match, -1 when there is none.
    current_match_changed = Signal(int)
    # A pane's context menu is about to open: (QMenu, original offset under the click); slots
    # connected directly may add actions to the menu.
    context_menu_requested = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader_view")
        self._document: Document | None = None
        self._config = ""
        self._conversion: Conversion | None = None
        self._single_pane = False
        self._syncing = False
        self._leader = ORIGINAL
        self._selection: tuple[int, Span] | None = None  # (side holding the selection, original span)
        self._mirroring = False
        self._span_layers: dict[str, tuple[list[Span], QTextCharFormat, int]] = {}
        self._query = ""
        self._matches: list[Span] = []
        self._current = -1
        self._zoom = 0

        self.original_pane = ReaderPane(self)
        self.original_pane.setObjectName("original_pane")
        self.converted_pane = ReaderPane(self)
        self.converted_pane.setObjectName("converted_pane")
        self._panes = (self.original_pane, self.converted_pane)
        self.original_header = QLabel(self.tr("Original"), self)
        self.converted_header = QLabel("", self)
        self._base_font_size = self.original_pane.font().pointSizeF()
        if self._base_font_size <= 0:
            self._base_font_size = 11.0

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self._columns = []
        for header, pane in ((self.original_header, self.original_pane), (self.converted_header, self.converted_pane)):
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

        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.query_changed.connect(self.find)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)
        self.find_bar.opened.connect(self._on_find_opened)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)

        for side, pane in enumerate(self._panes):
            pane.verticalScrollBar().valueChanged.connect(lambda _value, side=side: self._on_scrolled(side))
            pane.selectionChanged.connect(lambda side=side: self._on_selection_changed(side))
            pane.zoom_requested.connect(lambda steps: self.set_zoom(self._zoom + steps))
            pane.resized.connect(self._resync)
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda pos, side=side: self._context_menu(side, pos))

    def _context_menu(self, side: int, pos) -> None:
        pane = self._panes[side]
        menu = pane.createStandardContextMenu(pos)
        if self._document is not None:
            position = pane.cursorForPosition(pos).position()
            offset = pane.index.span_to_code_points(position, position)[0]
            if side == CONVERTED:
                offset = self._offsets().span_to_original(offset, offset)[0]
            self.context_menu_requested.emit(menu, offset)
        menu.exec(pane.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- document and conversion ----------------------------------------------------------

    def document(self) -> Document | None:
        return self._document

    def config(self) -> str:
        return self._config

    def conversion(self) -> Conversion | None:
        return self._conversion

    def set_document(self, document: Document, config: str | None = None) -> None:
        """Show `document`; with no config, keep the current one (or the script's default)."""
        self._document = document
        self._drop_selection()
        self._span_layers.clear()
        self._matches, self._current = [], -1
        config = config or self._config or default_config(document.script)
        with self._quiet():
            self.original_pane.set_text(document.text)
            self.original_pane.mark_headings(self._heading_numbers())
        self._leader = ORIGINAL
        self._convert(config)
        if self._query:
            self.find(self._query)

    def _heading_numbers(self) -> list[int]:
        """Block numbers of headings: block n of the document is line n of both panes."""
        document = self._document
        return [n for n, block in enumerate(document.blocks) if block.kind == HEADING] if document else []

    def clear(self) -> None:
        """Show nothing (the library is empty); the config and zoom stay for the next document."""
        self._document = None
        self._conversion = None
        self._drop_selection()
        self._span_layers.clear()
        self._matches, self._current = [], -1
        with self._quiet():
            for pane in self._panes:
                pane.set_text("")
        self.find_bar.set_count(0, 0)
        self.matches_changed.emit(0)

    def set_config(self, config: str) -> None:
        """Convert with another OpenCC config (cached per document and config)."""
        config = normalise_config(config)
        if self._document is None:
            changed = config != self._config
            self._config = config
            self._update_header()
            if changed:
                self.config_changed.emit(config)
            return
        if config == self._config and self._conversion is not None:
            return
        if self._selection is not None and self._selection[0] == CONVERTED:
            self._drop_selection()  # the converted text it was made in is gone
        self._convert(config)
        self._render_span_layers()
        self._render_mirror()
        if self._query:
            self.find(self._query, keep_current=True)

    def _convert(self, config: str) -> None:
        document = self._document
        assert document is not None
        conversion = conversions.get(self._key(document), document.text, config)
        changed = conversion.config != self._config
        self._config = conversion.config
        self._conversion = conversion
        with self._quiet():
            self.converted_pane.set_text(conversion.text)
            self.converted_pane.mark_headings(self._heading_numbers())
        self._update_header()
        self._sync_from(ORIGINAL)
        if changed:
            self.config_changed.emit(self._config)

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Replacing a pane's text resets its scroll bar and selection: neither is the reader's doing."""
        syncing, mirroring = self._syncing, self._mirroring
        self._syncing = self._mirroring = True
        try:
            yield
        finally:
            self._syncing, self._mirroring = syncing, mirroring

    def _update_header(self) -> None:
        name = CONFIG_NAMES.get(self._config, (self._config,))[0]
        self.converted_header.setText(name)
        self.converted_header.setToolTip(self._config)

    @staticmethod
    def _key(document: Document) -> str:
        # str hashes are cached on the object, so this is O(n) once per text.
        return document.content_hash or f"text:{len(document.text)}:{hash(document.text)}"

    def _offsets(self) -> OffsetMap:
        if self._conversion is None:
            return OffsetMap.identity(self.original_pane.index.length)
        return self._conversion.offsets

    def pane(self, side: int) -> ReaderPane:
        return self._panes[side]

    # -- single pane ----------------------------------------------------------------------

    def set_single_pane(self, single: bool) -> None:
        """Show only the original text (the converted pane is hidden, not destroyed)."""
        self._single_pane = single
        self._columns[CONVERTED].setVisible(not single)
        if not single:
            self._sync_from(ORIGINAL)

    def is_single_pane(self) -> bool:
        return self._single_pane

    # -- linked scrolling -----------------------------------------------------------------

    def top_block_number(self, side: int = ORIGINAL) -> int:
        return self._panes[side].top_block_number()

    def scroll_to_block(self, number: int, fraction: float = 0.0) -> None:
        """Put block `number` at the top of both panes."""
        self._leader = ORIGINAL
        self.original_pane.scroll_to_block(number, fraction)
        self._sync_from(ORIGINAL)

    def _on_scrolled(self, side: int) -> None:
        if self._syncing:
            return
        self._leader = side
        self._sync_from(side)

    def _resync(self) -> None:
        """A pane's width changed its wrapping: level the follower with the last pane scrolled."""
        if not self._syncing:
            self._sync_from(self._leader)

    def _sync_from(self, side: int) -> None:
        """Move the other pane so the leader's top block is at its top, same fraction scrolled.

        Like Meld's _sync_vscroll, around one sync point (the top line) rather than by
        scrollbar proportion, so blocks of different wrapped heights stay level.
        """
        if self._single_pane or self._document is None or self._syncing:
            return
        leader, follower = self._panes[side], self._panes[1 - side]
        number, fraction = leader.top_position()
        self._syncing = True
        try:
            follower.scroll_to_block(number, fraction)
        finally:
            self._syncing = False
        self.scroll_synced.emit()

    # -- selection mirroring --------------------------------------------------------------

    def selection_span(self) -> Span | None:
        """The current selection (from either pane) as a code-point span of the original."""
        return self._selection[1] if self._selection else None

    def mirror_span(self, pane: ReaderPane | int) -> Span | None:
        """The mirrored selection shown in `pane`, in code points of that pane's text."""
        target = self._panes[pane] if isinstance(pane, int) else pane
        spans = target.layer_spans(MIRROR_LAYER)
        return spans[0] if spans else None

    def _on_selection_changed(self, side: int) -> None:
        if self._mirroring or self._document is None:
            return
        pane, other = self._panes[side], self._panes[1 - side]
        span = pane.selection_span()
        if span is None:
            if self._selection is not None and self._selection[0] == side:
                self._drop_selection()
            return
        offsets = self._offsets()
        original = span if side == ORIGINAL else offsets.span_to_original(*span)
        self._selection = (side, original)
        self._mirroring = True
        try:
            other.clear_selection_keeping_scroll()
        finally:
            self._mirroring = False
        self._render_mirror()
        self.selection_mirrored.emit(*original)

    def _drop_selection(self) -> None:
        if self._selection is None:
            return
        self._selection = None
        for p in self._panes:
            p.clear_layer(MIRROR_LAYER)
        self.selection_cleared.emit()

    def _render_mirror(self) -> None:
        for p in self._panes:
            p.clear_layer(MIRROR_LAYER)
        if self._selection is None:
            return
        side, (start, end) = self._selection
        fmt = background_format(MIRROR_COLOR)
        if side == ORIGINAL:
            self.converted_pane.set_span_layer(MIRROR_LAYER, [self._offsets().span_to_converted(start, end)], fmt, LAYER_Z[MIRROR_LAYER])
        else:
            self.original_pane.set_span_layer(MIRROR_LAYER, [(start, end)], fmt, LAYER_Z[MIRROR_LAYER])

    def show_span(self, start: int, end: int) -> None:
        """Select a span of the original (mirrored in the other pane) and bring it into view."""
        if self._document is None:
            return
        self._leader = ORIGINAL
        self.original_pane.show_position(start)  # centres it; moves the cursor, so select after
        self.original_pane.select_span(start, end)

    # -- highlight layers -----------------------------------------------------------------

    def set_span_layer(self, name: str, spans: list[Span], fmt: QTextCharFormat | str | QColor, z: int = 0) -> None:
        """Paint code-point spans of the original in both panes as layer `name` (kept across configs)."""
        if not isinstance(fmt, QTextCharFormat):
            fmt = background_format(fmt)
        if spans:
            self._span_layers[name] = (list(spans), fmt, z)
        else:
            self._span_layers.pop(name, None)
        self._render_span_layer(name)

    def set_span_layers(self, layers: dict[str, tuple[list[Span], QTextCharFormat, int]]) -> None:
        """Several layers at once, each pane's extra selections rebuilt once (not once per layer)."""
        for pane in self._panes:
            pane.hold_layers(True)
        try:
            for name, (spans, fmt, z) in layers.items():
                self.set_span_layer(name, spans, fmt, z)
        finally:
            for pane in self._panes:
                pane.hold_layers(False)

    def clear_span_layer(self, name: str) -> None:
        self.set_span_layer(name, [], QTextCharFormat())

    def _render_span_layers(self) -> None:
        for name in list(self._span_layers):
            self._render_span_layer(name)

    def _render_span_layer(self, name: str) -> None:
        spans, fmt, z = self._span_layers.get(name, ([], QTextCharFormat(), 0))
        offsets = self._offsets()
        self.original_pane.set_span_layer(name, spans, fmt, z)
        self.converted_pane.set_span_layer(name, [offsets.span_to_converted(s, e) for s, e in spans], fmt, z)

    # -- find -----------------------------------------------------------------------------

    def open_find(self) -> None:
        """Show the find bar, seeded with a short one-line selection when there is one."""
        text = None
        if self._selection is not None:
            start, end = self._selection[1]
            selected = self._document.text[start:end] if self._document else ""
            if selected and len(selected) <= 100 and "\n" not in selected:
                text = selected
        self.find_bar.open(text)

    def close_find(self) -> None:
        self.find_bar.close_bar()

    def find(self, query: str, *, keep_current: bool = False) -> int:
        """Highlight every match of `query` (简/繁 alike, Latin case ignored) in both panes.

        The current match becomes the first one at or after the top of the view. Returns
        the number of matches.
        """
        previous = self._matches[self._current] if keep_current and self._current >= 0 else None
        self._query = query
        if self.find_bar.query() != query:
            self.find_bar.set_query(query)
        self._matches = self._search(query)
        if not self._matches:
            self._current = -1
        elif previous is not None and previous in self._matches:
            self._current = self._matches.index(previous)
        else:
            top = self.original_pane.firstVisibleBlock().position()
            top = self.original_pane.index.to_code_point(top)
            self._current = next((i for i, (s, _e) in enumerate(self._matches) if s >= top), 0)
        self._render_matches()
        self.matches_changed.emit(len(self._matches))
        self._show_current()
        return len(self._matches)

    def _search(self, query: str) -> list[Span]:
        document = self._document
        if not query or document is None:
            return []
        key = self._key(document)
        found = find_all(conversions.get(key, document.text, FOLD_CONFIG), query)
        conversion = self._conversion
        if conversion is not None and conversion.text != document.text:
            # Phrase conversions (U盘 → 隨身碟) put words in the converted pane that the
            # original does not have: search there too and map back.
            folded = conversions.get(f"{key}/{conversion.config}", conversion.text, FOLD_CONFIG)
            span_to_original = conversion.offsets.span_to_original
            found = merge_spans(found, [span_to_original(s, e) for s, e in find_all(folded, query)])
        return found

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self._matches:
            if self.find_bar.query() and self.find_bar.query() != self._query:
                self.find(self.find_bar.query())
            return
        self._current = (self._current + delta) % len(self._matches)
        self._render_matches(current_only=True)
        self._show_current()

    def match_count(self) -> int:
        return len(self._matches)

    def matches(self) -> list[Span]:
        return list(self._matches)

    def current_match_index(self) -> int:
        return self._current

    def current_match(self) -> Span | None:
        return self._matches[self._current] if self._current >= 0 else None

    def _render_matches(self, current_only: bool = False) -> None:
        if not current_only:
            self.set_span_layer(FIND_LAYER, self._matches[:MAX_FIND_HIGHLIGHTS], background_format(FIND_COLOR), LAYER_Z[FIND_LAYER])
        current = [self._matches[self._current]] if self._current >= 0 else []
        self.set_span_layer(FIND_CURRENT_LAYER, current, background_format(FIND_CURRENT_COLOR), LAYER_Z[FIND_CURRENT_LAYER])
        self.find_bar.set_count(self._current + 1, len(self._matches))
        self.current_match_changed.emit(self._current)

    def _show_current(self) -> None:
        match = self.current_match()
        if match is None:
            return
        self._leader = ORIGINAL
        self.original_pane.show_position(match[0])

    def _on_find_opened(self) -> None:
        """Reopening the bar on the last query searches again (closing cleared the matches)."""
        query = self.find_bar.query()
        if query and query != self._query:
            self.find(query)

    def _on_find_closed(self) -> None:
        """Closing the bar removes the highlights but keeps the query for the next Ctrl+F."""
        self._query = ""
        self._matches, self._current = [], -1
        self.clear_span_layer(FIND_LAYER)
        self.clear_span_layer(FIND_CURRENT_LAYER)
        self.matches_changed.emit(0)
        self.original_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- fonts ----------------------------------------------------------------------------

    def zoom(self) -> int:
        """Points added to the base font size by zooming."""
        return self._zoom

    def font_size(self) -> int:
        """The reader font size in points."""
        return round(self.original_pane.font().pointSizeF())

    def set_font_size(self, points: int) -> None:
        self.set_zoom(round(points - self._base_font_size))

    def set_zoom(self, points_delta: int) -> None:
        """Set both panes to the base font size plus `points_delta` points (clamped)."""
        low = MIN_FONT_SIZE - self._base_font_size
        high = MAX_FONT_SIZE - self._base_font_size
        points_delta = int(max(low, min(high, points_delta)))
        if points_delta == self._zoom:
            return
        self._zoom = points_delta
        self._apply_font(size=self._base_font_size + points_delta)
        self.zoom_changed.emit(self.font_size())

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def reset_zoom(self) -> None:
        self.set_zoom(0)

    def set_font_family(self, name: str) -> None:
        self._apply_font(family=name)

    def font_family(self) -> str:
        return self.original_pane.font().family()

    def _apply_font(self, *, size: float | None = None, family: str | None = None) -> None:
        for pane in self._panes:
            font = QFont(pane.font())
            if size is not None:
                font.setPointSizeF(size)
            if family is not None:
                font.setFamily(family)
            pane.setFont(font)
        self._resync()
