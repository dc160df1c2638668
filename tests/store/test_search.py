"""Searching the library in either script: documents' text, annotations' quotes and notes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.core.find import find_all
from reader.errors import NotFoundError
from reader.store import Library
from reader.store.search import (
    ANNOTATION,
    DOCUMENT,
    SearchHit,
    fold_for_search,
    index_pending,
    pending_count,
    search,
)
from reader.store.seeding import seed_if_empty, seed_manifest


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Iterator[Library]:
    """The eleven sample reports, indexed once for the module (jieba takes a few seconds)."""
    with Library.open(tmp_path_factory.mktemp("search") / "library.sqlite3") as lib:
        seed_if_empty(lib)
        index_pending(lib)
        yield lib


@pytest.fixture(scope="module")
def titles() -> dict[str, str]:
    """Seed number ("001") → the title the manifest gives it."""
    return {entry.path.name[:3]: entry.title for entry in seed_manifest()}


def titles_of(hits: list[SearchHit]) -> set[str]:
    return {hit.title for hit in hits}


def shown(hit: SearchHit) -> str:
    return hit.context[hit.match_start : hit.match_end]


def test_a_simplified_query_finds_the_traditional_reports(seeded, titles):
    hits = search(seeded, "新质生产力")
    assert {titles["001"], titles["003"]} <= titles_of(hits)
    traditional = [h for h in hits if h.title in (titles["001"], titles["003"])]
    assert traditional and all(shown(h) == "新質生產力" for h in traditional)
    assert all(h.kind == DOCUMENT and h.annotation_id is None for h in hits)


def test_a_traditional_query_finds_the_simplified_reports(seeded, titles):
    hits = search(seeded, "新質生產力")
    assert {titles["002"], titles["004"]} <= titles_of(hits)
    simplified = [h for h in hits if h.title in (titles["002"], titles["004"])]
    assert simplified and all(shown(h) == "新质生产力" for h in simplified)
    assert [(h.doc_id, h.start) for h in hits] == [(h.doc_id, h.start) for h in search(seeded, "新质生产力")]


def test_every_hit_indexes_the_documents_text_exactly(seeded):
    texts = {info.id: seeded.document(info.id).text for info in seeded.documents()}
    for query in ("新质生产力", "稳", "国债", "超长期特别国债", "Innovation"):
        hits = search(seeded, query, limit=10_000)
        assert hits, query
        for hit in hits:
            passage = texts[hit.doc_id][hit.start : hit.end]
            assert fold_for_search(passage) == fold_for_search(query)
            assert shown(hit) == passage


@pytest.mark.parametrize(
    "query",
    # words, one and two characters, Latin inside words, and punctuation the index does not keep
    ["生态环境", "2024", "新质生产力", "稳", "support", "就业", "國債", "穩", "ai", "on", "5%左右", "%", "。", "——"],
)
def test_search_finds_every_place_find_in_document_finds(seeded, query):
    """jieba cuts 生态环境保护 as 生态/环境/保护, so a word index alone would miss some of these."""
    hits = search(seeded, query, limit=100_000)
    for info in seeded.documents():
        expected = find_all(seeded.document(info.id).text, query)
        assert [(h.start, h.end) for h in hits if h.doc_id == info.id] == expected, info.title


def test_one_and_two_character_queries_are_found_inside_words(seeded):
    steady = search(seeded, "稳", limit=10_000)
    assert len(steady) > 20
    assert any(shown(h) == "穩" for h in steady) and any(shown(h) == "稳" for h in steady)
    bonds = search(seeded, "國債", limit=10_000)
    assert any(shown(h) == "国债" for h in bonds)


def test_a_query_cut_across_word_boundaries_is_found(seeded, titles):
    hits = search(seeded, "质生产", limit=10_000)
    words = search(seeded, "新质生产力", limit=10_000)
    assert titles["003"] in titles_of(hits)
    # every 新质生产力 holds a 质生产, one character in
    assert {(h.doc_id, h.start + 1) for h in words} <= {(h.doc_id, h.start) for h in hits}


def test_full_width_letters_digits_and_signs_find_their_ascii_forms(seeded):
    assert search(seeded, "５％左右") == search(seeded, "5%左右") != []


def test_word_order_matters(seeded):
    assert search(seeded, "生产力新质") == []


def test_latin_letters_ignore_case(seeded):
    lower = search(seeded, "innovation", limit=10_000)
    assert lower and lower == search(seeded, "INNOVATION", limit=10_000)


def test_documents_come_in_library_order_and_hits_in_text_order(seeded):
    hits = search(seeded, "发展", limit=10_000)
    order = [info.id for info in seeded.documents()]
    ranks = [order.index(h.doc_id) for h in hits]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(order)
    for doc_id in order:
        starts = [h.start for h in hits if h.doc_id == doc_id]
        assert starts == sorted(starts)


def test_limit_keeps_the_first_hits(seeded):
    everything = search(seeded, "稳", limit=10_000)
    assert search(seeded, "稳", limit=5) == everything[:5]


def test_search_can_be_kept_to_one_document(seeded, titles):
    (doc_id,) = [info.id for info in seeded.documents() if info.title == titles["003"]]
    hits = search(seeded, "新质生产力", doc_id=doc_id)
    assert hits and {h.doc_id for h in hits} == {doc_id}
    with pytest.raises(NotFoundError):
        search(seeded, "新质生产力", doc_id=9999)


def test_context_is_one_line_with_about_thirty_characters_either_side(seeded):
    for hit in search(seeded, "稳", limit=10_000):
        assert "\n" not in hit.context and "\t" not in hit.context
        before, after = hit.context[: hit.match_start], hit.context[hit.match_end :]
        assert len(before.lstrip("…")) <= 30 and len(after.rstrip("…")) <= 30
    long_paragraph = max(search(seeded, "稳", limit=10_000), key=lambda h: len(h.context))
    assert long_paragraph.context.startswith("…") or long_paragraph.context.endswith("…")


def test_blank_queries_find_nothing(seeded):
    assert search(seeded, "   ") == []
    assert search(seeded, "") == []


def test_indexing_is_incremental(seeded):
    assert pending_count(seeded) == 0
    assert index_pending(seeded) == 0


# -- a library that changes ---------------------------------------------------------------


@pytest.fixture
def report(library, report_2024) -> int:
    doc_id, _created = library.add(report_2024)
    index_pending(library)
    return doc_id


def test_an_annotations_note_is_found_until_it_is_deleted(library, report):
    text = library.document(report).text
    start = text.index("新质生产力")
    mark = library.add_annotation(report, start, start + 5, note="风险 点评")
    assert pending_count(library) == 1
    (hit,) = search(library, "點評")
    assert (hit.kind, hit.annotation_id, hit.doc_id) == (ANNOTATION, mark.id, report)
    assert (hit.start, hit.end) == (mark.start, mark.end)
    assert hit.context == "风险 点评" and shown(hit) == "点评"
    library.delete_annotation(mark.id)
    assert search(library, "点评") == []


def test_an_annotations_quote_is_found_beside_the_passage(library, report):
    text = library.document(report).text
    start = text.index("新质生产力")
    mark = library.add_annotation(report, start, start + 5)
    document_hit, annotation_hit = search(library, "新質生產力")
    assert (document_hit.kind, annotation_hit.kind) == (DOCUMENT, ANNOTATION)
    assert (annotation_hit.start, annotation_hit.end) == (start, start + 5) == (document_hit.start, document_hit.end)
    assert annotation_hit.annotation_id == mark.id and shown(annotation_hit) == "新质生产力"


def test_an_edited_note_is_searched_as_edited(library, report):
    mark = library.add_annotation(report, 0, 4, note="旧看法")
    search(library, "看法")
    library.update_annotation(mark.id, note="新观点")
    assert search(library, "看法") == []
    assert [h.annotation_id for h in search(library, "观点")] == [mark.id]


def test_a_removed_document_disappears_from_results(library, report, make_doc):
    other, _ = library.add(make_doc(["2025年报告", "因地制宜发展新质生产力。"], year=2025))
    assert {h.doc_id for h in search(library, "新质生产力")} == {report, other}
    library.remove(other)
    assert {h.doc_id for h in search(library, "新质生产力")} == {report}


def test_a_replaced_text_is_indexed_again(library, report, make_doc):
    library.replace(report, make_doc(["2024年政府工作报告", "坚持稳中求进工作总基调。"]))
    assert search(library, "新质生产力") == []
    (hit,) = search(library, "穩中求進")
    assert library.document(report).text[hit.start : hit.end] == "稳中求进"


def test_indexing_reports_progress_and_can_stop_between_documents(library, make_doc, monkeypatch):
    import reader.store.search as search_module

    monkeypatch.setattr(search_module, "_CHARS_PER_TRANSACTION", 1)  # one document a transaction
    for n in range(3):
        library.add(make_doc([f"报告{n}", f"第{n}段：发展新质生产力。"]))
    calls: list[tuple[int, int]] = []
    written = index_pending(library, progress=lambda done, total: calls.append((done, total)),
                            should_stop=lambda: len(calls) >= 1)
    assert written == 2 and calls == [(1, 3)]  # one document of two blocks, then it stopped
    assert pending_count(library) == 2
    assert index_pending(library) == 4 and pending_count(library) == 0


def test_small_documents_share_a_transaction_and_stopping_still_comes_between_documents(library, make_doc):
    for n in range(3):
        library.add(make_doc([f"报告{n}", f"第{n}段：发展新质生产力。"]))
    asked: list[bool] = []
    calls: list[tuple[int, int]] = []

    def stop_after_two_documents() -> bool:
        asked.append(True)
        return len(asked) >= 3  # asked before the run, then before each further document

    written = index_pending(library, progress=lambda done, total: calls.append((done, total)),
                            should_stop=stop_after_two_documents)
    assert written == 4 and calls == [(2, 3)]  # two documents, one transaction, then it stopped
    assert pending_count(library) == 1
    assert index_pending(library) == 2 and pending_count(library) == 0
    assert len(search(library, "发展新质生产力")) == 3


def test_the_index_stays_equal_to_its_units_through_every_kind_of_change(library, make_doc):
    """FTS5's integrity-check compares search_chars with search_units: a unit indexed twice, or
    one deleted without its terms, makes it fail."""
    import sqlite3

    def consistent() -> bool:
        conn = sqlite3.connect(library.path, isolation_level=None)
        try:
            conn.execute("INSERT INTO search_chars (search_chars, rank) VALUES ('integrity-check', 1)")
        finally:
            conn.close()
        return True

    first, _ = library.add(make_doc(["报告一", "发展新质生产力。", "推进高质量发展。"]))
    second, _ = library.add(make_doc(["报告二", "坚持稳中求进。"]))
    marks = [library.add_annotation(first, 4, 9, note=f"笔记{n}") for n in range(5)]
    assert index_pending(library) == 3 + 2 + 5 and consistent()  # blocks, then annotations
    library.replace(first, make_doc(["报告一", "因地制宜发展新质生产力。"]))
    for mark in marks[:3]:
        library.update_annotation(mark.id, note="改过的笔记")
    library.delete_annotation(marks[3].id)
    index_pending(library)
    assert consistent()
    assert {h.annotation_id for h in search(library, "改过的笔记")} == {m.id for m in marks[:3]}
    assert search(library, "笔记3") == [] and search(library, "推进高质量") == []
    library.remove(second)
    assert search(library, "稳中求进") == [] and consistent()


def test_offsets_count_code_points_after_an_astral_character(library, make_doc):
    doc_id, _ = library.add(make_doc(["𠮷野家", "𠮷野家的報告說：新質生產力。"]))
    (hit,) = search(library, "新质生产力")
    assert library.document(doc_id).text[hit.start : hit.end] == "新質生產力"
    assert shown(hit) == "新質生產力"


def test_a_document_replaced_while_it_is_being_indexed_stays_queued(library, make_doc, monkeypatch):
    import reader.store.search as search_module

    doc_id, _ = library.add(make_doc(["旧标题", "旧的正文。"]))
    real_cut = search_module._cut_all
    replaced = []

    def cut_while_someone_replaces(texts):
        if not replaced:
            replaced.append(True)
            library.replace(doc_id, make_doc(["新标题", "新的正文：新质生产力。"]))
        return real_cut(texts)

    monkeypatch.setattr(search_module, "_cut_all", cut_while_someone_replaces)
    assert index_pending(library) == 0 and pending_count(library) == 1
    assert [h.doc_id for h in search(library, "新质生产力")] == [doc_id]
    assert search(library, "旧的正文") == []


def test_a_document_another_process_replaces_while_it_is_being_indexed_stays_queued(library, make_doc, monkeypatch):
    """Another connection's commit is seen by PRAGMA data_version: the document is read again."""
    import reader.store.search as search_module

    doc_id, _ = library.add(make_doc(["旧标题", "旧的正文。"]))
    other, _ = library.add(make_doc(["另一份", "另一份的正文。"]))
    real_cut = search_module._cut_all
    replaced = []

    def cut_while_another_process_replaces(texts):
        if not replaced:
            replaced.append(True)
            with Library.open(library.path) as elsewhere:
                elsewhere.replace(doc_id, make_doc(["新标题", "新的正文：新质生产力。"]))
        return real_cut(texts)

    monkeypatch.setattr(search_module, "_cut_all", cut_while_another_process_replaces)
    assert index_pending(library) == 2 and pending_count(library) == 1  # the other one is indexed
    assert [h.doc_id for h in search(library, "另一份的正文")] == [other]
    assert [h.doc_id for h in search(library, "新质生产力")] == [doc_id]
    assert search(library, "旧的正文") == []


