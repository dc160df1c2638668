"""Importing in the window as a reader does it: several files at once behind a progress dialog
that can cancel, then a list of what became of each file (imported, already in the library, not
imported and why); a bad file of each kind is named there and nothing of it is added."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from tests.support import SEEDS

REPORT = "2026年政府工作报告\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n"


def write_report(folder: Path, name: str, year: int = 2026) -> Path:
    path = folder / name
    path.write_text(REPORT.replace("2026", str(year)), encoding="utf-8")
    return path


def import_and_wait(window, qtbot, paths: list[Path]) -> list[int]:
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.import_files([str(p) for p in paths])
    ids: list[int] = blocker.args[0]
    return ids


def test_several_files_list_each_outcome_and_open_one(window, qtbot, tmp_path):
    new = write_report(tmp_path, "2026.txt")
    again = tmp_path / "gwr_2024_copy.txt"
    again.write_bytes((SEEDS / "gwr_2024_zh-hans.txt").read_bytes())  # a sample: already there
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 20)
    count = len(window.library.documents())

    ids = import_and_wait(window, qtbot, [new, again, bad])

    assert len(window.library.documents()) == count + 1
    dialog = window.importing.results_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert [row[:2] for row in rows] == [
        ("2026.txt", "Imported"),
        ("gwr_2024_copy.txt", "Already in the library"),
        ("photo.txt", "Not imported"),
    ]
    assert rows[0][2] == window.library.info(ids[0]).title
    assert rows[1][2] == window.library.info(ids[1]).title
    assert "photo.txt" in rows[2][2]
    assert "1 imported, 1 already in the library, 1 not imported" in dialog.summary.text()

    # Open the one that was already there from the list; the failed one cannot be opened.
    tree = dialog.tree
    tree.setCurrentItem(tree.topLevelItem(2))
    assert not dialog.open_button.isEnabled()
    tree.setCurrentItem(tree.topLevelItem(1))
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        dialog.open_button.click()
    assert window.current_id == ids[1]

    # The list copies as text a reader can paste into a message.
    tree.clearSelection()
    dialog.copy()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("2026.txt\tImported\t")
    assert copied[2].startswith("photo.txt\tNot imported\tphoto.txt")


def test_one_clean_file_just_opens_without_a_list(window, qtbot, tmp_path):
    (new_id,) = import_and_wait(window, qtbot, [write_report(tmp_path, "2026.txt")])
    assert window.current_id == new_id
    assert window.importing.results_dialog is None


def test_a_damaged_file_imports_and_its_warning_is_listed_under_it(window, qtbot, tmp_path):
    data = bytearray((SEEDS / "gwr_2024_zh-hans.txt").read_bytes()[:6000])
    leads = [i for i, byte in enumerate(data) if byte >= 0xE0]
    data[leads[300]] ^= 0x80
    source = tmp_path / "damaged.txt"
    source.write_bytes(bytes(data))
    (new_id,) = import_and_wait(window, qtbot, [source])
    assert window.current_id == new_id
    rows = window.importing.results_dialog.rows()
    assert rows[0][:2] == ("damaged.txt", "Imported")
    assert rows[1][:2] == ("", "Warning") and "damaged byte sequences" in rows[1][2]


def test_cancel_in_the_progress_dialog_adds_nothing(window, qtbot, tmp_path, monkeypatch):
    import reader.core.ingest as ingest

    entered, go_on = threading.Event(), threading.Event()
    original = ingest.ingest_file

    def slow_ingest(path):  # the first file takes until the test has clicked Cancel
        entered.set()
        go_on.wait(10)
        return original(path)

    monkeypatch.setattr(ingest, "ingest_file", slow_ingest)
    paths = [write_report(tmp_path, f"{year}.txt", year) for year in (2026, 2027, 2028)]
    count = len(window.library.documents())
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.import_files([str(p) for p in paths])
        dialog = window.importing.progress_dialog
        qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5_000)  # after ~300 ms
        qtbot.waitUntil(lambda: dialog.labelText() == "Importing 1 of 3: 2026.txt", timeout=5_000)
        assert dialog.windowModality() == Qt.WindowModality.WindowModal
        (cancel,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
        cancel.click()
        go_on.set()
    assert blocker.args == [[]]
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was added"
    assert len(window.library.documents()) == count
    assert window.importing.results_dialog is None


def _damaged_docx() -> bytes:
    noise = random.Random(11).randbytes(3000)
    return b"PK\x03\x04" + noise[:1000] + b"word/document.xml" + noise[1000:]


BAD_FILES = {
    "binary": ("photo.txt", bytes(range(256)) * 20, "binary"),
    "empty": ("empty.txt", b"", "empty"),
    "damaged docx": ("report.docx", _damaged_docx(), "damaged Word file"),
    "damaged pdf": ("report.pdf", b"%PDF-1.7\n" + random.Random(7).randbytes(4000), "damaged or not a PDF"),
    "html without an article": (
        "page.html",
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>中国政府网</title></head><body>"
        "<nav><a href='/'>首页</a> | <a href='/news'>新闻</a> | <a href='/about'>关于我们</a></nav>"
        "<footer>版权所有：中国政府网 | 网站标识码bm01000001 | 京ICP备05070218号</footer>"
        "</body></html>".encode(),
        "no article",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_named_in_the_list_and_nothing_is_added(window, qtbot, tmp_path, kind):
    name, data, what = BAD_FILES[kind]
    bad = tmp_path / name
    bad.write_bytes(data)
    good = write_report(tmp_path, "2026.txt")
    count = len(window.library.documents())

    import_and_wait(window, qtbot, [bad, good])

    rows = window.importing.results_dialog.rows()
    assert rows[0][:2] == (name, "Not imported")
    assert name in rows[0][2] and what in rows[0][2]  # one sentence naming the file and its trouble
    assert rows[1][:2] == ("2026.txt", "Imported")
    assert len(window.library.documents()) == count + 1  # the good one only


def test_the_file_dialog_offers_each_kind_of_report(window):
    filters = window.importing.file_filters().split(";;")
    assert filters[0] == "Reports (*.txt *.md *.pdf *.docx *.html *.htm)"
    assert {"PDF (*.pdf)", "Word documents (*.docx)", "Web pages (*.html *.htm)"} <= set(filters)
    assert filters[-1] == "All files (*)"


def test_files_dropped_on_the_text_are_imported(window, qtbot, tmp_path):
    paths = [write_report(tmp_path, "2026.txt"), write_report(tmp_path, "2027.txt", 2027)]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.view.original_pane.viewport()
    point = QPoint(20, 20)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, actions, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, actions, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        QApplication.sendEvent(target, drop)
    assert len(blocker.args[0]) == 2
    assert [row[1] for row in window.importing.results_dialog.rows()] == ["Imported", "Imported"]


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _ingest_reads_sources() -> bool:
    import reader.core.ingest as ingest

    return hasattr(ingest, "ingest_source")


@pytest.mark.xfail(not _ingest_reads_sources(), reason="ingest does not read PDFs until ingest_source is wired", strict=False)
def test_a_pdf_imports_and_a_locked_or_scanned_one_is_refused_saying_what_to_do(window, qtbot):
    pdfs = FIXTURES / "pdf"
    count = len(window.library.documents())
    import_and_wait(window, qtbot, [pdfs / "report.pdf", pdfs / "encrypted.pdf", pdfs / "image_only.pdf"])
    rows = window.importing.results_dialog.rows()
    assert [row[:2] for row in rows] == [
        ("report.pdf", "Imported"),
        ("encrypted.pdf", "Not imported"),
        ("image_only.pdf", "Not imported"),
    ]
    assert "encrypted.pdf is password-protected" in rows[1][2]
    assert "image_only.pdf has no text layer" in rows[2][2] and "OCR" in rows[2][2]
    assert len(window.library.documents()) == count + 1
