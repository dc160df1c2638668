"""Showing a document in another script, and the window drawn to a PNG from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from reader.cli import main
from tests.support import seed_path


def test_show_with_a_script_converts_text_and_block_offsets(capsys):
    assert main(["show", str(seed_path(1)), "--script", "t2s", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "今年发展主要预期目标是" in data["text"]
    for block in data["blocks"]:
        assert data["text"][block["start"]:block["end"]] == block["text"]


def test_show_with_an_unknown_script_is_one_line_error(capsys):
    assert main(["show", str(seed_path(2)), "--script", "x2y"]) == 1
    assert "x2y" in capsys.readouterr().err


def test_convert_keeps_one_output_line_per_input_line(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("鼠标\n\n用U盘\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "convert", "--config", "s2twp", str(source)],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "滑鼠\n\n用隨身碟\n"


def test_gui_screenshot_writes_a_png_and_exits_0(tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "gui", "--library", str(tmp_path / "lib.sqlite3"), "--doc", "2", "--screenshot", str(shot)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a drawn window, not an empty image
