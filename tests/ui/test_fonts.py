"""Fonts by script and reading typography, as a reader sees them: 骨 in the form of the script
read, Chinese quotes drawn by the Chinese face, lines and paragraphs spaced, all remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont, QTextLayout

from reader.core.model import PARAGRAPH, Block, Document
from reader.ui import fonts
from reader.ui.fonts import (
    ENGLISH,
    HONGKONG,
    JAPANESE,
    SANS,
    SERIF,
    SIMPLIFIED,
    TRADITIONAL,
    family_candidates,
    reading_families,
    script_of_config,
    script_of_document,
)
from reader.ui.reading.reader_view import CONVERTED, ORIGINAL, ReaderView
from reader.ui.reading.typography import ReadingStyle

NOTO = {region: f"Noto Sans CJK {region}" for region in ("SC", "TC", "HK", "JP")}


def make_document(lines: list[str], script: str) -> Document:
    blocks, start = [], 0
    for n, line in enumerate(lines):
        blocks.append(Block(id=f"b{n}", kind=PARAGRAPH, level=0, text=line, lang="zh", start=start, end=start + len(line)))
        start += len(line) + 1
    return Document(text="\n".join(lines), blocks=tuple(blocks), script=script)


def long_lines(count: int = 60) -> list[str]:
    sentence = "我们要坚持稳中求进，推动高质量发展，加快建设“现代化产业体系”，"
    return [f"第{n}段：" + sentence * (1 + n % 4) for n in range(count)]


@pytest.fixture
def view(qtbot):
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def needs_noto_cjk() -> None:
    missing = [name for name in NOTO.values() if name not in QFontDatabase.families()]
    if missing:
        pytest.skip(f"telling regional glyph forms apart needs {', '.join(missing)} (fonts-noto-cjk)")


def drawn_runs(text: str, font: QFont) -> list[tuple[QRawFont, list[int]]]:
    """How Qt draws `text` in `font`: each run's font and glyph indexes, fallback included."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def outline(raw: QRawFont, glyph: int) -> list[tuple[float, float]]:
    path = raw.pathForGlyph(glyph)
    return [(round(path.elementAt(i).x, 2), round(path.elementAt(i).y, 2)) for i in range(path.elementCount())]


def form_of(character: str, font: QFont) -> set[str]:
    """The regions (SC, TC, HK, JP) whose Noto outline of `character` the font draws."""
    ((raw, (glyph,)),) = drawn_runs(character, font)
    drawn = outline(raw, glyph)
    regions = set()
    for region, family in NOTO.items():
        reference = QFont(family)
        reference.setPixelSize(round(raw.pixelSize()))
        ref = QRawFont.fromFont(reference)
        if outline(ref, ref.glyphIndexesForString(character)[0]) == drawn:
            regions.add(region)
    return regions


# -- script → families (no fonts needed) --------------------------------------------------------


def test_each_chinese_script_asks_for_its_own_region_first_on_every_platform():
    simplified = family_candidates(SIMPLIFIED, SANS)
    assert simplified[0] == "Noto Sans CJK SC"
    assert {"Microsoft YaHei", "PingFang SC"} <= set(simplified)
    assert simplified.index("PingFang SC") < simplified.index("Noto Sans CJK TC")
    traditional = family_candidates(TRADITIONAL, SANS)
    assert traditional[0] == "Noto Sans CJK TC"
    assert traditional.index("Microsoft JhengHei") < traditional.index("Microsoft YaHei")
    assert traditional.index("PingFang TC") < traditional.index("Noto Sans CJK SC")
    hongkong = family_candidates(HONGKONG, SANS)
    assert hongkong[0] == "Noto Sans CJK HK" and "PingFang HK" in hongkong
    # No region's font installed: the neighbouring region's forms before any other.
    assert hongkong.index("Noto Sans CJK TC") < hongkong.index("Noto Sans CJK SC") < hongkong.index("Noto Sans CJK JP")
    assert family_candidates(JAPANESE)[0] == "Noto Sans CJK JP"
    for script in (SIMPLIFIED, TRADITIONAL, HONGKONG):
        assert family_candidates(script)[-1] == "sans-serif"
        assert not {"DejaVu Sans", "Noto Sans", "Arial"} & set(family_candidates(script))  # no Latin face before the CJK one


