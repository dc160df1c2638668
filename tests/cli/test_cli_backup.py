"""report-reader backup / restore: copies of the library from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.timeout(60)
def test_backup_then_restore_brings_the_library_back(capsys, tmp_path):
    library = Path(os.environ["REPORT_READER_LIBRARY"])
    assert run(capsys, "list")[0] == 0  # the first run seeds the library
    code, out, _ = run(capsys, "backup", "--json")
    assert code == 0
    copy = Path(json.loads(out)["backup"])
    assert copy.parent == library.parent / "backups" and copy.name.endswith("-manual.sqlite3")
    code, out, _ = run(capsys, "annotate", "1", "--quote", "发展", "--note", "备份之后")
    assert code == 0
    code, out, err = run(capsys, "restore", str(copy), "--json")
    assert code == 0, err
    previous = json.loads(out)["previous"]
    assert previous and Path(previous).name.endswith("-before-restore.sqlite3")
    assert json.loads(run(capsys, "annotations", "--json")[1])["annotations"] == []
    kept = json.loads(run(capsys, "annotations", "--json", "--library", previous)[1])["annotations"]
    assert [a["note"] for a in kept] == ["备份之后"]


@pytest.mark.timeout(60)
def test_restore_of_a_damaged_backup_exits_1_in_one_line_and_changes_nothing(capsys, tmp_path):
    library = Path(os.environ["REPORT_READER_LIBRARY"])
    assert run(capsys, "list")[0] == 0
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "backup", str(copy))[0] == 0
    data = bytearray(copy.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096 : page * 4096 + 8] = bytes(b ^ 0x5A for b in data[page * 4096 : page * 4096 + 8])
    copy.write_bytes(bytes(data))
    before = library.read_bytes()
    code, out, err = run(capsys, "restore", str(copy))
    assert (code, out) == (1, "")
    assert "is damaged" in err and "the library was not changed" in err and err.count("\n") == 1
    assert library.read_bytes() == before


def test_the_days_copy_comes_with_the_first_write_not_with_a_read(capsys, tmp_path):
    from reader.cli import main

    library = tmp_path / "lib.sqlite3"
    assert main(["--library", str(library), "list"]) == 0
    assert not list((tmp_path / "backups").glob("*.sqlite3"))  # a read waits for no copy
    assert main(["--library", str(library), "annotate", "1", "--quote", "国内生产总值"]) == 0
    (copy,) = (tmp_path / "backups").glob("*.sqlite3")
    assert main(["--library", str(library), "annotate", "1", "--quote", "国内生产总值", "--occurrence", "2"]) == 0
    assert list((tmp_path / "backups").glob("*.sqlite3")) == [copy]  # once a day
    capsys.readouterr()
