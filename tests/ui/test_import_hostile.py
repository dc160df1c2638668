"""Importing damaged, special and oversized files in the window: a few bad bytes import with a
note in the status bar; what cannot be read is named in the dialog, at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import SEEDS


def test_a_report_with_damaged_bytes_imports_and_the_status_bar_counts_them(window, qtbot, tmp_path):
    data = bytearray((SEEDS / "gwr_2024_zh-hans.txt").read_bytes()[:6000])
    leads = [i for i, byte in enumerate(data) if byte >= 0xE0]
    for position in leads[200:500:100]:
        data[position] ^= 0x80  # three broken lead bytes: two stray continuation bytes each
    source = tmp_path / "damaged.txt"
    source.write_bytes(bytes(data))
    with qtbot.waitSignal(window.import_finished, timeout=10_000) as blocker:
        window.import_files([str(source)])
    (new_id,) = blocker.args[0]
    assert window.current_id == new_id
    assert window.view.original_pane.toPlainText().count("\ufffd") == 6
    message = window.statusBar().currentMessage()
    assert "damaged.txt: 6 damaged byte sequences (not valid UTF-8)" in message


@pytest.mark.timeout(20)
def test_a_fifo_and_a_file_over_the_limit_are_named_in_the_dialog_at_once(window, qtbot, tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(52_300_000)
    paths = [str(big)]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        paths.append(str(tmp_path / "pipe.txt"))
    count = len(window.library.documents())
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.import_files(paths)
    rows = window.importing.results_dialog.rows()
    assert [(name, result) for name, result, _reason in rows] == [(Path(p).name, "Not imported") for p in paths]
    assert "huge.txt is 52.3 MB; the limit is 20 MB" in rows[0][2]
    if len(paths) == 2:
        assert "pipe.txt is a named pipe (FIFO), not a regular file" in rows[1][2]
    assert len(window.library.documents()) == count
