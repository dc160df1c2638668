"""Annotations as a reader keeps them: marks with a colour, a note and tags that survive edits,
undo, removing a document and replacing its text."""

from __future__ import annotations

import pytest

from reader.errors import LibraryError, NotFoundError, UsageError
from reader.store.annotations import COLORS

TARGETS = "今年发展主要预期目标是：国内生产总值增长5%左右。"
INDUSTRY = "大力推进现代化产业体系建设，加快发展新质生产力。"
PASSAGE = "加快发展新质生产力"


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def doc_id(library, report_2024) -> int:
    return library.add(report_2024)[0]


@pytest.fixture
def text(library, doc_id) -> str:
    return library.document(doc_id).text


def mark(library, doc_id, text, quote, **kwargs):
    return library.add_annotation(doc_id, *span(text, quote), **kwargs)


# -- create, read, update, delete --------------------------------------------------------------


def test_an_annotation_keeps_its_passage_colour_note_and_tags(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, color="Red ", note="重点\n第二行", tags=["产业", " 新质 ", "产业", ""])
    stored = library.annotation(made.id)
    assert stored == made
    assert stored.quote == PASSAGE
    assert text[stored.start : stored.end] == PASSAGE
    assert stored.prefix == text[max(0, stored.start - 32) : stored.start]
    assert stored.suffix == text[stored.end : stored.end + 32]
    assert stored.color == "red"
    assert stored.note == "重点\n第二行"
    assert set(stored.tags) == {"产业", "新质"}
    assert stored.status == "anchored" and not stored.orphaned
    assert stored.created == stored.modified
    assert stored.to_json()["tags"] == list(stored.tags)


def test_the_default_colour_is_yellow_and_listing_follows_the_text(library, doc_id, text):
    later = mark(library, doc_id, text, PASSAGE)
    earlier = mark(library, doc_id, text, "国内生产总值增长5%左右")
    assert later.color == "yellow"
    assert [a.id for a in library.annotations(doc_id)] == [earlier.id, later.id]
    assert library.annotation_count(doc_id) == 2


def test_annotations_filter_by_tag_colour_and_status(library, doc_id, text):
    red = mark(library, doc_id, text, PASSAGE, color="red", tags=["产业"])
    blue = mark(library, doc_id, text, "国内生产总值", color="blue", tags=["目标", "产业"])
    assert [a.id for a in library.annotations(tag="产业")] == [blue.id, red.id]
    assert [a.id for a in library.annotations(doc_id, tag="目标")] == [blue.id]
    assert [a.id for a in library.annotations(color="red")] == [red.id]
    assert library.annotations(color="green") == []
    assert library.annotations(tag="nothing") == []
    assert library.annotations(status="orphaned") == []


def test_update_changes_colour_note_and_tags_and_moves_modified(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, tags=["产业"])
    changed = library.update_annotation(made.id, color="green", note="看这里", tags=["要点"])
    assert (changed.color, changed.note, changed.tags) == ("green", "看这里", ("要点",))
    assert changed.modified >= made.modified and changed.created == made.created
    assert library.annotation(made.id) == changed
    assert [t.name for t in library.tags()] == ["要点"]  # 产业 is carried by nothing now


def test_an_update_that_changes_nothing_keeps_modified(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, color="red", note="n", tags=["a", "B"])
    same = library.update_annotation(made.id, color="RED", note="n", tags=["B", "a"])
    assert same == made


def test_delete_returns_the_annotation_and_it_is_gone(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, tags=["产业"])
    assert library.delete_annotation(made.id) == made
    assert library.annotations(doc_id) == []
    with pytest.raises(NotFoundError):
        library.annotation(made.id)
    assert library.tags() == []


