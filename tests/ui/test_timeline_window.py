"""View ▸ Term Timeline over the first-run library (the seeds and the six full reports 2014–2024)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

YEARS = [2014.0, 2016.0, 2018.0, 2020.0, 2022.0, 2024.0]


@pytest.fixture
def timeline_window(qtbot, window):
    window.timeline_action.trigger()
    from reader.ui.timeline_window import TimelineWindow

    chart_window = window.findChild(TimelineWindow, "timeline_window")
    assert chart_window is not None
    qtbot.waitExposed(chart_window)
    return chart_window


def series(chart_window) -> dict[str, list[tuple[float, float]]]:
    return {s.name: list(s.points) for s in chart_window.chart.data.series}


def test_the_chart_has_a_series_per_term_across_the_years(qtbot, timeline_window):
    timeline_window.set_terms("高质量发展，新常態 新质生产力")
    timeline_window.raw_button.click()
    drawn = series(timeline_window)
    assert list(drawn) == ["高质量发展", "新常態", "新质生产力"]
    assert drawn["高质量发展"] == list(zip(YEARS, [0.0, 0.0, 5.0, 3.0, 10.0, 29.0], strict=True))
    assert [y for _, y in drawn["新常態"]] == [0.0, 2.0, 1.0, 0.0, 0.0, 0.0]
    assert [y for _, y in drawn["新质生产力"]][-1] == 2.0
    # Per 10,000 characters the short 2020 report no longer dips: rising every report from 2018.
    timeline_window.per_10k_button.click()
    high = [y for _, y in series(timeline_window)["高质量发展"]][2:]
    assert high == sorted(high) and len(set(high)) == 4
    assert "first 2018, last 2024" in timeline_window.summary.text()
    timeline_window.bars_button.click()
    assert {s.kind for s in timeline_window.chart.data.series} == {"bars"}


def test_a_click_on_a_year_lists_its_passages_and_a_passage_opens_selected(qtbot, window, timeline_window):
    timeline_window.set_terms("新常态, 高质量发展")
    chart = timeline_window.chart
    x_2016 = int(chart.point_position(0, 2016.0).x())
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x_2016, int(chart.height() * 0.25)))
    passages = timeline_window.passages
    assert passages.count() == 2  # 新常态 twice in 2016, 高质量发展 not yet
    assert all("新常态" in passages.item(i).text() for i in range(2))
    assert timeline_window.year_label.text().startswith("2016: 2 passages")

    # A click on a term's point lists that term's passages only.
    point = chart.point_position(1, 2018.0).toPoint()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=point)
    assert passages.count() == 5 and all("高质量发展" in passages.item(i).text() for i in range(5))

    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x_2016, int(chart.height() * 0.25)))
    item = passages.item(1)
    rect = passages.visualItemRect(item)
    # (extraction_ready comes after document_opened: the opened report's extraction ends in this test)
    with qtbot.waitSignals([window.document_opened, window.extraction_ready], timeout=10_000):
        qtbot.mouseClick(passages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.library.info(window.current_id).year == 2016
    assert window.view.original_pane.textCursor().selectedText() == "新常态"


def test_each_year_shows_the_words_it_brought(qtbot, timeline_window):
    timeline_window.show_year(2024)
    qtbot.waitUntil(lambda: timeline_window.new_words is not None, timeout=20000)
    text = timeline_window.new_label.text()
    assert text.startswith("New in 2024:") and "新质生产力" in text and "低空经济" in text
    timeline_window.show_year(2014)
    assert "first year" in timeline_window.new_label.text()


def test_exports_csv_markdown_and_the_chart_as_png(qtbot, timeline_window, tmp_path):
    timeline_window.set_terms("新质生产力")
    timeline_window.export_to(str(tmp_path / "t.csv"))
    timeline_window.export_to(str(tmp_path / "t.md"))
    timeline_window.export_to(str(tmp_path / "t.png"))
    assert "新质生产力,2024,2," in (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert "| 新质生产力 | 0 (0) |" in (tmp_path / "t.md").read_text(encoding="utf-8")
    image = QImage(str(tmp_path / "t.png"))
    assert not image.isNull() and image.width() >= 640
