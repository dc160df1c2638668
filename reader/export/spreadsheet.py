"""CSV exports: "csv" (every field, for a spreadsheet) and "readwise" (Readwise's bulk import).

Both are UTF-8 with a byte-order mark (so Excel reads Chinese as Chinese), with CRLF line ends
(the csv module's default, RFC 4180), and every cell that starts with =, +, -, @, a tab or a
carriage return gets a leading ' so a spreadsheet shows it as text instead of running it as a
formula (the OWASP CSV-injection rule). That changes such a note by one character; the W3C JSON
export keeps notes exactly.

"csv": one row per highlight, columns id, uuid, document (its title), year, section (the heading
path joined with " › "), page (the printed page or pages the passage is on, "12" or "12–13";
empty when the document has no pages), quote (in the chosen script), note, tags (joined with ", "), colour
(the user's name for it where named), start, end (offsets in the document's text), status
(anchored / orphaned), created, modified (ISO 8601).

"readwise": the columns of readwise.io/import_bulk, exactly Highlight, Title, Author, URL,
Note, Location, Date (only Highlight is required there):
- Title: the document's title, so each document becomes one Readwise "book".
- Author: left empty. The library records no author, and a guess ("国务院" for a report) would
  be wrong for commentaries and translations.
- URL: left empty. Documents are local files; a different URL per highlight would also make
  Readwise treat each highlight as a separate item.
- Note: the tags first, as Readwise's inline tags (".policy_term .target": a note that starts
  with a period and a single word becomes a tag, see docs.readwise.io/readwise/guides/action-tags;
  spaces in a tag become _), then the note on the next line.
- Location: an integer, as Readwise expects: the highlight's 1-based character position in the
  document, so highlights sort in reading order and keep their place across exports. Empty for
  an orphan, whose position is no longer known.
- Date: when the highlight was made, "YYYY-MM-DD HH:MM:SS" in UTC.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from reader.export import Format, register
from reader.export.model import ExportSet

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "id",
    "uuid",
    "document",
    "year",
    "section",
    "page",
    "quote",
    "note",
    "tags",
    "colour",
    "start",
    "end",
    "status",
    "created",
    "modified",
)
READWISE_COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run: one starting like a formula gets a leading '."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise("" if cell is None else str(cell)) for cell in row])
    return BOM + out.getvalue()


def render_csv(export_set: ExportSet) -> str:
    rows = []
    for doc in export_set.documents:
        for h in doc.highlights:
            a = h.annotation
            rows.append(
                (
                    a.id,
                    a.uuid,
                    doc.info.title,
                    doc.info.year,
                    " › ".join(h.section),
                    h.pages,
                    h.quote,
                    h.note,
                    ", ".join(a.tags),
                    h.color_name,
                    a.start,
                    a.end,
                    a.status,
                    a.created,
                    a.modified,
                )
            )
    return _table(CSV_COLUMNS, rows)


def readwise_tag(tag: str) -> str:
    """A tag as a Readwise inline tag: a period and one word (`policy term` → `.policy_term`)."""
    return "." + "_".join(tag.split())


def readwise_note(tags: Sequence[str], note: str) -> str:
    lines = [" ".join(readwise_tag(t) for t in tags)] if tags else []
    if note.strip():
        lines.append(note)
    return "\n".join(lines)


def readwise_date(stamp: str) -> str:
    """An ISO 8601 time as Readwise's "YYYY-MM-DD HH:MM:SS" in UTC ("" if it is not one)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def render_readwise(export_set: ExportSet) -> str:
    rows = []
    for doc in export_set.documents:
        for h in doc.highlights:
            a = h.annotation
            place = "" if a.orphaned else a.start + 1
            rows.append((h.quote, doc.info.title, "", "", readwise_note(a.tags, h.note), place, readwise_date(a.created)))
    return _table(READWISE_COLUMNS, rows)


CSV = register(Format("csv", "Spreadsheet (CSV)", "csv", render_csv))
READWISE = register(Format("readwise", "Readwise (CSV import)", "csv", render_readwise))
