"""Targets, tasks, figures and terms shown in place: docks that jump, layers that toggle."""

from __future__ import annotations

from reader.core.extraction import FIGURES, TARGETS, TERMS
from reader.ui.reading.highlights import layer_name
from reader.ui.reading.reader_view import CONVERTED, ORIGINAL
from tests.ui.opening import open_titled

REPORT_2024 = "2024年政府工作報告（決議及第一部分）"
TASKS_2024 = "2024年政府工作报告（三）政府工作任务 · 中英对照"


def test_targets_dock_lists_the_years_targets_and_a_click_selects_them(window, qtbot):
    open_titled(window, qtbot, REPORT_2024)
    table = window.targets_dock.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert rows["國內生產總值增長"] == ("5%", "左右")
    assert any(value == "1200萬人" and qualifier == "以上" for value, qualifier in rows.values())
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "國內生產總值增長")
    with qtbot.waitSignal(window.view.selection_mirrored):
        table.cellClicked.emit(row, 0)
    start, end = window.view.selection_span()
    assert window.document.text[start:end].startswith("國內生產總值增長5%左右")
    # The converted pane shows the same target, in Simplified.
    c_start, c_end = window.view.mirror_span(CONVERTED)
    assert window.view.converted_pane.toPlainText()[c_start:c_end].startswith("国内生产总值增长5%左右")


def test_highlight_layers_paint_both_panes_and_toggle_off(window, qtbot):
    open_titled(window, qtbot, REPORT_2024)
    for kind in (TARGETS, FIGURES, TERMS):
        for side in (ORIGINAL, CONVERTED):
            assert window.view.pane(side).layer_spans(layer_name(kind)), (kind, side)
    window.layer_actions[FIGURES].trigger()
    assert not window.view.original_pane.layer_spans(layer_name(FIGURES))
    assert not window.view.converted_pane.layer_spans(layer_name(FIGURES))
    assert window.view.original_pane.layer_spans(layer_name(TARGETS))
    window.layer_actions[FIGURES].trigger()
    assert window.view.converted_pane.layer_spans(layer_name(FIGURES))


def test_terms_are_underlined_in_both_scripts(window, qtbot):
    open_titled(window, qtbot, REPORT_2024)
    pane = window.view.converted_pane
    text = pane.toPlainText()
    assert "新质生产力" in [text[s:e] for s, e in pane.layer_spans(layer_name(TERMS))]


def test_tasks_dock_is_a_tree_and_a_click_jumps(window, qtbot):
    open_titled(window, qtbot, TASKS_2024)
    tree = window.tasks_dock.tree
    assert tree.topLevelItemCount() == 5
    first = tree.topLevelItem(0)
    assert "新质生产力" in first.text(0)
    assert first.child(0).text(0).startswith("推动产业链供应链优化升级")
    with qtbot.waitSignal(window.view.selection_mirrored):
        tree.itemClicked.emit(first.child(0), 0)
    start, end = window.view.selection_span()
    assert window.document.text[start:end].startswith("推动产业链供应链优化升级")


def test_layer_choices_survive_a_restart(window, qtbot, library):
    from reader.ui.main_window import MainWindow

    window.layer_actions[TERMS].trigger()
    window.close()
    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    assert not again.layer_actions[TERMS].isChecked()
    assert again.layer_actions[TARGETS].isChecked()


def test_docks_say_when_a_document_has_no_targets_or_tasks(window, qtbot):
    open_titled(window, qtbot, TASKS_2024)
    targets, tasks = window.targets_dock, window.tasks_dock
    assert targets.message.isVisibleTo(targets) and not targets.table.isVisibleTo(targets)
    assert "主要预期目标" in targets.message.text()
    assert tasks.tree.isVisibleTo(tasks) and not tasks.message.isVisibleTo(tasks)


def test_the_targets_table_fits_a_narrow_dock_without_scrolling_sideways(window, qtbot):
    from PySide6.QtCore import Qt

    open_titled(window, qtbot, REPORT_2024)
    dock = window.targets_dock
    window.resizeDocks([dock], [260], Qt.Orientation.Horizontal)
    table = dock.table
    qtbot.waitUntil(lambda: table.viewport().width() <= 300)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # indicator, value and qualifier all in view
    for column in (1, 2):  # value and qualifier shown whole
        assert not header.isSectionHidden(column)
        widest = max(table.fontMetrics().horizontalAdvance(table.item(r, column).text()) for r in range(table.rowCount()))
        assert header.sectionSize(column) >= widest
    assert "國內生產總值增長5%左右" in table.item(0, 0).toolTip()  # the sentence, on hover
