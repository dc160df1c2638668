"""Running slow work off the GUI thread, with results delivered back through signals.

In the spirit of Anki's CollectionOp: the function runs on a QThreadPool thread and must not
touch widgets or the GUI thread's library connection; `finished` / `failed` arrive on the GUI
thread, where the result is applied.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """fn(report) runs on a pool thread; report(done, total, label) feeds a progress bar."""

    def __init__(self, fn: Callable[[Callable[[int, int, str], None]], object]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._fn = fn
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._fn(self.signals.progress.emit)
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread as a message
            # Kept on the exception for debugging; a builtin exception type has no such attribute.
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


_running: set[Job] = set()


def start(job: Job) -> Job:
    """Start a job on the global pool, keeping it alive until it reports."""
    _running.add(job)
    job.signals.finished.connect(lambda _result: _running.discard(job))
    job.signals.failed.connect(lambda _exc: _running.discard(job))
    QThreadPool.globalInstance().start(job)
    return job
