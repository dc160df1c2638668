"""Answering a modal dialog from a test, as a reader would click it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_next_message_box(button_text: str, *, tick: bool = False, seen: list[str] | None = None) -> None:
    """Once the next QMessageBox is up, tick its check box (if asked) and click `button_text`.

    The timer fires inside the box's own event loop, so the box is the active modal widget;
    its text goes into `seen` so a test can check what the reader was asked."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), f"expected a message box, found {box!r}"
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        if tick:
            check = box.checkBox()
            assert check is not None
            check.setChecked(True)
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        button.click()

    QTimer.singleShot(0, answer)
