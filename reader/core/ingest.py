"""Public entry points: a report's text, bytes or file in, a Document of Blocks out.

The pipeline: decode → fold look-alike characters → repair PDF wrapping, page furniture, footnotes
and tables (layout) → classify blocks (structure) → drop consecutive repeats → pair translations →
assign stable ids and offsets. The Document's text is the normalised text, one block per line.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader.core.decode import MAX_INPUT_BYTES, size_error
from reader.core.layout import Segment, iter_segments
from reader.core.model import HEADING, NOISE, PARAGRAPH, Blocks, BlocksBuilder, Document
from reader.core.noise import is_noise
from reader.core.normalize import normalize_chars
from reader.core.pages import PAGE_BREAK, text_page_labels
from reader.core.script import detect_script
from reader.core.structure import Draft, iter_drafts
from reader.errors import InputError

if TYPE_CHECKING:
    from reader.core.sources import Source

# English blocks must be at least this share of all blocks before we pair them as translations.
_MIN_TRANSLATION_SHARE = 0.2
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_YEAR_PLAIN = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_SCAN = 600


def ingest_file(path: str | PathLike[str]) -> Document:
    """Read and ingest a report file; InputError if it is missing, unreadable or not text."""
    return ingest_bytes(read_file(path, limit=MAX_INPUT_BYTES), _label(path))


def read_file(path: str | PathLike[str], *, limit: int | None = None) -> bytes:
    """A regular file's bytes, or one InputError sentence saying why they cannot be had.

    The path is checked before it is opened: a FIFO would block the open (and the reader) until
    something writes to it, and a device never ends. A file over `limit` bytes is refused
    without being read.
    """
    if not os.fspath(path):
        raise InputError("No file name given; name a text file")
    label = _label(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{label} does not exist") from None
    except OSError as exc:
        raise InputError(f"{label} cannot be read ({exc.strerror or exc})") from None
    _check_regular(label, info.st_mode)
    if limit is not None and info.st_size > limit:
        raise size_error(label, info.st_size)
    try:
        # O_NONBLOCK: should the path become a FIFO after the check, the open still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"{label} cannot be read ({exc.strerror or exc})") from None
    with open(fd, "rb") as handle:
        try:
            _check_regular(label, os.fstat(fd).st_mode)
            data = handle.read() if limit is None else _read_up_to(handle, limit + 1, info.st_size)
            if limit is not None and len(data) > limit:  # it grew since the check
                raise size_error(label, os.fstat(fd).st_size)
        except OSError as exc:
            raise InputError(f"{label} cannot be read ({exc.strerror or exc})") from None
    return data


def _read_up_to(handle: BinaryIO, most: int, expected: int) -> bytes:
    """At most `most` bytes, read in one go when the file is the `expected` size it was: read(n)
    sets aside n bytes before it reads, so read(limit + 1) took 20 MB for a file of any size."""
    data = handle.read(min(most, expected + 1))
    if len(data) == expected + 1 and len(data) < most:  # it grew since it was measured
        data += handle.read(most - len(data))
    return data


def _label(path: str | PathLike[str]) -> str:
    """How messages name a file: its name, or the path as given when it has none ('.', '/')."""
    return Path(path).name or os.fspath(path)


def _check_regular(label: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(f"{label} is a folder, not a file")
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    raise InputError(f"{label} is {kind}, not a regular file; save the report as a text file first")


def ingest_bytes(data: bytes, name: str = "") -> Document:
    """A file's bytes in whatever format they are (PDF, Word, web page, Markdown, text)."""
    from reader.core.sources import read_source

    source = read_source(data, name)
    del data  # the file's bytes go once read (the caller holds none: ingest_file reads them for us)
    return ingest_source(source)


def ingest_source(source: Source, *, title: str = "") -> Document:
    """A Source (reader.core.sources) as a Document: flowing text through layout repair, a
    source's paragraphs straight to classification; the source's warnings first."""
    if source.segments is None:
        doc = ingest_text(source.text, encoding=source.encoding, title=title, page_labels=source.page_labels)
    else:
        segments = (_normalized(segment) for segment in source.segments)
        doc = _document(segments, [], encoding=source.encoding, title=title, page_labels=source.page_labels)
    if source.warnings:
        doc = replace(doc, warnings=(*source.warnings, *doc.warnings))
    return doc


