"""The status bar names the page (issue 11): "p. 3" for the block at the top of the reading pane
or at the cursor, "pp. 3–4" for one across a page break, nothing for a document without pages."""

from __future__ import annotations

from reader.core.ingest import ingest_text
from tests.unit.test_pages import paged_text


def open_paged(window, qtbot, library) -> int:
    doc_id, _ = library.add(ingest_text(paged_text(["1", "- 2 -", "第3页", "—4—", "5"])), title="有页码的报告")
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: window.view.document() is not None and window.view.document().blocks.paged)
    return doc_id


def block_number(window, words: str) -> int:
    return next(n for n, block in enumerate(window.view.document().blocks) if words in block.text)


def test_the_status_bar_shows_the_page_as_the_reader_scrolls(window, qtbot, library):
    window.resize(1200, 300)  # (the short report must not fit the pane: it has to scroll)
    open_paged(window, qtbot, library)
    qtbot.waitUntil(lambda: window.status_page.text() == "p. 1")
    pane = window.view.original_pane
    pane.scroll_to_block(block_number(window, "（一）大力推进"))
    qtbot.waitUntil(lambda: window.status_page.text() == "pp. 3–4")
    pane.scroll_to_block(block_number(window, "推动产业链供应链优化升级"))
    qtbot.waitUntil(lambda: window.status_page.text() == "p. 4")


def test_the_cursor_moves_the_page_too(window, qtbot, library):
    open_paged(window, qtbot, library)
    pane = window.view.original_pane
    cursor = pane.textCursor()
    cursor.setPosition(pane.document().findBlockByNumber(block_number(window, "表1：")).position())
    pane.setTextCursor(cursor)
    qtbot.waitUntil(lambda: window.status_page.text() == "p. 3")


def test_a_document_without_pages_shows_no_page(window, qtbot, library):
    open_paged(window, qtbot, library)
    qtbot.waitUntil(lambda: window.status_page.text() != "")
    plain = next(info.id for info in library.documents() if info.title != "有页码的报告")
    window.open_document(plain)
    qtbot.waitUntil(lambda: window.status_page.text() == "")
    window.view.original_pane.scroll_to_block(3)
    assert window.status_page.text() == ""
