"""The Word brief (format "docx"), read back with python-docx."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from zipfile import ZipFile

import docx
import pytest
from docx.oxml.ns import qn

from reader.export import brief
from reader.export.model import ExportSet, Section
from reader.ops.export import Selection, collect
from tests.export.conftest import EXPORTED, FORMULAS, HOSTILE_NOTE


def read(data: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(data))


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name if p.style is not None else "", p.text) for p in read(data).paragraphs]


def styled(data: bytes, style: str) -> list[str]:
    return [text for name, text in paragraphs(data) if name == style]


def fill_of(word: docx.document.Document, style_id: str) -> str:
    style = word.styles.element.get_by_id(style_id)
    assert style is not None, style_id
    shd = style.find(f"{qn('w:rPr')}/{qn('w:shd')}")
    assert shd is not None, f"{style_id} has no shading"
    return str(shd.get(qn("w:fill")))


def test_registered_as_binary_docx():
    from reader.export import get

    fmt = get("docx")
    assert (fmt.render, fmt.extension, fmt.binary) == (brief.render, "docx", True)


def test_title_document_and_section_headings(export_set):
    data = brief.render(export_set)
    shown = paragraphs(data)
    assert shown[0] == ("Title", "Highlights")
    assert styled(data, "Heading 1") == ["2024年政府工作报告 · 2024 · report", "從「新」出發 · 2024 · commentary"]
    # The report's parts, at their level (1 → Heading 2); the title block (level 0) is not repeated.
    assert styled(data, "Heading 2") == ["一、2023年工作回顾", "二、2024年经济社会发展总体要求和政策取向", brief.ORPHANED_HEADING]
    # Each quote sits under its section.
    texts = [text for _, text in shown]
    assert texts.index("一、2023年工作回顾") < texts.index("新质生产力") < texts.index("二、2024年经济社会发展总体要求和政策取向")
    assert texts.index("二、2024年经济社会发展总体要求和政策取向") < texts.index("城镇新增就业1200万人以上")


def test_one_document_is_titled_by_it(export_library):
    one = collect(export_library, Selection(doc_ids=(2,)), exported=EXPORTED)
    assert paragraphs(brief.render(one))[0] == ("Title", "從「新」出發")


def test_deep_sections_are_capped_at_word_heading_levels(export_set):
    report = export_set.documents[0]
    sections = (Section(0, "T", 0), Section(1, "A", 1), Section(2, "B", 2), Section(14, "Deep", 3))
    first = replace(report.highlights[0], section=("T", "A", "B", "Deep"))
    data = brief.render(replace(export_set, documents=(replace(report, highlights=(first,), sections=sections),)))
    headings = [(name, text) for name, text in paragraphs(data) if name.startswith("Heading") and name != "Heading 1"]
    assert headings == [("Heading 2", "A"), ("Heading 3", "B"), ("Heading 9", "Deep")]


def test_quotes_in_order_shaded_in_their_colour(export_set):
    data = brief.render(export_set)
    assert styled(data, brief.QUOTE_STYLE) == [
        "国内生产总值超过126万亿元",
        "新质生产力",
        "国内生产总值增长5%左右",
        "城镇新增就业1200万人以上",
        "充分发挥创新主导作用",  # the orphan, last, under its own heading
        "新質生產力",
    ]
    word = read(data)
    colors = [h.annotation.color for d in export_set.documents for h in d.highlights if not h.annotation.orphaned]
    quotes = [p for p in word.paragraphs if p.style is not None and p.style.name == brief.QUOTE_STYLE]
    quotes = quotes[:4] + quotes[5:]
    for paragraph, color in zip(quotes, colors, strict=True):
        (run,) = paragraph.runs
        assert run.style is not None and run.style.name == brief.color_style(color)
        assert fill_of(word, run.style.style_id) == brief.FILLS[color].lstrip("#")


def test_notes_are_literal_text_with_their_line_breaks(export_set):
    notes = styled(brief.render(export_set), brief.NOTE_STYLE)
    assert HOSTILE_NOTE in notes
    assert "\n".join(FORMULAS) in notes
    assert "" not in notes  # no empty paragraph for a highlight without a note
    assert len(notes) == 5


def test_colour_names_and_tags(export_set):
    details = [" ".join(text.split()) for text in styled(brief.render(export_set), brief.DETAILS_STYLE)]
    assert details == [
        "met target · Tags: outcome",
        "risk · Tags: policy term, 新质生产力",
        "yellow · Tags: target",
        "blue",
        "yellow · Tags: orphan",
        "purple · Tags: policy term",
    ]


def test_orphans_under_their_own_heading(export_set):
    shown = paragraphs(brief.render(export_set))
    at = shown.index(("Heading 2", brief.ORPHANED_HEADING))
    after = [text for name, text in shown[at:] if name == brief.QUOTE_STYLE]
    assert after[0] == "充分发挥创新主导作用"
    before = [text for name, text in shown[:at] if name == brief.QUOTE_STYLE]
    assert "充分发挥创新主导作用" not in before
    # The commentary has no orphan: one orphan heading in all.
    assert sum(1 for p in shown if p == ("Heading 2", brief.ORPHANED_HEADING)) == 1


def test_targets_table_and_tasks_only_when_asked(export_library, export_set):
    plain = brief.render(export_set)
    assert not read(plain).tables
    assert brief.EXTRACTED_HEADING not in styled(plain, "Heading 2")
    data = brief.render(collect(export_library, Selection(with_extracted=True), exported=EXPORTED))
    assert styled(data, "Heading 2").count(brief.EXTRACTED_HEADING) == 2
    (table,) = read(data).tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        list(brief.TARGET_COLUMNS),
        ["国内生产总值增长", "5", "%", "左右"],
        ["城镇新增就业", "1200", "万人", "以上"],
        ["城镇调查失业率", "5.5", "%", "左右"],
        ["居民消费价格涨幅", "3", "%", "左右"],
    ]
    assert "No targets found." in styled(data, "Normal")  # the commentary has none


def test_tasks_listed_with_their_items(export_set):
    from reader.core.extracted import Task

    tasks = (
        Task(1, "大力推进现代化产业体系建设", 0, 5, (Task(1, "推动产业链供应链优化升级", 6, 9),)),
        Task(2, "深入实施科教兴国战略", 10, 15),
    )
    report = replace(export_set.documents[0], tasks=tasks, with_extracted=True)
    data = brief.render(replace(export_set, documents=(report,)))
    assert styled(data, brief.TASK_STYLE) == ["1. 大力推进现代化产业体系建设", "2. 深入实施科教兴国战略"]
    assert styled(data, "List Bullet 2") == ["推动产业链供应链优化升级"]


def test_traditional_conversion_changes_quotes(export_library):
    data = brief.render(collect(export_library, Selection(script="s2t"), exported=EXPORTED))
    quotes = styled(data, brief.QUOTE_STYLE)
    assert quotes[:2] == ["國內生產總值超過126萬億元", "新質生產力"]
    assert "国内生产总值超过126万亿元" not in quotes
    assert "Traditional (OpenCC standard)" in paragraphs(data)[1][1]
    assert read(data).styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == brief.TRADITIONAL.body


def test_east_asian_fonts_set_on_every_style_used(export_set):
    data = brief.render(export_set)
    word = read(data)
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", brief.QUOTE_STYLE):
        style = word.styles[name].element
        fonts = style.rPr.rFonts if style.rPr is not None else None
        east_asian = fonts.get(qn("w:eastAsia")) if fonts is not None else None
        if east_asian is None:  # inherited from its base style
            base = word.styles[name].base_style
            assert base is not None, name
            east_asian = base.element.rPr.rFonts.get(qn("w:eastAsia"))
        assert east_asian in (brief.SIMPLIFIED.body, brief.SIMPLIFIED.heading), name
    with ZipFile(BytesIO(data)) as package:
        # No theme font reference is left to override them.
        assert b"eastAsiaTheme" not in package.read("word/styles.xml")
        font_table = package.read("word/fontTable.xml")
    # Word without Noto finds a Chinese font to use in their place.
    assert b'<w:font w:name="Noto Serif CJK SC"><w:altName w:val="SimSun"/><w:charset w:val="86"/>' in font_table


def test_reproducible_with_the_export_time(export_set):
    data = brief.render(export_set)
    assert data == brief.render(export_set)
    with ZipFile(BytesIO(data)) as package:  # not the time it was written
        assert {info.date_time for info in package.infolist()} == {(2026, 11, 25, 9, 0, 0)}
        assert package.testzip() is None
    props = read(data).core_properties
    assert props.created is not None and props.created.isoformat().startswith("2026-11-25T09:00:00")
    assert props.modified == props.created
    assert props.title == "Highlights"


def test_characters_xml_cannot_carry_are_dropped(export_set):
    report = export_set.documents[0]
    bad = replace(report.highlights[0], note="bell\x07 tab\there\r\nnull\x00 end", quote="引\x0b文")
    data = brief.render(replace(export_set, documents=(replace(report, highlights=(bad,)),)))
    assert styled(data, brief.NOTE_STYLE) == ["bell tab\there\nnull end"]
    assert styled(data, brief.QUOTE_STYLE) == ["引文"]


def test_an_empty_export_still_opens():
    data = brief.render(ExportSet((), EXPORTED))
    shown = paragraphs(data)
    assert shown[0] == ("Title", "Highlights")
    assert ("Normal", "No highlights match this export.") in shown


def test_a_document_with_nothing_highlighted(export_library):
    data = brief.render(collect(export_library, Selection(tags=("nothing such",), with_extracted=True), exported=EXPORTED))
    assert styled(data, "Heading 1") == ["2024年政府工作报告 · 2024 · report", "從「新」出發 · 2024 · commentary"]
    assert styled(data, "Normal").count("No highlights.") == 2


@pytest.mark.parametrize("stamp", ["not a time", ""])
def test_an_unreadable_export_time_is_not_an_error(export_set, stamp):
    assert read(brief.render(replace(export_set, exported=stamp))).paragraphs
