"""View ▸ Targets by Year: the table window over the acceptance library (2022–2025, see
tests/unit/test_years.py for where each year's figures come from)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.ui.commands.documents import RemoveDocumentCommand
from tests.unit.test_years import build_library


@pytest.fixture
def years_main(qtbot, tmp_path):
    from reader.ui.main_window import MainWindow

    library, ids = build_library(tmp_path / "years.sqlite3")
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.open_initial_document()
    win.show()
    qtbot.waitExposed(win)
    yield win, ids
    library.close()


def open_table(qtbot, win):
    win.years_action.trigger()
    from reader.ui.years_window import YearsWindow

    table_window = win.findChild(YearsWindow, "years_window")
    assert table_window is not None
    qtbot.waitExposed(table_window)
    return table_window


def texts(table_window) -> dict[str, list[str]]:
    table = table_window.table
    out = {}
    for r in range(table.rowCount()):
        out[table.verticalHeaderItem(r).text()] = [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
    return out


def test_the_window_shows_each_year_and_each_change(qtbot, years_main):
    win, _ = years_main
    table_window = open_table(qtbot, win)
    table = table_window.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == ["2022", "2023", "2024", "2025"]
    rows = texts(table_window)
    assert rows["国内生产总值增长"] == ["5.5%左右", "5%左右 ↓", "5%左右 =", "5%左右 ="]
    assert rows["粮食产量"] == ["1.3万亿斤以上", "1.3万亿斤以上 =", "1.3萬億斤以上 =", "1.4万亿斤左右 ↑"]
    assert rows["进出口促稳提质"][2:] == ["— dropped", ""]
    tip = table.item(0, 1).toolTip()
    assert "5%左右" in tip and "5.5%左右" in tip and "2022" in tip
    # Colour says it too, never alone: lowered and raised cells are tinted differently.
    assert table.item(0, 1).background().color() != table.item(7, 3).background().color()


def test_clicking_a_cell_opens_its_sentence(qtbot, years_main):
    win, ids = years_main
    table_window = open_table(qtbot, win)
    table = table_window.table
    rect = table.visualItemRect(table.item(0, 2))  # 2024, GDP: seed 001 in Traditional
    with qtbot.waitSignal(win.document_opened, timeout=5000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_id == ids[2024]
    assert win.view.original_pane.textCursor().selectedText() == "國內生產總值增長5%左右"


def test_the_table_follows_documents_removed_and_restored(qtbot, years_main):
    win, ids = years_main
    table_window = open_table(qtbot, win)
    win.funnel.push(RemoveDocumentCommand(win.funnel, ids[2022]))
    qtbot.waitUntil(lambda: table_window.table.columnCount() == 3)
    assert texts(table_window)["国内生产总值增长"] == ["5%左右", "5%左右 =", "5%左右 ="]
    win.undo_stack.undo()
    qtbot.waitUntil(lambda: table_window.table.columnCount() == 4)


def test_export_writes_the_table_and_the_window_keeps_its_place(qtbot, years_main, tmp_path):
    win, _ = years_main
    table_window = open_table(qtbot, win)
    table_window.export_to(str(tmp_path / "years.md"))
    assert "| 国内生产总值增长 | 5.5%左右 | 5%左右 ↓ | 5%左右 = | 5%左右 = |" in (tmp_path / "years.md").read_text(encoding="utf-8")
    table_window.export_to(str(tmp_path / "years.csv"))
    assert "gdp_growth" in (tmp_path / "years.csv").read_text(encoding="utf-8-sig")
    table_window.resize(700, 430)  # (within the offscreen screen's 800 × 600)
    size = table_window.size()
    table_window.close()
    table_window.deleteLater()
    qtbot.waitUntil(lambda: win.findChild(type(table_window), "years_window") is None)
    again = open_table(qtbot, win)
    assert again is not table_window
    assert again.size() == size
