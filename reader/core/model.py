"""The domain values every layer shares: a Document made of Blocks over one normalised text."""

from __future__ import annotations

import operator
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice, repeat
from typing import TypedDict, overload

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
    """Block.to_json(): label, translation_of and the pages appear only when the block has them."""

    label: str
    translation_of: str
    page_start: str
    page_end: str


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or table row as its author wrote it.

    start/end are code-point offsets into Document.text (end exclusive): text == doc.text[start:end].
    page_start/page_end are the labels of the pages it starts and ends on ("" when the source had
    no pages).
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
    page_start: str = ""
    page_end: str = ""

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
        if self.page_start:
            data["page_start"] = self.page_start
            data["page_end"] = self.page_end or self.page_start
        return data


@dataclass(frozen=True, slots=True)
class Document:
    """A report rebuilt from its source: normalised text plus the blocks that tile it."""

    text: str
    # Any sequence of Blocks may be given (a tuple in tests); it is kept as a compact Blocks.
    blocks: Blocks
    encoding: str = "utf-8"
    title: str = ""
    year: int | None = None
    script: str = "none"
    language: str = "zh"
    content_hash: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # The source's page labels as printed ("1", "ii", "12"), one per page; () when it had none.
    page_labels: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        blocks: Sequence[Block] = self.blocks
        if not isinstance(blocks, Blocks) or blocks.text is not self.text:
            object.__setattr__(self, "blocks", Blocks.from_blocks(self.text, blocks))


# A block id as ingest makes it: 12 hex digits of a hash, "-n" for the nth block saying the same.
_COMPACT_ID = re.compile(r"([0-9a-f]{12})(?:-([2-9]|[1-9][0-9]+))?")
_ID_BYTES = 6


def _grown(values: array[int], value: int) -> array[int]:
    """values with value appended, in a wider array when it does not fit the present one."""
    try:
        values.append(value)
    except OverflowError:
        values = _widened(values, value)
        values.append(value)
    return values


# Unsigned array types from narrow to wide: an array starts narrow and widens when a value needs it.
_WIDER = ("B", "H", "I", "L", "Q")


