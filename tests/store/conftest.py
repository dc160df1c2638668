"""Store tests build Documents straight from the model, so they do not depend on ingest."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.model import HEADING, PARAGRAPH, Block, Document
from reader.store import Library


def build_document(
    paragraphs: list[str], *, title: str = "", year: int | None = None, content_hash: str = ""
) -> Document:
    """A Document whose first line is a heading and every other line a paragraph."""
    blocks = []
    start = 0
    for seq, text in enumerate(paragraphs):
        blocks.append(
            Block(
                id=f"b{seq:04d}",
                kind=HEADING if seq == 0 else PARAGRAPH,
                level=1 if seq == 0 else 0,
                text=text,
                lang="zh",
                start=start,
                end=start + len(text),
            )
        )
        start += len(text) + 1
    return Document(
        text="\n".join(paragraphs),
        blocks=tuple(blocks),
        title=title,
        year=year,
        script="simplified",
        content_hash=content_hash,
    )


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return build_document


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib" / "library.sqlite3") as lib:
        yield lib


@pytest.fixture
def report_2024() -> Document:
    return build_document(
        [
            "2024年政府工作报告",
            "今年发展主要预期目标是：国内生产总值增长5%左右。",
            "大力推进现代化产业体系建设，加快发展新质生产力。",
        ],
        title="2024年政府工作报告",
        year=2024,
    )