def _normalized(segment: Segment) -> Segment:
    """A paragraph from markup with the look-alike characters folded, as text files' lines are
    (a form feed, which layout reads as a page break in flowing text, is a space here)."""
    text = normalize_chars(segment.text).replace(PAGE_BREAK, " ")
    return replace(segment, text=text, cells=tuple(normalize_chars(c).replace(PAGE_BREAK, " ") for c in segment.cells))


def ingest_text(text: str, *, encoding: str = "utf-8", title: str = "", page_labels: Sequence[str] = ()) -> Document:
    """Rebuild a report's paragraphs, headings, lists and tables from extracted text.

    A text with form feeds is paged (a PDF's text, or what pdftotext wrote): each block learns the
    pages it starts and ends on, labelled by `page_labels` or else by the printed page numbers."""
    warnings: list[str] = []
    text = normalize_chars(text)
    if PAGE_BREAK in text and not page_labels:
        page_labels = text_page_labels(text)
    segments = iter_segments(text, warnings)
    del text  # layout lets go of the normalised text once read: held here it was 2x a Chinese file's size
    return _document(segments, warnings, encoding=encoding, title=title, page_labels=page_labels)


def _document(
    segments: Iterable[Segment], warnings: list[str], *, encoding: str, title: str, page_labels: Sequence[str] = ()
) -> Document:
    """Segments classified, de-duplicated and given ids, as a Document; `warnings` is filled by
    the segments' producer as it goes (so it is read only once they are all made)."""
    # Lines, segments, drafts and blocks stream from one stage to the next, and blocks go straight
    # into columns: no stage holds a Python object per line of the whole text (on 100,000 tiny
    # lines that took ~90x the file's size).
    labels = tuple(page_labels)
    drafts = _paged_drafts(segments) if labels else iter_drafts(segments)
    builder, sizes = _assign(_drop_repeats(drafts), labels)
    if not len(builder):
        raise InputError("The text has no readable content")
    blocks = builder.build()
    del builder
    doc_text = blocks.text
    guessed_title = title or _guess_title(blocks)
    return Document(
        text=doc_text,
        blocks=blocks,
        encoding=encoding,
        title=guessed_title,
        year=_guess_year(guessed_title, doc_text),
        script=detect_script(doc_text),
        language=_language(sizes),
        content_hash=_digest(hashlib.sha256(), doc_text),
        warnings=tuple(warnings),
        page_labels=labels,
    )


def _paged_drafts(segments: Iterable[Segment]) -> Iterator[Draft]:
    """iter_drafts() with each draft given its segment's pages. Classification reads a segment
    and yields at most one draft for it before reading the next, so the segment last read is the
    draft's own."""
    last: list[Segment] = []

    def remembered() -> Iterator[Segment]:
        for segment in segments:
            last[:] = [segment]
            yield segment

    for draft in iter_drafts(remembered()):
        segment = last[0]
        draft.page, draft.page_end = segment.page, max(segment.page_end, segment.page)
        yield draft


def _drop_repeats(drafts: Iterable[Draft]) -> Iterator[Draft]:
    """Extraction sometimes emits a paragraph twice in a row; the author wrote it once."""
    last: Draft | None = None
    for draft in drafts:
        if last is not None and last.text == draft.text and last.kind == draft.kind:
            continue
        last = draft
        yield draft


def _hasher(kind: str, text: str) -> hashlib._Hash:
    """The hash a block's id is cut from (its first six bytes, "-n" added for the nth block saying
    the same): stable across re-ingest and unaffected by edits elsewhere."""
    if len(text) <= _HASH_SLICE:  # most blocks: one encode and one call (a tenth of ingest on tiny lines)
        return hashlib.sha1(f"{kind}\x00{text}".encode())
    hasher = hashlib.sha1(f"{kind}\x00".encode())
    _feed(hasher, text)
    return hasher


