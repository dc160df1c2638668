"""Shared test set-up: no screen needed, and every test gets its own library file."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path, monkeypatch):
    """No test ever touches the user's real library or settings."""
    monkeypatch.setenv("REPORT_READER_LIBRARY", str(tmp_path / "library.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
