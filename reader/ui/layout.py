"""Room to read: the first window's size, docks that give way to the text, focus mode, reset.

The reading panes come first. A window too narrow for both panes at ~30 characters of the
reader font first narrows its docks (down to a width at which titles still read), then puts
the right docks as tabs beside the left ones (one dock column instead of two), then hides the
docks; as the window grows again the docks come back, in the reverse order. Focus mode hides
every dock and toolbar and brings back exactly the ones that were showing; Reset Layout
restores the arrangement the window started with (a copy of its first saveState()).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPlainTextEdit, QTabBar, QToolBar, QWidget

from reader.ui.reading.linked_panes import LinkedPanes

LEFT_AREA = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT_AREA = Qt.DockWidgetArea.RightDockWidgetArea

# Characters of the reader font a pane keeps at the least ("国" wide each).
MIN_PANE_CHARS = 30
# Below this many pixels a screen is "small": the first window takes all of it, not 90 %.
SMALL_SCREEN_WIDTH = 1280
SMALL_SCREEN_HEIGHT = 900
SCREEN_SHARE = 0.9
# Room a window manager's frame takes around a window (title bar above, borders elsewhere).
FRAME_ALLOWANCE = QMargins(4, 32, 4, 4)
# Width a dock keeps when narrowed: this many characters of its own font ("国" wide each).
DOCK_CHARS = 16
# Docks come back only when they would leave the panes this much more than they need:
# without it a window at the edge would fold and unfold on every pixel.
HYSTERESIS = 24


def first_geometry(available: QRect) -> QRect:
    """The first window (no saved geometry): 90 % of a large screen, all of a small one,
    centred in `available` (QScreen.availableGeometry: the screen less panels and docks)."""
    if available.width() >= SMALL_SCREEN_WIDTH:
        width = round(available.width() * SCREEN_SHARE)
    else:
        width = available.width() - FRAME_ALLOWANCE.left() - FRAME_ALLOWANCE.right()
    if available.height() >= SMALL_SCREEN_HEIGHT:
        height = round(available.height() * SCREEN_SHARE)
    else:
        height = available.height() - FRAME_ALLOWANCE.top() - FRAME_ALLOWANCE.bottom()
    rect = QRect(0, 0, max(1, width), max(1, height))
    rect.moveCenter(available.center())
    return rect


def fit_inside(geometry: QRect, available: QRect) -> QRect:
    """A saved geometry brought back inside the screen it is shown on (it may have been saved
    on a larger or another monitor): shrunk to fit, then moved in."""
    inner = available.marginsRemoved(FRAME_ALLOWANCE) if available.height() > 200 else available
    rect = QRect(geometry)
    rect.setWidth(min(rect.width(), inner.width()))
    rect.setHeight(min(rect.height(), inner.height()))
    if rect.right() > inner.right():
        rect.moveRight(inner.right())
    if rect.bottom() > inner.bottom():
        rect.moveBottom(inner.bottom())
    if rect.left() < inner.left():
        rect.moveLeft(inner.left())
    if rect.top() < inner.top():
        rect.moveTop(inner.top())
    return rect


def char_width(widget: QWidget) -> float:
    """The advance of one CJK character ("国") in the widget's font."""
    return QFontMetricsF(widget.font()).horizontalAdvance("国")


def min_pane_width(pane: QPlainTextEdit, chars: int = MIN_PANE_CHARS) -> int:
    """The width a reader pane needs to show `chars` characters of its font on a line:
    the text itself, the document's margins, the frame and the vertical scroll bar."""
    text = char_width(pane) * chars + 2 * pane.document().documentMargin()
    scroll_bar = pane.verticalScrollBar().sizeHint().width()
    return math.ceil(text) + 2 * pane.frameWidth() + scroll_bar + 2


def min_view_width(view: LinkedPanes) -> int:
    """The width the linked panes need with every visible pane at its minimum."""
    splitter = view.splitter
    widths = []
    for n in range(splitter.count()):
        widget = splitter.widget(n)
        if widget is None or widget.isHidden():
            continue
        panes = [pane for pane in view.panes if widget.isAncestorOf(pane)]
        widths.append(min_pane_width(panes[0]) if panes else widget.minimumSizeHint().width())
    margins = view.contentsMargins()
    return sum(widths) + splitter.handleWidth() * max(0, len(widths) - 1) + margins.left() + margins.right()


def readable_dock_width(dock: QDockWidget) -> int:
    """How narrow a dock may get with its titles still reading (~16 characters)."""
    return max(dock.minimumSizeHint().width(), math.ceil(char_width(dock) * DOCK_CHARS))


@dataclass
class _Merged:
    """Right docks moved in as tabs of the left area: their tab groups and the width they had."""

    groups: list[list[QDockWidget]]
    visible: list[QDockWidget]
    width: int


@dataclass
class _Hidden:
    docks: list[QDockWidget]
    width: int


