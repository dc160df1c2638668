"""Saved web pages as paragraphs: the article, not the menus, navigation, headers, footers, share
bars and related links around it.

Readability-style: what cannot be the article is dropped first (nav, header, footer, aside,
scripts, forms, and elements whose class or id says nav, menu, footer, share, breadcrumb …);
then each paragraph's Chinese text counts for the element holding it (and half for the one above),
and the element with the most is the article, widened to its parents while they add almost
nothing (the title above the text, say). Its headings, paragraphs, list items and table rows
become paragraphs; <br> separates paragraphs only on a page that uses it for them.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from reader.core.decode import MAX_INPUT_BYTES, Decoded, size_error
from reader.core.labels import find_label
from reader.core.normalize import count_matches, han_count
from reader.core.sources import HTML, Source
from reader.core.sources.markup import Paragraph, collapse, to_source
from reader.core.tables import TABLE_CAPTION
from reader.errors import InputError

_DROPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "button", "select",
     "textarea", "input", "svg", "canvas", "object", "embed", "audio", "video", "map", "dialog", "menu"}
)  # fmt: skip
# Elements whose class or id names one of these hold page furniture, not the article.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])nav|navbar|menu|footer|share|breadcrumb|crumb|sidebar|related|toolbar|copyright|advert|banner"
    r"|(?:^|[\s_-])(?:ad|ads|social|comments?|pager|pagination|tags)(?:$|[\s_-])",
    re.IGNORECASE,
)
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar", "complementary", "search"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "li", "ul", "ol", "dl", "dt", "dd",
     "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "figure",
     "figcaption", "address", "center", "hr", "body", "html", *_HEADINGS}
)  # fmt: skip
_PARAGRAPHS = frozenset({"p", "pre", "blockquote", "dd", "dt", "li", "td"})
# Fewer characters of article text than this is no article (a page of menus, a login page).
_MIN_ARTICLE = 50
# A parent with at most this much text of its own (and this share) still belongs to the article.
_WIDEN_CHARS = 80
_WIDEN_SHARE = 0.1
# A block this much link text is a list of links (上一篇, 相关阅读), not the article's text.
_LINK_SHARE = 0.8
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,500}\?>")


def read_html(data: bytes, name: str = "") -> Source:
    """A saved web page's article as paragraphs; InputError when it has none."""
    paragraphs, encoding, warnings = html_paragraphs(data, name)
    return to_source(HTML, paragraphs, encoding=encoding, warnings=warnings)


def html_paragraphs(data: bytes, name: str = "") -> tuple[list[Paragraph], str, list[str]]:
    """read_html()'s paragraphs (with heading levels), the encoding the page was read in, warnings."""
    import lxml.html

    label = name or "The input"
    if len(data) > MAX_INPUT_BYTES:
        raise size_error(label, len(data))
    text, encoding, warnings = _decode(data)
    del data
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except Exception as exc:  # lxml raises ParserError, XMLSyntaxError or ValueError for an empty or broken page
        raise InputError(f"{label} is not a readable web page ({exc}); save the article as text") from None
    del text
    body = root.find("body")
    if body is None:
        body = root
    _drop_furniture(body)
    article = _article(body)
    paragraphs = _Reader(article).read() if article is not None else []
    paragraphs = _with_title(article, body, paragraphs)
    if sum(len(p.text) for p in paragraphs) < _MIN_ARTICLE:
        left = len("".join(body.text_content().split()))
        raise InputError(f"{label} has no article text ({left} characters of text outside menus); save the article as text")
    return paragraphs, encoding, warnings


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """The page's text in its declared charset (GB2312 and GBK read as their superset GB18030),
    else UTF-8, else GB18030; damaged bytes replaced and counted in a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16", []
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _CHARSET.search(head)
    candidates = [_codec(declared.group(1).decode("ascii")) if declared else None, "utf-8", "gb18030"]
    for codec in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(codec), codec, []
        except UnicodeDecodeError:
            continue
    codec = next(c for c in candidates if c)
    text = data.decode(codec, "replace")
    return text, codec, [Decoded(text, codec, text.count("\ufffd")).warning]


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "gb18030" if codec in ("gb2312", "gbk", "hz") else codec


def _drop_furniture(body: Any) -> None:
    doomed = []
    # A class that says "share" on the element around everything is a site's odd naming, not a share bar.
    most = _chars(body) // 2
    for el in body.iter():
        tag = el.tag
        if not isinstance(tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        if tag in _DROPPED_TAGS or _hidden(el):
            doomed.append(el)
        elif tag in ("header", "footer"):
            # The page's header and footer; an article's own header holds its title.
            if tag == "footer" or not any(a.tag in ("article", "main") for a in el.iterancestors()):
                doomed.append(el)
        elif el is not body and (
            _FURNITURE.search(el.get("class") or "")
            or _FURNITURE.search(el.get("id") or "")
            or (el.get("role") or "").lower() in _FURNITURE_ROLES
        ) and _chars(el) <= most:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style) is not None


def _article(body: Any) -> Any:
    """The element holding the most paragraph text, widened to parents that add almost nothing."""
    scores: dict[Any, float] = {}
    for el in body.iter("p", "div", "td", "pre", "li", "section", "article", "blockquote", "dd"):
        if el.tag != "p" and any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el):
            continue  # a container: its paragraphs count for it
        text = el.text_content()
        score = han_count(text) + count_matches(_LATIN, text) / 3
        if not score:
            continue
        links = sum(len(a.text_content()) for a in el.iter("a"))
        score *= max(0.0, 1 - links / max(1, len(text.strip())))
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + score
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + score / 2
    if not scores:
        return body
    best = max(scores, key=scores.__getitem__)
    size = _chars(best)
    while (parent := best.getparent()) is not None and parent.tag != "html":
        wider = _chars(parent)
        if wider - size > max(_WIDEN_CHARS, _WIDEN_SHARE * size):
            break
        best, size = parent, wider
    return best


def _chars(el: Any) -> int:
    return len("".join(el.text_content().split()))


def _with_title(article: Any, body: Any, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The article's title when the page set it apart from the text (an h1 above the article)."""
    if article is None or article is body or next(article.iter("h1"), None) is not None:
        return paragraphs
    el = article
    while el is not None and el is not body:
        for sibling in el.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            heads = [sibling] if sibling.tag == "h1" else list(sibling.iter("h1"))
            if heads:
                title = collapse(heads[-1].text_content())
                return [Paragraph(title, level=1), *paragraphs] if title else paragraphs
        el = el.getparent()
    return paragraphs


