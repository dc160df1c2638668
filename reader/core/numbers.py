"""Numbers with units as reports write them: 126万亿元, 1,200万人, 6600多万, 6-6.5%, 一万亿元.

Shared by target and figure extraction so both read a quantity the same way. Patterns run on
Simplified-folded text (see reader.core.find.fold); callers map spans back to the original.

Choices, so every caller reads a quantity alike:
- value is the number as written, not scaled: 126万亿元 → 126 with unit 万亿元.
- 多/余 after the number or its magnitude (6600多万, 1100多万) is kept in the text, not the
  value or unit: 6600多万纳税人 → 6600, unit 万 (we do not guess 万人 from the noun).
- A range (6-6.5%, 6%—6.5%, 6至6.5%) is one quantity with value 6 and value_max 6.5.
- A four-digit number before 年 is a year, never a quantity; 月/日/号/版/届/周年 are not units.
- Chinese numerals count only before money (一万亿元, 两千亿元): 两次, 十四五, 第二次 are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.convert import Conversion, conversions
from reader.core.find import FOLD_CONFIG, fold
from reader.core.model import Document

# Magnitudes that prefix a unit (or stand alone: 6600多万).
MAGNITUDES = ("万亿", "亿", "万")
# Units a report counts in, Simplified. Longer forms first so the regex prefers them.
UNITS = (
    "个百分点", "百分点", "个基点", "基点", "%", "‰", "倍",
    "美元", "欧元", "元",
    "千瓦时", "千瓦", "公斤", "千克", "斤", "吨",
    "平方公里", "平方米", "立方米", "公里", "千米", "公顷", "亩",
    "标准箱", "人次", "人", "户", "辆", "个", "项", "件", "部", "家", "所", "座", "台", "套",
    "种", "批", "条", "架", "艘", "次", "场", "名", "岁", "小时", "天", "年",
)
MONEY_UNITS = ("美元", "欧元", "元")
QUALIFIERS = ("左右", "以上", "以内", "以下", "上下")

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UNIT = "|".join(map(re.escape, UNITS))
_MAG = "|".join(MAGNITUDES)
_RANGE_SEP = r"(?:[-－—–‒~～]{1,2}|至|到)"

# A digit quantity: number, optional (多|余), magnitude, (多|余), unit; or a range of two.
QUANTITY = re.compile(
    rf"""(?<![\d.A-Za-z第])(?<!\d,)
    (?P<value>{_NUM})
    (?:(?P<unit1>%|‰)?{_RANGE_SEP}(?P<value_max>{_NUM}))?
    (?P<more>[多余])?
    (?P<mag>{_MAG})?
    (?P<more2>[多余])?
    (?P<unit>{_UNIT})?
    (?![A-Za-z\d])""",
    re.VERBOSE,
)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
# Chinese-numeral money only (一万亿元, 两千亿元, 五百亿美元); never after 第. A match starts only where
# a run of numerals starts: tried inside the run, each start rescans it (quadratic on 一一一…).
CN_MONEY = re.compile(
    rf"(?<![第零〇一二两三四五六七八九十百千])"
    rf"(?P<cn>[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*)(?P<mag>{_MAG})?(?P<unit>{'|'.join(MONEY_UNITS)})"
)
QUALIFIER = re.compile("|".join(QUALIFIERS))
_YEAR_SUFFIX_BLOCK = re.compile(r"代|级|份")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity found in folded text: value(s), unit (Simplified), span in that text."""

    value: float
    value_max: float | None
    unit: str  # magnitude + unit, Simplified: 万亿元, 万人, %, 万
    start: int
    end: int
    unit_spans: tuple[tuple[int, int], ...] = ()  # where the magnitude and unit are written


def parse_number(text: str) -> float:
    """ASCII digits with optional thousands separators and decimals: '1,200' → 1200.0."""
    return float(text.replace(",", ""))


def parse_chinese_number(text: str) -> float | None:
    """Chinese numerals below 万 (一, 两千, 三百五十, 十二) → value; None if not a number."""
    total = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit and _CN_DIGITS[ch] != 0:
                return None  # 一二: not a number (but 零 holds a place: 一千零五)
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            total += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


def quantity_at(match: re.Match[str]) -> Quantity | None:
    """The Quantity of a QUANTITY match, or None when it is a bare number, a year or a date."""
    unit = match.group("unit") or ""
    mag = match.group("mag") or ""
    unit1 = match.group("unit1") or ""
    if not unit and not mag:
        if not unit1:
            return None  # a bare number: C919, 5G, a footnote mark, 3.0版
        unit = unit1  # 6%-6.5 (rare, no trailing unit)
    value = parse_number(match.group("value"))
    value_max = parse_number(match.group("value_max")) if match.group("value_max") else None
    end = match.end()
    if unit == "年" and not mag:
        top = value_max if value_max is not None else value
        if top >= 100 or "." in match.group("value") or _YEAR_SUFFIX_BLOCK.match(match.string, end):
            return None  # 2024年, 2022至2024年, 80年代
    spans = tuple(match.span(g) for g in ("mag", "unit") if match.group(g))
    if not spans and unit1:
        spans = (match.span("unit1"),)
    return Quantity(value, value_max, mag + unit, match.start(), end, spans)


def chinese_money_at(match: re.Match[str]) -> Quantity | None:
    value = parse_chinese_number(match.group("cn"))
    if not value:
        return None
    spans = tuple(match.span(g) for g in ("mag", "unit") if match.group(g))
    unit = (match.group("mag") or "") + match.group("unit")
    return Quantity(value, None, unit, match.start(), match.end(), spans)


def find_quantities(text: str, pos: int = 0, endpos: int | None = None) -> list[Quantity]:
    """Every quantity in text[pos:endpos], in order: digit quantities and Chinese-numeral money."""
    endpos = len(text) if endpos is None else endpos
    found = [q for m in QUANTITY.finditer(text, pos, endpos) if (q := quantity_at(m))]
    if "元" in text[pos:endpos]:
        taken = [(q.start, q.end) for q in found]
        for m in CN_MONEY.finditer(text, pos, endpos):
            q = chinese_money_at(m)
            if q and not any(s < q.end and q.start < e for s, e in taken):
                found.append(q)
        found.sort(key=lambda q: q.start)
    return found


class FoldedText:
    """A document's text folded to Simplified, with spans mapped back to the original.

    Extraction matches on the folded text so one set of Simplified patterns reads both scripts;
    every span it reports goes through `original` so offsets index Document.text.
    """

    __slots__ = ("original_text", "text", "_offsets", "_identity")

    def __init__(self, conversion: Conversion) -> None:
        self.original_text = conversion.original
        self.text = conversion.text
        self._offsets = conversion.offsets
        self._identity = len(self.text) == len(self.original_text) and self._offsets.orig == self._offsets.conv

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded[start:end] came from."""
        if self._identity:
            return start, end
        return self._offsets.span_to_original(start, end)

    def as_written(self, start: int, end: int) -> str:
        s, e = self.original(start, end)
        return self.original_text[s:e]


def fold_document(document: Document) -> FoldedText:
    """The document folded to Simplified, shared through the conversion cache (find folds it too)."""
    return FoldedText(folded_conversion(document))


def folded_conversion(document: Document) -> Conversion:
    """The t2s fold of the document's text, computed once per content and shared by every extractor."""
    if document.content_hash:
        conversion = conversions.get(f"fold:{document.content_hash}", document.text, FOLD_CONFIG)
        if conversion.original == document.text:
            return conversion
    return fold(document.text)
