"""Read-only libraries (a folder or medium nobody may write) and backups (issue 17, items 4 and 7)."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reader.errors import LibraryError
from reader.store import Library
from reader.store.backup import KEEP_DAILY, backup, daily_backup, list_backups, restore
from reader.store.search import search
from tests.store.conftest import build_document

ROOT = Path(__file__).resolve().parents[2]
QUOTE = "新质生产力"

# Runs CLI commands in one child process; prints [[exit code, stdout, stderr], ...] as JSON.
_DRIVER = """
import contextlib, io, json, sys
from reader.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def _make_library(folder: Path, *, leave: str) -> Path:
    """A library with two documents and an annotation. leave="clean": closed as usual;
    "wal+shm" / "wal": the state a crash leaves, the last commit (a third document) only in the -wal."""
    folder.mkdir()
    path = folder / "library.sqlite3"
    with Library.open(path) as library:
        library.add(build_document(["二〇二四年报告", f"加快发展{QUOTE}。", "稳中求进。"]), title="报告一")
        library.add(build_document(["评论", "稳字当头。"]), title="报告二")
        library.add_annotation(1, 12, 17, note="重点")
        if leave == "clean":
            return path
        library._db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        library.add(build_document(["最后一篇", f"只在预写日志里的{QUOTE}。"]), title="日志里的报告")
        crashed = folder.parent / "crashed"
        crashed.mkdir()
        for suffix in ("", "-wal", "-shm"):  # what a power cut leaves, copied while still open
            if (folder / f"library.sqlite3{suffix}").exists() and (suffix != "-shm" or leave == "wal+shm"):
                shutil.copyfile(folder / f"library.sqlite3{suffix}", crashed / f"library.sqlite3{suffix}")
    shutil.rmtree(folder)
    crashed.rename(folder)
    return path


def _drop_write_access() -> None:
    """preexec_fn for root: drop the capabilities that let root write into a folder without the
    write bit (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) from the bounding set, so the
    program it then runs has none of them; it stays the owner of the files, so it can read."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _as_nobody() -> None:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


def _unprivileged(folder: Path) -> Callable[[], None] | None:
    """A preexec_fn under which a child can run this checkout's Python but cannot write into
    `folder` (chmod 0o555 already); None when this process is not root. Skips when neither way
    works here."""
    if os.geteuid() != 0:
        return None
    probe = f"import reader; open({str(folder / 'probe')!r}, 'w')"
    for preexec in (_as_nobody, _drop_write_access):
        try:
            done = subprocess.run(
                [sys.executable, "-c", probe], cwd=ROOT, preexec_fn=preexec, capture_output=True, text=True, timeout=30
            )
        except (OSError, subprocess.SubprocessError):
            continue  # e.g. nobody cannot reach the interpreter (under /root)
        if "PermissionError" in done.stderr:
            return preexec
    pytest.skip("running as root, and neither uid 65534 nor dropping CAP_DAC_OVERRIDE gives a process that cannot write")


def _run_cli(commands: list[list[str]], preexec: Callable[[], None] | None) -> list[tuple[int, str, str]]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, json.dumps(commands)],
        cwd=ROOT, env=env, preexec_fn=preexec, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return [tuple(result) for result in json.loads(done.stdout)]


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("leave", ["clean", "wal+shm", "wal"])
def test_a_library_in_a_read_only_folder_lists_shows_and_searches(tmp_path, leave):
    path = _make_library(tmp_path / "shelf", leave=leave)
    folder = path.parent
    expected_titles = {"报告一", "报告二"} | ({"日志里的报告"} if leave != "clean" else set())
    for item in folder.iterdir():
        item.chmod(0o444)
    folder.chmod(0o555)
    try:
        preexec = _unprivileged(folder)
        before = _snapshot(folder)
        lib = ["--library", str(path)]
        listed, shown, found, annotations, exported, written = _run_cli(
            [
                ["list", "--json", *lib],
                ["show", "1", *lib],
                ["search", QUOTE, "--json", *lib],
                ["annotations", "--json", *lib],
                ["export", "--format", "md", *lib],
                ["annotate", "1", "--quote", "稳中求进", *lib],
            ],
            preexec,
        )
        after = _snapshot(folder)
    finally:
        folder.chmod(0o755)
    assert listed[0] == 0, listed
    assert {doc["title"] for doc in json.loads(listed[1])["documents"]} == expected_titles
    assert shown[0] == 0 and f"加快发展{QUOTE}" in shown[1]
    assert found[0] == 0, found
    hit_titles = [hit["title"] for hit in json.loads(found[1])["results"]]
    assert "报告一" in hit_titles
    assert ("日志里的报告" in hit_titles) == (leave != "clean")  # commits only in the -wal are read
    assert annotations[0] == 0 and json.loads(annotations[1])["annotations"][0]["note"] == "重点"
    assert exported[0] == 0 and "重点" in exported[1]
    # The one write is refused in one line naming the folder, and nothing beside the file changed.
    assert written[0] == 1 and written[1] == ""
    assert f"{folder} is read-only" in written[2] and "make the folder writable" in written[2]
    assert written[2].count("\n") == 1
    assert after == before


@pytest.mark.timeout(30)
def test_a_read_only_immutable_library_file_reads_searches_and_refuses_writes(tmp_path, monkeypatch):
    path = _make_library(tmp_path / "medium", leave="clean")
    with Library.open(path) as library:
        library.add_annotation(2, 0, 2, note="后加的批注")  # queued for the search index, not indexed
    before = _snapshot(path.parent)
    # As on read-only media: the file and its folder cannot be written, so SQLite cannot make the
    # -shm that mode=ro needs for a WAL file (SQLITE_READONLY_DIRECTORY) and immutable=1 reads it.
    import reader.store.library as library_module

    connect = library_module._try_connect
    tried: list[str] = []
    monkeypatch.setattr(library_module, "_can_write", lambda _path: False)
    monkeypatch.setattr(
        library_module, "_try_connect", lambda uri: tried.append(uri) or (None if uri.endswith("?mode=ro") else connect(uri))
    )
    with Library.open(path) as library:
        assert library.read_only
        assert [info.title for info in library.documents()] == ["报告一", "报告二"]
        assert QUOTE in library.document(1).text
        assert {hit.title for hit in search(library, QUOTE)} == {"报告一"}
        assert [hit.kind for hit in search(library, "后加的批注")] == ["annotation"]  # indexed in memory
        with pytest.raises(LibraryError, match=r"is read-only.*open a copy"):
            library.add_annotation(1, 0, 2)
        with pytest.raises(LibraryError, match=r"is read-only"):
            library.remove(1)
        assert library.annotation_count() == 2
    assert tried[-1].endswith("?mode=ro&immutable=1")
    assert _snapshot(path.parent) == before  # no -wal, no -shm, not a byte changed


# -- backups ------------------------------------------------------------------------------------

_WRITER = """
import sys
from reader.store import Library
with Library.open(sys.argv[1]) as library:
    for n in range(100000):
        annotation = library.add_annotation(1, n % 20, n % 20 + 2, note=f"批注 {n}")
        print(annotation.id, flush=True)
