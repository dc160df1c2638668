"""The sample reports: offered once to a new library, never brought back once removed; a library
seeded by an earlier version gains the samples added since, and nothing else changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.model import Document
from reader.errors import InputError, ReaderError
from reader.store import DOCUMENT_KINDS, Library
from reader.store.seeding import (
    FIRST_SEEDS,
    OFFERED_KEY,
    SEEDED_KEY,
    SeedEntry,
    offered_seeds,
    seed_if_empty,
    seed_manifest,
)

# The six full reports a later version added to the first five samples, in manifest order.
REPORT_YEARS = [2014, 2016, 2018, 2020, 2022, 2024]
REPORT_TITLES = [f"{year}年政府工作报告" for year in REPORT_YEARS]


@pytest.fixture
def fake_ingest(make_doc: Callable[..., Document]) -> Callable[[Path], Document]:
    """Stands in for reader.core.ingest.ingest_file: one block per non-empty line."""

    def ingest(path: Path) -> Document:
        text = path.read_text(encoding="utf-8")
        return make_doc([line.strip() for line in text.splitlines() if line.strip()][:5])

    return ingest


@pytest.fixture
def seeds(tmp_path: Path) -> list[SeedEntry]:
    folder = tmp_path / "seeds"
    folder.mkdir()
    items = []
    for n, (year, kind) in enumerate([(2024, "report"), (2025, "summary"), (2024, "commentary")]):
        name = f"{n:03d}_sample.txt"
        (folder / name).write_text(f"样本{n}\n第{n}段正文。\n", encoding="utf-8")
        items.append({"file": name, "title": f"样本 {n}", "year": year, "kind": kind,
                      "script": "traditional", "language": "zh"})
    (folder / "manifest.json").write_text(json.dumps({"seeds": items}), encoding="utf-8")
    return seed_manifest(folder)


def test_bundled_manifest_lists_existing_seed_files():
    entries = seed_manifest()
    assert len(entries) == 11
    for entry in entries:
        assert entry.path.is_file(), entry.path
        assert entry.kind in DOCUMENT_KINDS
        assert entry.title
    assert any(e.title == "2025年政府工作报告摘要" and e.year == 2025 for e in entries)
    # Libraries out there were offered the first five by name: renaming one would offer it again.
    assert [e.name for e in entries[:5]] == list(FIRST_SEEDS)
    reports = entries[5:]
    assert [(e.title, e.year, e.kind, e.script, e.language) for e in reports] == [
        (title, year, "report", "simplified", "zh") for title, year in zip(REPORT_TITLES, REPORT_YEARS, strict=True)
    ]
    assert all(e.source and e.path.name == f"gwr_{e.year}_zh-hans.txt" for e in reports)


def test_a_new_library_gets_the_seeds_with_the_manifests_facts(library, seeds, fake_ingest):
    ids = seed_if_empty(library, ingest=fake_ingest, seeds=seeds)
    assert len(ids) == 3
    infos = {info.id: info for info in library.documents()}
    assert [(infos[i].title, infos[i].year, infos[i].kind, infos[i].script) for i in ids] == [
        ("样本 0", 2024, "report", "traditional"),
        ("样本 1", 2025, "summary", "traditional"),
        ("样本 2", 2024, "commentary", "traditional"),
    ]
    assert infos[ids[0]].source_name == "000_sample.txt"


def test_seeding_happens_once(library, seeds, fake_ingest):
    assert seed_if_empty(library, ingest=fake_ingest, seeds=seeds)
    assert seed_if_empty(library, ingest=fake_ingest, seeds=seeds) == []
    assert len(library.documents()) == 3


def test_removing_every_document_does_not_bring_the_seeds_back(tmp_path, seeds, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        for doc_id in seed_if_empty(lib, ingest=fake_ingest, seeds=seeds):
            lib.remove(doc_id)
        assert seed_if_empty(lib, ingest=fake_ingest, seeds=seeds) == []
    with Library.open(path) as lib:
        assert seed_if_empty(lib, ingest=fake_ingest, seeds=seeds) == []
        assert lib.is_empty()


def test_a_library_already_in_use_is_never_seeded(library, seeds, make_doc, fake_ingest):
    doc_id, _ = library.add(make_doc(["我自己的文件"]))
    assert seed_if_empty(library, ingest=fake_ingest, seeds=seeds) == []
    library.remove(doc_id)
    assert seed_if_empty(library, ingest=fake_ingest, seeds=seeds) == []
    assert library.is_empty()


def test_a_seed_that_fails_to_load_adds_nothing_and_is_retried(library, seeds, fake_ingest):
    def broken_ingest(path: Path) -> Document:
        if path.name.startswith("002"):
            raise OSError("disk error")
        return fake_ingest(path)

    with pytest.raises(OSError):
        seed_if_empty(library, ingest=broken_ingest, seeds=seeds)
    assert library.is_empty()
    assert library.meta(SEEDED_KEY) is None
    assert len(seed_if_empty(library, ingest=fake_ingest, seeds=seeds)) == 3


def test_the_bundled_seeds_can_be_loaded(library, fake_ingest):
    ids = seed_if_empty(library, ingest=fake_ingest)
    assert len(ids) == len(seed_manifest())


def test_a_damaged_manifest_is_reported_in_one_sentence(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    from reader.errors import ReaderError

    with pytest.raises(ReaderError, match="missing or damaged"):
        seed_manifest(tmp_path)


# --- the bundled seeds, and libraries seeded by earlier versions ---------------------------------


def seed_as_the_first_version_did(library: Library, ingest: Callable[[Path], Document]) -> list[int]:
    """What seed_if_empty of the first version (e9ef7e8, reader/store/seeding.py) wrote, kept
    verbatim but for its manifest, which held the first five seeds: the documents, and meta
    "seeded" set to "1" (or "0" for a library already in use), nothing else."""
    by_name = {entry.name: entry for entry in seed_manifest()}
    entries = [by_name[name] for name in FIRST_SEEDS]
    if library.meta(SEEDED_KEY) is not None:
        return []
    if not library.is_empty():
        library.set_meta(SEEDED_KEY, "0")
        return []
    documents = [(entry, ingest(entry.path)) for entry in entries]
    new_ids: list[int] = []
    with library.batch():
        for entry, doc in documents:
            doc_id, created = library.add(
                doc,
                title=entry.title,
                year=entry.year,
                kind=entry.kind,
                source_name=entry.path.name,
                script=entry.script or None,
                language=entry.language or None,
            )
            if created:
                new_ids.append(doc_id)
        library.set_meta(SEEDED_KEY, "1")
    return new_ids


def titles(library: Library, ids: list[int]) -> list[str]:
    return [library.info(doc_id).title for doc_id in ids]


def test_a_first_run_gets_all_eleven_in_manifest_order(library, fake_ingest):
    entries = seed_manifest()
    ids = seed_if_empty(library, ingest=fake_ingest)
    assert ids == sorted(ids) and len(ids) == 11
    infos = [library.info(doc_id) for doc_id in ids]
    assert [(i.title, i.year, i.kind) for i in infos] == [(e.title, e.year, e.kind) for e in entries]
    # The full reports name where they were published; the first five, as before, their file.
    assert [i.source_name for i in infos] == [e.source or e.path.name for e in entries]
    assert infos[-1].source_name == "Qqi-W/python_learning: 2024年政府工作报告.txt"
    assert infos[0].source_name == "001_feee4fa3265603e8.txt"
    assert offered_seeds(library) == [e.name for e in entries]
    assert library.meta(SEEDED_KEY) == "1"


def test_a_library_seeded_by_the_first_version_gains_exactly_the_six(tmp_path, make_doc, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        first = seed_as_the_first_version_did(lib, fake_ingest)
        mine, _ = lib.add(make_doc(["我自己的报告", "第一段。"]), title="我的报告", year=2024, source_name="mine.txt")
        text = lib.document(mine).text
        note = lib.add_annotation(mine, text.index("第一段"), text.index("第一段") + 3, note="要点")
        assert lib.meta(OFFERED_KEY) is None  # the first version recorded no names
        before = {info.id: info for info in lib.documents()}
    with Library.open(path) as lib:
        added = seed_if_empty(lib, ingest=fake_ingest)
        assert titles(lib, added) == REPORT_TITLES
        assert [lib.info(doc_id).year for doc_id in added] == REPORT_YEARS
        assert min(added) > max(first + [mine])
        now = {info.id: info for info in lib.documents()}
        assert {doc_id: now[doc_id] for doc_id in before} == before  # the five and mine untouched
        assert len(now) == len(before) + 6
        assert lib.annotations(mine) == [note]
        assert offered_seeds(lib) == [e.name for e in seed_manifest()]
        assert seed_if_empty(lib, ingest=fake_ingest) == []
        assert len(lib.documents()) == 12


def test_a_sample_the_user_removed_is_not_added_again(tmp_path, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        first = seed_as_the_first_version_did(lib, fake_ingest)
        lib.remove(first[2])  # 2025年政府工作报告摘要
    with Library.open(path) as lib:
        added = seed_if_empty(lib, ingest=fake_ingest)
        assert titles(lib, added) == REPORT_TITLES
        lib.remove(added[1])  # the 2016 report
        remaining = {info.title for info in lib.documents()}
        assert "2025年政府工作报告摘要" not in remaining and "2016年政府工作报告" not in remaining
    with Library.open(path) as lib:
        assert seed_if_empty(lib, ingest=fake_ingest) == []
        assert {info.title for info in lib.documents()} == remaining


def test_a_later_sample_is_offered_but_a_removed_one_stays_removed(library, tmp_path, fake_ingest):
    ids = seed_if_empty(library, ingest=fake_ingest)
    library.remove(ids[-1])
    extra = tmp_path / "gwr_2026_zh-hans.txt"
    extra.write_text("2026年政府工作报告\n今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="utf-8")
    later = [*seed_manifest(), SeedEntry(extra, "2026年政府工作报告", 2026, "report", "simplified", "zh")]
    (new_id,) = seed_if_empty(library, ingest=fake_ingest, seeds=later)
    assert library.info(new_id).title == "2026年政府工作报告"
    assert "2024年政府工作报告" not in {info.title for info in library.documents()}
    assert offered_seeds(library) == [e.name for e in later]


def test_a_library_in_use_when_first_opened_gets_nothing_ever(tmp_path, make_doc, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        mine, _ = lib.add(make_doc(["我自己的文件"]))
        assert seed_as_the_first_version_did(lib, fake_ingest) == []
        assert lib.meta(SEEDED_KEY) == "0"
        lib.remove(mine)
    with Library.open(path) as lib:
        assert seed_if_empty(lib, ingest=fake_ingest) == []
        assert lib.is_empty()
        assert lib.meta(OFFERED_KEY) is None


def test_seeding_the_bundled_samples_is_idempotent(tmp_path, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        assert len(seed_if_empty(lib, ingest=fake_ingest)) == 11
        record = (lib.meta(SEEDED_KEY), lib.meta(OFFERED_KEY))
        assert seed_if_empty(lib, ingest=fake_ingest) == []
        listed = lib.documents()
    with Library.open(path) as lib:
        assert seed_if_empty(lib, ingest=fake_ingest) == []
        assert lib.documents() == listed
        assert (lib.meta(SEEDED_KEY), lib.meta(OFFERED_KEY)) == record


def test_an_upgrade_that_fails_adds_nothing_opens_the_library_and_is_retried(tmp_path, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        seed_as_the_first_version_did(lib, fake_ingest)
        before = lib.documents()

    def broken_ingest(path: Path) -> Document:
        if path.name == "gwr_2020_zh-hans.txt":
            raise InputError("gwr_2020_zh-hans.txt cannot be read (disk error)")
        return fake_ingest(path)

    with Library.open(path) as lib:
        assert seed_if_empty(lib, ingest=broken_ingest) == []
        assert lib.documents() == before
        assert lib.meta(OFFERED_KEY) is None
    with Library.open(path) as lib:
        assert titles(lib, seed_if_empty(lib, ingest=fake_ingest)) == REPORT_TITLES


def test_a_damaged_manifest_stops_a_first_run_but_not_an_upgrade(tmp_path, monkeypatch, fake_ingest):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        seed_as_the_first_version_did(lib, fake_ingest)
    broken = tmp_path / "broken-seeds"
    broken.mkdir()
    (broken / "manifest.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr("reader.store.seeding.paths.seeds_dir", lambda: broken)
    with Library.open(path) as lib:
        assert seed_if_empty(lib, ingest=fake_ingest) == []
        assert len(lib.documents()) == 5
    with Library.open(tmp_path / "new.sqlite3") as lib, pytest.raises(ReaderError, match="missing or damaged"):
        seed_if_empty(lib, ingest=fake_ingest)
