"""Opening a sample document in a test window, as the library dock does, and waiting until its
extraction has been painted."""

from __future__ import annotations


def open_titled(window, qtbot, title: str) -> int:
    (info,) = [i for i in window.library.documents() if i.title == title]
    with qtbot.waitSignal(window.extraction_ready, timeout=10_000):
        window.open_document(info.id)
    return info.id