def test_serif_asks_for_song_and_ming_faces_then_the_regions_sans():
    simplified = family_candidates(SIMPLIFIED, SERIF)
    assert simplified[0] == "Noto Serif CJK SC"
    assert {"SimSun", "Songti SC"} <= set(simplified)
    assert simplified.index("Songti SC") < simplified.index("Noto Sans CJK SC") < simplified.index("Noto Serif CJK TC")
    traditional = family_candidates(TRADITIONAL, SERIF)
    assert traditional[0] == "Noto Serif CJK TC"
    assert {"PMingLiU", "MingLiU", "Songti TC"} <= set(traditional)
    assert traditional[-1] == "serif"


def test_english_asks_for_a_latin_face_first_then_a_chinese_one():
    sans = family_candidates(ENGLISH, SANS)
    assert sans[0] == "Noto Sans"
    assert sans.index("DejaVu Sans") < sans.index("Noto Sans CJK SC")
    assert family_candidates(ENGLISH, SERIF)[0] == "Noto Serif"


def test_only_installed_families_are_asked_for_with_the_readers_choice_first():
    installed = {"Noto Sans CJK TC", "Noto Sans CJK SC", "DejaVu Sans"}
    assert reading_families(SIMPLIFIED, SANS, installed=installed) == ["Noto Sans CJK SC", "Noto Sans CJK TC", "sans-serif"]
    assert reading_families(TRADITIONAL, SANS, "DejaVu Sans", installed=installed)[:2] == ["DejaVu Sans", "Noto Sans CJK TC"]
    # Nothing known installed: the platform's generic family alone, never an empty list.
    assert reading_families(HONGKONG, SERIF, installed=set()) == ["serif"]


@pytest.mark.parametrize(
    ("config", "script"),
    [
        ("t2s", SIMPLIFIED), ("tw2s", SIMPLIFIED), ("tw2sp", SIMPLIFIED), ("hk2s", SIMPLIFIED), ("hk2sp", SIMPLIFIED),
        ("s2t", TRADITIONAL), ("s2tw", TRADITIONAL), ("s2twp", TRADITIONAL), ("t2tw", TRADITIONAL), ("tw2t", TRADITIONAL),
        ("hk2t", TRADITIONAL), ("jp2t", TRADITIONAL),
        ("s2hk", HONGKONG), ("s2hkp", HONGKONG), ("t2hk", HONGKONG),
        ("t2jp", JAPANESE), ("S2TWP.json", TRADITIONAL),
    ],
)
def test_a_converted_pane_is_in_its_configs_target_script(config, script):
    assert script_of_config(config) == script


def test_an_original_pane_is_in_its_documents_script():
    assert script_of_document("simplified") == SIMPLIFIED
    assert script_of_document("traditional") == TRADITIONAL
    assert script_of_document("mixed") == script_of_document("none") == SIMPLIFIED
    assert script_of_document("none", "en") == ENGLISH


# -- what the panes draw ------------------------------------------------------------------------


def test_simplified_and_traditional_panes_draw_bone_in_their_own_forms(view, qtbot):
    """骨 differs between the mainland (SC), Taiwan (TC) and Japan (JP): under LANG=C Qt's own
    fallback drew every pane in JP forms."""
    needs_noto_cjk()
    view.set_document(make_document(["骨干企业"], "simplified"), "s2t")
    assert view.pane_script(ORIGINAL) == SIMPLIFIED and view.pane_script(CONVERTED) == TRADITIONAL
    assert form_of("骨", view.original_pane.font()) == {"SC"}
    assert form_of("骨", view.converted_pane.font()) == {"TC"}
    view.set_document(make_document(["骨幹企業"], "traditional"), "t2s")
    assert form_of("骨", view.original_pane.font()) == {"TC"}
    assert form_of("骨", view.converted_pane.font()) == {"SC"}
    # Hong Kong forms for s2hk: 今 is drawn as in Taiwan and Hong Kong, not as in Japan.
    view.set_config("s2hk")
    assert view.pane_script(CONVERTED) == HONGKONG
    assert "HK" in form_of("今", view.converted_pane.font()) and "JP" not in form_of("今", view.converted_pane.font())