class BlocksBuilder:
    """Blocks appended one at a time, in order, each given its text's length: the document's text is
    these texts joined by BLOCK_SEPARATOR (kept a slice of blocks at a time, not a str a block)."""

    __slots__ = (
        "_chunk", "_ends", "_ids", "_labels", "_meta", "_meta_codes", "_metas", "_occurrences", "_odd_ids", "_pages", "_parts",
        "_size", "_starts", "_translation_of",
    )  # fmt: skip

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._chunk: list[str] = []
        self._size = 0
        self._starts: array[int] = array("I")
        self._ends: array[int] | None = None
        self._meta = bytearray()
        self._metas: list[tuple[str, int, str]] = []
        self._meta_codes: dict[tuple[str, int, str], int] = {}
        self._ids = bytearray()
        self._occurrences: array[int] = array("B")
        self._odd_ids: dict[int, str] = {}
        self._labels: dict[int, str] = {}
        self._translation_of: dict[int, str] = {}
        self._pages: _Pages | None = None

    def __len__(self) -> int:
        return len(self._starts)

    def set_pages(self, n: int, start: str, end: str) -> None:
        """Block n starts on the page labelled `start` and ends on `end` (a document without pages
        never calls this, and keeps no page column)."""
        if self._pages is None:
            self._pages = _Pages()
        self._pages.set(n, start, end)

    def append(self, id_: str, kind: str, level: int, text: str, lang: str, label: str = "", translation_of: str | None = None) -> None:
        match = _COMPACT_ID.fullmatch(id_)
        if match:
            self.append_hashed(bytes.fromhex(match.group(1)), int(match.group(2) or 1), kind, level, text, lang, label, translation_of)
            return
        n = len(self._starts)
        self.append_hashed(bytes(_ID_BYTES), 0, kind, level, text, lang, label, translation_of)
        self._odd_ids[n] = id_

    def append_hashed(
        self,
        digest: bytes,
        occurrence: int,
        kind: str,
        level: int,
        text: str,
        lang: str,
        label: str = "",
        translation_of: str | None = None,
    ) -> None:
        """append() with the id given as its hash's first six bytes and its occurrence (1: no "-n")."""
        # (Called once a block: the common paths are inline, ~1 µs a block less on 100,000 tiny lines.)
        n = len(self._starts)
        chunk = self._chunk
        if n:
            self._size += len(BLOCK_SEPARATOR)
            chunk.append(BLOCK_SEPARATOR)
        try:
            self._starts.append(self._size)
        except OverflowError:
            self._starts = _grown(self._starts, self._size)
        self._size += len(text)
        chunk.append(text)
        if len(chunk) >= 2048:
            self._parts.append("".join(chunk))
            chunk.clear()
        code = self._meta_codes.get((kind, level, lang))
        if code is None:
            self._set_meta(n, kind, level, lang, append=True)
        else:
            self._meta.append(code)
        self._ids += digest
        try:
            self._occurrences.append(occurrence)
        except OverflowError:
            self._occurrences = _grown(self._occurrences, occurrence)
        if label:
            self._labels[n] = label
        if translation_of:
            self._translation_of[n] = translation_of

    def _set_meta(self, n: int, kind: str, level: int, lang: str, *, append: bool = False) -> None:
        key = (kind, level, lang)
        code = self._meta_codes.get(key)
        if code is None:
            if len(self._metas) >= 256:
                raise ValueError("more than 256 kinds of block")
            code = self._meta_codes[key] = len(self._metas)
            self._metas.append(key)
        if append:
            self._meta.append(code)
        else:
            self._meta[n] = code

    # What ingest reads and changes once every block is in (translations are paired after the fact).
    def kind(self, n: int) -> str:
        return self._metas[self._meta[n]][0]

    def level(self, n: int) -> int:
        return self._metas[self._meta[n]][1]

    def lang(self, n: int) -> str:
        return self._metas[self._meta[n]][2]

    def label(self, n: int) -> str:
        return self._labels.get(n, "")

    def set_level(self, n: int, level: int) -> None:
        self._set_meta(n, self.kind(n), level, self.lang(n))

    def set_translation_of(self, n: int, source: str | None) -> None:
        if source:
            self._translation_of[n] = source
        else:
            self._translation_of.pop(n, None)

    def id(self, n: int) -> str:
        return _id_at(self._ids, self._occurrences, self._odd_ids, n)

    def text(self) -> str:
        """The document's text so far (the blocks joined), made once: the slices are let go."""
        # One join of every piece: a text of one block is that block's str itself, not a copy.
        text = "".join([*self._parts, *self._chunk])
        self._chunk.clear()
        self._parts = [text]
        return text

    def build(self, text: str | None = None) -> Blocks:
        """The Blocks over `text` (by default the texts appended, joined)."""
        text = self.text() if text is None else text
        self._parts = []
        made = Blocks._make(
            text, self._starts, self._ends, self._meta, tuple(self._metas), self._ids, self._occurrences,
            self._odd_ids, {}, self._labels, self._translation_of, self._pages,
        )  # fmt: skip
        self.__init__()  # type: ignore[misc]  # the columns are the Blocks' now: the builder starts afresh
        return made


def _id_at(ids: bytes | bytearray, occurrences: array[int], odd: dict[int, str], n: int) -> str:
    occurrence = occurrences[n]
    if not occurrence:
        return odd[n]
    digest = ids[n * _ID_BYTES : (n + 1) * _ID_BYTES].hex()
    return digest if occurrence == 1 else f"{digest}-{occurrence}"


