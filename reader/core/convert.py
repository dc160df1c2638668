"""Script conversion with an exact offset map between original and converted text.

OpenCC converts phrase by phrase, and a phrase may change length (s2twp: U盘 → 隨身碟).
We convert the text once as a whole and once character by character (each character on its
own, so no phrase can match); where the two differ, the characters were taken as a phrase,
and aligning the two gives the spans that map onto each other. A line is aligned in pieces of
a few dozen characters, cut where no phrase can span (after punctuation and spaces, which no
OpenCC phrase contains) or where converting the two sides apart gives the same output, so
the time is linear in the text's length: a 5 MB line or a line of one phrase repeated
200,000 times converts in seconds, not hours.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import chain, pairwise

from reader.core.model import Document
from reader.core.opencc_backend import Converter, converter, normalise_config

# config → (human name, English name); the human names are what the toolbar combo shows.
CONFIG_NAMES: dict[str, tuple[str, str]] = {
    "s2t": ("繁體（OpenCC 標準）", "Traditional (OpenCC standard)"),
    "s2tw": ("繁體（台灣）", "Traditional (Taiwan)"),
    "s2twp": ("繁體（台灣，含慣用詞）", "Traditional (Taiwan, with phrases)"),
    "s2hk": ("繁體（香港）", "Traditional (Hong Kong)"),
    "s2hkp": ("繁體（香港，含慣用詞）", "Traditional (Hong Kong, with phrases)"),
    "t2s": ("简体", "Simplified"),
    "tw2s": ("简体（自台湾繁体）", "Simplified (from Taiwan)"),
    "tw2sp": ("简体（自台湾繁体，含惯用词）", "Simplified (from Taiwan, with phrases)"),
    "hk2s": ("简体（自香港繁体）", "Simplified (from Hong Kong)"),
    "hk2sp": ("简体（自香港繁体，含惯用词）", "Simplified (from Hong Kong, with phrases)"),
    "t2tw": ("繁體 → 台灣字形", "Traditional → Taiwan glyphs"),
    "t2hk": ("繁體 → 香港字形", "Traditional → Hong Kong glyphs"),
    "tw2t": ("台灣字形 → 繁體", "Taiwan glyphs → Traditional"),
    "hk2t": ("香港字形 → 繁體", "Hong Kong glyphs → Traditional"),
    "t2jp": ("繁體 → 日本新字體", "Traditional → Japanese Shinjitai"),
    "jp2t": ("日本新字體 → 繁體", "Japanese Shinjitai → Traditional"),
}


def default_config(script: str) -> str:
    """The conversion a reader of the opposite script wants first."""
    return "t2s" if script == "traditional" else "s2t"


@dataclass(frozen=True)
class OffsetMap:
    """Maps code-point offsets between an original text and its conversion, both ways.

    Stored as aligned break points: (orig[k], conv[k]) are positions that correspond exactly.
    Between two break points text maps one to one when both sides have equal length; otherwise
    the span is a converted phrase and any offset inside it maps to the whole phrase.
    """

    orig: array[int]
    conv: array[int]
    phrase: bytes

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("q", [0, length]), array("q", [0, length]), b"\x00")

    def to_converted(self, offset: int, *, end: bool = False) -> int:
        return _map(self.orig, self.conv, self.phrase, offset, end)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        return _map(self.conv, self.orig, self.phrase, offset, end)

    def span_to_converted(self, start: int, end: int) -> tuple[int, int]:
        return self.to_converted(start), self.to_converted(end, end=True)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end, end=True)


def _map(src: array[int], dst: array[int], phrase: bytes, offset: int, end: bool) -> int:
    offset = max(0, min(offset, src[-1]))
    k = bisect_right(src, offset) - 1
    if k >= len(src) - 1:
        return dst[-1]
    delta = offset - src[k]
    src_len = src[k + 1] - src[k]
    dst_len = dst[k + 1] - dst[k]
    if delta == 0:
        return dst[k]
    if src_len == dst_len and not phrase[k]:
        return dst[k] + delta
    # Inside a phrase that changed length: a start snaps back, an end snaps forward.
    return dst[k + 1] if end else dst[k]


@dataclass(frozen=True)
class Conversion:
    config: str
    original: str
    text: str
    offsets: OffsetMap


def convert_text(text: str, config: str) -> Conversion:
    """Convert `text` with an OpenCC config, keeping line breaks and an exact offset map.

    Linear in the text's length: a line is aligned piece by piece, each piece at most a few
    dozen characters and converting on its own to exactly its part of the line's output. The
    memory it adds is the converted text (none when nothing changes: the text itself is the
    result) and a slice of the text at a time: no list of the lines, no per-line copies.
    """
    stem = normalise_config(config)
    opencc = converter(stem)
    converted = _convert_whole(opencc, text)
    if converted.count("\n") != text.count("\n"):
        # OpenCC keeps line breaks; should a dictionary ever span one, convert line by line.
        converted = "\n".join([opencc.convert(line) for line in text.split("\n")])
    table = _per_character_table(opencc, text)
    points = _Points()
    if table or converted is not text:
        aligner = _Aligner(opencc)
        for o, line_end, c, out_end in _phrase_lines(text, converted, table):
            # A phrase conversion happened on this line: align it piece by piece.
            line, out = text[o:line_end], converted[c:out_end]
            for i1, i2, j1, j2 in _pieces(aligner, line, out):
                piece, piece_out = line[i1:i2], out[j1:j2]
                chars = piece.translate(table)
                if chars == piece_out and len(piece_out) == len(piece):
                    continue  # converted character by character, one for one
                points.mark(o + i1, c + j1)
                if len(chars) == len(piece):
                    for a, b, x, y, is_phrase in aligner.spans(piece, chars, piece_out):
                        points.mark(o + i1 + a, c + j1 + x)
                        points.mark(o + i1 + b, c + j1 + y, phrase=is_phrase)
                    points.mark(o + i2, c + j2)
                else:
                    # A character that converts to several (tw2sp: 埠 → 端口): the piece maps whole.
                    points.mark(o + i2, c + j2, phrase=True)
    points.mark(len(text), len(converted))
    return Conversion(stem, text, converted, OffsetMap(points.orig, points.conv, bytes(points.phrase)))


# OpenCC is given the text a chunk of about this many characters at a time: converting a
# megabyte in one call holds its UTF-8 bytes and a decoding buffer beside the result (4 bytes
# of memory a byte of the file, where the result alone is 1-2).
_CHUNK = 1 << 14
# A line is compared with its conversion a window of this many characters at a time.
_WINDOW = 1 << 14
# Short lines are compared this many characters at a time, when at least _MANY_LINES lines start
# there (a comparison that fails costs a translation of the window; a report's paragraphs are
# compared one by one, as they were).
_LINES_WINDOW = 1 << 12
_MANY_LINES = 64


def _convert_whole(opencc: Converter, text: str) -> str:
    """opencc.convert(text), a chunk at a time; the text itself when no chunk changes (a
    Simplified text folded to Simplified costs nothing)."""
    if len(text) <= _CHUNK:
        out = opencc.convert(text)
        return text if out == text else out
    parts: list[str] | None = None  # the converted chunks from the first that changed
    start = 0
    while start < len(text):
        end = _chunk_end(text, start)
        chunk = text[start:end]
        out = opencc.convert(chunk)
        if parts is not None:
            parts.append(out)
        elif out != chunk:
            parts = [text[:start], out]
        start = end
    return text if parts is None else "".join(parts)


def _chunk_end(text: str, start: int) -> int:
    """Where the chunk from `start` ends: after the last cut character in its first _CHUNK
    characters (else the first after them, else the text's end)."""
    limit = start + _CHUNK
    if limit >= len(text):
        return len(text)
    newline = text.rfind("\n", start, limit)
    if newline >= 0:
        return newline + 1
    back = _CHUNK_CUT.search(text[limit - 256 : limit][::-1])  # the last cut in the window's tail
    if back is not None:
        return limit - back.start()
    after = _CHUNK_CUT.search(text, limit - 256)
    return after.end() if after else len(text)


def _phrase_lines(text: str, converted: str, table: dict[int, str]) -> Iterator[tuple[int, int, int, int]]:
    """(o, e, c, f) of each line text[o:e] converted as converted[c:f] otherwise than character
    by character, one for one: the lines where a phrase was taken. Lines are compared a window
    at a time (several short lines together while they all convert one for one)."""
    one_for_one = all(len(piece) == 1 for piece in table.values())
    n, m = len(text), len(converted)
    o = c = 0
    walk_until = -1  # a window that failed: its lines are compared one by one
    while o <= n:
        if one_for_one and o > walk_until and text.count("\n", o, o + _LINES_WINDOW) >= _MANY_LINES:
            newline = text.rfind("\n", o, o + _LINES_WINDOW)
            if newline >= 0:
                length = newline + 1 - o
                if text[o : o + length].translate(table) == converted[c : c + length]:
                    o, c = o + length, c + length
                    continue
                walk_until = newline
        e = text.find("\n", o)
        e = n if e < 0 else e
        f = converted.find("\n", c)
        f = m if f < 0 else f
        if not _one_for_one(text, o, e, converted, c, f, table, one_for_one):
            yield o, e, c, f
        o, c = e + 1, f + 1


def _one_for_one(text: str, o: int, e: int, converted: str, c: int, f: int, table: dict[int, str], one_for_one: bool) -> bool:
    """Whether text[o:e] converts to converted[c:f] character by character, one for one."""
    if e - o != f - c:
        return False
    if not one_for_one:
        return text[o:e].translate(table) == converted[c:f]
    return all(
        text[a : min(a + _WINDOW, e)].translate(table) == converted[c + a - o : c + min(a + _WINDOW, e) - o]
        for a in range(o, e, _WINDOW)
    )


_SEPARATOR = "\x01"


def _per_character_table(opencc: Converter, text: str) -> dict[int, str]:
    """What each character of the text converts to on its own (so no phrase rule can apply),
    for str.translate; only characters that change are listed. Each distinct character is
    converted once, whatever the text's length."""
    distinct = sorted(set(text) - {"\n", _SEPARATOR})
    pieces = opencc.convert(_SEPARATOR.join(distinct)).split(_SEPARATOR) if distinct else []
    if len(pieces) != len(distinct):
        pieces = [opencc.convert(ch) for ch in distinct]
    return {ord(ch): piece for ch, piece in zip(distinct, pieces, strict=True) if piece != ch}


# Characters in no OpenCC dictionary key longer than one character (checked against every
# dictionary OpenCC ships, in tests/unit/test_linear_time.py): no phrase spans them, so a line
# converts as the concatenation of its parts cut after each. Not "-", "·", Latin letters or 〇,
# which some phrases contain (U盘, 亚历杭德罗·冈萨雷斯).
PHRASE_FREE = " \t\r\f\v\u3000\u2028\u2029\u0085，。、；：！？,.;:!?…—“”‘’「」『』（）()《》〈〉【】[]"
_PHRASE_FREE_RUN = re.compile(f"[{re.escape(PHRASE_FREE)}]+")
# Characters in no OpenCC dictionary key longer than one character (PHRASE_FREE; the
# line break, lower-case Latin letters and digits are in none either, checked in
# tests/unit/test_memory_extraction.py): a text converts as its chunks cut after any of them.
_CHUNK_CUT = re.compile("[\n0-9a-z" + re.escape(PHRASE_FREE) + "]")
# Pieces are aligned with a differ whose cost grows with the square of their length (worse on
# repeats): a run longer than this without a phrase-free character is cut where OpenCC agrees.
_PIECE = 48
# A cut is confirmed on this much of the text after it, not the whole rest: a phrase is far
# shorter (OpenCC's longest key is 15 characters), and checking the whole rest is quadratic.
_CUT_CHECK = 64


def _pieces(aligner: _Aligner, line: str, out: str) -> Iterator[tuple[int, int, int, int]]:
    """Consecutive spans (i1, i2, j1, j2) covering the line and its output, each converting on
    its own to exactly its part of the output, and at most about _PIECE characters long.

    Yielded one at a time, with no list of the line's parts: on a megabyte on one line such
    lists took ~13 bytes of memory per byte of text."""
    if len(line) <= _PIECE:
        yield 0, len(line), 0, len(out)
        return
    marked_out: str | None = None
    if _SEPARATOR not in line and _PHRASE_FREE_RUN.search(line):
        # One conversion with a separator after each phrase-free run gives every part's output.
        marked = _mark_runs(line)
        runs = marked.count(_SEPARATOR)
        marked_out = aligner.opencc.convert(marked)
        del marked
        if marked_out.count(_SEPARATOR) != runs or marked_out.replace(_SEPARATOR, "") != out:
            marked_out = None  # a dictionary that does span one of them: cut by checking instead
    if marked_out is None:
        yield from _cut_run(aligner, line, out, 0, 0)
        return
    i = j = at = 0  # in the line, its output, and the output with separators
    for part_end in chain((m.end() for m in _PHRASE_FREE_RUN.finditer(line)), (len(line),)):
        separator = marked_out.find(_SEPARATOR, at)
        if separator < 0:
            separator = len(marked_out)
        part_out_len = separator - at
        if part_end - i > _PIECE:
            yield from _cut_run(aligner, line[i:part_end], marked_out[at:separator], i, j)
        elif part_end > i:
            yield i, part_end, j, j + part_out_len
        i = part_end
        j += part_out_len
        at = separator + 1


# The separators are put in a slice of the line at a time: re.sub lists every part of its text
# (two strings a run) before joining them, ~7 bytes of memory a byte of a megabyte line.
_MARK_SLICE = 8192


def _mark_runs(line: str) -> str:
    """The line with _SEPARATOR after each phrase-free run; each slice ends where a run ends, so
    no run is split between two slices."""
    parts: list[str] = []
    start = 0
    while start < len(line):
        run = _PHRASE_FREE_RUN.search(line, start + _MARK_SLICE)
        end = run.end() if run else len(line)
        parts.append(_PHRASE_FREE_RUN.sub("\\g<0>" + _SEPARATOR, line[start:end]))
        start = end
    return "".join(parts)


def _cut_run(aligner: _Aligner, run: str, out: str, i0: int, j0: int) -> list[tuple[int, int, int, int]]:
    """Cut a run of text (converted as `out`) into pieces of about _PIECE characters, each cut
    where converting the two sides apart gives the same output (offsets shifted by i0, j0)."""
    cuts: list[tuple[int, int]] = [(0, 0)]
    s = c = 0
    n = len(run)
    while n - s > _PIECE:
        cut = None
        # Look back from the piece's end first, then on: a cut exists at least every phrase.
        for p in (*range(s + _PIECE, s, -1), *range(s + _PIECE + 1, min(n, s + 8 * _PIECE))):
            head = aligner.convert(run[s:p])
            q = c + len(head)
            if not out.startswith(head, c):
                continue
            if n - p <= 2 * _CUT_CHECK:
                if aligner.convert(run[p:]) == out[q:]:
                    cut = p, q
                    break
                continue
            # The text just after the cut must convert the same on its own; its last part may
            # end inside a phrase, so only the first half of it is compared.
            tail = aligner.convert(run[p : p + _CUT_CHECK])
            if out.startswith(tail[: len(tail) // 2], q):
                cut = p, q
                break
        if cut is None:
            break
        s, c = cut
        cuts.append(cut)
    # Every piece but the last converts to its part by construction; should the last not (a
    # cut confirmed on too little text), it joins the pieces before it until it does.
    while len(cuts) > 1 and aligner.convert(run[cuts[-1][0] :]) != out[cuts[-1][1] :]:
        cuts.pop()
    cuts.append((n, len(out)))
    return [(i0 + a, i0 + b, j0 + x, j0 + y) for (a, x), (b, y) in pairwise(cuts)]


class _Aligner:
    """OpenCC conversions and piece alignments remembered for one text: a text of repeats (a
    phrase thousands of times) aligns each distinct piece once."""

    def __init__(self, opencc: Converter) -> None:
        self.opencc = opencc
        self._converted: dict[str, str] = {}
        self._spans: dict[str, list[tuple[int, int, int, int, bool]]] = {}

    def convert(self, text: str) -> str:
        hit = self._converted.get(text)
        if hit is None:
            if len(self._converted) > 50_000:
                self._converted.clear()
            hit = self._converted[text] = self.opencc.convert(text)
        return hit

    def spans(self, piece: str, chars: str, out: str) -> list[tuple[int, int, int, int, bool]]:
        hit = self._spans.get(piece)
        if hit is None:
            if len(self._spans) > 50_000:
                self._spans.clear()
            hit = self._spans[piece] = _phrase_spans(self, piece, chars, out)
        return hit


# Changes this close together are first taken as one phrase, then split where OpenCC agrees.
_MAX_INNER_EQUAL = 3
# A group may begin or end inside a phrase whose edge converts to itself (软件 → 軟體 keeps 軟):
# each group takes in up to this many unchanged characters on either side before it is split.
_EDGE_CONTEXT = 4


def _phrase_spans(opencc: Converter, line: str, chars: str, out: str) -> list[tuple[int, int, int, int, bool]]:
    """Spans (i1, i2, j1, j2, is_phrase) of a line where a phrase replaced per-character output.

    SequenceMatcher may pair a character inside a phrase with itself (鼠標 → 滑鼠 shares 鼠),
    so nearby changes are grouped, then each group is split wherever converting the two
    halves separately gives the same output as converting the whole.
    """
    groups: list[list[int]] = []
    pending: tuple[int, int] | None = None
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, chars, out, autojunk=False).get_opcodes():
        if tag == "equal":
            pending = (i1, i2)
            continue
        close = pending is None or (pending[1] - pending[0] <= _MAX_INNER_EQUAL and groups and groups[-1][1] == pending[0])
        if groups and close:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
        pending = None
    regions: list[tuple[int, int, int, int]] = []
    previous_end = 0
    for n, (i1, i2, j1, j2) in enumerate(groups):
        # Equal runs are aligned one to one, so the same count moves both sides.
        before = min(_EDGE_CONTEXT, i1 - previous_end)
        following = groups[n + 1][0] if n + 1 < len(groups) else len(chars)
        after = max(0, min(_EDGE_CONTEXT, following - i2, len(out) - j2))
        previous_end = i2 + after
        regions.append((i1 - before, i2 + after, j1 - before, j2 + after))
    spans: list[tuple[int, int, int, int, bool]] = []
    for a, b, c, d in _consistent(opencc, line, out, regions):
        _split(opencc, line, chars, out, a, b, c, d, spans)
    return spans


def _consistent(opencc: Converter, line: str, out: str, regions: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Regions each of which converts on its own to exactly its part of the output.

    SequenceMatcher may pair the wrong repeats (鼠标滑鼠鼠标鼠标 → 鼠标鼠标鼠标鼠标 aligns the
    first 鼠标 of the output with the second of the input); a region that does not convert to its
    counterpart is merged with the next ones (at worst the whole line, which always does).
    """
    fixed: list[tuple[int, int, int, int]] = []
    n = 0
    while n < len(regions):
        a, b, c, d = regions[n]
        while opencc.convert(line[a:b]) != out[c:d]:
            if n + 1 < len(regions):
                n += 1
                b, d = regions[n][1], regions[n][3]
            elif (b, d) != (len(line), len(out)):
                b, d = len(line), len(out)
            elif fixed:
                a, _b, c, _d = fixed.pop()
            elif (a, c) != (0, 0):
                a, c = 0, 0
            else:
                break  # the line itself: converted as a whole, so it matches by construction
        fixed.append((a, b, c, d))
        n += 1
    return fixed


def _split(
    opencc: Converter, line: str, chars: str, out: str, a: int, b: int, c: int, d: int, spans: list[tuple[int, int, int, int, bool]]
) -> None:
    """Cut line[a:b] (converted as out[c:d]) wherever converting the two sides apart gives the
    same output, leaving the phrases OpenCC took whole. Iterative: a line of thousands of
    phrases must not exhaust the recursion limit."""
    stack = [(a, b, c, d)]
    while stack:
        a, b, c, d = stack.pop()
        cut = _first_cut(opencc, line, out, a, b, c, d)
        if cut is None:
            spans.append((a, b, c, d, chars[a:b] != out[c:d]))
            continue
        p, q = cut
        stack.append((p, b, q, d))  # popped after the left part: spans stay in order
        stack.append((a, p, c, q))


def _first_cut(opencc: Converter, line: str, out: str, a: int, b: int, c: int, d: int) -> tuple[int, int] | None:
    for p in range(a + 1, b):
        head = opencc.convert(line[a:p])
        q = c + len(head)
        if q > d or out[c:q] != head:
            continue
        if b - p <= 2 * _CUT_CHECK:
            if opencc.convert(line[p:b]) == out[q:d]:
                return p, q
            continue
        # Long rest: the text just after the cut must convert the same on its own; its last
        # part may end inside a phrase, so only the first half of it is compared.
        tail = opencc.convert(line[p : p + _CUT_CHECK])
        keep = len(tail) // 2
        if tail[:keep] == out[q : q + keep]:
            return p, q
    return None


class _Points:
    """Break points that correspond exactly in both texts; either side of a span may be empty.

    phrase[k] says the span ending at point k+1 is one converted phrase: offsets inside it
    map to the whole phrase rather than character by character.
    """

    def __init__(self) -> None:
        self.orig = array("q", [0])
        self.conv = array("q", [0])
        self.phrase = bytearray()

    def mark(self, o: int, c: int, *, phrase: bool = False) -> None:
        if o == self.orig[-1] and c == self.conv[-1]:
            return
        self.orig.append(o)
        self.conv.append(c)
        self.phrase.append(phrase)


class ConversionCache:
    """Conversions kept per (document key, config) so switching back and forth is instant."""

    def __init__(self, capacity: int = 32) -> None:
        self._items: OrderedDict[tuple[str, str], Conversion] = OrderedDict()
        self._capacity = capacity

    def get(self, key: str, text: str, config: str) -> Conversion:
        cache_key = (key, normalise_config(config))
        hit = self._items.get(cache_key)
        if hit is not None:
            self._items.move_to_end(cache_key)
            return hit
        result = convert_text(text, config)
        self._items[cache_key] = result
        if len(self._items) > self._capacity:
            self._items.popitem(last=False)
        return result


def document_key(document: Document) -> str:
    """A document's key in the conversion cache: its content hash, else one of its text."""
    # str hashes are cached on the object, so this is O(n) once per text.
    return document.content_hash or f"text:{len(document.text)}:{hash(document.text)}"


conversions = ConversionCache()
