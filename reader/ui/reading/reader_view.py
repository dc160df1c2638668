"""The reader: a document (left) beside its script conversion (right), as LinkedPanes.

Both panes hold one block per line (Document.text joins blocks with "\\n") and the link is the
conversion's OffsetMap (reader.core.link.ConversionLink). On top of the linked panes this adds
what reading one document needs: conversion configs, find in either script, zoom and fonts.
Every span the view takes or gives is in code points of the original text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.bilingual import EN, ZH, BilingualLink, is_bilingual
from reader.core.convert import CONFIG_NAMES, Conversion, conversions, default_config, document_key
from reader.core.find import FOLD_CONFIG, find_all, merge_spans
from reader.core.link import LEFT, RIGHT, ConversionLink, Link
from reader.core.model import HEADING, NOISE, Document
from reader.core.opencc_backend import normalise_config
from reader.ui import fonts
from reader.ui.reading import bilingual_panes
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.linked_panes import MIRROR_LAYER, MIRROR_Z, LinkedPanes
from reader.ui.reading.pane import Span, background_format
from reader.ui.reading.typography import ReadingStyle

ORIGINAL = LEFT
CONVERTED = RIGHT

FIND_LAYER = "find"
FIND_CURRENT_LAYER = "find_current"
# Paint order of the built-in layers; caller layers (highlights) default to z=0, under these.
LAYER_Z = {FIND_LAYER: 10, FIND_CURRENT_LAYER: 20, MIRROR_LAYER: MIRROR_Z}

FIND_COLOR = "#fff176"
FIND_CURRENT_COLOR = "#ff9f43"

# A one-character query can match thousands of times; count them all, paint this many.
MAX_FIND_HIGHLIGHTS = 5000
MIN_FONT_SIZE = 6
MAX_FONT_SIZE = 48

__all__ = ["CONVERTED", "FIND_CURRENT_LAYER", "FIND_LAYER", "MIRROR_LAYER", "ORIGINAL", "ReaderView"]


class ReaderView(LinkedPanes):
    """Original and converted text of one Document, scrolled and selected together."""

    config_changed = Signal(str)
    # Entered (True) or left (False) the bilingual view: Chinese left, its English right.
    bilingual_changed = Signal(bool)
    # The selection (in either pane) as a code-point span of the original text.
    selection_mirrored = Signal(int, int)
    # The reader font size in points after a zoom; persist it and pass it to set_font_size.
    zoom_changed = Signal(int)
    matches_changed = Signal(int)
    # 0-based index of the current match, -1 when there is none.
    current_match_changed = Signal(int)
    # A pane's context menu is about to open: (QMenu, original offset under the click).
    context_menu_requested = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader_view")
        self._document: Document | None = None
        self._config = ""
        self._conversion: Conversion | None = None
        self._bilingual = False
        self._left_hides_blocks = False  # the original pane hides blocks (the bilingual view's English)
        self._query = ""
        self._matches: list[Span] = []
        self._current = -1
        self._zoom = 0
        self._explicit_family = ""  # a family chosen through View ▸ Font…; "" for the script's own
        self._style = ReadingStyle()

        self.original_pane, self.converted_pane = self.panes
        self.original_pane.setObjectName("original_pane")
        self.converted_pane.setObjectName("converted_pane")
        self.original_header, self.converted_header = self.headers
        self.original_header.setText(self.tr("Original"))
        self._base_font_size = self.original_pane.font().pointSizeF()
        if self._base_font_size <= 0:
            self._base_font_size = 11.0
        self._default_family = self.original_pane.font().family()
        self._apply_font()

        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.query_changed.connect(self.find)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)
        self.find_bar.opened.connect(self._on_find_opened)
        self.body.addWidget(self.find_bar)

        for pane in self.panes:
            pane.zoom_requested.connect(lambda steps: self.set_zoom(self._zoom + steps))
        self.selection_made.connect(self._on_selection_made)
        self.pane_menu_requested.connect(self._on_pane_menu)

    # -- document and conversion ----------------------------------------------------------

    def document(self) -> Document | None:
        return self._document

    def config(self) -> str:
        return self._config

    def conversion(self) -> Conversion | None:
        return self._conversion

    def set_document(self, document: Document, config: str | None = None, *, bilingual: bool | None = None) -> None:
        """Show `document`; with no config, keep the current one (or the script's default).
        `bilingual` (None: stay as it is) shows its English beside its Chinese instead of a
        conversion, when the document has both."""
        self._document = document
        self._layers.clear()
        self._matches, self._current = [], -1
        self.lead(ORIGINAL)
        was_bilingual = self._bilingual
        self._bilingual = (self._bilingual if bilingual is None else bilingual) and is_bilingual(document)
        self._convert(config or self._config or default_config(document.script), new_document=True)
        if self._bilingual != was_bilingual:
            self.bilingual_changed.emit(self._bilingual)
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
        self._matches, self._current = [], -1
        self.clear_texts()
        self.find_bar.set_count(0, 0)
        self.matches_changed.emit(0)

    def is_bilingual(self) -> bool:
        return self._bilingual

    def set_bilingual(self, on: bool) -> None:
        """Show the document's English beside its Chinese (both panes hold the document's text,
        each hides the other language), or go back to the conversion. Only for a document with
        both languages."""
        document = self._document
        on = on and document is not None and is_bilingual(document)
        if on == self._bilingual:
            return
        self._bilingual = on
        if document is not None:
            self._reconvert(self._config)
        self.bilingual_changed.emit(on)

    def set_config(self, config: str) -> None:
        """Convert with another OpenCC config (cached per document and config); leaves the
        bilingual view."""
        config = normalise_config(config)
        if self._document is None:
            changed = config != self._config
            self._config = config
            self._update_header()
            if changed:
                self.config_changed.emit(config)
            return
        leaving = self._bilingual
        if config == self._config and self._conversion is not None and not leaving:
            return
        self._bilingual = False
        self._reconvert(config)
        if leaving:
            self.bilingual_changed.emit(False)

    def _reconvert(self, config: str) -> None:
        """New text in the right pane for the same document, the find matches kept."""
        self.drop_selection_in(CONVERTED)  # the right-hand text it was made in is gone
        self._convert(config)
        if self._query:
            self.find(self._query, keep_current=True)

    def _convert(self, config: str, *, new_document: bool = False) -> None:
        document = self._document
        assert document is not None
        conversion = conversions.get(document_key(document), document.text, config)
        changed = conversion.config != self._config
        self._config = conversion.config
        self._conversion = conversion
        self._apply_font()  # the converted pane's script may have changed with the config
        headings = self._heading_numbers()
        noise = [n for n, block in enumerate(document.blocks) if block.kind == NOISE]
        top = self.original_pane.top_block_number()
        link: Link = BilingualLink(document) if self._bilingual else ConversionLink(conversion.offsets)
        right = document.text if self._bilingual else conversion.text
        self.set_texts(document.text if new_document else None, right, link, (headings, headings), (noise, noise))
        self._show_languages(link, None if new_document else top)
        self._update_header()
        if changed:
            self.config_changed.emit(self._config)

    def _show_languages(self, link: Link, top: int | None) -> None:
        """Hide the English on the left and the Chinese on the right in the bilingual view;
        show every block otherwise. Keeps block `top` at the top of the left pane."""
        if isinstance(link, BilingualLink):
            with self.quiet():
                bilingual_panes.show_only(self.original_pane, bilingual_panes.blocks_of(link, ZH))
                bilingual_panes.show_only(self.converted_pane, bilingual_panes.blocks_of(link, EN))
            self._left_hides_blocks = True
        elif self._left_hides_blocks:
            # Back from the bilingual view with the left text kept: show its English again. (A
            # new text, and the right pane's new text, has every block shown: no walk over them
            # at each conversion.)
            with self.quiet():
                bilingual_panes.show_only(self.original_pane, None)
            self._left_hides_blocks = False
        if top is not None:
            self.original_pane.scroll_to_block(top)
        self.sync_from(ORIGINAL)

    def _counterpart(self, side: int, number: int) -> tuple[int, float] | None:
        link = self.link()
        if isinstance(link, BilingualLink):
            return bilingual_panes.counterpart(link, self.panes, side)
        return super()._counterpart(side, number)

    def _update_header(self) -> None:
        if self._bilingual:
            self.original_header.setText(self.tr("Chinese"))
            self.converted_header.setText(self.tr("English"))
            self.converted_header.setToolTip(self.tr("The official English translation, beside each Chinese paragraph"))
            return
        self.original_header.setText(self.tr("Original"))
        name = CONFIG_NAMES.get(self._config, (self._config,))[0]
        self.converted_header.setText(name)
        self.converted_header.setToolTip(self._config)

    # -- positions in the original --------------------------------------------------------

    def selection_span(self) -> Span | None:
        """The current selection (from either pane) as a code-point span of the original."""
        return self.selection_on(ORIGINAL)

    def caret_offset(self) -> int | None:
        """The caret, in whichever pane the reader put it, as a code-point offset of the original
        (None when it sits where the converted text has no counterpart)."""
        side, offset = self.caret()
        if side == ORIGINAL:
            return offset
        mapped = self.map_span(side, offset, offset)
        return None if mapped is None else mapped[0]

    def show_span(self, start: int, end: int) -> None:
        """Select a span of the original (mirrored in the other pane) and bring it into view."""
        if self._document is not None:
            side = self._side_showing(start)
            shown = (start, end) if side == ORIGINAL else self.map_span(ORIGINAL, start, end)
            if shown is not None:
                self.select(side, *shown)

    def _on_selection_made(self, side: int, start: int, end: int) -> None:
        span = (start, end) if side == ORIGINAL else self.map_span(side, start, end)
        if span is not None:
            self.selection_mirrored.emit(*span)

    def _on_pane_menu(self, menu: QMenu, side: int, offset: int) -> None:
        if side == CONVERTED:
            mapped = self.map_span(side, offset, offset)
            if mapped is None:
                return
            offset = mapped[0]
        self.context_menu_requested.emit(menu, offset)

    # -- find -----------------------------------------------------------------------------

    def open_find(self) -> None:
        """Show the find bar, seeded with a short one-line selection when there is one."""
        text = None
        span = self.selection_span()
        if span is not None and self._document is not None:
            selected = self._document.text[span[0] : span[1]]
            if selected and len(selected) <= 100 and "\n" not in selected:
                text = selected
        self.find_bar.open(text)

    def close_find(self) -> None:
        self.find_bar.close_bar()

    # Shadows the static QWidget.find(WId) (a widget by window id), which nothing here uses.
    def find(self, query: str, *, keep_current: bool = False) -> int:  # type: ignore[override]
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
        key = document_key(document)
        found = find_all(conversions.get(key, document.text, FOLD_CONFIG), query)
        conversion = self._conversion
        if conversion is not None and not self._bilingual and conversion.text != document.text:
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
        side = self._side_showing(match[0])
        shown = match if side == ORIGINAL else self.map_span(ORIGINAL, *match)
        if shown is None:
            return
        self.lead(side)
        self.panes[side].show_position(shown[0])

    def _side_showing(self, offset: int) -> int:
        """The pane that shows the original's `offset`: the left one, but the right one for
        English in the bilingual view, or when Single Pane shows the right one."""
        if self.is_single_pane():
            return self.single_pane_side()
        link = self.link()
        if isinstance(link, BilingualLink):
            block = self.original_pane.document().findBlock(self.original_pane.index.to_utf16(offset))
            if block.isValid() and link.language(block.blockNumber()) == EN:
                return CONVERTED
        return ORIGINAL

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
        """Draw both panes in `name` first, the script's families after it; "" (or the default
        family, which older versions saved without the reader choosing it) for the script's own."""
        if name in (self._default_family, *fonts.GENERIC.values()):
            name = ""
        self._apply_font(family=name)

    def font_family(self) -> str:
        """The family the reader chose, "" when the panes use their scripts' families."""
        return self._explicit_family

    def pane_script(self, side: int) -> str:
        """The script a pane shows (reader.ui.fonts: simplified, traditional, hongkong, japanese,
        english), which picks its font: the document's own on the left, the conversion's target
        on the right."""
        document = self._document
        if side == ORIGINAL:
            return fonts.script_of_document(document.script, document.language) if document else fonts.SIMPLIFIED
        if self._bilingual:
            return fonts.ENGLISH
        return fonts.script_of_config(self._config) if self._config else fonts.TRADITIONAL

    def reading_style(self) -> ReadingStyle:
        return self._style

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Face (sans or serif), line height and paragraph spacing of both panes."""
        self._style = style
        for pane in self.panes:
            pane.set_reading_style(style)
        self._apply_font()
        self._resync()

    def _apply_font(self, *, size: float | None = None, family: str | None = None) -> None:
        """Give each pane the families of its script (after the reader's explicit choice),
        at `size` points when given."""
        if family is not None:
            self._explicit_family = family
        changed = False
        for side, pane in enumerate(self.panes):
            changed |= fonts.set_pane_font(pane, self.pane_script(side), self._style.face, self._explicit_family, size)
        if changed:
            self._resync()
