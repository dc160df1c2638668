"""Adding, listing, reading and removing documents, as the CLI and the GUI do."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from reader.core.model import LIST_ITEM, TABLE_ROW, Block, Document
from reader.errors import NotFoundError
from reader.store import Library
from reader.store.library import text_hash


def test_a_new_library_is_empty_and_reopens_with_what_was_added(tmp_path, report_2024):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        assert lib.is_empty()
        assert lib.documents() == []
        doc_id, created = lib.add(report_2024)
    with Library.open(path) as lib:
        assert not lib.is_empty()
        assert [info.id for info in lib.documents()] == [doc_id]
        assert lib.document(doc_id).text == report_2024.text


def test_added_document_comes_back_with_the_same_values(library, report_2024):
    doc_id, created = library.add(report_2024, kind="report", source_name="gwr2024.txt")
    assert created
    back = library.document(doc_id)
    assert back == dataclasses.replace(report_2024, content_hash=text_hash(report_2024.text))
    assert [b.text for b in back.blocks] == [back.text[b.start : b.end] for b in back.blocks]


def test_every_block_field_survives_the_round_trip(library):
    text = "𠮷字\t指标\n（一）任务\nGDP growth of around 5%"
    blocks = (
        Block("t1", TABLE_ROW, 0, "𠮷字\t指标", "zh", 0, 5, label=""),
        Block("l1", LIST_ITEM, 2, "（一）任务", "zh", 6, 11, label="（一）"),
        Block("e1", "paragraph", 0, "GDP growth of around 5%", "en", 12, 35, translation_of="l1"),
    )
    doc = Document(text=text, blocks=blocks, encoding="gb18030", title="混合", year=2025,
                   script="traditional", language="zh+en", content_hash="abc123")
    doc_id, _ = library.add(doc)
    assert library.document(doc_id) == doc


def test_info_describes_the_document(library, report_2024):
    doc_id, _ = library.add(report_2024, kind="report", source_name="gwr2024.txt")
    info = library.info(doc_id)
    assert info.id == doc_id
    assert info.title == "2024年政府工作报告"
    assert info.year == 2024
    assert info.kind == "report"
    assert info.script == "simplified"
    assert info.language == "zh"
    assert info.source_name == "gwr2024.txt"
    assert info.char_count == len(report_2024.text)
    assert info.content_hash == text_hash(report_2024.text)
    assert info.created.endswith("+00:00")


def test_arguments_override_what_the_document_says(library, report_2024):
    doc_id, _ = library.add(
        report_2024, title="Work Report", year=2023, kind="summary", script="traditional",
        language="zh+en",
    )
    info = library.info(doc_id)
    assert (info.title, info.year, info.kind, info.script, info.language) == (
        "Work Report", 2023, "summary", "traditional", "zh+en"
    )


def test_kind_defaults_to_other_and_must_be_known(library, make_doc):
    doc_id, _ = library.add(make_doc(["一"]))
    assert library.info(doc_id).kind == "other"
    with pytest.raises(ValueError, match="kind must be one of"):
        library.add(make_doc(["二"]), kind="novel")
    assert len(library.documents()) == 1


def test_an_untitled_document_is_named_after_its_file_or_first_line(library, make_doc):
    from_file, _ = library.add(make_doc(["甲"]), source_name="/tmp/报告2024.txt")
    from_text, _ = library.add(make_doc(["关于政府工作的说明", "正文"]))
    assert library.info(from_file).title == "报告2024"
    assert library.info(from_text).title == "关于政府工作的说明"


def test_adding_the_same_content_again_changes_nothing(library, report_2024):
    first_id, created = library.add(report_2024, kind="report")
    before = library.info(first_id)
    again_id, created_again = library.add(report_2024, title="Another title", kind="summary")
    assert (again_id, created_again) == (first_id, False)
    assert library.info(first_id) == before
    assert len(library.documents()) == 1


def test_same_text_without_a_hash_is_recognised(library, make_doc):
    first, _ = library.add(make_doc(["同一段文字"]))
    again, created = library.add(make_doc(["同一段文字"]))
    assert (again, created) == (first, False)


def test_documents_are_listed_newest_year_first_undated_last_then_by_title(library, make_doc):
    library.add(make_doc(["a"], title="无年份"))
    library.add(make_doc(["b"], title="B 2024", year=2024))
    library.add(make_doc(["c"], title="A 2024", year=2024))
    library.add(make_doc(["d"], title="2025 报告", year=2025))
    library.add(make_doc(["e"], title="2023 报告", year=2023))
    assert [info.title for info in library.documents()] == [
        "2025 报告", "A 2024", "B 2024", "2023 报告", "无年份"
    ]


def test_remove_returns_what_was_removed_and_takes_the_blocks_with_it(tmp_path, make_doc):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        keep, _ = lib.add(make_doc(["留下", "这一段"]))
        gone, _ = lib.add(make_doc(["删除", "那一段"], title="删除"))
        info = lib.remove(gone)
        assert info.id == gone and info.title == "删除"
        assert [i.id for i in lib.documents()] == [keep]
        with pytest.raises(NotFoundError):
            lib.info(gone)
    raw = sqlite3.connect(path)
    try:
        counts = dict(raw.execute("SELECT doc_id, count(*) FROM blocks GROUP BY doc_id"))
    finally:
        raw.close()
    assert counts == {keep: 2}


def test_removed_document_can_be_added_back_for_undo(library, report_2024):
    doc_id, _ = library.add(report_2024, kind="report")
    kept = library.document(doc_id)
    info = library.remove(doc_id)
    new_id, created = library.add(kept, kind=info.kind, source_name=info.source_name)
    assert created
    assert library.document(new_id) == kept


@pytest.mark.parametrize("method", ["info", "document", "remove"])
def test_unknown_id_is_a_clear_not_found_error(library, method):
    with pytest.raises(NotFoundError) as error:
        getattr(library, method)(42)
    assert str(error.value) == "No document with id 42 in the library"


def test_each_write_is_committed_at_once(tmp_path, report_2024):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        doc_id, _ = lib.add(report_2024)
        other = sqlite3.connect(path)
        try:
            assert other.execute("SELECT id FROM documents").fetchall() == [(doc_id,)]
        finally:
            other.close()


def test_a_failed_batch_adds_nothing(library, make_doc):
    with pytest.raises(RuntimeError):
        with library.batch():
            library.add(make_doc(["一"]))
            library.add(make_doc(["二"]))
            raise RuntimeError("import interrupted")
    assert library.is_empty()


def test_library_uses_write_ahead_logging(tmp_path):
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        raw.close()
