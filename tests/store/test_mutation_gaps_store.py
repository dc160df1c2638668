"""Behaviour of reader/store that mutation testing showed no test pinned down."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.errors import LibraryError
from reader.store import Library
from reader.store.annotations import clean_tags, retagged
from reader.store.schema import APPLICATION_ID, SCHEMA_VERSION, FileHeader, read_header
from reader.store.search import index_pending, search
from reader.store.seeding import SEEDED_KEY, SeedEntry, seed_if_empty, seed_manifest

# --- errors SQLite reports while a library opens -----------------------------------------------


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (8, "is read-only, so nothing can be saved"),  # SQLITE_READONLY
        (13, "is full; nothing was saved"),  # SQLITE_FULL
        (14, "could not be opened (check the path and permissions)"),  # SQLITE_CANTOPEN
        (26, "is not a Report Reader library (it is not an SQLite database)"),  # SQLITE_NOTADB
        (1, "could not be used (disk I/O went wrong)"),  # anything else: SQLite's own words
    ],
)
def test_sqlite_errors_on_opening_become_one_sentence(tmp_path, monkeypatch, code, sentence):
    def failing_migrate(conn: sqlite3.Connection, path: Path) -> None:
        error = sqlite3.OperationalError("disk I/O went wrong")
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr("reader.store.library.migrate", failing_migrate)
    with pytest.raises(LibraryError) as caught:
        Library.open(tmp_path / "library.sqlite3")
    assert sentence in str(caught.value)
    assert str(tmp_path / "library.sqlite3") in str(caught.value)


# --- undo of remove ------------------------------------------------------------------------------


def test_restore_brings_back_the_catalogue_entry_as_the_user_had_set_it(library, report_2024):
    # The entry differs from what the Document itself says (its title, year, script and language):
    # restoring from the Document as it was imported keeps the entry, not the Document's own facts.
    doc_id, _ = library.add(
        report_2024, title="我的标题", year=2023, kind="summary", source_name="a.txt", script="traditional", language="en"
    )
    removed = library.remove(doc_id)
    assert library.restore(report_2024, removed, []) == doc_id
    restored = library.info(doc_id)
    assert (restored.id, restored.title, restored.year, restored.kind, restored.script, restored.language, restored.source_name) == (
        doc_id,
        "我的标题",
        2023,
        "summary",
        "traditional",
        "en",
        "a.txt",
    )


def test_an_untitled_document_without_a_file_name_is_named_after_40_characters_of_its_first_line(library, make_doc):
    first_line = "".join(str(n % 10) for n in range(50))
    doc_id, _ = library.add(make_doc([first_line, "正文。"]))
    assert library.info(doc_id).title == first_line[:40]


# --- the file header, read without SQLite -------------------------------------------------------


def test_a_new_library_header_says_ours_at_the_current_version(tmp_path):
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    assert read_header(path) == FileHeader(True, SCHEMA_VERSION, APPLICATION_ID)


def test_a_missing_or_empty_file_is_a_library_not_yet_made(tmp_path):
    assert read_header(tmp_path / "missing.sqlite3") == FileHeader(exists=False)
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert read_header(tmp_path / "empty.sqlite3") == FileHeader(exists=False)


@pytest.mark.parametrize(("user_version", "application_id"), [(-1, -2), (-(2**24), -(2**24)), (2**24 + 7, 2**24 + 7)])
def test_header_versions_are_signed_and_application_ids_unsigned(tmp_path, user_version, application_id):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"PRAGMA user_version = {user_version}")
        conn.execute(f"PRAGMA application_id = {application_id}")  # a 32-bit field, read unsigned
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert read_header(path) == FileHeader(True, user_version, application_id % 2**32)


# --- search ---------------------------------------------------------------------------------------


def test_search_stops_reading_documents_once_it_has_limit_hits(library, make_doc, monkeypatch):
    import reader.store.search as search_module

    for n in range(3):
        library.add(make_doc([f"报告{n}", "发展新质生产力。发展。"], year=2020 + n))
    index_pending(library)
    scanned: list[int] = []
    unit_hits = search_module._unit_hits
    monkeypatch.setattr(search_module, "_unit_hits", lambda row, query, limit: scanned.append(row[1]) or unit_hits(row, query, limit))
    hits = search(library, "发展", limit=2)
    assert len(hits) == 2 and {h.doc_id for h in hits} == {scanned[0]}
    assert len(set(scanned)) == 1  # the first document gave two hits: no other was read


def test_indexing_reports_progress_over_documents_then_annotations(library, make_doc, monkeypatch):
    import reader.store.search as search_module

    monkeypatch.setattr(search_module, "_CHARS_PER_TRANSACTION", 1)  # one document a transaction
    first, _ = library.add(make_doc(["报告一", "发展新质生产力。"]))
    library.add(make_doc(["报告二", "推进高质量发展。"]))
    library.add_annotation(first, 4, 9, note="重点")
    calls: list[tuple[int, int]] = []
    index_pending(library, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


# --- annotations ------------------------------------------------------------------------------------


def test_replacing_the_text_places_every_annotation_after_one_that_is_gone(library, make_doc):
    doc_id, _ = library.add(make_doc(["报告", "第一句删掉。发展新质生产力。推进高质量发展。"]))
    text = library.document(doc_id).text
    gone, later, last = (
        library.add_annotation(doc_id, text.index(q), text.index(q) + len(q)) for q in ("第一句删掉", "新质生产力", "高质量发展")
    )
    new_text = "报告\n发展新质生产力。推进高质量发展。"
    report = library.replace(doc_id, make_doc(new_text.split("\n")))
    assert report.orphaned == (gone.id,) and report.moved == (later.id, last.id)
    for annotation in (later, last):
        stored = library.annotation(annotation.id)
        assert new_text[stored.start : stored.end] == annotation.quote


def test_replacing_the_text_places_every_annotation_after_one_that_stays(library, make_doc):
    # The edit (大力 inserted) is further from the first annotation than its stored context reaches.
    lines = [
        "政府工作报告",
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
        "发展新质生产力。推进高质量发展。",
    ]
    doc_id, _ = library.add(make_doc(lines))
    text = library.document(doc_id).text
    stays, later, last = (
        library.add_annotation(doc_id, text.index(q), text.index(q) + len(q)) for q in ("政府工作", "新质生产力", "高质量发展")
    )
    new_text = "\n".join([*lines[:2], "大力" + lines[2]])
    report = library.replace(doc_id, make_doc(new_text.split("\n")))
    assert report.moved == (later.id, last.id) and report.unchanged == 1
    assert library.annotation(stays.id) == stays
    for annotation in (later, last):
        stored = library.annotation(annotation.id)
        assert new_text[stored.start : stored.end] == annotation.quote


def test_tags_keep_their_inner_words_with_single_spaces():
    assert clean_tags(["  新质  生产力 ", "a\x1fb", "A B", "Tag"]) == ("新质 生产力", "a b", "Tag")
    assert retagged(["x y", "z"], add=["w  v"], remove=["Z"]) == ("x y", "w v")


# --- seeding ------------------------------------------------------------------------------------------


def test_a_manifest_entry_with_only_file_and_title_gets_the_defaults(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"seeds": [{"file": "a.txt", "title": "样本"}]}), encoding="utf-8")
    assert seed_manifest(tmp_path) == [SeedEntry(tmp_path / "a.txt", "样本", None, "other", "", "")]


def test_seeding_records_one_when_it_seeded_and_zero_when_the_library_was_in_use(tmp_path, make_doc):
    entries = [SeedEntry(tmp_path / "s.txt", "样本", 2024, "report", "", "en")]
    with Library.open(tmp_path / "seeded.sqlite3") as lib:
        (doc_id,) = seed_if_empty(lib, ingest=lambda path: make_doc(["样本", "正文。"]), seeds=entries)
        assert lib.meta(SEEDED_KEY) == "1"
        info = lib.info(doc_id)
        assert (info.language, info.script) == ("en", "simplified")  # the manifest's, else the document's
    with Library.open(tmp_path / "in-use.sqlite3") as lib:
        lib.add(make_doc(["我自己的文件"]))
        assert seed_if_empty(lib, ingest=lambda path: make_doc(["样本"]), seeds=entries) == []
        assert lib.meta(SEEDED_KEY) == "0"
