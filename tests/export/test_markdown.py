"""The Markdown export (format "md"): its golden files, and what a reader of the note would notice,
checked by rendering it with a CommonMark parser where one is installed."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reader.core.extracted import Task
from reader.export import markdown
from reader.export.model import ExportSet, Highlight
from reader.ops.export import Selection, collect
from reader.store.annotations import Annotation
from tests.export.conftest import EXPORTED, HOSTILE_NOTE, check_golden


def md_parser():
    import markdown_it
    return markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough")


def body(text: str) -> str:
    """The note without its front matter."""
    assert text.startswith("---\n")
    return text.split("\n---\n", 1)[1]


def front_matter(text: str) -> dict[str, object]:
    import yaml
    loaded = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert isinstance(loaded, dict)
    return loaded


def highlight(note: str = "", quote: str = "新质生产力", tags: tuple[str, ...] = (), status: str = "anchored") -> Highlight:
    stamp = "2026-11-12T08:00:00+00:00"
    annotation = Annotation(1, "u", 1, 0, len(quote), quote, "", "", "red", note, status, stamp, stamp, tags)
    return Highlight(annotation, quote, note, "", ("一、2023年工作回顾",))


def test_registered_as_md():
    assert (markdown.MARKDOWN.name, markdown.MARKDOWN.extension, markdown.MARKDOWN.binary) == ("md", "md", False)
    assert markdown.MARKDOWN.render is markdown.render


def test_golden_two_documents(export_set):
    check_golden("highlights.md", markdown.render(export_set))


def test_golden_one_document_with_targets(export_library):
    export_set = collect(export_library, Selection(doc_ids=(1,), with_extracted=True), exported=EXPORTED)
    check_golden("report.md", markdown.render(export_set))


def test_one_document_front_matter_describes_it(export_library):
    export_set = collect(export_library, Selection(doc_ids=(1,)), exported=EXPORTED)
    assert front_matter(markdown.render(export_set)) == {
        "title": "2024年政府工作报告",
        "year": "2024",
        "kind": "report",
        "source": "2024.txt",
        "exported": EXPORTED,
    }


def test_several_documents_share_one_front_matter(export_set):
    text = markdown.render(export_set)
    assert text.count("\n---\n") == 1  # one front matter, at the top
    assert front_matter(text)["documents"] == ["2024年政府工作报告", "從「新」出發"]
    assert "Year: 2024 · Kind: commentary · Source: new.txt" in text


@pytest.mark.parametrize("title", ['a: "b"\n---\n# not a heading', "'; x: [1, {", "\u2028line\u0085next\x7f", "#\\ \t"])
def test_any_title_is_valid_front_matter(export_set, title):
    doc = export_set.documents[0]
    one = ExportSet((replace(doc, info=replace(doc.info, title=title)),), EXPORTED)
    text = markdown.render(one)
    assert front_matter(text)["title"] == title
    assert text.split("\n---\n", 1)[0].count("\n") == 5  # title, year, kind, source, exported: one line each


def test_sections_become_headings_at_their_level(export_set):
    text = markdown.render(export_set)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# 2024年政府工作报告",
        "## 一、2023年工作回顾",
        "## 二、2024年经济社会发展总体要求和政策取向",
        "## Orphaned highlights",
        "# 從「新」出發",
    ]
    # Each quote under its section.
    assert text.index("## 一、") < text.index("> 新质生产力") < text.index("## 二、") < text.index("> 城镇新增就业")


def test_hostile_note_is_text_not_markup(export_set):
    text = markdown.render(export_set)
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* \\[link\\](http://x) \\# heading  \nsecond line" in text
    html = md_parser().render(body(text))
    assert "<script>" not in html and "<strong>" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **bold** [link](http://x) # heading<br />\nsecond line" in html


HOSTILE = [
    HOSTILE_NOTE,
    "# heading",
    "## heading #",
    "> quoted",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2) item",
    "```\ncode",
    "~~~",
    "    indented code",
    "---",
    "===",
    "a\n===",
    "a\n---",
    "<b>bold</b> <!-- c --> <http://x>",
    "[link](http://x) ![img](http://x/i.png) [ref]: http://x",
    "**strong** __strong__ *em* _em_ ~~del~~ `code`",
    "&lt; &amp; &#60; &#x3c;",
    "back\\slash\\",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "line one\n\n\nline two",
    "trailing  \nspaces",
    "\r\nCRLF\r\nnote\r\n",
]


@pytest.mark.parametrize("note", HOSTILE)
def test_any_note_reads_back_as_written(note):
    """Rendered, every note is one paragraph whose text is the note, its line breaks kept as line
    breaks (blank lines and leading spaces, which Markdown cannot show, dropped)."""
    tokens = md_parser().parse(markdown.markdown_for([highlight(note)]))
    blocks = [t.type for t in tokens if t.nesting != -1 and t.type != "inline"]
    assert blocks == ["blockquote_open", "paragraph_open", "paragraph_open", "paragraph_open"], blocks
    inline = [t for t in tokens if t.type == "inline"][1]
    shown = "".join("\n" if c.type in ("hardbreak", "softbreak") else c.content for c in inline.children or [])
    expected = "\n".join(line.strip() for line in note.splitlines() if line.strip())
    assert shown == expected
    assert {c.type for c in inline.children or []} <= {"text", "hardbreak"}


@pytest.mark.parametrize("note", ["#tag", "[[Wiki link]]", "![[embed]]", "==highlight==", "%%comment%%", "$x^2$", "^block-id", "a ~~b~~"])
def test_obsidian_syntax_in_notes_is_escaped(note):
    line = markdown.markdown_for([highlight(note)]).split("\n\n")[1]
    assert not re.search(r"(?<!\\)(#\w|\[\[|==|%%|\$|\^|~~)", line), line


def test_newline_in_note_is_a_line_break_in_its_paragraph():
    text = markdown.markdown_for([highlight("first\nsecond")])
    assert "first  \nsecond" in text
    assert "first\n\nsecond" not in text


def test_multi_line_quote_is_quoted_line_by_line():
    text = markdown.markdown_for([highlight(quote="一、第一段\n- 第二段")])
    assert text.startswith("> 一、第一段\n>\n> \\- 第二段\n\n")


def test_tag_with_space_is_made_safe(export_set):
    text = markdown.render(export_set)
    assert "Tags: #policy_term #新质生产力 · Colour: risk" in text
    assert "#policy term" not in text


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("policy term", "#policy_term"),
        ("a.b, c!", "#a_b_c"),
        ("_x_", "#x"),
        ("nested/tag", "#nested/tag"),
        ("##", "\\#\\#"),
        ("新质 生产力", "#新质_生产力"),
    ],
)
def test_tag_names(tag, written):
    assert markdown.tag_name(tag) == written


def test_colour_is_its_user_name_where_named(export_set):
    text = markdown.render(export_set)
    assert "Colour: met target" in text and "Colour: risk" in text and "Colour: blue" in text
    assert "Colour: green" not in text and "Colour: red" not in text


def test_orphans_listed_under_their_own_heading_marked(export_set):
    text = markdown.render(export_set)
    orphans = text.index("## Orphaned highlights")
    assert text.index("> 充分发挥创新主导作用") > orphans
    assert "Tags: #orphan · Colour: yellow · Status: orphaned · Last seen in: 二、2024年经济社会发展总体要求和政策取向" in text
    assert text.count("Status: orphaned") == 1
    assert all(text.index(q) < orphans for q in ("> 国内生产总值超过126万亿元", "> 城镇新增就业1200万人以上"))


def test_traditional_conversion_changes_quotes_and_headings_but_not_notes(export_library):
    text = markdown.render(collect(export_library, Selection(script="s2t"), exported=EXPORTED))
    assert "> 國內生產總值超過126萬億元" in text and "> 城鎮新增就業1200萬人以上" in text
    assert "国内生产总值超过126万亿元" not in text
    # The document's title and headings read in the script of the quotes under them ...
    assert "# 2024年政府工作報告" in text and "## 一、2023年工作回顧" in text
    assert "2023年工作回顾" not in text
    # ... while notes are the user's own words: never converted.
    assert "An outcome, beaten." in text
    assert front_matter(text)["script"] == "s2t"


def test_with_extracted_adds_targets_and_tasks(export_library, export_set):
    assert "Targets and tasks" not in markdown.render(export_set)
    export_set = collect(export_library, Selection(doc_ids=(1,), with_extracted=True), exported=EXPORTED)
    text = markdown.render(export_set)
    assert "## Targets and tasks\n\n### Targets\n\n| Indicator | Value | Unit | Qualifier |" in text
    assert "| 国内生产总值增长 | 5 | % | 左右 |" in text
    assert "| 城镇调查失业率 | 5.5 | % | 左右 |" in text
    doc = replace(export_set.documents[0], tasks=(Task(1, "大力推进现代化产业体系建设 | 加快", 0, 5),))
    text = markdown.render(replace(export_set, documents=(doc,)))
    assert "| No. | Task |\n| --- | --- |\n| 1 | 大力推进现代化产业体系建设 \\| 加快 |" in text


def test_markdown_for_a_selection_has_no_front_matter(export_set):
    highlights = export_set.documents[0].highlights[:2]
    text = markdown.markdown_for(highlights)
    assert text.startswith("> 国内生产总值超过126万亿元\n\nAn outcome, beaten.\n\nTags: #outcome · Colour: met target · Location: ")
    assert "---" not in text and text.count("\n> ") == 1
    assert markdown.markdown_for([]) == ""


def test_empty_export_says_so():
    text = markdown.render(ExportSet((), EXPORTED))
    assert front_matter(text)["documents"] == []
    assert "No highlights were selected." in text
