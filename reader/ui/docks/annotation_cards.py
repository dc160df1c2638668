"""The Annotations dock's rows as cards: a colour stripe, the whole quote wrapped, the note, the
tags, and the document and date, readable in a dock 300 px wide.

Row heights follow the text, so each card's size is measured once per width and remembered:
a list of tens of thousands of annotations lays itself out in batches without re-measuring.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.store.annotations import Annotation
from reader.ui.docks.annotation_model import ANNOTATION_ROLE, ORIGIN_ROLE, PAGE_ROLE, TITLE_ROLE
from reader.ui.reading.annotation_layers import swatch

STRIPE = 5
PAD_X, PAD_Y, GAP = 8, 6, 3
QUOTE_LIMIT = 2000  # characters of a quote shown on its card; the tooltip has all of it
NOTE_LIMIT = 800
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
_CACHE_LIMIT = 100_000

QUOTE, ORIGIN, NOTE, TAGS, META = "quote", "origin", "note", "tags", "meta"


@dataclass(frozen=True)
class Piece:
    """One part of a card: what it says, where (relative to the card) and in which font."""

    kind: str
    text: str
    rect: QRect
    font: QFont


def _roles(index: QModelIndex | QPersistentModelIndex) -> tuple[str, str, str]:
    """A row's document title, carried-from line and pages ("p. 12"), "" where none."""
    title, origin, page = (str(index.data(role) or "") for role in (TITLE_ROLE, ORIGIN_ROLE, PAGE_ROLE))
    return title, origin, page


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def small_font(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
    else:
        small.setPixelSize(max(9, round(font.pixelSize() * 0.88)))
    return small


class AnnotationCardDelegate(QStyledItemDelegate):
    """Paints an annotation row as a card whose height fits its text at the view's width."""

    def __init__(self, view: QAbstractItemView, orphaned_label: str) -> None:
        super().__init__(view)
        self._view = view
        self._orphaned = orphaned_label
        self.show_document = False  # the whole library's list says which document a card is from
        self._sizes: dict[tuple[Annotation, str, int, bool, str, str, str], QSize] = {}

    def set_show_document(self, show: bool) -> None:
        self.show_document = show
        self._sizes.clear()

    def texts(self, annotation: Annotation, title: str, origin: str = "", page: str = "") -> dict[str, str]:
        """What a card says, part by part (an empty part is left out); `page` cites the
        passage's pages on a paged document ("p. 12") in the meta line."""
        quote = _clip(" ".join(annotation.quote.split()), QUOTE_LIMIT)
        if annotation.orphaned:
            quote = f"{self._orphaned} {quote}"
        meta = " · ".join(part for part in (title if self.show_document else "", page, annotation.created[:10]) if part)
        return {
            QUOTE: quote,
            ORIGIN: origin,  # a carried annotation: where from, and its change
            NOTE: _clip(annotation.note.strip(), NOTE_LIMIT),
            TAGS: "  ".join(f"#{tag}" for tag in annotation.tags),
            META: meta,
        }

    def texts_at(self, index: QModelIndex | QPersistentModelIndex) -> dict[str, str]:
        """What the card of a row says, part by part, as painted."""
        annotation = index.data(ANNOTATION_ROLE)
        return self.texts(annotation, *_roles(index)) if isinstance(annotation, Annotation) else {}

    def pieces(
        self, annotation: Annotation, title: str, font: QFont, width: int, origin: str = "", page: str = ""
    ) -> list[Piece]:
        """The card's parts laid out top to bottom for a card `width` wide."""
        left = STRIPE + PAD_X
        text_width = max(40, width - left - PAD_X)
        fonts = {QUOTE: font, ORIGIN: small_font(font), NOTE: QFont(font), TAGS: small_font(font), META: small_font(font)}
        fonts[NOTE].setItalic(True)
        y = PAD_Y
        out = []
        for kind, text in self.texts(annotation, title, origin, page).items():
            if not text:
                continue
            metrics = QFontMetrics(fonts[kind])
            if kind == META:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, text_width)
                height = metrics.height()
            else:
                height = metrics.boundingRect(QRect(0, 0, text_width, 1_000_000), _WRAP, text).height()
            out.append(Piece(kind, text, QRect(left, y, text_width, height), fonts[kind]))
            y += height + GAP
        return out

    def _width(self, option: QStyleOptionViewItem) -> int:
        return max(120, self._view.viewport().width())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        annotation = index.data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            return super().sizeHint(option, index)
        title, origin, page = _roles(index)
        width = self._width(option)
        key = (annotation, title, width, self.show_document, option.font.key(), origin, page)
        size = self._sizes.get(key)
        if size is None:
            pieces = self.pieces(annotation, title, option.font, width, origin, page)
            size = QSize(width, (pieces[-1].rect.bottom() + 1 if pieces else 0) + PAD_Y)
            if len(self._sizes) >= _CACHE_LIMIT:
                self._sizes.clear()
            self._sizes[key] = size
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            super().paint(painter, option, index)
            return
        title, origin, page = _roles(index)
        rect = QRect(option.rect)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        style = self._view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self._view)
        painter.fillRect(QRect(rect.left(), rect.top() + 2, STRIPE, rect.height() - 4), swatch(annotation.color))
        rule = QColor(palette.color(QPalette.ColorRole.Text))
        rule.setAlpha(45)  # a faint rule between cards in either theme
        painter.setPen(rule)
        painter.drawLine(rect.left() + STRIPE, rect.bottom(), rect.right(), rect.bottom())

        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text = palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text) if selected else palette.color(group, QPalette.ColorRole.PlaceholderText)
        if selected:
            muted.setAlpha(190)
        colours = {
            QUOTE: muted if annotation.orphaned else text,
            ORIGIN: muted,
            NOTE: text,
            TAGS: text if selected else palette.color(group, QPalette.ColorRole.Link),
            META: muted,
        }
        for piece in self.pieces(annotation, title, option.font, rect.width(), origin, page):
            painter.setFont(piece.font)
            painter.setPen(colours[piece.kind])
            flags = _WRAP if piece.kind != META else int(Qt.AlignmentFlag.AlignLeft)
            painter.drawText(piece.rect.translated(rect.topLeft()), flags, piece.text)
        painter.restore()
