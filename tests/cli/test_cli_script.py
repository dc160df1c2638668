"""Showing a document in another script, and the window drawn to a PNG from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main
from reader.core.convert import convert_text
from reader.core.ingest import ingest_file
from reader.core.model import HEADING, PARAGRAPH, Block, Document
from reader.store import Library
from tests.support import seed_path


def test_show_with_a_script_converts_text_and_block_offsets(capsys):
    assert main(["show", str(seed_path(1)), "--script", "t2s", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    original = ingest_file(seed_path(1))
    assert data["text"] == convert_text(original.text, "t2s").text
    assert "今年发展主要预期目标是" in data["text"]
    assert [block["text"] for block in data["blocks"]] == [convert_text(b.text, "t2s").text for b in original.blocks]
    for block in data["blocks"]:
        assert data["text"][block["start"]:block["end"]] == block["text"]


# Phrases that change length under s2twp (U盘 → 隨身碟, 内存 → 記憶體, 互联网 → 網際網路) push every later block along.
GROWING = [
    "一、电脑外设",
    "请用U盘拷贝文件，再用鼠标打开。",
    "软件和信息都在内存里，互联网和数据也在服务器里。",
    "第三段在后面：发展新质生产力。",
]
GROWING_S2TWP = [
    "一、電腦外設",
    "請用隨身碟複製檔案，再用滑鼠開啟。",
    "軟體和資訊都在記憶體裡，網際網路和資料也在伺服器裡。",
    "第三段在後面：發展新質生產力。",
]


@pytest.fixture
def growing_doc() -> str:
    """A library document with one block per paragraph (built directly, so ingest's paragraphing
    does not matter here); its id."""
    blocks, start = [], 0
    for seq, text in enumerate(GROWING):
        kind, level = (HEADING, 1) if seq == 0 else (PARAGRAPH, 0)
        blocks.append(Block(id=f"b{seq}", kind=kind, level=level, text=text, lang="zh", start=start, end=start + len(text)))
        start += len(text) + 1
    document = Document(text="\n".join(GROWING), blocks=tuple(blocks), title="电脑外设", script="simplified")
    with Library.open() as library:
        doc_id, _ = library.add(document)
    return str(doc_id)


def test_show_script_json_puts_every_block_on_its_converted_paragraph(capsys, growing_doc):
    assert main(["show", growing_doc, "--script", "s2twp", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [len(c) - len(p) for c, p in zip(GROWING_S2TWP, GROWING, strict=True)] == [0, 1, 2, 0]
    assert data["text"] == "\n".join(GROWING_S2TWP)
    starts = [sum(len(t) + 1 for t in GROWING_S2TWP[:i]) for i in range(len(GROWING_S2TWP))]
    assert [(b["text"], b["start"], b["end"]) for b in data["blocks"]] == [
        (text, start, start + len(text)) for text, start in zip(GROWING_S2TWP, starts, strict=True)
    ]


def test_show_script_blocks_prints_each_converted_paragraph_whole(growing_doc):
    result = subprocess.run(
        [sys.executable, "-m", "reader", "show", growing_doc, "--script", "s2twp", "--blocks"],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "[heading 1 zh] 一、電腦外設",
        *(f"[paragraph 0 zh] {text}" for text in GROWING_S2TWP[1:]),
    ]


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


def _gui(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "reader", "gui", "--library", str(tmp_path / "lib.sqlite3"), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_gui_with_an_unknown_document_says_so_and_exits_1(tmp_path):
    shot = tmp_path / "shot.png"
    result = _gui(tmp_path, "--doc", "99", "--screenshot", str(shot))
    assert result.returncode == 1
    assert "99" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not shot.exists()


def test_a_screenshot_run_leaves_the_readers_settings_as_they_were(tmp_path):
    assert _gui(tmp_path, "--doc", "3", "--screenshot", str(tmp_path / "a.png")).returncode == 0
    assert not [p for p in (tmp_path / "config").rglob("*") if p.is_file()]  # nothing written
    # A reader with a remembered document: a screenshot of another leaves it remembered.
    folder = tmp_path / "config" / "Report Reader"
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "report-reader.conf"
    conf.write_text("[reader]\nlast_document=5\n")
    before = {conf: conf.read_bytes()}
    assert _gui(tmp_path, "--doc", "3", "--screenshot", str(tmp_path / "b.png")).returncode == 0
    assert {path: path.read_bytes() for path in before} == before
    assert [p for p in (tmp_path / "config").rglob("*") if p.is_file()] == [conf]


def test_the_list_of_commands_is_the_parsers_and_the_window_needs_only_its_own():
    from reader.cli.parser import COMMANDS, _subcommands, build_parser, opens_window

    assert tuple(_subcommands(build_parser())) == COMMANDS
    assert tuple(_subcommands(build_parser(window_only=True))) == ("gui",)
    for argv in ([], ["gui"], ["--library", "x.sqlite3"], ["--library=x.sqlite3", "gui", "--doc", "3"], ["--doc", "2"]):
        assert opens_window(list(argv)), argv
    for argv in (["list"], ["--library", "x", "show", "1"], ["--help"], ["--version"], ["import-annotations", "f"]):
        assert not opens_window(list(argv)), argv


def test_the_window_makes_the_days_copy_of_the_library_after_showing_it(tmp_path):
    """The daily backup is the window's too, made on a worker after the first paint (a large
    library's copy would otherwise hold the window back): after a run, it is there."""
    assert _gui(tmp_path, "--screenshot", str(tmp_path / "a.png")).returncode == 0
    copies = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(copies) == 1, copies
    import sqlite3

    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM documents").fetchone()[0] == 11
