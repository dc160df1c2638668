"""Other versions, other programs and bad disks: library files upgraded or refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import LibraryError
from reader.store import SCHEMA_VERSION, Library, schema
from reader.store.schema import APPLICATION_ID


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder with its bytes and mtime, to prove nothing was touched."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def raw_pragma(path: Path, name: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        raw.close()


def table_names(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        return {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        raw.close()


def test_new_library_gets_the_current_schema(tmp_path):
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    assert raw_pragma(path, "user_version") == SCHEMA_VERSION
    assert raw_pragma(path, "application_id") == APPLICATION_ID
    assert {"meta", "documents", "blocks"} <= table_names(path)


def empty_file(path: Path) -> None:
    path.touch()


def empty_database(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("VACUUM")  # writes a valid header with user_version 0 and no tables
    raw.close()


@pytest.mark.parametrize(("make", "size"), [(empty_file, 0), (empty_database, 4096)], ids=["empty file", "empty database"])
def test_version_0_file_is_upgraded(tmp_path, make, size, make_doc):
    path = tmp_path / "library.sqlite3"
    make(path)
    assert path.stat().st_size == size
    assert schema.read_header(path).user_version == 0
    with Library.open(path) as lib:
        doc_id, _ = lib.add(make_doc(["升级后可以写入"]))
        assert lib.info(doc_id).title == "升级后可以写入"
    assert raw_pragma(path, "user_version") == SCHEMA_VERSION


def test_an_upgrade_that_fails_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    path.touch()
    broken_first = schema._STEPS[0] + ("CREATE TABLE meta (oops)",)
    monkeypatch.setattr(schema, "_STEPS", (broken_first, *schema._STEPS[1:]))
    with pytest.raises(LibraryError):
        Library.open(path)
    assert raw_pragma(path, "user_version") == 0
    assert table_names(path) == set()


def test_reopening_a_current_library_does_not_rewrite_it(tmp_path, report_2024):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        lib.add(report_2024)
    before = snapshot(tmp_path)
    with Library.open(path) as lib:
        assert len(lib.documents()) == 1
    assert snapshot(tmp_path) == before


def test_newer_library_is_refused_and_left_byte_identical(tmp_path, report_2024):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        lib.add(report_2024)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as error:
        Library.open(path)
    assert snapshot(tmp_path) == before  # same bytes, same mtime, no -wal/-shm left behind
    message = str(error.value)
    assert "newer version of Report Reader" in message
    assert f"(schema {SCHEMA_VERSION + 1}; this app knows {SCHEMA_VERSION})" in message
    assert "it was not changed" in message


def test_migrate_itself_refuses_a_newer_file_without_writing(tmp_path):
    """The check repeated under the write lock, for a file made newer after the header was read."""
    path = tmp_path / "library.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.close()
    before = snapshot(tmp_path)
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(LibraryError, match="schema 99"):
            schema.migrate(conn, path)
        assert not conn.in_transaction
    finally:
        conn.close()
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "content",
    [bytes(range(256)) * 40, "这不是数据库，只是一段文字。\n".encode() * 20, b"SQLite"],
    ids=["garbage bytes", "text file", "too short"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path, content):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(content)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError, match="is not a Report Reader library"):
        Library.open(path)
    assert snapshot(tmp_path) == before


def test_a_truncated_library_is_refused_untouched(tmp_path, make_doc):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        for year in range(2000, 2030):
            lib.add(make_doc([f"{year}年政府工作报告"] + ["发展新质生产力。" * 40] * 30, year=year))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(path)
    assert snapshot(tmp_path) == before


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "places.sqlite"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE bookmarks (url TEXT)")
    raw.commit()
    raw.close()
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError, match="another program's SQLite database"):
        Library.open(path)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("application_id", "user_version"), [(12345, 0), (12345, 1), (0, 1), (0, 7)]
)
def test_a_database_versioned_by_another_program_is_refused_untouched(
    tmp_path, application_id, user_version
):
    path = tmp_path / "other.sqlite"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id = {application_id}")
    raw.execute(f"PRAGMA user_version = {user_version}")
    raw.close()
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError, match="another program's SQLite database"):
        Library.open(path)
    assert snapshot(tmp_path) == before


def test_a_folder_is_not_a_library(tmp_path):
    with pytest.raises(LibraryError, match="is a folder"):
        Library.open(tmp_path)


def test_a_library_busy_in_another_window_gives_a_clear_message(tmp_path, monkeypatch, make_doc):
    monkeypatch.setattr("reader.store.library.BUSY_TIMEOUT_MS", 20)
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as first, Library.open(path) as second:
        with first.batch():
            first.add(make_doc(["第一个窗口"]))
            with pytest.raises(LibraryError, match="busy in another"):
                second.add(make_doc(["第二个窗口"]))
        assert [info.title for info in second.documents()] == ["第一个窗口"]
        second.add(make_doc(["第二个窗口"]))  # the lock is free again: nothing was lost
        assert len(first.documents()) == 2
