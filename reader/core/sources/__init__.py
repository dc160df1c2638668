"""What a file holds, before layout repair: a file's bytes in, its text or its paragraphs out.

Formats: PDF, Word (DOCX), web pages (HTML), Markdown and plain text. The format is told by the
bytes, not the name: a PDF saved as .txt is read as a PDF, and a text file named .pdf is refused
as a damaged PDF only when it starts like one.

Two shapes come out (a Source):
- flowing text (PDF, plain text): lines as they were laid out, hard-wrapped, with page numbers and
  running headers, for reader.core.layout to repair like any extracted text. A paged source puts
  "\\f" (form feed, as pdftotext does) before each page after the first, and may name its pages.
- paragraphs (DOCX, HTML, Markdown): the markup already says where each paragraph, heading and
  table row begins, so layout repair is skipped and each becomes one Segment.

Each format's reader is imported only when a file of that format is read (PDFium, python-docx
and lxml cost start-up time the window does not need).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core import pages
from reader.core.layout import Segment

PDF = "pdf"
DOCX = "docx"
HTML = "html"
MARKDOWN = "markdown"
TEXT = "text"

# The form feed that opens each page after the first in a paged source's text (reader.core.pages).
PAGE_BREAK = pages.PAGE_BREAK


@dataclass(frozen=True, slots=True)
class Source:
    """A file's content in one of the two shapes above, with what the reader should be told."""

    kind: str
    # Flowing text (PDF, plain text); "" for a source of paragraphs.
    text: str = ""
    # Paragraphs in reading order (DOCX, HTML, Markdown); None for flowing text.
    segments: tuple[Segment, ...] | None = None
    # Page labels as printed (or "1", "2", …), one per page; () when the source has no pages.
    page_labels: tuple[str, ...] = ()
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


def sniff(data: bytes, name: str = "") -> str:
    """The format of a file's bytes: PDF, DOCX, HTML, Markdown or text (the name decides only
    between Markdown and text, which look alike)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data[:1024].lstrip(b" \t\r\n\x00").startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return DOCX
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return HTML
    if lowered.startswith(b"<") and any(tag in lowered for tag in (b"<head", b"<body", b"<meta", b"<title")):
        return HTML
    if name.lower().endswith((".md", ".markdown")):
        return MARKDOWN
    return TEXT


def read_source(data: bytes, name: str = "") -> Source:
    """A file's bytes as a Source; InputError (one sentence naming the file) when they cannot be
    read as what they are. Each format's branch imports its reader when it is needed."""
    kind = sniff(data, name)
    if kind == PDF:
        from reader.core.sources.pdf import read_pdf

        return read_pdf(data, name)
    if kind == DOCX:
        from reader.core.sources.docx import read_docx

        return read_docx(data, name)
    if kind == HTML:
        from reader.core.sources.html import read_html

        return read_html(data, name)
    from reader.core.decode import decode_report

    decoded = decode_report(data, name)
    warnings = (decoded.warning,) if decoded.warning else ()
    if kind == MARKDOWN:
        from reader.core.sources.markdown import read_markdown

        return read_markdown(decoded.text, encoding=decoded.encoding, warnings=warnings)
    return Source(TEXT, text=decoded.text, encoding=decoded.encoding, warnings=warnings)
