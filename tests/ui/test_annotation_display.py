"""What annotations and highlights look like: note marks and their tooltips in both panes,
fills readable in the light and the dark theme, the dock's cards and swatches, layer toggles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip

from reader.store.annotations import COLORS
from reader.ui import theme
from reader.ui.docks.annotation_cards import QUOTE
from reader.ui.docks.annotations_dock import AnnotationsDock
from reader.ui.reading.annotation_layers import note_layer_name

from .test_annotations_ui import REPORT_2024, open_titled

NOTE = "slogan of the year"


def annotate(window, qtbot, doc_id, quote, color="red", note="", tags=()):
    start = window.document.text.index(quote)
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.create(doc_id, start, start + len(quote), color=color, note=note, tags=list(tags))
    return start


def mark_spans(pane, color):
    """The spans of the pane's extra selections drawn with a wavy underline in `color`'s layer."""
    marked = {
        pane.index.span_to_code_points(s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    }
    return sorted(marked & set(pane.layer_spans(note_layer_name(color))))


def hover(qtbot, pane, offset):
    """Send the tooltip event a resting mouse sends over the character at `offset`."""
    pane.show_position(offset)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.index.to_utf16(offset))
    left = pane.cursorRect(cursor)
    cursor.setPosition(pane.index.to_utf16(offset + 1))
    right = pane.cursorRect(cursor)
    pos = QPoint((left.left() + right.left()) // 2, left.center().y())
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, pane.viewport().mapToGlobal(pos))
    pane.viewportEvent(event)
    return QToolTip.text() if QToolTip.isVisible() else None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's tooltip
def test_a_highlight_with_a_note_is_marked_in_both_panes_and_its_note_shows_on_hover(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    start = annotate(window, qtbot, doc_id, "新質生產力", note=NOTE, tags=["AI"])
    plain = annotate(window, qtbot, doc_id, "國內生產總值超過126萬億元", color="green")  # no note: no mark, no tooltip
    original, converted = window.view.original_pane, window.view.converted_pane
    assert mark_spans(original, "red") == [(start, start + 5)]
    (span,) = mark_spans(converted, "red")
    assert converted.toPlainText()[span[0] : span[1]] == "新质生产力"
    assert mark_spans(original, "green") == mark_spans(converted, "green") == []
    assert original.badges() == [start + 5] and converted.badges() == [span[1]]  # the dot after the passage

    for pane, offset in ((original, start + 2), (converted, span[0] + 2)):
        text = hover(qtbot, pane, offset)
        assert text is not None and NOTE in text and "#AI" in text
    assert hover(qtbot, original, plain + 2) is None
    assert hover(qtbot, original, start + 40) is None  # plain text


def composite(fill: QColor, base: QColor) -> QColor:
    a = fill.alphaF()
    return QColor.fromRgbF(*(f * a + b * (1 - a) for f, b in zip(fill.getRgbF()[:3], base.getRgbF()[:3], strict=True)))


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour.getRgbF()[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", [theme.DARK, theme.LIGHT])
def test_highlights_keep_the_text_colour_and_contrast_with_it_in_either_theme(window, qtbot, name):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    text = window.document.text
    for n, color in enumerate(COLORS):  # one annotation of every colour, on a target sentence or not
        quote = text[text.index("國內生產總值") + n * 12 :][:8]
        annotate(window, qtbot, doc_id, quote, color=color, note="n")
    window.set_theme(name)
    try:
        assert theme.is_dark() == (name == theme.DARK)
        for pane in window.view.panes:  # the new palette reaches the widgets through posted events
            ink = QApplication.palette().color(QPalette.ColorRole.Text)
            qtbot.waitUntil(lambda pane=pane, ink=ink: pane.palette().color(QPalette.ColorRole.Text) == ink)
            palette = pane.palette()
            base, ink = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
            painted = [n for n in pane.layer_names() if n.startswith(("annotation", "extract:"))]
            assert any(n.startswith("extract:") for n in painted) and any(n.startswith("annotation:") for n in painted)
            for layer in painted:
                for selection in pane.layer(layer):
                    fmt = selection.format
                    assert not fmt.hasProperty(QTextFormat.Property.ForegroundBrush), layer  # the theme's text colour stays
                    if fmt.hasProperty(QTextFormat.Property.BackgroundBrush):
                        shown = composite(fmt.background().color(), base)
                        assert contrast(shown, ink) >= 4.5, (layer, shown.name(), ink.name())
                        assert contrast(shown, base) > 1.15, (layer, shown.name())  # and it is visible at all
    finally:
        window.set_theme(theme.LIGHT)


def test_the_dock_shows_a_long_quote_whole_on_a_card_and_colours_with_swatches(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    text = window.document.text
    short = "新質生產力"
    start = text.index("國內生產總值")
    long_quote = text[start : start + 300]
    annotate(window, qtbot, doc_id, short, note=NOTE, tags=["AI"])
    annotate(window, qtbot, doc_id, long_quote, color="blue")
    dock = window.annotating.dock
    rows = {a.quote: dock.proxy.index(n, 0) for n, a in enumerate(dock.visible())}
    option = QStyleOptionViewItem()
    option.font = dock.table.font()
    short_height = dock.cards.sizeHint(option, rows[short]).height()
    long_height = dock.cards.sizeHint(option, rows[long_quote]).height()
    metrics = QFontMetrics(option.font)
    lines = metrics.horizontalAdvance(" ".join(long_quote.split())) / dock.table.viewport().width()
    assert lines > 3
    assert long_height >= lines * metrics.lineSpacing() > short_height  # the card grows with the quote: wrapped, not cut

    (a,) = [a for a in dock.visible() if a.quote == long_quote]
    pieces = dock.cards.pieces(a, "", option.font, dock.table.viewport().width())
    (quote,) = [p for p in pieces if p.kind == QUOTE]
    assert quote.text == " ".join(long_quote.split())  # not elided
    (b,) = [a for a in dock.visible() if a.quote == short]
    texts = {p.kind: p.text for p in dock.cards.pieces(b, "", option.font, 300)}
    assert (texts[QUOTE], texts["note"], texts["tags"]) == (short, NOTE, "#AI")

    icons = [dock.color.itemIcon(n) for n in range(dock.color.count())]
    assert all(not icon.isNull() for icon in icons)
    images = [icon.pixmap(14, 14).toImage() for icon in icons]
    assert len({image.pixelColor(7, 7).name() for image in images[1:]}) == len(COLORS)  # one swatch per colour


def test_the_dock_filters_fit_a_dock_300_pixels_wide(qtbot):
    dock = AnnotationsDock()
    qtbot.addWidget(dock)
    dock.set_color_labels({"red": "risk and uncertainty"})
    dock.resize(300, 500)
    dock.show()
    qtbot.waitExposed(dock)
    assert dock.width() <= 310  # nothing in it forces the dock wider
    body = dock.widget()
    for combo in (dock.scope, dock.order, dock.color, dock.tag):
        geometry = combo.geometry()
        assert geometry.right() <= body.width() and geometry.width() >= 60
    assert dock.table.width() >= 250


def test_a_hidden_layer_shows_a_different_icon(window, qtbot):
    for action in window.layer_actions.values():
        on = action.icon().pixmap(16, 16).toImage()
        action.setChecked(False)
        off = action.icon().pixmap(16, 16).toImage()
        assert off != on and action.font().strikeOut()  # hollow swatch, label struck through
        action.setChecked(True)
        assert action.icon().pixmap(16, 16).toImage() == on and not action.font().strikeOut()