def test_a_document_is_indexed_when_another_process_writes_something_else_meanwhile(library, make_doc, monkeypatch):
    import reader.store.search as search_module

    doc_id, _ = library.add(make_doc(["报告", "发展新质生产力。"]))
    real_cut = search_module._cut_all
    written = []

    def cut_while_another_process_annotates(texts):
        if not written:
            written.append(True)
            with Library.open(library.path) as elsewhere:
                elsewhere.set_color_label("red", "重点")
        return real_cut(texts)

    monkeypatch.setattr(search_module, "_cut_all", cut_while_another_process_annotates)
    assert index_pending(library) == 2 and pending_count(library) == 0
    assert [h.doc_id for h in search(library, "新質生產力")] == [doc_id]


@pytest.mark.parametrize("query", ["稳", "就业", "新质生产力", "发展", "%", "innovation"])
def test_common_queries_taken_one_document_at_a_time_find_the_same(seeded, monkeypatch, query):
    """Past _COMMON matches, search walks the documents one id range at a time instead."""
    import reader.store.search as search_module

    everything = search(seeded, query, limit=100_000)
    first = search(seeded, query, limit=7)
    monkeypatch.setattr(search_module, "_COMMON", 1)
    assert search(seeded, query, limit=100_000) == everything
    assert search(seeded, query, limit=7) == first == everything[:7]


