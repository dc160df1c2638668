"""Results that depend on a document's text alone, kept in memory by content hash.

The years table, the outcomes and the term timeline each keep their extractions this way: asked
again (the window refreshing after an import), they read only the documents they have not seen.
Bounded (cleared whole when full) and safe across threads (the window computes in a worker).
"""

from __future__ import annotations

from threading import Lock
from typing import Generic, TypeVar

V = TypeVar("V")

_LIMIT = 512


class ContentCache(Generic[V]):
    def __init__(self) -> None:
        self._items: dict[str, V] = {}
        self._lock = Lock()

    def get(self, content_hash: str | None) -> V | None:
        """The value kept for this content; None when there is none (or no hash to key it by)."""
        if not content_hash:
            return None
        with self._lock:
            return self._items.get(content_hash)

    def put(self, content_hash: str | None, value: V) -> None:
        if not content_hash:
            return
        with self._lock:
            if len(self._items) >= _LIMIT:
                self._items.clear()
            self._items[content_hash] = value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
