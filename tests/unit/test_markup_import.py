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
from reader.core.sources import DOCX, HTML, MARKDOWN, TEXT, read_source, sniff
from reader.core.sources.docx import docx_paragraphs, read_docx
from reader.core.sources.html import html_paragraphs, read_html
from reader.core.sources.markdown import markdown_paragraphs
from reader.errors import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "markup"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def text_version() -> list[Segment]:
    return segment(normalize_chars(fixture("report.txt").decode("utf-8")))[0]


def normalized(segments: tuple[Segment, ...] | None) -> list[Segment]:
    """The segments as the text version has them: a heading the markup marks is a line of text
    there (that both make the same blocks is tested in test_markup_structure.py)."""
    assert segments is not None
    return [
        Segment(normalize_chars(s.text), "paragraph" if s.hint == "heading" else s.hint, s.label,
                tuple(normalize_chars(c) for c in s.cells))
        for s in segments
    ]  # fmt: skip


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


# --- web pages --------------------------------------------------------------------------------


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body>{body}</body></html>".encode()


ARTICLE = "".join(f"<p>第{n}段：我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。</p>" for n in range(1, 6))


def test_web_page_reads_as_the_same_paragraphs_as_its_text_version():
    # GB2312 as the page declares; header, navigation, breadcrumb, share bar, related links and
    # footer dropped; the title above the article kept; lines wrapped in the source joined.
    source = read_source(fixture("report.html"), "report.html")
    assert source.kind == HTML and source.encoding == "gb18030"
    assert normalized(source.segments) == text_version()


def test_web_page_menus_and_footers_are_not_the_article():
    body = (
        '<div id="topnav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政务服务</a></div>'
        '<ul class="menu"><li>机构职能</li><li>领导信息</li><li>政策文件</li></ul>'
        f'<div class="content"><h1>国务院关于印发《2024年工作要点》的通知</h1>{ARTICLE}'
        '<div class="bdsharebuttonbox">分享到：微信 微博</div></div>'
        '<div class="footer">主办单位：某某人民政府办公厅 网站标识码：1100000088</div>'
    )
    texts = [s.text for s in read_html(page(body)).segments or ()]
    assert texts[0] == "国务院关于印发《2024年工作要点》的通知"
    assert texts[1:] == [f"第{n}段：我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。" for n in range(1, 6)]


def test_web_page_text_beside_the_article_stays_out_and_its_title_above_comes_in():
    # Furniture without a telling class (a site notice) sits between the title and the text.
    notice = "<div>" + "本网站所刊登的信息和各种专题专栏资料，均为本网版权所有，未经协议授权，禁止下载使用。" + "</div>"
    body = f'<div class="tit"><h1>2024年政府工作报告</h1></div>{notice}<div class="article_con">{ARTICLE}</div>{notice}'
    texts = [s.text for s in read_html(page(body)).segments or ()]
    assert texts[0] == "2024年政府工作报告"
    assert len(texts) == 6 and not any("版权所有" in t for t in texts)


def test_web_page_headings_lists_and_tables_from_the_markup():
    body = (
        f"<article><h2>一、主要任务</h2>{ARTICLE}<ol><li>扩大内需。</li><li>稳定外贸。</li></ol>"
        "<table><tr><th>指标</th><th>目标</th></tr><tr><td>国内生产总值增长</td><td><p>5%</p><p>左右</p></td></tr></table>"
        "</article>"
    )
    paragraphs, _, _ = html_paragraphs(page(body))
    assert (paragraphs[0].text, paragraphs[0].level) == ("一、主要任务", 2)
    assert [p.text for p in paragraphs[6:8]] == ["1. 扩大内需。", "2. 稳定外贸。"]
    assert [(p.hint, p.cells) for p in paragraphs[8:]] == [
        ("table_row", ("指标", "目标")), ("table_row", ("国内生产总值增长", "5%左右"))
    ]


