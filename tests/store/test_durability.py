"""An annotation the app has reported saved survives the process being killed mid-write."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import Library

REPO = Path(__file__).resolve().parents[2]
REPORTED = 30

# Adds annotations for ever, printing each id only after add_annotation has returned.
_WRITER = """
import sys
sys.path.insert(0, sys.argv[1])
from reader.core.model import Document
from reader.store import Library

text = "加快发展新质生产力。" * 50
library = Library.open(sys.argv[2])
doc_id, _ = library.add(Document(text=text, blocks=(), title="durability"))
print("doc", doc_id, flush=True)
for n in range(1_000_000):
    start = (n * 10) % len(text)
    annotation = library.add_annotation(doc_id, start, start + 9, note=f"note {n}", tags=[f"t{n % 7}"])
    print(annotation.id, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL does not exist on Windows")
def test_every_reported_annotation_survives_sigkill(tmp_path):
    path = tmp_path / "library.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(REPO), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        first = child.stdout.readline().split()
        assert first[:1] == ["doc"], f"the writer did not start: {first!r}"
        reported = []
        for _ in range(REPORTED):
            line = child.stdout.readline()
            assert line, "the writer stopped before reporting enough annotations"
            reported.append(int(line))
    finally:
        # Killed while it goes on writing: most likely in the middle of the next transaction.
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    raw = sqlite3.connect(path)  # before the app opens (and checkpoints) it
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()

    with Library.open(path) as library:
        doc_id = int(first[1])
        by_id = {a.id: a for a in library.annotations(doc_id)}
        assert set(reported) <= set(by_id)
        for annotation in (by_id[i] for i in reported):
            assert annotation.quote == "加快发展新质生产力"
            assert annotation.note.startswith("note ")
            assert len(annotation.tags) == 1
