"""Annotating in the window: select, highlight, note, tag, undo / redo, filter, jump."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.ingest import ingest_text
from reader.ui import settings
from reader.ui.reading.annotation_layers import layer_name
from tests.ui.opening import open_titled

REPORT_2024 = "2024年政府工作報告（決議及第一部分）"



def pane_texts(pane, color: str) -> list[str]:
    text = pane.toPlainText()
    return [text[s:e] for s, e in pane.layer_spans(layer_name(color))]


def select_in_converted(window, qtbot, words: str) -> tuple[int, int]:
    pane = window.view.converted_pane
    start = pane.toPlainText().index(words)
    with qtbot.waitSignal(window.view.selection_mirrored):
        pane.select_span(start, start + len(words))
    return window.view.selection_span()


def test_highlight_from_the_converted_pane_shows_in_both_and_undo_redo(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    select_in_converted(window, qtbot, "新质生产力")
    window.view.converted_pane.setFocus()
    with qtbot.waitSignal(window.annotating.annotations_changed):
        qtbot.keyClick(window.view.converted_pane, Qt.Key.Key_H)  # the Highlight shortcut
    (annotation,) = window.library.annotations(doc_id)
    assert annotation.quote == "新質生產力"  # stored on the original text
    assert pane_texts(window.view.original_pane, "yellow") == ["新質生產力"]
    assert pane_texts(window.view.converted_pane, "yellow") == ["新质生产力"]
    assert window.annotating.dock.visible_count() == 1

    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()
    assert window.library.annotations(doc_id) == []
    assert pane_texts(window.view.original_pane, "yellow") == []
    assert pane_texts(window.view.converted_pane, "yellow") == []

    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.redo_action.trigger()
    (again,) = window.library.annotations(doc_id)
    assert again.uuid == annotation.uuid
    assert pane_texts(window.view.converted_pane, "yellow") == ["新质生产力"]


def test_highlight_across_a_conversion_that_changes_length(window, qtbot):
    doc_id, _ = window.library.add(ingest_text("请用U盘拷贝文件，再用U盘备份。\n我们推动高质量发展。"), title="U盘")
    window.refresh_library()
    with qtbot.waitSignal(window.extraction_ready, timeout=10_000):
        window.open_document(doc_id)
    window.view.set_config("s2twp")
    pane = window.view.converted_pane
    second = pane.toPlainText().rindex("隨身碟")
    with qtbot.waitSignal(window.view.selection_mirrored):
        pane.select_span(second, second + 3)
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.color_actions["green"].trigger()
    (annotation,) = window.library.annotations(doc_id)
    assert (annotation.quote, annotation.color) == ("U盘", "green")
    assert annotation.start == window.document.text.rindex("U盘")
    assert pane_texts(window.view.original_pane, "green") == ["U盘"]
    assert pane_texts(pane, "green") == ["隨身碟"]
    assert pane.layer_spans(layer_name("green")) == [(second, second + 3)]


def test_note_and_tags_on_a_selection_then_on_the_highlight_under_it(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    select_in_converted(window, qtbot, "国内生产总值超过126万亿元")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.edit_note(note="GDP 2023, **outcome**")
    (annotation,) = window.library.annotations(doc_id)
    assert annotation.note == "GDP 2023, **outcome**"
    # The selection still lies on that highlight: tagging tags it rather than making another.
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.edit_tags(tags=["GDP", "成就"])
    (annotation,) = window.library.annotations(doc_id)
    assert annotation.tags == ("GDP", "成就")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()
    assert window.library.annotations(doc_id)[0].tags == ()
    assert window.library.annotations(doc_id)[0].note == "GDP 2023, **outcome**"


def make_three(window, qtbot, doc_id: int) -> None:
    text = window.document.text
    for quote, color, tags, note in (
        ("新質生產力", "red", ["AI"], "slogan"),
        ("國內生產總值超過126萬億元", "green", ["GDP"], ""),
        ("城鎮新增就業1244萬人", "blue", ["jobs", "GDP"], "就业"),
    ):
        start = text.index(quote)
        with qtbot.waitSignal(window.annotating.annotations_changed):
            window.annotating.create(doc_id, start, start + len(quote), color=color, tags=tags, note=note)


def test_the_dock_filters_by_text_in_either_script_colour_and_tag(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    make_three(window, qtbot, doc_id)
    dock = window.annotating.dock
    assert dock.visible_count() == 3
    dock.filter.setText("新质生产")  # Simplified finds the Traditional quote
    assert [a.quote for a in dock.visible()] == ["新質生產力"]
    dock.filter.setText("就業")  # Traditional finds the Simplified note (and the quote)
    assert [a.note for a in dock.visible()] == ["就业"]
    dock.filter.clear()
    dock.color.setCurrentIndex(dock.color.findData("green"))
    assert [a.color for a in dock.visible()] == ["green"]
    dock.color.setCurrentIndex(0)
    dock.tag.setCurrentIndex(dock.tag.findData("GDP"))
    assert {a.quote for a in dock.visible()} == {"國內生產總值超過126萬億元", "城鎮新增就業1244萬人"}
    assert "2 of 3" in dock.count.text()
    dock.tag.setCurrentIndex(0)
    dock.order.setCurrentIndex(dock.order.findData("date"))
    assert dock.visible()[0].quote == "城鎮新增就業1244萬人"  # newest first


def test_clicking_an_annotation_of_another_document_opens_it_and_selects_the_passage(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    make_three(window, qtbot, doc_id)
    other = next(i.id for i in window.library.documents() if i.id != doc_id)
    with qtbot.waitSignal(window.extraction_ready, timeout=10_000):
        window.open_document(other)
    dock = window.annotating.dock
    assert dock.visible_count() == 0  # this document has none
    dock.scope.setCurrentIndex(dock.scope.findData("library"))
    assert dock.visible_count() == 3
    row = next(r for r, a in enumerate(dock.visible()) if a.quote == "新質生產力")
    with qtbot.waitSignal(window.view.selection_mirrored):
        dock.table.clicked.emit(dock.proxy.index(row, 0))
    assert window.current_id == doc_id
    start, end = window.view.selection_span()
    assert window.document.text[start:end] == "新質生產力"


def test_multi_select_recolour_and_delete_with_undo(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    make_three(window, qtbot, doc_id)
    dock = window.annotating.dock
    uuids = [a.uuid for a in dock.visible()[:2]]
    dock.select_uuids(uuids)
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.recolor([a.uuid for a in dock.selected()], "purple")
    assert sorted(a.color for a in window.library.annotations(doc_id)) == ["blue", "purple", "purple"]
    assert len(window.view.original_pane.layer_spans(layer_name("purple"))) == 2
    dock.select_uuids(uuids)
    dock.table.setFocus()
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.delete_action.trigger()
    assert [a.color for a in window.library.annotations(doc_id)] == ["blue"]
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()
    assert len(window.library.annotations(doc_id)) == 3
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.undo_action.trigger()
    assert sorted(a.color for a in window.library.annotations(doc_id)) == ["blue", "green", "red"]


def test_tag_manager_renames_merges_and_deletes_undoably(window, qtbot):
    from reader.ui.dialogs.annotation_dialogs import TagManagerDialog

    doc_id = open_titled(window, qtbot, REPORT_2024)
    make_three(window, qtbot, doc_id)
    dialog = TagManagerDialog(window.annotating, window)
    qtbot.addWidget(dialog)

    def select(*names):
        dialog.list.clearSelection()
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in names)

    select("AI")
    dialog.rename(new="人工智能")
    assert {t.name for t in window.library.tags()} == {"人工智能", "GDP", "jobs"}
    select("GDP", "jobs")
    dialog.merge(into="economy")
    assert [(t.name, t.count) for t in window.library.tags()] == [("economy", 2), ("人工智能", 1)]
    select("人工智能")
    dialog.delete(confirm=False)
    assert [t.name for t in window.library.tags()] == ["economy"]
    for _ in range(4):  # delete, merge ×2, rename
        window.undo_action.trigger()
    assert {t.name: t.count for t in window.library.tags()} == {"AI": 1, "GDP": 2, "jobs": 1}


def test_a_target_becomes_an_annotation_in_one_step(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    table = window.targets_dock.table
    span, label = window.targets_dock.target_at(table.model().index(0, 0))
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.targets_dock.annotate_requested.emit(*span, label)
    (annotation,) = window.library.annotations(doc_id)
    assert annotation.tags == ("target",)
    assert annotation.quote.startswith("國內生產總值增長5%左右")


def test_removing_a_document_and_undo_brings_its_annotations_back(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    make_three(window, qtbot, doc_id)
    uuids = {a.uuid for a in window.library.annotations(doc_id)}
    window.library_dock.select(doc_id)
    settings.set_value(settings.CONFIRM_REMOVE, False)  # "don't ask again" was ticked
    window.remove_selected()
    assert window.library.annotation_count() == 0
    window.undo_action.trigger()
    (restored,) = [i for i in window.library.documents() if i.title == REPORT_2024]
    assert {a.uuid for a in window.library.annotations(restored.id)} == uuids


def test_library_search_finds_both_scripts_and_a_click_opens_the_passage(window, qtbot):
    doc_id = open_titled(window, qtbot, REPORT_2024)
    text = window.document.text
    start = text.index("城鎮新增就業1244萬人")
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.create(doc_id, start, start + 6, note="就业 quokka")
    dock = window.search_dock
    with qtbot.waitSignal(dock.results_ready, timeout=30_000):
        dock.line.setText("新质生产力")
        dock.search_now()
    titles = {hit.title for hit in dock.hits()}
    assert REPORT_2024 in titles and "國家推進新質生產力的背景及其內涵解讀" in titles
    assert any("新質生產力" in hit.context for hit in dock.hits())
    with qtbot.waitSignal(dock.results_ready, timeout=30_000):
        dock.line.setText("quokka")
        dock.search_now()
    (hit,) = dock.hits()
    assert hit.kind == "annotation"
    other = next(i.id for i in window.library.documents() if i.id != doc_id)
    with qtbot.waitSignal(window.extraction_ready, timeout=10_000):
        window.open_document(other)
    with qtbot.waitSignal(window.view.selection_mirrored):
        dock.tree.itemClicked.emit(dock.tree.topLevelItem(0).child(0), 0)
    assert window.current_id == doc_id
    assert window.view.selection_span() == (start, start + 6)