class Blocks(Sequence[Block]):
    """A document's blocks, held in columns: the text once, and per block an offset, a byte for kind,
    level and language, six bytes of id and its occurrence; labels and translations only where a
    block has one. blocks[i] and iteration make Block values as they are asked for (~20 bytes a
    block held, where a tuple of Blocks took ~330 on a text of tiny lines)."""

    __slots__ = (
        "_ends", "_hash", "_ids", "_labels", "_meta", "_metas", "_occurrences", "_odd_ids", "_odd_texts", "_pages", "_starts",
        "_text", "_translation_of",
    )  # fmt: skip

    _text: str
    _starts: array[int]
    # None when the blocks tile the text: a block ends where the separator before the next begins.
    _ends: array[int] | None
    # Never changed once built (bytearrays from the builder, not copied into bytes).
    _meta: bytes | bytearray
    _metas: tuple[tuple[str, int, str], ...]
    _ids: bytes | bytearray
    _occurrences: array[int]
    _odd_ids: dict[int, str]
    # Blocks whose text is not their slice of the document's text (made by hand, in tests).
    _odd_texts: dict[int, str]
    _labels: dict[int, str]
    _translation_of: dict[int, str]
    # The page columns, only for a document whose source had pages.
    _pages: _Pages | None
    _hash: int | None

    def __init__(self) -> None:
        raise TypeError("use Blocks.from_blocks or BlocksBuilder")

    @classmethod
    def _make(
        cls, text: str, starts: array[int], ends: array[int] | None, meta: bytes | bytearray, metas: tuple[tuple[str, int, str], ...],
        ids: bytes | bytearray, occurrences: array[int], odd_ids: dict[int, str], odd_texts: dict[int, str],
        labels: dict[int, str], translation_of: dict[int, str], pages: _Pages | None = None,
    ) -> Blocks:  # fmt: skip
        self = object.__new__(cls)
        self._text = text
        self._starts = starts
        self._ends = ends
        self._meta = meta
        self._metas = metas
        self._ids = ids
        self._occurrences = occurrences
        self._odd_ids = odd_ids
        self._odd_texts = odd_texts
        self._labels = labels
        self._translation_of = translation_of
        self._pages = pages
        self._hash = None
        return self

    @classmethod
    def from_blocks(cls, text: str, blocks: Iterable[Block]) -> Blocks:
        """Blocks over `text` holding the given Blocks (each as it is, whatever its offsets)."""
        builder = BlocksBuilder()
        ends: array[int] = array("I")
        odd_texts: dict[int, str] = {}
        tiled = True
        expected = 0
        for n, block in enumerate(blocks):
            builder.append(block.id, block.kind, block.level, "", block.lang, block.label, block.translation_of)
            if block.page_start or block.page_end:
                builder.set_pages(n, block.page_start, block.page_end or block.page_start)
            builder._starts[n] = block.start
            ends = _grown(ends, block.end)
            if text[block.start : block.end] != block.text or block.end < block.start:
                odd_texts[n] = block.text
            tiled = tiled and block.start == expected
            expected = block.end + len(BLOCK_SEPARATOR)
        tiled = tiled and (expected - len(BLOCK_SEPARATOR) == len(text) if len(ends) else True)
        made = builder.build(text)
        made._ends = None if tiled else ends
        made._odd_texts = odd_texts
        return made

    @property
    def text(self) -> str:
        return self._text

    def __len__(self) -> int:
        return len(self._starts)

    def _end(self, n: int) -> int:
        if self._ends is not None:
            return self._ends[n]
        return self._starts[n + 1] - len(BLOCK_SEPARATOR) if n + 1 < len(self._starts) else len(self._text)

    # One column of block n without making the Block (its id and text): a pass over 100,000
    # blocks that needs only these costs ~0.03 s where making each Block costs ~0.37 s.
    def span(self, n: int) -> tuple[int, int]:
        """Block n's (start, end) in the document's text."""
        return self._starts[n], self._end(n)

    def spans(self) -> Iterator[tuple[int, int]]:
        """Every block's span(n), in order, read off the columns without a call a block (a pass
        over 100,000 blocks: ~0.01 s, where span(n) for each costs ~0.05 s)."""
        if self._ends is not None:
            return zip(self._starts, self._ends, strict=True)
        starts = self._starts
        if not starts:
            return iter(())
        ends = map(operator.sub, islice(starts, 1, None), repeat(len(BLOCK_SEPARATOR)))
        return zip(starts, chain(ends, (len(self._text),)), strict=True)

    def kind(self, n: int) -> str:
        return self._metas[self._meta[n]][0]

    def level(self, n: int) -> int:
        return self._metas[self._meta[n]][1]

    def lang(self, n: int) -> str:
        return self._metas[self._meta[n]][2]

    def label(self, n: int) -> str:
        return self._labels.get(n, "")

    @property
    def paged(self) -> bool:
        """Whether the blocks know their pages (the source had pages)."""
        return self._pages is not None

    def pages(self, n: int) -> tuple[str, str]:
        """The labels of the pages block n starts and ends on, ("", "") when unknown."""
        return ("", "") if self._pages is None else self._pages.get(n)

    def _block(self, n: int) -> Block:
        start, end = self._starts[n], self._end(n)
        kind, level, lang = self._metas[self._meta[n]]
        text = self._odd_texts.get(n) if self._odd_texts else None
        page_start, page_end = ("", "") if self._pages is None else self._pages.get(n)
        return Block(
            _id_at(self._ids, self._occurrences, self._odd_ids, n), kind, level,
            self._text[start:end] if text is None else text, lang, start, end,
            self._labels.get(n, ""), self._translation_of.get(n), page_start, page_end,
        )  # fmt: skip

    @overload
    def __getitem__(self, index: int) -> Block: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Block, ...]: ...
    def __getitem__(self, index: int | slice) -> Block | tuple[Block, ...]:
        if isinstance(index, slice):
            return tuple(self.each(range(*index.indices(len(self)))))
        n = len(self) + index if index < 0 else index
        if not 0 <= n < len(self):
            raise IndexError("block index out of range")
        return self._block(n)

    def __iter__(self) -> Iterator[Block]:
        return self.each(range(len(self)))

    def __reversed__(self) -> Iterator[Block]:
        return self.each(range(len(self) - 1, -1, -1))

    def each(self, numbers: Iterable[int]) -> Iterator[Block]:
        """The blocks at these positions (each in range), made one by one: _block's work with the
        columns held in locals, ~2x faster a block for the passes extraction makes over them."""
        text, starts, ends, meta, metas = self._text, self._starts, self._ends, self._meta, self._metas
        ids, occurrences, odd_ids, labels, translation_of = self._ids, self._occurrences, self._odd_ids, self._labels, self._translation_of
        odd_texts, pages = self._odd_texts, self._pages
        count, step = len(starts), len(BLOCK_SEPARATOR)
        for n in numbers:
            start = starts[n]
            if ends is not None:
                end = ends[n]
            else:
                end = starts[n + 1] - step if n + 1 < count else len(text)
            kind, level, lang = metas[meta[n]]
            occurrence = occurrences[n]
            if not occurrence:
                id_ = odd_ids[n]
            else:
                id_ = ids[n * _ID_BYTES : (n + 1) * _ID_BYTES].hex()
                if occurrence != 1:
                    id_ = f"{id_}-{occurrence}"
            body = odd_texts.get(n) if odd_texts else None
            page_start, page_end = ("", "") if pages is None else pages.get(n)
            yield Block(
                id_, kind, level, text[start:end] if body is None else body, lang, start, end,
                labels.get(n, "") if labels else "", translation_of.get(n) if translation_of else None,
                page_start, page_end,
            )  # fmt: skip

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Blocks) and other is self:
            return True
        if not isinstance(other, (Blocks, tuple, list)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self))
        return self._hash

    def __repr__(self) -> str:
        return f"Blocks({list(self)!r})"


