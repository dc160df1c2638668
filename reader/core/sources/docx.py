"""Word (DOCX) files as paragraphs: body paragraphs and tables in the order the body holds them,
headings from styles and outline levels, list numbering as Word shows it, pages where the file
records them.

python-docx reads the package; the body is walked as XML because python-docx lists paragraphs
and tables apart (losing their order), does not render list numbering, and hides page breaks.
Pages: Word records where its last layout broke pages (w:lastRenderedPageBreak, which also
follows every explicit break); a file without those (written by other tools) has only its
explicit page breaks, page-break-before paragraphs and section breaks.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reader.core.decode import MAX_INPUT_BYTES, size_error
from reader.core.labels import find_label
from reader.core.layout import segment
from reader.core.sources import DOCX, Source
from reader.core.sources.markup import Paragraph, join_wrapped, to_source
from reader.core.tables import TABLE_CAPTION
from reader.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _R = (_W + t for t in ("p", "tbl", "tr", "tc", "r"))
_T, _TAB, _BR, _CR = (_W + t for t in ("t", "tab", "br", "cr"))
_RENDERED_BREAK = _W + "lastRenderedPageBreak"
_VAL = _W + "val"
# Parts of a paragraph whose text is not the paragraph's: text boxes (read as their own place),
# the fallback copy of alternate content, properties, field codes, deleted text, footnote marks.
_SKIP = frozenset(
    {_W + "txbxContent", _MC + "Fallback", _W + "pPr", _W + "rPr", _W + "instrText", _W + "delText",
     _W + "footnoteReference", _W + "endnoteReference", _W + "commentReference"}
)  # fmt: skip
_HEADING_STYLE = re.compile(r"^(?:heading|标题|標題)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "标题", "標題"})
_CAPTION_STYLES = frozenset({"caption", "题注", "題注"})
# A package that unpacks to more than this is refused (a zip bomb would fill memory).
_MAX_UNPACKED = 200_000_000
_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def read_docx(data: bytes, name: str = "") -> Source:
    """A Word file's paragraphs, headings, list items and table rows in reading order; InputError
    when the file is damaged or holds no text."""
    paragraphs, page_labels = docx_paragraphs(data, name)
    return to_source(DOCX, paragraphs, page_labels=page_labels)


def docx_paragraphs(data: bytes, name: str = "") -> tuple[list[Paragraph], list[str]]:
    """read_docx()'s paragraphs with their heading levels and pages, and the page labels ("1",
    "2", …; none when the file records no page break)."""
    label = name or "The input"
    if len(data) > MAX_INPUT_BYTES:
        raise size_error(label, len(data))
    body, styles, numbering = _open(data, label)
    reader = _Reader(styles, numbering, rendered=next(body.iter(_RENDERED_BREAK), None) is not None)
    reader.blocks(body)
    paragraphs = reader.paragraphs
    if not paragraphs:
        raise InputError(f"{label} is a Word file with no text; open it in Word and check it holds the report")
    pages = max(p.page for p in paragraphs) + 1 if reader.paged else 0
    return paragraphs, [str(n + 1) for n in range(pages)]


def _open(data: bytes, label: str) -> tuple[Any, dict[str, _Style], _Numbering]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
        if unpacked > _MAX_UNPACKED:
            reason = f"it unpacks to {unpacked / 1e6:.0f} MB"
        else:
            document = docx.Document(BytesIO(data))
            return document.element.body, _styles(document), _Numbering.of(document)
    except zipfile.BadZipFile as exc:
        reason = str(exc) or "not a ZIP archive"
    except KeyError as exc:
        missing = re.search(r"named '([^']+)'", str(exc.args[0]) if exc.args else "")
        reason = f"{missing.group(1) if missing else exc} is missing"
    except (PackageNotFoundError, XMLSyntaxError, ValueError, EOFError, OSError, zlib.error, NotImplementedError) as exc:
        reason = str(exc).split(" (<string>")[0].strip().rstrip(".") or type(exc).__name__
    raise InputError(f"{label} is a damaged Word file ({reason}); open and re-save it in Word")


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, int] | None


def _styles(document: Any) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for style in document.styles.element.iterchildren(_W + "style"):
        ppr = style.find(_W + "pPr")
        styles[style.get(_W + "styleId") or ""] = _Style(
            name=(_val(style.find(_W + "name")) or "").strip().lower(),
            based_on=_val(style.find(_W + "basedOn")),
            outline=_int(_val(ppr.find(_W + "outlineLvl"))) if ppr is not None else None,
            num=_num_pr(ppr),
        )
    return styles


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str


@dataclass(slots=True)
class _Numbering:
    """Word's list definitions, and the counters of the lists read so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    starts: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start override
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in definition.iterchildren(_W + "lvl"):
                levels[_int(lvl.get(_W + "ilvl")) or 0] = _Level(
                    start=_int(_val(lvl.find(_W + "start"))) or 1,
                    fmt=_val(lvl.find(_W + "numFmt")) or "decimal",
                    text=_val(lvl.find(_W + "lvlText")) or "",
                    suffix=_val(lvl.find(_W + "suff")) or "tab",
                )
            abstract[definition.get(_W + "abstractNumId") or ""] = levels
        for num in root.iterchildren(_W + "num"):
            num_id = num.get(_W + "numId") or ""
            numbering.levels[num_id] = abstract.get(_val(num.find(_W + "abstractNumId")) or "", {})
            numbering.starts[num_id] = {
                _int(o.get(_W + "ilvl")) or 0: _int(_val(o.find(_W + "startOverride"))) or 1
                for o in num.iterchildren(_W + "lvlOverride")
                if o.find(_W + "startOverride") is not None
            }
        return numbering

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """The next label of list `num_id` at level `ilvl` as Word shows it, and what follows it."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return "", ""
        counts = self.counters.setdefault(num_id, [None] * 9)
        current = counts[ilvl]
        counts[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "●", " "
        if level.fmt == "none":
            return "", ""

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            at = levels.get(k)
            if at is None:
                return ""
            count = counts[k] if k < len(counts) and counts[k] is not None else self._start(num_id, k)
            return _format(count or 0, at.fmt)

        text = re.sub(r"%([1-9])", number, level.text)
        if level.suffix == "nothing" or not text or _is_wide(text[-1]):
            return text, ""
        return text, " "

    def _start(self, num_id: str, ilvl: int) -> int:
        override = self.starts.get(num_id, {}).get(ilvl)
        return override if override is not None else self.levels[num_id][ilvl].start if ilvl in self.levels[num_id] else 1


class _Reader:
    """Walks the body in order, counting pages, into Paragraphs."""

    def __init__(self, styles: dict[str, _Style], numbering: _Numbering, *, rendered: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rendered = rendered
        self.paragraphs: list[Paragraph] = []
        self.page = 0
        self.paged = False
        self._text_seen = False
        # The index in paragraphs of the body paragraph just read (None after a table).
        self._last: int | None = None
        self._last_captioned = False

    def blocks(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self._paragraph(child)
            elif tag == _TBL:
                self._table(child)
                self._last = None
            elif isinstance(tag, str) and tag != _W + "sectPr":
                self.blocks(child)  # content controls (w:sdt/w:sdtContent), custom XML

    def _new_page(self) -> None:
        if self._text_seen:
            self.page += 1
            self.paged = True

    def _paragraph(self, p: Any) -> None:
        ppr = p.find(_W + "pPr")
        style = self.styles.get(_val(ppr.find(_W + "pStyle")) or "" if ppr is not None else "")
        if ppr is not None and not self.rendered and _on(ppr.find(_W + "pageBreakBefore")):
            self._new_page()
        start, lines = self._text(p)
        if lines:
            self._number(lines, _num_pr(ppr) or self._style_num(style))
            level = self._level(ppr, style)
            if len(lines) > 1 and level is None:
                # Lines broken by hand (Shift+Enter): joined or kept apart as layout repair judges them.
                for seg in segment("\n".join(lines))[0]:
                    self.paragraphs.append(Paragraph(seg.text, seg.hint, seg.cells, page=start))
            else:
                self.paragraphs.append(Paragraph(join_wrapped(lines), level=level, page=start))
            self._last = len(self.paragraphs) - 1
            self._last_captioned = style is not None and style.name in _CAPTION_STYLES
        sect = ppr.find(_W + "sectPr") if ppr is not None else None
        if sect is not None and not self.rendered:
            kind = _val(sect.find(_W + "type")) or "nextPage"
            if kind in ("nextPage", "oddPage", "evenPage"):
                self._new_page()

    def _text(self, p: Any) -> tuple[int, list[str]]:
        """The page the paragraph's text starts on and its lines (broken by hand), counting the
        page breaks inside it."""
        start: int | None = None
        pieces: list[str] = []
        for piece in _pieces(p, self.rendered):
            if piece is None:
                self._new_page()
                continue
            if start is None and piece.strip():
                start = self.page
                self._text_seen = True
            pieces.append(piece)
        text = "".join(pieces).replace("\t", " ")
        lines = [line.strip(" \u3000\xa0") for line in text.split("\n")]
        return (self.page if start is None else start), [line for line in lines if line]

    def _table(self, tbl: Any) -> None:
        rows = [[tc for tc in _cells(tr)] for tr in tbl.iterchildren(_TR)]
        if max((len(r) for r in rows), default=0) <= 1:
            for row in rows:  # a box around text (专栏), not a table: its paragraphs as paragraphs
                for tc in row:
                    self.blocks(tc)
            return
        if self._last is not None and self._last == len(self.paragraphs) - 1:
            before = self.paragraphs[self._last]
            if before.hint == "paragraph" and (self._last_captioned or before.level is None and TABLE_CAPTION.match(before.text)):
                before.hint = "caption"
        for row in rows:
            page = self.page
            cells = tuple(self._cell(tc) for tc in row)
            if any(cells):
                self.paragraphs.append(Paragraph("\t".join(cells), "table_row", cells, page=page))

    def _cell(self, tc: Any) -> str:
        texts = []
        for p in tc.iter(_P):
            _, lines = self._text(p)
            if lines:
                self._number(lines, _num_pr(p.find(_W + "pPr")))
                texts.append(join_wrapped(lines))
        return join_wrapped(texts).replace("\t", " ")

    def _number(self, lines: list[str], num: tuple[str, int] | None) -> None:
        """Put the list label Word shows before a list item's first line (unless it has one)."""
        if num and not find_label(lines[0]):
            label, gap = self.numbering.label(*num)
            lines[0] = label + gap + lines[0]

    def _level(self, ppr: Any, style: _Style | None) -> int | None:
        """The heading level: 0 for the title, 1–9 for headings, None for body text."""
        outline = _int(_val(ppr.find(_W + "outlineLvl"))) if ppr is not None else None
        if outline is not None:
            return outline + 1 if outline < 9 else None
        for seen in range(10):  # styles inherit from the style they are based on
            if style is None or seen == 9:
                return None
            if style.name in _TITLE_STYLES:
                return 0
            heading = _HEADING_STYLE.match(style.name)
            if heading:
                return int(heading.group(1))
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
            style = self.styles.get(style.based_on or "")
        return None

    def _style_num(self, style: _Style | None) -> tuple[str, int] | None:
        for _ in range(10):
            if style is None:
                return None
            if style.num:
                return style.num
            style = self.styles.get(style.based_on or "")
        return None


