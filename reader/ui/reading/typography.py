"""Reading typography: face, line height and paragraph spacing, and the layout that draws them.

QPlainTextDocumentLayout (the lazy layout that keeps a QPlainTextEdit fast on long reports)
ignores a block's line height and margins. ReadingLayout keeps its lazy, line-by-line layout
and honours the two a reader needs, read from each block's QTextBlockFormat: a proportional
line height (lines spread apart, the text centred in each line box) and a bottom margin (space
after a paragraph). Lines and blocks stay what they were, so scrolling by line and the panes'
block-by-block scroll sync are untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

from reader.ui import settings
from reader.ui.fonts import FACES, SANS

PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value

LINE_HEIGHTS = (100, 130, 160, 180, 200)  # percent of the font's line spacing
PARAGRAPH_SPACINGS = (0, 25, 50, 100)  # percent of a line
MIN_LINE_HEIGHT, MAX_LINE_HEIGHT = 100, 200
MAX_PARAGRAPH_SPACING = 200


@dataclass(frozen=True, slots=True)
class ReadingStyle:
    """How a reading pane sets its text. The defaults suit long Chinese prose."""

    face: str = SANS
    line_height: int = 160
    paragraph_spacing: int = 50

    def clamped(self) -> ReadingStyle:
        return ReadingStyle(
            self.face if self.face in FACES else SANS,
            max(MIN_LINE_HEIGHT, min(MAX_LINE_HEIGHT, self.line_height)),
            max(0, min(MAX_PARAGRAPH_SPACING, self.paragraph_spacing)),
        )

    def with_(self, **changes: object) -> ReadingStyle:
        return replace(self, **changes).clamped()  # type: ignore[arg-type]


def load_style() -> ReadingStyle:
    """The reading style remembered in the settings (the default for anything missing or bad)."""
    default = ReadingStyle()
    line_height = settings.get_int(settings.LINE_HEIGHT)
    spacing = settings.get_int(settings.PARAGRAPH_SPACING)
    return ReadingStyle(
        settings.get_str(settings.READING_FACE, default.face),
        default.line_height if line_height is None else line_height,
        default.paragraph_spacing if spacing is None else spacing,
    ).clamped()


def save_style(style: ReadingStyle) -> None:
    settings.set_value(settings.READING_FACE, style.face)
    settings.set_value(settings.LINE_HEIGHT, style.line_height)
    settings.set_value(settings.PARAGRAPH_SPACING, style.paragraph_spacing)


def block_format(edit: QPlainTextEdit, style: ReadingStyle) -> QTextBlockFormat:
    """The block format of `style` at the edit's current font (a paragraph's spacing is a
    fraction of its line pitch, so it is recomputed when the font size changes)."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(float(style.line_height), PROPORTIONAL)
    pitch = QFontMetricsF(edit.font()).lineSpacing() * style.line_height / 100
    fmt.setBottomMargin(round(pitch * style.paragraph_spacing / 100))
    return fmt


def apply_style(edit: QPlainTextEdit, style: ReadingStyle) -> None:
    """Set every block of the edit's document in `style` (one pass over the blocks, no layout:
    blocks are laid out lazily as they come into view)."""
    cursor = QTextCursor(edit.document())
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(block_format(edit, style))
    cursor.endEditBlock()


class ReadingLayout(QPlainTextDocumentLayout):
    """A plain-text layout that spaces lines and paragraphs as their block formats ask.

    Qt asks for a block's rectangle thousands of times (every extra selection's update walks
    the blocks on screen), so the spaced height of a block is remembered by block number and
    trusted while the block's last line still sits where this layout put it; a block Qt laid
    out again (new text, new width, new format) has its lines back at their natural places
    and is spaced anew.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        # block number → (y this layout gave the last line, the block's spaced rectangle)
        self._spaced: dict[int, tuple[float, QRectF]] = {}

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 (Qt's name)
        layout = block.layout()
        count = layout.lineCount()  # 0 once Qt has dropped the block's layout
        number = block.blockNumber()
        if count:
            known = self._spaced.get(number)
            if known is not None and layout.lineAt(count - 1).y() == known[0]:
                return known[1]
        rect = super().blockBoundingRect(block)  # lays the block out when it is not yet
        if not block.isVisible():
            return rect
        count = layout.lineCount()
        if count == 0:
            return rect
        fmt = block.blockFormat()
        factor = fmt.lineHeight() / 100 if fmt.lineHeightType() == PROPORTIONAL and fmt.lineHeight() > 0 else 1.0
        bottom = fmt.bottomMargin()
        if factor == 1.0 and bottom == 0:
            self._spaced.pop(number, None)
            return rect
        y = 0.0
        top = 0.0
        for n in range(count):
            line = layout.lineAt(n)
            height = line.height()
            pitch = round(height * factor)
            top = y + (pitch - height) // 2
            if line.y() != top:  # Qt laid it out (again) at its natural place
                line.setPosition(QPointF(line.x(), top))
            y += pitch
        height = y + bottom
        if not block.next().isValid():
            height += self.document().documentMargin()
        spaced = QRectF(rect.x(), rect.y(), rect.width(), height)
        if top != 0.0 or count > 1:  # a one-line block at y 0 cannot tell spaced from natural
            self._spaced[number] = (top, spaced)
        return spaced

    def documentChanged(self, position: int, removed: int, added: int) -> None:  # noqa: N802 (Qt's name)
        self._spaced.clear()  # block numbers may now name other blocks
        super().documentChanged(position, removed, added)


def install_layout(edit: QPlainTextEdit) -> ReadingLayout:
    """Lay the edit's document out with a ReadingLayout (before any text is set).

    The document stays the one the edit made (a document made here would be owned by Python
    and its wrapper could outlive it); setDocument again makes the edit take up the new layout.
    """
    document = edit.document()
    layout = ReadingLayout(document)
    document.setDocumentLayout(layout)  # the document owns it and deletes the old one
    edit.setDocument(document)
    return layout
