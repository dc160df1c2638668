"""The sample reports: offered once to a new library, never brought back once removed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.model import Document
from reader.store import DOCUMENT_KINDS, Library
from reader.store.seeding import SEEDED_KEY, SeedEntry, seed_if_empty, seed_manifest


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
    assert len(entries) >= 1
    for entry in entries:
        assert entry.path.is_file(), entry.path
        assert entry.kind in DOCUMENT_KINDS
        assert entry.title
    assert any(e.title == "2025年政府工作报告摘要" and e.year == 2025 for e in entries)


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