class LayoutKeeper(QObject):
    """Keeps the reading panes readable in `window`; focus mode and reset layout.

    `docks` are the window's docks in the order they were placed. The keeper watches the
    view's size (a window resize, a dock shown or moved) and the window's first show.
    """

    def __init__(self, window: QMainWindow, view: LinkedPanes, docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.docks = list(docks)
        self._merged: _Merged | None = None
        self._hidden: _Hidden | None = None
        self._pending = False
        self._focus = False
        self._focus_hidden: list[QWidget] = []
        self._initial_state: QByteArray = window.saveState()
        view.installEventFilter(self)
        window.installEventFilter(self)

    # -- watching -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.schedule()
        return False

    def schedule(self) -> None:
        """Fit once the layout has settled (after the events now queued)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self._pending = False
        self.fit()

    # -- sizes ----------------------------------------------------------------------------

    def first_run_sizes(self) -> None:
        """The first-run widths of the dock areas: narrow, readable, the rest for the panes."""
        width = self.window.width()
        left = self._area_docks(LEFT_AREA)
        right = self._area_docks(RIGHT_AREA)
        if left:
            want = max(readable_dock_width(d) for d in left)
            self.window.resizeDocks([left[0]], [max(want, round(width * 0.17))], Qt.Orientation.Horizontal)
        if right:
            want = max(readable_dock_width(d) for d in right)
            self.window.resizeDocks([right[0]], [max(want, round(width * 0.19))], Qt.Orientation.Horizontal)

    def spare_width(self) -> int:
        """What the view has beyond the panes' minimum (negative: the panes are too narrow)."""
        return self.view.width() - min_view_width(self.view)

    def fit(self) -> None:
        """Narrow, merge or hide docks until the panes have their minimum; bring docks back
        (reversing the last step taken) when there is room again."""
        if not self.window.isVisible():
            return
        self._show_full_tab_names()
        spare = self.spare_width()
        if spare < 0:
            self._make_room(-spare)
        elif spare > HYSTERESIS:
            self._give_back(spare)

    def _area_docks(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        """The docks showing in a dock area (tabbed-away docks count: their tab shows)."""
        return [
            dock
            for dock in self.docks
            if not dock.isFloating() and not dock.isHidden() and self.window.dockWidgetArea(dock) == area
        ]

    def _area_width(self, area: Qt.DockWidgetArea) -> int:
        docks = [dock for dock in self._area_docks(area) if dock.isVisible() and dock.width() > 0]
        return max((dock.width() for dock in docks), default=0)

    def _separator(self) -> int:
        return self.window.style().pixelMetric(self.window.style().PixelMetric.PM_DockWidgetSeparatorExtent, None, self.window)

    def _make_room(self, deficit: int) -> None:
        # 1. Narrow each dock area, down to its readable width.
        for area in (RIGHT_AREA, LEFT_AREA):
            docks = self._area_docks(area)
            width = self._area_width(area)
            if not docks or not width or deficit <= 0:
                continue
            floor = max(readable_dock_width(d) for d in docks)
            cut = min(width - floor, deficit)
            if cut > 0:
                self.window.resizeDocks([docks[0]], [width - cut], Qt.Orientation.Horizontal)
                deficit -= cut
        if deficit <= 0:
            return
        # 2. One dock column: the right docks become tabs of the left area.
        left, right = self._area_docks(LEFT_AREA), self._area_docks(RIGHT_AREA)
        right_width = self._area_width(RIGHT_AREA) + self._separator()
        widest = max((readable_dock_width(dock) for dock in right), default=0)
        frees = right_width - max(0, widest - self._area_width(LEFT_AREA))
        if left and right and self._merged is None and self._hidden is None and deficit > frees:
            # One column would still be too wide: the right docks go (to come back later).
            for dock in right:
                dock.hide()
            self._hidden = _Hidden(right, right_width)
            deficit -= right_width
            if deficit <= 0:
                return
            left, right = self._area_docks(LEFT_AREA), []
        if left and right and self._merged is None:
            self._merge_right_into_left(left, right)
            deficit -= self._merged.width if self._merged else 0
            if deficit <= 0:
                self._spread_column(-deficit)
                return
        # 3. Fewer docks: those too wide for the column left, else (or if still short) all.
        if self._hidden is None:
            self._hide_for_room(deficit)
            return
        shown = [dock for dock in self.docks if not dock.isFloating() and not dock.isHidden()]
        if shown:
            width = sum(self._area_width(area) + self._separator() for area in (LEFT_AREA, RIGHT_AREA) if self._area_docks(area))
            for dock in shown:
                dock.hide()
            self._hidden = _Hidden([*self._hidden.docks, *shown], self._hidden.width + width)

    def _merge_right_into_left(self, left: list[QDockWidget], right: list[QDockWidget]) -> None:
        """The right docks as tabs beside the lowest left ones: one dock column."""
        groups: list[list[QDockWidget]] = []
        placed: set[QDockWidget] = set()
        for dock in self.docks:
            if dock in placed or self.window.dockWidgetArea(dock) != RIGHT_AREA or dock.isFloating():
                continue
            group = [dock, *(d for d in self.window.tabifiedDockWidgets(dock) if d in self.docks)]
            group.sort(key=self.docks.index)
            groups.append(group)
            placed.update(group)
        visible = [dock for dock in right if dock.isVisible()]  # the raised tab of each group
        width = self._area_width(RIGHT_AREA) + self._separator()
        moved = [dock for group in groups for dock in group]
        # Tabs of the lowest left group: a group of their own under it would raise the
        # window's minimum height (all the groups' minimums stacked) above what it is now.
        lowest = max(left, key=lambda dock: dock.geometry().top())
        reading = next((d for d in (lowest, *self.window.tabifiedDockWidgets(lowest)) if d.isVisible()), lowest)
        for dock in moved:
            was_hidden = dock.isHidden()
            self.window.tabifyDockWidget(lowest, dock)
            dock.setHidden(was_hidden)
        reading.raise_()  # the tab the reader had open stays open
        self._merged = _Merged(groups, visible, width)

    def _spread_column(self, spare: int) -> None:
        """The one dock column takes what the panes can spare, and its tab groups share its height."""
        heads = [dock for dock in self._area_docks(LEFT_AREA) if dock.isVisible()]
        if not heads:
            return
        width = self._area_width(LEFT_AREA) + max(0, spare - HYSTERESIS)
        self.window.resizeDocks([heads[0]], [width], Qt.Orientation.Horizontal)
        height = sum(dock.height() for dock in heads)
        self.window.resizeDocks(heads, [height // len(heads)] * len(heads), Qt.Orientation.Vertical)

    def _hide_for_room(self, deficit: int) -> None:
        """Hide the docks too wide for what is left of the dock column, or all of them."""
        shown = [dock for dock in self.docks if not dock.isFloating() and not dock.isHidden()]
        if not shown:
            return
        areas = [area for area in (LEFT_AREA, RIGHT_AREA) if self._area_docks(area)]
        column = self._area_width(areas[0]) if len(areas) == 1 else 0
        target = column - deficit
        wide = [dock for dock in shown if readable_dock_width(dock) > target]
        rest = [dock for dock in shown if dock not in wide]
        if column and rest and wide:
            for dock in wide:
                dock.hide()
            self.window.resizeDocks([rest[0]], [target], Qt.Orientation.Horizontal)
            self._hidden = _Hidden(wide, column - target)
            return
        width = sum(self._area_width(area) + self._separator() for area in areas)
        for dock in shown:
            dock.hide()
        self._hidden = _Hidden(shown, width)

    def _give_back(self, spare: int) -> None:
        if self._hidden is not None:
            if self._focus or spare < self._hidden.width + HYSTERESIS:
                return
            hidden, self._hidden = self._hidden, None
            for dock in hidden.docks:
                dock.show()
            return
        if self._merged is not None and spare >= self._merged.width + HYSTERESIS:
            merged, self._merged = self._merged, None
            first: QDockWidget | None = None
            for group in merged.groups:
                head = group[0]
                was_hidden = head.isHidden()
                if first is None:
                    self.window.addDockWidget(RIGHT_AREA, head)
                    first = head
                else:
                    self.window.addDockWidget(RIGHT_AREA, head, Qt.Orientation.Vertical)
                head.setHidden(was_hidden)
                for dock in group[1:]:
                    was_hidden = dock.isHidden()
                    self.window.tabifyDockWidget(head, dock)
                    dock.setHidden(was_hidden)
            for dock in merged.visible:
                dock.raise_()
            if first is not None:
                self.window.resizeDocks([first], [merged.width - self._separator()], Qt.Orientation.Horizontal)

    def _show_full_tab_names(self) -> None:
        """Tabs of tabbed docks show whole titles (Qt elides them), scrolling when they must."""
        for bar in self.window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if bar.elideMode() != Qt.TextElideMode.ElideNone:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)

    def collapsed(self) -> str:
        """What the keeper has done to make room: "", "merged", "hidden" or "merged+hidden"."""
        return "+".join(name for name, done in (("merged", self._merged), ("hidden", self._hidden)) if done)

    # -- focus mode -----------------------------------------------------------------------

    def is_focus_mode(self) -> bool:
        return self._focus

    def set_focus_mode(self, on: bool) -> None:
        """Hide every dock and toolbar (the menu bar stays); off again, show exactly those."""
        if on == self._focus:
            return
        self._focus = on
        if on:
            self._focus_hidden = [w for w in (*self.docks, *self._toolbars()) if not w.isHidden()]
            for widget in self._focus_hidden:
                widget.hide()
        else:
            shown, self._focus_hidden = self._focus_hidden, []
            for widget in shown:
                widget.show()
            self.schedule()

    def _toolbars(self) -> list[QToolBar]:
        return self.window.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly)

    # -- reset ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Docks, toolbars and dock widths as on the first run."""
        self._focus = False
        self._focus_hidden = []
        self._merged = None
        self._hidden = None
        self.window.restoreState(self._initial_state)
        self.first_run_sizes()
        self.schedule()
