"""The bilingual view, the conversions offered for a document, and Single Pane on either side."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.normalize import han_count
from reader.ui import settings
from reader.ui.reading.annotation_layers import layer_name
from reader.ui.reading.config_combo import BILINGUAL, IDIOMS_ROLE
from reader.ui.reading.reader_view import CONVERTED, FIND_LAYER, ORIGINAL
from tests.ui.opening import open_titled

BILINGUAL_2024 = "2024年政府工作报告（三）政府工作任务 · 中英对照"
REPORT_2024 = "2024年政府工作报告"
TRADITIONAL_2024 = "2024年政府工作報告（決議及第一部分）"



def choose(window, data: str) -> None:
    combo = window.config_combo
    index = combo.findData(data)
    assert index >= 0, f"{data} is not offered"
    combo.setCurrentIndex(index)


def choose_bilingual(window, qtbot) -> None:
    with qtbot.waitSignal(window.view.bilingual_changed, check_params_cb=lambda on: on):
        choose(window, BILINGUAL)


def visible_texts(pane) -> list[str]:
    """The blocks a reader sees in a pane (hidden blocks are not drawn)."""
    out, block = [], pane.document().begin()
    while block.isValid():
        if block.isVisible() and block.text():
            out.append(block.text())
        block = block.next()
    return out


def is_english(text: str) -> bool:
    return han_count(text) * 3 < sum(c.isascii() and c.isalpha() for c in text)


def top_text(pane) -> str:
    return pane.firstVisibleBlock().text()


# -- the bilingual view -----------------------------------------------------------------------


def test_bilingual_shows_chinese_left_and_english_right(window, qtbot):
    open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    view = window.view
    left, right = visible_texts(view.original_pane), visible_texts(view.converted_pane)
    assert left and all(not is_english(t) for t in left)
    assert right and all(is_english(t) for t in right)
    assert right[0] == "III. Major Tasks for 2024"
    assert view.converted_header.text() == "English"
    assert view.pane_script(CONVERTED) == "english"
    # Both panes hold the document itself: offsets are the original's on both sides.
    assert view.converted_pane.toPlainText() == view.original_pane.toPlainText() == window.document.text


def test_scrolling_the_chinese_brings_its_english_to_the_top(window, qtbot):
    open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    view = window.view
    number = next(n for n, b in enumerate(window.document.blocks) if b.text.startswith("（一）大力推进现代化产业体系建设"))
    with qtbot.waitSignal(view.scroll_synced):
        view.original_pane.scroll_to_block(number)
    assert top_text(view.original_pane).startswith("（一）大力推进现代化产业体系建设")
    assert top_text(view.converted_pane).startswith("1. Striving to modernize the industrial system")
    # And back: scrolling the English to the next Chinese paragraph's translation.
    english = next(n for n, b in enumerate(window.document.blocks) if b.text == "We will work to upgrade industrial and supply chains.")
    with qtbot.waitSignal(view.scroll_synced):
        view.converted_pane.scroll_to_block(english)
    assert top_text(view.original_pane).startswith("推动产业链供应链优化升级")


def test_halfway_through_a_chinese_paragraph_the_english_is_halfway_through_its_run(window, qtbot):
    open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    view = window.view
    blocks = window.document.blocks
    number = next(n for n, b in enumerate(blocks) if b.text.startswith("推动产业链供应链优化升级"))
    run = [n for n in range(number + 1, number + 5) if blocks[n].lang == "en"]
    assert len(run) == 4  # one Chinese paragraph, four English ones; the first is one line
    with qtbot.waitSignal(view.scroll_synced):
        view.original_pane.scroll_to_block(number, 0.5)
    assert view.original_pane.top_block_number() == number
    assert run[1] <= view.converted_pane.top_block_number() <= run[2]


def test_find_shows_english_matches_in_the_right_pane(window, qtbot):
    open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    view = window.view
    view.open_find()
    assert view.find("new quality productive forces") >= 1
    found = [s.cursor.selectedText() for s in view.converted_pane.layer(FIND_LAYER)]
    assert found and all(t.lower() == "new quality productive forces" for t in found)
    assert_current_match_on_screen(view.converted_pane, view.current_match())
    # One deep in a long English run (the seventh paragraph translating one Chinese one).
    assert view.find("intellectual property rights protection") == 1
    assert_current_match_on_screen(view.converted_pane, view.current_match())


def assert_current_match_on_screen(pane, match) -> None:
    """The match is drawn in the pane (not hidden) and inside its viewport."""
    cursor = pane.textCursor()
    cursor.setPosition(pane.index.to_utf16(match[0]))
    assert pane.document().findBlock(cursor.position()).isVisible()
    assert pane.viewport().rect().contains(pane.cursorRect(cursor))


def test_highlighting_english_in_the_right_pane_stores_an_english_quote(window, qtbot):
    doc_id = open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    pane = window.view.converted_pane
    words = "Striving to modernize the industrial system"
    start = pane.toPlainText().index(words)
    with qtbot.waitSignal(window.view.selection_mirrored):
        pane.select_span(start, start + len(words))
    pane.setFocus()
    with qtbot.waitSignal(window.annotating.annotations_changed):
        qtbot.keyClick(pane, Qt.Key.Key_H)
    (annotation,) = window.library.annotations(doc_id)
    assert annotation.quote == words
    spans = pane.layer_spans(layer_name(annotation.color))
    assert [pane.toPlainText()[s:e] for s, e in spans] == [words]


def test_choosing_a_conversion_leaves_bilingual_and_shows_every_block(window, qtbot):
    open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    with qtbot.waitSignal(window.view.bilingual_changed, check_params_cb=lambda on: not on):
        choose(window, "s2tw")
    view = window.view
    assert not view.is_bilingual() and view.config() == "s2tw"
    assert len(visible_texts(view.original_pane)) == len([b for b in window.document.blocks if b.text])
    assert "III. Major Tasks for 2024" in visible_texts(view.original_pane)
    assert window.config_combo.currentData() == "s2tw"


def test_bilingual_is_offered_only_with_english_and_remembered_per_script(window, qtbot):
    open_titled(window, qtbot, REPORT_2024)
    assert window.config_combo.findData(BILINGUAL) < 0
    open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    assert window.config_combo.currentData() == BILINGUAL
    # A Simplified document without English: its conversion, not an empty right pane.
    open_titled(window, qtbot, REPORT_2024)
    assert not window.view.is_bilingual()
    assert window.view.config().startswith("s2")
    assert window.config_combo.currentData() == window.view.config()
    # Back on the bilingual edition, the bilingual view is still the choice.
    open_titled(window, qtbot, BILINGUAL_2024)
    assert window.view.is_bilingual()
    assert window.config_combo.currentData() == BILINGUAL


# -- the conversions offered ------------------------------------------------------------------


def test_a_simplified_document_is_offered_s2_configs_first_and_a_traditional_one_2s(window, qtbot):
    open_titled(window, qtbot, REPORT_2024)
    assert window.config_combo.configs()[0].startswith("s2")
    open_titled(window, qtbot, TRADITIONAL_2024)
    first = window.config_combo.configs()[0]
    assert first.endswith("2s"), first
    combo = window.config_combo
    marked = combo.itemText(combo.findData("tw2sp"))
    assert combo.itemData(combo.findData("tw2sp"), IDIOMS_ROLE) is True
    assert "with idioms" in marked and "with idioms" not in combo.itemText(combo.findData("tw2s"))


def test_tw2sp_on_a_mainland_report_warns_once(window, qtbot, monkeypatch):
    shown: list[str] = []

    def answer(box):
        shown.append(box.text())
        return 0  # closed without a choice: keep what was picked

    monkeypatch.setattr(QMessageBox, "exec", answer)
    open_titled(window, qtbot, REPORT_2024)
    choose(window, "tw2sp")
    assert len(shown) == 1 and "新增 → 添加" in shown[0]
    assert window.view.config() == "tw2sp"
    choose(window, "s2t")
    choose(window, "tw2sp")
    assert len(shown) == 1
    # A conversion that keeps the words asks nothing.
    choose(window, "tw2s")
    assert len(shown) == 1


def test_the_warning_can_switch_to_the_twin_and_be_silenced(window, qtbot, monkeypatch):
    def use_twin_and_silence(box):
        box.checkBox().setChecked(True)
        (twin,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        twin.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", use_twin_and_silence)
    open_titled(window, qtbot, REPORT_2024)
    choose(window, "tw2sp")
    assert window.view.config() == "tw2s"
    assert window.config_combo.currentData() == "tw2s"
    assert QSettings().value(settings.WARN_IDIOMS) in (False, "false")


# -- single pane, either side -----------------------------------------------------------------


def test_single_pane_can_keep_the_converted_text_and_remembers_it(window, qtbot, library):
    open_titled(window, qtbot, REPORT_2024)
    view = window.view
    window.single_side_actions[CONVERTED].trigger()
    window.single_pane_action.trigger()
    assert view.is_single_pane()
    assert view.converted_pane.isVisible() and not view.original_pane.isVisible()
    # Jumping to a heading scrolls the pane that is shown.
    number = next(n for n, b in enumerate(window.document.blocks) if b.kind == "heading" and n > 20)
    window.go_to_block(number)
    assert view.converted_pane.top_block_number() == number
    window.close()

    from reader.ui.main_window import MainWindow

    again = MainWindow(library)
    qtbot.addWidget(again)
    again.restore_state()
    again.show()
    qtbot.waitExposed(again)
    assert again.view.is_single_pane()
    assert again.view.converted_pane.isVisible() and not again.view.original_pane.isVisible()
    again.single_side_actions[ORIGINAL].trigger()
    assert again.view.original_pane.isVisible() and not again.view.converted_pane.isVisible()


def test_a_noted_chinese_passage_puts_no_note_mark_in_the_english_pane(window, qtbot):
    """The note's dot is drawn after the passage in the pane that shows it; the English pane
    holds the same text with the Chinese hidden, and must not draw the dot somewhere else."""
    doc_id = open_titled(window, qtbot, BILINGUAL_2024)
    choose_bilingual(window, qtbot)
    text = window.document.text
    start = text.index("新质生产力")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.create(doc_id, start, start + 5, color="red", note="the slogan")
    window.view.show_span(start, start + 5)

    def dot_pixels(pane) -> int:
        pane.clear_selection_keeping_scroll()
        image = pane.viewport().grab().toImage()
        dot = window.view.original_pane._badges[0][1]
        found = 0
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                c = image.pixelColor(x, y)
                found += abs(c.red() - dot.red()) + abs(c.green() - dot.green()) + abs(c.blue() - dot.blue()) < 30
        return found

    assert window.view.original_pane.badges()  # the Chinese pane has its dot
    assert dot_pixels(window.view.original_pane) > 0
    assert dot_pixels(window.view.converted_pane) == 0
