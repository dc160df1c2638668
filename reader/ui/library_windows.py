"""What the library-wide windows (Targets by Year, Targets and Outcomes, Term Timeline) share:
being one tool window each that follows the library and remembers its geometry, opening a
passage in the main window, and asking where (and in which format) to export.

The windows keep their own translated titles and filter names (so each string stays in its
window's translation context); this module does the rest once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.ops.changes import Changes
from reader.ui import settings

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class LibraryWindow(QWidget):
    """A tool window (not modal) over the main window's library, one per main window: it
    refreshes when documents are added, replaced or removed and remembers its geometry.

    A subclass names its settings key and first size, builds its widgets, then calls start()."""

    GEOMETRY_KEY: ClassVar[str]
    DEFAULT_SIZE: ClassVar[tuple[int, int]]

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.main = main

    def refresh(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        """Fill the window, follow the library's changes, and take the remembered geometry."""
        self.main.funnel.applied.connect(self._on_changes)
        self.refresh()
        geometry = settings.get_bytes(self.GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*self.DEFAULT_SIZE)

    def _on_changes(self, changes: Changes) -> None:
        if changes.documents:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        settings.set_value(self.GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)


W = TypeVar("W", bound=LibraryWindow)


def show_window(main: MainWindow, kind: type[W]) -> W:
    """The main window's one window of this kind, made on first use, brought to the front."""
    window = main.findChild(kind)
    if window is None:
        window = kind(main)
    window.show()
    to_front(window)
    return window


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


def export_format(path: str, extensions: Mapping[str, str]) -> str:
    """The format (a key of `extensions`, format → extension) the path's extension names; csv if none."""
    return next((form for form, ext in extensions.items() if path.lower().endswith("." + ext)), "csv")
