"""Ingest of small inline texts: normalisation, ids, offsets and the errors a user can cause."""

from __future__ import annotations

import time

import pytest

from reader.core.ingest import ingest_bytes, ingest_file, ingest_text
from reader.core.model import HEADING, LIST_ITEM, PARAGRAPH
from reader.core.normalize import normalize_chars, tidy_spaces
from reader.errors import InputError
from tests.support import pdf_wrapped, seed_path


def test_look_alike_code_points_are_folded():
    # Kangxi radical ⾼ (U+2FBC), compatibility ideograph 﨑 stays a real ideograph, full-width digits,
    # full-width percent, U+2E3A dash, symbol-font bullet, NBSP and zero-width space.
    text = "\uf06c 增長５．２％\u00a0左右\u200b，⾼質量\n\u2e3a經濟總體回升向好。"
    assert normalize_chars(text) == "● 增長5．2% 左右，高質量\n——經濟總體回升向好。"


def test_full_width_punctuation_is_kept_and_ascii_punctuation_after_chinese_becomes_full_width():
    assert normalize_chars("我们要深入贯彻落实,紧紧抓住主要矛盾;(一)大力推进") == "我们要深入贯彻落实，紧紧抓住主要矛盾；（一）大力推进"
    assert normalize_chars("We will, in 2024: act.") == "We will, in 2024: act."


def test_spaces_inside_chinese_number_phrases_are_tidied():
    assert tidy_spaces("（2024 年 3 月 11 日 通過）增長 5.5% 左右，GDP 僅增長") == "（2024年3月11日通過）增長5.5%左右，GDP僅增長"
    assert tidy_spaces("New  Quality Productive Force") == "New Quality Productive Force"


def test_wrapped_lines_join_chinese_without_space_and_english_with_one():
    wrapped = (
        "一、總體要求\n\n"
        "今年發展主要預期目標是：國內生產總值增長 5%左右；城鎮新增就業 1200\n\n"
        "萬人以上，城鎮調查失業率 5.5%左右；居民消費價格漲幅 3%左右；居\n\n"
        "民收入增長和經濟增長同步；國際收支保持基本平衡。\n\n"
        "3\n\n"
        "二、政策取向\n\n"
    )
    doc = ingest_text(wrapped)
    assert [b.text for b in doc.blocks] == [
        "一、總體要求",
        "今年發展主要預期目標是：國內生產總值增長5%左右；城鎮新增就業1200萬人以上，城鎮調查失業率5.5%左右；居民消費價格漲幅3%左右；居民收入增長和經濟增長同步；國際收支保持基本平衡。",
        "二、政策取向",
    ]
    assert [b.kind for b in doc.blocks] == [HEADING, PARAGRAPH, HEADING]


def test_plain_text_paragraphs_separated_by_blank_lines_stay_apart():
    doc = ingest_text("Government Work Report\n\nWe will keep growth steady.\n\nWe will expand demand.\n")
    assert [b.text for b in doc.blocks] == ["Government Work Report", "We will keep growth steady.", "We will expand demand."]
    assert doc.language == "en"


def test_labels_and_levels():
    doc = ingest_text("一、總體要求\n（一）大力推進現代化產業體系建設\n1. 推動產業鏈供應鏈優化升級\n●加快發展新質生產力\n")
    assert [(b.kind, b.level, b.label) for b in doc.blocks] == [
        (HEADING, 1, "一、"),
        (HEADING, 2, "（一）"),
        (HEADING, 3, "1."),
        (LIST_ITEM, 4, "●"),
    ]


def test_ids_do_not_shift_when_other_text_is_edited():
    base = "一、總體要求\n\n甲段落。\n\n乙段落。\n\n甲段落。\n"
    edited = "一、總體要求\n\n新加的段落。\n\n甲段落。\n\n乙段落。\n\n甲段落。\n"
    before = {b.text: b.id for b in ingest_text(base).blocks}
    after = ingest_text(edited).blocks
    assert before["乙段落。"] == next(b.id for b in after if b.text == "乙段落。")
    repeats = [b.id for b in after if b.text == "甲段落。"]
    assert len(set(repeats)) == 2 and repeats[1].endswith("-2")