"""


@pytest.mark.timeout(60)
def test_a_backup_taken_while_another_process_writes_holds_every_reported_annotation(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        paragraphs = [f"第{n}段：{QUOTE}与稳中求进。" * 40 for n in range(400)]
        library.add(build_document(["报告", *paragraphs]), title="报告")  # ~1 MB: the copy takes a while
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None
        reported = [int(writer.stdout.readline()) for _ in range(30)]
        with Library.open(path) as library:
            copy = backup(library, tmp_path / "copy.sqlite3")
        reported_after = [int(writer.stdout.readline()) for _ in range(30)]  # still writing
    finally:
        writer.kill()
        writer.wait()
        assert writer.stdout is not None
        writer.stdout.close()
    assert reported_after
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        in_copy = {row[0] for row in conn.execute("SELECT id FROM annotations")}
    finally:
        conn.close()
    assert set(reported) <= in_copy
    assert sorted(os.listdir(tmp_path)).count("copy.sqlite3-wal") == 0  # one self-contained file


def _flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):  # each b-tree page's header
        for offset in range(page * 4096, page * 4096 + 12):
            data[offset] ^= 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.timeout(30)
def test_restore_refuses_a_damaged_copy_and_leaves_the_library_untouched(library, make_doc):
    library.add(make_doc(["报告", f"发展{QUOTE}。"]), title="报告")
    copy = backup(library)
    library.add_annotation(1, 0, 2, note="在备份之后")
    damaged = copy.with_name("damaged.sqlite3")
    shutil.copyfile(copy, damaged)
    _flip_bytes(damaged)
    library.close()
    before = _snapshot(library.path.parent)
    with pytest.raises(LibraryError, match="damaged.*the library was not changed"):
        restore(damaged, library.path)
    assert _snapshot(library.path.parent) == before
    assert not any(b.reason == "before-restore" for b in list_backups(library.path))
    with Library.open(library.path) as reopened:
        assert [a.note for a in reopened.annotations()] == ["在备份之后"]


@pytest.mark.timeout(30)
def test_restore_brings_back_the_copy_and_keeps_the_library_as_it_was(library, make_doc):
    library.add(make_doc(["报告", f"发展{QUOTE}。"]), title="报告")
    copy = backup(library)
    library.add_annotation(1, 0, 2, note="在备份之后")
    kept = restore(copy, library.path)  # while this connection is still open
    assert library.annotations() == []  # the open library sees the restored file
    library.close()
    assert kept is not None and kept.name.endswith("-before-restore.sqlite3")
    with Library.open(kept) as previous:
        assert [a.note for a in previous.annotations()] == ["在备份之后"]


@pytest.mark.timeout(30)
def test_the_daily_backup_is_taken_once_a_day_and_the_last_seven_are_kept(library, make_doc):
    library.add(make_doc(["报告", "正文。"]), title="报告")
    start = datetime(2026, 3, 1, 9, 30)
    for day in range(10):
        assert daily_backup(library, now=start + timedelta(days=day)) is not None
        assert daily_backup(library, now=start + timedelta(days=day, hours=5)) is None  # once a day
    daily = [b for b in list_backups(library.path) if b.reason == ""]
    assert len(daily) == KEEP_DAILY
    assert [b.taken.date() for b in daily] == [(start + timedelta(days=d)).date() for d in range(9, 2, -1)]


@pytest.mark.timeout(30)
def test_an_upgrade_keeps_a_copy_of_the_library_as_it_was(tmp_path):
    old = tmp_path / "library.sqlite3"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "library-v2.sqlite3", old)
    with Library.open(old):
        pass
    (copy,) = [b for b in list_backups(old) if b.reason == "before-upgrade"]
    rows = []
    for path in (ROOT / "tests" / "fixtures" / "library-v2.sqlite3", copy.path):
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            rows.append((conn.execute("PRAGMA user_version").fetchone(), conn.execute("SELECT * FROM annotations").fetchall()))
        finally:
            conn.close()
    assert rows[0] == rows[1] and rows[0][0] == (2,)
