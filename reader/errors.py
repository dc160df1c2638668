"""Errors a user can cause. Each carries one sentence fit to show as is (CLI stderr, GUI dialog)."""


class ReaderError(Exception):
    """Base for every error the user should see as a message rather than a traceback."""


class InputError(ReaderError):
    """A file that cannot be read as a report: binary, empty, undecodable, missing."""


class LibraryError(ReaderError):
    """The library file is damaged, locked, or newer than this app."""


class NotFoundError(ReaderError):
    """An unknown document (or other) id."""


class UsageError(ReaderError):
    """A request that cannot be carried out as asked: an unknown option value, a folder for a file."""
