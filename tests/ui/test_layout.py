"""Room to read: the first window's size, panes that keep 30 characters, focus mode, reset
layout, each document reopening where it was left, and the outline following the reading."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QToolBar

from reader.core.model import HEADING
from reader.store.search import SearchHit
from reader.ui import settings
from reader.ui.layout import first_geometry, fit_inside


def chars_per_pane(window) -> list[float]:
    """How many characters of the reader font fit on a line of each pane showing."""
    return [
        pane.viewport().width() / QFontMetricsF(pane.font()).horizontalAdvance("国")
        for pane in window.view.panes
        if pane.isVisible()
    ]


def shown_docks(window) -> set[str]:
    """The docks a reader can see (a dock behind another's tab counts: its tab shows)."""
    return {dock.objectName() for dock in window._docks() if not dock.isHidden()}


def toolbars(window) -> list[QToolBar]:
    return window.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly)


def open_id(window, qtbot, doc_id: int) -> None:
    with qtbot.waitSignal(window.document_opened):
        window.open_document(doc_id)


def test_a_1024_by_700_window_keeps_30_characters_in_each_pane(window, qtbot):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: len(chars_per_pane(window)) == 2 and min(chars_per_pane(window)) >= 30)
    # Back to a wide window: the docks come back on both sides.
    window.resize(1600, 950)
    qtbot.waitUntil(lambda: window.layout_keeper.collapsed() == "")
    qtbot.waitUntil(lambda: window.dockWidgetArea(window.targets_dock) == Qt.DockWidgetArea.RightDockWidgetArea)
    assert min(chars_per_pane(window)) >= 30


def test_a_very_narrow_window_hides_docks_before_the_panes_get_narrower(window, qtbot):
    window.resize(860, 700)
    qtbot.waitUntil(lambda: min(chars_per_pane(window)) >= 30)
    assert len(chars_per_pane(window)) == 2


def test_the_first_window_covers_most_of_the_available_screen(qtbot, library):
    from reader.ui.main_window import MainWindow

    window = MainWindow(library)
    qtbot.addWidget(window)
    window.restore_state()
    available = window.screen().availableGeometry()
    geometry = window.geometry()
    assert available.contains(geometry)
    assert geometry.width() * geometry.height() >= 0.8 * available.width() * available.height()
    assert abs(geometry.center().x() - available.center().x()) <= 2


def test_first_geometry_takes_90_percent_of_a_large_screen_centred():
    rect = first_geometry(QRect(0, 0, 1600, 1000))
    assert (rect.width(), rect.height()) == (1440, 900)
    assert rect.center() == QRect(0, 0, 1600, 1000).center()
    small = first_geometry(QRect(0, 0, 1024, 700))
    assert small.width() >= 1000 and small.height() >= 640 and QRect(0, 0, 1024, 700).contains(small)


def test_a_saved_geometry_larger_than_the_screen_is_brought_inside(qtbot, library):
    from reader.ui.main_window import MainWindow

    assert QRect(0, 0, 1024, 700).contains(fit_inside(QRect(900, 500, 2500, 1400), QRect(0, 0, 1024, 700)))
    first = MainWindow(library)
    qtbot.addWidget(first)
    first.setGeometry(3000, 2000, 2800, 1900)  # saved on a big monitor to the lower right
    settings.set_value(settings.GEOMETRY, first.saveGeometry())
    second = MainWindow(library)
    qtbot.addWidget(second)
    second.restore_state()
    assert second.screen().availableGeometry().contains(second.geometry())


def test_f11_hides_every_dock_and_toolbar_and_brings_back_exactly_those_shown(window, qtbot):
    window.tasks_dock.close()
    window.search_dock.close()
    before = shown_docks(window)
    assert before and "tasks_dock" not in before
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.focus_mode_action.isChecked()
    assert shown_docks(window) == set()
    assert not any(bar.isVisible() for bar in toolbars(window))
    assert window.menuBar().isVisible()
    qtbot.waitUntil(lambda: min(chars_per_pane(window)) >= 30)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert shown_docks(window) == before
    assert all(bar.isVisible() for bar in toolbars(window))
    # Ctrl+Shift+Return does the same.
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert shown_docks(window) == set()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert shown_docks(window) == before


def test_reset_layout_brings_back_the_first_run_docks(window, qtbot):
    first_run = shown_docks(window)
    assert {"library_dock", "outline_dock", "targets_dock", "annotations_dock"} <= first_run
    window.library_dock.close()
    window.annotating.dock.close()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.targets_dock)
    toolbars(window)[0].hide()
    window.reset_layout_action.trigger()
    assert shown_docks(window) == first_run
    assert window.dockWidgetArea(window.targets_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert all(bar.isVisible() for bar in toolbars(window))
    assert window.library_dock.width() < window.width() // 4


def test_a_document_reopens_where_it_was_left(window, qtbot, library):
    from reader.ui.main_window import MainWindow

    first, second = sorted(info.id for info in library.documents())[:2]
    open_id(window, qtbot, first)
    window.view.scroll_to_block(12)
    assert window.view.top_block_number() == 12
    open_id(window, qtbot, second)
    assert window.view.top_block_number() == 0  # never read: from the top
    open_id(window, qtbot, first)
    assert window.view.top_block_number() == 12
    window.view.scroll_to_block(20)  # read on, then quit: the place is kept on closing
    window.close()

    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    again.resize(1200, 800)
    again.open_initial_document()
    again.show()
    qtbot.waitExposed(again)
    assert again.current_id == first
    assert again.view.top_block_number() == 20


def test_a_search_hit_wins_over_the_remembered_position(window, qtbot, library):
    first, second = sorted(info.id for info in library.documents())[:2]
    open_id(window, qtbot, first)
    window.view.scroll_to_block(12)
    open_id(window, qtbot, second)
    text = window.library.document(first).text
    start = text.index("\n") + 1  # the start of the second block
    hit = SearchHit("document", first, "", None, start, start + 2, text[start : start + 2], 0, 2)
    window.open_hit(hit)
    pane = window.view.original_pane
    assert pane.firstVisibleBlock().blockNumber() <= 1 <= pane.cursorForPosition(pane.viewport().rect().bottomLeft()).blockNumber()


def test_the_outline_marks_the_section_being_read(window, qtbot):
    blocks = window.document.blocks
    headings = [n for n, block in enumerate(blocks) if block.kind == HEADING]
    assert len(headings) >= 3
    heading = headings[2]
    window.view.original_pane.setFocus()
    window.view.scroll_to_block(heading + 2)
    qtbot.waitUntil(lambda: window.outline_dock.marked_block() == heading)
    item = window.outline_dock.tree.currentItem()
    assert item.text(0) in blocks[heading].text or blocks[heading].text.startswith(item.text(0).rstrip("…"))
    assert item.font(0).bold()
    others = [window.outline_dock.tree.topLevelItem(0)]
    assert not any(other.font(0).bold() for other in others if other is not item)
    # Marking neither moves the text nor takes the focus.
    assert window.view.top_block_number() == heading + 2
    assert not window.outline_dock.tree.hasFocus()
    # Back above the first heading's section: the mark moves with the reader.
    window.view.scroll_to_block(headings[0])
    qtbot.waitUntil(lambda: window.outline_dock.marked_block() == headings[0])
