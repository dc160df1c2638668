"""The window over a read-only library, and File ▸ Back Up / Restore from Backup (issue 17)."""

from __future__ import annotations

import pytest

from reader.store import Library


@pytest.fixture
def read_only_window(qtbot, library, monkeypatch):
    from reader.ui.main_window import MainWindow

    path = library.path
    library.close()
    monkeypatch.setattr("reader.store.library._can_write", lambda _path: False)  # as on a CD or a locked share
    read_only = Library.open(path)
    win = MainWindow(read_only)
    qtbot.addWidget(win)
    win.open_initial_document()
    win.show()
    qtbot.waitExposed(win)
    yield win
    read_only.close()


@pytest.mark.timeout(60)
def test_a_read_only_library_says_so_and_offers_no_editing(read_only_window):
    win = read_only_window
    assert win.library.read_only
    assert win.windowTitle().endswith("(read-only)")
    assert win.backing_up.read_only_label.isVisible()
    annotating = win.annotating
    for action in (annotating.highlight_action, annotating.note_action, annotating.tag_action, win.import_action,
                   win.remove_action, win.backing_up.restore_action, *annotating.color_actions.values()):
        assert not action.isEnabled(), action.text()
    assert win.backing_up.back_up_action.isEnabled() and win.exporting.export_action.isEnabled()
    win.open_document(win.library.documents()[-1].id)  # a title change keeps the mark
    assert win.windowTitle().endswith("(read-only)")


@pytest.mark.timeout(60)
def test_a_writable_library_has_editing_on_and_no_mark(window):
    assert not window.windowTitle().endswith("(read-only)")
    assert window.annotating.highlight_action.isEnabled() and not window.backing_up.read_only_label.isVisible()


@pytest.mark.timeout(60)
def test_restore_from_backup_reopens_the_library_as_the_backup_had_it(window, tmp_path):
    made = window.backing_up.back_up(str(tmp_path / "copy.sqlite3"))
    assert made is not None and made.exists()
    doc_id = window.current_id
    assert doc_id is not None
    window.library.add_annotation(doc_id, 0, 2, note="备份之后")
    assert window.backing_up.restore(str(made), confirm=False)
    assert window.library.annotation_count() == 0
    assert window.annotating.dock.table.model().rowCount() == 0
    assert "Restored the library" in window.statusBar().currentMessage()
    assert window.current_id is not None  # a document is on screen again
