"""The main window: library and outline docks, the reader panes, menus, status bar, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFontDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.convert import CONFIG_NAMES, default_config
from reader.core.opencc_backend import BACKEND_NAME
from reader.errors import ReaderError
from reader.core.extraction import KINDS, extract_all
from reader.ui import theme, workers
from reader.ui.annotating import AnnotationController
from reader.ui.extraction_docks import TargetsDock, TasksDock
from reader.ui.highlights import layer_name, layer_styles, toggle_actions
from reader.ui.library_commands import ImportDocumentsCommand, RemoveDocumentCommand
from reader.ui.library_dock import LibraryDock
from reader.ui.outline_dock import OutlineDock
from reader.ui.reader_view import ReaderView
from reader.ui.search_dock import SearchDock

# Configs in the order the toolbar offers them: the everyday ones first.
CONFIG_ORDER = ("t2s", "s2t", "s2tw", "s2twp", "s2hk", "s2hkp", "tw2s", "tw2sp", "hk2s", "hk2sp",
                "t2tw", "t2hk", "tw2t", "hk2t", "t2jp", "jp2t")


class MainWindow(QMainWindow):
    """One window over one library. Emits document_opened(id) once a document is on screen."""

    document_opened = Signal(int)
    import_finished = Signal(list)
    extraction_ready = Signal(int)

    def __init__(self, library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.current_id: int | None = None
        self.document = None
        self.extraction = None
        self.undo_stack = QUndoStack(self)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Report Reader"))
        self.setAcceptDrops(True)

        self.view = ReaderView(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.view.find_bar)
        self.setCentralWidget(central)

        self.library_dock = LibraryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.document_activated.connect(self.open_document)
        self.outline_dock = OutlineDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.outline_dock.block_activated.connect(self.go_to_block)
        self.targets_dock = TargetsDock(self)
        self.tasks_dock = TasksDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.targets_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tasks_dock)
        self.tabifyDockWidget(self.targets_dock, self.tasks_dock)
        self.targets_dock.raise_()
        for dock in (self.targets_dock, self.tasks_dock):
            dock.span_activated.connect(self.view.show_span)
        self.annotating = AnnotationController(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotating.dock)
        self.splitDockWidget(self.targets_dock, self.annotating.dock, Qt.Orientation.Vertical)
        self.targets_dock.annotate_requested.connect(lambda s, e, label: self.annotating.annotate_extracted(s, e, "target", label))
        self.tasks_dock.annotate_requested.connect(lambda s, e, label: self.annotating.annotate_extracted(s, e, "task", label))
        self.view.context_menu_requested.connect(self._pane_menu)
        self.search_dock = SearchDock(self)
        self.search_dock.library_path = library.path
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.outline_dock, self.search_dock)
        self.outline_dock.raise_()
        self.search_dock.hit_activated.connect(self.open_hit)

        self._build_status_bar()
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.view.config_changed.connect(self._on_config_changed)
        self.view.zoom_changed.connect(lambda _size: self._save_view_settings())
        self.refresh_library()
        self._warn_if_no_cjk_font()

    # ----------------------------------------------------------------- building

    def _build_status_bar(self) -> None:
        self.status_document = QLabel(self)
        self.status_backend = QLabel(BACKEND_NAME, self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        bar = self.statusBar()
        bar.addWidget(self.status_document, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.status_backend)

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.import_action = self._action(self.tr("&Import…"), self.choose_import, std.Open)
        self.remove_action = self._action(self.tr("&Remove from Library"), self.remove_selected, std.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library_dock.addAction(self.remove_action)
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(std.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(std.Redo)
        self.find_action = self._action(self.tr("&Find…"), self.show_find, std.Find)
        self.find_next_action = self._action(self.tr("Find &Next"), self.view.find_next, std.FindNext)
        self.find_previous_action = self._action(self.tr("Find &Previous"), self.view.find_previous, std.FindPrevious)
        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.view.zoom_in, [std.ZoomIn, "Ctrl+="])
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.view.zoom_out, std.ZoomOut)
        self.zoom_reset_action = self._action(self.tr("&Actual Size"), self.view.reset_zoom, "Ctrl+0")
        self.font_action = self._action(self.tr("&Font…"), self.choose_font)
        self.single_pane_action = self._action(self.tr("&Single Pane"), self._toggle_single_pane, "Ctrl+\\", checkable=True)
        self.search_library_action = self._action(self.tr("Search &Library…"), lambda: self.search_dock.focus(), "Ctrl+Shift+F")
        self.about_action = self._action(self.tr("&About Report Reader"), self.about)
        self.layer_actions = toggle_actions(self, self._on_layer_toggled)

        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        names = {theme.SYSTEM: self.tr("Follow &System"), theme.LIGHT: self.tr("&Light"), theme.DARK: self.tr("&Dark")}
        for name, label in names.items():
            action = self._action(label, lambda _checked=False, n=name: self.set_theme(n), checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Reader"), self)
        toolbar.setObjectName("reader_toolbar")
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(self.tr("Convert to ") , self))
        self.config_combo = QComboBox(self)
        self.config_combo.setObjectName("config_combo")
        for config in CONFIG_ORDER:
            human, english = CONFIG_NAMES[config]
            self.config_combo.addItem(human, config)
            self.config_combo.setItemData(self.config_combo.count() - 1, f"{english} ({config})", Qt.ItemDataRole.ToolTipRole)
        self.config_combo.currentIndexChanged.connect(self._on_config_combo)
        toolbar.addWidget(self.config_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.single_pane_action)
        toolbar.addAction(self.find_action)
        toolbar.addAction(self.zoom_out_action)
        toolbar.addAction(self.zoom_in_action)

        legend = QToolBar(self.tr("Highlights"), self)
        legend.setObjectName("highlights_toolbar")
        legend.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        legend.addActions(list(self.layer_actions.values()))
        self.addToolBar(legend)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addActions([self.import_action, self.remove_action])
        menu.addSeparator()
        menu.addAction(self.quit_action)

        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        menu.addActions([self.find_action, self.find_next_action, self.find_previous_action])
        menu.addAction(self.search_library_action)

        menu = self.menuBar().addMenu(self.tr("&Annotate"))
        self.annotating.fill_menu(menu)

        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.font_action])
        menu.addSeparator()
        menu.addAction(self.single_pane_action)
        themes = menu.addMenu(self.tr("&Theme"))
        themes.addActions(list(self.theme_actions.values()))
        highlights = menu.addMenu(self.tr("&Highlights"))
        highlights.addActions(list(self.layer_actions.values()))
        menu.addSeparator()
        for dock in (self.library_dock, self.outline_dock, self.search_dock, self.targets_dock, self.tasks_dock, self.annotating.dock):
            menu.addAction(dock.toggleViewAction())

        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.about_action)

    # ---------------------------------------------------------------- documents

    def refresh_library(self) -> None:
        self.library_dock.set_documents(self.library.documents(), self.current_id)

    def open_initial_document(self, doc_id: int | None = None) -> None:
        """The asked-for document, else the last one read, else the first sample (the oldest id)."""
        remembered = QSettings().value("reader/last_document", None)
        known = sorted(info.id for info in self.library.documents())
        for candidate in (doc_id, _as_int(remembered), *known):
            if candidate in known:
                self.open_document(candidate)
                return
        self._show_nothing()

    def open_document(self, doc_id: int) -> None:
        try:
            document = self.library.document(doc_id)
            info = self.library.info(doc_id)
        except ReaderError as exc:
            QMessageBox.warning(self, self.tr("Report Reader"), str(exc))
            return
        self.current_id = doc_id
        self.document = document
        self.current_info = info
        config = QSettings().value(f"reader/config/{document.script}", default_config(document.script))
        self.view.set_document(document, config if config in CONFIG_NAMES else default_config(document.script))
        self._sync_config_combo()
        self.outline_dock.set_document(document)
        self.library_dock.select(doc_id)
        self.setWindowTitle(f"{info.title} — " + self.tr("Report Reader"))
        self.status_document.setText(
            self.tr("%1 · %2 characters").replace("%1", info.title).replace("%2", f"{len(document.text):,}")
        )
        QSettings().setValue("reader/last_document", doc_id)
        self._start_extraction(doc_id, document)
        self.annotating.document_opened(doc_id)
        self.document_opened.emit(doc_id)

    # --------------------------------------------------------------- extraction

    def _start_extraction(self, doc_id: int, document) -> None:
        """Find targets, tasks, figures and terms off the GUI thread; paint them when they arrive."""
        self.extraction = None
        for dock in (self.targets_dock, self.tasks_dock):
            dock.show_pending()
        job = workers.Job(lambda _report: extract_all(document))
        job.signals.finished.connect(lambda result: self._on_extracted(doc_id, result))
        job.signals.failed.connect(self._on_extraction_failed)
        workers.start(job)

    def _on_extracted(self, doc_id: int, extraction) -> None:
        if doc_id != self.current_id:
            return  # the reader has moved on to another document
        self.extraction = extraction
        self.targets_dock.set_targets(extraction.targets)
        self.tasks_dock.set_tasks(extraction.tasks)
        for kind in KINDS:
            self._paint_layer(kind)
        self.extraction_ready.emit(doc_id)

    def _on_extraction_failed(self, exc: Exception) -> None:
        self.statusBar().showMessage(self.tr("Could not extract targets and tasks: %s") % exc, 10000)

    def _paint_layer(self, kind: str) -> None:
        style = next(style for style in layer_styles() if style.kind == kind)
        if self.extraction is None or not self.layer_actions[kind].isChecked():
            self.view.clear_span_layer(layer_name(kind))
            return
        self.view.set_span_layer(layer_name(kind), self.extraction.spans(kind), style.char_format(), style.z)

    def _on_layer_toggled(self, kind: str, checked: bool) -> None:
        self._paint_layer(kind)
        QSettings().setValue(f"highlights/{kind}", checked)

    def _show_nothing(self) -> None:
        self.current_id = None
        self.document = None
        self.extraction = None
        self.targets_dock.set_targets([])
        self.tasks_dock.set_tasks([])
        self.view.clear()
        self.outline_dock.set_document(None)
        self.annotating.document_opened(None)
        self.setWindowTitle(self.tr("Report Reader"))
        self.status_document.setText(self.tr("The library is empty: import a report (Ctrl+O) or drop a file here."))

    def open_hit(self, hit) -> None:
        """A search result: open its document and select the match."""
        if hit.doc_id != self.current_id:
            self.open_document(hit.doc_id)
        if self.current_id == hit.doc_id:
            self.view.show_span(hit.start, hit.end)

    def _pane_menu(self, menu, offset: int) -> None:
        """The reader pane's context menu: annotating actions, and the extracted item under the click."""
        menu.addSeparator()
        menu.addActions([self.annotating.highlight_action, self.annotating.note_action, self.annotating.tag_action])
        if self.extraction is None:
            return
        names = {"terms": self.tr("Annotate Term “%s”"), "targets": self.tr("Annotate Target “%s”"), "figures": self.tr("Annotate Figure “%s”")}
        for kind, items in (("terms", self.extraction.terms), ("targets", self.extraction.targets), ("figures", self.extraction.figures)):
            for item in items:
                if item.start <= offset < item.end:
                    label = item.text
                    tag = kind[:-1]
                    menu.addAction(
                        names[kind] % label,
                        lambda s=item.start, e=item.end, t=tag, n=getattr(item, "term", ""): self.annotating.annotate_extracted(s, e, t, n),
                    )

    def go_to_block(self, index: int) -> None:
        """Put a block at the top of both panes, with the caret at its start."""
        pane = self.view.original_pane
        block = pane.document().findBlockByNumber(index)
        if not block.isValid():
            return
        pane.setTextCursor(QTextCursor(block))
        self.view.scroll_to_block(index)
        pane.setFocus()

    # Called by undo commands after they changed the library.
    def document_removed(self, doc_id: int) -> None:
        self.refresh_library()
        if doc_id == self.current_id:
            self.open_initial_document()

    def document_added(self, doc_id: int) -> None:
        self.refresh_library()
        self.open_document(doc_id)

    def documents_imported(self, ids: list[int]) -> None:
        self.refresh_library()
        if ids:
            self.open_document(ids[-1])

    def remove_selected(self) -> None:
        ids = self.library_dock.selected_ids() or ([self.current_id] if self.current_id is not None else [])
        if not ids:
            return
        self.undo_stack.beginMacro(self.tr("Remove documents"))
        try:
            for doc_id in ids:
                self.undo_stack.push(RemoveDocumentCommand(self, doc_id))
        finally:
            self.undo_stack.endMacro()
        self.statusBar().showMessage(self.tr("Removed. Undo with Ctrl+Z."), 5000)

    # ------------------------------------------------------------------- import

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import reports"), QSettings().value("import/folder", ""),
            self.tr("Text files (*.txt *.text *.md);;All files (*)"),
        )
        if files:
            QSettings().setValue("import/folder", str(Path(files[0]).parent))
            self.import_files(files)

    def import_files(self, paths: list[str]) -> workers.Job:
        """Ingest files on a worker thread, then add them to the library here (one undo step)."""
        from reader.core.ingest import ingest_file

        def work(report):
            results = []
            for done, path in enumerate(paths):
                report(done, len(paths), Path(path).name)
                try:
                    results.append((path, ingest_file(path), None))
                except ReaderError as exc:
                    results.append((path, None, str(exc)))
            report(len(paths), len(paths), "")
            return results

        job = workers.Job(work)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_ingested)
        job.signals.failed.connect(self._on_job_failed)
        self._on_progress(0, len(paths), "")
        return workers.start(job)

    def _on_ingested(self, results) -> None:
        self.progress.hide()
        good = [(Path(path).name, doc) for path, doc, error in results if doc is not None]
        errors = [error for _path, _doc, error in results if error]
        ids: list[int] = []
        if good:
            try:
                command = ImportDocumentsCommand(self, good)
                self.undo_stack.push(command)
                ids = command.ids
            except ReaderError as exc:
                errors.append(str(exc))
        if errors:
            QMessageBox.warning(self, self.tr("Some files were not imported"), "\n".join(errors))
        self.import_finished.emit(ids)

    def _on_job_failed(self, exc: Exception) -> None:
        self.progress.hide()
        QMessageBox.critical(self, self.tr("Report Reader"), str(exc))
        self.import_finished.emit([])

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Importing %v/%m"))
        self.progress.setToolTip(label)
        self.progress.setVisible(done < total)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # ------------------------------------------------------------------- view

    def _sync_config_combo(self) -> None:
        index = self.config_combo.findData(self.view.config())
        self.config_combo.blockSignals(True)
        self.config_combo.setCurrentIndex(index)
        self.config_combo.blockSignals(False)

    def _on_config_combo(self, index: int) -> None:
        config = self.config_combo.itemData(index)
        if config and config != self.view.config():
            self.view.set_config(config)

    def _on_config_changed(self, config: str) -> None:
        self._sync_config_combo()
        if self.document is not None:
            QSettings().setValue(f"reader/config/{self.document.script}", config)

    def _toggle_single_pane(self, checked: bool) -> None:
        self.view.set_single_pane(checked)
        QSettings().setValue("view/single_pane", checked)

    def show_find(self) -> None:
        self.view.open_find()

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.view.original_pane.font(), self, self.tr("Reader font"))
        if ok:
            self.view.set_font_family(font.family())
            self._save_view_settings()

    def set_theme(self, name: str) -> None:
        applied = theme.apply_theme(name)
        self.theme_actions[applied].setChecked(True)
        QSettings().setValue("view/theme", applied)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Report Reader"),
            self.tr("Report Reader %1\nConversion: %2").replace("%1", __version__).replace("%2", BACKEND_NAME),
        )

    def _warn_if_no_cjk_font(self) -> None:
        if not theme.cjk_font_families():
            self.statusBar().showMessage(
                self.tr("No Chinese font is installed: characters will show as boxes. Install e.g. Noto Sans CJK."),
            )

    # --------------------------------------------------------------- settings

    def _save_view_settings(self) -> None:
        settings = QSettings()
        settings.setValue("view/font_size", self.view.font_size())
        settings.setValue("view/font_family", self.view.original_pane.font().family())

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        else:
            self.resizeDocks([self.library_dock], [360], Qt.Orientation.Horizontal)
        family = settings.value("view/font_family")
        if family:
            self.view.set_font_family(family)
        size = _as_int(settings.value("view/font_size"))
        if size:
            self.view.set_font_size(size)
        single = settings.value("view/single_pane", False) in (True, "true")
        self.single_pane_action.setChecked(single)
        self.view.set_single_pane(single)
        self.set_theme(settings.value("view/theme", theme.SYSTEM))
        for kind, action in self.layer_actions.items():
            action.setChecked(settings.value(f"highlights/{kind}", True) in (True, "true"))

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self._save_view_settings()
        settings.sync()
        super().closeEvent(event)


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