def test_curly_quotes_and_punctuation_in_a_chinese_pane_come_from_the_chinese_face(view, qtbot):
    """A Latin face drew “ ” narrow and tight against the characters inside Chinese text."""
    if not fonts.reading_families(SIMPLIFIED)[:-1]:
        pytest.skip("no Chinese font installed")
    view.set_document(make_document(["共建“一带一路”：稳中求进，行稳致远。"], "simplified"), "s2t")
    for pane in view.panes:
        first = pane.font().families()[0]
        for raw, _glyphs in drawn_runs(pane.document().firstBlock().text(), pane.font()):
            assert raw.familyName() == first


def test_an_explicit_font_goes_first_and_the_scripts_font_stays_after_it(view, qtbot):
    if not fonts.reading_families(TRADITIONAL)[:-1]:
        pytest.skip("no Chinese font installed")
    view.set_document(make_document(["骨干企业"], "simplified"), "s2t")
    view.set_font_family("DejaVu Serif")
    assert view.font_family() == "DejaVu Serif"
    families = view.converted_pane.font().families()
    assert families[0] == "DejaVu Serif"
    assert families[1] == fonts.reading_families(TRADITIONAL)[0]
    view.set_font_family("")
    assert view.font_family() == ""
    assert view.converted_pane.font().families() == fonts.reading_families(TRADITIONAL)


def test_the_compare_view_gives_each_side_its_scripts_font(qtbot):
    from reader.ui.compare.compare_view import CompareView

    needs_noto_cjk()
    compare = CompareView()
    qtbot.addWidget(compare)
    compare.set_documents(make_document(["骨幹"], "traditional"), make_document(["骨干"], "simplified"), ("2023", "2024"))
    assert form_of("骨", compare.panes[0].font()) == {"TC"}
    assert form_of("骨", compare.panes[1].font()) == {"SC"}
    compare.set_documents(make_document(["骨幹"], "traditional"), make_document(["骨干"], "simplified"), ("a", "b"), ("t2s", ""))
    assert form_of("骨", compare.panes[0].font()) == {"SC"}


# -- line height and paragraph spacing ----------------------------------------------------------


def line_tops(pane, number: int) -> list[float]:
    block = pane.document().findBlockByNumber(number)
    pane.document().documentLayout().blockBoundingRect(block)
    layout = block.layout()
    return [layout.lineAt(n).y() for n in range(layout.lineCount())]


def paragraph_gap(pane, number: int) -> float:
    """Blank space between the last line of block `number` and the first line of the next."""
    document = pane.document()
    block, after = document.findBlockByNumber(number), document.findBlockByNumber(number + 1)
    for laid_out in (block, after):
        document.documentLayout().blockBoundingRect(laid_out)
    last = block.layout().lineAt(block.layout().lineCount() - 1)
    bottom = pane.blockBoundingGeometry(block).top() + last.y() + last.height()
    return pane.blockBoundingGeometry(after).top() + after.layout().lineAt(0).y() - bottom


def test_lines_and_paragraphs_are_spaced_as_the_style_asks(view, qtbot):
    view.set_document(make_document(long_lines(), "simplified"), "s2t")
    view.set_reading_style(ReadingStyle(line_height=100, paragraph_spacing=0))
    for pane in view.panes:
        tops = line_tops(pane, 3)
        assert len(tops) >= 3
        single = tops[1] - tops[0]
        assert paragraph_gap(pane, 0) == pytest.approx(0, abs=1)

        view.set_reading_style(ReadingStyle(line_height=200, paragraph_spacing=100))
        tops = line_tops(pane, 3)
        assert tops[1] - tops[0] == pytest.approx(2 * single, abs=1)
        # Between paragraphs: the blank of a double-spaced line, and one (double) line more.
        assert paragraph_gap(pane, 0) == pytest.approx(single + 2 * single, abs=2)
        view.set_reading_style(ReadingStyle(line_height=100, paragraph_spacing=0))


