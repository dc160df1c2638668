"""Carried annotations' origins in the library file (schema 6, issue 13): a library from before
them upgrades and takes carried annotations; one written with them reopens with them."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.core.ingest import ingest_text
from reader.ops.carry import CHANGED, KEPT, apply_carry, plan_carry
from reader.store import Library
from reader.store.schema import read_header

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRAD_TITLE = "2024年政府工作報告（節選）"
COPY_TITLE = "2024年政府工作報告（節選，改一數字）"  # the Traditional excerpt with one figure changed


def copy_of(version: int, folder: Path) -> Path:
    path = folder / f"library-v{version}.sqlite3"
    shutil.copyfile(FIXTURES / path.name, path)
    assert read_header(path).user_version == version
    return path


def test_a_library_from_before_origins_upgrades_and_takes_carried_annotations(tmp_path):
    path = copy_of(5, tmp_path)
    with Library.open(path) as library:
        ids = {info.title: info.id for info in library.documents()}
        trad = library.document(ids[TRAD_TITLE]).text
        copy_id, _ = library.add(ingest_text(trad.replace("126萬億元", "134.9萬億元")), title=COPY_TITLE)
        carried, _ = apply_carry(library, plan_carry(library, ids[TRAD_TITLE], copy_id))
        assert sorted(origin.status for _, origin in carried) == [CHANGED, KEPT]
    with Library.open(path) as library:
        assert {origin.status for origin in library.origins().values()} == {CHANGED, KEPT}
        assert plan_carry(library, ids[TRAD_TITLE], copy_id).placed() == []  # already carried


def test_a_library_written_with_origins_reopens_with_them(tmp_path):
    with Library.open(copy_of(6, tmp_path)) as library:
        ids = {info.title: info.id for info in library.documents()}
        sources = {a.uuid: a for a in library.annotations(ids[TRAD_TITLE])}
        on_copy = {a.uuid: a for a in library.annotations(ids[COPY_TITLE])}
        origins = library.origins()
        assert set(origins) == set(on_copy)
        by_status = {origin.status: (on_copy[uuid], origin) for uuid, origin in origins.items()}
        kept, kept_origin = by_status[KEPT]
        changed, changed_origin = by_status[CHANGED]
        assert kept.quote == kept_origin.before == kept_origin.after == "高質量發展扎實推進"
        assert (changed_origin.before, changed_origin.after) == ("國內生產總值超過126萬億元", "國內生產總值超過134.9萬億元")
        assert changed.quote == changed_origin.after
        for annotation, origin in (by_status[KEPT], by_status[CHANGED]):
            source = sources[origin.source_uuid]
            assert (origin.source_doc, origin.source_title) == (ids[TRAD_TITLE], TRAD_TITLE)
            assert (annotation.color, annotation.note, annotation.tags) == (source.color, source.note, source.tags)
        # carrying again adds nothing: both sources are known to be carried already
        assert set(library.carried_sources(ids[COPY_TITLE])) == set(sources)