def test_update_annotations_recolours_and_retags_a_selection(library, doc_id, text):
    one = mark(library, doc_id, text, PASSAGE, tags=["产业", "旧"])
    two = mark(library, doc_id, text, "国内生产总值", tags=["目标", "旧"])
    untouched = mark(library, doc_id, text, "5%左右", color="blue", tags=["旧"])
    changed = library.update_annotations([one.id, two.id], color="purple", add_tags=["2024"], remove_tags=["旧"])
    assert [a.id for a in changed] == [one.id, two.id]
    assert library.annotation(one.id).color == "purple" and library.annotation(two.id).color == "purple"
    assert set(library.annotation(one.id).tags) == {"产业", "2024"}
    assert set(library.annotation(two.id).tags) == {"目标", "2024"}
    assert library.annotation(untouched.id) == untouched
    assert {t.name: t.count for t in library.tags()} == {"2024": 2, "产业": 1, "目标": 1, "旧": 1}


def test_update_annotations_is_all_or_nothing(library, doc_id, text):
    one = mark(library, doc_id, text, PASSAGE)
    with pytest.raises(NotFoundError):
        library.update_annotations([one.id, 9999], color="red")
    assert library.annotation(one.id) == one


# -- tags --------------------------------------------------------------------------------------


def test_tags_are_listed_by_name_with_their_counts(library, doc_id, text):
    mark(library, doc_id, text, PASSAGE, tags=["产业", "b"])
    mark(library, doc_id, text, "国内生产总值", tags=["产业", "A"])
    assert [(t.name, t.count) for t in library.tags()] == [("A", 1), ("b", 1), ("产业", 2)]


def test_renaming_a_tag_onto_an_existing_one_merges_them(library, doc_id, text):
    both = mark(library, doc_id, text, PASSAGE, tags=["经济", "economy"])
    old_only = mark(library, doc_id, text, "国内生产总值", tags=["economy"])
    new_only = mark(library, doc_id, text, "5%左右", tags=["经济"])
    library.rename_tag("economy", "经济")
    assert [(t.name, t.count) for t in library.tags()] == [("经济", 3)]
    for made in (both, old_only, new_only):
        assert library.annotation(made.id).tags == ("经济",)


def test_renaming_a_tag_keeps_it_on_its_annotations(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, tags=["产业"])
    library.rename_tag("产业", " 现代化产业 ")
    assert library.annotation(made.id).tags == ("现代化产业",)
    assert [t.name for t in library.tags()] == ["现代化产业"]
    assert [a.id for a in library.annotations(tag="现代化产业")] == [made.id]


def test_renaming_to_an_empty_name_or_an_unknown_tag_is_refused(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, tags=["产业"])
    with pytest.raises(UsageError):
        library.rename_tag("产业", "   ")
    with pytest.raises(NotFoundError):
        library.rename_tag("没有", "新")
    assert library.annotation(made.id).tags == ("产业",)


def test_deleting_a_tag_takes_it_off_every_annotation(library, doc_id, text):
    one = mark(library, doc_id, text, PASSAGE, tags=["产业", "重点"])
    two = mark(library, doc_id, text, "国内生产总值", tags=["重点"])
    assert sorted(library.delete_tag("重点")) == sorted([one.id, two.id])
    assert library.annotation(one.id).tags == ("产业",)
    assert library.annotation(two.id).tags == ()
    assert [t.name for t in library.tags()] == ["产业"]
    with pytest.raises(NotFoundError):
        library.delete_tag("重点")


def test_a_tag_nothing_carries_disappears(library, doc_id, text):
    one = mark(library, doc_id, text, PASSAGE, tags=["只此一处"])
    two = mark(library, doc_id, text, "国内生产总值", tags=["两处"])
    three = mark(library, doc_id, text, "5%左右", tags=["两处", "retag"])
    library.delete_annotation(one.id)
    assert "只此一处" not in {t.name for t in library.tags()}
    library.update_annotations([two.id, three.id], remove_tags=["两处"])
    library.update_annotation(three.id, tags=[])
    assert library.tags() == []


def test_colour_labels_name_colours(library):
    assert library.color_labels() == {}
    library.set_color_label("red", " 风险 ")
    library.set_color_label("GREEN", "机遇")
    assert library.color_labels() == {"red": "风险", "green": "机遇"}
    library.set_color_label("red", "")
    assert library.color_labels() == {"green": "机遇"}
    with pytest.raises(UsageError):
        library.set_color_label("pink", "x")


# -- undo: put back what was deleted or removed ------------------------------------------------


