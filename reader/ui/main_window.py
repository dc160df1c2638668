"""The main window: composes the reader, the docks and the controllers; owns menus and state.

What happens to data lives elsewhere: operations in reader.ops, undo in reader.ui.commands,
refresh after a change in reader.ui.changes, annotating, extraction and import in their
controllers, every remembered setting in reader.ui.settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFontDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from reader.core.bilingual import is_bilingual
from reader.core.convert import CONFIG_NAMES, default_config
from reader.core.extraction import Extraction
from reader.core.model import Document
from reader.core.opencc_backend import BACKEND_NAME
from reader.errors import ReaderError
from reader.store.library import DocumentInfo, Library
from reader.ui import i18n, settings, theme, workers
from reader.ui.annotating import AnnotationController
from reader.ui.backing_up import BackupController
from reader.ui.changes import ChangesFunnel, show_error
from reader.ui.commands.documents import RemoveDocumentCommand
from reader.ui.docks.extraction_docks import TargetsDock, TasksDock
from reader.ui.docks.library_dock import LibraryDock
from reader.ui.docks.outline_dock import OutlineDock
from reader.ui.docks.search_dock import SearchDock
from reader.ui.exporting import ExportController
from reader.ui.extracting import ExtractionController
from reader.ui.first_paint import FirstPaintGate
from reader.ui.importing import ImportController
from reader.ui.layout import LayoutKeeper, first_geometry, fit_inside
from reader.ui.reading.config_combo import ConfigCombo
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading_style import ReadingStyleMenu

if TYPE_CHECKING:
    from reader.store.search import SearchHit
    from reader.ui.compare.compare_window import CompareWindow
    from reader.ui.outcomes_window import OutcomesWindow
    from reader.ui.timeline_window import TimelineWindow
    from reader.ui.years_window import YearsWindow

# A shortcut as _action takes it: a standard key, a portable string ("Ctrl+0"), or several.
_Key = QKeySequence.StandardKey | str


class MainWindow(QMainWindow):
    """One window over one library. Emits document_opened(id) once a document is on screen."""

    document_opened = Signal(int)

    def __init__(self, library: Library, parent: QWidget | None = None, *, paint_first: bool = False) -> None:
        """paint_first: start-up's window, whose work that can wait (extraction, the annotation
        cards) waits for the document's first paint (reader.ui.first_paint)."""
        super().__init__(parent)
        self.library = library
        self.current_id: int | None = None
        self.document: Document | None = None
        self.current_info: DocumentInfo | None = None
        self.undo_stack = QUndoStack(self)
        self.funnel = ChangesFunnel(self, self.undo_stack)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Report Reader"))
        self.setAcceptDrops(True)

        self.view = ReaderView(self)
        self.setCentralWidget(self.view)
        self.first_paint = FirstPaintGate(self.view.original_pane.viewport(), self)
        if paint_first:
            self.first_paint.hold()
        self._build_status_bar()

        self.library_dock = LibraryDock(self)
        self.library_dock.document_activated.connect(self.open_document)
        self.outline_dock = OutlineDock(self)
        self.outline_dock.block_activated.connect(self.go_to_block)
        self.search_dock = SearchDock(self)
        self.search_dock.library_path = library.path
        self.search_dock.hit_activated.connect(self.open_hit)
        self.annotating = AnnotationController(self)
        self.extracting = ExtractionController(self)
        self.importing = ImportController(self)
        self.exporting = ExportController(self)
        self.backing_up = BackupController(self)
        self._place_docks()

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        # Docks give way to the reading panes; focus mode; Reset Layout's copy of this layout.
        self.layout_keeper = LayoutKeeper(self, self.view, list(self._docks()))
        self.outline_dock.follow(self.view)
        self.view.config_changed.connect(self._on_config_changed)
        self.view.bilingual_changed.connect(lambda _on: self._sync_config_combo())
        self.view.zoom_changed.connect(lambda _size: self._save_view_settings())
        self.refresh_library()
        self._warn_if_no_cjk_font()
        self.backing_up.apply_read_only()  # a read-only library: editing off, said in title and status bar

    # Shorthands the rest of the app (and its tests) reach the controllers' parts by.
    @property
    def targets_dock(self) -> TargetsDock:
        return self.extracting.targets_dock

    @property
    def tasks_dock(self) -> TasksDock:
        return self.extracting.tasks_dock

    @property
    def extraction(self) -> Extraction | None:
        return self.extracting.extraction

    @property
    def extraction_ready(self) -> SignalInstance:
        return self.extracting.ready

    @property
    def import_finished(self) -> SignalInstance:
        return self.importing.finished

    @property
    def layer_actions(self) -> dict[str, QAction]:
        return self.extracting.layer_actions

    # ----------------------------------------------------------------- building

    def _place_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.library_dock)
        self.addDockWidget(left, self.outline_dock)
        self.addDockWidget(left, self.search_dock)
        self.tabifyDockWidget(self.outline_dock, self.search_dock)
        self.outline_dock.raise_()
        self.addDockWidget(right, self.targets_dock)
        self.addDockWidget(right, self.tasks_dock)
        self.tabifyDockWidget(self.targets_dock, self.tasks_dock)
        self.targets_dock.raise_()
        self.addDockWidget(right, self.annotating.dock)
        self.splitDockWidget(self.targets_dock, self.annotating.dock, Qt.Orientation.Vertical)

    def _docks(self) -> tuple[QDockWidget, ...]:
        return (self.library_dock, self.outline_dock, self.search_dock, self.targets_dock, self.tasks_dock, self.annotating.dock)

    def _build_status_bar(self) -> None:
        self.status_document = QLabel(self)
        self.status_backend = QLabel(BACKEND_NAME, self)
        bar = self.statusBar()
        bar.addWidget(self.status_document, 1)
        # The page of the block at the top of the reading pane, or at the cursor once it moves.
        self.status_page = QLabel(self)
        self.status_page.setObjectName("status_page")
        bar.addPermanentWidget(self.status_page)
        bar.addPermanentWidget(self.status_backend)
        pane = self.view.original_pane
        pane.verticalScrollBar().valueChanged.connect(lambda _value: self._show_page(pane.top_block_number()))
        pane.cursorPositionChanged.connect(lambda: self._show_page(pane.textCursor().blockNumber()))

    def _show_page(self, block: int) -> None:
        """"p. 12" (or "pp. 12–13" for a block across a page break) for block n of the document
        shown; nothing for a document without pages."""
        # setText, not clear(): it does nothing when the text is the same, as it is on most
        # scroll steps (clear() lays the status bar out again each time).
        document = self.view.document()
        first, last = document.blocks.pages(block) if document is not None and 0 <= block < len(document.blocks) else ("", "")
        if not first:
            self.status_page.setText("")
        elif last and last != first:
            self.status_page.setText(self.tr("pp. %1–%2").replace("%1", first).replace("%2", last))
        else:
            self.status_page.setText(self.tr("p. %1").replace("%1", first))

    def _action(
        self, text: str, slot: Callable[..., object], shortcut: _Key | list[_Key] | tuple[_Key, ...] | None = None, checkable: bool = False
    ) -> QAction:
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
        self.import_action = self._action(self.tr("&Import…"), self.importing.choose, std.Open)
        self.remove_action = self._action(self.tr("&Remove from Library"), self.remove_selected, std.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library_dock.addAction(self.remove_action)
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(std.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(std.Redo)
        self.find_action = self._action(self.tr("&Find…"), self.view.open_find, std.Find)
        self.find_next_action = self._action(self.tr("Find &Next"), self.view.find_next, std.FindNext)
        self.find_previous_action = self._action(self.tr("Find &Previous"), self.view.find_previous, std.FindPrevious)
        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.view.zoom_in, [std.ZoomIn, "Ctrl+="])
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.view.zoom_out, std.ZoomOut)
        self.zoom_reset_action = self._action(self.tr("&Actual Size"), self.view.reset_zoom, "Ctrl+0")
        self.font_action = self._action(self.tr("&Font…"), self.choose_font)
        self.single_pane_action = self._action(self.tr("&Single Pane"), self._toggle_single_pane, "Ctrl+\\", checkable=True)
        self.search_library_action = self._action(self.tr("Search &Library…"), lambda: self.search_dock.focus(), "Ctrl+Shift+F")
        self.about_action = self._action(self.tr("&About Report Reader"), self.about)
        self.compare_action = self._action(self.tr("&Compare…"), self.open_compare, "Ctrl+D")
        self.years_action = self._action(self.tr("Targets by &Year"), self.open_years)
        self.timeline_action = self._action(self.tr("Term &Timeline"), self.open_timeline)
        self.outcomes_action = self._action(self.tr("Targets and &Outcomes"), self.open_outcomes)
        self.focus_mode_action = self._action(
            self.tr("&Focus Mode"), lambda checked: self.layout_keeper.set_focus_mode(checked), ["F11", "Ctrl+Shift+Return"], checkable=True
        )
        self.reset_layout_action = self._action(self.tr("&Reset Layout"), self.reset_layout)

        # Which text Single Pane keeps: the original (left) or the converted one (right).
        self.single_side_group = QActionGroup(self)
        self.single_side_actions: list[QAction] = []
        for side, label in enumerate((self.tr("Keep &Original"), self.tr("Keep &Converted"))):
            action = self._action(label, lambda _checked=False, s=side: self.set_single_pane_side(s), checkable=True)
            self.single_side_group.addAction(action)
            self.single_side_actions.append(action)
        self.single_side_actions[0].setChecked(True)

        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        names = {theme.SYSTEM: self.tr("Follow &System"), theme.LIGHT: self.tr("&Light"), theme.DARK: self.tr("&Dark")}
        for name, label in names.items():
            action = self._action(label, lambda _checked=False, n=name: self.set_theme(n), checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action

        # View ▸ Language: each language named in itself, so a reader finds theirs in any of them.
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        languages = {i18n.SYSTEM: self.tr("&System"), i18n.ENGLISH: "English", i18n.SIMPLIFIED: "简体中文", i18n.TRADITIONAL: "繁體中文"}
        for code, label in languages.items():
            action = self._action(label, lambda _checked=False, c=code: self.set_language(c), checkable=True)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_actions[i18n.chosen()].setChecked(True)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Reader"), self)
        toolbar.setObjectName("reader_toolbar")
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(self.tr("Convert to "), self))
        self.config_combo = ConfigCombo(self)
        self.config_combo.config_chosen.connect(self._on_config_chosen)
        self.config_combo.bilingual_chosen.connect(self._on_bilingual_chosen)
        toolbar.addWidget(self.config_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.single_pane_action)
        toolbar.addAction(self.find_action)
        toolbar.addAction(self.zoom_out_action)
        toolbar.addAction(self.zoom_in_action)
        for action in toolbar.actions():
            if action.text():
                action.setIconText(i18n.without_mnemonic(action.text()))

        legend = QToolBar(self.tr("Highlights"), self)
        legend.setObjectName("highlights_toolbar")
        legend.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        legend.addActions(list(self.layer_actions.values()))
        self.addToolBar(legend)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addActions([self.import_action, self.remove_action])
        menu.addSeparator()
        menu.addActions([self.exporting.export_action, self.exporting.import_action])
        menu.addSeparator()
        menu.addActions([self.backing_up.back_up_action, self.backing_up.restore_action])
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
        self.reading_style = ReadingStyleMenu(self, self.view)
        self.reading_style.fill_menu(menu.addMenu(self.tr("&Reading Style")))
        menu.addSeparator()
        single = menu.addMenu(self.tr("Single &Pane"))
        single.addAction(self.single_pane_action)
        single.addSeparator()
        single.addActions(self.single_side_actions)
        themes = menu.addMenu(self.tr("&Theme"))
        themes.addActions(list(self.theme_actions.values()))
        menu.addMenu(self.tr("&Language")).addActions(list(self.language_actions.values()))
        highlights = menu.addMenu(self.tr("&Highlights"))
        highlights.addActions(list(self.layer_actions.values()))
        menu.addSeparator()
        menu.addActions([self.focus_mode_action, self.reset_layout_action])
        menu.addSeparator()
        menu.addAction(self.years_action)
        menu.addAction(self.outcomes_action)
        menu.addAction(self.timeline_action)
        menu.addSeparator()
        for dock in self._docks():
            menu.addAction(dock.toggleViewAction())

        menu = self.menuBar().addMenu(self.tr("&Tools"))
        menu.addAction(self.compare_action)

        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.about_action)

    # ---------------------------------------------------------------- documents

    def refresh_library(self) -> None:
        try:
            infos = self.library.documents()
        except ReaderError as exc:
            show_error(self, exc)
            return
        self.library_dock.set_documents(infos, self.current_id)

    def open_initial_document(self, doc_id: int | None = None) -> None:
        """The asked-for document, else the last one read, else the first sample (the oldest id)."""
        known = sorted(info.id for info in self.library.documents())
        for candidate in (doc_id, settings.get_int(settings.LAST_DOCUMENT), *known):
            if candidate in known:
                self.open_document(candidate)
                return
        self._show_nothing()

    def open_document(self, doc_id: int) -> None:
        try:
            document = self.library.document(doc_id)
            info = self.library.info(doc_id)
        except ReaderError as exc:
            show_error(self, exc)
            return
        self._remember_position()
        self.current_id = doc_id
        self.document = document
        self.current_info = info
        default = default_config(document.script)
        config = settings.conversion_for(document.script, default)
        # The bilingual view, when last chosen for this script, for a document with English.
        bilingual = settings.bilingual_for(document.script) and is_bilingual(document)
        self.view.set_document(document, config if config in CONFIG_NAMES else default, bilingual=bilingual)
        self.config_combo.set_document(document)
        self._sync_config_combo()
        self.outline_dock.set_document(document)
        position = settings.reading_position(doc_id)
        if position is not None:  # where it was left (a search hit or outline jump comes after)
            self.view.scroll_to_block(*position)
        self._show_page(self.view.original_pane.top_block_number())
        self.library_dock.select(doc_id)
        self.setWindowTitle(f"{info.title} — " + self.tr("Report Reader"))
        self.status_document.setText(
            self.tr("%1 · %2 characters").replace("%1", info.title).replace("%2", f"{len(document.text):,}")
        )
        settings.set_value(settings.LAST_DOCUMENT, doc_id)
        self.extracting.start(doc_id, document)
        self.annotating.document_opened(doc_id)
        self.document_opened.emit(doc_id)

    def _show_nothing(self) -> None:
        self.current_id = None
        self.document = None
        self.current_info = None
        self.extracting.start(None, None)
        self.view.clear()
        self.status_page.clear()
        self.outline_dock.set_document(None)
        self.annotating.document_opened(None)
        self.setWindowTitle(self.tr("Report Reader"))
        self.status_document.setText(self.tr("The library is empty: import a report (Ctrl+O) or drop a file here."))

    def open_hit(self, hit: SearchHit) -> None:
        """A search result: open its document and select the match."""
        if hit.doc_id != self.current_id:
            self.open_document(hit.doc_id)
        if self.current_id == hit.doc_id:
            self.view.show_span(hit.start, hit.end)

    def go_to_block(self, index: int) -> None:
        """Put a block at the top of both panes, with the caret at its start."""
        pane = self.view.original_pane
        block = pane.document().findBlockByNumber(index)
        if not block.isValid():
            return
        pane.setTextCursor(QTextCursor(block))
        self.view.scroll_to_block(index)
        pane.setFocus()

    def remove_selected(self) -> None:
        """Remove the documents chosen in the library (else the open one), once confirmed."""
        ids = self.library_dock.selected_ids() or ([self.current_id] if self.current_id is not None else [])
        try:
            titles = [self.library.info(doc_id).title for doc_id in ids]
        except ReaderError as exc:
            show_error(self, exc)
            return
        if not ids or not self._confirm_removal(titles):
            return
        self.undo_stack.beginMacro(self.tr("Remove “%1”").replace("%1", titles[0]) if len(ids) == 1
                                   else self.tr("Remove %n documents", "", len(ids)))
        try:
            for doc_id in ids:
                self.funnel.push(RemoveDocumentCommand(self.funnel, doc_id))
        finally:
            self.undo_stack.endMacro()
        removed = f"“{titles[0]}”" if len(ids) == 1 else self.tr("%n documents", "", len(ids))
        self.statusBar().showMessage(self.tr("Removed %1. Undo with Ctrl+Z.").replace("%1", removed), 8000)

    def _confirm_removal(self, titles: list[str]) -> bool:
        """Ask before removing (naming what goes), unless the reader said not to ask again."""
        if not settings.get_bool(settings.CONFIRM_REMOVE, True):
            return True
        if len(titles) == 1:
            text = self.tr("Remove “%1” from the library?").replace("%1", titles[0])
        else:
            text = self.tr("Remove these %n documents from the library?", "", len(titles))
            text += "\n\n" + "\n".join(f"• {title}" for title in titles[:10])
            if len(titles) > 10:
                text += "\n…"
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove from Library"), text, parent=self)
        box.setInformativeText(self.tr("Its annotations go with it. Edit ▸ Undo (Ctrl+Z) brings everything back."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(remove)
        dont_ask = QCheckBox(self.tr("Don't ask again"), box)
        box.setCheckBox(dont_ask)
        box.exec()
        if box.clickedButton() is not remove:
            return False
        if dont_ask.isChecked():
            settings.set_value(settings.CONFIRM_REMOVE, False)
        return True

    def open_compare(self, a_id: int | None = None, b_id: int | None = None) -> CompareWindow | None:
        """Compare two documents: those given, the two chosen in the library, or ask which."""
        from reader.ui.compare.compare_window import CompareWindow
        from reader.ui.compare.picker import ComparePicker, ordered

        if a_id is None or b_id is None:
            chosen = self.library_dock.selected_ids()
            infos = self.library.documents()
            if len(chosen) == 2:
                first, second = ordered([info for info in infos if info.id in chosen])
                a_id, b_id = first.id, second.id
            else:
                if len(infos) < 2:
                    show_error(self, self.tr("Comparing needs two documents in the library."))
                    return None
                picker = ComparePicker(infos, self.current_id, self)
                if not picker.exec():
                    return None
                a_id, b_id = picker.chosen()
        try:
            window = CompareWindow(self, a_id, b_id)
        except ReaderError as exc:
            show_error(self, exc)
            return None
        window.resize(max(1000, self.width()), max(700, self.height()))
        window.show()
        return window

    def open_years(self) -> YearsWindow:
        """View ▸ Targets by Year: the library's targets table (one window, brought to the front)."""
        from reader.ui.library_windows import show_window
        from reader.ui.years_window import YearsWindow

        return show_window(self, YearsWindow)

    def open_outcomes(self) -> OutcomesWindow:
        """View ▸ Targets and Outcomes: each year's targets beside the next report's outcomes (one window)."""
        from reader.ui.library_windows import show_window
        from reader.ui.outcomes_window import OutcomesWindow

        return show_window(self, OutcomesWindow)

    def open_timeline(self) -> TimelineWindow:
        """View ▸ Term Timeline: terms counted across the years' reports (one window, brought to the front)."""
        from reader.ui.library_windows import show_window
        from reader.ui.timeline_window import TimelineWindow

        return show_window(self, TimelineWindow)

    def import_files(self, paths: list[str]) -> workers.Job:
        return self.importing.import_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importing.import_files(paths)

    # ------------------------------------------------------------------- view

    def _sync_config_combo(self) -> None:
        self.config_combo.set_current(self.view.config(), self.view.is_bilingual())

    def _on_config_chosen(self, config: str) -> None:
        """A conversion picked in the combo (it leaves the bilingual view)."""
        if self.document is not None:
            settings.set_bilingual_for(self.document.script, False)
        self.view.set_config(config)
        self._sync_config_combo()  # the combo may have offered a twin in its place

    def _on_bilingual_chosen(self) -> None:
        if self.document is not None:
            settings.set_bilingual_for(self.document.script, True)
        self.view.set_bilingual(True)
        self._sync_config_combo()

    def _on_config_changed(self, config: str) -> None:
        self._sync_config_combo()
        if self.document is not None:
            settings.set_conversion_for(self.document.script, config)

    def set_single_pane_side(self, side: int) -> None:
        """Which text Single Pane keeps (0 the original, 1 the converted one); remembered."""
        self.single_side_actions[side].setChecked(True)
        settings.set_value(settings.SINGLE_PANE_SIDE, side)
        self.view.set_single_pane(self.view.is_single_pane(), side)

    def _toggle_single_pane(self, checked: bool) -> None:
        self.view.set_single_pane(checked, settings.single_pane_side())
        settings.set_value(settings.SINGLE_PANE, checked)

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.view.original_pane.font(), self, self.tr("Reader font"))
        if ok:
            self.view.set_font_family(font.family())
            self._save_view_settings()

    def set_theme(self, name: str) -> None:
        applied = theme.apply_theme(name)
        self.theme_actions[applied].setChecked(True)
        self.annotating.theme_changed()  # highlight fills are chosen for the theme's background
        self.extracting.repaint()
        settings.set_value(settings.THEME, applied)

    def set_language(self, code: str) -> None:
        """View ▸ Language: stored now, shown from the next start (said so, in the language chosen)."""
        if code == i18n.chosen():
            return
        settings.set_value(settings.LANGUAGE, code)
        QMessageBox.information(self, self.tr("Language"), i18n.restart_message(code))

    def about(self) -> None:
        from reader.ui.dialogs.about import AboutDialog

        AboutDialog(self.library.path, self).exec()

    def _warn_if_no_cjk_font(self) -> None:
        if not theme.cjk_font_families():
            self.statusBar().showMessage(
                self.tr("No Chinese font is installed: characters will show as boxes. Install e.g. Noto Sans CJK."),
            )

    # --------------------------------------------------------------- settings

    def _save_view_settings(self) -> None:
        settings.set_value(settings.FONT_SIZE, self.view.font_size())
        settings.set_value(settings.FONT_FAMILY, self.view.font_family())

    def _remember_position(self) -> None:
        """Where the open document is being read, for the next time it opens."""
        if self.current_id is not None and self.view.document() is not None:
            settings.set_reading_position(self.current_id, *self.view.original_pane.top_position())

    def reset_layout(self) -> None:
        self.focus_mode_action.setChecked(False)
        self.layout_keeper.reset()

    def restore_state(self) -> None:
        geometry = settings.get_bytes(settings.GEOMETRY)
        if geometry is not None and self.restoreGeometry(geometry):
            # Saved on a larger (or another) screen: brought back inside this one.
            self.setGeometry(fit_inside(self.geometry(), self.screen().availableGeometry()))
        else:
            self.setGeometry(first_geometry(self.screen().availableGeometry()))
        state = settings.get_bytes(settings.STATE)
        if state is None or not self.restoreState(state):
            self.layout_keeper.first_run_sizes()
        family = settings.get_str(settings.FONT_FAMILY)
        if family:
            self.view.set_font_family(family)
        size = settings.get_int(settings.FONT_SIZE)
        if size:
            self.view.set_font_size(size)
        single = settings.get_bool(settings.SINGLE_PANE, False)
        self.single_pane_action.setChecked(single)
        side = settings.single_pane_side()
        self.single_side_actions[side].setChecked(True)
        self.view.set_single_pane(single, side)
        self.set_theme(settings.get_str(settings.THEME, theme.SYSTEM))
        self.extracting.restore()
        self.reading_style.restore()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.focus_mode_action.setChecked(False)  # the docks and toolbars are saved as shown
        self.layout_keeper.set_focus_mode(False)
        self._remember_position()
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.STATE, self.saveState())
        self._save_view_settings()
        settings.sync()
        super().closeEvent(event)