def test_offsets_count_code_points_beyond_the_bmp():
    doc = ingest_text("吉𠮷野家\n\n第二段。\n")
    second = doc.blocks[1]
    assert doc.text[second.start:second.end] == "第二段。"
    assert second.start == len("吉𠮷野家") + 1


def test_title_year_and_encoding():
    doc = ingest_bytes("2024年政府工作報告\n\n今年發展主要預期目標是增長5%左右。\n".encode("big5"), "report.txt")
    assert doc.encoding == "big5"
    assert doc.title == "2024年政府工作報告"
    assert doc.year == 2024
    assert doc.script == "traditional"
    assert ingest_text("任何文字。", title="自定標題").title == "自定標題"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"^nothing\.txt does not exist$"):
        ingest_file(tmp_path / "nothing.txt")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        ingest_file(tmp_path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\n \n")
    with pytest.raises(InputError, match=r"^empty\.txt is empty$"):
        ingest_file(path)


def test_ingest_of_a_20k_report_is_quick_enough_to_report():
    """Timing is reported, not asserted (machines differ): see the printed figure with -s."""
    text = "\n\n".join(seed_path(n).read_text(encoding="utf-8") for n in (1, 3, 0))
    assert len(text) >= 20_000
    ingest_text(text)  # warm OpenCC
    started = time.perf_counter()
    doc = ingest_text(text)
    print(f"ingest of {len(text)} chars: {(time.perf_counter() - started) * 1000:.1f} ms")
    assert doc.blocks


def test_a_number_cut_by_a_line_break_is_joined_without_a_space():
    text = pdf_wrapped(
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。",
        "财政政策适度加力、提质增效。赤字4.06万亿元，统筹财政收入、债券等资金。",
        "今年拟按3%安排赤字率，规模为4.06万亿元，比去年年初预算增加1800亿元。",
        width=17,
    )
    assert "120\n\n0" in text and "4\n\n.06" in text and "4.\n\n06" in text
    joined = ingest_text(text).text
    assert "1200万人" in joined and "赤字4.06万亿元" in joined and "规模为4.06万亿元" in joined


# --- page furniture ---------------------------------------------------------------------------

PAGE_PARAGRAPHS = (
    "过去一年，经济总体回升向好。国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。"
    "城镇新增就业1244万人，城镇调查失业率平均为5.2%。",
    "全国约3/4的省份完成了年度目标，第3季度以来回升态势更加明显，粮食产量1.39万亿斤。",
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
)
PAGE_WIDTH = 24


def pdf_pages(footer: str | None, *, every: int = 3) -> str:
    """The paragraphs hard-wrapped, a blank line after every line, and `footer` after every
    `every`-th line, mid-sentence, as a PDF's page breaks put it (None: no page breaks)."""
    lines = [p[i : i + PAGE_WIDTH] for p in PAGE_PARAGRAPHS for i in range(0, len(p), PAGE_WIDTH)]
    out: list[str] = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if footer is not None and n % every == 0:
            out.append(footer.format(page=n // every + 2))
    return "\n\n".join(out) + "\n"


@pytest.mark.parametrize(
    "footer",
    ["第 {page} 页", "第{page}页", "第 {page} 頁", "{page}/45", "{page} / 45", "- {page} -", "— {page} —", "{page}"],
)
def test_page_numbers_between_lines_are_dropped_and_the_sentences_join_up(footer):
    clean = ingest_text(pdf_pages(None))
    assert [b.text for b in clean.blocks] == list(PAGE_PARAGRAPHS)
    paged = ingest_text(pdf_pages(footer))
    assert [b.text for b in paged.blocks] == list(PAGE_PARAGRAPHS)
    assert paged.text == clean.text


def test_numbers_inside_sentences_are_kept_where_page_numbers_are_dropped():
    text = ingest_text(pdf_pages("第 {page} 页")).text
    for number in ("126万亿元", "5.2%", "1244万人", "3/4的省份", "第3季度", "1.39万亿斤", "1200万人以上"):
        assert number in text
    assert "页" not in text