def test_put_annotation_restores_a_deleted_annotation_exactly(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE, color="blue", note="备注", tags=["产业", "重点"])
    deleted = library.delete_annotation(made.id)
    assert library.tags() == []
    restored = library.put_annotation(deleted)
    assert restored == made  # same id, uuid, created, modified, tags
    assert {t.name: t.count for t in library.tags()} == {"产业": 1, "重点": 1}


def test_put_annotation_takes_a_new_id_when_the_old_one_was_reused(library, doc_id, text):
    made = mark(library, doc_id, text, PASSAGE)
    deleted = library.delete_annotation(made.id)
    squatter = mark(library, doc_id, text, "国内生产总值")
    assert squatter.id == made.id  # SQLite hands the highest id out again once it is free
    restored = library.put_annotation(deleted)
    assert restored.id != made.id
    assert restored.uuid == made.uuid and restored.created == made.created
    assert library.annotation(squatter.id) == squatter
    assert library.annotation_count(doc_id) == 2


def test_removing_a_document_removes_its_annotations_and_restore_brings_them_back(library, doc_id, text):
    made = [
        mark(library, doc_id, text, PASSAGE, color="red", tags=["产业"]),
        mark(library, doc_id, text, "国内生产总值", note="GDP", tags=["目标"]),
    ]
    document, before = library.document(doc_id), library.annotations(doc_id)
    info = library.remove(doc_id)
    assert library.annotations() == [] and library.tags() == []
    new_id = library.restore(document, info, before)
    assert library.info(new_id).title == info.title
    assert library.document(new_id).text == text
    back = library.annotations(new_id)
    assert [(a.uuid, a.quote, a.color, a.note, a.tags, a.created) for a in back] == [
        (a.uuid, a.quote, a.color, a.note, a.tags, a.created) for a in sorted(made, key=lambda a: a.start)
    ]
    assert {t.name for t in library.tags()} == {"产业", "目标"}


# -- replacing the text: annotations are placed again, never lost -------------------------------


def test_text_inserted_before_the_passage_moves_the_annotation(library, doc_id, text, make_doc, report_2024):
    made = mark(library, doc_id, text, PASSAGE, tags=["产业"])
    inserted = "新增加的一句话在这里。"
    new_doc = make_doc(["2024年政府工作报告", TARGETS, inserted, INDUSTRY])
    report = library.replace(doc_id, new_doc)
    assert report.moved == (made.id,) and report.orphaned == () and report.fuzzy == ()
    after = library.annotation(made.id)
    assert after.status == "anchored"
    assert after.quote == PASSAGE
    assert after.start == made.start + len(inserted) + 1
    assert new_doc.text[after.start : after.end] == PASSAGE
    assert after.tags == ("产业",) and after.uuid == made.uuid
    assert library.document(doc_id).text == new_doc.text


def test_an_edit_after_the_passage_leaves_it_in_place(library, doc_id, text, make_doc):
    made = mark(library, doc_id, text, "国内生产总值增长5%左右")
    report = library.replace(doc_id, make_doc(["2024年政府工作报告", TARGETS, "大力推进现代化产业体系建设。"]))
    assert (report.unchanged, report.moved, report.fuzzy, report.orphaned) == (1, (), (), ())
    after = library.annotation(made.id)
    assert (after.start, after.end, after.quote, after.status) == (made.start, made.end, made.quote, "anchored")


def test_an_edit_inside_the_passage_anchors_it_fuzzily_on_the_edited_text(library, doc_id, text, make_doc):
    quote = "大力推进现代化产业体系建设"
    made = mark(library, doc_id, text, quote)
    edited = "大力推动现代化产业体系建设"
    new_doc = make_doc(["2024年政府工作报告", "新的一句。" + TARGETS, INDUSTRY.replace(quote, edited)])
    report = library.replace(doc_id, new_doc)
    assert report.fuzzy == (made.id,) and report.orphaned == ()
    after = library.annotation(made.id)
    assert after.status == "anchored"
    assert after.quote == edited
    assert new_doc.text[after.start : after.end] == edited


