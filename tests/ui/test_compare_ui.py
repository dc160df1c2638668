"""The compare window as a reader uses it: 2024 (Traditional) beside 2025 (Simplified)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.compare.model import SAME
from reader.core.link import LEFT, RIGHT
from reader.ui.reading.annotation_layers import layer_name

REPORT_2024 = "2024年政府工作報告（決議及第一部分）"
SUMMARY_2025 = "2025年政府工作报告摘要"


def doc_id(window, title: str) -> int:
    (info,) = [i for i in window.library.documents() if i.title == title]
    return info.id


@pytest.fixture
def compare(window, qtbot):
    a, b = doc_id(window, REPORT_2024), doc_id(window, SUMMARY_2025)
    compare = window.open_compare(a, b)
    qtbot.addWidget(compare)
    with qtbot.waitSignal(compare.comparison_ready, timeout=20_000):
        pass
    compare.resize(1400, 900)
    qtbot.waitExposed(compare)
    return compare


@pytest.fixture
def edited(window, qtbot):
    """The 2024 report beside an edited copy of it (a paragraph reworded, two swapped, one
    removed, one added): changes all through the text."""
    from reader.core.ingest import ingest_text

    original_id = doc_id(window, REPORT_2024)
    lines = window.library.document(original_id).text.split("\n")
    long = [n for n, line in enumerate(lines) if len(line) > 60]
    edited_lines = list(lines)
    edited_lines[long[1]] = edited_lines[long[1]][:-1] + "，並且持續推進各項工作。"
    edited_lines[long[9]] = edited_lines[long[9]][:-1] + "，確保取得實效。"
    edited_lines[long[3]], edited_lines[long[4]] = edited_lines[long[4]], edited_lines[long[3]]
    del edited_lines[long[6]]
    edited_lines.insert(long[8], "這是新加入的一段文字，討論全新的政策方向與具體措施安排。")
    copy_id, _ = window.library.add(ingest_text("\n\n".join(edited_lines)), title="2024 edited", year=2025)
    compare = window.open_compare(original_id, copy_id)
    qtbot.addWidget(compare)
    with qtbot.waitSignal(compare.comparison_ready, timeout=20_000):
        pass
    compare.resize(1400, 900)
    qtbot.waitExposed(compare)
    return compare


def visible_blocks(pane) -> range:
    """Block numbers with any part inside the pane's viewport."""
    first = pane.firstVisibleBlock()
    number, block = first.blockNumber(), first
    offset, height = pane.contentOffset(), pane.viewport().height()
    last = number
    while block.isValid() and pane.blockBoundingGeometry(block).translated(offset).top() < height:
        last = block.blockNumber()
        block = block.next()
    return range(number, last + 1)


def test_the_window_opens_with_both_texts_and_fills_in_the_comparison(compare):
    view = compare.view
    a, b = compare.documents
    assert view.pane(LEFT).toPlainText() == a.text
    assert view.pane(RIGHT).toPlainText() == b.text
    assert view.change_count() > 0
    assert "same" in compare.status.text()


def test_next_change_brings_both_sides_of_the_next_pair_into_view(edited, qtbot):
    compare = edited
    compare.resize(1200, 360)  # a few paragraphs a screen, so each change needs both panes to move
    view = compare.view
    for pane in view.panes:
        pane.scroll_to_block(pane.document().blockCount() - 1)  # start away from every change
    changes = view.comparison().changes()
    paired = [n for n, pair in enumerate(changes) if pair.a and pair.b]
    assert len(paired) >= 2
    for _ in range(paired[1] + 1):
        with qtbot.waitSignal(view.current_change_changed):
            compare.next_action.trigger()
    pair = changes[view.current_change()]
    assert pair.a[0] in visible_blocks(view.pane(LEFT))
    assert pair.b[0] in visible_blocks(view.pane(RIGHT))
    expected = view.current_change() - 1
    with qtbot.waitSignal(view.current_change_changed, check_params_cb=lambda n: n == expected):
        qtbot.keyClick(compare, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)


def test_the_link_map_paints_a_band_for_each_aligned_change_on_screen(edited, qtbot):
    view = edited.view
    view.next_change()
    view.link_map.repaint()
    left, right = visible_blocks(view.pane(LEFT)), visible_blocks(view.pane(RIGHT))
    on_screen = [
        pair for pair in view.comparison().blocks
        if pair.kind != SAME and pair.a and pair.b and (pair.a[0] in left or pair.b[0] in right)
    ]
    painted = [band.pair for band in view.link_map.painted if band.pair.a and band.pair.b]
    assert on_screen and all(pair in painted for pair in on_screen)
    for band in view.link_map.painted:
        assert band.left[0] <= band.left[1] and band.right[0] <= band.right[1]


def test_the_targets_dock_lists_the_targets_side_by_side(compare):
    rows = {row[0]: row[1:] for row in compare.targets_dock.rows()}
    cpi = next(v for k, v in rows.items() if "居民消费价格" in k or "居民消費價格" in k)
    assert cpi[2] == "↓"
    gdp = next(v for k, v in rows.items() if "国内生产总值" in k or "國內生產總值" in k)
    assert gdp[2] == "="


def test_a_highlight_made_in_the_compare_view_shows_in_the_reader(window, compare, qtbot):
    view = compare.view
    b_id = compare.ids[RIGHT]
    text = view.pane(RIGHT).toPlainText()
    start = text.index("新质生产力")
    view.pane(RIGHT).select_span(start, start + len("新质生产力"))
    compare.activateWindow()
    with qtbot.waitSignal(window.funnel.applied):
        compare.highlight_action.trigger()
    (annotation,) = window.library.annotations(b_id)
    assert annotation.quote == "新质生产力"
    assert [text[s:e] for s, e in view.pane(RIGHT).layer_spans(f"{layer_name(annotation.color)}:{RIGHT}")] == ["新质生产力"]
    with qtbot.waitSignal(window.document_opened):
        window.open_document(b_id)
    pane = window.view.original_pane
    assert [pane.toPlainText()[s:e] for s, e in pane.layer_spans(layer_name(annotation.color))] == ["新质生产力"]


def test_showing_both_in_simplified_converts_the_traditional_side(compare, qtbot):
    with qtbot.waitSignal(compare.view.comparison_shown):
        compare.script_combo.setCurrentIndex(compare.script_combo.findData("simplified"))
    left = compare.view.pane(LEFT).toPlainText()
    assert "国内生产总值" in left and "國內生產總值" not in left


def test_the_comparison_exports_as_a_markdown_brief_and_a_web_page(compare, tmp_path):
    brief = compare.export_comparison(str(tmp_path / "2024-2025.md"))
    text = (tmp_path / "2024-2025.md").read_text(encoding="utf-8")
    assert brief is not None and "## Targets" in text
    assert "居民消费价格涨幅" in text or "居民消費價格漲幅" in text
    page = compare.export_comparison(str(tmp_path / "2024-2025.html"))
    html = (tmp_path / "2024-2025.html").read_text(encoding="utf-8")
    assert page is not None and html.lstrip().lower().startswith("<!doctype html>")
