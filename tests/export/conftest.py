"""A small, fixed library for export tests: two documents, annotations with every kind of
field (notes with hostile text, tags with spaces, named and unnamed colours, an orphan), and
fixed uuids and times, so every exporter's output is byte-for-byte reproducible (golden files
in tests/export/golden/; regenerate with REGENERATE_GOLDEN=1 after checking a diff by eye)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.ingest import ingest_text
from reader.ops.export import Selection, collect
from reader.store.library import Library

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPORTED = "2026-11-25T09:00:00+00:00"

REPORT = """2024年政府工作报告

一、2023年工作回顾

过去一年，国内生产总值超过126万亿元，增长5.2%。我们大力推进现代化产业体系建设，加快发展新质生产力。

二、2024年经济社会发展总体要求和政策取向

今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。

（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用。
"""

COMMENTARY = """從「新」出發

報告提出加快發展新質生產力，這是全年工作的重點。
"""

# A note that tries every way of breaking out of a format.
HOSTILE_NOTE = '<script>alert(1)</script> **bold** [link](http://x) # heading\nsecond line, "quoted", comma'
FORMULAS = ("=1+1", "+SUM(A1)", "-2+3", "@cmd")


def _fixed(library: Library, annotation, n: int, **changes):
    stamp = f"2026-11-{10 + n:02d}T08:00:00+00:00"
    fixed = replace(annotation, uuid=f"00000000-0000-4000-8000-{n:012d}", created=stamp, modified=stamp, **changes)
    library.delete_annotation(annotation.id)
    return library.put_annotation(fixed)


def _span(text: str, words: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return start, start + len(words)


def build_library(path: Path) -> Library:
    library = Library.open(path)
    report = ingest_text(REPORT, title="2024年政府工作报告")
    report_id, _ = library.add(report, title="2024年政府工作报告", year=2024, kind="report", source_name="2024.txt")
    commentary = ingest_text(COMMENTARY, title="從「新」出發")
    commentary_id, _ = library.add(commentary, title="從「新」出發", year=2024, kind="commentary", source_name="new.txt")
    text = library.document(report_id).text
    n = 0

    def mark(doc_id: int, doc_text: str, words: str, **fields):
        nonlocal n
        n += 1
        start, end = _span(doc_text, words)
        return _fixed(library, library.add_annotation(doc_id, start, end, **fields), n)

    mark(report_id, text, "国内生产总值超过126万亿元", color="green", note="An outcome, beaten.", tags=["outcome"])
    mark(report_id, text, "新质生产力", color="red", note=HOSTILE_NOTE, tags=["policy term", "新质生产力"])
    mark(report_id, text, "国内生产总值增长5%左右", color="yellow", note="\n".join(FORMULAS), tags=["target"])
    mark(report_id, text, "城镇新增就业1200万人以上", color="blue", note="", tags=[])
    commentary_text = library.document(commentary_id).text
    mark(commentary_id, commentary_text, "新質生產力", color="purple", note="Commentary's reading.", tags=["policy term"])
    # An orphan: its passage is gone from the text it was made on.
    orphan = mark(report_id, text, "充分发挥创新主导作用", color="yellow", note="Kept though its passage went.", tags=["orphan"])
    library._db.execute("UPDATE annotations SET status = 'orphaned' WHERE id = ?", [orphan.id])
    library.set_color_label("red", "risk")
    library.set_color_label("green", "met target")
    return library


@pytest.fixture
def export_library(tmp_path) -> Library:
    library = build_library(tmp_path / "export.sqlite3")
    yield library
    library.close()


@pytest.fixture
def export_set(export_library):
    return collect(export_library, Selection(), exported=EXPORTED)


def check_golden(name: str, output: str | bytes) -> None:
    """Compare output with tests/export/golden/NAME; REGENERATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    data = output.encode("utf-8") if isinstance(output, str) else output
    if os.environ.get("REGENERATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path}: run once with REGENERATE_GOLDEN=1 and check it by eye"
    assert data == path.read_bytes(), f"{name} differs from its golden file"