def _pieces(el: Any, rendered: bool) -> Iterator[str | None]:
    """A paragraph's text in pieces, None where a page begins (rendered: where Word's layout
    began one; else at explicit page breaks)."""
    for child in el:
        tag = child.tag
        if tag == _T:
            yield child.text or ""
        elif tag == _TAB:
            yield "\t"
        elif tag == _BR:
            if child.get(_W + "type") == "page":
                if not rendered:
                    yield None
            else:
                yield "\n"
        elif tag == _CR:
            yield "\n"
        elif tag == _RENDERED_BREAK:
            if rendered:
                yield None
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag == _R:
            rpr = child.find(_W + "rPr")
            if rpr is None or not _on(rpr.find(_W + "vanish")):  # hidden text is not read
                yield from _pieces(child, rendered)
        elif isinstance(tag, str) and tag not in _SKIP:
            yield from _pieces(child, rendered)  # hyperlinks, insertions, fields, content controls


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from content.iterchildren(_TC)


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    num = ppr.find(_W + "numPr") if ppr is not None else None
    if num is None:
        return None
    num_id = _val(num.find(_W + "numId"))
    if not num_id or num_id == "0":
        return None
    return num_id, _int(_val(num.find(_W + "ilvl"))) or 0


def _val(el: Any) -> str | None:
    return None if el is None else el.get(_VAL)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _on(el: Any) -> bool:
    """A toggle property: present and not switched off."""
    return el is not None and el.get(_VAL) not in ("0", "false", "off")


def _is_wide(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _format(n: int, fmt: str) -> str:
    """A list number in one of Word's number formats (the ones Chinese and English documents use)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n, _CN_DIGITS)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL).replace("十", "拾")
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(ord("①") + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord("０") + int(d)) for d in str(n))
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _chinese(n: int, digits: str) -> str:
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")
    return head + (digits[ones] if ones else "")


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
