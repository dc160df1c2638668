"""A small chart drawn with QPainter (the PySide6-Essentials wheel has no QtCharts).

Generic on purpose, for every window that plots something over the years: a chart is a list of
Series (points (x, y), drawn as a line with markers or as bars), optional Bands (a vertical range
per x: a target's 6.5–7 %, or an open-ended 以上 / 以下 with one side None), labels for the x
ticks, a title and a y-axis label. Clicking near an x emits xClicked(x) (and pointClicked(series
index, x) when a point of a series was hit), so a window can list what that year holds.

Colour is never the only mark: each series has its own marker shape and a legend entry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

LINE, BARS = "line", "bars"
CIRCLE, SQUARE, TRIANGLE, DIAMOND = "circle", "square", "triangle", "diamond"
# Distinct colours (Okabe–Ito, readable by most colour-blind readers) and shapes, cycled.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
MARKERS = (CIRCLE, SQUARE, TRIANGLE, DIAMOND)


@dataclass(frozen=True, slots=True)
class Series:
    """Points (x, y) in x order; kind LINE (markers joined, a gap where an x is missing) or BARS."""

    name: str
    points: tuple[tuple[float, float], ...]
    kind: str = LINE
    color: str = ""  # "" = the palette's colour for the series' place
    marker: str = ""  # "" = the marker for the series' place


@dataclass(frozen=True, slots=True)
class Band:
    """A vertical range at x: low..high, either end None for an open range (以上: high None)."""

    x: float
    low: float | None
    high: float | None
    label: str = ""  # a tooltip (e.g. the target as written)


@dataclass(frozen=True, slots=True)
class ChartData:
    title: str = ""
    series: tuple[Series, ...] = ()
    bands: tuple[Band, ...] = ()
    band_name: str = ""  # the legend's name for the bands ("" = no legend entry)
    x_labels: dict[float, str] = field(default_factory=dict)  # tick labels; default str(int(x))
    y_label: str = ""
    y_from_zero: bool = False  # bars always start at zero


_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 44.0, 12.0, 8.0, 22.0
_HIT = 8.0  # pixels around a marker that count as clicking it
_BAND_FILL = QColor(0, 114, 178, 55)
_BAND_EDGE = QColor(0, 114, 178, 150)


class ChartWidget(QWidget):
    """Draws a ChartData; small by default (a chart per indicator or per term fits in a grid)."""

    xClicked = Signal(float)  # noqa: N815 (Qt's signal naming)
    pointClicked = Signal(int, float)  # noqa: N815

    def __init__(self, parent: QWidget | None = None, data: ChartData | None = None) -> None:
        super().__init__(parent)
        self.data = data or ChartData()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(220, 150)
        self.setMouseTracking(True)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, 210)

    # -- geometry ---------------------------------------------------------------------------

    def xs(self) -> list[float]:
        """Every x the chart has, in order."""
        found = {x for s in self.data.series for x, _ in s.points} | {b.x for b in self.data.bands} | set(self.data.x_labels)
        return sorted(found)

    def _y_range(self) -> tuple[float, float]:
        values = [y for s in self.data.series for _, y in s.points]
        values += [v for b in self.data.bands for v in (b.low, b.high) if v is not None]
        if any(s.kind == BARS for s in self.data.series) or self.data.y_from_zero:
            values.append(0.0)
        if not values:
            return 0.0, 1.0
        low, high = min(values), max(values)
        if math.isclose(low, high):
            pad = abs(low) * 0.1 or 1.0
            return low - pad, high + pad
        pad = (high - low) * 0.12
        return (low if low == 0.0 else low - pad), high + pad

    def _plot_rect(self, width: float, height: float) -> QRectF:
        top = _MARGIN_TOP + (self._title_height() if self.data.title else 0.0) + self._legend_height()
        return QRectF(_MARGIN_LEFT, top, max(width - _MARGIN_LEFT - _MARGIN_RIGHT, 10.0), max(height - top - _MARGIN_BOTTOM, 10.0))

    def _title_height(self) -> float:
        return QFontMetricsF(self._title_font()).height() + 4.0

    def _legend_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 2.0 if self._legend_entries() else 0.0

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def x_position(self, x: float, plot: QRectF) -> float:
        xs = self.xs()
        if len(xs) <= 1:
            return plot.center().x()
        step = plot.width() / len(xs)
        index = xs.index(x) if x in xs else 0
        return plot.left() + step * (index + 0.5)

    def _y_position(self, y: float, plot: QRectF, y_range: tuple[float, float]) -> float:
        low, high = y_range
        return plot.bottom() - (y - low) / (high - low) * plot.height()

    def _color(self, index: int, series: Series) -> QColor:
        return QColor(series.color or PALETTE[index % len(PALETTE)])

    def _marker(self, index: int, series: Series) -> str:
        return series.marker or MARKERS[index % len(MARKERS)]

    def _legend_entries(self) -> list[tuple[str, QColor, str]]:
        entries = [
            (s.name, self._color(i, s), self._marker(i, s) if s.kind == LINE else "bar") for i, s in enumerate(self.data.series) if s.name
        ]
        if self.data.band_name and self.data.bands:
            entries.insert(0, (self.data.band_name, _BAND_EDGE, "band"))
        return entries

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        try:
            self.paint(painter, float(self.width()), float(self.height()))
        finally:
            painter.end()

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        """Draw the whole chart into a width × height area (the widget, or an image to save)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(palette.ColorRole.WindowText)
        painter.fillRect(QRectF(0, 0, width, height), palette.color(palette.ColorRole.Base))
        metrics = QFontMetricsF(self.font())
        top = _MARGIN_TOP
        if self.data.title:
            painter.setFont(self._title_font())
            painter.setPen(text_color)
            painter.drawText(QRectF(4, top - 4, width - 8, self._title_height()), Qt.AlignmentFlag.AlignLeft, self.data.title)
            painter.setFont(self.font())
            top += self._title_height()
        self._paint_legend(painter, top, width, text_color)
        plot = self._plot_rect(width, height)
        y_range = self._y_range()
        self._paint_axes(painter, plot, y_range, metrics, text_color)
        for band in self.data.bands:
            self._paint_band(painter, band, plot, y_range)
        bar_series = [i for i, s in enumerate(self.data.series) if s.kind == BARS]
        for i, series in enumerate(self.data.series):
            if series.kind == BARS:
                self._paint_bars(painter, i, series, plot, y_range, bar_series.index(i), len(bar_series))
            else:
                self._paint_line(painter, i, series, plot, y_range)

    def _paint_legend(self, painter: QPainter, top: float, width: float, text_color: QColor) -> None:
        metrics = QFontMetricsF(self.font())
        x = _MARGIN_LEFT
        size = metrics.height() * 0.6
        for name, color, shape in self._legend_entries():
            centre = QPointF(x + size / 2, top + metrics.height() / 2)
            if shape == "band":
                painter.fillRect(QRectF(x, centre.y() - size / 2, size, size), _BAND_FILL)
                painter.setPen(QPen(_BAND_EDGE, 1))
                painter.drawRect(QRectF(x, centre.y() - size / 2, size, size))
            elif shape == "bar":
                painter.fillRect(QRectF(x, centre.y() - size / 2, size, size), color)
            else:
                _draw_marker(painter, centre, shape, color, size * 0.8)
            painter.setPen(text_color)
            painter.drawText(QPointF(x + size + 4, top + metrics.ascent()), name)
            x += size + 4 + metrics.horizontalAdvance(name) + 14
            if x > width:
                break

    def _paint_axes(self, painter: QPainter, plot: QRectF, y_range: tuple[float, float], metrics: QFontMetricsF, text: QColor) -> None:
        grid = QColor(text)
        grid.setAlpha(40)
        for value in _ticks(*y_range):
            y = self._y_position(value, plot, y_range)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = f"{value:g}"
            painter.drawText(QPointF(plot.left() - 4 - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1), label)
        if self.data.y_label:
            painter.save()
            painter.translate(10, plot.center().y())
            painter.rotate(-90)
            painter.setPen(text)
            painter.drawText(QPointF(-metrics.horizontalAdvance(self.data.y_label) / 2, 0), self.data.y_label)
            painter.restore()
        axis = QColor(text)
        axis.setAlpha(140)
        painter.setPen(QPen(axis, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(text)
        xs = self.xs()
        last_right = -1e9
        for x in xs:
            label = self.data.x_labels.get(x, f"{x:g}")
            centre = self.x_position(x, plot)
            w = metrics.horizontalAdvance(label)
            if centre - w / 2 < last_right + 4:
                continue  # no room: every other label on a crowded axis
            painter.drawText(QPointF(centre - w / 2, plot.bottom() + metrics.ascent() + 3), label)
            last_right = centre + w / 2

    def _step(self, plot: QRectF) -> float:
        return plot.width() / max(len(self.xs()), 1)

    def _paint_band(self, painter: QPainter, band: Band, plot: QRectF, y_range: tuple[float, float]) -> None:
        centre = self.x_position(band.x, plot)
        half = self._step(plot) * 0.3
        top = plot.top() if band.high is None else self._y_position(band.high, plot, y_range)
        bottom = plot.bottom() if band.low is None else self._y_position(band.low, plot, y_range)
        rect = QRectF(centre - half, min(top, bottom), 2 * half, max(abs(bottom - top), 2.0))
        painter.fillRect(rect, _BAND_FILL)
        painter.setPen(QPen(_BAND_EDGE, 1.5))
        if band.high is not None:
            painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
        if band.low is not None:
            painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))

    def _paint_line(self, painter: QPainter, index: int, series: Series, plot: QRectF, y_range: tuple[float, float]) -> None:
        color = self._color(index, series)
        points = [QPointF(self.x_position(x, plot), self._y_position(y, plot, y_range)) for x, y in series.points]
        xs = self.xs()
        painter.setPen(QPen(color, 1.6))
        for n in range(1, len(points)):
            if xs.index(series.points[n][0]) - xs.index(series.points[n - 1][0]) == 1:  # joined only between neighbouring years
                painter.drawLine(points[n - 1], points[n])
        for point in points:
            _draw_marker(painter, point, self._marker(index, series), color, 7.0)

    def _paint_bars(
        self, painter: QPainter, index: int, series: Series, plot: QRectF, y_range: tuple[float, float], place: int, count: int
    ) -> None:
        color = self._color(index, series)
        width = self._step(plot) * 0.7 / max(count, 1)
        zero = self._y_position(max(y_range[0], 0.0), plot, y_range)
        for x, y in series.points:
            left = self.x_position(x, plot) - self._step(plot) * 0.35 + place * width
            top = self._y_position(y, plot, y_range)
            painter.fillRect(QRectF(left, min(top, zero), width - 1, abs(zero - top)), color)

    # -- clicks and images ------------------------------------------------------------------

    def x_at(self, px: float) -> float | None:
        """The x whose column holds the pixel px, or None outside the plot."""
        plot = self._plot_rect(float(self.width()), float(self.height()))
        xs = self.xs()
        if not xs or not plot.left() <= px <= plot.right():
            return None
        index = min(int((px - plot.left()) / self._step(plot)), len(xs) - 1)
        return xs[index]

    def point_position(self, series_index: int, x: float) -> QPointF:
        """Where the point of a series at x is drawn, in widget pixels (for tests and tooltips)."""
        plot = self._plot_rect(float(self.width()), float(self.height()))
        y = dict(self.data.series[series_index].points)[x]
        return QPointF(self.x_position(x, plot), self._y_position(y, plot, self._y_range()))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position()
        x = self.x_at(position.x())
        if x is None:
            return
        for i, series in enumerate(self.data.series):
            if x in dict(series.points):
                point = self.point_position(i, x)
                if series.kind == BARS or abs(point.y() - position.y()) <= _HIT:
                    self.pointClicked.emit(i, x)
                    break
        self.xClicked.emit(x)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        x = self.x_at(event.position().x())
        lines = []
        if x is not None:
            lines.append(self.data.x_labels.get(x, f"{x:g}"))
            lines += [band.label for band in self.data.bands if band.x == x and band.label]
            lines += [f"{s.name}: {dict(s.points)[x]:g}" for s in self.data.series if x in dict(s.points)]
        self.setToolTip("\n".join(lines))
        super().mouseMoveEvent(event)

    def to_image(self, width: int = 0, height: int = 0, scale: float = 2.0) -> QImage:
        """The chart drawn into an image (width × height logical pixels; default the widget's size)."""
        width, height = width or self.width(), height or self.height()
        image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(self.palette().color(self.palette().ColorRole.Base))
        painter = QPainter(image)
        try:
            painter.setFont(self.font())
            self.paint(painter, float(width), float(height))
        finally:
            painter.end()
        return image


