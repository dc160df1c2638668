"""PDF-wrap repair: turn extracted lines back into the paragraphs, footnotes and tables an author wrote.

PDF text arrives hard-wrapped at the column width, often with a blank line after every line, page
numbers and footnotes in the middle of sentences, and tables flattened into short lines. Nothing
here is about meaning: it is line geometry (display width, trailing spaces, punctuation).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.labels import find_label
from reader.core.pages import PAGE_BREAK
from reader.core.tables import TABLE_CAPTION, TABLE_SOURCE, parse_table, rows_end

# Share of text lines followed by exactly one blank line above which blank lines are spacing.
_DOUBLE_SPACED = 0.5
# Lines wider than this (display columns) are not hard-wrapped PDF lines but whole paragraphs.
_MAX_WRAP_WIDTH = 130
# A line ending a sentence this many columns short of the column width ends its paragraph.
_FINAL_TOLERANCE = 3
# A line not ending a sentence this full (share of the column width) continues on the next line.
_CONTINUE_SHARE = 0.7
# Footnotes are set smaller, so their lines run this much wider than the body's.
_FOOTNOTE_WIDER = 1.25
_WINDOW = 3
# Share of a repeated short line's occurrences that must sit beside page numbers to make it a running header.
_HEADER_SHARE = 0.6
# ...and on at least this share of the pages.
_HEADER_PAGES = 0.5
# Across a blank line, a line must be this full (share of the column width) to continue.
_FULL_ACROSS_BLANK = 0.9
# Narrower "columns" than this are lists of short figures (targets), not wrapped prose.
_MIN_COLUMN_ACROSS_BLANK = 30

_FINAL = set("。！？；：」』”’）)!?.;:…")
_CONTINUING = set("，、,")
_SENTENCE_FINAL = set("。！？!?")
_CLAUSE_FINAL = set("；：;:")
_SENTENCE_MARK = re.compile(r"[。！？；：!?;:]")
# Closing marks a line may not start with: the character before them goes down with them.
_NO_LINE_START = set("，。、；：？！）》」』”’%")
_OPENERS = "（(「『《“〔【["
_CLOSERS = "）)」』》”〕】]"
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^第\s*\d{1,3}\s*[頁页]$|^\d{1,3}\s*/\s*\d{1,3}$")
_URL_ONLY = re.compile(r"^(?:https?://|mailto:|www\.)\S+$")
_BULLET_START = re.compile(r"^(?:●|——)")
# Lines this far either side of a line show the width its paragraph is set at.
_MEASURE_WINDOW = 6
# Narrower lines than this (display columns) say nothing about the column width.
_MIN_MEASURE = 24
# A line ending in a Han character is a wrapped line: in an evenly set text (every character one
# cell, as Chinese is typeset) this share of them is within a column of the measure.
_EVEN_SHARE = 0.7
# Wrapped lines this much narrower than the measure (display columns) are not counted either way:
# a line cut before a long number or word, a heading.
_RAGGED = 8
_EVEN_LINES = 4
# In an evenly set text, a labelled line this far short of the measure is a heading on its own.
_HEADING_SHORT = 4
# The address to the deputies always opens a paragraph.
_ADDRESS = re.compile(r"^各位代表[：！:!]")
# Words that open a paragraph of a report far more often than a sentence inside one: after a
# full line ending a sentence, they say the paragraph ended with the line.
# (The address; enumerated points; looking back (过去一年, 去年…); weighing up the outlook; "we will" pledges; the
# turn from achievements to problems; a note on the targets.)
_OPENERS_OF_PARAGRAPHS = re.compile(
    r"^(?:各位代表|[一二三四五六七八九十]是|第[一二三四五六七八九十]，|过去一年|过去五年|五年来|一年来|回顾"
    r"|去年(?:，|以来|是|[上下]半年)|综合|我们[要将]|在(?:充分)?肯定|需要说明)"
)
_NUMERALS = "一二三四五六七八九十"
_NEXT_ITEM = re.compile(r"^([二三四五六七八九十])是")
# How many lines back an enumeration's previous item is looked for.
_ITEM_REACH = 40
# A report's paragraph often opens with a short title sentence ("推进农业供给侧结构性改革。");
# inside a paragraph such a sentence mostly follows another short one (a run of brief tasks).
_TITLE_SENTENCE = 16
_BODY_SENTENCE = 20
# How much of the coming lines a decision may read.
_LOOKAHEAD = 96
_IN_SENTENCE = re.compile(r"[，。；,;]")
_FOOTNOTE_MARK = re.compile(r"^\d{1,2}[，。、；：]")


@dataclass(slots=True)
class Segment:
    """A paragraph-to-be (lines joined), a footnote, or a table row (cells).

    page/page_end: the indexes (into the source's pages, 0 the first) of the pages it starts and
    ends on; -1 when the source has no pages.
    """

    text: str
    hint: str = "paragraph"  # paragraph | footnote | table_row | caption | heading
    label: str = ""
    cells: tuple[str, ...] = ()
    # A heading from markup: its level below the document's top heading (0: the top one).
    level: int = 0
    page: int = -1
    page_end: int = -1


class _PageLine(str):
    """A line of a paged text, knowing the index of its page (only paged texts make these)."""

    page: int


def _page_of(line: str) -> int:
    return line.page if isinstance(line, _PageLine) else -1


@dataclass(slots=True, eq=False)
class _Line:
    raw: str
    text: str
    width: int
    trailing_space: bool
    label: bool = False
    after_blank: bool = False
    ref: int = 0
    typical: int = 0
    # Several nearby lines share the reference width: a real text column, not a few odd lines.
    column: bool = False
    typical_known: bool = False
    # The width the paragraph's lines are set at (the commonest width of wrapped lines nearby),
    # and whether the text is set evenly enough to tell a full line from one a character short:
    # in display columns (a grid where Latin letters and digits take half a cell) and in
    # characters (every character one cell).
    measure: int = 0
    even_width: bool = False
    measure_chars: int = 0
    even_chars: bool = False
    # The next line in the same block (for `ahead`), and the footnotes that interrupt this line
    # (None for none: a list a line cost ~60 bytes on 100,000 tiny lines).
    following: _Line | None = None
    footnotes: list[Segment] | None = None
    page: int = -1

    @property
    def ahead(self) -> str:
        """This line's text and the lines after it in the same block, cut at _LOOKAHEAD characters
        (read only for the few lines a decision needs: kept for every line, it took ~200 bytes a line)."""
        parts = []
        size = 0
        line: _Line | None = self
        while line is not None and size < _LOOKAHEAD:
            parts.append(line.text[: _LOOKAHEAD - size])
            size += len(parts[-1])
            line = line.following
        return "".join(parts)


def display_width(text: str) -> int:
    """Columns the text takes in print: CJK (and East Asian ambiguous) 2, others 1."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def segment(text: str) -> tuple[list[Segment], list[str]]:
    """Split normalised text into segments in reading order, plus warnings worth showing."""
    warnings: list[str] = []
    segments = list(iter_segments(text, warnings))
    return segments, warnings


# Sentinel for the end of a stream of lines.
_END = object()


class _Lines:
    """An iterator of lines (str, or None for a hard break) that can look ahead and take lines back."""

    def __init__(self, lines: Iterator[str | None]) -> None:
        self._lines = lines
        self._ahead: deque[str | None] = deque()

    def peek(self, n: int = 0) -> str | None | object:
        """The nth line from here (0: the next), or _END."""
        while len(self._ahead) <= n:
            line = next(self._lines, _END)
            if line is _END:
                return _END
            self._ahead.append(line)  # type: ignore[arg-type]
        return self._ahead[n]

    def take(self) -> str | None | object:
        if self._ahead:
            return self._ahead.popleft()
        return next(self._lines, _END)


def iter_segments(text: str, warnings: list[str]) -> Iterator[Segment]:
    """segment()'s segments one at a time; its warnings are added to `warnings` as they are found.

    They come a batch at a time, the last once the text has been read: a text of a few huge lines
    is let go (with the lines it was cut into) before its segments are worked on.
    """
    return _batched(_segments(text, warnings))


# Segments passed on at a time (a few kilobytes on tiny lines).
_BATCH = 256


def _batched(segments: Iterator[Segment]) -> Iterator[Segment]:
    batch: list[Segment] = []
    for seg in segments:
        batch.append(seg)
        if len(batch) >= _BATCH:
            yield from batch
            batch.clear()
    yield from batch


def _segments(text: str, warnings: list[str]) -> Iterator[Segment]:
    """iter_segments(), a segment at a time.

    The text is read a line at a time, several times: once each for the statistics of the whole
    text (double spacing, running headers, the typical width), then to join its lines, holding
    only a window of lines at a time (a list of every line and a _Line each took ~90x the size of
    a text of tiny lines).
    """
    double_spaced = _is_double_spaced(_split(text))
    headers, typical = _running_headers(lambda: _marked_lines(text, double_spaced))

    def lines() -> Iterator[str | None]:
        if not headers:
            return _marked_lines(text, double_spaced)
        return (x for x in _marked_lines(text, double_spaced) if x is None or x.strip() not in headers)

    source = _Lines(lines())
    while True:
        block = _Block(source)
        yield from _join_lines(block, typical)
        if block.table is None:
            return
        segments, table_warnings = block.table
        warnings.extend(table_warnings)
        yield from segments


# _split() cuts this many characters at a time into lines (a list of a few thousand lines at most).
_SPLIT_SLICE = 2048


def _split(text: str) -> Iterator[str]:
    """The text's lines; in a paged text (one with form feeds) a form feed breaks a line too, and
    each line is a _PageLine knowing its page."""
    if PAGE_BREAK not in text:
        return _split_lines(text)
    return _split_pages(text)


def _split_pages(text: str) -> Iterator[str]:
    page = 0
    for line in _split_lines(text):
        if PAGE_BREAK in line:
            parts = line.split(PAGE_BREAK)
            for k, part in enumerate(parts):
                page += k > 0
                if part:  # (the form feed itself is no blank line)
                    yield _paged(part, page)
            continue
        yield _paged(line, page)


def _paged(text: str, page: int) -> _PageLine:
    line = _PageLine(text)
    line.page = page
    return line


def _split_lines(text: str) -> Iterator[str]:
    """text.split("\n"), a slice of lines at a time (one find per line took a tenth of the
    layout's time on 100,000 tiny lines)."""
    start = 0
    while True:
        if len(text) - start <= _SPLIT_SLICE:
            yield from (text[start:] if start else text).split("\n")
            return
        k = text.rfind("\n", start, start + _SPLIT_SLICE)
        if k < 0:  # a line longer than the slice: alone
            k = text.find("\n", start + _SPLIT_SLICE)
            if k < 0:
                yield text[start:]
                return
            yield text[start:k]
        else:
            yield from text[start:k].split("\n")
        start = k + 1


def _marked_lines(text: str, double_spaced: bool) -> Iterator[str | None]:
    """The text's lines, None marking a hard paragraph break (a blank line in a single-spaced text)."""
    pending_break = False  # a break is held back: a page number after it is the page's bottom margin
    last: str | None = None
    for raw in _split(text):
        if raw.strip():
            if pending_break and not _PAGE_NUMBER.match(raw.strip()):
                yield None
            pending_break = False
            yield raw
            last = raw
        elif not double_spaced and last is not None and not pending_break and not _PAGE_NUMBER.match(last.strip()):
            pending_break = True
    if pending_break:
        yield None


# How far ahead of a caption its table's source line (资料来源：…) is looked for.
_TABLE_REACH = 300


def _table_lines(source: _Lines) -> list[str | None]:
    """The lines after a caption that are its table's: up to its source line or the next caption
    within _TABLE_REACH lines, else up to its first line that is not a row (PDF text has no blank
    line after a table, and a table must not take the rest of the report)."""
    lines: list[str | None] = []
    while len(lines) < _TABLE_REACH and (x := source.peek(len(lines))) is not _END:
        assert x is None or isinstance(x, str)
        if x is not None and (TABLE_SOURCE.match(x.strip()) or TABLE_CAPTION.match(x.strip())):
            return lines
        lines.append(x)
    return lines[: rows_end(["" if x is not None and _PAGE_NUMBER.match(x.strip()) else x for x in lines])]


class _Block:
    """The lines up to the next table (a caption whose rows parse), read from `source` as asked for."""

    def __init__(self, source: _Lines) -> None:
        self._source = source
        self._ahead: deque[str | None] = deque()
        self._ended = False
        self.table: tuple[list[Segment], list[str]] | None = None

    def _read(self) -> bool:
        if self._ended:
            return False
        line = self._source.take()
        if line is _END:
            self._ended = True
            return False
        assert line is None or isinstance(line, str)
        if line is not None and "表" in line and TABLE_CAPTION.match(line.strip()):  # (every caption has 表)
            table = _table_lines(self._source)
            body = [x for x in table if x is not None and not _PAGE_NUMBER.match(x.strip())]
            rows, table_warnings = parse_table(body)
            if rows:
                for _ in table:
                    self._source.take()
                page = _page_of(line)
                # Rows are not traced back to their lines: each spans the table's pages.
                first, last = (_page_of(body[0]), _page_of(body[-1])) if body else (page, page)
                segments = [Segment(line.strip(), "caption", page=page, page_end=page)]
                segments.extend(
                    Segment("\t".join(row), "table_row", cells=tuple(row), page=first, page_end=last) for row in rows
                )
                self.table = (segments, table_warnings)
                self._ended = True
                return False
        self._ahead.append(line)
        return True

    def peek(self, n: int = 0) -> str | None | object:
        while len(self._ahead) <= n:
            if not self._read():
                return _END
        return self._ahead[n]

    def take(self) -> str | None | object:
        if self._ahead or self._read():
            return self._ahead.popleft()
        return _END

    def next_text(self, n: int) -> str | None:
        """The first line that is not a break, from the nth line on."""
        while (x := self.peek(n)) is not _END:
            if x is not None:
                assert isinstance(x, str)
                return x
            n += 1
        return None


def _is_double_spaced(raw_lines: Iterable[str]) -> bool:
    text_lines = 0
    spaced = 0
    # Whether the last two lines had text: a text line followed by one blank and then text is spaced.
    two_back: bool | None = None
    one_back: bool | None = None
    for line in raw_lines:
        has_text = bool(line.strip())
        if two_back and one_back is False and has_text:
            spaced += 1
        text_lines += has_text
        two_back, one_back = one_back, has_text
    return text_lines > 2 and spaced / text_lines > _DOUBLE_SPACED


def _running_headers(lines: Callable[[], Iterator[str | None]]) -> tuple[set[str], int]:
    """Short lines that repeat at least three times next to page numbers (page headers/footers), and
    the typical width of the lines without them.

    `lines` gives the lines afresh for each pass: one finds the short lines beside page numbers
    (and measures the widths), one counts those (only those) through the text.
    """
    near_page: Counter[str] = Counter()
    widths: Counter[int] = Counter()
    pages = 0
    # Each line is matched once (not once as each of its four neighbours' neighbour): the line two
    # back is checked against the two either side of it.
    texts: deque[str | None] = deque([None, None, None, None, None], maxlen=5)
    page_flags: deque[bool] = deque([False, False, False, False, False], maxlen=5)
    for line in lines():
        stripped = None if line is None else line.strip()
        page = False
        if stripped is not None:
            page = _PAGE_NUMBER.match(stripped) is not None
            pages += page
            # (A character is one or two columns: a line of fewer than 15 or more than 130 is out
            # of the range without being measured.)
            if 15 <= len(stripped) <= _MAX_WRAP_WIDTH and 30 <= (width := display_width(stripped)) <= _MAX_WRAP_WIDTH:
                widths[width // 2 * 2] += 1
        texts.append(stripped)
        page_flags.append(page)
        text = texts[2]
        if text is not None and len(text) <= 30 and (page_flags[0] or page_flags[1] or page_flags[2] or page_flags[3] or page):
            near_page[text] += 1
    for _ in range(2):  # the last two lines, with nothing after them
        texts.append(None)
        page_flags.append(False)
        text = texts[2]
        if text is not None and len(text) <= 30 and any(page_flags):
            near_page[text] += 1
    headers: set[str] = set()
    if near_page:
        counts: Counter[str] = Counter()
        for line in lines():
            if line is not None and (short := line.strip()) in near_page:
                counts[short] += 1
        # A header is beside (nearly) every page number; a short paragraph that recurs ("各位代表！")
        # lands beside one now and then.
        headers = {
            text
            for text, n in near_page.items()
            if counts[text] >= 3 and n >= 2 and n >= _HEADER_SHARE * counts[text] and n >= _HEADER_PAGES * pages
        }
        # Headers frame a body: when nothing but page numbers would be left (a sentence repeated
        # beside numbers), the repeated line is the text itself.
        if headers and all(x is None or x.strip() in headers or _PAGE_NUMBER.match(x.strip()) for x in lines()):
            headers = set()
        for text in headers:
            width = display_width(text)
            if 30 <= width <= _MAX_WRAP_WIDTH:
                widths[width // 2 * 2] -= counts[text]
                if not widths[width // 2 * 2]:
                    del widths[width // 2 * 2]
    return headers, _commonest_width(widths)


def _commonest_width(widths: Counter[int]) -> int:
    """The body column width: the commonest width among lines that look like full prose lines."""
    if not widths:
        return 0
    return max(widths.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _join_lines(block: _Block, typical: int) -> Iterator[Segment]:
    """Paragraphs from wrapped lines; footnotes are moved after the paragraph they interrupt."""
    # The paragraph's first line and its last _ITEM_REACH + 1 (all a decision reads), and its texts.
    current: list[_Line] = []
    texts: list[str] = []
    pending: list[Segment] = []

    def flush() -> Iterator[Segment]:
        if current:
            yield Segment(_join_texts(texts), page=current[0].page, page_end=current[-1].page)
            current.clear()
            texts.clear()
        yield from pending
        pending.clear()

    for item in _featured(_body_items(block, typical), typical):
        if item is None:
            yield from flush()
            continue
        if isinstance(item, Segment):
            yield from flush()
            yield item
            continue
        if current:
            before = current[-2] if len(current) > 1 else None
            joined = _continues_across_blank(current[-1], item) if item.after_blank else _continues(current[-1], item, before, current)
            if not joined:
                yield from flush()
        current.append(item)
        texts.append(item.text)
        if len(current) > 2 * _ITEM_REACH:
            del current[1 : len(current) - _ITEM_REACH - 1]
        item.following = None  # read only as the line being joined: let the lines after it go
        if item.footnotes:
            pending.extend(item.footnotes)
    yield from flush()


def _body_items(block: _Block, typical: int) -> Iterator[_Line | Segment | None]:
    """Body lines with page numbers gone and footnotes attached to the line they follow."""
    last_body: _Line | None = None
    # The line the next one follows, for `ahead`.
    previous: _Line | None = None
    blank = False
    while (raw := block.peek()) is not _END:
        if raw is None:
            blank = True
            block.take()
            continue
        assert isinstance(raw, str)
        stripped = raw.strip()
        if _PAGE_NUMBER.match(stripped):
            block.take()
            nxt = block.next_text(0)
            if typical and nxt is not None and display_width(nxt.strip()) > typical * _FOOTNOTE_WIDER:
                note = _read_footnote(block, stripped, typical)
                note.page = note.page_end = _page_of(raw)
                if last_body is None:
                    yield note
                else:
                    if last_body.footnotes is None:
                        last_body.footnotes = []
                    last_body.footnotes.append(note)
            continue
        block.take()
        line = _Line(raw, stripped, display_width(stripped), raw != raw.rstrip(), find_label(stripped) is not None, blank)
        if isinstance(raw, _PageLine):
            line.page = raw.page
        blank = False
        if previous is not None:
            previous.following = line
        previous = line
        last_body = line
        yield line


# Body lines given their width statistics at a time (each needs _MEASURE_WINDOW lines either side).
_CHUNK = 1024


def _featured(items: Iterator[_Line | Segment | None], typical: int) -> Iterator[_Line | Segment | None]:
    """The items, each body line given its reference width, column and measure (read from the lines
    around it), and passed on only once _LOOKAHEAD lines after it have been read: its `ahead` and
    its footnotes are complete by then."""
    pending: deque[_Line | Segment | None] = deque()
    unmeasured: list[_Line] = []
    context: list[_Line] = []  # the last measured lines, the window before the next ones
    for item in items:
        pending.append(item)
        if not isinstance(item, _Line):
            continue
        unmeasured.append(item)
        if len(unmeasured) >= _CHUNK + _LOOKAHEAD:
            _set_widths(context, unmeasured, _CHUNK, typical)
            context = (context + unmeasured[:_CHUNK])[-_MEASURE_WINDOW:]
            del unmeasured[:_CHUNK]
            last = context[-1]
            while pending:
                done = pending.popleft()
                yield done
                if done is last:
                    break
    _set_widths(context, unmeasured, len(unmeasured), typical)
    yield from pending


def _set_widths(context: list[_Line], lines: list[_Line], count: int, typical: int) -> None:
    """Width statistics for lines[:count]: context is the lines before them, lines[count:] after."""
    body = context + lines
    first = len(context)
    widths = [x.width for x in body]
    for idx in range(first, first + count):
        line = body[idx]
        window = sorted(widths[max(0, idx - _WINDOW) : idx + _WINDOW + 1], reverse=True)
        line.ref = window[1] if len(window) > 1 else window[0]
        line.typical = typical or line.ref
        line.typical_known = typical > 0
        line.column = line.ref >= 0.8 * line.typical or sum(abs(w - line.ref) <= 4 for w in window) >= 2
    _measure(body, first, first + count)


def _measure(body: list[_Line], first: int, stop: int) -> None:
    """The measure of body[first:stop], in display columns and in characters (the lines either side
    are read as their surroundings)."""
    han = [x.width >= _MIN_MEASURE and _is_han(x.text[-1]) for x in body]
    wrapped = [x.width >= _MIN_MEASURE and x.text[-1] not in _FINAL for x in body]
    long = [x.width >= _MIN_MEASURE for x in body]
    widths = _even_measures([x.width for x in body], han, wrapped, long, 1)
    chars = _even_measures([len(x.text) for x in body], han, wrapped, long, 0)
    for line, (measure, share), (measure_chars, share_chars) in zip(body[first:stop], widths[first:stop], chars[first:stop], strict=True):
        # Whichever count the wrapped lines agree on better is how the text was set.
        line.measure, line.even_width = measure, share >= share_chars and share > 0
        line.measure_chars, line.even_chars = measure_chars, share_chars > share


def _even_measures(sizes: list[int], han: list[bool], wrapped: list[bool], long: list[bool], slack: int) -> list[tuple[int, float]]:
    """For each line: the commonest size of the lines around it that end in a Han character, and how
    well the lines there agree on it: the share of long lines within `slack` below it (or hanging a
    mark past it), 0 when the wrapped lines (those not ending a sentence) are too few or too ragged
    to call the text evenly set."""
    out: list[tuple[int, float]] = []
    # The sizes of the Han-ending lines in the window, kept as the window slides (a Counter made
    # for every line was a tenth of the time on 100,000 tiny lines).
    counts: Counter[int] = Counter(size for size, ok in zip(sizes[:_MEASURE_WINDOW], han[:_MEASURE_WINDOW], strict=False) if ok)
    for idx in range(len(sizes)):
        lo, hi = max(0, idx - _MEASURE_WINDOW), idx + _MEASURE_WINDOW + 1
        if hi - 1 < len(sizes) and han[hi - 1]:
            counts[sizes[hi - 1]] += 1
        if lo > 0 and han[lo - 1]:
            counts[sizes[lo - 1]] -= 1
            if not counts[sizes[lo - 1]]:
                del counts[sizes[lo - 1]]
        if not counts:
            out.append((0, 0.0))
            continue
        measure = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
        near = [measure - slack <= size <= measure + 2 for size in sizes[lo:hi]]
        in_band = [size >= measure - _RAGGED for size in sizes[lo:hi]]
        even = _agreement(near, in_band, wrapped[lo:hi])
        out.append((measure, _agreement(near, in_band, long[lo:hi]) if even >= _EVEN_SHARE else 0.0))
    return out


def _agreement(near: list[bool], in_band: list[bool], counted: list[bool]) -> float:
    hits = sum(1 for n, c in zip(near, counted, strict=True) if n and c)
    if hits < _EVEN_LINES:
        return 0.0
    return hits / max(1, sum(1 for b, c in zip(in_band, counted, strict=True) if b and c))


def _read_footnote(block: _Block, number_line: str, typical: int) -> Segment:
    """A footnote, read from `block`: its number line (taken already, stripped), its wide text lines
    and any URL lines that trail it."""
    number = number_line.strip("-–— ")
    parts: list[str] = []
    while (raw := block.peek()) is not _END:
        if raw is None:
            block.take()
            continue
        assert isinstance(raw, str)
        stripped = raw.strip()
        wide = display_width(stripped) > typical * _FOOTNOTE_WIDER
        if _PAGE_NUMBER.match(stripped):
            nxt = block.next_text(1)
            if nxt is not None and display_width(nxt.strip()) > typical * _FOOTNOTE_WIDER:
                break  # the next footnote
            block.take()
            continue
        unfinished = bool(parts) and parts[-1][-1] not in _FINAL
        width = display_width(stripped)
        # Small print runs a little wider than the body even when it is not "wide".
        runs_on = unfinished and (width < typical * 0.6 or width >= typical + 2 * _FINAL_TOLERANCE)
        if wide or _URL_ONLY.match(stripped) or runs_on:
            if not (parts and stripped == parts[-1]):
                parts.append(stripped)
            block.take()
            continue
        break
    text = _join_texts(parts)
    return Segment(f"{number} {text}", "footnote", label=number)


def _continues(a: _Line, b: _Line, before: _Line | None = None, paragraph: Sequence[_Line] = ()) -> bool:
    """Does line b continue the paragraph that line a is in (`before` being the line above a, and
    `paragraph` the lines so far)?"""
    if _number_cut(a.text, b.text):
        return True  # …增长7. / 4%，…: one number
    if b.label:
        # "…坚持质量第 / 一、效益优先": a label-like start after a sentence cut off at a full line.
        return a.text[-1] not in _FINAL and a.text[-1] not in _CONTINUING and _full(a, b)
    if _ADDRESS.match(b.text):
        return False
    if _FOOTNOTE_MARK.match(b.text):
        return True  # "…生產率(TFP)" / "3，增大其…": a footnote mark wrapped to the next line
    if _unclosed(a.text):
        return True
    last = a.text[-1]
    if last in _CONTINUING:
        return True
    ref = a.ref
    if a.label and not _IN_SENTENCE.search(a.text):
        # A numbered heading or a bullet title on its own line ("一、2023年工作回顧", "●稳定对外贸易发展").
        if _BULLET_START.match(a.text) or a.width < ref - 2 * _FINAL_TOLERANCE:
            return False
    if a.label and before is None and _short(a) and not _SENTENCE_MARK.search(a.text) and not _indented_first(a, b):
        return False  # a heading with a comma in it ("三、加大宏观政策实施力度，着力稳企业保就业")
    # Only a text with real prose lines (a typical width) is hard-wrapped at all.
    if a.typical_known and 12 <= ref <= _MAX_WRAP_WIDTH and a.width <= _MAX_WRAP_WIDTH:
        if last in _FINAL:
            if (a.even_width or a.even_chars) and last in _SENTENCE_FINAL | _CLAUSE_FINAL:
                # Set evenly, a line ending in a mark with room for one more character ends its
                # paragraph; a full one ending a sentence does only if the next line opens a new one.
                if not _full(a, b):
                    return False
                return last not in _SENTENCE_FINAL or not _opens_paragraph(a, b, before, paragraph)
            if last in "；;" and a.width >= ref * _CONTINUE_SHARE and a.column:
                return True  # a semicolon goes on with the sentence, and digits make a line narrow
            # A paragraph's last line is short: of the column, and of the line above it.
            return a.width >= ref - _FINAL_TOLERANCE and (before is None or a.width >= before.width - 5)
        if a.width >= ref * _CONTINUE_SHARE and a.column:
            return True
    # Centred title blocks: short lines ending in a space, continued by another short line.
    if (
        a.trailing_space
        and last not in _FINAL
        and b.text[0] not in _OPENERS + "—"
        and a.width < 0.6 * a.typical
        and b.width < 0.6 * a.typical
    ):
        return True
    return False


def _full(a: _Line, b: _Line) -> bool:
    """In evenly set text: is line a full, so that b's first character could not have gone on it?

    A closing mark may not start a line, so a line may end a character early and send its last
    character down with the mark ("…质量第" / "一、效益优先").
    """
    pushed = len(b.text) > 1 and b.text[1] in _NO_LINE_START
    if a.even_width and a.width >= a.measure - 1 - 2 * pushed:
        return True
    return a.even_chars and len(a.text) >= a.measure_chars - pushed


def _indented_first(a: _Line, b: _Line) -> bool:
    """In evenly set text: is a the first line of a paragraph set with a two-character indent (as
    full as a first line gets, and cut in a word: it ends in a Han character) and b a full line
    finishing its sentence in a few characters (a heading's sentence does not end in 。)?"""
    if not _is_han(a.text[-1]):
        return False
    tail = _first_sentence(b.text)
    if tail is None or tail[-1] != "。" or len(tail) > _TITLE_SENTENCE or "，" in tail:
        return False
    if a.even_width:
        return a.width >= a.measure - _HEADING_SHORT and b.width >= a.measure - 2
    return a.even_chars and len(a.text) >= a.measure_chars - _HEADING_SHORT // 2 and len(b.text) >= a.measure_chars - 1


def _short(a: _Line) -> bool:
    """In evenly set text: is line a two characters or more short of its measure (a heading)?"""
    if a.even_width:
        return a.width <= a.measure - _HEADING_SHORT
    return a.even_chars and len(a.text) <= a.measure_chars - _HEADING_SHORT // 2


def _opens_paragraph(a: _Line, b: _Line, before: _Line | None, paragraph: Sequence[_Line] = ()) -> bool:
    """After a full line ending a sentence: does line b start a new paragraph of a report?"""
    item = _NEXT_ITEM.match(b.text)
    if item:
        # 二是… opens a paragraph where 一是… opened this one, not where 一是… is inside it.
        previous = _NUMERALS[_NUMERALS.index(item.group(1)) - 1] + "是"
        if paragraph and paragraph[0].text.startswith(previous):
            return True
        return not any(previous in line.text for line in paragraph[-_ITEM_REACH:])
    if _OPENERS_OF_PARAGRAPHS.match(b.text):
        return True
    title = _first_sentence(b.ahead)
    if title is None or len(title) > _TITLE_SENTENCE or "，" in title or "、" in title or title[-1] != "。":
        return False
    # ...followed by a long sentence (the paragraph's body), not by more short ones or by nothing.
    body = _first_sentence(b.ahead[len(title) :])
    if body is None if len(b.ahead) < _LOOKAHEAD else body is not None and len(body) <= _BODY_SENTENCE:
        return False
    if b.ahead.startswith(("一是", "第一，"), len(title)):
        return False  # 今年将采取三项举措。一是…: an announcement of the list that follows
    # The sentence before the break: a short one too means a run of brief sentences, one paragraph.
    tail = (before.text if before is not None else "") + a.text
    start = max(tail.rfind(mark, 0, len(tail) - 1) for mark in "。！？；：") + 1
    previous = tail[start:]
    return not (start > 0 and len(previous) <= _TITLE_SENTENCE and "，" not in previous)


def _first_sentence(text: str) -> str | None:
    for k, ch in enumerate(text):
        if ch in "。！？；：":
            return text[: k + 1]
    return None


def _continues_across_blank(a: _Line, b: _Line) -> bool:
    """A blank line in single-spaced text ends a paragraph unless the line before is plainly cut off."""
    if b.label or (a.label and not _IN_SENTENCE.search(a.text)):
        return False
    if _unclosed(a.text) or a.text[-1] in _CONTINUING:
        return True
    # A semicolon goes on with the sentence ("…增长5%左右；" / "城镇新增就业…"), even on a line
    # that figures (half-width digits) make narrow.
    semicolon = a.text[-1] in "；;"
    cut_off = (
        a.typical_known
        and (a.text[-1] not in _FINAL or semicolon)
        and _MIN_COLUMN_ACROSS_BLANK <= a.ref <= _MAX_WRAP_WIDTH
        and a.width >= (_CONTINUE_SHARE if semicolon else _FULL_ACROSS_BLANK) * a.ref
    )
    # ...and the line after is a paragraph's tail or body, not a stand-alone figure or caption.
    tail = b.text[-1] in _FINAL or b.text[-1] in _CONTINUING or b.width >= (_CONTINUE_SHARE if semicolon else _FULL_ACROSS_BLANK) * b.ref
    return cut_off and tail


def _unclosed(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    return depth > 0 and len(text) < 400


def _join_texts(parts: list[str]) -> str:
    out = ""
    for part in parts:
        part = part.strip()
        if not out:
            out = part
        elif _number_cut_in_chinese(out, part):
            out += part  # 城镇新增就业120 / 0万人: one number
        elif out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " " + part
        elif out[-1] in ",.;:!?)" and part[0].isascii() and part[0].isalnum():
            out += " " + part
        else:
            out += part
    return out


# A number is read across a line break from this many characters either side (longer runs are not numbers).
_NUMBER_REACH = 40
_DIGITS_AT_END = re.compile(r"\d[\d.,]*$")
_DIGITS_AT_START = re.compile(r"^[\d.,]+")


def _number_cut_in_chinese(before: str, after: str) -> bool:
    """A line break inside a number with Chinese text on either side (…就业120 / 0万人…, 4. / 06万亿元)."""
    before = before[-_NUMBER_REACH:]  # only the end matters: searching a whole paragraph per line is quadratic
    after = after[:_NUMBER_REACH]
    number_end = _DIGITS_AT_END.search(before)
    if not (number_end and before[-1] != "," and after[0].isdigit()):
        return False
    number_start = _DIGITS_AT_START.match(after)
    if number_start is None:
        return False  # ¹ ² ₂ …: isdigit(), but not a decimal digit (\d), so no number goes on here
    head = before[: number_end.start()]
    tail = after[number_start.end() :]
    return bool(head and _is_cjk(head[-1])) or bool(tail and _is_cjk(tail[0]))


def _number_cut(before: str, after: str) -> bool:
    """A line ending in a number (or its decimal point) and the next starting with digits: one number cut in two."""
    if not (after[:1].isdigit() and after[0].isascii()):
        return False
    if before[-1] == ".":
        return len(before) > 1 and before[-2].isdigit()
    return _number_cut_in_chinese(before, after)


def _is_han(ch: str) -> bool:
    return "一" <= ch <= "鿿" or "㐀" <= ch <= "䶿"


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
