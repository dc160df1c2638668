"""Small dialogs for annotating: the note editor, the tag editor with completion, the tag manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.ui.annotating import AnnotationController


class NoteDialog(QDialog):
    """Plain text or Markdown note for one annotation, showing the passage it belongs to."""

    def __init__(self, quote: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        layout = QVBoxLayout(self)
        passage = QLabel(quote if len(quote) <= 200 else quote[:200] + "…", self)
        passage.setWordWrap(True)
        passage.setEnabled(False)
        layout.addWidget(passage)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(self.tr("Your note (plain text or Markdown)"))
        self.editor.setPlainText(note)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def note(self) -> str:
        return self.editor.toPlainText().strip()


def split_tags(text: str) -> list[str]:
    """Tags typed as "risk, 财政; AI": commas (either width), semicolons and Chinese 、 separate."""
    for sep in "，;；、":
        text = text.replace(sep, ",")
    return [t.strip() for t in text.split(",") if t.strip()]


class _LastWordCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [split_tags(path + "x")[-1][:-1].strip() if path else ""]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        widget = self.widget()  # the tag line edit (TagsDialog sets it)
        line = widget.text() if isinstance(widget, QLineEdit) else ""
        head = line[: max(line.rfind(","), line.rfind("，")) + 1]
        return f"{head} {index.data()}".lstrip() + ", "


class TagsDialog(QDialog):
    """Edit the tags of one or more annotations; completes from the library's tags."""

    def __init__(self, tags: list[str], known: list[str], parent: QWidget | None = None, *, title: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Tags"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tags, separated by commas:"), self))
        self.line = QLineEdit(", ".join(tags), self)
        completer = _LastWordCompleter(sorted(known, key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setWidget(self.line)
        self.line.setCompleter(completer)
        layout.addWidget(self.line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(380, 110)

    def tags(self) -> list[str]:
        return split_tags(self.line.text())


class TagManagerDialog(QDialog):
    """Rename, merge and delete tags across the library. Every change is undoable (Edit ▸ Undo)."""

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setWindowTitle(self.tr("Manage Tags"))
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list, 1)
        column = QVBoxLayout()
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.merge_button = QPushButton(self.tr("&Merge Selected…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        close = QPushButton(self.tr("Close"), self)
        for button in (self.rename_button, self.merge_button, self.delete_button):
            column.addWidget(button)
        column.addStretch(1)
        column.addWidget(close)
        layout.addLayout(column)
        self.rename_button.clicked.connect(self.rename)
        self.merge_button.clicked.connect(self.merge)
        self.delete_button.clicked.connect(self.delete)
        close.clicked.connect(self.accept)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()
        self.resize(420, 320)

    def refresh(self) -> None:
        self.list.clear()
        for info in self._controller.library.tags():
            item = QListWidgetItem(f"{info.name}  ({info.count})")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            self.list.addItem(item)
        self._update_buttons()

    def selected(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def _update_buttons(self) -> None:
        count = len(self.selected())
        self.rename_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count >= 2)
        self.delete_button.setEnabled(count >= 1)

    def rename(self, _checked: bool = False, new: str | None = None) -> None:
        (old,) = self.selected()
        if new is None:
            new, ok = QInputDialog.getText(self, self.tr("Rename Tag"), self.tr("New name for “%s”:") % old, text=old)
            if not ok:
                return
        if new.strip() and new.strip() != old:
            self._controller.rename_tag(old, new.strip())
        self.refresh()

    def merge(self, _checked: bool = False, into: str | None = None) -> None:
        names = self.selected()
        if into is None:
            into, ok = QInputDialog.getItem(self, self.tr("Merge Tags"), self.tr("Merge into:"), names, 0, True)
            if not ok or not into.strip():
                return
        for name in names:
            if name != into.strip():
                self._controller.rename_tag(name, into.strip())
        self.refresh()

    def delete(self, _checked: bool = False, confirm: bool = True) -> None:
        names = self.selected()
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete Tags"),
                self.tr("Remove %s from every annotation? (Edit ▸ Undo brings it back.)") % ", ".join(names),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        for name in names:
            self._controller.delete_tag(name)
        self.refresh()
