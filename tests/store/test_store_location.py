"""Which library file is used: --library beats $REPORT_READER_LIBRARY beats the user data dir."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from reader.store import Library, library_path
from reader.store.location import ENV_VAR


def test_explicit_path_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env.sqlite3"))
    assert library_path(tmp_path / "explicit.sqlite3") == tmp_path / "explicit.sqlite3"
    assert library_path(str(tmp_path / "explicit.sqlite3")) == tmp_path / "explicit.sqlite3"


def test_environment_is_used_without_an_explicit_path(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env.sqlite3"))
    assert library_path() == tmp_path / "from-env.sqlite3"
    assert library_path(None) == tmp_path / "from-env.sqlite3"


def test_default_is_the_user_data_dir(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    expected = Path(platformdirs.user_data_dir("report-reader", appauthor=False))
    assert library_path() == expected / "library.sqlite3"


def test_an_empty_environment_variable_is_ignored(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "  ")
    assert library_path().name == "library.sqlite3"
    assert library_path().parent.name == "report-reader"


def test_tilde_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert library_path("~/lib.sqlite3") == tmp_path / "lib.sqlite3"


def test_opening_creates_missing_folders(tmp_path):
    target = tmp_path / "a" / "b" / "library.sqlite3"
    with Library.open(target) as lib:
        assert lib.path == target
    assert target.is_file()


def test_open_without_a_path_uses_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env" / "mine.sqlite3"))
    with Library.open() as lib:
        assert lib.path == tmp_path / "env" / "mine.sqlite3"
    assert (tmp_path / "env" / "mine.sqlite3").is_file()
