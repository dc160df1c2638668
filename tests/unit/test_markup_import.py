"""Word, web page and Markdown import (issue 11): the same paragraphs, headings, list items and
table rows as the report's text version, pages kept where a Word file records them, the article
of a web page without its menus, and each bad file refused in one sentence saying what to do.

The fixtures in tests/fixtures/markup are made from report.txt by make_markup_fixtures.py there.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reader.core.layout import Segment, segment
from reader.core.normalize import normalize_chars
from reader.core.sources import DOCX, TEXT, read_source, sniff
from reader.core.sources.docx import docx_paragraphs, read_docx
from reader.errors import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "markup"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def text_version() -> list[Segment]:
    return segment(normalize_chars(fixture("report.txt").decode("utf-8")))[0]


def normalized(segments: tuple[Segment, ...] | None) -> list[Segment]:
    assert segments is not None
    return [Segment(normalize_chars(s.text), s.hint, s.label, tuple(normalize_chars(c) for c in s.cells)) for s in segments]


def make_docx(build) -> bytes:  # type: ignore[no-untyped-def]
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- Word -------------------------------------------------------------------------------------


def test_word_file_reads_as_the_same_paragraphs_as_its_text_version():
    source = read_docx(fixture("report.docx"), "report.docx")
    assert source.kind == DOCX
    assert normalized(source.segments) == text_version()


def test_word_lists_show_the_bullets_and_numbers_word_draws():
    # The fixture's ● and （一） are list numbering, not text: they come from the list definition.
    texts = [s.text for s in read_docx(fixture("report.docx")).segments or ()]
    assert "● 经济总体回升向好。国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。" in texts
    assert any(t.startswith("（二）深入实施科教兴国战略") for t in texts)


def test_word_headings_come_from_styles_and_outline_levels():
    def build(document):  # type: ignore[no-untyped-def]
        document.add_paragraph("2024年政府工作报告", style="Title")
        document.add_heading("一、2023年工作回顾", level=1)
        document.add_paragraph("正文。")
        outlined = document.add_paragraph("一段标成二级大纲的文字")
        outlined._p.get_or_add_pPr().append(_xml('<w:outlineLvl w:val="1"/>'))

    paragraphs, _ = docx_paragraphs(make_docx(build))
    assert [(p.text, p.level) for p in paragraphs] == [
        ("2024年政府工作报告", 0), ("一、2023年工作回顾", 1), ("正文。", None), ("一段标成二级大纲的文字", 2)
    ]


def test_word_tables_sit_between_the_paragraphs_around_them_one_row_each():
    def build(document):  # type: ignore[no-untyped-def]
        document.add_paragraph("表前的段落。")
        document.add_paragraph("表2：主要指标")
        table = document.add_table(rows=2, cols=2)
        for r, row in enumerate((("指标", "目标"), ("国内生产总值增长", "5%左右"))):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("表后的段落。")

    segments = read_docx(make_docx(build)).segments or ()
    assert [(s.text, s.hint) for s in segments] == [
        ("表前的段落。", "paragraph"),
        ("表2：主要指标", "caption"),
        ("指标\t目标", "table_row"),
        ("国内生产总值增长\t5%左右", "table_row"),
        ("表后的段落。", "paragraph"),
    ]
    assert segments[3].cells == ("国内生产总值增长", "5%左右")


def test_word_list_label_typed_in_the_text_is_not_doubled():
    def build(document):  # type: ignore[no-untyped-def]
        paragraph = document.add_paragraph("1.已经写了编号的一项。", style="List Number")
        assert paragraph.text

    (paragraph,), _ = docx_paragraphs(make_docx(build))
    assert paragraph.text == "1.已经写了编号的一项。"


def test_word_pages_from_explicit_page_breaks():
    from docx.enum.text import WD_BREAK

    paragraphs, labels = docx_paragraphs(fixture("report.docx"))
    assert labels == ["1", "2"]
    page_of = {p.text: p.page for p in paragraphs}
    assert page_of["2024年政府工作报告"] == 0
    assert page_of["● 经济总体回升向好。国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。"] == 0
    assert page_of["二、2024年政府工作任务"] == 1
    assert page_of["城镇调查失业率\t5.5%左右"] == 1

    def no_breaks(document):  # type: ignore[no-untyped-def]
        document.add_paragraph("第一段。")
        document.add_paragraph("第二段。").add_run().add_break(WD_BREAK.LINE)

    paragraphs, labels = docx_paragraphs(make_docx(no_breaks))
    assert labels == [] and {p.page for p in paragraphs} == {0}


def test_word_pages_from_where_word_last_broke_them_without_counting_a_break_twice():
    # Word writes an explicit break and, where the next page began, a rendered break: one page.
    def build(document):  # type: ignore[no-untyped-def]
        from docx.enum.text import WD_BREAK

        document.add_paragraph("第一页的段落。").add_run().add_break(WD_BREAK.PAGE)
        second = document.add_paragraph()
        run = second.add_run("第二页开头的段落，")
        run._r.insert(0, _xml("<w:lastRenderedPageBreak/>"))
        later = second.add_run("这一段在排版时跨到了第三页。")
        later._r.insert(0, _xml("<w:lastRenderedPageBreak/>"))
        document.add_paragraph("第三页的段落。")

    paragraphs, labels = docx_paragraphs(make_docx(build))
    assert labels == ["1", "2", "3"]
    assert [(p.text, p.page) for p in paragraphs] == [
        ("第一页的段落。", 0), ("第二页开头的段落，这一段在排版时跨到了第三页。", 1), ("第三页的段落。", 2)
    ]


def _xml(xml: str):  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    name_end = min(i for i in (xml.find(" "), xml.find("/>"), xml.find(">")) if i > 0)
    return parse_xml(xml[:name_end] + " " + W + xml[name_end:])


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: data[: len(data) // 2], "zip"),  # cut short in a download
        (lambda data: _without(data, "word/document.xml"), "document.xml"),
        (lambda data: _without(data, "[Content_Types].xml"), "Content_Types"),
        (lambda data: _replaced(data, "word/document.xml", b"<w:document>not xml"), ""),
    ],
    ids=["truncated", "no document part", "no content types", "broken xml"],
)
def test_a_damaged_word_file_is_refused_in_one_sentence(damage, reason):  # type: ignore[no-untyped-def]
    data = damage(fixture("report.docx"))
    assert sniff(data, "report.docx") == DOCX
    with pytest.raises(InputError) as raised:
        read_source(data, "report.docx")
    message = str(raised.value)
    assert message.startswith("report.docx is a damaged Word file (")
    assert message.endswith("); open and re-save it in Word")
    assert reason in message
    assert "\n" not in message


def _without(data: bytes, part: str) -> bytes:
    return _rezip(data, {part: None})


def _replaced(data: bytes, part: str, content: bytes) -> bytes:
    return _rezip(data, {part: content})


def _rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in changes:
                if changes[info.filename] is None:
                    continue
                target.writestr(info.filename, changes[info.filename] or b"")
            else:
                target.writestr(info, source.read(info))
    return out.getvalue()


def test_a_word_file_named_txt_is_read_as_word_and_a_text_file_named_docx_as_text():
    as_txt = read_source(fixture("report.docx"), "report.txt")
    assert as_txt.kind == DOCX and normalized(as_txt.segments) == text_version()
    as_docx = read_source(fixture("report.txt"), "report.docx")
    assert as_docx.kind == TEXT and as_docx.text == fixture("report.txt").decode("utf-8")
