"""Benchmark inputs built from the shipped seeds, so numbers are comparable between runs."""

from __future__ import annotations

from reader.paths import seeds_dir


def seed_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt"))}


def report_of(chars: int) -> str:
    """A report-shaped text of about `chars` normalised characters: seed 001, then 003, repeated.

    Raw seeds carry a blank line after every line, so the raw text is about 10% longer than
    its normalised form; callers check the normalised length they got.
    """
    texts = seed_texts()
    parts = [texts[name] for name in sorted(texts) if name.startswith(("001", "003"))]
    out: list[str] = []
    size = 0
    while size < chars * 1.15:
        for part in parts:
            out.append(part)
            size += len(part)
    text = "\n".join(out)
    return text[: int(chars * 1.15)]
