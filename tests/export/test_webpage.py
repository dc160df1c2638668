"""The HTML export (format "html"): its golden file, and the page read back with html.parser: well
nested, self-contained, every piece of user text shown as text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

import pytest

from reader.core.extracted import Task
from reader.export import webpage
from reader.export.model import ExportSet
from reader.ops.export import Selection, collect
from tests.export.conftest import EXPORTED, FORMULAS, HOSTILE_NOTE, check_golden

VOID = {"meta", "link", "br", "img", "hr", "input", "source", "wbr", "col", "area", "base", "embed", "track"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str = "", cls: str = "") -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if (not tag or child.tag == tag) and (not cls or cls in child.classes):
                    found.append(child)
                found.extend(child.all(tag, cls))
        return found

    def one(self, tag: str = "", cls: str = "") -> Element:
        found = self.all(tag, cls)
        assert len(found) == 1, (tag, cls, len(found))
        return found[0]


class Page(HTMLParser):
    """The page as a tree; any tag closed out of order, or left open, is an error."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype = ""
        self.errors: list[str] = []
        self.feed(text)
        self.close()
        if len(self.stack) != 1:
            self.errors.append(f"left open: {[e.tag for e in self.stack[1:]]}")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(text: str) -> Element:
    page = Page(text)
    assert page.doctype.lower() == "doctype html"
    assert not page.errors, page.errors
    return page.root


def test_registered_as_html():
    assert (webpage.WEBPAGE.name, webpage.WEBPAGE.extension, webpage.WEBPAGE.binary) == ("html", "html", False)
    assert webpage.WEBPAGE.render is webpage.render


def test_golden_two_documents(export_set):
    check_golden("highlights.html", webpage.render(export_set))


def test_golden_one_document_traditional_with_targets(export_library):
    export_set = collect(export_library, Selection(doc_ids=(1,), script="s2t", with_extracted=True), exported=EXPORTED)
    check_golden("report-s2t.html", webpage.render(export_set))


def test_page_is_well_formed_and_self_contained(export_set):
    root = parse(webpage.render(export_set))
    html = root.one("html")
    assert html.attrs["lang"] == "zh-Hans"  # the first document: Chinese, Simplified
    assert root.one("title").text() == "Highlights from 2 documents"
    metas = {m.attrs.get("name") or m.attrs.get("http-equiv") or "charset": m.attrs for m in root.all("meta")}
    assert metas["charset"]["charset"] == "utf-8"
    assert metas["viewport"]["content"] == "width=device-width, initial-scale=1"
    assert "default-src 'none'" in metas["Content-Security-Policy"]["content"]
    # Nothing to fetch, nothing to run.
    assert not root.all("script") and not root.all("link") and not root.all("img") and not root.all("iframe")
    for element in root.all():
        assert not {"src", "href", "srcset", "action"} & set(element.attrs), element
        assert not any(name.startswith("on") for name in element.attrs), element
    css = root.one("style").text()
    assert "@media print" in css and "max-width: 46em" in css and "url(" not in css and "@import" not in css
    assert ".note { white-space: pre-wrap;" in css


def test_documents_sections_and_highlights_in_order(export_set):
    root = parse(webpage.render(export_set))
    assert root.one("h1").text() == "Highlights from 2 documents"
    report, commentary = root.all("article", "document")
    assert (report.attrs["lang"], commentary.attrs["lang"]) == ("zh-Hans", "zh-Hant")
    assert [h.text() for h in report.all("h2")] == ["2024年政府工作报告"]
    assert [h.text() for h in report.all("h3")] == ["一、2023年工作回顾", "二、2024年经济社会发展总体要求和政策取向", "Orphaned highlights"]
    quotes = [f.one("blockquote").text() for f in report.all("figure", "highlight")]
    assert quotes == [
        "国内生产总值超过126万亿元",
        "新质生产力",
        "国内生产总值增长5%左右",
        "城镇新增就业1200万人以上",
        "充分发挥创新主导作用",
    ]
    assert [f.one("blockquote").text() for f in commentary.all("figure")] == ["新質生產力"]


def test_one_document_is_the_page_title(export_library):
    root = parse(webpage.render(collect(export_library, Selection(doc_ids=(2,)), exported=EXPORTED)))
    assert root.one("html").attrs["lang"] == "zh-Hant"
    assert root.one("h1").text() == "從「新」出發"
    assert root.one("title").text() == "從「新」出發 — highlights"
    assert not root.all("h2")


def test_hostile_note_is_shown_as_text(export_set):
    text = webpage.render(export_set)
    assert "<script" not in text
    notes = [p.text() for p in parse(text).all("p", "note")]
    assert HOSTILE_NOTE in notes  # exactly, line break included, once the entities are read back
    assert "\n".join(FORMULAS) in notes


