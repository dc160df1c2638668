"""Choosing the two documents to compare: the two chosen in the library, else a small dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from reader.store.library import DocumentInfo


def ordered(infos: list[DocumentInfo]) -> tuple[DocumentInfo, DocumentInfo]:
    """The earlier year on the left, as a reader reads "from A to B"."""
    first, second = sorted(infos, key=lambda info: (info.year is None, info.year or 0, info.id))
    return first, second


class ComparePicker(QDialog):
    """Two combos over the library; B defaults to the document being read, A to the one before."""

    def __init__(self, infos: list[DocumentInfo], current: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare Documents"))
        self.infos = infos
        form = QFormLayout(self)
        self.a_combo, self.b_combo = QComboBox(self), QComboBox(self)
        for combo in (self.a_combo, self.b_combo):
            for info in infos:
                combo.addItem(f"{info.year or '—'} · {info.title}", info.id)
        b_index = next((n for n, info in enumerate(infos) if info.id == current), 0)
        self.b_combo.setCurrentIndex(b_index)
        b_info = infos[b_index] if infos else None
        earlier = [n for n, info in enumerate(infos) if b_info and info.id != b_info.id and (info.year or 0) < (b_info.year or 0)]
        self.a_combo.setCurrentIndex(earlier[0] if earlier else (1 if b_index == 0 and len(infos) > 1 else 0))
        form.addRow(self.tr("From (left):"), self.a_combo)
        form.addRow(self.tr("To (right):"), self.b_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[int, int]:
        return int(self.a_combo.currentData()), int(self.b_combo.currentData())
