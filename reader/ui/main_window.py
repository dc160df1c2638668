"""The main window: library dock, reader panes, menus, status bar, remembered state."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QPlainTextEdit

from reader.errors import ReaderError
from reader.ui.library_dock import LibraryDock


class MainWindow(QMainWindow):
    def __init__(self, library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.current_id: int | None = None
        self.document = None
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Report Reader"))

        self.pane = QPlainTextEdit(self)
        self.pane.setReadOnly(True)
        self.setCentralWidget(self.pane)

        self.library_dock = LibraryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.document_activated.connect(self.open_document)

        self.status_document = QLabel(self)
        self.statusBar().addWidget(self.status_document, 1)
        self._build_menus()
        self.refresh_library()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def refresh_library(self) -> None:
        self.library_dock.set_documents(self.library.documents(), self.current_id)

    def open_initial_document(self, doc_id: int | None) -> None:
        settings = QSettings()
        candidates = [doc_id, settings.value("reader/last_document", None, int)]
        infos = self.library.documents()
        candidates += [info.id for info in infos]
        known = {info.id for info in infos}
        for candidate in candidates:
            if candidate in known:
                self.open_document(candidate)
                return

    def open_document(self, doc_id: int) -> None:
        try:
            document = self.library.document(doc_id)
            info = self.library.info(doc_id)
        except ReaderError as exc:
            QMessageBox.warning(self, self.tr("Report Reader"), str(exc))
            return
        self.current_id = doc_id
        self.document = document
        self.pane.setPlainText(document.text)
        self.library_dock.select(doc_id)
        self.setWindowTitle(f"{info.title} — " + self.tr("Report Reader"))
        self.status_document.setText(f"{info.title} · {len(document.text):,} " + self.tr("characters"))

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if self.current_id is not None:
            settings.setValue("reader/last_document", self.current_id)
        super().closeEvent(event)
