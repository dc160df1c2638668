"""Which font families draw a pane: by the pane's script and the reading face (sans or serif).

Han characters have regional forms (骨, 今, 着 differ between mainland China, Taiwan, Hong Kong
and Japan) and one font file often holds all of them; the family asked for decides which form is
drawn. Left to the system, Qt picks the first CJK family it finds (Noto Sans CJK JP under
LANG=C), so a Chinese pane asks for its own region's family first. First also means it draws the
punctuation (“ ” ：，) full width and centred, as Chinese is set; a Latin face ahead of it would
draw narrow Latin quotes inside Chinese. An English pane asks for a Latin face first and a CJK
face after it for the Chinese it quotes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QWidget

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"  # Taiwan and OpenCC's standard Traditional
HONGKONG = "hongkong"
JAPANESE = "japanese"  # t2jp's Shinjitai
ENGLISH = "english"
SCRIPTS = (SIMPLIFIED, TRADITIONAL, HONGKONG, JAPANESE, ENGLISH)

SANS = "sans"
SERIF = "serif"
FACES = (SANS, SERIF)

# Per region and face: Linux (Noto, Source Han, older free fonts), Windows, macOS.
_CJK: dict[tuple[str, str], tuple[str, ...]] = {
    (SIMPLIFIED, SANS): (
        "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "Microsoft YaHei UI",
        "PingFang SC", "Hiragino Sans GB", "Heiti SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    ),
    (SIMPLIFIED, SERIF): (
        "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "NSimSun", "Songti SC", "STSong",
        "AR PL UMing CN",
    ),
    (TRADITIONAL, SANS): (
        "Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "Microsoft JhengHei", "Microsoft JhengHei UI",
        "PingFang TC", "Heiti TC",
    ),
    (TRADITIONAL, SERIF): (
        "Noto Serif CJK TC", "Source Han Serif TC", "Source Han Serif TW", "PMingLiU", "MingLiU", "Songti TC",
        "AR PL UMing TW",
    ),
    (HONGKONG, SANS): (
        "Noto Sans CJK HK", "Source Han Sans HC", "Source Han Sans HK", "Microsoft JhengHei", "Microsoft JhengHei UI",
        "PingFang HK",
    ),
    (HONGKONG, SERIF): (
        "Noto Serif CJK HK", "Source Han Serif HC", "MingLiU_HKSCS", "PMingLiU", "MingLiU", "Songti TC", "AR PL UMing HK",
    ),
    (JAPANESE, SANS): ("Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans", "Yu Gothic", "Meiryo", "Hiragino Sans"),
    (JAPANESE, SERIF): ("Noto Serif CJK JP", "Source Han Serif JP", "Source Han Serif", "Yu Mincho", "MS Mincho", "Hiragino Mincho ProN"),
}

# When a region has no font installed, the nearest region's forms beat whatever Qt finds first.
_NEIGHBOURS = {
    SIMPLIFIED: (SIMPLIFIED, TRADITIONAL, HONGKONG, JAPANESE),
    TRADITIONAL: (TRADITIONAL, HONGKONG, SIMPLIFIED, JAPANESE),
    HONGKONG: (HONGKONG, TRADITIONAL, SIMPLIFIED, JAPANESE),
    JAPANESE: (JAPANESE, TRADITIONAL, HONGKONG, SIMPLIFIED),
    ENGLISH: (SIMPLIFIED, TRADITIONAL, HONGKONG, JAPANESE),
}

_LATIN = {
    SANS: ("Noto Sans", "Source Sans 3", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans"),
    SERIF: ("Noto Serif", "Source Serif 4", "Georgia", "Cambria", "Times New Roman", "DejaVu Serif", "Liberation Serif"),
}

# Names Qt resolves through the platform (fontconfig, GDI, Core Text), never listed as installed.
GENERIC = {SANS: "sans-serif", SERIF: "serif"}

# Conversion targets: the configs whose output is written in each script.
_CONFIG_SCRIPTS = {
    "t2s": SIMPLIFIED, "tw2s": SIMPLIFIED, "tw2sp": SIMPLIFIED, "hk2s": SIMPLIFIED, "hk2sp": SIMPLIFIED,
    "s2t": TRADITIONAL, "s2tw": TRADITIONAL, "s2twp": TRADITIONAL, "t2tw": TRADITIONAL, "tw2t": TRADITIONAL,
    "jp2t": TRADITIONAL,
    # hk2t writes OpenCC's standard Traditional (香港字形 → 繁體), not Hong Kong forms.
    "hk2t": TRADITIONAL,
    "s2hk": HONGKONG, "s2hkp": HONGKONG, "t2hk": HONGKONG,
    "t2jp": JAPANESE,
}


def _other(face: str) -> str:
    return SERIF if face == SANS else SANS


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def family_candidates(script: str, face: str = SANS) -> list[str]:
    """Every family worth asking for, best first, installed or not (no Qt font database needed).

    Chinese: the script's own region in the face asked for, then in the other face (the right
    forms matter more than serifs), then the neighbouring regions; English: Latin faces first.
    """
    face = face if face in FACES else SANS
    script = script if script in SCRIPTS else SIMPLIFIED
    regions = _NEIGHBOURS[script]
    own = regions[0]
    cjk = [*_CJK[own, face], *_CJK[own, _other(face)]]
    for region in regions[1:]:
        cjk.extend(_CJK[region, face])
    latin = [*_LATIN[face], *_LATIN[_other(face)]] if script == ENGLISH else []
    return _unique([*latin, *cjk, GENERIC[face]])


def installed_families() -> set[str]:
    return set(QFontDatabase.families())


def reading_families(script: str, face: str = SANS, explicit: str = "", installed: set[str] | None = None) -> list[str]:
    """The families a pane's font asks for, filtered to those installed: the reader's explicit
    choice first, then the script's. With none installed, the generic family alone."""
    available = installed_families() if installed is None else installed
    wanted = [name for name in family_candidates(script, face) if name in available]
    generic = GENERIC[face if face in FACES else SANS]
    return _unique([*([explicit] if explicit else []), *wanted, generic])


def set_pane_font(pane: QWidget, script: str, face: str = SANS, explicit: str = "", size: float | None = None) -> bool:
    """Give a pane the families of its script, keeping its size unless `size` is given.

    Returns whether the font changed (a change relays the pane out)."""
    font = QFont(pane.font())
    if size is not None:
        font.setPointSizeF(size)
    font.setFamilies(reading_families(script, face, explicit))
    if font == pane.font() and font.families() == pane.font().families():
        return False
    pane.setFont(font)
    return True


def script_of_document(script: str, language: str = "zh") -> str:
    """The pane script of a document's own text, from Document.script and .language."""
    if language.lower().startswith("en"):
        return ENGLISH
    if script == TRADITIONAL:
        return TRADITIONAL
    return SIMPLIFIED  # simplified, mixed, or none (no Han text to choose forms for)


def script_of_config(config: str) -> str:
    """The pane script of a conversion's output: what the OpenCC config converts to."""
    name = config.strip().lower().removesuffix(".json")
    if name in _CONFIG_SCRIPTS:
        return _CONFIG_SCRIPTS[name]
    target = name.partition("2")[2]
    if target.startswith("s"):
        return SIMPLIFIED
    if target.startswith("hk"):
        return HONGKONG
    return TRADITIONAL