class _Pages:
    """Two columns of page codes (the page a block starts and ends on) over a table of labels;
    code 0 is "no page" (a block before the first page's text, or one set by hand without)."""

    __slots__ = ("_codes", "_ends", "_labels", "_starts")

    def __init__(self) -> None:
        self._labels: list[str] = [""]
        self._codes: dict[str, int] = {"": 0}
        self._starts: array[int] = array("B")
        self._ends: array[int] = array("B")

    def _code(self, label: str) -> int:
        code = self._codes.get(label)
        if code is None:
            code = self._codes[label] = len(self._labels)
            self._labels.append(label)
        return code

    def set(self, n: int, start: str, end: str) -> None:
        while len(self._starts) <= n:  # blocks before this one have no page
            self._starts.append(0)
            self._ends.append(0)
        start_code, end_code = self._code(start), self._code(end)
        try:
            self._starts[n] = start_code
            self._ends[n] = end_code
        except OverflowError:
            self._starts = _widened(self._starts, max(start_code, end_code))
            self._ends = _widened(self._ends, max(start_code, end_code))
            self._starts[n] = start_code
            self._ends[n] = end_code

    def get(self, n: int) -> tuple[str, str]:
        if n >= len(self._starts):
            return "", ""
        return self._labels[self._starts[n]], self._labels[self._ends[n]]


def _widened(values: array[int], value: int) -> array[int]:
    """values in an array wide enough to hold value too."""
    wider = _WIDER[_WIDER.index(values.typecode) + 1 :]
    return array(next(t for t in wider if value < 1 << (8 * array(t).itemsize)), values)
