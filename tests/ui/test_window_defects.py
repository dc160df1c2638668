"""Defects a new reader met in the window, each pinned by the test that found it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCursor

from reader.core.model import HEADING
from reader.ui import settings
from tests.ui.dialogs import answer_next_message_box
from tests.ui.opening import open_titled

REPORT_2024 = "2024年政府工作報告（決議及第一部分）"
SUMMARY_2025 = "2025年政府工作报告摘要"


def doc_id(window, title: str) -> int:
    (info,) = [i for i in window.library.documents() if i.title == title]
    return info.id



def bold_outside_headings(window) -> list[str]:
    """Text drawn bold in either pane that is not a heading's."""
    found = []
    for pane in window.view.panes:
        block = pane.document().begin()
        number = 0
        while block.isValid():
            if window.document.blocks[number].kind != HEADING:
                it = block.begin()
                while not it.atEnd():
                    fragment = it.fragment()
                    if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                        found.append(fragment.text())
                    it += 1
            block = block.next()
            number += 1
    return found


def test_a_selection_in_a_heading_does_not_make_the_next_document_bold(window, qtbot):
    open_titled(window, qtbot, REPORT_2024)
    heading = next(n for n, b in enumerate(window.document.blocks) if b.kind == HEADING)
    start = window.document.blocks[heading].start
    for pane in window.view.panes:  # a caret or selection inside a heading, in either pane
        pane.select_span(start + 1, start + 3)
        open_titled(window, qtbot, SUMMARY_2025)
        assert bold_outside_headings(window) == []
        open_titled(window, qtbot, REPORT_2024)
        assert bold_outside_headings(window) == []


def test_note_and_tags_on_a_highlight_from_the_caret_in_the_converted_pane(window, qtbot):
    number = open_titled(window, qtbot, REPORT_2024)
    text = window.document.text
    start = text.index("新質生產力")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.create(number, start, start + 5)
    # The reader clicks inside the highlight in the converted (Simplified) pane: no selection.
    pane = window.view.converted_pane
    inside = pane.toPlainText().index("新质生产力") + 2
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.index.to_utf16(inside))
    pane.setTextCursor(cursor)
    pane.setFocus()
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.edit_note(note="the slogan")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.edit_tags(tags=["slogan"])
    (annotation,) = window.library.annotations(number)  # edited, not a second one made
    assert (annotation.start, annotation.note, annotation.tags) == (start, "the slogan", ("slogan",))


def test_remove_names_the_document_asks_once_and_undo_keeps_its_id(window, qtbot):
    number = open_titled(window, qtbot, SUMMARY_2025)
    count = len(window.library.documents())
    window.library_dock.select(number)

    seen: list[str] = []
    answer_next_message_box("Cancel", seen=seen)
    window.remove_selected()
    assert SUMMARY_2025 in seen[0]
    assert len(window.library.documents()) == count  # cancelled: nothing removed

    answer_next_message_box("Remove", tick=True)
    window.remove_selected()
    assert number not in [i.id for i in window.library.documents()]
    assert SUMMARY_2025 in window.statusBar().currentMessage()
    assert settings.get_bool(settings.CONFIRM_REMOVE, True) is False

    window.undo_action.trigger()
    assert doc_id(window, SUMMARY_2025) == number  # the same id: scripts and links still work
    assert window.library_dock.selected_ids() == [window.current_id]  # one row, not two

    # "Don't ask again" holds: the next removal asks nothing (a dialog would block this call).
    window.library_dock.select(number)
    window.remove_selected()
    assert number not in [i.id for i in window.library.documents()]


def test_a_library_search_hit_shows_its_whole_context_in_a_narrow_dock(window, qtbot):
    from PySide6.QtCore import QRect, Qt

    dock = window.search_dock
    dock.show()
    dock.raise_()
    # A layout pass still pending from the window's start (room to read fits the docks) can undo
    # the narrowing: in a full run the dock was sometimes its old width when the results came.
    def narrowed() -> bool:
        window.resizeDocks([dock], [220], Qt.Orientation.Horizontal)
        return dock.width() <= 240

    qtbot.waitUntil(narrowed, timeout=5_000)
    with qtbot.waitSignal(dock.results_ready, timeout=30_000):
        dock.line.setText("新质生产力")
        dock.search_now()
    tree = dock.tree
    group = tree.topLevelItem(0)
    item = group.child(0)
    rect = tree.visualItemRect(item)
    assert 0 < rect.width() < 400
    metrics = tree.fontMetrics()
    needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text(0))
    assert "【" in item.text(0)
    assert rect.height() >= needed.height()  # every line of it, the match included, is shown


def test_the_two_panes_start_level_whatever_their_headers_say(window, qtbot):
    from PySide6.QtCore import QPoint

    open_titled(window, qtbot, REPORT_2024)
    tops = [pane.mapTo(window, QPoint(0, 0)).y() for pane in window.view.panes]
    assert tops[0] == tops[1]
