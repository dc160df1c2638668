"""Helpers the tests share: where the seeds are."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_path(number: int) -> Path:
    """The seed whose name starts with the three-digit number: seed_path(1) → seeds/001_….txt."""
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return path


def pdf_wrapped(*paragraphs: str, width: int = 21) -> str:
    """Paragraphs cut into lines of equal width with a blank line after each, as PDF text comes."""
    lines = [p[i : i + width] for p in paragraphs for i in range(0, len(p), width)]
    return "".join(f"{line}\n\n" for line in lines)
