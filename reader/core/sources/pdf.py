"""A PDF's text layer as hard-wrapped lines, page by page, through PDFium (pypdfium2).

Lines are built from PDFium's character list, grouped by baseline, not from PDFium's own line
breaks: those join a line that starts with "——" to the line above and split a line after a
closing quote drawn in a fallback font (measured in the PDF library evaluation for issue 11).
Characters on one baseline far apart (table cells, a page number beside a header) are kept apart
by a space. PDFium folds double-struck (fake bold) glyphs by itself.

Pages are joined with "\\f" (reader.core.sources.PAGE_BREAK); each page's label is the PDF's own
(/PageLabels) when it has them, else the page number printed on the page (12, - 12 -, 第12页,
—12—, 12/45), else its position.

PDFium is not thread-safe: every call into it holds _PDFIUM.
"""

from __future__ import annotations

import ctypes
import re
import threading
from typing import TYPE_CHECKING, Any

from reader.core.decode import MAX_INPUT_BYTES, size_error
from reader.core.sources import PAGE_BREAK, PDF, Source
from reader.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

_PDFIUM = threading.Lock()

# pypdfium2.raw error codes (FPDF_ERR_*), named here so the import stays lazy.
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

# A new line starts when the baseline moves by more than this share of the taller glyph box.
_BASELINE_TOLERANCE = 0.5
# A gap wider than this share of the glyph height between two characters on one baseline is a
# space (PDFium's generated spaces are skipped: they are its guesses, and it guesses between
# Chinese characters too).
_SPACE_GAP = 0.15
# Code points PDFium reports that are not text: line breaks it adds, and "no character".
_NOT_TEXT = frozenset((0x0A, 0x0D, 0xFFFE, 0xFFFF, 0))

# A page-number line as printed: 12, - 12 -, —12—, 第12页, 12/45 (after the radical fold, so
# 第12⻚ counts).
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－~～]*\s*(\d{1,4})\s*[-–—－~～]*|第\s*(\d{1,4})\s*[页頁]|(\d{1,4})\s*/\s*\d{1,4})$"
)
# How many lines at the top and bottom of a page may hold its number.
_NUMBER_REACH = 2


def read_pdf(data: bytes, name: str = "") -> Source:
    """A PDF's text as flowing lines, "\\f" before each page after the first, with its page labels;
    InputError (one sentence naming the file) when it is too large, password-protected, damaged
    or has no text layer."""
    label = name or "The PDF"
    if len(data) > MAX_INPUT_BYTES:
        raise size_error(label, len(data))
    with _PDFIUM:
        pages, own_labels = _extract(data, label)
    if not any(line.strip() for page in pages for line in page):
        raise InputError(
            f"{label} has no text layer (a scanned image); run OCR on it first (e.g. ocrmypdf) and import the result"
        )
    labels = own_labels if any(own_labels) else tuple(_printed_labels(pages))
    labels = tuple(text or str(k + 1) for k, text in enumerate(labels))
    return Source(PDF, text=PAGE_BREAK.join("\n".join(page) for page in pages), page_labels=labels)


def _extract(data: bytes, label: str) -> tuple[list[list[str]], tuple[str, ...]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        # pypdfium2 5 names PDFium's error code; 4 leaves it to FPDF_GetLastError (this thread's,
        # and the lock keeps it ours).
        code = getattr(error, "err_code", None)
        raise _open_error(label, pdfium.raw.FPDF_GetLastError() if code is None else code) from None
    try:
        pages: list[list[str]] = []
        labels: list[str] = []
        for k in range(len(document)):
            page = document[k]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(page_lines(textpage.raw))
                finally:
                    textpage.close()
            finally:
                page.close()
            labels.append(_page_label(document.raw, k))
        return pages, tuple(labels)
    except pdfium.PdfiumError:
        raise _damaged(label) from None
    finally:
        document.close()


def _page_label(document: Any, index: int) -> str:
    """The PDF's own label of a page (/PageLabels), "" when it has none (through the C API, which
    every pypdfium2 4.x and 5.x has)."""
    import pypdfium2.raw as raw

    size = raw.FPDF_GetPageLabel(document, index, None, 0)  # bytes of UTF-16LE with its 2-byte NUL
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    raw.FPDF_GetPageLabel(document, index, buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _open_error(label: str, code: int | None) -> InputError:
    if code in (_ERR_PASSWORD, _ERR_SECURITY):
        return InputError(
            f"{label} is password-protected; open it in a PDF reader, save an unprotected copy, and import that"
        )
    return _damaged(label)


def _damaged(label: str) -> InputError:
    return InputError(
        f"{label} is damaged or not a PDF; download it again, or open it in a PDF reader and save a new copy"
    )


def page_lines(textpage: Any) -> list[str]:
    """One page's text as the lines it shows: characters in content-stream order, a new line where
    the baseline moves, a space where characters on one baseline stand apart."""
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()  # the loose box: the glyph's advance and the font's height, not its ink
    lines: list[list[str]] = []
    line_y = 0.0
    line_h = 0.0
    last_right = 0.0
    for k in range(count):
        code = raw.FPDFText_GetUnicode(textpage, k)
        if code in _NOT_TEXT or raw.FPDFText_IsGenerated(textpage, k) == 1:
            continue
        raw.FPDFText_GetCharOrigin(textpage, k, ctypes.byref(x), ctypes.byref(y))
        raw.FPDFText_GetLooseCharBox(textpage, k, ctypes.byref(box))
        height = max(box.top - box.bottom, 0.0)
        if not lines or abs(y.value - line_y) > _BASELINE_TOLERANCE * max(height, line_h, 1.0):
            lines.append([])
            line_y, line_h = y.value, height
        else:
            line_h = max(line_h, height)
            if code != 0x20 and lines[-1][-1:] != [" "] and box.left - last_right > _SPACE_GAP * max(line_h, 1.0):
                lines[-1].append(" ")
        lines[-1].append(chr(code))
        if code != 0x20:
            last_right = box.right
    return ["".join(line).rstrip() for line in lines]


def _printed_labels(pages: Sequence[list[str]]) -> list[str]:
    """The page number printed on each page ("" where none is found): from the last lines first,
    then the first ones, folded so radicals (第12⻚) and full-width digits read as the rest."""
    from reader.core.normalize import normalize_chars

    labels: list[str] = []
    for lines in pages:
        shown = [line for line in lines if line.strip()]
        candidates = shown[::-1][:_NUMBER_REACH] + shown[:_NUMBER_REACH]
        found = ""
        for line in candidates:
            match = _PAGE_NUMBER.match(normalize_chars(line).strip())
            if match:
                found = next(group for group in match.groups() if group)
                break
        labels.append(found)
    return labels