# Text is hashed a slice at a time: encoding a megabyte at once makes a copy of it in UTF-8.
_HASH_SLICE = 65536


def _feed(hasher: hashlib._Hash, text: str) -> None:
    """Feed `hasher` text in UTF-8 a slice at a time: the same as encoding it whole, since a str
    slice never splits a character."""
    for k in range(0, len(text), _HASH_SLICE):
        hasher.update(text[k : k + _HASH_SLICE].encode("utf-8"))


def _digest(hasher: hashlib._Hash, text: str) -> str:
    """The hex digest of `hasher` fed with text in UTF-8."""
    _feed(hasher, text)
    return hasher.hexdigest()


def _noise_or(draft: Draft) -> Draft:
    """A paragraph or heading that is infographic debris becomes a NOISE block (see noise.py)."""
    if draft.kind in (PARAGRAPH, HEADING) and is_noise(draft.text):
        return replace(draft, kind=NOISE, level=0, label="")
    return draft


def _assign(drafts: Iterable[Draft], page_labels: tuple[str, ...] = ()) -> tuple[BlocksBuilder, Counter[str]]:
    """The blocks, with ids and offsets (and pages, labelled by `page_labels`), in columns; and
    how many characters each language has."""
    builder = BlocksBuilder()
    # How often each (kind, text) has come so far, by the hash its id is cut from (not by the
    # text: that would keep a str a block).
    seen: dict[bytes, int] = {}
    sizes: Counter[str] = Counter()
    append = builder.append_hashed
    for draft in map(_noise_or, drafts):
        kind, text, lang = draft.kind, draft.text, draft.lang
        digest = _hasher(kind, text).digest()
        occurrence = seen[digest] = seen.get(digest, 0) + 1
        append(digest[:6], occurrence, kind, draft.level, text, lang, draft.label)
        if page_labels and draft.page >= 0:
            builder.set_pages(len(builder) - 1, _page_label(page_labels, draft.page), _page_label(page_labels, draft.page_end))
        sizes[lang] += len(text)
    del seen
    _pair_translations(builder)
    return builder, sizes


def _page_label(labels: tuple[str, ...], index: int) -> str:
    """The label of page `index` (counted on past the last label, should a source name fewer)."""
    if index < len(labels):
        return labels[index]
    last = labels[-1]
    return str(int(last) + index - len(labels) + 1) if last.isdigit() else str(index + 1)


def _pair_translations(blocks: BlocksBuilder) -> None:
    """English blocks that follow a Chinese block translate it (bilingual editions only); a translated
    numbered block ("1. Striving…" for "（一）大力推进…") takes its original's level."""
    english = sum(1 for n in range(len(blocks)) if blocks.lang(n) == "en")
    chinese = len(blocks) - english
    if not chinese or english < _MIN_TRANSLATION_SHARE * len(blocks):
        return
    source: int | None = None
    for n in range(len(blocks)):
        if blocks.lang(n) != "en":
            source = n
            continue
        if source is None:
            continue
        blocks.set_translation_of(n, blocks.id(source))
        label, original = blocks.label(n), blocks.label(source)
        if label and original and blocks.level(n) != blocks.level(source):
            blocks.set_level(n, blocks.level(source))


def _guess_title(blocks: Blocks) -> str:
    for block in blocks[:8]:
        if block.kind == HEADING:
            return block.text
    for block in blocks[:8]:
        if len(block.text) <= 40:
            return block.text
    return blocks[0].text[:40]


def _guess_year(title: str, text: str) -> int | None:
    for source in (title, text[:_YEAR_SCAN]):
        match = _YEAR.search(source) or (_YEAR_PLAIN.search(source) if source is title else None)
        if match:
            return int(match.group(1))
    return None


def _language(sizes: Counter[str]) -> str:
    total = sum(sizes.values()) or 1
    if sizes["en"] / total >= 0.9:
        return "en"
    if sizes["en"] / total >= 0.15 and sizes["zh"]:
        return "zh+en"
    return "zh"
