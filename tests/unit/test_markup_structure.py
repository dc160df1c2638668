"""Structure from markup (issue 11): a heading a Word style, an h1–h6 or a Markdown # marks is a
heading at the level a text report's would have, however long it is; and each fixture imports to
the same blocks as its text version.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.core.ingest import ingest_bytes, ingest_file
from reader.core.model import HEADING, PARAGRAPH, Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LONG = "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。"
BODY = "过去一年是全面贯彻党的二十大精神的开局之年，是三年新冠疫情防控转段后经济恢复发展的一年，我们坚持稳中求进工作总基调。"


def blocks(doc: Document) -> list[tuple[str, int, str, str]]:
    return [(b.kind, b.level, b.text, b.label) for b in doc.blocks]


def outline(doc: Document) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in doc.blocks if b.kind == HEADING]


@pytest.mark.parametrize(
    "path",
    [
        "markup/report.docx",
        "markup/report.html",
        "markup/report.md",
        "pdf/report.pdf",
    ],
)
def test_each_fixture_imports_to_the_blocks_of_its_text_version(path: str) -> None:
    text_version = (FIXTURES / path).with_suffix(".txt")
    assert blocks(ingest_file(FIXTURES / path)) == blocks(ingest_file(text_version))


def test_a_markdown_heading_is_a_heading_however_long_and_even_ending_in_a_full_stop() -> None:
    doc = ingest_bytes(f"# 2024年政府工作报告\n\n{BODY}\n\n## {LONG}\n\n{BODY}\n\n### 稳定外贸\n\n{BODY}\n".encode(), "r.md")
    assert outline(doc) == [(0, "2024年政府工作报告"), (1, LONG), (2, "稳定外贸")]
    # Without its # the same line is a paragraph: only the markup makes it a heading.
    plain = ingest_bytes(f"# 2024年政府工作报告\n\n{BODY}\n\n{LONG}\n\n{BODY}\n".encode(), "r.md")
    assert [b.kind for b in plain.blocks if b.text == LONG] == [PARAGRAPH]


def test_web_page_headings_count_from_the_top_heading_and_labels_keep_their_level() -> None:
    # The title is an h2 and the parts h3: a title and its parts. A labelled heading takes its
    # label's level whatever its tag (（一） is a task group, 2, even as an h3 or an h6).
    body = (
        f"<h2>政府工作报告</h2><p>{BODY}</p><h3>工作回顾</h3><p>{BODY}</p>"
        f"<h3>（一）大力推进现代化产业体系建设</h3><p>{BODY}</p><h4>{LONG}</h4><p>{BODY}</p>"
        f"<h6>三、政府自身建设</h6><p>{BODY}</p>"
    )
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><article>{body}</article></body></html>'
    doc = ingest_bytes(page.encode(), "r.html")
    assert outline(doc) == [
        (0, "政府工作报告"), (1, "工作回顾"), (2, "（一）大力推进现代化产业体系建设"), (2, LONG), (1, "三、政府自身建设")
    ]
    assert [b.label for b in doc.blocks if b.kind == HEADING][2] == "（一）"


def test_a_top_heading_after_the_first_paragraph_is_a_part_not_a_title() -> None:
    doc = ingest_bytes(f"{BODY}\n\n## 工作回顾\n\n{BODY}\n\n## 今年工作\n\n{BODY}\n".encode(), "r.md")
    assert outline(doc) == [(1, "工作回顾"), (1, "今年工作")]


def test_word_heading_styles_and_outline_levels_make_the_outline() -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("2024年政府工作报告", style="Title")
    document.add_paragraph(BODY)
    document.add_heading(LONG, level=1)
    document.add_paragraph(BODY)
    document.add_heading("二、2024年政府工作任务", level=3)
    outlined = document.add_paragraph("一段标成二级大纲的文字，也是标题。")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{w}" w:val="1"/>'))
    document.add_paragraph(BODY)
    out = io.BytesIO()
    document.save(out)
    doc = ingest_bytes(out.getvalue(), "r.docx")
    assert outline(doc) == [(0, "2024年政府工作报告"), (1, LONG), (1, "二、2024年政府工作任务"), (2, "一段标成二级大纲的文字，也是标题。")]
