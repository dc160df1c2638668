"""The library: one local SQLite file (through sqlite-utils) holding documents and their blocks."""

from reader.store.library import DOCUMENT_KINDS, DocumentInfo, Library
from reader.store.location import library_path
from reader.store.schema import SCHEMA_VERSION

__all__ = ["DOCUMENT_KINDS", "SCHEMA_VERSION", "DocumentInfo", "Library", "library_path"]