def test_scroll_sync_keeps_the_panes_level_with_paragraph_spacing(view, qtbot):
    view.set_reading_style(ReadingStyle(line_height=180, paragraph_spacing=100))
    view.set_document(make_document(long_lines(120), "simplified"), "s2twp")
    view.splitter.setSizes([250, 550])
    original, converted = view.original_pane, view.converted_pane
    for block in (40, 9):
        with qtbot.waitSignal(view.scroll_synced):
            original.scroll_to_block(block)
        assert converted.top_block_number() == block
    with qtbot.waitSignal(view.scroll_synced):
        converted.scroll_to_block(57)
    assert original.top_block_number() == 57


def test_a_new_text_keeps_the_style_and_zoom_respaces_paragraphs(view, qtbot):
    view.set_reading_style(ReadingStyle(line_height=160, paragraph_spacing=50))
    view.set_document(make_document(long_lines(10), "simplified"), "s2t")
    view.set_document(make_document(long_lines(12), "traditional"), "t2s")
    for pane in view.panes:
        fmt = pane.document().lastBlock().blockFormat()
        assert fmt.lineHeight() == 160 and fmt.bottomMargin() > 0
    before = view.original_pane.document().firstBlock().blockFormat().bottomMargin()
    for _ in range(6):
        view.zoom_in()
    assert view.original_pane.document().firstBlock().blockFormat().bottomMargin() > before


# -- the menu, remembered -----------------------------------------------------------------------


def test_reading_style_is_remembered_and_applies_to_both_panes(window, qtbot, library):
    from reader.ui.main_window import MainWindow

    menu = window.reading_style
    assert menu.face_actions[SANS].isChecked() and menu.line_height_actions[160].isChecked()
    menu.face_actions[SERIF].trigger()
    menu.line_height_actions[200].trigger()
    menu.paragraph_actions[100].trigger()
    assert window.view.reading_style() == ReadingStyle(SERIF, 200, 100)
    window.close()

    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    again.open_initial_document()
    again.show()
    qtbot.waitExposed(again)
    assert again.reading_style.face_actions[SERIF].isChecked()
    assert again.reading_style.line_height_actions[200].isChecked()
    assert again.reading_style.paragraph_actions[100].isChecked()
    for side, pane in enumerate(again.view.panes):
        assert pane.reading_style() == ReadingStyle(SERIF, 200, 100)
        assert pane.document().firstBlock().blockFormat().lineHeight() == 200
        serif = fonts.reading_families(again.view.pane_script(side), SERIF)
        assert pane.font().families() == serif


def test_a_default_family_saved_by_older_versions_is_not_taken_as_a_choice(window, qtbot, library):
    """Older versions saved the default family on every close: read back as the reader's
    choice it would put a Latin face before the Chinese one."""
    from reader.ui import settings
    from reader.ui.main_window import MainWindow

    settings.set_value(settings.FONT_FAMILY, QFont().family())
    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    assert again.view.font_family() == ""
    assert again.view.original_pane.font().families() == fonts.reading_families(again.view.pane_script(ORIGINAL))


def test_block_heights_remembered_by_the_layout_follow_a_narrower_pane(view, qtbot):
    """The layout remembers spaced heights (Qt asks thousands of times per repaint): after the
    pane narrows, each block's height is the one a fresh layout computes, not the old one."""
    from reader.ui.reading.typography import ReadingLayout

    view.set_reading_style(ReadingStyle(line_height=180, paragraph_spacing=50))
    view.set_document(make_document(long_lines(30), "simplified"), "s2t")
    pane = view.original_pane
    layout = pane.document().documentLayout()
    assert isinstance(layout, ReadingLayout)

    def heights() -> list[float]:
        document = pane.document()
        return [layout.blockBoundingRect(document.findBlockByNumber(n)).height() for n in range(20)]

    wide = heights()
    assert heights() == wide  # asked again: the same answer
    view.resize(420, 400)
    qtbot.waitUntil(lambda: pane.viewport().width() < 300)
    narrow = heights()
    fresh = ReadingLayout(pane.document())  # knows nothing yet; lays the same blocks out anew
    assert narrow == [fresh.blockBoundingRect(pane.document().findBlockByNumber(n)).height() for n in range(20)]
    assert sum(narrow) > sum(wide)
    fresh.deleteLater()
