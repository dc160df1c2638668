"""Undo and redo across commands that change what other commands refer to.

Each chain is one a reader can make with Ctrl+Z / Ctrl+Shift+Z; a step that fails must show the
error dialog (not escape from Qt's C++ undo stack) and lose nothing.
"""

from __future__ import annotations

import pytest

from reader.ui import settings
from reader.ui.reading.annotation_layers import layer_name

REPORT_2024 = "2024年政府工作報告（決議及第一部分）"


@pytest.fixture
def dialogs(monkeypatch):
    """Every error dialog's message, instead of a modal box nobody can click away."""
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.changes.QMessageBox.warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def open_titled(window, qtbot, title: str) -> int:
    (info,) = [i for i in window.library.documents() if i.title == title]
    with qtbot.waitSignal(window.document_opened):
        window.open_document(info.id)
    return info.id


def highlight(window, qtbot, words: str):
    text = window.document.text
    start = text.index(words)
    with qtbot.waitSignal(window.view.selection_mirrored):
        window.view.show_span(start, start + len(words))
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.highlight("green")
    return window.library.annotations(window.current_id)[-1]


def painted(window, color: str = "green") -> list[str]:
    pane = window.view.original_pane
    text = pane.toPlainText()
    return [text[s:e] for s, e in pane.layer_spans(layer_name(color))]


def test_redo_a_highlight_after_its_document_was_removed_and_the_removal_undone(window, qtbot, dialogs):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    annotation = highlight(window, qtbot, "新質生產力")
    window.library_dock.select(doc_id)
    settings.set_value(settings.CONFIRM_REMOVE, False)  # "don't ask again" was ticked
    window.remove_selected()
    assert doc_id not in {i.id for i in window.library.documents()}

    window.undo_action.trigger()  # the document comes back, under the same id
    assert window.current_id == doc_id
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()  # the highlight goes
    assert window.library.annotations(doc_id) == []
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.redo_action.trigger()  # and comes back on the restored document

    assert dialogs == []
    (again,) = window.library.annotations(doc_id)
    assert (again.uuid, again.start, again.end) == (annotation.uuid, annotation.start, annotation.end)
    assert painted(window) == ["新質生產力"]


def test_undo_of_a_note_edit_brings_the_old_note_back(window, qtbot, dialogs):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    highlight(window, qtbot, "新質生產力")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.edit_note("first thought")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.edit_note("second thought")
    assert [a.note for a in window.library.annotations(doc_id)] == ["second thought"]
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()
    assert [a.note for a in window.library.annotations(doc_id)] == ["first thought"]
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()
    assert [a.note for a in window.library.annotations(doc_id)] == [""]
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.redo_action.trigger()
    assert [a.note for a in window.library.annotations(doc_id)] == ["first thought"]
    assert dialogs == []


def test_a_failing_undo_shows_the_error_dialog_and_leaves_the_stack(window, qtbot, dialogs):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    highlight(window, qtbot, "新質生產力")
    # Another program (or the CLI) deletes the annotation behind the window's back.
    (annotation,) = window.library.annotations(doc_id)
    window.library.delete_annotation(annotation.id)

    window.undo_action.trigger()

    assert len(dialogs) == 1 and annotation.uuid in dialogs[0]
    assert not window.undo_stack.canUndo()  # the broken step is gone, not retried forever
    assert {i.id for i in window.library.documents()} >= {doc_id}  # nothing else was touched


def test_import_undone_and_redone_keeps_the_document_id(window, qtbot, tmp_path, dialogs):
    source = tmp_path / "2026.txt"
    source.write_text("2026年政府工作报告\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=10_000) as blocker:
        window.import_files([str(source)])
    (new_id,) = blocker.args[0]
    window.undo_action.trigger()
    assert new_id not in {i.id for i in window.library.documents()}
    window.redo_action.trigger()
    assert new_id in {i.id for i in window.library.documents()}
    assert window.current_id == new_id
    assert dialogs == []
