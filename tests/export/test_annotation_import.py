"""Importing annotations (reader.ops.annotation_import): our own W3C export and Hypothesis's files,
matched to documents, placed again on the text (or orphaned), merged by uuid, in one transaction."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from reader.errors import InputError, NotFoundError
from reader.export import w3c
from reader.ops.annotation_import import UNCHANGED, UNMATCHED, UNUSABLE, import_annotations
from reader.ops.export import Selection, collect
from reader.store.library import Library
from tests.export.conftest import EXPORTED, HOSTILE_NOTE
from tests.export.test_w3c import by_uuid, items, problems, same_documents

GOV_CN = "https://www.gov.cn/yaowen/liebiao/202403/content_6939153.htm"
HYPOTHESIS_TITLE = "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上"


def hypothesis_annotation(ident: str, text: str, tags: list[str], selectors: list[dict], **more) -> dict:
    """One annotation as Hypothesis's API (and its client's JSON export) writes it."""
    return {
        "id": ident,
        "created": "2026-03-05T14:02:51.612398+00:00",
        "updated": "2026-03-05T14:05:10.004511+00:00",
        "user": "acct:lin.wei@hypothes.is",
        "uri": GOV_CN,
        "text": text,
        "tags": tags,
        "group": "__world__",
        "permissions": {
            "read": ["group:__world__"],
            "admin": ["acct:lin.wei@hypothes.is"],
            "update": ["acct:lin.wei@hypothes.is"],
            "delete": ["acct:lin.wei@hypothes.is"],
        },
        "target": [{"source": GOV_CN, "selector": selectors}] if selectors else [{"source": GOV_CN}],
        "document": {"title": [HYPOTHESIS_TITLE]},
        "links": {
            "html": f"https://hypothes.is/a/{ident}",
            "incontext": f"https://hyp.is/{ident}/www.gov.cn/yaowen/liebiao/202403/content_6939153.htm",
            "json": f"https://hypothes.is/api/annotations/{ident}",
        },
        "user_info": {"display_name": "Lin Wei"},
        "flagged": False,
        "hidden": False,
        **more,
    }


# Hypothesis's client export (Share ▸ Export): its API's annotations under "annotations". Positions
# count characters of the gov.cn page, not of our text; the quotes carry the page's context.
HYPOTHESIS_EXPORT = {
    "export_date": "2026-03-06T09:30:11.204Z",
    "export_userid": "acct:lin.wei@hypothes.is",
    "client_version": "1.1450.0",
    "annotations": [
        hypothesis_annotation(
            "Zk3q7Fm1Ee6xV3sPq2wXyA",
            "Same growth target as 2023: **5% or so**.",
            ["GDP", "target"],
            [
                {"type": "RangeSelector", "startContainer": "/div[2]/div[1]/p[12]", "startOffset": 25,
                 "endContainer": "/div[2]/div[1]/p[12]", "endOffset": 37},
                {"type": "TextPositionSelector", "start": 5123, "end": 5135},
                {"type": "TextQuoteSelector", "exact": "国内生产总值增长5%左右", "prefix": "　　今年发展主要预期目标是：",
                 "suffix": "；城镇新增就业1200万人以上；城镇调查失业率5.5%"},
            ],
        ),
        hypothesis_annotation(
            "a1B2c3D4Ee6xV3sPq2wXyB",
            HOSTILE_NOTE,
            [],
            [
                {"type": "TextPositionSelector", "start": 2210, "end": 2219},
                {
                    "type": "TextQuoteSelector",
                    "exact": "加快发展新质生产力",
                    "prefix": "我们大力推进现代化产业体系建设，",
                    "suffix": "。\n\n　　二、2024年经济社会发展",
                },
            ],
        ),
        # A page note (on the whole page) and a reply: nothing in the text to place them on.
        hypothesis_annotation("pAgEnOtEEe6xV3sPq2wXyC", "Read before the NPC session.", ["to read"], []),
        hypothesis_annotation("rEpLyEe6xV3sPq2wXyD00", "Agreed.", [], [], references=["Zk3q7Fm1Ee6xV3sPq2wXyA"]),
    ],
}


def hypothesis_jsonld(ident: str, text: str, tags: list[str], selectors: list[dict]) -> dict:
    """One annotation as Hypothesis serves it in W3C form (/api/annotations/ID.jsonld)."""
    body = [{"type": "TextualBody", "value": text, "format": "text/markdown"}]
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in tags]
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": f"https://hypothes.is/a/{ident}",
        "created": "2026-03-05T14:02:51.612398Z",
        "modified": "2026-03-05T14:05:10.004511Z",
        "creator": "acct:lin.wei@hypothes.is",
        "body": body,
        "target": [{"source": GOV_CN, "selector": selectors}],
    }


HYPOTHESIS_JSONLD = [
    hypothesis_jsonld(
        "Zk3q7Fm1Ee6xV3sPq2wXyA",
        "Same growth target as 2023: **5% or so**.",
        ["GDP", "target"],
        [
            # Positions inside one paragraph of the page: must not be read as positions in the document.
            {
                "type": "XPathSelector",
                "value": "/div[2]/div[1]/p[12]",
                "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 12},
            },
            {
                "type": "TextQuoteSelector",
                "exact": "国内生产总值增长5%左右",
                "prefix": "　　今年发展主要预期目标是：",
                "suffix": "；城镇新增就业1200万人以上；",
            },
        ],
    ),
    hypothesis_jsonld(
        "cPqRsTuVEe6xV3sPq2wXyE",
        "",
        ["jobs"],
        [
            {"type": "TextPositionSelector", "start": 5136, "end": 5150},
            {
                "type": "TextQuoteSelector",
                "exact": "城镇新增就业1200万人以上",
                "prefix": "国内生产总值增长5%左右；",
                "suffix": "；城镇调查失业率",
            },
        ],
    ),
    hypothesis_jsonld(
        "dWxYzAbCEe6xV3sPq2wXyF",
        "The new term, first said.",
        [],
        [
            # 190–195 inside its paragraph on the page; in our text 190–195 is the term's repeat in （一）.
            {
                "type": "XPathSelector",
                "value": "/div[2]/div[1]/p[4]",
                "refinedBy": {"type": "TextPositionSelector", "start": 190, "end": 195},
            },
            {
                "type": "TextQuoteSelector",
                "exact": "新质生产力",
                "prefix": "我们大力推进现代化产业体系建设，加快发展",
                "suffix": "。\n\n　　二、2024年经济社会发展",
            },
        ],
    ),
]


@pytest.fixture
def fresh(export_library, tmp_path) -> Iterator[Library]:
    library = same_documents(export_library, tmp_path / "fresh.sqlite3")
    yield library
    library.close()


@pytest.fixture
def exported(export_set) -> dict:
    return json.loads(w3c.render(export_set))


def doc_titled(library: Library, title: str) -> int:
    return next(info.id for info in library.documents() if info.title == title)


def report_id(library: Library) -> int:
    return doc_titled(library, "2024年政府工作报告")


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def w3c_annotation(exact: str, note: str = "", **target) -> dict:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": note, "purpose": "commenting"},
        "target": {"source": "https://example.org/report", "selector": {"type": "TextQuoteSelector", "exact": exact}, **target},
    }


# --- Hypothesis ---------------------------------------------------------------------------------


def test_a_hypothesis_export_goes_onto_the_document_picked(fresh):
    doc = report_id(fresh)
    summary, changes = import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=doc)
    assert (summary.added, summary.updated, summary.orphaned) == (2, 0, 0)
    assert [(s.number, s.kind) for s in summary.skipped_items] == [(3, UNUSABLE), (4, UNUSABLE)]
    assert all("page note or a reply" in s.reason for s in summary.skipped_items)
    text = fresh.document(doc).text
    placed = {a.quote: a for a in fresh.annotations(doc)}
    gdp = placed["国内生产总值增长5%左右"]
    assert text[gdp.start : gdp.end] == gdp.quote and gdp.status == "anchored"
    assert (gdp.note, gdp.tags, gdp.color) == ("Same growth target as 2023: **5% or so**.", ("GDP", "target"), "yellow")
    assert (gdp.created, gdp.modified) == ("2026-03-05T14:02:51.612398+00:00", "2026-03-05T14:05:10.004511+00:00")
    # Its prefix on the web page started with an ideographic space; here it is placed by the rest.
    assert gdp.prefix.endswith("今年发展主要预期目标是：")
    assert placed["加快发展新质生产力"].note == HOSTILE_NOTE
    # The repeat in （一） has other context: the quote landed on the first one, as its context says.
    assert placed["加快发展新质生产力"].start == text.index("加快发展新质生产力")
    assert changes.annotated == {doc} and len(changes.annotations) == 2


def test_a_hypothesis_export_imports_the_same_way_twice(fresh):
    doc = report_id(fresh)
    import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=doc)
    before = by_uuid(fresh)
    summary, changes = import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=doc)
    assert (summary.added, summary.updated, len(summary.unchanged())) == (0, 0, 2)
    assert by_uuid(fresh) == before and not changes


def test_a_colour_chosen_here_stays_when_a_file_without_colours_comes_again(fresh):
    doc = report_id(fresh)
    import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=doc)
    recoloured = fresh.annotations(doc)[0]
    fresh.update_annotation(recoloured.id, color="red")
    summary, _ = import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=doc)
    assert (summary.updated, len(summary.unchanged())) == (0, 2)
    assert fresh.annotation_by_uuid(recoloured.uuid).color == "red"


def test_hypothesis_w3c_json_is_valid_and_imports_with_its_positions_inside_elements_ignored(fresh):
    assert problems(HYPOTHESIS_JSONLD) == []
    doc = report_id(fresh)
    text = fresh.document(doc).text
    assert text[190:195] == "新质生产力" != text[0:12]  # where the positions inside elements would lead
    summary, _ = import_annotations(fresh, dumps(HYPOTHESIS_JSONLD), doc_id=doc)
    assert (summary.added, summary.skipped) == (3, 0)
    placed = {a.quote: a for a in fresh.annotations(doc)}
    assert set(placed) == {"国内生产总值增长5%左右", "城镇新增就业1200万人以上", "新质生产力"}
    assert placed["新质生产力"].start == text.index("新质生产力") == 71  # where its context says, not 190
    assert placed["城镇新增就业1200万人以上"].tags == ("jobs",) and placed["城镇新增就业1200万人以上"].note == ""
    assert placed["国内生产总值增长5%左右"].created == "2026-03-05T14:02:51.612398+00:00"


def test_the_same_hypothesis_annotation_has_one_uuid_in_either_form(fresh):
    doc = report_id(fresh)
    import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=doc)
    summary, _ = import_annotations(fresh, dumps(HYPOTHESIS_JSONLD[:1]), doc_id=doc)
    assert (summary.added, summary.updated, summary.skipped) == (0, 0, 1)


def test_without_a_document_picked_a_hypothesis_export_matches_nothing_and_says_so(fresh):
    summary, changes = import_annotations(fresh, dumps(HYPOTHESIS_EXPORT))
    assert (summary.added, summary.updated) == (0, 0) and not changes
    unmatched = summary.unmatched()
    assert [s.number for s in unmatched] == [1, 2]
    assert GOV_CN in unmatched[0].reason and HYPOTHESIS_TITLE in unmatched[0].reason
    assert unmatched[0].label == "Zk3q7Fm1Ee6xV3sPq2wXyA"
    assert fresh.annotation_count() == 0


# --- matching documents --------------------------------------------------------------------------


def _sources(data: dict) -> list[dict]:
    return [item["target"]["source"] for item in items(data)]


def test_a_changed_hash_is_matched_by_file_name(exported, fresh):
    for source in _sources(exported):  # a corrected text, renamed since
        source["id"] = "urn:report-reader:sha256:" + "0" * 64
        source["dcterms:title"] += " (corrected)"
    summary, _ = import_annotations(fresh, dumps(exported))
    assert (summary.added, summary.skipped) == (6, 0)


def test_without_hash_or_file_name_the_title_matches(exported, fresh):
    for source in _sources(exported):
        source["id"] = "https://example.org/elsewhere"
        del source["rr:sourceName"]
    summary, _ = import_annotations(fresh, dumps(exported))
    assert (summary.added, summary.skipped) == (6, 0)
    assert {a.doc_id for a in fresh.annotations()} == {info.id for info in fresh.documents()}


def test_a_file_iri_is_matched_by_its_file_name(fresh):
    data = w3c_annotation("新质生产力", "by file name")
    data["target"]["source"] = "file:///home/lin/reports/2024.txt"
    summary, _ = import_annotations(fresh, dumps(data))
    assert summary.added == 1
    assert fresh.annotations()[0].doc_id == report_id(fresh)


def test_a_title_two_documents_share_matches_neither(exported, fresh, export_library):
    doc = export_library.document(report_id(export_library))
    fresh.add(replace(doc, text=doc.text + "\n附件", content_hash=""), title="2024年政府工作报告")
    for source in _sources(exported):
        source["id"] = "https://example.org/elsewhere"
        del source["rr:sourceName"]
    summary, _ = import_annotations(fresh, dumps(exported))
    assert summary.added == 1  # only the commentary's
    assert {s.kind for s in summary.skipped_items} == {UNMATCHED}
    assert "title '2024年政府工作报告'" in summary.skipped_items[0].reason


def test_the_document_picked_overrides_the_source(exported, fresh):
    commentary = doc_titled(fresh, "從「新」出發")
    summary, _ = import_annotations(fresh, dumps(exported), doc_id=commentary)
    assert summary.added == 6 and {a.doc_id for a in fresh.annotations()} == {commentary}
    placed = [a for a in fresh.annotations() if a.status == "anchored"]
    assert [a.quote for a in placed] == ["新質生產力"]  # the only quote that is in the commentary


def test_an_unknown_document_picked_is_an_error_and_writes_nothing(exported, fresh):
    with pytest.raises(NotFoundError):
        import_annotations(fresh, dumps(exported), doc_id=999)
    assert fresh.annotation_count() == 0


# --- placing -------------------------------------------------------------------------------------


def test_a_quote_that_is_gone_gives_an_orphan_that_is_kept(fresh):
    data = w3c_annotation("这句话不在报告里", "still mine")
    summary, changes = import_annotations(fresh, dumps(data), doc_id=report_id(fresh))
    assert (summary.added, summary.orphaned) == (1, 1)
    (orphan,) = fresh.annotations()
    assert (orphan.status, orphan.quote, orphan.note) == ("orphaned", "这句话不在报告里", "still mine")
    assert "could not be placed" in summary.describe()
    assert changes.annotations == {orphan.uuid}


def test_on_a_changed_text_annotations_move_with_their_passage(export_library, exported, tmp_path):
    other = Library.open(tmp_path / "changed.sqlite3")
    report = export_library.document(report_id(export_library))
    inserted = "新增的一段导语。\n"
    # A corrected re-import: one more line before the body, and 126万亿元 now written 126.06万亿元.
    changed = report.text.replace("过去一年，", inserted + "过去一年，").replace("126万亿元", "126.06万亿元")
    other.add(replace(report, text=changed, content_hash=""), title="2024年政府工作报告", source_name="2024.txt")
    summary, _ = import_annotations(other, dumps(exported))
    assert summary.unmatched()[0].number == 6  # the commentary is not in this library
    placed = {a.uuid: a for a in other.annotations()}
    before = {a.uuid: a for a in export_library.annotations()}
    new_term = placed["00000000-0000-4000-8000-000000000002"]
    assert (new_term.quote, new_term.start) == ("新质生产力", before[new_term.uuid].start + len(inserted) + 3)
    fuzzy = placed["00000000-0000-4000-8000-000000000001"]
    assert fuzzy.status == "anchored" and fuzzy.quote == "国内生产总值超过126.06万亿元"  # the text as it is now
    orphan = placed["00000000-0000-4000-8000-000000000006"]
    assert orphan.status == "anchored"  # on another text, an orphan is tried again, as the library does
    assert summary.orphaned == 0
    other.close()


def test_a_position_alone_marks_the_text_there(fresh):
    data = {"type": "Annotation", "target": {"source": "x:y", "selector": {"type": "TextPositionSelector", "start": 3, "end": 9}}}
    doc = report_id(fresh)
    summary, _ = import_annotations(fresh, dumps(data), doc_id=doc)
    assert summary.added == 1
    assert fresh.annotations()[0].quote == fresh.document(doc).text[3:9]
    data["target"]["selector"].update(start=10_000, end=10_010)
    summary, _ = import_annotations(fresh, dumps(data), doc_id=doc)
    assert summary.skipped_items[0].kind == UNUSABLE and "past the document's end" in summary.skipped_items[0].reason


# --- merging by uuid -----------------------------------------------------------------------------


def test_an_annotation_changed_elsewhere_is_updated_in_place(exported, fresh):
    import_annotations(fresh, dumps(exported))
    before = fresh.annotation_by_uuid("00000000-0000-4000-8000-000000000004")
    edited = copy.deepcopy(exported)
    item = next(i for i in items(edited) if i["id"].endswith("000000000004"))
    item["body"] = [
        {"type": "TextualBody", "purpose": "commenting", "value": "Now with a note.", "format": "text/plain"},
        {"type": "TextualBody", "purpose": "tagging", "value": "jobs"},
    ]
    item["rr:color"] = "green"
    item["modified"] = "2026-12-01T10:00:00Z"
    summary, changes = import_annotations(fresh, dumps(edited))
    assert (summary.added, summary.updated, len(summary.unchanged())) == (0, 1, 5)
    after = fresh.annotation_by_uuid(before.uuid)
    assert (after.id, after.note, after.tags, after.color) == (before.id, "Now with a note.", ("jobs",), "green")
    assert (after.created, after.modified) == (before.created, "2026-12-01T10:00:00+00:00")
    assert changes.annotations == {before.uuid} and changes.tags


def test_only_times_differing_is_unchanged(exported, fresh):
    import_annotations(fresh, dumps(exported))
    for item in items(exported):
        item["modified"] = "2027-01-01T00:00:00Z"
    summary, changes = import_annotations(fresh, dumps(exported))
    assert len(summary.unchanged()) == 6 and not changes
    assert UNCHANGED in {s.kind for s in summary.skipped_items}


def test_a_failure_half_way_writes_nothing(exported, fresh, monkeypatch):
    calls = []
    original = fresh.put_annotation

    def failing(annotation):
        calls.append(annotation)
        if len(calls) == 3:
            raise RuntimeError("disk went away")
        return original(annotation)

    monkeypatch.setattr(fresh, "put_annotation", failing)
    with pytest.raises(RuntimeError):
        import_annotations(fresh, dumps(exported))
    assert fresh.annotation_count() == 0 and fresh.tags() == []


# --- shapes and bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "shape",
    [
        "single annotation",
        "bare list",
        "target as a list",
        "body as a list",
        "page",
        "API search result",
        "bodyValue",
    ],
)
def test_lenient_about_shape(fresh, shape):
    one = w3c_annotation("新质生产力", "a note")
    data: object = {
        "single annotation": one,
        "bare list": [one],
        "target as a list": {**one, "target": [one["target"]]},
        "body as a list": {**one, "body": [one["body"]]},
        "page": {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "AnnotationPage", "items": [one]},
        "API search result": {"total": 1, "rows": [one]},
        "bodyValue": {**{k: v for k, v in one.items() if k != "body"}, "bodyValue": "a note"},
    }[shape]
    summary, _ = import_annotations(fresh, dumps(data), doc_id=report_id(fresh))
    assert (summary.added, summary.skipped) == (1, 0)
    assert [(a.quote, a.note) for a in fresh.annotations()] == [("新质生产力", "a note")]


def test_nothing_to_import_is_not_an_error(fresh, export_library):
    empty = w3c.render(collect(export_library, Selection(tags=("none",)), exported=EXPORTED))
    for data in (empty, "[]"):
        summary, changes = import_annotations(fresh, data)
        assert summary.total == 0 and not changes
        assert summary.describe() == "The file holds no annotations."


def test_items_that_are_not_annotations_are_skipped_with_the_reason(fresh):
    data = [w3c_annotation("新质生产力"), {"hello": "world"}, 7, {"type": "Annotation", "target": "https://example.org/page"}]
    summary, _ = import_annotations(fresh, dumps(data), doc_id=report_id(fresh))
    assert summary.added == 1
    reasons = {s.number: s.reason for s in summary.skipped_items}
    assert set(reasons) == {2, 3, 4}
    assert "not an annotation" in reasons[2] and "not an annotation" in reasons[3] and "page note" in reasons[4]
    assert json.loads(json.dumps(summary.to_json()))["skipped"] == 3


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\x00\x01\x02binary\xff", "binary"),
        (b"", "empty"),
        ("  \n\t", "empty"),
        (b"\xff\xfe\xfa not utf-8", "not UTF-8"),
        ("highlights: 3", "not JSON"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", ', "not JSON"),
        ("[1, 2, 3]", "no Web Annotations"),
        ('{"hello": "world"}', "no Web Annotations"),
        ('"Annotation"', "no Web Annotations"),
        ('{"type": "AnnotationCollection", "id": "urn:x:1", "total": 4, "first": "https://example.org/page1"}', "https://example.org/page1"),
    ],
    ids=["binary", "empty", "blank", "not utf-8", "prose", "truncated", "numbers", "other json", "a string", "pages elsewhere"],
)
def test_bad_input_is_one_clear_sentence(fresh, data, says):
    with pytest.raises(InputError) as caught:
        import_annotations(fresh, data)
    message = str(caught.value)
    assert says in message
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    assert fresh.annotation_count() == 0


def test_the_summary_reads_well(fresh):
    summary, _ = import_annotations(fresh, dumps(HYPOTHESIS_EXPORT), doc_id=report_id(fresh))
    text = summary.describe()
    assert text.splitlines()[0] == "2 added, 0 updated, 2 skipped."
    assert "#3 pAgEnOtEEe6xV3sPq2wXyC: " in text
    assert summary.to_json()["added"] == 2
