"""Start-up in two steps: the document on screen first, the work that can wait after it.

Off the GUI thread or not, work started before the first paint competes with it (a worker holds
the GIL while it imports and runs the extractors). While held, `later(fn)` queues fn until the
reading pane has painted once (or a short fallback, for a window that is never painted);
unheld, it runs fn at once. The window holds only at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1500


class FirstPaintGate(QObject):
    """Emits painted() once, after the watched widget's first paint."""

    painted = Signal()

    def __init__(self, watched: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watched = watched
        self._held = False
        self._queue: list[Callable[[], object]] = []

    def hold(self) -> None:
        """Queue work from now until the first paint."""
        if self._held:
            return
        self._held = True
        self._watched.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self.release)

    def later(self, fn: Callable[[], object]) -> None:
        if self._held:
            self._queue.append(fn)
        else:
            fn()

    def release(self) -> None:
        """Run what was queued (in order) and stop holding."""
        if not self._held:
            return
        self._held = False
        self._watched.removeEventFilter(self)
        queue, self._queue = self._queue, []
        for fn in queue:
            fn()
        self.painted.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._watched and event.type() == QEvent.Type.Paint:
            # After this paint has reached the screen: the next turn of the event loop.
            QTimer.singleShot(0, self.release)
        return False