@pytest.mark.parametrize("hostile", ['"><script>alert(1)</script>', "' onmouseover='alert(1)", "</style><script>x</script>", "&amp; &lt;"])
def test_every_piece_of_user_text_is_escaped(export_set, hostile):
    doc = export_set.documents[0]
    first = doc.highlights[0]
    annotation = replace(first.annotation, tags=(hostile,), color="red", uuid=hostile)
    h = replace(first, annotation=annotation, quote=hostile, note=hostile, color_label=hostile, section=(hostile,))
    sections = tuple(replace(s, title=hostile) for s in doc.sections)
    info = replace(doc.info, title=hostile, kind=hostile, source_name=hostile)
    one = ExportSet((replace(doc, info=info, highlights=(h,), sections=sections),), hostile)
    text = webpage.render(one)
    assert "<script" not in text
    root = parse(text)
    assert not root.all("script")
    figure = root.one("figure", "highlight")
    assert figure.attrs["id"] == f"h-{hostile}"
    assert figure.one("blockquote").text() == hostile
    assert figure.one("p", "note").text() == hostile
    assert figure.one("span", "tag").text() == hostile
    assert figure.one("span", "colour").text() == hostile
    assert root.one("h1").text() == hostile
    assert root.one("time").attrs["datetime"] == hostile
    for element in root.all():
        assert not any(name.startswith("on") for name in element.attrs), element


def test_colour_swatch_and_name(export_set):
    root = parse(webpage.render(export_set))
    figures = root.all("figure", "highlight")
    assert [sorted(f.classes - {"highlight", "orphaned"}) for f in figures] == [
        ["c-green"],
        ["c-red"],
        ["c-yellow"],
        ["c-blue"],
        ["c-yellow"],
        ["c-purple"],
    ]
    assert [f.one("span", "colour").text() for f in figures[:4]] == ["met target", "risk", "yellow", "blue"]
    assert all(f.one("span", "swatch").attrs["aria-hidden"] == "true" for f in figures)
    css = root.one("style").text()
    for name, fill in webpage.FILLS.items():
        assert f".c-{name} {{ --c: {fill}; }}" in css


def test_tags_shown_as_written(export_set):
    root = parse(webpage.render(export_set))
    tags = [t.text() for t in root.all("span", "tag")]
    assert tags == ["outcome", "policy term", "新质生产力", "target", "orphan", "policy term"]


def test_orphans_marked_under_their_own_heading(export_set):
    root = parse(webpage.render(export_set))
    section = root.one("section", "orphans")
    assert section.one("h3").text() == "Orphaned highlights"
    orphan = section.one("figure", "highlight")
    assert "orphaned" in orphan.classes
    assert orphan.one("span", "status").text() == "Orphaned"
    assert orphan.one("blockquote").text() == "充分发挥创新主导作用"
    assert len(root.all("figure", "orphaned")) == 1


def test_traditional_conversion_changes_quotes(export_library):
    root = parse(webpage.render(collect(export_library, Selection(doc_ids=(1,), script="s2t"), exported=EXPORTED)))
    quotes = root.all("blockquote")
    assert [q.text() for q in quotes][:2] == ["國內生產總值超過126萬億元", "新質生產力"]
    assert all(q.attrs["lang"] == "zh-Hant" for q in quotes)  # in a Simplified document
    assert root.one("html").attrs["lang"] == "zh-Hans"


def test_with_extracted_adds_targets_and_tasks(export_library, export_set):
    assert not parse(webpage.render(export_set)).all("section", "extracted")
    export_set = collect(export_library, Selection(doc_ids=(1,), with_extracted=True), exported=EXPORTED)
    doc = replace(export_set.documents[0], tasks=(Task(1, "大力推进<现代化>产业体系建设", 0, 5),))
    root = parse(webpage.render(replace(export_set, documents=(doc,))))
    section = root.one("section", "extracted")
    targets, tasks = section.all("table")
    rows = [[td.text() for td in tr.all("td")] for tr in targets.all("tr")[1:]]
    assert rows[0] == ["国内生产总值增长", "5", "%", "左右"]
    assert ["城镇新增就业", "1200", "万人", "以上"] in rows
    assert [[td.text() for td in tr.all("td")] for tr in tasks.all("tr")[1:]] == [["1", "大力推进<现代化>产业体系建设"]]


def test_empty_export():
    root = parse(webpage.render(ExportSet((), EXPORTED)))
    assert root.one("h1").text() == "Highlights"
    assert "No highlights were selected." in root.one("main").text()
