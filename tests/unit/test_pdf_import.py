"""PDF import (issue 11): a report PDF's lines as the page showed them, pages and their labels kept,
look-alike radicals folded, and each unreadable PDF refused in one sentence that says what to do.

The fixtures in tests/fixtures/pdf are made by tools/make_fixture_pdfs.py from report.txt.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from reader.core.decode import MAX_INPUT_BYTES
from reader.core.normalize import normalize_chars
from reader.core.radicals import EQUIVALENT_IDEOGRAPH
from reader.core.sources import PAGE_BREAK, PDF, read_source, sniff
from reader.core.sources.pdf import read_pdf
from reader.errors import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def pages_of(text: str) -> list[list[str]]:
    return [page.split("\n") for page in text.split(PAGE_BREAK)]


def test_each_page_comes_out_as_the_lines_it_shows():
    source = read_pdf(fixture("report.pdf"), "report.pdf")
    drawn = json.loads((FIXTURES / "report.lines.json").read_text(encoding="utf-8"))
    assert source.kind == PDF
    assert len(drawn) == 5
    # header, the title and a heading each wrapped over two lines, "——" list lines on their own,
    # table rows one line each with their cells apart, the page number
    assert pages_of(source.text) == drawn


def test_page_labels_are_the_numbers_printed_on_the_pages():
    # printed as 1, - 2 -, 第3页, —4—, 5
    assert read_pdf(fixture("report.pdf"), "report.pdf").page_labels == ("1", "2", "3", "4", "5")


def test_page_labels_of_the_pdf_itself_win():
    assert read_pdf(fixture("labelled.pdf"), "labelled.pdf").page_labels == ("i", "ii", "1", "2", "3")


def test_a_pdf_named_txt_is_read_as_a_pdf():
    data = fixture("report.pdf")
    assert sniff(data, "report.txt") == PDF
    source = read_source(data, "report.txt")
    assert source.kind == PDF
    assert source.text == read_pdf(data, "report.pdf").text


def test_radicals_in_the_text_layer_fold_to_the_ideographs():
    lines = normalize_chars(read_pdf(fixture("radicals.pdf"), "radicals.pdf").text).split("\n")
    # The page drew radicals (⼈⺠⻓, ⸺) on one line and ideographs on the next; the font shares
    # their glyphs, so both come out of the PDF as radicals, and both must read as ideographs.
    assert lines[1] == lines[3] == "——人民生活水平提高，工业增加值增长4.6%"
    assert lines[2] == lines[4] == "（第一季度）。"
    assert lines[5] == "见第12页：长江、黄河；马上飞车“门”！"


def test_the_radical_fold_keeps_full_width_punctuation_and_length():
    punctuation = "，。、；：？！“”‘’（）《》【】——…"
    assert normalize_chars(punctuation) == punctuation
    radicals = "".join(chr(code) for code in EQUIVALENT_IDEOGRAPH)
    folded = normalize_chars(radicals)
    assert folded == "".join(chr(code) for code in EQUIVALENT_IDEOGRAPH.values())
    assert len(folded) == len(radicals)  # one for one: offsets into the text hold
    assert normalize_chars("⻓江⼤桥第12⻚") == "长江大桥第12页"  # supplement and Kangxi alike


def test_a_page_number_in_radicals_still_labels_the_page():
    from reader.core.sources.pdf import _printed_labels

    pages = [["2024年政府⼯作报告", "正文", "第12⻚"], ["正文", "- 13 -"], ["13/40", "正文"], ["正文", "没有页码"]]
    assert _printed_labels(pages) == ["12", "13", "13", ""]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("encrypted.pdf", "encrypted.pdf is password-protected; open it in a PDF reader, save an unprotected copy, "
                          "and import that"),
        ("image_only.pdf", "image_only.pdf has no text layer (a scanned image); run OCR on it first (e.g. ocrmypdf) "
                           "and import the result"),
        ("truncated.pdf", "truncated.pdf is damaged or not a PDF; download it again, or open it in a PDF reader "
                          "and save a new copy"),
    ],
)  # fmt: skip
def test_an_unreadable_pdf_is_one_clear_sentence(name, says):
    with pytest.raises(InputError) as caught:
        read_source(fixture(name), name)
    assert str(caught.value) == says


def test_a_file_that_only_starts_like_a_pdf_is_damaged():
    with pytest.raises(InputError, match=r"^notes\.pdf is damaged or not a PDF;"):
        read_source(b"%PDF-1.7\n" + "这不是PDF文件。\n".encode() * 20, "notes.pdf")


def test_a_pdf_over_the_size_limit_is_refused_before_pdfium_reads_it():
    data = fixture("report.pdf")
    data += b"\0" * (MAX_INPUT_BYTES + 1 - len(data))
    with pytest.raises(InputError, match=r"^big\.pdf is 20\.0 MB; the limit is 20 MB"):
        read_source(data, "big.pdf")


def test_pdfs_read_from_several_threads_at_once_read_alike():
    data = fixture("report.pdf")
    expected = read_pdf(data, "report.pdf")
    results: list[object] = []

    def work() -> None:
        results.append(read_pdf(data, "report.pdf"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def _blocks(doc) -> list[tuple[str, int, str]]:
    return [(block.kind, block.level, block.text) for block in doc.blocks]


def test_the_report_pdf_imports_to_the_blocks_of_its_text_version():
    from reader.core.ingest import ingest_bytes, ingest_text

    from_pdf = ingest_bytes(fixture("report.pdf"), "report.pdf")
    from_text = ingest_text((FIXTURES / "report.txt").read_text(encoding="utf-8"))
    # running headers and page numbers gone, the wrapped title and heading whole, the "——" list
    # items and the paragraph across pages 1–2 joined, the table's rows as rows
    assert _blocks(from_pdf) == _blocks(from_text)
    assert "\f" not in from_pdf.text


@pytest.mark.parametrize("name", ["encrypted.pdf", "image_only.pdf", "truncated.pdf"])
def test_importing_a_bad_pdf_at_the_command_line_is_one_line_and_exit_1(capsys, tmp_path, name):
    from reader.cli import main

    (tmp_path / name).write_bytes(fixture(name))
    code = main(["--library", str(tmp_path / "lib.sqlite3"), "import", str(tmp_path / name)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and name in err and "; " in err, err
