"""Where the library file lives: one rule shared by the CLI, the GUI and the tests."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "REPORT_READER_LIBRARY"
APP_NAME = "report-reader"
FILE_NAME = "library.sqlite3"


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library file to use: `--library PATH` wins, then $REPORT_READER_LIBRARY, then the
    per-user data directory. Nothing is created here; Library.open makes the parent folders."""
    if explicit is not None and str(explicit):
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME
