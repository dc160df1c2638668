"""Highlights out of and back into the window: the export dialog, import, Copy as Markdown."""

from __future__ import annotations

import errno
import json
import os

import pytest
from PySide6.QtGui import QGuiApplication

from reader.ui.dialogs.export_dialog import ExportDialog

REPORT_2024 = "2024年政府工作報告（決議及第一部分）"


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.changes.QMessageBox.warning", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr("reader.ui.exporting.QMessageBox.information", lambda _p, _t, text, *a: shown.append(text))
    return shown


@pytest.fixture
def annotated(window, qtbot):
    """The 2024 report open, with a green and a red highlight."""
    (info,) = [i for i in window.library.documents() if i.title == REPORT_2024]
    with qtbot.waitSignal(window.document_opened):
        window.open_document(info.id)
    text = window.document.text
    for words, color, note in (("新質生產力", "red", "<script>alert(1)</script>"), ("國內生產總值", "green", "outcome")):
        start = text.index(words)
        window.library.add_annotation(info.id, start, start + len(words), color=color, note=note, tags=["brief"])
    window.annotating.document_opened(info.id)
    return info.id


@pytest.fixture
def dialog(window, annotated, qtbot):
    dialog = ExportDialog(window.library, annotated, [], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() != "", timeout=5000)
    return dialog


def test_the_preview_follows_the_format(dialog, qtbot):
    with qtbot.waitSignal(dialog.preview_updated) as blocker:
        dialog.set_format("csv")
    assert blocker.args[0].lstrip("\ufeff").startswith("id,uuid,document")
    with qtbot.waitSignal(dialog.preview_updated) as blocker:
        dialog.set_format("html")
    assert "<!DOCTYPE html>" in blocker.args[0] or "<!doctype html>" in blocker.args[0].lower()
    assert "<script>alert(1)</script>" not in blocker.args[0]


def test_the_preview_follows_the_filters_and_the_script(dialog, qtbot):
    dialog.set_format("md")
    with qtbot.waitSignal(dialog.preview_updated) as blocker:
        dialog.color_combo.setCurrentIndex(dialog.color_combo.findData("green"))
    assert "國內生產總值" in blocker.args[0] and "新質生產力" not in blocker.args[0]
    with qtbot.waitSignal(dialog.preview_updated) as blocker:
        dialog.script_combo.setCurrentIndex(dialog.script_combo.findData("t2s"))
    assert "国内生产总值" in blocker.args[0] and "國內生產總值" not in blocker.args[0]
    assert dialog.summary.text().startswith("1 highlight from 1 document.")


def test_export_writes_the_file_and_remembers_folder_and_format(dialog, qtbot, tmp_path):
    from reader.ui import settings

    dialog.set_format("json")
    target = tmp_path / "out.json"
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as blocker:
        dialog.export_to(str(target))
    assert blocker.args == [str(target), 2]
    data = json.loads(target.read_text(encoding="utf-8"))
    notes = json.dumps(data, ensure_ascii=False)
    assert "<script>alert(1)</script>" in notes  # JSON carries the note exactly
    assert settings.get_str(settings.EXPORT_FORMAT) == "json"
    assert settings.get_str(settings.EXPORT_FOLDER) == str(tmp_path)


def test_a_failed_write_shows_an_error_and_keeps_the_earlier_file(dialog, qtbot, tmp_path, monkeypatch, dialogs):
    target = tmp_path / "out.md"
    target.write_text("earlier export", encoding="utf-8")

    def read_only(_src, _dst):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("reader.ops.export.os.replace", read_only)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.export_to(str(target))
    assert len(dialogs) == 1 and "Read-only file system" in dialogs[0]
    assert target.read_text(encoding="utf-8") == "earlier export"
    assert dialog.isVisible() or not dialog.result()  # the dialog stays for another try


def test_copy_as_markdown_puts_the_selected_annotations_on_the_clipboard(window, annotated, qtbot):
    dock = window.annotating.dock
    dock.select_uuids([a.uuid for a in window.library.annotations(annotated) if a.color == "red"])
    with qtbot.waitSignal(window.exporting.copied) as blocker:
        window.exporting.copy_markdown_action.trigger()
    text = blocker.args[0]
    assert "> " in text and "新質生產力" in text and "國內生產總值" not in text
    assert QGuiApplication.clipboard().text() == text


def test_import_annotations_brings_back_deleted_ones(window, annotated, qtbot, tmp_path, dialogs):
    dialog = ExportDialog(window.library, annotated, [], window)
    qtbot.addWidget(dialog)
    dialog.set_format("json")
    target = tmp_path / "all.json"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(str(target))
    before = window.library.annotations(annotated)
    for a in before:
        window.library.delete_annotation(a.id)
    with qtbot.waitSignal(window.annotating.annotations_changed):
        summary = window.exporting.import_annotations(str(target))
    assert summary is not None and summary.added == 2
    after = window.library.annotations(annotated)
    assert [(a.uuid, a.start, a.end, a.note) for a in after] == [(a.uuid, a.start, a.end, a.note) for a in before]
    assert window.annotating.dock.visible_count() == 2
    assert len(dialogs) == 1  # the summary
