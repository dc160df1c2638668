"""The sample reports a new library starts with, so a first-time user has something to read.

Seeds are offered once per library file: the first `seed_if_empty` call records the decision in
the `meta` table (key "seeded"), whether it added the seeds or found the library already in use.
So a user who removes every document gets an empty library, not the samples back; to get them
again, start a new library file (`--library PATH`) or add the files from the seeds folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.core.model import Document
from reader.errors import ReaderError
from reader.store.library import Library

SEEDED_KEY = "seeded"
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class SeedEntry:
    """One bundled sample report and the catalogue facts the manifest gives for it."""

    path: Path
    title: str
    year: int | None
    kind: str
    script: str
    language: str


def seed_manifest(seeds_dir: Path | None = None) -> list[SeedEntry]:
    """The seeds in manifest order. A broken manifest is a packaging fault, reported as such."""
    folder = seeds_dir if seeds_dir is not None else paths.seeds_dir()
    manifest = folder / MANIFEST_NAME
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return [
            SeedEntry(
                path=folder / item["file"],
                title=item["title"],
                year=item.get("year"),
                kind=item.get("kind", "other"),
                script=item.get("script", ""),
                language=item.get("language", ""),
            )
            for item in data["seeds"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReaderError(
            f"The sample reports' list {manifest} is missing or damaged ({exc})."
        ) from None


def seed_if_empty(
    library: Library,
    ingest: Callable[[Path], Document] | None = None,
    seeds: list[SeedEntry] | None = None,
) -> list[int]:
    """Add the sample reports to a library that has never had documents; return the new ids.

    All seeds go in with the "seeded" flag in one transaction, so a failure adds none of them
    and a later start tries again. Reading the seeds happens before the write lock is taken.
    """
    if library.meta(SEEDED_KEY) is not None:
        return []
    if not library.is_empty():
        library.set_meta(SEEDED_KEY, "0")  # already in use: never offer the samples later
        return []
    if ingest is None:
        from reader.core.ingest import ingest_file  # lazily: ingest pulls in heavier modules

        ingest = ingest_file
    entries = seeds if seeds is not None else seed_manifest()
    documents = [(entry, ingest(entry.path)) for entry in entries]
    new_ids: list[int] = []
    with library.batch():
        # Checked again under the write lock: another window may have seeded meanwhile.
        if library.meta(SEEDED_KEY) is not None:
            return []
        if not library.is_empty():
            library.set_meta(SEEDED_KEY, "0")
            return []
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
