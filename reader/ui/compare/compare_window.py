"""The compare window: two documents side by side (Tools ▸ Compare…, or Ctrl+D on two documents
chosen in the library), the Targets and Terms docks, next / previous change, and annotating
either document in place (H / N / T), through the main window's undo stack and change funnel.

The window opens at once with both texts; the comparison runs on a worker and fills in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow, QToolBar, QWidget

from reader.core.compare.model import ADDED, BLOCK_KINDS, CHANGED, MERGED, MOVED, REMOVED, SAME, SPLIT, Comparison, TargetChange
from reader.core.convert import conversions, document_key
from reader.core.find import FOLD_CONFIG, find_all
from reader.core.link import LEFT, RIGHT
from reader.core.model import Document
from reader.errors import ReaderError
from reader.ops.changes import Changes
from reader.store.annotations import COLORS, DEFAULT_COLOR
from reader.store.library import DocumentInfo
from reader.ui import settings, workers
from reader.ui.changes import show_error
from reader.ui.commands.annotations import CreateAnnotationCommand
from reader.ui.compare.compare_docks import CompareTargetsDock, CompareTermsDock
from reader.ui.compare.compare_view import CompareView, tint
from reader.ui.dialogs.annotation_dialogs import NoteDialog, TagsDialog
from reader.ui.reading.annotation_layers import layers
from reader.ui.reading.typography import load_style

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

FOCUS_LAYER = "compare:focus"
IGNORABLE = ("punctuation", "whitespace", "numbers")
AS_WRITTEN, SIMPLIFIED, TRADITIONAL = "", "simplified", "traditional"


def display_config(script: str, wanted: str) -> str:
    """The conversion that shows a document of `script` in the `wanted` script ("" if none)."""
    if wanted == SIMPLIFIED and script == "traditional":
        return "t2s"
    if wanted == TRADITIONAL and script != "traditional":
        return "s2t"
    return ""


def _run_compare(a: Document, b: Document, ignore: frozenset[str]) -> tuple[Comparison, object]:
    from reader.core.compare import compare
    from reader.core.compare.link import AlignmentLink

    comparison = compare(a, b, ignore=ignore)
    return comparison, AlignmentLink(comparison)


class CompareWindow(QMainWindow):
    """Emits comparison_ready() once the alignment is painted."""

    comparison_ready = Signal()

    def __init__(self, main: MainWindow, a_id: int, b_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent or main)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("compare_window")
        self.main = main
        self.library = main.library
        self.ids = (a_id, b_id)
        self.documents = (self.library.document(a_id), self.library.document(b_id))
        self.infos: tuple[DocumentInfo, DocumentInfo] = (self.library.info(a_id), self.library.info(b_id))
        self._generation = 0
        self._color = DEFAULT_COLOR

        self.view = CompareView(self)
        self.view.set_reading_style(load_style())
        self.setCentralWidget(self.view)
        self.targets_dock = CompareTargetsDock(self)
        self.terms_dock = CompareTermsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.targets_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.terms_dock)
        self.tabifyDockWidget(self.targets_dock, self.terms_dock)
        self.targets_dock.raise_()
        self.resizeDocks([self.targets_dock], [440], Qt.Orientation.Horizontal)  # room for A, B and the change
        self.targets_dock.target_activated.connect(self.show_target)
        self.terms_dock.term_activated.connect(self.find_term)
        years = tuple(self._year(info) for info in self.infos)
        self.targets_dock.set_years(*years)
        self.terms_dock.set_years(*years)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        self._build_actions()
        self.setWindowTitle(self.tr("Compare %1 with %2").replace("%1", self.infos[0].title).replace("%2", self.infos[1].title))
        main.funnel.applied.connect(self._on_changes)
        self.view.current_change_changed.connect(self._on_current_change)
        self._show_texts()
        self.recompare()

    @staticmethod
    def _year(info: DocumentInfo) -> str:
        return str(info.year) if info.year is not None else info.title[:8]

    # -- actions --------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        alt = Qt.KeyboardModifier.AltModifier
        self.next_action = self._action(self.tr("Next Change"), self.view.next_change, QKeySequence(QKeyCombination(alt, Qt.Key.Key_Down)))
        self.previous_action = self._action(
            self.tr("Previous Change"), self.view.previous_change, QKeySequence(QKeyCombination(alt, Qt.Key.Key_Up))
        )
        self.ignore_actions: dict[str, QAction] = {}
        names = {
            "punctuation": self.tr("Ignore Punctuation"),
            "whitespace": self.tr("Ignore Whitespace"),
            "numbers": self.tr("Ignore Numbers"),
        }
        for key in IGNORABLE:
            action = self._action(names[key], self.recompare, checkable=True)
            self.ignore_actions[key] = action
        self.export_action = self._action(self.tr("Export Comparison…"), lambda: self.export_comparison(), "Ctrl+E")
        self.highlight_action = self._action(self.tr("Highlight"), lambda: self.highlight(), "H")
        self.note_action = self._action(self.tr("Add Note…"), lambda: self.annotate_with_note(), "N")
        self.tag_action = self._action(self.tr("Tag…"), lambda: self.annotate_with_tags(), "T")

        toolbar = QToolBar(self.tr("Compare"), self)
        toolbar.setObjectName("compare_toolbar")
        toolbar.addAction(self.previous_action)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Show in "), self))
        self.script_combo = QComboBox(self)
        self.script_combo.addItem(self.tr("the script each is written in"), AS_WRITTEN)
        self.script_combo.addItem("简体", SIMPLIFIED)
        self.script_combo.addItem("繁體", TRADITIONAL)
        self.script_combo.currentIndexChanged.connect(lambda _i: self._show_texts(keep_comparison=True))
        toolbar.addWidget(self.script_combo)
        toolbar.addSeparator()
        for action in self.ignore_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        self.addToolBar(toolbar)

    # -- comparing ------------------------------------------------------------------------

    def _show_texts(self, keep_comparison: bool = False) -> None:
        wanted = self.script_combo.currentData()
        display = tuple(display_config(d.script, wanted) for d in self.documents)
        comparison, inner = (self.view.comparison(), self.view.display_link()) if keep_comparison else (None, None)
        titles = tuple(f"{self._year(info)} · {info.title}" for info in self.infos)
        self.view.set_documents(self.documents[0], self.documents[1], (titles[0], titles[1]), (display[0], display[1]))
        if comparison is not None and inner is not None:
            self.view.set_comparison(comparison, inner.inner)
        self.paint_annotations()

    def ignored(self) -> frozenset[str]:
        return frozenset(key for key, action in self.ignore_actions.items() if action.isChecked())

    def recompare(self) -> workers.Job:
        """Compare on a worker; a newer request makes an older result stale."""
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Comparing…"))
        a, b = self.documents
        ignore = self.ignored()
        job = workers.Job(lambda _report: _run_compare(a, b, ignore))
        job.signals.finished.connect(lambda result: self._on_compared(generation, result))
        job.signals.failed.connect(lambda exc: self._on_failed(generation, exc))
        return workers.start(job)

    def _on_compared(self, generation: int, result: tuple[Comparison, object]) -> None:
        if generation != self._generation:
            return
        comparison, link = result
        self.view.set_comparison(comparison, link)  # type: ignore[arg-type]  # an AlignmentLink
        self.targets_dock.set_targets(list(comparison.targets))
        self.terms_dock.set_terms(comparison.terms)
        counts = {kind: 0 for kind in BLOCK_KINDS}
        for pair in comparison.blocks:
            counts[pair.kind] += 1
        names = {
            CHANGED: self.tr("changed"), MOVED: self.tr("moved"), ADDED: self.tr("added"),
            REMOVED: self.tr("removed"), SPLIT: self.tr("split"), MERGED: self.tr("merged"),
        }  # fmt: skip
        shown = self.tr(", ").join(f"{counts[kind]} {names[kind]}" for kind in BLOCK_KINDS if kind != SAME and counts[kind])
        self.status.setText(
            self.tr("%1 paragraphs the same; %2. Alt+↓ / Alt+↑ step through the changes.")
            .replace("%1", str(counts[SAME]))
            .replace("%2", shown or self.tr("no changes"))
        )
        self.paint_annotations()
        self.comparison_ready.emit()

    def _on_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.status.setText(self.tr("Could not compare: %1").replace("%1", str(exc)))

    def _on_current_change(self, index: int) -> None:
        comparison = self.view.comparison()
        if comparison is not None and index >= 0:
            pair = comparison.changes()[index]
            self.statusBar().showMessage(
                self.tr("Change %1 of %2: %3").replace("%1", str(index + 1)).replace("%2", str(len(comparison.changes())))
                .replace("%3", pair.kind), 4000,
            )

    def export_comparison(self, path: str | None = None) -> str | None:
        """The comparison as a brief to paste: Markdown, or a self-contained web page (.html)."""
        from pathlib import Path

        from reader.export.comparison import comparison_html, comparison_markdown
        from reader.ops.export import write

        comparison = self.view.comparison()
        if comparison is None:
            self.statusBar().showMessage(self.tr("The comparison is still running."), 4000)
            return None
        if path is None:
            folder = settings.get_str(settings.EXPORT_FOLDER, str(Path.home()))
            name = f"{self._year(self.infos[0])}-{self._year(self.infos[1])}.md"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export Comparison"), str(Path(folder) / name), self.tr("Markdown (*.md);;Web page (*.html)")
            )
            if not path:
                return None
        titles = (self.infos[0].title, self.infos[1].title)
        render = comparison_html if path.lower().endswith((".html", ".htm")) else comparison_markdown
        try:
            write(path, render(comparison, *titles))
        except ReaderError as exc:
            show_error(self, exc)
            return None
        settings.set_value(settings.EXPORT_FOLDER, str(Path(path).parent))
        self.statusBar().showMessage(self.tr("Exported the comparison to %1.").replace("%1", path), 6000)
        return path

    # -- docks ----------------------------------------------------------------------------

    def show_target(self, change: TargetChange) -> None:
        """Both sentences: A's selected on the left, B's marked on the right."""
        spans: dict[int, list[tuple[int, int]]] = {LEFT: [], RIGHT: []}
        for side, target in ((LEFT, change.a), (RIGHT, change.b)):
            if target is not None:
                spans[side].append(self.view.to_displayed(side, target.start, target.end))
        self._focus(spans)

    def find_term(self, term: str) -> None:
        """Every occurrence of the term in both documents (either script), the first on screen."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for side, document in enumerate(self.documents):
            folded = conversions.get(document_key(document), document.text, FOLD_CONFIG)
            spans[side] = [self.view.to_displayed(side, s, e) for s, e in find_all(folded, term)]
        self._focus(spans)

    def _focus(self, spans: dict[int, list[tuple[int, int]]]) -> None:
        fmt = tint("#ff9f43", 160)
        for side in (LEFT, RIGHT):
            self.view.set_span_layer(f"{FOCUS_LAYER}:{side}", spans.get(side, []), fmt, 20, side=side, mirrored=False)
        for side in (LEFT, RIGHT):
            if spans.get(side):
                start = spans[side][0][0]
                self.view.lead(side)
                self.view.pane(side).show_position(start)
                self.view.sync_from(side)
                break

    # -- annotating -----------------------------------------------------------------------

    def _selection(self) -> tuple[int, int, int] | None:
        """(document id, start, end) in the stored text of the side the reader selected in."""
        selection = self.view.selection()
        if selection is None or selection[1][0] == selection[1][1]:
            self.statusBar().showMessage(self.tr("Select a passage first (in either pane)."), 4000)
            return None
        side, (start, end) = selection
        stored = self.view.to_stored(side, start, end)
        return self.ids[side], stored[0], stored[1]

    def highlight(self, *, note: str = "", tags: tuple[str, ...] = ()) -> bool:
        """Highlight the selection in the document of its pane, in the reader's last colour."""
        chosen = self._selection()
        if chosen is None:
            return False
        color = settings.get_str(settings.ANNOTATION_COLOR, DEFAULT_COLOR)
        self._color = color if color in COLORS else DEFAULT_COLOR
        doc_id, start, end = chosen
        return self.main.funnel.push(CreateAnnotationCommand(self.main.funnel, doc_id, start, end, color=self._color, note=note, tags=tags))

    def annotate_with_note(self) -> None:
        chosen = self._selection()
        if chosen is None:
            return
        doc_id, start, end = chosen
        text = self.documents[self.ids.index(doc_id)].text
        dialog = NoteDialog(text[start:end], parent=self)
        if dialog.exec():
            self.highlight(note=dialog.note())

    def annotate_with_tags(self) -> None:
        if self._selection() is None:
            return
        dialog = TagsDialog([], [t.name for t in self.library.tags()], self)
        if dialog.exec():
            self.highlight(tags=tuple(dialog.tags()))

    def paint_annotations(self) -> None:
        """Each document's annotations in its own pane."""
        for side, doc_id in enumerate(self.ids):
            try:
                annotations = self.library.annotations(doc_id)
            except ReaderError as exc:
                show_error(self, exc)
                return
            for name, (spans, fmt, z) in layers(annotations).items():
                shown = [self.view.to_displayed(side, s, e) for s, e in spans]
                self.view.set_span_layer(f"{name}:{side}", shown, fmt, z, side=side, mirrored=False)

    def _on_changes(self, changes: Changes) -> None:
        if changes.documents & set(self.ids):
            known = {info.id for info in self.library.documents()}
            if not set(self.ids) <= known:
                self.close()  # a compared document was removed
                return
        if changes.annotated & set(self.ids) or changes.annotations:
            self.paint_annotations()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        try:
            self.main.funnel.applied.disconnect(self._on_changes)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)



