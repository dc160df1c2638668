"""Targets, tasks, figures and terms in the window: found off the GUI thread, painted as layers,
listed in the Targets and Tasks docks, offered for annotation in the pane's context menu."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from reader.core.extraction import FIGURES, KINDS, TAG_OF, TARGETS, TASKS, TERMS, Extraction, extract_all
from reader.core.model import Document
from reader.ui import settings, workers
from reader.ui.docks.extraction_docks import TargetsDock, TasksDock
from reader.ui.reading.highlights import layer_name, layer_styles, toggle_actions

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ExtractionController(QObject):
    """Emits ready(doc_id) once a document's extraction is painted and listed, and settled()
    after each extraction has ended either way (painted, or failed and said so)."""

    ready = Signal(int)
    settled = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.extraction: Extraction | None = None
        self._doc_id: int | None = None
        self.targets_dock = TargetsDock(window)
        self.tasks_dock = TasksDock(window)
        for dock in (self.targets_dock, self.tasks_dock):
            dock.span_activated.connect(self.view.show_span)
        annotate = window.annotating.annotate_extracted
        self.targets_dock.annotate_requested.connect(lambda s, e, label: annotate(s, e, TAG_OF[TARGETS], label))
        self.tasks_dock.annotate_requested.connect(lambda s, e, label: annotate(s, e, TAG_OF[TASKS], label))
        self.layer_actions = toggle_actions(window, self._on_layer_toggled)
        self.view.context_menu_requested.connect(self._pane_menu)

    def restore(self) -> None:
        for kind, action in self.layer_actions.items():
            action.setChecked(settings.highlight_shown(kind))

    def start(self, doc_id: int | None, document: Document | None) -> None:
        """Find everything off the GUI thread; paint it when it arrives (if still current)."""
        self.extraction = None
        self._doc_id = doc_id
        if document is None or doc_id is None:  # the window passes both or neither
            self.targets_dock.set_targets([])
            self.tasks_dock.set_tasks([])
            for kind in KINDS:
                self._paint_layer(kind)
            return
        for dock in (self.targets_dock, self.tasks_dock):
            dock.show_pending()
        job = workers.Job(lambda _report: extract_all(document))
        job.signals.finished.connect(lambda result: self._on_extracted(doc_id, result))
        job.signals.failed.connect(self._on_failed)
        self.window.first_paint.later(lambda: workers.start(job))

    def _on_extracted(self, doc_id: int, extraction: Extraction) -> None:
        if doc_id != self._doc_id:
            return  # the reader has moved on to another document
        self.extraction = extraction
        self.targets_dock.set_targets(extraction.targets)
        self.tasks_dock.set_tasks(extraction.tasks)
        for kind in KINDS:
            self._paint_layer(kind)
        self.ready.emit(doc_id)
        self.settled.emit()

    def _on_failed(self, exc: Exception) -> None:
        self.window.statusBar().showMessage(self.tr("Could not extract targets and tasks: %s") % exc, 10000)
        self.settled.emit()

    def _paint_layer(self, kind: str) -> None:
        style = next(style for style in layer_styles() if style.kind == kind)
        if self.extraction is None or not self.layer_actions[kind].isChecked():
            self.view.clear_span_layer(layer_name(kind))
            return
        self.view.set_span_layer(layer_name(kind), self.extraction.spans(kind), style.char_format(), style.z)

    def repaint(self) -> None:
        """Paint every layer again, for the current theme (the window calls this on a theme change)."""
        for kind in KINDS:
            self._paint_layer(kind)

    def _on_layer_toggled(self, kind: str, checked: bool) -> None:
        self._paint_layer(kind)
        settings.set_highlight_shown(kind, checked)

    def _pane_menu(self, menu: QMenu, offset: int) -> None:
        """The reader pane's context menu: annotating actions, and the extracted items under the click."""
        annotating = self.window.annotating
        menu.addSeparator()
        menu.addActions([annotating.highlight_action, annotating.note_action, annotating.tag_action])
        if self.extraction is None:
            return
        names = {
            TERMS: self.tr("Annotate Term “%s”"),
            TARGETS: self.tr("Annotate Target “%s”"),
            FIGURES: self.tr("Annotate Figure “%s”"),
        }
        for item in self.extraction.at(offset):
            menu.addAction(names[item.kind] % item.text, partial(annotating.annotate_extracted, item.start, item.end, item.tag, item.note))
