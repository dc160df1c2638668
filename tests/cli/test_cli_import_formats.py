"""`report-reader import` of Word files, web pages and files whose extension lies (issue 11):
a good one is added with its blocks, each bad one is one line on stderr, exit 1, nothing added."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.core.decode import MAX_INPUT_BYTES
from reader.store.library import Library

MARKUP = Path(__file__).resolve().parents[1] / "fixtures" / "markup"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def documents(path: Path) -> int:
    library = Library.open(path)
    try:
        return len(library.documents())
    finally:
        library.close()


def _no_article() -> bytes:
    return "<html><head><title>新闻</title></head><body><nav>首页 要闻 政策</nav><footer>版权所有</footer></body></html>".encode()


def _damaged_docx() -> bytes:
    return b"PK\x03\x04" + b"word/document.xml" + bytes(range(256)) * 8


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("damaged.docx", _damaged_docx(), "damaged Word file"),
        ("menus.html", _no_article(), "no article text"),
        ("word.txt", _damaged_docx(), "damaged Word file"),  # the bytes decide, not the name
    ],
)
def test_a_bad_file_is_one_line_exit_1_and_nothing_added(capsys, tmp_path, name, data, says):
    library = tmp_path / "lib.sqlite3"
    run(capsys, "--library", str(library), "list")
    before = documents(library)
    (tmp_path / name).write_bytes(data)
    code, out, err = run(capsys, "--library", str(library), "import", str(tmp_path / name))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and name in err and says in err, err
    assert documents(library) == before


def test_a_file_over_the_limit_is_refused_with_the_limit(capsys, tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    code, out, err = run(capsys, "--library", str(tmp_path / "lib.sqlite3"), "import", str(big))
    assert code == 1 and "big.html" in err and f"{MAX_INPUT_BYTES // 1_000_000} MB" in err


@pytest.mark.parametrize("name", ["report.docx", "report.html", "report.md"])
def test_word_web_page_and_markdown_import_as_their_text_version(capsys, tmp_path, name):
    library = tmp_path / "lib.sqlite3"
    code, out, _ = run(capsys, "--library", str(library), "import", str(MARKUP / name))
    assert code == 0
    code, text_out, _ = run(capsys, "--library", str(library), "import", str(MARKUP / "report.txt"))
    assert code == 0
    assert text_out == out  # the same text: the library already holds it under that id