def test_a_query_across_two_paragraphs_is_not_found_as_before(library, make_doc):
    """Search looks inside one paragraph (or one annotation) at a time, as it always has."""
    doc_id, _ = library.add(make_doc(["第一段的结尾", "第二段的开头"]))
    assert search(library, "结尾第二") == [] == search(library, "结尾\n第二")
    (hit,) = search(library, "的结尾")
    assert library.document(doc_id).text[hit.start : hit.end] == "的结尾"


def test_a_query_from_an_annotations_quote_into_its_note_finds_the_note(library, make_doc):
    doc_id, _ = library.add(make_doc(["标题", "发展新质生产力。"]))
    start = library.document(doc_id).text.index("新质生产力")
    mark = library.add_annotation(doc_id, start, start + 5, note="风险点评")
    hits = [h for h in search(library, "生产力\n风险") if h.kind == ANNOTATION]
    assert [(h.annotation_id, h.context) for h in hits] == [(mark.id, "风险点评")]


def test_indexing_and_searching_never_load_jieba(tmp_path):
    """The index is of characters: jieba (~0.5 s to load, and seconds per report) is not needed."""
    import subprocess
    import sys

    script = f"""
import sys
from reader.core.model import Block, Document
from reader.store import Library
from reader.store.search import index_pending, search
text = "發展新質生產力\\n坚持稳中求进"
first, second = text.split("\\n")
blocks = (Block("p0", "paragraph", 0, first, "zh", 0, len(first)),
          Block("p1", "paragraph", 0, second, "zh", len(first) + 1, len(text)))
with Library.open({str(tmp_path / "lib.sqlite3")!r}) as library:
    doc_id, _ = library.add(Document(text, blocks, title="t"))
    library.add_annotation(doc_id, 0, 2, note="就业 点评")
    assert index_pending(library) == 3
    assert [h.start for h in search(library, "新质生产力")] == [2]
    assert len(search(library, "稳")) == 1 and len(search(library, "點評")) == 1
assert "jieba" not in sys.modules, "jieba was imported"
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_annotations_are_found_when_a_query_is_common(library, report, monkeypatch):
    import reader.store.search as search_module

    text = library.document(report).text
    start = text.index("新质生产力")
    mark = library.add_annotation(report, start, start + 5, note="发展的点评")
    everything = search(library, "发展", limit=100_000)
    assert {h.annotation_id for h in everything if h.kind == ANNOTATION} == {mark.id}
    monkeypatch.setattr(search_module, "_COMMON", 1)
    assert search(library, "发展", limit=100_000) == everything
    assert search(library, "%", limit=100_000) == search(library, "%", limit=100_000, doc_id=report)


def test_the_quick_fold_is_the_fold_with_offsets_on_every_seed_paragraph():
    """Indexing and the first look at a unit skip the offset map: they must agree with it."""
    from benchmarks.corpus import seed_texts
    from reader.core.ingest import ingest_text
    from reader.store.search import _fold_unit, _folded, _one_for_one, _t2s

    texts = [block.text for text in seed_texts().values() for block in ingest_text(text).blocks]
    texts += ["乾隆皇帝", "於是", "瞭解", "ＡＩ＋製造", "𠮷野家\n鐘錶", "İstanbul"]
    for text in texts:
        conversion, folded = _fold_unit(text)
        assert _folded(text) == folded, text
        if _one_for_one(text, _t2s(text)):
            assert conversion.offsets.orig == conversion.offsets.conv, text


# -- hostile input: indexing and searching stay linear ------------------------------------------


@pytest.mark.timeout(10)  # well under a second here; before, minutes
def test_a_long_note_of_one_repeated_character_is_indexed_and_found_quickly(library, make_doc):
    """jieba took 519 s over a 350,000-character note before the next search could run."""
    doc_id, _ = library.add(make_doc(["标题", "发展新质生产力。"]))
    mark = library.add_annotation(doc_id, 0, 2, note="注" * 350_000 + "结尾")
    hits = search(library, "注注结尾")
    assert [(h.kind, h.annotation_id) for h in hits] == [(ANNOTATION, mark.id)]
    assert len(search(library, "注", limit=5)) == 5


@pytest.mark.timeout(10)  # well under a second here; before, minutes
def test_a_report_on_one_long_traditional_line_is_indexed_and_found_quickly(library, make_doc):
    """One 300,000-character line: no offset map is made to index it, one per search hit unit."""
    line = "堅持穩中求進工作總基調，發展新質生產力。" * 15_000
    doc_id, _ = library.add(make_doc(["標題", line + "結尾"]))
    (hit,) = search(library, "生产力。结尾")
    assert library.document(doc_id).text[hit.start : hit.end] == "生產力。結尾"


def test_a_document_another_window_adds_is_searched_in_library_order(library, report, make_doc):
    """Search keeps the library order between searches: another connection's import counts."""
    assert {h.doc_id for h in search(library, "新质生产力")} == {report}
    with Library.open(library.path) as other:
        newer, _ = other.add(make_doc(["2030年报告", "发展新质生产力。"], year=2030))
        index_pending(other)
    hits = search(library, "新质生产力")
    assert hits[0].doc_id == newer and {h.doc_id for h in hits} == {report, newer}
