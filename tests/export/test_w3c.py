"""W3C Web Annotation JSON export: valid against a schema written from the Data Model, byte-for-byte
stable, and read back by the importer into the same annotations on the same spans."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from reader.export import w3c
from reader.ops.annotation_import import import_annotations
from reader.ops.export import Selection, collect
from reader.store.annotations import Annotation
from reader.store.library import Library
from tests.export.conftest import EXPORTED, HOSTILE_NOTE, build_library, check_golden

SCHEMA = json.loads((Path(__file__).resolve().parent / "w3c_annotation.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
# What an annotation is, for "the same annotation": everything the user made and where it is.
FIELDS = ("uuid", "quote", "prefix", "suffix", "note", "tags", "color", "start", "end", "status", "created", "modified")


def problems(data: object) -> list[str]:
    error = best_match(VALIDATOR.iter_errors(data))
    return [] if error is None else [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:300]}"]


def same_documents(source: Library, path: Path) -> Library:
    """A new library holding the same documents as source (same texts), and no annotations."""
    library = Library.open(path)
    for info in reversed(source.documents()):
        library.add(source.document(info.id), title=info.title, year=info.year, kind=info.kind, source_name=info.source_name)
    return library


def fields(annotation: Annotation) -> dict[str, object]:
    return {name: getattr(annotation, name) for name in FIELDS}


def by_uuid(library: Library) -> dict[str, dict[str, object]]:
    return {a.uuid: fields(a) for a in library.annotations()}


@pytest.fixture
def exported(export_set) -> dict:
    return json.loads(w3c.render(export_set))


@pytest.fixture
def fresh(export_library, tmp_path) -> Iterator[Library]:
    library = same_documents(export_library, tmp_path / "fresh.sqlite3")
    yield library
    library.close()


def items(collection: dict) -> list[dict]:
    return collection["first"]["items"] if collection["total"] else []


# --- the schema --------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_the_fixture_export_is_valid(exported):
    assert problems(exported) == []
    assert exported["total"] == len(items(exported)) == 6


def test_an_empty_export_is_a_valid_collection_without_a_page(export_library):
    data = json.loads(w3c.render(collect(export_library, Selection(tags=("no such tag",)), exported=EXPORTED)))
    assert problems(data) == []
    assert data["total"] == 0 and "first" not in data and "last" not in data


def _mutations() -> list[tuple[str, object]]:
    def first_item(data):
        return data["first"]["items"][0]

    return [
        ("a negative position", lambda d: first_item(d)["target"]["selector"][1].update(start=-1)),
        ("a time not in UTC with Z", lambda d: first_item(d).update(created="2026-11-11T08:00:00+00:00")),
        ("annotations but no first page", lambda d: d.pop("first")),
        ("a page without annotations", lambda d: d["first"].update(items=[])),
        ("a quote selector without its quote", lambda d: first_item(d)["target"]["selector"][0].pop("exact")),
        ("body and bodyValue together", lambda d: first_item(d).update(bodyValue="x")),
        ("no target", lambda d: first_item(d).pop("target")),
        ("a textual body without a value", lambda d: first_item(d)["body"][0].pop("value")),
        ("a @context without the Web Annotation one", lambda d: d.update({"@context": ["http://example.org/x", "http://example.org/y"]})),
        ("an unknown colour of ours", lambda d: first_item(d).update({"rr:color": "mauve"})),
        ("an id that is no IRI", lambda d: first_item(d).update(id="annotation 1")),
        ("a specific resource without a source", lambda d: first_item(d)["target"].pop("source")),
    ]


@pytest.mark.parametrize(("what", "mutate"), _mutations(), ids=[m[0] for m in _mutations()])
def test_the_schema_refuses(exported, what, mutate):
    mutate(exported)
    assert problems(exported), f"the schema let {what} through"


# --- the output --------------------------------------------------------------------------------


def test_golden(export_set):
    check_golden("highlights.json", w3c.render(export_set))


def test_the_same_export_is_the_same_file(export_library, export_set):
    again = collect(export_library, Selection(), exported=EXPORTED)
    assert w3c.render(again) == w3c.render(export_set)
    assert "国内生产总值" in w3c.render(export_set)  # not \\u escapes


def test_an_annotation_carries_everything_the_library_knows(exported, export_library):
    stored = {a.uuid: a for a in export_library.annotations()}
    for item in items(exported):
        a = stored[item["id"].removeprefix("urn:uuid:")]
        info = export_library.info(a.doc_id)
        notes = [b["value"] for b in item.get("body", []) if b["purpose"] == "commenting"]
        tags = [b["value"] for b in item.get("body", []) if b["purpose"] == "tagging"]
        assert notes == ([a.note] if a.note else [])
        assert tags == list(a.tags)
        assert item["motivation"] == ("commenting" if a.note else "highlighting")
        assert ("body" in item) == bool(a.note or a.tags)
        quote, position = item["target"]["selector"]
        assert quote == {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix}
        assert position == {"type": "TextPositionSelector", "start": a.start, "end": a.end}
        source = item["target"]["source"]
        assert source["id"] == f"urn:report-reader:sha256:{info.content_hash}"
        assert (source["dcterms:title"], source["rr:sourceName"]) == (info.title, info.source_name)
        assert (item["rr:color"], item["rr:status"]) == (a.color, a.status)
        assert item["created"] == a.created.replace("+00:00", "Z")


def test_the_hostile_note_is_written_exactly(exported):
    notes = [b["value"] for item in items(exported) for b in item.get("body", []) if b["purpose"] == "commenting"]
    assert HOSTILE_NOTE in notes


def test_selectors_quote_the_stored_text_even_when_quotes_are_converted(export_library):
    converted = collect(export_library, Selection(script="s2t"), exported=EXPORTED)
    assert any(h.quote != h.annotation.quote for d in converted.documents for h in d.highlights)  # conversion happened
    data = json.loads(w3c.render(converted))
    stored = {f"urn:uuid:{a.uuid}": a.quote for a in export_library.annotations()}
    assert {item["id"]: item["target"]["selector"][0]["exact"] for item in items(data)} == stored


def test_times_are_utc_with_z_at_their_own_precision():
    assert w3c.utc_z("2026-11-11T08:00:00+00:00") == "2026-11-11T08:00:00Z"
    assert w3c.utc_z("2026-11-11T08:00:00.120+00:00") == "2026-11-11T08:00:00.120Z"
    assert w3c.utc_z("2026-11-11T08:00:00.000+00:00") == "2026-11-11T08:00:00.000Z"  # digits kept, so the stamp comes back as it was
    assert w3c.utc_z("2026-11-11T16:00:00+08:00") == "2026-11-11T08:00:00Z"
    assert w3c.library_time("2026-11-11T08:00:00.000Z") == "2026-11-11T08:00:00.000+00:00"
    assert w3c.library_time("yesterday") == ""


# --- round trip --------------------------------------------------------------------------------


def test_export_then_import_into_a_new_library_gives_the_same_annotations(export_library, export_set, fresh):
    summary, changes = import_annotations(fresh, w3c.render(export_set))
    assert (summary.added, summary.updated, summary.skipped, summary.orphaned) == (6, 0, 0, 1)
    assert by_uuid(fresh) == by_uuid(export_library)
    assert changes.annotations == frozenset(by_uuid(export_library)) and changes.tags
    assert changes.annotated == {info.id for info in fresh.documents()}


def test_importing_twice_adds_nothing(export_set, fresh):
    data = w3c.render(export_set)
    import_annotations(fresh, data)
    before = by_uuid(fresh)
    summary, changes = import_annotations(fresh, data.encode("utf-8"))
    assert (summary.added, summary.updated, len(summary.unchanged())) == (0, 0, 6)
    assert not changes
    assert by_uuid(fresh) == before


def test_the_hostile_note_survives_the_round_trip(export_set, fresh):
    import_annotations(fresh, w3c.render(export_set))
    assert HOSTILE_NOTE in [a.note for a in fresh.annotations()]
    assert fresh.annotation_by_uuid("00000000-0000-4000-8000-000000000002").note == HOSTILE_NOTE


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Iterator[tuple[Library, Library]]:
    """The fixture's documents in two libraries, without annotations: export from one, import into the other."""
    folder = tmp_path_factory.mktemp("pair")
    source = build_library(folder / "source.sqlite3")
    for a in source.annotations():
        source.delete_annotation(a.id)
    target = same_documents(source, folder / "target.sqlite3")
    yield source, target
    source.close()
    target.close()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_span_comes_back_on_the_same_span(pair, data):
    source, target = pair
    doc_id = data.draw(st.sampled_from([info.id for info in source.documents()]), label="document")
    text = source.document(doc_id).text
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)), label="end")
    note = data.draw(st.text(max_size=30), label="note")
    tags = data.draw(st.lists(st.text(min_size=1, max_size=6), max_size=3), label="tags")
    without_position = data.draw(st.booleans(), label="quote and context only")
    made = source.add_annotation(doc_id, start, end, note=note, tags=tags)
    try:
        exported = json.loads(w3c.render(collect(source, Selection(doc_ids=(doc_id,)), exported=EXPORTED)))
        assert problems(exported) == []
        if without_position:  # as a tool that keeps only the quote would give it back
            for item in items(exported):
                item["target"]["selector"] = item["target"]["selector"][0]
        summary, _ = import_annotations(target, json.dumps(exported, ensure_ascii=False))
        assert (summary.added, summary.skipped) == (1, 0)
        assert fields(target.annotation_by_uuid(made.uuid)) == fields(made)
    finally:
        source.delete_annotation(made.id)
        for a in target.annotations():
            target.delete_annotation(a.id)
