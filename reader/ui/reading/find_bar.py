"""The find bar: query field, previous/next, "3 / 12" match count, close.

It holds no search logic: it reports what the reader asks for through signals, and shows the
count it is given. Enter = next, Shift+Enter = previous, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Emits query_changed(str) as the user types, next/previous_requested, opened, and closed on Esc."""

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()
    opened = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("find_query")
        self.line_edit.setPlaceholderText(self.tr("Find (简/繁 alike)"))
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.textChanged.connect(self.query_changed)
        self.line_edit.installEventFilter(self)

        self.previous_button = self._button("go-up", "▲", self.tr("Previous match (Shift+Enter)"))
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = self._button("go-down", "▼", self.tr("Next match (Enter)"))
        self.next_button.clicked.connect(self.next_requested)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("find_count")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0000 / 0000"))
        self.close_button = self._button("window-close", "✕", self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)
        self.set_count(0, 0)

    def _button(self, icon_name: str, fallback: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        icon = QIcon.fromTheme(icon_name)
        if icon.isNull():
            button.setText(fallback)
        else:
            button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def query(self) -> str:
        return self.line_edit.text()

    def set_query(self, text: str) -> None:
        """Show `text` without emitting query_changed (the caller already searched for it)."""
        blocked = self.line_edit.blockSignals(True)
        self.line_edit.setText(text)
        self.line_edit.blockSignals(blocked)

    def open(self, text: str | None = None) -> None:
        """Show the bar with the query selected, ready to type over; emit query_changed if `text` differs."""
        if text is not None and text != self.line_edit.text():
            self.line_edit.setText(text)
        self.show()
        self.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line_edit.selectAll()
        self.opened.emit()

    def show_and_focus(self) -> None:
        self.open()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int, total: int) -> None:
        """current is 1-based; 0 with total 0 shows "No matches" once something was typed."""
        if total:
            self.count_label.setText(self.tr("%1 / %2").replace("%1", str(current)).replace("%2", str(total)))
        elif self.line_edit.text():
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText("")
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def count_text(self) -> str:
        return self.count_label.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_requested.emit()
                else:
                    self.next_requested.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
