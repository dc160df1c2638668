"""The Annotations dock: this document's or the whole library's annotations, filtered and sorted,
each shown as a card (reader.ui.docks.annotation_cards)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.store.annotations import COLORS, Annotation
from reader.ui.docks.annotation_model import ANNOTATION_ROLE, QUOTE, AnnotationFilter, AnnotationModel
from reader.ui.reading.annotation_layers import color_name, swatch_icon

if TYPE_CHECKING:
    from reader.ui.docks.annotation_cards import AnnotationCardDelegate

THIS_DOCUMENT, WHOLE_LIBRARY = "document", "library"

_T = TypeVar("_T")


class AnnotationsDock(QDockWidget):
    """Emits annotation_activated(annotation) on click / Enter and scope_changed when the scope flips."""

    annotation_activated = Signal(object)
    scope_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("annotations_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        self.scope = QComboBox(body)
        self.scope.addItem(self.tr("This document"), THIS_DOCUMENT)
        self.scope.addItem(self.tr("Whole library"), WHOLE_LIBRARY)
        self.order = QComboBox(body)
        self.order.addItem(self.tr("By position"), AnnotationFilter.BY_POSITION)
        self.order.addItem(self.tr("Newest first"), AnnotationFilter.BY_DATE)
        self.color = QComboBox(body)
        self.tag = QComboBox(body)
        # Two rows (what to list, how to filter it): each combo as wide as its longest item while
        # the dock has room, shrinking (elided) below that rather than forcing the window wide.
        for widgets in ((self.scope, self.order), (self.color, self.tag)):
            row = QHBoxLayout()
            for widget in widgets:
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                widget.setMinimumWidth(60)
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)

        self.filter = QLineEdit(body)
        self.filter.setPlaceholderText(self.tr("Filter by passage, note or tag (either script)"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)

        self.model = AnnotationModel(self)
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        # The list of cards (named `table` since it was one: the controllers add actions to it).
        self.table = QListView(body)
        self.table.setModel(self.proxy)
        self.table.setModelColumn(QUOTE)
        self._cards: AnnotationCardDelegate | None = None  # install_cards(): after the first paint
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setUniformItemSizes(False)
        self.table.setResizeMode(QListView.ResizeMode.Adjust)  # cards re-wrap to the dock's width
        self.table.setLayoutMode(QListView.LayoutMode.Batched)  # tens of thousands of rows stay responsive
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumWidth(160)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.table, 1)
        self.count = QLabel(body)
        self.count.setEnabled(False)
        layout.addWidget(self.count)
        self.setWidget(body)

        self.table.clicked.connect(self._on_activated)
        self.table.activated.connect(self._on_activated)
        self.filter.textChanged.connect(self._on_filter)
        self.color.currentIndexChanged.connect(lambda _i: self._apply(self.proxy.set_color, self.color.currentData()))
        self.tag.currentIndexChanged.connect(lambda _i: self._apply(self.proxy.set_tag, self.tag.currentData()))
        self.order.currentIndexChanged.connect(lambda _i: self._apply(self.proxy.set_order, self.order.currentData()))
        self.scope.currentIndexChanged.connect(self._on_scope)
        self.set_color_labels({})

    # -- filling ---------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation], titles: dict[int, str], labels: dict[str, str], tags: list[str]) -> None:
        selected = {a.uuid for a in self.selected()}
        self.model.set_annotations(annotations, titles, labels)
        self.set_color_labels(labels)
        self._set_tags(tags)
        if selected:
            self.select_uuids(selected)
        self._update_count()

    def set_color_labels(self, labels: dict[str, str]) -> None:
        current = self.color.currentData()
        self.color.blockSignals(True)
        self.color.clear()
        self.color.addItem(swatch_icon(list(COLORS)), self.tr("All colours"), None)
        for color in COLORS:
            label = labels.get(color)
            self.color.addItem(swatch_icon([color]), color_name(color, label), color)
        self._labels = labels
        self.color.setCurrentIndex(max(0, self.color.findData(current)))
        self.color.blockSignals(False)

    def _set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for name in tags:
            self.tag.addItem(name, name)
        index = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)
        if current is not None and index < 0:
            self.proxy.set_tag(None)  # the tag is gone (renamed or deleted)

    # -- selection -------------------------------------------------------------------------

    def scope_value(self) -> str:
        scope: str = self.scope.currentData()  # THIS_DOCUMENT or WHOLE_LIBRARY
        return scope

    def selected(self) -> list[Annotation]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        return [self.proxy.index(row, 0).data(ANNOTATION_ROLE) for row in rows]

    def select_uuids(self, uuids: Iterable[str]) -> None:
        """Select these annotations (by uuid: their identity across undo) and show the first."""
        wanted = set(uuids)
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ANNOTATION_ROLE).uuid in wanted:
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
                first = first or index
        if first is not None:
            self.table.scrollTo(first)

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def visible(self) -> list[Annotation]:
        return [self.proxy.index(row, 0).data(ANNOTATION_ROLE) for row in range(self.proxy.rowCount())]

    def add_context_actions(self, menu_builder: Callable[[QPoint], None]) -> None:
        self.table.customContextMenuRequested.connect(lambda pos: menu_builder(self.table.viewport().mapToGlobal(pos)))

    def theme_changed(self) -> None:
        """Swatches follow the theme's highlight colours."""
        self.set_color_labels(self._labels)
        self.table.viewport().update()

    def focus_filter(self) -> None:
        self.show()
        self.raise_()
        self.filter.setFocus()
        self.filter.selectAll()

    # -- plumbing --------------------------------------------------------------------------

    def _apply(self, setter: Callable[[_T], None], value: _T) -> None:
        setter(value)
        self._update_count()

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%1 of %2 annotations").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))

    @property
    def cards(self) -> AnnotationCardDelegate:
        """The delegate painting each row as a card (installed on first use)."""
        if self._cards is None:
            self.install_cards()
        assert self._cards is not None
        return self._cards

    def install_cards(self) -> None:
        """Draw rows as cards. Loading the delegate (QStyle's enums and all) costs ~11 ms, which
        the window need not pay before its first paint: a dock tabbed away shows no rows."""
        if self._cards is not None:
            return
        from reader.ui.docks.annotation_cards import AnnotationCardDelegate

        self._cards = AnnotationCardDelegate(self.table, self.tr("[orphaned]"))
        self._cards.set_show_document(self.scope_value() == WHOLE_LIBRARY)
        self.table.setItemDelegate(self._cards)

    def _on_scope(self, _index: int) -> None:
        if self._cards is not None:
            self._cards.set_show_document(self.scope_value() == WHOLE_LIBRARY)
        self.scope_changed.emit(self.scope_value())

    def _on_activated(self, index: QModelIndex) -> None:
        annotation = index.data(ANNOTATION_ROLE) if index.isValid() else None
        if annotation is not None:
            self.annotation_activated.emit(annotation)


def build_menu(parent: QWidget | None, actions: Iterable[QAction | None]) -> QMenu:
    menu = QMenu(parent)
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu

