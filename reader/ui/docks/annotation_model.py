"""The annotations list as a Qt model, and the proxy that sorts and filters it.

Made for tens of thousands of rows: the model holds Annotation values in a plain list and
answers data() from them; the filter compares precomputed folded strings (so a Traditional
filter finds Simplified notes and the reverse) without calling back into the library.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from reader.core.find import fold_query
from reader.store.annotations import Annotation, Origin
from reader.ui.reading.annotation_layers import swatch

QUOTE, NOTE, TAGS, DOCUMENT, CREATED = range(5)
BY_POSITION, BY_DATE = "position", "date"
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 10
TITLE_ROLE = Qt.ItemDataRole.UserRole + 11  # the title of the annotation's document
ORIGIN_ROLE = Qt.ItemDataRole.UserRole + 12  # where a carried annotation came from, and its change ("" if not carried)
PAGE_ROLE = Qt.ItemDataRole.UserRole + 13  # "p. 12" / "pp. 12–13" on a paged document ("" otherwise)
ORIGIN_LIMIT = 160  # characters of each wording of a carried passage's change shown
_ROOT = QModelIndex()  # the invalid index: a table's rows hang under it

class AnnotationModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._folded: list[str] = []
        self._titles: dict[int, str] = {}
        self._doc_order: dict[int, int] = {}
        self._labels: dict[str, str] = {}
        self._order = BY_POSITION
        self._origins: dict[str, Origin] = {}
        self._pages: dict[str, tuple[str, str]] = {}

    def set_origins(self, origins: dict[str, Origin]) -> None:
        """Where carried annotations came from, by uuid (set before set_annotations)."""
        self._origins = origins

    def origin_text(self, annotation: Annotation) -> str:
        """“carried from 2024年政府工作报告”, and for a reworded passage its change (before → after)."""
        origin = self._origins.get(annotation.uuid)
        if origin is None:
            return ""
        text = self.tr("carried from %1").replace("%1", origin.source_title)
        if origin.status == "changed":
            text += "\n" + f"{_clip(origin.before)} → {_clip(origin.after)}"
        return text

    def set_pages(self, pages: dict[str, tuple[str, str]]) -> None:
        """The (first, last) pages of annotations on paged documents, by uuid (set before
        set_annotations; reader.ops.pages.annotation_pages)."""
        self._pages = pages

    def page_text(self, annotation: Annotation) -> str:
        """“p. 12”, “pp. 12–13” for a passage across a page break, "" for a document without pages."""
        first, last = self._pages.get(annotation.uuid, ("", ""))
        if not first:
            return ""
        if last and last != first:
            return self.tr("pp. %1–%2").replace("%1", first).replace("%2", last)
        return self.tr("p. %1").replace("%1", first)

    # -- filling ---------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation], titles: dict[int, str], labels: dict[str, str]) -> None:
        self.beginResetModel()
        self._titles = titles
        self._doc_order = {doc_id: n for n, doc_id in enumerate(titles)}
        self._labels = labels
        self._rows = self._sorted(annotations)
        # One fold for all rows: t2s over the joined text is far cheaper than 50,000 calls.
        joined = "\x00".join(f"{a.quote}\x01{a.note}\x01{' '.join(a.tags)}" for a in self._rows)
        self._folded = fold_query(joined).lower().split("\x00") if self._rows else []
        self.endResetModel()

    def set_order(self, order: str) -> None:
        """Sort by position (library order, then offset) or newest first. Sorting here, with
        Python's sort on plain keys, takes milliseconds for 50,000 rows; a proxy calling back
        into Python for every comparison took seconds."""
        if order == self._order:
            return
        self._order = order
        self.set_annotations(self._rows, self._titles, self._labels)

    def _sorted(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        if self._order == BY_DATE:
            return sorted(annotations, key=lambda a: (a.created, a.id), reverse=True)
        order = self._doc_order
        return sorted(annotations, key=lambda a: (order.get(a.doc_id, 0), a.start, a.end, a.id))

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int | None:
        return next((n for n, a in enumerate(self._rows) if a.id == annotation_id), None)

    def folded(self, row: int) -> str:
        return self._folded[row]

    # -- the model interface ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Passage"), self.tr("Note"), self.tr("Tags"), self.tr("Document"), self.tr("Created"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == QUOTE:
                return (self.tr("[orphaned] ") if a.orphaned else "") + " ".join(a.quote.split())
            if column == NOTE:
                return a.note.split("\n", 1)[0]
            if column == TAGS:
                return ", ".join(a.tags)
            if column == DOCUMENT:
                return self._titles.get(a.doc_id, str(a.doc_id))
            if column == CREATED:
                return a.created[:10]
        if role == Qt.ItemDataRole.DecorationRole and column == QUOTE:
            return swatch(a.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self._labels.get(a.color, a.color)
            parts = [a.quote, f"— {label}"]
            if a.note:
                parts.append(a.note)
            if a.orphaned:
                parts.append(self.tr("Orphaned: its passage is no longer in the document's text."))
            origin = self.origin_text(a)
            if origin:
                parts.append(origin)
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole and a.orphaned:
            return QColor("#888888")
        if role == ANNOTATION_ROLE:
            return a
        if role == TITLE_ROLE:
            return self._titles.get(a.doc_id, str(a.doc_id))
        if role == ORIGIN_ROLE:
            return self.origin_text(a)
        if role == PAGE_ROLE:
            return self.page_text(a)
        return None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ORIGIN_LIMIT else text[:ORIGIN_LIMIT] + "…"


class AnnotationFilter(QSortFilterProxyModel):
    """Colour, tag and text filters over the model (which does its own sorting)."""

    BY_POSITION, BY_DATE = BY_POSITION, BY_DATE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._color: str | None = None
        self._tag: str | None = None
        self._text = ""

    def set_color(self, color: str | None) -> None:
        self._color = color or None
        self._refilter()

    def set_tag(self, tag: str | None) -> None:
        self._tag = tag.casefold() if tag else None
        self._refilter()

    def set_text(self, text: str) -> None:
        self._text = fold_query(text.strip()).lower()
        self._refilter()

    def set_order(self, order: str) -> None:
        self._model().set_order(order)

    def _model(self) -> AnnotationModel:
        model = self.sourceModel()
        if not isinstance(model, AnnotationModel):
            raise TypeError(f"AnnotationFilter needs an AnnotationModel as its source, not {type(model).__name__}")
        return model

    def _refilter(self) -> None:
        # Qt 6.10 deprecates invalidateFilter() for the begin/endFilterChange pair (added in 6.9).
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not (self._color or self._tag or self._text):
            return True
        model = self._model()
        a = model.annotation(row)
        if self._color and a.color != self._color:
            return False
        if self._tag and all(t.casefold() != self._tag for t in a.tags):
            return False
        return not self._text or self._text in model.folded(row)