class _Reader:
    """An article element's blocks in document order as Paragraphs."""

    def __init__(self, article: Any) -> None:
        self.article = article
        texts = sum(1 for p in article.iter("p") if p.text_content().strip())
        breaks = sum(1 for _ in article.iter("br"))
        # A page that separates its paragraphs with <br> (often inside one <p> or <div>).
        self.break_paragraphs = breaks > texts
        self.paragraphs: list[Paragraph] = []

    def read(self) -> list[Paragraph]:
        self._block(self.article)
        return self.paragraphs

    def _block(self, el: Any) -> None:
        tag = el.tag
        if tag in _HEADINGS:
            text = collapse(_inline(el, []))
            if text:
                self.paragraphs.append(Paragraph(text, level=_HEADINGS[tag]))
            return
        if tag == "table":
            self._table(el)
            return
        if tag in ("ul", "ol"):
            self._list(el)
            return
        if tag == "br":
            return
        pieces: list[str] = []
        links: list[int] = []
        if el.text:
            pieces.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                pieces.append(child.tail or "")
                continue
            if child.tag in _BLOCKS:
                self._flush(pieces, links)
                pieces, links = [], []
                self._block(child)
            else:
                pieces.append(_inline(child, links))
            if child.tail:
                pieces.append(child.tail)
        self._flush(pieces, links)

    def _flush(self, pieces: list[str], links: list[int], prefix: str = "") -> None:
        text = "".join(pieces)
        lines = text.split("\n\x00") if self.break_paragraphs else [text.replace("\n\x00", "\n")]
        for line in lines:
            line = collapse(line)
            if not line:
                continue
            if sum(links) >= _LINK_SHARE * len(line) and len(lines) == 1:
                continue  # a list of links
            self.paragraphs.append(Paragraph(prefix + line if prefix else line))
            prefix = ""

    def _list(self, el: Any) -> None:
        number = int(el.get("start") or 1) if (el.get("start") or "1").lstrip("-").isdigit() else 1
        for item in el:
            if item.tag != "li":
                if isinstance(item.tag, str):
                    self._block(item)
                continue
            before = len(self.paragraphs)
            self._block(item)
            if len(self.paragraphs) > before:
                first = self.paragraphs[before]
                if first.level is None and first.hint == "paragraph" and not find_label(first.text):
                    first.text = ("● " if el.tag == "ul" else f"{number}. ") + first.text
            number += 1

    def _table(self, table: Any) -> None:
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        cells = [[c for c in tr if c.tag in ("td", "th")] for tr in rows]
        nested = any(t is not table for t in table.iter("table"))
        if nested or max((len(r) for r in cells), default=0) <= 1:
            for row in cells:  # a layout table: its cells hold the page's blocks
                for cell in row:
                    self._block(cell)
            return
        caption = table.find("caption")
        if caption is not None and (text := collapse(caption.text_content())):
            self.paragraphs.append(Paragraph(text, "caption"))
        elif self.paragraphs and self.paragraphs[-1].hint == "paragraph" and TABLE_CAPTION.match(self.paragraphs[-1].text):
            self.paragraphs[-1].hint = "caption"
        for row in cells:
            texts = tuple(collapse(c.text_content()).replace("\t", " ") for c in row)
            if any(texts):
                self.paragraphs.append(Paragraph("\t".join(texts), "table_row", texts))


def _owner(tr: Any) -> Any:
    for ancestor in tr.iterancestors("table"):
        return ancestor
    return None


def _inline(el: Any, links: list[int]) -> str:
    """An inline element's text; a <br> is "\\n\\x00" (a line break the reader decides about)."""
    if el.tag == "br":
        return "\n\x00"
    if el.tag in _DROPPED_TAGS or el.tag == "img":
        return ""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(_inline(child, links))
        parts.append(child.tail or "")
    text = "".join(parts)
    if el.tag == "a":
        links.append(len(text.strip()))
    return text
