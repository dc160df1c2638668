"""View ▸ Targets and Outcomes over the fixture pairs of tests/fixtures/outcomes (2011→2012,
2014→2015, 2022→2023; see the README there for where each figure comes from), the 2022 pair in
Traditional so a click lands on Traditional words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from reader.core.convert import convert_text
from reader.core.ingest import ingest_text
from reader.store.library import Library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "outcomes"


@pytest.fixture
def outcomes_main(qtbot, tmp_path):
    from reader.ui.main_window import MainWindow

    library = Library.open(tmp_path / "outcomes.sqlite3")
    ids = {}
    for path in sorted(FIXTURES.glob("*_report.txt")):
        year = int(path.name[:4])
        text = path.read_text(encoding="utf-8")
        if year in (2022, 2023):
            text = convert_text(text, "s2twp").text
        ids[year], _ = library.add(ingest_text(text), year=year, kind="report")
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.open_initial_document()
    win.show()
    qtbot.waitExposed(win)
    yield win, ids
    library.close()


def open_window(qtbot, win):
    from reader.ui.outcomes_window import OutcomesWindow

    win.outcomes_action.trigger()
    window = win.findChild(OutcomesWindow, "outcomes_window")
    assert window is not None
    qtbot.waitExposed(window)
    return window


def rows(window) -> list[list[str]]:
    table = window.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_window_lists_each_years_target_outcome_and_verdict(qtbot, outcomes_main):
    win, _ = outcomes_main
    window = open_window(qtbot, win)
    shown = {(r[0], r[2], r[3], r[4]) for r in rows(window)}
    assert {
        ("2011", "8%左右", "9.2%", "above"),
        ("2011", "900万人以上", "1221万人", "met"),
        ("2014", "7.5%左右", "7.4%", "within"),
        ("2014", "3.5%左右", "2%", "below"),
        ("2022", "5.5%以內", "5.6%", "missed"),
    } <= shown
    # the verdict is tinted as well as written, and differently for met and missed
    table = window.table
    colours = {table.item(r, 4).text(): table.item(r, 4).background().color().name() for r in range(table.rowCount())}
    assert colours["met"] != colours["missed"]
    # one chart per indicator with a figure: GDP's has an outcome for each reviewed year and a band each
    gdp = window.findChild(type(window.charts[0]), "chart_gdp_growth")
    assert [y for y, _ in gdp.data.series[0].points] == [2011, 2014, 2022]
    assert len(gdp.data.bands) == 3


def test_clicking_an_outcome_opens_its_sentence(qtbot, outcomes_main):
    win, ids = outcomes_main
    window = open_window(qtbot, win)
    table = window.table
    r = next(r for r, row in enumerate(rows(window)) if row[0] == "2022" and row[3] == "5.6%")
    rect = table.visualItemRect(table.item(r, 3))
    with qtbot.waitSignal(win.document_opened, timeout=5000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_id == ids[2023]
    selected = win.view.original_pane.textCursor().selectedText()
    assert selected == "國內生產總值增長3%，城鎮新增就業1206萬人，城鎮調查失業率平均為5.6%，居民消費價格上漲2%。"


def test_clicking_a_target_opens_the_target(qtbot, outcomes_main):
    win, ids = outcomes_main
    window = open_window(qtbot, win)
    table = window.table
    r = next(r for r, row in enumerate(rows(window)) if row[0] == "2014" and row[2] == "7.5%左右")
    table.scrollToItem(table.item(r, 2))
    rect = table.visualItemRect(table.item(r, 2))
    with qtbot.waitSignal(win.document_opened, timeout=5000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_id == ids[2014]
    assert win.view.original_pane.textCursor().selectedText() == "国内生产总值增长7.5%左右"


def test_a_chart_year_clicked_opens_that_years_outcome(qtbot, outcomes_main):
    win, ids = outcomes_main
    window = open_window(qtbot, win)
    chart = window.findChild(type(window.charts[0]), "chart_gdp_growth")
    window.resize(1300, 800)
    qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 100)
    point = chart.point_position(0, 2011.0)
    with qtbot.waitSignal(win.document_opened, timeout=5000):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(point.x()), int(point.y())))
    assert win.current_id == ids[2012]
    assert "9.2%" in win.view.original_pane.textCursor().selectedText()


def test_exports(qtbot, outcomes_main, tmp_path):
    win, _ = outcomes_main
    window = open_window(qtbot, win)
    window.export_to(str(tmp_path / "o.csv"))
    window.export_to(str(tmp_path / "o.md"))
    window.export_to(str(tmp_path / "o.png"))
    assert "2022,urban_unemployment" in (tmp_path / "o.csv").read_text(encoding="utf-8").replace("\r\n", "\n")
    assert "| 2014 | 国内生产总值增长 | 7.5%左右 | 7.4% | within |" in (tmp_path / "o.md").read_text(encoding="utf-8")
    assert (tmp_path / "o.png").read_bytes()[:4] == b"\x89PNG"
