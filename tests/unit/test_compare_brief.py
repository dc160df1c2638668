"""The comparison brief (reader.export.comparison) as a reader pastes it: Markdown read back with
markdown-it, the web page with html.parser."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown_it
import pytest

from reader.core.compare import compare
from reader.core.ingest import ingest_file
from reader.core.segment import tokenizer
from reader.export import formats
from reader.export.comparison import comparison_html, comparison_markdown
from tests.support import seed_path
from tests.unit.test_compare_align import paragraphs_doc

HOSTILE = '<script>alert(1)</script> **粗体** [链接](http://example.com) # 标题 `代码` ~~删~~ & "引号"'


@pytest.fixture(scope="module", autouse=True)
def _jieba_ready():
    tokenizer()


@pytest.fixture(scope="module")
def seeds():
    return compare(ingest_file(seed_path(1)), ingest_file(seed_path(2)))


def render_md(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def edited(a_text: str, b_text: str):
    return compare(paragraphs_doc("各位代表：", a_text), paragraphs_doc("各位代表：", b_text))


def test_the_targets_table_shows_figures_and_arrows(seeds):
    md = comparison_markdown(seeds, "2024", "2025")
    assert "| Indicator | 2024 | 2025 | Change |" in md
    assert "| 居民消费价格涨幅 | 3%左右 | 2%左右 | ↓ |" in md
    assert "| 国内生产总值增长 | 5%左右 | 5%左右 | = |" in md
    assert "| 粮食产量 | 1.3萬億斤以上 | 1.4万亿斤左右 | ↑ |" in md
    html = render_md(md)
    assert "<td>居民消费价格涨幅</td>" in html


def test_new_and_dropped_terms_are_listed_with_counts(seeds):
    md = comparison_markdown(seeds, "2024", "2025")
    new = next(line for line in md.splitlines() if line.startswith("- New:"))
    dropped = next(line for line in md.splitlines() if line.startswith("- Dropped:"))
    assert "人工智能+ (2)" in new.replace("\\", "")
    assert "全国人民代表大会 (4)" in dropped
    shifted = next(line for line in md.splitlines() if line.startswith("- Shifted:"))
    assert "统筹 (8 → 1)" in shifted


def test_a_changed_paragraph_marks_old_and_new_words():
    c = edited("国内生产总值增长5%左右，城镇新增就业1200万人以上。", "国内生产总值增长4.5%左右，城镇新增就业1200万人以上。")
    md = comparison_markdown(c, "A", "B")
    assert "国内生产总值增长~~5%左右~~ **4.5%左右**，城镇新增就业1200万人以上。" in md
    html = render_md(md)
    assert "<s>5%左右</s> <strong>4.5%左右</strong>" in html
    page = comparison_html(c, "A", "B")
    assert "国内生产总值增长<del>5%左右</del><ins>4.5%左右</ins>，城镇新增就业" in page


def test_changed_punctuation_is_still_marked_where_commonmark_is_strict():
    c = edited("稳就业，保民生，防风险。", "稳就业；保民生，防风险。")
    html = render_md(comparison_markdown(c, "A", "B"))
    assert "<s>，</s>" in html and "<strong>；</strong>" in html


def test_document_text_cannot_become_markup_in_markdown():
    c = edited(f"前文一句。{HOSTILE}", f"前文两句。{HOSTILE}")
    html = render_md(comparison_markdown(c, "<b>A</b>", "B # not a heading"))
    assert "<script>" not in html and "<a " not in html and "<code>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<h1>") == 1


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_document_text_is_escaped_in_the_web_page():
    c = edited(f"前文一句。{HOSTILE}", f"前文两句。{HOSTILE}")
    page = Page()
    page.feed(comparison_html(c, "<b>A</b>", "B"))
    assert "script" not in page.tags and "a" not in page.tags and "b" not in page.tags
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text and "<b>A</b>" in text


def test_the_brief_is_not_offered_as_a_highlight_export_format():
    assert not any("compar" in f.name for f in formats())


def test_importing_the_brief_first_leaves_every_export_format_available():
    import subprocess
    import sys

    code = "import reader.export.comparison; from reader.export import formats; print(' '.join(f.name for f in formats()))"
    names = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert {"md", "csv", "json", "html", "docx"} <= set(names)
