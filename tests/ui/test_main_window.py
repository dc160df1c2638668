"""The main window as a reader uses it: open, switch script, outline, import, remove, restart."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.core.convert import CONFIG_NAMES
from tests.ui.dialogs import answer_next_message_box


def titles(window) -> list[str]:
    return [info.title for info in window.library.documents()]


def open_by_title(window, qtbot, title: str) -> None:
    (info,) = [i for i in window.library.documents() if i.title == title]
    with qtbot.waitSignal(window.document_opened):
        window.open_document(info.id)


def test_first_start_shows_the_first_sample_report_beside_its_simplified_conversion(window):
    # The first sample in the manifest is the 2024 report in Traditional script: it opens first,
    # converted to Simplified (the opposite script).
    assert window.current_id == min(info.id for info in window.library.documents())
    assert window.current_info.title == "2024年政府工作報告（決議及第一部分）"
    assert window.document.script == "traditional"
    assert window.view.original_pane.toPlainText() == window.document.text
    assert window.view.config() == "t2s"
    converted = window.view.converted_pane.toPlainText()
    assert "新质生产力" in converted and "新質生產力" not in converted
    assert window.library_dock.tree.topLevelItemCount() == 7  # 2025, 2024 … 2014


def test_the_first_run_library_lists_the_six_reports_under_their_years_newest_first(window):
    tree = window.library_dock.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    listed = {group.text(0): [group.child(j) for j in range(group.childCount())] for group in groups}
    assert list(listed) == ["2025", "2024", "2022", "2020", "2018", "2016", "2014"]
    for year in (2014, 2016, 2018, 2020, 2022):
        (report,) = listed[str(year)]
        assert (report.text(0), report.text(1), report.text(2)) == (f"{year}年政府工作报告", "Report", "简体")
    assert [item.text(0) for item in listed["2024"]] == [
        "2024年中央政府工作報告：從「新」出發",
        "2024年政府工作報告（決議及第一部分）",
        "2024年政府工作报告",
        "2024年政府工作报告（三）政府工作任务 · 中英对照",
        "國家推進新質生產力的背景及其內涵解讀",
    ]
    assert [item.text(0) for item in listed["2025"]] == ["2025年政府工作报告摘要"]
    # Where each full report comes from, on hovering it.
    assert "Qqi-W/python_learning: 2024年政府工作报告.txt" in listed["2024"][2].toolTip(0)


def test_choosing_a_config_in_the_toolbar_converts_the_other_pane(window, qtbot):
    open_by_title(window, qtbot, "2025年政府工作报告摘要")
    combo = window.config_combo
    index = combo.findData("s2hk")
    assert combo.itemText(index) == CONFIG_NAMES["s2hk"][0] == "繁體（香港）"
    with qtbot.waitSignal(window.view.config_changed):
        combo.setCurrentIndex(index)
    assert "發展" in window.view.converted_pane.toPlainText()


def test_outline_lists_headings_and_a_click_jumps_there(window, qtbot):
    open_by_title(window, qtbot, "2024年政府工作報告（決議及第一部分）")
    tree = window.outline_dock.tree
    items = tree.findItems("一、2023年工作回顧", Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchStartsWith)
    assert items, "section heading missing from the outline"
    tree.itemClicked.emit(items[0], 0)
    pane = window.view.original_pane
    assert pane.textCursor().block().text().startswith("一、2023年工作回顧")
    assert pane.cursorRect().top() >= 0 and pane.cursorRect().bottom() <= pane.viewport().height()


def test_import_by_drop_then_undo_and_redo(window, qtbot, tmp_path):
    source = tmp_path / "2026.txt"
    source.write_text("2026年政府工作报告\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="gb18030")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=10_000) as blocker:
        window.dropEvent(drop)
    (new_id,) = blocker.args[0]
    assert window.current_id == new_id
    assert "国内生产总值增长5%左右" in window.view.original_pane.toPlainText()
    assert len(titles(window)) == 12  # the eleven samples and this one
    window.undo_action.trigger()
    assert len(titles(window)) == 11
    window.redo_action.trigger()
    assert len(titles(window)) == 12


def test_a_bad_file_gets_a_dialog_and_nothing_is_lost(window, qtbot, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03binary" * 50)
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.import_files([str(bad)])
    dialog = window.importing.results_dialog  # the per-file results (tests/ui/test_import_gui.py)
    assert dialog is not None and dialog.isVisible()
    ((name, result, reason),) = dialog.rows()
    assert (name, result) == ("scan.pdf", "Not imported") and "scan.pdf" in reason
    assert len(titles(window)) == 11  # the samples, no more


def test_remove_once_confirmed_opens_another_and_undo_brings_the_document_back(window, qtbot):
    before = titles(window)
    current = window.current_id
    answer_next_message_box("Remove")
    window.remove_selected()
    assert len(titles(window)) == len(before) - 1
    assert window.current_id != current and window.current_id is not None
    window.undo_action.trigger()
    assert sorted(titles(window)) == sorted(before)


def test_settings_survive_a_restart_of_the_main_window(window, qtbot, library):
    from reader.ui.main_window import MainWindow

    open_by_title(window, qtbot, "2025年政府工作报告摘要")
    with qtbot.waitSignal(window.view.config_changed):
        window.config_combo.setCurrentIndex(window.config_combo.findData("s2tw"))
    window.view.zoom_in()
    window.view.zoom_in()
    size = window.view.font_size()
    window.single_pane_action.trigger()
    window.resize(700, 500)
    doc_id = window.current_id
    window.close()

    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    again.open_initial_document()
    again.show()
    qtbot.waitExposed(again)
    assert again.current_id == doc_id
    assert again.view.config() == "s2tw"
    assert again.view.font_size() == size
    assert again.single_pane_action.isChecked()
    assert (again.width(), again.height()) == (700, 500)


def test_dark_theme_is_applied_and_remembered(window, qtbot, library):
    from reader.ui import theme
    from reader.ui.main_window import MainWindow

    assert window.theme_actions[theme.SYSTEM].isChecked()  # follows the system by default
    window.theme_actions[theme.DARK].trigger()
    assert theme.is_dark()
    window.close()
    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    assert again.theme_actions[theme.DARK].isChecked() and theme.is_dark()
    again.theme_actions[theme.LIGHT].trigger()
    assert not theme.is_dark()


def test_without_a_chinese_font_the_status_bar_says_so(qtbot, library, monkeypatch):
    from reader.ui import theme
    from reader.ui.main_window import MainWindow

    monkeypatch.setattr(theme, "cjk_font_families", lambda: [])
    win = MainWindow(library)
    qtbot.addWidget(win)
    assert "No Chinese font" in win.statusBar().currentMessage()


def test_find_in_the_window_matches_the_other_script(window, qtbot):
    open_by_title(window, qtbot, "2024年政府工作報告（決議及第一部分）")
    window.find_action.trigger()
    assert window.view.find_bar.isVisible()
    with qtbot.waitSignal(window.view.matches_changed) as blocker:
        window.view.find_bar.line_edit.setText("新质生产力")  # as if typed
    assert blocker.args[0] >= 1
    start, end = window.view.current_match()
    assert window.document.text[start:end] == "新質生產力"


def test_at_start_up_the_document_is_painted_first_and_its_highlights_follow(qtbot, library):
    from reader.ui.main_window import MainWindow

    window = MainWindow(library, paint_first=True)
    qtbot.addWidget(window)
    window.open_initial_document()
    painted = []
    window.first_paint.painted.connect(lambda: painted.append(window.extraction))
    assert window.extraction is None  # nothing extracted (or competing) before the first paint
    with qtbot.waitSignal(window.extraction_ready, timeout=10_000):
        window.show()
    assert painted == [None]  # the paint came first, the extraction after it
    assert window.view.original_pane.layer_names()  # and its highlights are on the page
    assert window.annotating.dock._cards is not None  # the dock's cards are in place too