def charts_image(charts: Sequence[ChartWidget], columns: int = 2, width: int = 420, height: int = 240, scale: float = 2.0) -> QImage:
    """Several charts in a grid as one image (an export of every chart in a window)."""
    rows = max(math.ceil(len(charts) / columns), 1)
    image = QImage(int(columns * width * scale), int(rows * height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        for n, chart in enumerate(charts):
            painter.save()
            painter.translate((n % columns) * width, (n // columns) * height)
            painter.setClipRect(QRectF(0, 0, width, height))
            painter.setFont(chart.font())
            chart.paint(painter, float(width), float(height))
            painter.restore()
    finally:
        painter.end()
    return image


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values between low and high (about count of them)."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _draw_marker(painter: QPainter, centre: QPointF, shape: str, color: QColor, size: float) -> None:
    painter.setPen(QPen(color.darker(130), 1))
    painter.setBrush(QBrush(color))
    half = size / 2
    if shape == SQUARE:
        painter.drawRect(QRectF(centre.x() - half, centre.y() - half, size, size))
    elif shape == TRIANGLE:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - half),
                    QPointF(centre.x() + half, centre.y() + half),
                    QPointF(centre.x() - half, centre.y() + half),
                ]
            )
        )
    elif shape == DIAMOND:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - half),
                    QPointF(centre.x() + half, centre.y()),
                    QPointF(centre.x(), centre.y() + half),
                    QPointF(centre.x() - half, centre.y()),
                ]
            )
        )
    else:
        painter.drawEllipse(centre, half, half)
    painter.setBrush(Qt.BrushStyle.NoBrush)
