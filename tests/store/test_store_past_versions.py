"""Libraries written by earlier releases open, upgrade, and keep everything: documents are found by
search in either script, annotations keep their passage, colour, note and tags.

The files in tests/fixtures were written by the code of each schema version itself
(tests/fixtures/make_library_fixtures.py says how); every test opens a copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.store import SCHEMA_VERSION, Library
from reader.store.schema import read_header
from reader.store.search import search

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRAD_TITLE = "2024年政府工作報告（節選）"
SIMP_TITLE = "2025年政府工作报告摘要（节选）"


def fixture_file(version: int) -> Path:
    return FIXTURES / f"library-v{version}.sqlite3"


def user_version(path: Path) -> int:
    """Read from the file header: even a read-only SQLite connection would leave -wal/-shm files."""
    return read_header(path).user_version


def copy_of(version: int, folder: Path) -> Path:
    path = folder / f"library-v{version}.sqlite3"
    shutil.copyfile(fixture_file(version), path)
    assert user_version(path) == version
    return path


@pytest.fixture(params=[1, 2, 3, 4, 5], ids=["v1", "v2", "v3", "v4", "v5"])
def old_library(request, tmp_path):
    """A copy of a library written by schema version `request.param`, opened by this version."""
    with Library.open(copy_of(request.param, tmp_path)) as library:
        yield library


def ids_by_title(library: Library) -> dict[str, int]:
    return {info.title: info.id for info in library.documents()}


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_a_library_file_of_every_schema_version_is_kept_as_a_fixture(version):
    assert user_version(fixture_file(version)) == version
    assert not Path(f"{fixture_file(version)}-wal").exists()  # the fixture is whole on its own


@pytest.mark.parametrize("version", [1, 2])
def test_opening_an_old_library_upgrades_it_and_keeps_its_documents(version, tmp_path):
    path = copy_of(version, tmp_path)
    with Library.open(path) as library:
        ids = ids_by_title(library)
        assert set(ids) == {TRAD_TITLE, SIMP_TITLE}
        trad = library.document(ids[TRAD_TITLE])
    assert user_version(path) == SCHEMA_VERSION
    assert trad.year == 2024 and trad.script == "traditional"
    assert "國內生產總值超過126萬億元" in trad.text
    for block in trad.blocks:
        assert trad.text[block.start : block.end] == block.text


@pytest.mark.parametrize("query", ["高质量发展", "高質量發展"])
def test_old_documents_are_found_by_search_in_either_script(old_library, query):
    ids = ids_by_title(old_library)
    hits = search(old_library, query)
    assert {hit.doc_id for hit in hits if hit.kind == "document"} == {ids[TRAD_TITLE], ids[SIMP_TITLE]}
    for hit in hits:
        text = old_library.document(hit.doc_id).text
        assert text[hit.start : hit.end] in ("高质量发展", "高質量發展")


@pytest.mark.parametrize(
    ("query", "title", "found"),
    [
        ("国内生产总值超过", TRAD_TITLE, "國內生產總值超過"),  # Simplified query, Traditional text
        ("國內生產總值達到", SIMP_TITLE, "国内生产总值达到"),  # Traditional query, Simplified text
        ("稳步", SIMP_TITLE, "稳步"),  # two characters: found by a scan, not the word index
    ],
)
def test_a_passage_of_one_old_document_is_found_there_only(old_library, query, title, found):
    ids = ids_by_title(old_library)
    hits = [hit for hit in search(old_library, query) if hit.kind == "document"]
    assert {hit.doc_id for hit in hits} == {ids[title]}
    text = old_library.document(ids[title]).text
    assert [text[hit.start : hit.end] for hit in hits] == [found] * text.count(found)


def test_an_upgraded_library_takes_new_annotations_and_finds_their_notes(old_library):
    doc_id = ids_by_title(old_library)[TRAD_TITLE]
    text = old_library.document(doc_id).text
    start = text.index("城鎮新增就業")
    made = old_library.add_annotation(doc_id, start, start + 6, note="就业目标的新笔记", tags=["就业"])
    (hit,) = search(old_library, "就业目标的新笔记")
    assert (hit.kind, hit.annotation_id) == ("annotation", made.id)


def test_version_2_annotations_survive_with_passage_colour_note_tags_and_status(tmp_path):
    with Library.open(copy_of(2, tmp_path)) as library:
        ids = ids_by_title(library)
        by_quote = {a.quote: a for a in library.annotations()}
        assert set(by_quote) == {"國內生產總值超過126萬億元", "高質量發展扎實推進", "新质生产力稳步发展", "对全球经济增长的贡献率"}
        gdp = by_quote["國內生產總值超過126萬億元"]
        assert (gdp.doc_id, gdp.color, gdp.note, gdp.status) == (ids[TRAD_TITLE], "red", "去年的成绩", "anchored")
        assert set(gdp.tags) == {"GDP", "2023"}
        assert by_quote["高質量發展扎實推進"].color == "green"
        assert by_quote["新质生产力稳步发展"].tags == ("产业",)
        orphan = by_quote["对全球经济增长的贡献率"]
        assert (orphan.status, orphan.color, orphan.note) == ("orphaned", "blue", "贡献率")
        for annotation in by_quote.values():
            text = library.document(annotation.doc_id).text
            assert annotation.orphaned or text[annotation.start : annotation.end] == annotation.quote
        assert library.color_labels() == {"red": "重点"}
        assert {t.name: t.count for t in library.tags()} == {"2023": 1, "GDP": 1, "产业": 1}
        notes = search(library, "去年的成绩")
        assert [(h.kind, h.annotation_id) for h in notes] == [("annotation", gdp.id)]


def test_a_version_2_library_indexed_for_search_is_indexed_again_by_characters(tmp_path):
    """Schema 2 kept jieba words in search_fts; the upgrade drops them and queues everything."""
    import sqlite3

    path = copy_of(2, tmp_path)
    conn = sqlite3.connect(path)
    with conn:  # what schema 2's indexer left behind (a stale unit: the upgrade must not keep it)
        conn.execute("INSERT INTO search_units (kind, doc_id, ref, start, folded) VALUES ('block', 1, 0, 0, '旧索引')")
        conn.execute("INSERT INTO search_fts (rowid, tokens) VALUES (1, '旧 索引')")
        conn.execute("DELETE FROM search_pending")
    conn.close()
    with Library.open(path) as library:
        tables = {row[0] for row in library._db.execute("SELECT name FROM sqlite_master")}
        assert "search_fts" not in tables and "search_chars" in tables
        assert search(library, "旧索引") == []
        ids = ids_by_title(library)
        hits = search(library, "高質量發展")
        assert {h.doc_id for h in hits if h.kind == "document"} == {ids[TRAD_TITLE], ids[SIMP_TITLE]}
        assert [h.kind for h in search(library, "去年的成績")] == ["annotation"]
        steady = search(library, "稳步")  # two characters, in a passage and an annotation's quote
        text = library.document(ids[SIMP_TITLE]).text
        assert [h.kind for h in steady].count("document") == text.count("稳步")
        assert "annotation" in {h.kind for h in steady}


def fts_consistent(library: Library) -> bool:
    """FTS5's own check of search_chars against search_units (raises if they differ)."""
    import sqlite3

    conn = sqlite3.connect(library.path, isolation_level=None)
    try:
        conn.execute("INSERT INTO search_chars (search_chars, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
    return True


def test_a_version_3_library_indexed_by_its_trigger_stays_consistent_after_the_upgrade(tmp_path):
    """Schema 3 filled search_chars through a trigger on search_units; schema 4 drops it (the
    indexer writes both itself). What schema 3 indexed is kept, and re-indexing, removing and
    annotating over it keep search_chars equal to search_units."""
    import sqlite3

    path = copy_of(3, tmp_path)
    conn = sqlite3.connect(path)
    with conn:  # what schema 3's indexer left: a unit, put into search_chars by the trigger
        (doc_id,) = conn.execute("SELECT id FROM documents WHERE title = ?", [TRAD_TITLE]).fetchone()
        conn.execute(
            "INSERT INTO search_units (id, kind, doc_id, ref, start, chars) VALUES (?, 'block', ?, 0, 0, '旧 索 引')",
            [doc_id << 24, doc_id],
        )
        conn.execute("DELETE FROM search_pending WHERE kind = 'document' AND ref = ?", [doc_id])
    conn.close()
    with Library.open(path) as library:
        triggers = {row[0] for row in library._db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "search_units_insert" not in triggers and "search_units_delete" in triggers
        assert [h.doc_id for h in search(library, "旧索引")] == []  # the unit is there, its block says otherwise
        assert library._db.execute("SELECT count(*) FROM search_chars WHERE search_chars MATCH '旧'").fetchone()[0] == 1
        assert fts_consistent(library)
        with library.batch():
            library._db.execute("INSERT OR IGNORE INTO search_pending (kind, ref) VALUES ('document', ?)", [doc_id])
        search(library, "高质量发展")  # indexes it again: the schema-3 unit is deleted, then rewritten
        assert library._db.execute("SELECT count(*) FROM search_chars WHERE search_chars MATCH '旧'").fetchone()[0] == 0
        assert fts_consistent(library)
        ids = ids_by_title(library)
        library.remove(ids[SIMP_TITLE])
        text = library.document(doc_id).text
        start = text.index("高質量發展")
        library.add_annotation(doc_id, start, start + 5, note="索引之后的笔记")
        assert [h.kind for h in search(library, "索引之后")] == ["annotation"]
        assert fts_consistent(library)
        assert {h.doc_id for h in search(library, "高質量發展") if h.kind == "document"} == {doc_id}
