"""A Word brief of the exported highlights (format "docx").

The brief reads top to bottom like a briefing note: a title, then per document a heading (title,
year, kind), the document's own section headings for the sections that hold highlights, and each
highlight as an indented quote shaded in its colour with the note, the colour's name and the tags
under it; orphaned highlights under their own heading; the targets table and task list when the
extracted items were asked for.

Colour: each highlight colour is a character style ("Highlight Yellow" …) carrying run shading
(w:shd) with the exact fill the reading view paints, not Word's highlighter (w:highlight). The
highlighter has sixteen fixed, saturated colours (pure red, violet) that are hard to read black
text on and match nothing in the app; shading takes any RGB, shows in Word and LibreOffice alike
(LibreOffice reads it as character background), prints, and as a style a reader can recolour all
"risk" quotes at once. (Word's Find ▸ Highlight does not see shading: that is the cost.)

CJK: every style's East Asian font is set explicitly (w:rFonts w:eastAsia, the theme reference
removed, which would otherwise win) to Noto Serif/Sans CJK, and the font table names the Windows
font to fall back on (SimSun/SimHei, PMingLiU/MingLiU for Traditional exports) with the GB2312/Big5
charset, so Word without Noto substitutes a Chinese font, not a Japanese one from the theme.

Speed: the body is built straight as WordprocessingML elements with style ids looked up once,
not through python-docx's per-paragraph API (a style lookup by name per paragraph); 50,000
highlights render in a few seconds. Output is byte-for-byte reproducible: the core properties and
the zip entries' times are the export's time.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from io import BytesIO
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import etree

from reader.core.extracted import Target, Task
from reader.export import Format, register
from reader.export.model import ExportedDocument, ExportSet, Highlight, Section
from reader.store.annotations import COLORS, FILLS


@dataclass(frozen=True, slots=True)
class CjkFonts:
    body: str
    body_fallback: str
    heading: str
    heading_fallback: str
    charset: str  # the Windows charset a substitute must cover: 86 GB2312, 88 Big5
    lang: str


SIMPLIFIED = CjkFonts("Noto Serif CJK SC", "SimSun", "Noto Sans CJK SC", "SimHei", "86", "zh-CN")
TRADITIONAL = CjkFonts("Noto Serif CJK TC", "PMingLiU", "Noto Sans CJK TC", "MingLiU", "88", "zh-TW")
# OpenCC configs whose output is Traditional Chinese.
_TO_TRADITIONAL = ("s2t", "s2tw", "s2twp", "s2hk", "s2hkp", "t2tw", "t2hk", "tw2t", "hk2t")

MAX_HEADING = 9  # Word has Heading 1 … Heading 9
ORPHANED_HEADING = "Orphaned highlights"
EXTRACTED_HEADING = "Targets and tasks"
TARGET_COLUMNS = ("Indicator", "Value", "Unit", "Qualifier")
TARGET_WIDTHS = (0.46, 0.18, 0.18, 0.18)  # shares of the text width

QUOTE_STYLE = "Highlight Quote"
NOTE_STYLE = "Highlight Note"
DETAILS_STYLE = "Highlight Details"
TASK_STYLE = "Task"


def color_style(color: str) -> str:
    """The character style a quote of this colour is written in: "Highlight Yellow"."""
    return f"Highlight {color.capitalize()}"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _B, _T, _BR, _TAB, _VAL = (
    f"{_W}{tag}" for tag in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "b", "t", "br", "tab", "val")
)
_TBL, _TBLPR, _TBLSTYLE, _TBLW, _TBLLOOK, _TBLGRID, _GRIDCOL, _TR, _TRPR, _TBLHEADER, _TC, _TCPR, _TCW, _W_ATTR, _TYPE = (
    f"{_W}{tag}"
    for tag in (
        "tbl",
        "tblPr",
        "tblStyle",
        "tblW",
        "tblLook",
        "tblGrid",
        "gridCol",
        "tr",
        "trPr",
        "tblHeader",
        "tc",
        "tcPr",
        "tcW",
        "w",
        "type",
    )
)
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot carry (lxml refuses them): dropped from notes and quotes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PIECES = re.compile(r"(\n|\t)")


def render(export_set: ExportSet) -> bytes:
    fonts = TRADITIONAL if export_set.script in _TO_TRADITIONAL else SIMPLIFIED
    word = docx.Document()
    exported = _utc(export_set.exported)
    title = _title(export_set)
    _set_up(word, fonts, title, exported)
    body = _Body(word)
    body.paragraph("Title", [(title, "")])
    body.paragraph("Subtitle", [(_subtitle(export_set, exported), "")])
    if not export_set.documents:
        body.paragraph("Normal", [("No highlights match this export.", "")])
    for document in export_set.documents:
        _document(body, document)
    out = BytesIO()
    word.save(out)
    return _stamp_zip(out.getvalue(), exported) if exported else out.getvalue()


def _title(export_set: ExportSet) -> str:
    if len(export_set.documents) == 1:
        return export_set.documents[0].info.title or "Highlights"
    return "Highlights"


def _subtitle(export_set: ExportSet, exported: datetime | None) -> str:
    count, docs = export_set.highlight_count, len(export_set.documents)
    parts = [f"{count} highlight{'' if count == 1 else 's'} from {docs} document{'' if docs == 1 else 's'}"]
    if exported:
        parts.append(f"exported {exported:%Y-%m-%d %H:%M} UTC")
    if export_set.script:
        from reader.core.convert import CONFIG_NAMES

        parts.append(f"quotes in {CONFIG_NAMES.get(export_set.script, (export_set.script, export_set.script))[1]}")
    return " · ".join(parts)


def _document(body: _Body, document: ExportedDocument) -> None:
    info = document.info
    body.paragraph("Heading 1", [(" · ".join(str(p) for p in (info.title or f"Document {info.id}", info.year, info.kind) if p), "")])
    levels = _section_levels(document.sections)
    anchored = [h for h in document.highlights if not h.annotation.orphaned]
    orphaned = [h for h in document.highlights if h.annotation.orphaned]
    if not document.highlights:
        body.paragraph("Normal", [("No highlights.", "")])
    shown: tuple[str, ...] = ()
    for highlight in anchored:
        path = highlight.section
        if path != shown:
            common = 0
            while common < min(len(path), len(shown)) and path[common] == shown[common]:
                common += 1
            for depth in range(common, len(path)):
                level = levels.get(path[: depth + 1], depth + 1)
                if level > 0:  # level 0 is the title block: the document heading already says it
                    body.paragraph(f"Heading {min(level + 1, MAX_HEADING)}", [(path[depth], "")])
            shown = path
        _highlight(body, highlight)
    if orphaned:
        body.paragraph("Heading 2", [(ORPHANED_HEADING, "")])
        body.paragraph("Normal", [("Their passages are no longer in the document's text; each quote is as it was marked.", "")])
        for highlight in orphaned:
            _highlight(body, highlight)
    if document.with_extracted:
        _extracted(body, document.targets, document.tasks)


def _section_levels(sections: Sequence[Section]) -> dict[tuple[str, ...], int]:
    """Each heading path (as Highlight.section spells it) → the level of its last heading."""
    levels: dict[tuple[str, ...], int] = {}
    stack: list[Section] = []
    for section in sections:
        while stack and stack[-1].level >= section.level:
            stack.pop()
        stack.append(section)
        levels.setdefault(tuple(s.title for s in stack), section.level)
    return levels


def _highlight(body: _Body, highlight: Highlight) -> None:
    color = highlight.annotation.color
    character = body.color_styles.get(color, "")
    body.paragraph(QUOTE_STYLE, [(highlight.quote, character)])
    if highlight.note:
        body.paragraph(NOTE_STYLE, [(highlight.note, "")])
    details: list[tuple[str, str]] = [(f"\u2002{highlight.color_name}\u2002", character)]
    if highlight.annotation.tags:
        details.append(("  ·  Tags: " + ", ".join(highlight.annotation.tags), ""))
    if highlight.citation:
        details.append(("  ·  " + highlight.citation, ""))
    body.paragraph(DETAILS_STYLE, details)


def _extracted(body: _Body, targets: Sequence[Target], tasks: Sequence[Task]) -> None:
    body.paragraph("Heading 2", [(EXTRACTED_HEADING, "")])
    body.paragraph("Heading 3", [("Targets", "")])
    if targets:
        body.table(TARGET_COLUMNS, [(t.indicator, _value(t), t.unit, t.qualifier) for t in targets], TARGET_WIDTHS)
    else:
        body.paragraph("Normal", [("No targets found.", "")])
    body.paragraph("Heading 3", [("Tasks", "")])
    if not tasks:
        body.paragraph("Normal", [("No tasks found.", "")])
    for task in tasks:
        body.paragraph(TASK_STYLE, [(f"{task.number}. {task.title}", "")])
        for child in task.children:
            body.paragraph("List Bullet 2", [(child.title, "")])


def _value(target: Target) -> str:
    if target.value is None:
        return "—"
    if target.value_max is None:
        return _number(target.value)
    return f"{_number(target.value)}–{_number(target.value_max)}"


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


class _Body:
    """Adds paragraphs and tables to the document body as raw WordprocessingML, before its
    section properties (which stay last). A paragraph's runs are (text, character style id);
    "\\n" in a run's text becomes a line break, "\\t" a tab.

    (python-docx's add_table finds the page width by an XPath search of the whole body, and
    its inserts scan the body's children for the section properties: both grow with the
    document, so a brief with a table per document would take quadratic time.)"""

    def __init__(self, word: WordDocument) -> None:
        self._body: Any = word.element.body
        self._sect_pr: Any = self._body.sectPr  # the template has one: it stays last
        self._styles = styles = word.styles
        self._ids: dict[str, str] = {}  # style name → id, each looked up once
        self.color_styles = {color: styles[color_style(color)].style_id for color in COLORS}
        section = word.sections[0]
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        self._text_width = max(width // 635, 1440)  # EMU → twentieths of a point
        self._sub = etree.SubElement

    def style_id(self, style: str) -> str:
        style_id = self._ids.get(style)
        if style_id is None:
            style_id = self._ids[style] = self._styles[style].style_id
        return style_id

    def paragraph(self, style: str, runs: Iterable[tuple[str, str]]) -> None:
        """A paragraph in the named paragraph style."""
        p = self._body.makeelement(_P)
        self._sub(self._sub(p, _PPR), _PSTYLE).set(_VAL, self.style_id(style))
        self._runs(p, runs)
        self._sect_pr.addprevious(p)

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]], shares: Sequence[float]) -> None:
        """A table in Table Grid, its bold header row repeated on each page it runs onto."""
        sub = self._sub
        widths = [str(int(self._text_width * share)) for share in shares]
        tbl = self._body.makeelement(_TBL)
        tbl_pr = sub(tbl, _TBLPR)
        sub(tbl_pr, _TBLSTYLE).set(_VAL, self.style_id("Table Grid"))
        sub(tbl_pr, _TBLW, {_W_ATTR: "0", _TYPE: "auto"})
        sub(tbl_pr, _TBLLOOK, {_VAL: "04A0"})
        grid = sub(tbl, _TBLGRID)
        for width in widths:
            sub(grid, _GRIDCOL, {_W_ATTR: width})
        for n, row in enumerate([header, *rows]):
            tr = sub(tbl, _TR)
            if n == 0:
                sub(sub(tr, _TRPR), _TBLHEADER)
            for value, width in zip(row, widths, strict=True):
                tc = sub(tr, _TC)
                sub(sub(tc, _TCPR), _TCW, {_W_ATTR: width, _TYPE: "dxa"})
                p = sub(tc, _P)
                self._runs(p, [(value, "")], bold=n == 0)
        self._sect_pr.addprevious(tbl)

    def _runs(self, p: Any, runs: Iterable[tuple[str, str]], *, bold: bool = False) -> None:
        sub = self._sub
        for text, character in runs:
            r = sub(p, _R)
            if character or bold:
                r_pr = sub(r, _RPR)
                if character:
                    sub(r_pr, _RSTYLE).set(_VAL, character)
                if bold:
                    sub(r_pr, _B)
            text = _clean(text)
            if "\n" not in text and "\t" not in text:
                t = sub(r, _T)
                t.text = text
                if text[:1].isspace() or text[-1:].isspace():
                    t.set(_SPACE, "preserve")
                continue
            for piece in _PIECES.split(text):
                if piece == "\n":
                    sub(r, _BR)
                elif piece == "\t":
                    sub(r, _TAB)
                elif piece:
                    t = sub(r, _T)
                    t.text = piece
                    t.set(_SPACE, "preserve")


def _set_up(word: WordDocument, fonts: CjkFonts, title: str, exported: datetime | None) -> None:
    styles = word.styles
    # East Asian fonts everywhere: the defaults, then every style that names a theme font.
    for r_fonts in styles.element.iter(qn("w:rFonts")):
        if r_fonts.get(qn("w:eastAsiaTheme")) is not None:
            del r_fonts.attrib[qn("w:eastAsiaTheme")]
            major = r_fonts.get(qn("w:asciiTheme")) == "majorHAnsi"
            r_fonts.set(qn("w:eastAsia"), fonts.heading if major else fonts.body)
    for lang in styles.element.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), fonts.lang)
    for name in ("Title", "Subtitle", *(f"Heading {n}" for n in range(1, MAX_HEADING + 1))):
        _east_asian(styles[name].element, fonts.heading)
    _east_asian(styles["Normal"].element, fonts.body)
    subtitle = styles["Subtitle"]
    p_pr = subtitle.element.pPr
    if p_pr is not None and p_pr.numPr is not None:
        p_pr.remove(p_pr.numPr)  # the template numbers its subtitle with no numbering defined
    subtitle.font.italic = False  # slanted CJK is synthetic and reads badly
    styles["Title"].font.size = Pt(24)

    quote = styles.add_style(QUOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    quote.base_style = styles["Normal"]
    quote.paragraph_format.left_indent = Pt(18)
    quote.paragraph_format.space_before = Pt(6)
    quote.paragraph_format.space_after = Pt(2)
    quote.paragraph_format.keep_with_next = True
    quote.font.size = Pt(12)
    # Quotes are Chinese: digits and Latin letters in them in the same font, and no extra space
    # between Chinese and Latin text (Word's and LibreOffice's autospace), which would leave
    # white gaps in the shading (超过126万亿元 reads as written).
    quote_fonts = quote.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        quote_fonts.set(qn(attribute), fonts.body)
    quote_pr = quote.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        off = quote_pr.makeelement(qn(tag), {qn("w:val"): "0"})
        quote_pr.insert_element_before(off, "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:jc")
    note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    note.paragraph_format.left_indent = Pt(18)
    note.paragraph_format.space_after = Pt(2)
    note.paragraph_format.keep_with_next = True
    details = styles.add_style(DETAILS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    details.base_style = styles["Normal"]
    details.paragraph_format.left_indent = Pt(18)
    details.paragraph_format.space_after = Pt(10)
    details.font.size = Pt(9)
    details.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    task = styles.add_style(TASK_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    task.base_style = styles["Normal"]
    task.paragraph_format.left_indent = Pt(18)
    task.paragraph_format.first_line_indent = Pt(-18)
    task.paragraph_format.space_after = Pt(2)
    for color in COLORS:
        character = styles.add_style(color_style(color), WD_STYLE_TYPE.CHARACTER)
        r_pr = character.element.get_or_add_rPr()
        shd = r_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): FILLS[color][1:]})
        r_pr.append(shd)

    _font_table(word, fonts)
    props = word.core_properties
    props.title = title
    props.subject = "Highlights exported from Report Reader"
    props.author = props.last_modified_by = "Report Reader"
    props.comments = ""
    props.revision = 1
    if exported:
        props.created = props.modified = exported.replace(tzinfo=None)


def _east_asian(style: Any, font: str) -> None:
    r_fonts = style.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), font)
    r_fonts.attrib.pop(qn("w:eastAsiaTheme"), None)


def _font_table(word: WordDocument, fonts: CjkFonts) -> None:
    """Name the CJK fonts in the font table with a Windows fallback and the charset to cover,
    which is what Word goes by when the font itself is not installed."""
    for part in word.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        table = etree.fromstring(part.blob)
        for name, fallback, family in ((fonts.body, fonts.body_fallback, "roman"), (fonts.heading, fonts.heading_fallback, "swiss")):
            font = etree.SubElement(table, qn("w:font"), {qn("w:name"): name})
            etree.SubElement(font, qn("w:altName"), {qn("w:val"): fallback})
            etree.SubElement(font, qn("w:charset"), {qn("w:val"): fonts.charset})
            etree.SubElement(font, qn("w:family"), {qn("w:val"): family})
            etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "variable"})
        # python-docx keeps parts it has no class for as bytes, with no setter for them.
        part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _utc(stamp: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return when.replace(tzinfo=None)


def _stamp_zip(data: bytes, when: datetime) -> bytes:
    """The zip with every entry's time set to `when` (the zip writer stamps the current time),
    so the same export gives the same bytes. Patches the local and central headers in place."""
    year = min(max(when.year, 1980), 2107)
    dos_time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    dos_date = ((year - 1980) << 9) | (when.month << 5) | when.day
    buf = bytearray(data)
    end = buf.rfind(b"PK\x05\x06")
    if end < 0:
        return data
    count, _size, offset = struct.unpack_from("<HII", buf, end + 10)
    pos = offset
    for _ in range(count):
        if buf[pos : pos + 4] != b"PK\x01\x02":
            return data
        struct.pack_into("<HH", buf, pos + 12, dos_time, dos_date)
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", buf, pos + 28)
        (local,) = struct.unpack_from("<I", buf, pos + 42)
        if buf[local : local + 4] != b"PK\x03\x04":
            return data
        struct.pack_into("<HH", buf, local + 10, dos_time, dos_date)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(buf)


register(Format("docx", "Word brief (.docx)", "docx", render, binary=True))
