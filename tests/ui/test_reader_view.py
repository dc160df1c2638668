"""The reader view as a reader uses it: two panes that scroll, select and find together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.convert import CONFIG_NAMES, convert_text
from reader.core.model import PARAGRAPH, Block, Document
from reader.ui.reading.reader_view import CONVERTED, FIND_CURRENT_LAYER, FIND_LAYER, MIRROR_LAYER, ORIGINAL, ReaderView
from tests.support import seed_path

ASTRAL = "\U00020bb7"  # 𠮷, two UTF-16 code units


def make_document(lines: list[str], script: str = "simplified") -> Document:
    """A Document whose blocks are `lines`, with offsets as ingest would give them."""
    blocks, start = [], 0
    for n, line in enumerate(lines):
        blocks.append(Block(id=f"b{n}", kind=PARAGRAPH, level=0, text=line, lang="zh", start=start, end=start + len(line)))
        start += len(line) + 1
    return Document(text="\n".join(lines), blocks=tuple(blocks), script=script)


def report_lines(count: int = 40) -> list[str]:
    """Long Simplified paragraphs of varied length, so they wrap to different heights."""
    sentence = "我们要坚持稳中求进，推动高质量发展，加快建设现代化产业体系，"
    lines = []
    for n in range(count):
        lines.append(f"第{n}段：" + sentence * (1 + n % 5) + "用U盘拷贝数据。")
    return lines


@pytest.fixture
def view(qtbot):
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_document(view, qtbot, document: Document, config: str) -> None:
    view.set_document(document, config)
    assert view.config() == config


def selected_text(selection) -> str:
    return selection.cursor.selectedText()


# -- panes and conversion ----------------------------------------------------------------


def test_opening_a_document_shows_original_and_its_conversion(view, qtbot):
    text = seed_path(2).read_text(encoding="utf-8")
    lines = text.split("\n")
    document = make_document(lines)
    with qtbot.waitSignal(view.config_changed, check_params_cb=lambda c: c == "s2t"):
        view.set_document(document)
    assert view.original_pane.toPlainText() == document.text
    assert view.converted_pane.toPlainText() == convert_text(document.text, "s2t").text
    assert view.converted_header.text() == CONFIG_NAMES["s2t"][0]
    assert view.original_pane.isReadOnly() and view.converted_pane.isReadOnly()
    # Block n of the document is QTextBlock n of both panes.
    assert view.original_pane.document().blockCount() == len(lines)
    assert view.converted_pane.document().blockCount() == len(lines)


def test_switching_the_config_reconverts_the_converted_pane(view, qtbot):
    document = make_document(report_lines())
    open_document(view, qtbot, document, "s2t")
    before = view.converted_pane.toPlainText()
    with qtbot.waitSignal(view.config_changed, check_params_cb=lambda c: c == "s2hk"):
        view.set_config("s2hk")
    assert view.converted_pane.toPlainText() == convert_text(document.text, "s2hk").text
    assert view.converted_header.text() == CONFIG_NAMES["s2hk"][0]
    with qtbot.waitSignal(view.config_changed):
        view.set_config("s2twp")
    after = view.converted_pane.toPlainText()
    assert after != before and "隨身碟" in after
    # The original never changes.
    assert view.original_pane.toPlainText() == document.text


def test_a_traditional_document_defaults_to_simplified(view, qtbot):
    document = make_document(["我們要推動高質量發展。", "加快建設現代化產業體系。"], script="traditional")
    with qtbot.waitSignal(view.config_changed, check_params_cb=lambda c: c == "t2s"):
        view.set_document(document)
    assert view.converted_pane.toPlainText() == "我们要推动高质量发展。\n加快建设现代化产业体系。"


def test_single_pane_hides_the_converted_pane(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2t")
    view.set_single_pane(True)
    assert view.is_single_pane()
    assert not view.converted_pane.isVisible()
    assert view.original_pane.isVisible()
    # Reading on alone, then bringing the converted pane back: it opens level with the original.
    view.original_pane.scroll_to_block(25)
    with qtbot.waitSignal(view.scroll_synced):
        view.set_single_pane(False)
    assert view.converted_pane.isVisible()
    assert view.converted_pane.top_block_number() == 25


# -- linked scrolling --------------------------------------------------------------------


def test_scrolling_the_original_brings_the_same_block_to_the_top_of_the_converted(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2t")
    original, converted = view.original_pane, view.converted_pane
    for block in (12, 25, 3):
        target = original.document().findBlockByNumber(block)
        with qtbot.waitSignal(view.scroll_synced):
            original.verticalScrollBar().setValue(target.firstLineNumber())
        assert original.top_block_number() == block
        assert converted.top_block_number() == block


def test_scrolling_the_converted_pane_moves_the_original(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2twp")
    original, converted = view.original_pane, view.converted_pane
    with qtbot.waitSignal(view.scroll_synced):
        converted.scroll_to_block(20)
    assert converted.top_block_number() == 20
    assert original.top_block_number() == 20
    # No feedback loop: the pane the user scrolled stays where it was put.
    value = converted.verticalScrollBar().value()
    with qtbot.waitSignal(view.scroll_synced):
        converted.verticalScrollBar().setValue(value + 1)
    assert converted.verticalScrollBar().value() == value + 1
    assert original.top_block_number() == converted.top_block_number()


def test_panes_of_different_widths_still_share_the_top_block(view, qtbot):
    """Wrapping differs a lot, so scrollbar proportions would disagree; blocks must not."""
    # Enough text below block 30 that even the wide pane can still put it at the top (without a
    # CJK font the glyph boxes wrap differently, and 40 blocks left the wide pane at its end).
    open_document(view, qtbot, make_document(report_lines(120)), "s2t")
    view.splitter.setSizes([220, 580])
    original, converted = view.original_pane, view.converted_pane
    for block in (30, 8):
        with qtbot.waitSignal(view.scroll_synced):
            original.scroll_to_block(block)
        assert converted.top_block_number() == block
    with qtbot.waitSignal(view.scroll_synced):
        converted.scroll_to_block(33)
    assert original.top_block_number() == 33


def test_switching_the_config_keeps_the_reading_position(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2t")
    with qtbot.waitSignal(view.scroll_synced):
        view.original_pane.scroll_to_block(20)
    with qtbot.waitSignal(view.config_changed):
        view.set_config("s2hk")
    assert view.original_pane.top_block_number() == view.converted_pane.top_block_number() == 20
    # Also when the reader last scrolled the converted pane.
    with qtbot.waitSignal(view.scroll_synced):
        view.converted_pane.scroll_to_block(24)
    with qtbot.waitSignal(view.config_changed):
        view.set_config("s2t")
    assert view.original_pane.top_block_number() == view.converted_pane.top_block_number() == 24


def test_a_wrapped_block_scrolled_half_way_is_half_way_in_both_panes(view, qtbot):
    lines = report_lines()
    open_document(view, qtbot, make_document(lines), "s2t")
    original, converted = view.original_pane, view.converted_pane
    # Block 19 is one of the longest paragraphs (5 sentences): it wraps to several lines.
    block = original.document().findBlockByNumber(19)
    original.document().documentLayout().blockBoundingRect(block)
    assert block.lineCount() >= 4
    with qtbot.waitSignal(view.scroll_synced):
        original.verticalScrollBar().setValue(block.firstLineNumber() + block.lineCount() // 2)
    number, fraction = original.top_position()
    other_number, other_fraction = converted.top_position()
    assert number == other_number == 19
    other_lines = converted.document().findBlockByNumber(19).lineCount()
    assert abs(other_fraction - fraction) <= 0.5 / other_lines + 1e-9


# -- selection mirroring -----------------------------------------------------------------


def test_selecting_in_the_original_highlights_the_same_words_in_the_converted(view, qtbot):
    document = make_document(["我们推动高质量发展。", "请用U盘拷贝文件。"])
    open_document(view, qtbot, document, "s2t")
    start = document.text.index("发展")
    with qtbot.waitSignal(view.selection_mirrored, check_params_cb=lambda s, e: (s, e) == (start, start + 2)):
        view.original_pane.select_span(start, start + 2)
    (mirror,) = view.converted_pane.layer(MIRROR_LAYER)
    assert selected_text(mirror) == "發展"
    assert view.mirror_span(view.converted_pane) == (start, start + 2)
    assert mirror.format.background().color() != view.converted_pane.palette().base().color()
    # The mirror is an extra selection of the other pane, not a selection of its own.
    assert not view.converted_pane.textCursor().hasSelection()


def test_mirroring_is_exact_across_a_phrase_that_changes_length(view, qtbot):
    lines = [f"{ASTRAL}姓人家说：", "请用U盘拷贝文件，再用U盘备份。"]
    document = make_document(lines)
    open_document(view, qtbot, document, "s2twp")
    converted_text = view.converted_pane.toPlainText()
    assert "隨身碟" in converted_text and len(converted_text) != len(document.text)

    # Original → converted: U盘 shows 隨身碟, even with 𠮷 earlier in the text.
    start = document.text.index("U盘")
    with qtbot.waitSignal(view.selection_mirrored, check_params_cb=lambda s, e: (s, e) == (start, start + 2)):
        view.original_pane.select_span(start, start + 2)
    (mirror,) = view.converted_pane.layer(MIRROR_LAYER)
    assert selected_text(mirror) == "隨身碟"

    # Converted → original: the second 隨身碟 shows the second U盘.
    conv_start = converted_text.rindex("隨身碟")
    second = document.text.rindex("U盘")
    with qtbot.waitSignal(view.selection_mirrored, check_params_cb=lambda s, e: (s, e) == (second, second + 2)):
        view.converted_pane.select_span(conv_start, conv_start + 3)
    (mirror,) = view.original_pane.layer(MIRROR_LAYER)
    assert selected_text(mirror) == "U盘"
    assert view.mirror_span(ORIGINAL) == (second, second + 2)
    # Only one side holds a mirror at a time, and the other pane's own selection was dropped.
    assert view.converted_pane.layer(MIRROR_LAYER) == []
    assert not view.original_pane.textCursor().hasSelection()


def test_a_selection_containing_an_astral_character_is_mirrored_whole(view, qtbot):
    document = make_document([f"前面{ASTRAL}後面", f"發展{ASTRAL}发展"])
    open_document(view, qtbot, document, "s2t")
    start = document.text.index(ASTRAL, 5) - 1  # "展𠮷发"
    with qtbot.waitSignal(view.selection_mirrored, check_params_cb=lambda s, e: (s, e) == (start, start + 3)):
        view.original_pane.select_span(start, start + 3)
    assert view.original_pane.textCursor().selectedText() == f"展{ASTRAL}发"
    (mirror,) = view.converted_pane.layer(MIRROR_LAYER)
    assert selected_text(mirror) == f"展{ASTRAL}發"


def test_clearing_the_selection_clears_the_mirror(view, qtbot):
    document = make_document(["我们推动高质量发展。"])
    open_document(view, qtbot, document, "s2t")
    with qtbot.waitSignal(view.selection_mirrored):
        view.original_pane.select_span(2, 4)
    with qtbot.waitSignal(view.selection_cleared):
        view.original_pane.select_span(3, 3)
    assert view.converted_pane.layer(MIRROR_LAYER) == []
    assert view.selection_span() is None


def test_the_mirror_follows_a_config_switch(view, qtbot):
    document = make_document(["请用U盘拷贝文件。"])
    open_document(view, qtbot, document, "s2t")
    start = document.text.index("U盘")
    with qtbot.waitSignal(view.selection_mirrored):
        view.original_pane.select_span(start, start + 2)
    assert selected_text(view.converted_pane.layer(MIRROR_LAYER)[0]) == "U盤"
    with qtbot.waitSignal(view.config_changed):
        view.set_config("s2twp")
    assert selected_text(view.converted_pane.layer(MIRROR_LAYER)[0]) == "隨身碟"


# -- find --------------------------------------------------------------------------------


def test_finding_traditional_words_in_a_simplified_document(view, qtbot):
    lines = report_lines()
    document = make_document(lines)
    open_document(view, qtbot, document, "s2t")
    expected = document.text.count("发展")
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == expected):
        view.find("發展")
    assert view.match_count() == expected
    assert all(document.text[s:e] == "发展" for s, e in view.matches())
    # Every match is painted in both panes, the current one in its own layer.
    assert len(view.original_pane.layer(FIND_LAYER)) == expected
    assert {selected_text(s) for s in view.converted_pane.layer(FIND_LAYER)} == {"發展"}
    assert [selected_text(s) for s in view.original_pane.layer(FIND_CURRENT_LAYER)] == ["发展"]
    assert view.current_match_index() == 0
    assert view.find_bar.count_text() == f"1 / {expected}"


def test_finding_simplified_words_in_a_traditional_document(view, qtbot):
    document = make_document(["我們要推動高質量發展。", "發展是第一要務。", "沒有別的。"], script="traditional")
    open_document(view, qtbot, document, "t2s")
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == 2):
        view.find("发展")
    second = document.text.rindex("發展")
    assert view.matches() == [(8, 10), (second, second + 2)]


def test_next_and_previous_cycle_through_the_matches(view, qtbot):
    lines = report_lines()
    document = make_document(lines)
    open_document(view, qtbot, document, "s2t")
    view.find("U盤")
    total = view.match_count()
    assert total == len(lines)
    assert view.current_match_index() == 0
    view.find_previous()
    assert view.current_match_index() == total - 1
    # The current match is scrolled into view: its block is on screen.
    start = view.current_match()[0]
    block = view.original_pane.document().findBlock(view.original_pane.index.to_utf16(start))
    assert view.original_pane.top_block_number() <= block.blockNumber()
    assert view.original_pane.cursorRect().intersects(view.original_pane.viewport().rect())
    view.find_next()
    assert view.current_match_index() == 0
    for _ in range(3):
        view.find_next()
    assert view.current_match_index() == 3
    assert view.find_bar.count_text() == f"4 / {total}"
    (current,) = view.original_pane.layer(FIND_CURRENT_LAYER)
    assert current.cursor.selectionStart() == view.matches()[3][0]


def test_find_also_finds_words_only_the_converted_pane_shows(view, qtbot):
    document = make_document(["请用U盘拷贝文件。"])
    open_document(view, qtbot, document, "s2twp")
    view.find("隨身碟")
    start = document.text.index("U盘")
    assert view.matches() == [(start, start + 2)]
    (current,) = view.converted_pane.layer(FIND_CURRENT_LAYER)
    assert selected_text(current) == "隨身碟"


def test_find_ignores_latin_case(view, qtbot):
    document = make_document(["USB接口与usb设备", "Usb"])
    open_document(view, qtbot, document, "s2t")
    assert view.find("usb") == 3


def test_the_find_bar_keys(view, qtbot):
    document = make_document(report_lines(10))
    open_document(view, qtbot, document, "s2t")
    view.open_find()
    assert view.find_bar.isVisible()
    edit = view.find_bar.line_edit
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == 10):
        qtbot.keyClicks(edit, "u")  # QTest types Latin-1 only; "u" finds each U盘
    assert view.find_bar.count_text() == "1 / 10"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert view.current_match_index() == 1
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_match_index() == 9
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == 0):
        qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not view.find_bar.isVisible()
    assert view.original_pane.layer(FIND_LAYER) == []
    # Reopening searches the last query again.
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == 10):
        view.find_bar.show_and_focus()


def test_no_matches_says_so(view, qtbot):
    open_document(view, qtbot, make_document(["我们推动高质量发展。"]), "s2t")
    view.find_bar.open()
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == 0):
        qtbot.keyClicks(view.find_bar.line_edit, "xyz")
    assert view.find_bar.count_text() == view.find_bar.tr("No matches")
    assert not view.find_bar.next_button.isEnabled()


def test_find_matches_and_the_mirror_coexist(view, qtbot):
    document = make_document(["我们推动高质量发展，发展是第一要务。"])
    open_document(view, qtbot, document, "s2t")
    view.find("发展")
    with qtbot.waitSignal(view.selection_mirrored):
        view.original_pane.select_span(2, 4)
    layers = view.converted_pane.layer_names()
    assert layers == [FIND_LAYER, FIND_CURRENT_LAYER, MIRROR_LAYER]
    assert len(view.converted_pane.extraSelections()) == 2 + 1 + 1
    # A caller's own layer (highlights) joins them and survives a config switch.
    view.set_span_layer("highlights", [(0, 2)], "#c8e6c9")
    with qtbot.waitSignal(view.config_changed):
        view.set_config("s2hk")
    assert view.converted_pane.layer_names()[0] == "highlights"
    assert [selected_text(s) for s in view.converted_pane.layer("highlights")] == ["我們"]


def test_a_new_document_keeps_the_query_and_drops_the_old_matches(view, qtbot):
    open_document(view, qtbot, make_document(["发展发展"]), "s2t")
    view.find("发展")
    assert view.match_count() == 2
    with qtbot.waitSignal(view.matches_changed, check_params_cb=lambda n: n == 1):
        view.set_document(make_document(["只有一次發展"], script="traditional"), "t2s")


# -- fonts -------------------------------------------------------------------------------


def test_zoom_changes_both_panes_together(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2t")
    size = view.font_size()
    with qtbot.waitSignal(view.zoom_changed, check_params_cb=lambda s: s == size + 1):
        view.zoom_in()
    assert view.font_size() == size + 1 and view.zoom() == 1
    assert view.converted_pane.font().pointSizeF() == view.original_pane.font().pointSizeF()
    with qtbot.waitSignal(view.zoom_changed, check_params_cb=lambda s: s == size - 2):
        view.set_zoom(-2)
    view.set_zoom(1000)
    assert view.font_size() <= 48
    view.reset_zoom()
    assert view.font_size() == size
    view.set_font_size(size + 3)
    assert view.font_size() == size + 3 and view.zoom() == 3


def test_choosing_a_font_family_sets_it_in_both_panes(view, qtbot):
    from PySide6.QtGui import QFontDatabase

    open_document(view, qtbot, make_document(report_lines()), "s2t")
    current = view.font_family()
    other = next(family for family in QFontDatabase.families() if family != current)
    view.set_font_family(other)
    assert view.font_family() == other
    assert view.original_pane.font().family() == view.converted_pane.font().family() == other


def test_panes_stay_level_after_zoom(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2t")
    with qtbot.waitSignal(view.scroll_synced):
        view.original_pane.scroll_to_block(15)
    with qtbot.waitSignal(view.scroll_synced):
        view.zoom_in()
    assert view.original_pane.top_block_number() == view.converted_pane.top_block_number() == 15


def test_clear_shows_nothing(view, qtbot):
    open_document(view, qtbot, make_document(report_lines()), "s2t")
    view.find("发展")
    view.clear()
    assert view.document() is None
    assert view.original_pane.toPlainText() == view.converted_pane.toPlainText() == ""
    assert view.match_count() == 0
    assert view.pane(CONVERTED) is view.converted_pane


def test_noise_blocks_are_drawn_muted_in_both_panes(view, qtbot):
    from PySide6.QtGui import QColor

    from reader.core.ingest import ingest_file
    from reader.ui.reading.pane import MUTED_COLOR
    from tests.support import seed_path

    document = ingest_file(seed_path(2))
    open_document(view, qtbot, document, "s2t")
    number = next(n for n, block in enumerate(document.blocks) if block.text == "20242024")
    for pane in (view.original_pane, view.converted_pane):
        block = pane.document().findBlockByNumber(number)
        colours = {fragment.charFormat().foreground().color().name() for fragment in _fragments(block)}
        assert colours == {QColor(MUTED_COLOR).name()}
    other = view.original_pane.document().findBlockByNumber(number + 1)
    assert QColor(MUTED_COLOR).name() not in {f.charFormat().foreground().color().name() for f in _fragments(other)}


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            yield fragment
        it += 1
