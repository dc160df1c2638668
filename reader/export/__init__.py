"""Exporting annotated highlights: one module per format, one registry.

The CLI (`report-reader export --format NAME`) and the GUI (File ▸ Export Highlights…) both list
formats from `formats()` and write through `Format.render`, so a format added here appears in
both. Exporters take an ExportSet (reader.export.model) and return text or bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.export.model import ExportSet


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # what --format takes
    label: str  # what the export dialog shows
    extension: str  # without the dot
    render: Callable[[ExportSet], str | bytes]
    binary: bool = False  # bytes (DOCX) rather than text; cannot go to stdout


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    _FORMATS[fmt.name] = fmt
    return fmt


def formats() -> list[Format]:
    """Every registered format, in the order they were registered."""
    _load()
    return list(_FORMATS.values())


def get(name: str) -> Format:
    _load()
    try:
        return _FORMATS[name]
    except KeyError:
        from reader.errors import UsageError

        raise UsageError(f"unknown export format {name!r}; choose from {', '.join(_FORMATS)}") from None


_loaded = False


def _load() -> None:
    """Import the format modules (each registers itself) on first use, not at start-up; once,
    whether or not one of them was imported directly before."""
    global _loaded
    if _loaded:
        return
    from reader.export import brief, markdown, spreadsheet, w3c, webpage  # noqa: F401

    _loaded = True
