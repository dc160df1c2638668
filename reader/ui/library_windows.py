"""What the library-wide windows (Targets by Year, Targets and Outcomes, Term Timeline) share:
opening a passage in the main window, and asking where to export.

The windows keep their own translated titles and filter names (so each string stays in its
window's translation context); this module does the rest once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.ui import settings

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def open_passage(main: MainWindow, doc_id: int, start: int, end: int) -> None:
    """Open the document in the main window with start–end selected, and bring it forward."""
    if main.current_id != doc_id:
        main.open_document(doc_id)
    if main.current_id == doc_id:
        main.view.show_span(start, end)
        to_front(main)


def to_front(window: QWidget) -> None:
    window.activateWindow()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):  # (they cannot raise a window)
        window.raise_()


def ask_export_path(parent: QWidget, title: str, file_name: str, filters: dict[str, str]) -> tuple[str, str]:
    """(path, format) the reader chose in a save dialog opened in the last export folder, with
    `filters` (translated filter → format); ("", "") when cancelled."""
    folder = settings.get_str(settings.EXPORT_FOLDER)
    path, chosen = QFileDialog.getSaveFileName(parent, title, f"{folder}/{file_name}" if folder else file_name, ";;".join(filters))
    return (path, filters.get(chosen, "")) if path else ("", "")