def test_an_edit_inside_the_passage_in_place_updates_the_quote(library, doc_id, text, make_doc):
    """Same length, same position, one character changed: the stored quote must follow the text."""
    quote = "大力推进现代化产业体系建设"
    made = mark(library, doc_id, text, quote)
    new_doc = make_doc(["2024年政府工作报告", TARGETS, INDUSTRY.replace("推进", "推动")])
    report = library.replace(doc_id, new_doc)
    assert report.fuzzy == (made.id,) and report.unchanged == 0
    after = library.annotation(made.id)
    assert (after.start, after.end) == (made.start, made.end)
    assert after.quote == new_doc.text[after.start : after.end] == "大力推动现代化产业体系建设"


def test_words_added_inside_the_passage_are_covered(library, doc_id, text, make_doc):
    quote = "大力推进现代化产业体系建设"
    made = mark(library, doc_id, text, quote)
    edited = "大力推进现代化的产业体系建设"
    new_doc = make_doc(["2024年政府工作报告", TARGETS, INDUSTRY.replace(quote, edited)])
    report = library.replace(doc_id, new_doc)
    assert report.fuzzy == (made.id,)
    after = library.annotation(made.id)
    assert after.quote == new_doc.text[after.start : after.end] == edited


def test_a_repeated_passage_stays_on_the_occurrence_that_was_marked(library, make_doc):
    paragraphs = ["标题", "第一段：加快发展新质生产力。", "第二段：继续加快发展新质生产力。"]
    doc_id = library.add(make_doc(paragraphs))[0]
    text = library.document(doc_id).text
    second = text.rindex(PASSAGE)
    made = library.add_annotation(doc_id, second, second + len(PASSAGE))
    new_doc = make_doc(["标题", "前言。", *paragraphs[1:]])
    library.replace(doc_id, new_doc)
    after = library.annotation(made.id)
    assert after.start == new_doc.text.rindex(PASSAGE) == second + len("前言。") + 1


def test_offsets_count_code_points_beyond_the_bmp(library, make_doc):
    doc_id = library.add(make_doc(["标题", "𠮷野家在这里。加快发展新质生产力。"]))[0]
    text = library.document(doc_id).text
    made = library.add_annotation(doc_id, *span(text, PASSAGE))
    library.replace(doc_id, make_doc(["标题", "𠮷𠮷野家在这里。加快发展新质生产力。"]))
    after = library.annotation(made.id)
    assert after.start == made.start + 1 and after.quote == PASSAGE


def test_a_passage_that_is_gone_orphans_the_annotation_and_keeps_it(library, doc_id, text, make_doc):
    made = mark(library, doc_id, text, PASSAGE, note="要点", tags=["产业"])
    kept = mark(library, doc_id, text, "国内生产总值")
    report = library.replace(doc_id, make_doc(["2024年政府工作报告", TARGETS, "坚持稳中求进工作总基调。"]))
    assert report.orphaned == (made.id,) and report.unchanged == 1
    after = library.annotation(made.id)
    assert after.status == "orphaned" and after.orphaned
    assert (after.quote, after.note, after.tags, after.uuid) == (PASSAGE, "要点", ("产业",), made.uuid)
    assert made.id in [a.id for a in library.annotations(doc_id)]
    assert [a.id for a in library.annotations(status="orphaned")] == [made.id]
    assert library.annotation(kept.id).status == "anchored"


def test_an_orphan_is_placed_again_when_its_passage_comes_back(library, doc_id, text, make_doc, report_2024):
    made = mark(library, doc_id, text, PASSAGE)
    library.replace(doc_id, make_doc(["2024年政府工作报告", TARGETS]))
    assert library.annotation(made.id).orphaned
    report = library.replace(doc_id, report_2024)
    assert made.id in report.moved
    after = library.annotation(made.id)
    assert (after.status, after.start, after.end) == ("anchored", made.start, made.end)


def test_replacing_with_another_documents_text_changes_nothing(library, doc_id, text, make_doc):
    made = mark(library, doc_id, text, PASSAGE)
    other = make_doc(["别的文件", "内容。"])
    library.add(other)
    with pytest.raises(LibraryError, match="already has exactly this text"):
        library.replace(doc_id, other)
    assert library.document(doc_id).text == text
    assert library.annotation(made.id) == made


# -- errors a caller can cause -----------------------------------------------------------------