def test_br_separates_paragraphs_only_on_a_page_that_uses_it_for_them():
    sentences = [f"第{n}段：我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。" for n in range(1, 5)]
    by_breaks = "<div class='TRS_Editor'>" + "<br><br>".join(f"\u3000\u3000{s}" for s in sentences) + "</div>"
    assert [s.text for s in read_html(page(by_breaks)).segments or ()] == sentences
    # A page of <p> paragraphs where one <br> breaks a line inside one of them: one paragraph.
    by_paragraphs = ARTICLE + "<p>地址：北京市西城区<br>邮编：100000</p>"
    texts = [s.text for s in read_html(page(by_paragraphs)).segments or ()]
    assert texts[-1] == "地址：北京市西城区邮编：100000"


def test_web_page_charset_from_the_page_else_utf8_else_gb18030():
    text = "<p>各位代表：现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。</p>" * 3
    traditional = "<p>各位代表：現在，我代表國務院，向大會報告政府工作，請予審議，並請全國政協委員提出意見。</p>" * 3
    big5 = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>{traditional}</body></html>'
    source = read_html(big5.encode("big5"))
    assert source.encoding == "big5" and (source.segments or ())[0].text.startswith("各位代表：現在，我代表國務院")
    undeclared = f"<html><head><title>t</title></head><body>{text}</body></html>"
    assert read_html(undeclared.encode("gb18030")).encoding == "gb18030"
    assert read_html(undeclared.encode("utf-8")).encoding == "utf-8"
    segments = read_html(undeclared.encode("gb18030")).segments or ()
    assert segments[0].text.startswith("各位代表：现在，我代表国务院")


@pytest.mark.parametrize(
    ("body", "left"),
    [
        ('<nav><a href="/">首页</a></nav><div class="main"><a href="/a">新闻</a> <a href="/b">登录</a></div>'
         "<footer>版权所有</footer>", 4),
        ("<div class='error'><p>对不起，您访问的页面不存在或已被删除。</p></div>", 19),
    ],
    ids=["only menus", "a short notice"],
)  # fmt: skip
def test_a_web_page_with_no_article_is_refused_saying_what_to_do(body, left):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as raised:
        read_source(page(body), "index.html")
    assert str(raised.value) == (
        f"index.html has no article text ({left} characters of text outside menus); save the article as text"
    )


def test_a_two_megabyte_page_is_read_within_a_second():
    import time

    data = big_page(2_000_000)
    started = time.perf_counter()
    source = read_html(data)
    assert time.perf_counter() - started < 1.0 * SLOW
    assert len(source.segments or ()) > 5000


SLOW = 3  # the budget is 1 s on a quiet machine (benchmarks: html_import); tests run beside others


def big_page(size: int) -> bytes:
    from benchmarks.corpus import html_page

    return html_page(size)


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_reads_as_the_same_paragraphs_as_its_text_version():
    source = read_source(fixture("report.md"), "report.md")
    assert source.kind == MARKDOWN
    assert normalized(source.segments) == text_version()


def test_markdown_marks_go_and_text_stays():
    paragraphs = markdown_paragraphs(
        "---\ntitle: 摘要\n---\n"
        "Title\n=====\n\n"
        "**粗体**、*斜体*、~~删除~~和`代码`，见[新华网](http://www.news.cn \"新华\")与<https://www.gov.cn>。\n\n"
        "1. 第一项\n2. 第二项\n\n"
        "> 引用的话\n> 接着说。\n\n"
        "snake_case 与 2 * 3\n"
    )
    assert [(p.text, p.level) for p in paragraphs] == [
        ("Title", 1),
        ("粗体、斜体、删除和代码，见新华网与https://www.gov.cn。", None),
        ("1. 第一项", None),
        ("2. 第二项", None),
        ("引用的话接着说。", None),
        ("snake_case 与 2 * 3", None),
    ]


def test_markdown_soft_wrapped_english_keeps_its_spaces():
    (paragraph,) = markdown_paragraphs("The Government Work Report\nwas delivered on 5 March.\n")
    assert paragraph.text == "The Government Work Report was delivered on 5 March."
