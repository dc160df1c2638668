"""The domain values every layer shares: a Document made of Blocks over one normalised text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"
# Infographic debris (20242024, 今年今年): kept in the text, out of outline, extraction and exports.
NOISE = "noise"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW, NOISE)

# Blocks are joined by this separator in Document.text, so block n is line n of the text
# (and QTextBlock n of a reader pane).
BLOCK_SEPARATOR = "\n"
# Table cells are joined by this inside a table_row block's text.
CELL_SEPARATOR = "\t"


class _BlockJsonRequired(TypedDict):
    id: str
    kind: str
    level: int
    text: str
    start: int
    end: int
    lang: str


class BlockJson(_BlockJsonRequired, total=False):
    """Block.to_json(): label and translation_of appear only when the block has them."""

    label: str
    translation_of: str


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or table row as its author wrote it.

    start/end are code-point offsets into Document.text (end exclusive): text == doc.text[start:end].
    """

    id: str
    kind: str
    level: int
    text: str
    lang: str
    start: int
    end: int
    label: str = ""
    translation_of: str | None = None

    def to_json(self) -> BlockJson:
        data: BlockJson = {
            "id": self.id,
            "kind": self.kind,
            "level": self.level,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
        }
        if self.label:
            data["label"] = self.label
        if self.translation_of:
            data["translation_of"] = self.translation_of
        return data


@dataclass(frozen=True, slots=True)
class Document:
    """A report rebuilt from its source: normalised text plus the blocks that tile it."""

    text: str
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    title: str = ""
    year: int | None = None
    script: str = "none"
    language: str = "zh"
    content_hash: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
