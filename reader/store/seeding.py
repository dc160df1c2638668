"""The sample reports a new library starts with, so a first-time user has something to read.

A library is offered each sample once. The `meta` table records the decision: key "seeded" is
"1" for a library that took the samples and "0" for one that was already in use when it was
first opened (it is never offered any, then or later), and key "seeds_offered" lists the seed
files offered so far (a JSON list of their names in the seeds folder). Samples that a newer
version ships are added to a seeded library the next time it is opened; the list says what was
offered, not what is there, so a sample the user removed stays removed, and the user's own
documents are never touched. A library seeded before the list existed was offered the first
five seeds (FIRST_SEEDS). To get removed samples back, start a new library file
(`--library PATH`) or add the files from the seeds folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.core.model import Document
from reader.errors import ReaderError
from reader.store.library import Library

SEEDED_KEY = "seeded"
OFFERED_KEY = "seeds_offered"
MANIFEST_NAME = "manifest.json"
# What the first version offered, all at once, before it recorded names: a library it seeded
# has "seeded" = "1" and no OFFERED_KEY. Never edit: libraries out there were seeded with these.
FIRST_SEEDS = (
    "001_feee4fa3265603e8.txt",
    "004_27d4e54997f69abc.txt",
    "002_d05cd09019279dc8.txt",
    "000_01492ddc2bccc5d0.txt",
    "003_0a4ddf0e5c2a5237.txt",
)


@dataclass(frozen=True, slots=True)
class SeedEntry:
    """One bundled sample report and the catalogue facts the manifest gives for it."""

    path: Path
    title: str
    year: int | None
    kind: str
    script: str
    language: str
    source: str = ""  # where the text was published or found; the library shows it as the source

    @property
    def name(self) -> str:
        """The seed's identity in a library's record of what it was offered."""
        return self.path.name

    @property
    def source_name(self) -> str:
        """What the library stores as the document's source: the publication, else the file."""
        return self.source or self.path.name


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
                source=item.get("source", ""),
            )
            for item in data["seeds"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReaderError(
            f"The sample reports' list {manifest} is missing or damaged ({exc})."
        ) from None


def offered_seeds(library: Library) -> list[str] | None:
    """The names of the seeds `library` has been offered, in order; None if it is never offered
    any (in use before its first start, or not opened by this app yet)."""
    state = library.meta(SEEDED_KEY)
    if state != "1":
        return None
    recorded = library.meta(OFFERED_KEY)
    if recorded is None:
        return list(FIRST_SEEDS)
    try:
        names = json.loads(recorded)
    except ValueError:
        names = None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ReaderError(f"The library {library.path} has a damaged record of its sample reports.")
    return names


def seed_if_empty(
    library: Library,
    ingest: Callable[[Path], Document] | None = None,
    seeds: list[SeedEntry] | None = None,
) -> list[int]:
    """Give `library` the sample reports it has not been offered yet; return the new ids.

    A library opened for the first time gets every seed if it is empty, and is marked as never
    to be seeded if it is not. A seeded library gets the seeds added since (in manifest order).
    Everything goes in with the record of what was offered in one transaction, so a failure adds
    nothing and a later start tries again. Reading the seeds happens before the write lock is
    taken. On a first start a seed that cannot be read is an error (the library has nothing
    else to show); when upgrading a library in use it only postpones the new samples, so a
    damaged installation never keeps a user from their own documents.
    """
    state = library.meta(SEEDED_KEY)
    if state is None and not library.is_empty():
        library.set_meta(SEEDED_KEY, "0")  # already in use: never offer the samples later
        return []
    if state is not None and state != "1":
        return []
    upgrading = state == "1"
    try:
        entries = seeds if seeds is not None else seed_manifest()
        offered = set(offered_seeds(library) or ())
        documents = _load([entry for entry in entries if entry.name not in offered], ingest)
    except ReaderError:
        if upgrading:
            return []
        raise
    if upgrading and not documents:
        return []
    new_ids: list[int] = []
    with library.batch():
        # Checked again under the write lock: another window may have seeded meanwhile.
        state = library.meta(SEEDED_KEY)
        if state is None and not library.is_empty():
            library.set_meta(SEEDED_KEY, "0")
            return []
        if state is not None and state != "1":
            return []
        record = offered_seeds(library) or []
        for entry, doc in documents:
            if entry.name in record:
                continue
            doc_id, created = library.add(
                doc,
                title=entry.title,
                year=entry.year,
                kind=entry.kind,
                source_name=entry.source_name,
                script=entry.script or None,
                language=entry.language or None,
            )
            if created:
                new_ids.append(doc_id)
        record += [entry.name for entry in entries if entry.name not in record]
        library.set_meta(SEEDED_KEY, "1")
        library.set_meta(OFFERED_KEY, json.dumps(record, ensure_ascii=False))
    return new_ids


def _load(
    entries: Sequence[SeedEntry], ingest: Callable[[Path], Document] | None
) -> list[tuple[SeedEntry, Document]]:
    if not entries:
        return []
    if ingest is None:
        from reader.core.ingest import ingest_file  # lazily: ingest pulls in heavier modules

        ingest = ingest_file
    return [(entry, ingest(entry.path)) for entry in entries]
