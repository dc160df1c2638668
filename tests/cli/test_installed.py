"""An installed copy (not the checkout) finds its seeds and opens on them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]


def test_an_installed_copy_seeds_its_library_from_the_wheel(tmp_path):
    probe = subprocess.run(
        [sys.executable, "-c", "import reader; print(reader.__file__)"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    if probe.returncode != 0 or Path(probe.stdout.strip()).is_relative_to(CHECKOUT / "reader"):
        pytest.skip("report-reader is not installed in this environment (only the checkout is importable)")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--json", "--library", str(tmp_path / "lib.sqlite3")],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert len(documents) == 11
    assert {d["year"] for d in documents} == {2014, 2016, 2018, 2020, 2022, 2024, 2025}


def test_options_without_a_command_open_the_window(tmp_path, monkeypatch):
    from reader import cli
    from reader.cli import gui

    seen = {}

    def fake_gui(args) -> int:
        seen["library"] = args.library
        return 0

    monkeypatch.setattr(gui, "cmd_gui", fake_gui)
    assert cli.main(["--library", str(tmp_path / "x.sqlite3")]) == 0
    assert seen["library"] == str(tmp_path / "x.sqlite3")
