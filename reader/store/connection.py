"""The library's SQLite connection, with sqlite-utils' Database over it only once it is needed.

Importing sqlite-utils costs ~55 ms (it brings dateutil, click and its plugin manager), which the
window paid before showing a document it only reads. Reads (SELECT, WITH, PRAGMA) go straight
to the sqlite3 connection, which is what Database.execute does for them; the first write or table
helper makes the Database (same connection) and everything from then on goes through it, so
writes keep sqlite-utils' transaction handling.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

_READS = ("SELECT", "WITH", "PRAGMA", "EXPLAIN")

Parameters = Sequence[Any] | Mapping[str, Any]


def _is_read(sql: str) -> bool:
    return sql.lstrip().split(None, 1)[0].upper() in _READS if sql.strip() else False


class Connection:
    """execute / table / close, as the store uses sqlite_utils.Database."""

    def __init__(self, path: str, *, uri: bool = False) -> None:
        self.conn = sqlite3.connect(path, uri=uri)
        self.conn.execute("PRAGMA recursive_triggers = on")  # as Database() sets it
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn)
        return self._database

    def execute(self, sql: str, parameters: Parameters | None = None) -> sqlite3.Cursor:
        if self._database is None and _is_read(sql):
            return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
        return self.database.execute(sql, parameters)  # type: ignore[arg-type]

    def table(self, name: str) -> Table:
        return self.database.table(name)

    def close(self) -> None:
        self.conn.close()