def test_unknown_ids_are_not_found(library, doc_id, text, make_doc):
    with pytest.raises(NotFoundError):
        library.annotation(9999)
    with pytest.raises(NotFoundError):
        library.update_annotation(9999, color="red")
    with pytest.raises(NotFoundError):
        library.delete_annotation(9999)
    with pytest.raises(NotFoundError):
        library.add_annotation(9999, 0, 2)
    with pytest.raises(NotFoundError):
        library.annotations(9999)
    with pytest.raises(NotFoundError):
        library.replace(9999, make_doc(["x"]))
    with pytest.raises(NotFoundError):
        library.delete_tag("没有")
    assert library.annotation_count() == 0


@pytest.mark.parametrize("color", ["pink", "", "黄"])
def test_a_colour_outside_the_palette_is_refused(library, doc_id, text, color):
    with pytest.raises(UsageError, match="colour"):
        mark(library, doc_id, text, PASSAGE, color=color)
    made = mark(library, doc_id, text, PASSAGE)
    with pytest.raises(UsageError):
        library.update_annotation(made.id, color=color)
    with pytest.raises(UsageError):
        library.annotations(color=color)
    assert library.annotations() == [made]
    assert "yellow" in COLORS


@pytest.mark.parametrize("start, end", [(5, 5), (6, 5), (-1, 3), (0, 10_000)])
def test_an_empty_or_out_of_range_span_is_refused(library, doc_id, start, end):
    with pytest.raises(UsageError):
        library.add_annotation(doc_id, start, end, tags=["never"])
    assert library.annotations() == [] and library.tags() == []


# -- the stored context follows the text, so the next replace still finds the passage ----------


def assert_context_matches(library, annotation_id, text):
    after = library.annotation(annotation_id)
    assert after.quote == text[after.start : after.end]
    assert after.prefix == text[max(0, after.start - 32) : after.start]
    assert after.suffix == text[after.end : after.end + 32]
    return after


def test_an_annotation_left_in_place_takes_the_new_surroundings_as_its_context(library, make_doc):
    """The items around the marked 5%左右 are swapped: it stays put, and its context is what now surrounds it."""
    doc_id = library.add(make_doc(["标题", "目标一：5%左右；目标二：5%左右。"]))[0]
    text = library.document(doc_id).text
    second = text.rindex("5%左右")
    made = library.add_annotation(doc_id, second, second + 4)
    swapped = make_doc(["标题", "目标二：5%左右；目标一：5%左右。"])
    report = library.replace(doc_id, swapped)
    assert report.unchanged == 1
    after = assert_context_matches(library, made.id, swapped.text)
    assert (after.start, after.end) == (made.start, made.end)
    assert after.prefix.endswith("目标一：")
    # A sentence inserted before both: only the refreshed context tells the two 5%左右 apart.
    inserted = make_doc(["标题", "新增一句。", "目标二：5%左右；目标一：5%左右。"])
    library.replace(doc_id, inserted)
    again = assert_context_matches(library, made.id, inserted.text)
    assert again.start == inserted.text.rindex("5%左右") == made.start + len("新增一句。") + 1


def test_a_moved_annotation_takes_the_new_surroundings_as_its_context(library, make_doc):
    doc_id = library.add(make_doc(["标题", "目标一：5%左右；目标二：5%左右。"]))[0]
    text = library.document(doc_id).text
    second = text.rindex("5%左右")
    made = library.add_annotation(doc_id, second, second + 4)
    moved = make_doc(["标题", "前言。", "目标一：5%左右；目标三：5%左右。"])
    report = library.replace(doc_id, moved)
    assert report.moved == (made.id,)
    after = assert_context_matches(library, made.id, moved.text)
    assert after.start == moved.text.rindex("5%左右")
    # The second replace swaps the items and inserts more before them: 目标三's 5%左右 is found again.
    swapped = make_doc(["标题", "前言。", "又一句。", "目标三：5%左右；目标一：5%左右。"])
    library.replace(doc_id, swapped)
    again = assert_context_matches(library, made.id, swapped.text)
    assert swapped.text[again.start - 4 : again.end] == "目标三：5%左右"
