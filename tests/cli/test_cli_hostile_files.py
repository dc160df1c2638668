"""Hostile paths and damaged libraries at the command line: refused at once, in one line that
names the thing and what to do, with exit status 1 (or imported with a warning, exit 0)."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest

from reader.cli import main
from tests.support import SEEDS

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str) -> str:
    assert code == 1
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err[:-1].isprintable()
    return err


@needs_fifo
@pytest.mark.timeout(5)
@pytest.mark.parametrize("command", ["show", "import"])
def test_a_fifo_is_refused_at_once_not_waited_on(capsys, tmp_path, command):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    err = assert_one_line_error(*run(capsys, command, str(fifo)))
    assert "report.txt is a named pipe (FIFO), not a regular file" in err


@needs_fifo
@pytest.mark.timeout(5)
def test_a_fifo_named_as_the_library_is_refused_at_once(capsys, tmp_path):
    fifo = tmp_path / "library.sqlite3"
    os.mkfifo(fifo)
    err = assert_one_line_error(*run(capsys, "--library", str(fifo), "list"))
    assert "is a pipe, device or socket, not a file" in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.timeout(5)
def test_a_device_is_refused_at_once(capsys):
    err = assert_one_line_error(*run(capsys, "import", "/dev/zero"))
    assert "zero is a device, not a regular file" in err


@pytest.mark.parametrize("command, words", [("import", "No file name given"), ("show", "No document id or file name given")])
def test_an_empty_file_name_says_none_was_given(capsys, command, words):
    err = assert_one_line_error(*run(capsys, command, ""))
    assert words in err and "folder" not in err


def test_a_folder_says_it_is_a_folder(capsys, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for command in ("import", "show"):
        err = assert_one_line_error(*run(capsys, command, str(folder)))
        assert "reports is a folder, not a file" in err


@pytest.mark.timeout(5)
@pytest.mark.parametrize("command", ["show", "import"])
def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit(capsys, tmp_path, command):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(21_000_000)  # sparse: no disk written, and nothing should read it
    err = assert_one_line_error(*run(capsys, command, str(big)))
    assert "huge.txt is 21.0 MB; the limit is 20 MB" in err


def test_a_report_with_damaged_bytes_imports_with_a_warning_that_counts_them(capsys, tmp_path):
    data = bytearray((SEEDS / "gwr_2024_zh-hans.txt").read_bytes()[:6000])
    leads = [i for i, byte in enumerate(data) if byte >= 0xE0]
    for position in leads[200:500:100]:
        data[position] ^= 0x80  # a broken lead byte: its two continuation bytes become stray
    source = tmp_path / "damaged.txt"
    source.write_bytes(bytes(data))
    code, out, err = run(capsys, "import", str(source))
    assert code == 0
    (new_id,) = out.split()
    assert err == "report-reader: damaged.txt: 6 damaged byte sequences (not valid UTF-8) replaced with \ufffd\n"
    code, out, _ = run(capsys, "show", new_id)
    assert out.count("\ufffd") == 6 and "政府工作报告" in out


def _library(capsys, tmp_path) -> str:
    path = str(tmp_path / "library.sqlite3")
    assert run(capsys, "--library", path, "list")[0] == 0  # made and seeded
    return path


def test_a_library_with_a_negative_schema_version_is_refused_in_one_line(capsys, tmp_path):
    path = _library(capsys, tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = -1")
    conn.close()
    for argv in (["list"], ["show", "1"], ["search", "政府"]):
        err = assert_one_line_error(*run(capsys, "--library", path, *argv))
        assert "is not a Report Reader library (or is damaged)" in err
        assert "already exists" not in err and "meta" not in err


def test_a_library_whose_tables_do_not_match_its_version_is_refused_in_one_line(capsys, tmp_path):
    path = _library(capsys, tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    err = assert_one_line_error(*run(capsys, "--library", path, "list"))
    assert "is not a Report Reader library (or is damaged)" in err and "annotations" not in err


def test_a_damaged_row_gives_one_short_line_without_its_bytes(capsys, tmp_path):
    path = _library(capsys, tmp_path)
    garbage = "X'e4b8ade69687ff80c3a90a0d1b5b33316d' || randomblob(500)"  # newline, CR, ESC, bad UTF-8
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE documents SET title = CAST({garbage} AS TEXT) WHERE id = 1")
        conn.execute(f"UPDATE blocks SET text = CAST({garbage} AS TEXT) WHERE doc_id = 2 AND seq = 1")
    conn.close()
    for argv in (["list"], ["show", "2"]):
        err = assert_one_line_error(*run(capsys, "--library", path, *argv))
        assert "holds damaged text that cannot be read" in err
        assert len(err) < 250
        assert "\ufffd" not in err and "\x1b" not in err and "\r" not in err
        assert not any(name in err for name in ("documents", "blocks", "title", "column"))


def test_a_damaged_file_name_is_escaped_into_one_line(capsys, tmp_path):
    if sys.platform == "win32":
        pytest.skip("Windows refuses such names")
    err = assert_one_line_error(*run(capsys, "show", str(tmp_path / "a\nb\x1b[31m.txt")))
    assert "\x1b" not in err
