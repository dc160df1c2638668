"""The Qt side of the bilingual view: hiding one language in each pane, and keeping runs level.

Both panes hold the whole document; QPlainTextDocumentLayout gives a hidden block no lines, so
the scroll bar, firstVisibleBlock and scroll_to_block skip it. Scroll sync works on runs (a
Chinese paragraph and its several English ones): the fraction of a run's lines scrolled past on
one side is the fraction scrolled past on the other.
"""

from __future__ import annotations

from collections.abc import Container

from reader.core.bilingual import ZH, BilingualLink
from reader.ui.reading.pane import ReaderPane


def show_only(pane: ReaderPane, shown: Container[int] | None) -> None:
    """Show the blocks whose numbers are in `shown` and hide the rest (None: show every block)."""
    document = pane.document()
    block = document.begin()
    changed = False
    while block.isValid():
        visible = shown is None or block.blockNumber() in shown
        if block.isVisible() != visible:
            block.setVisible(visible)
            changed = True
        block = block.next()
    if changed:
        document.markContentsDirty(0, document.characterCount())
        pane.viewport().update()


def blocks_of(link: BilingualLink, language: str) -> set[int]:
    return {n for n, lang in enumerate(link.languages) if lang == language}


def _run_lines(pane: ReaderPane, run: range) -> list[int]:
    """Lines of each block of a run as laid out now (a hidden block has none)."""
    document = pane.document()
    layout = document.documentLayout()
    lines = []
    for number in run:
        block = document.findBlockByNumber(number)
        if block.isVisible():
            layout.blockBoundingRect(block)  # lays it out, so lineCount is real
            lines.append(max(1, block.lineCount()))
        else:
            lines.append(0)
    return lines


def counterpart(link: BilingualLink, panes: tuple[ReaderPane, ReaderPane], side: int) -> tuple[int, float] | None:
    """(block, fraction of its lines) to put at the top of the other pane so the run at the top
    of `side` is level with its translation; None when the top run has no counterpart."""
    pane = panes[side]
    number, fraction = pane.top_position()
    pair = link.pair_of(number)
    if pair is None or not pair.paired:
        return None
    mine = pair.run(link.language(number))
    theirs = pair.english if link.language(number) == ZH else pair.chinese
    lines = _run_lines(pane, mine)
    total = sum(lines) or 1
    past = sum(lines[: number - mine.start]) + fraction * lines[number - mine.start]
    share = past / total
    other_lines = _run_lines(panes[1 - side], theirs)
    target = share * (sum(other_lines) or 1)
    for offset, count in enumerate(other_lines):
        if count and target < count:
            return theirs.start + offset, target / count
        target -= count
    return theirs.start, 0.0
