"""Draw a report's paragraphs into a PDF laid out as report PDFs are, for the PDF import tests.

    QT_QPA_PLATFORM=offscreen python -m tools.make_fixture_pdfs [OUT_DIR]

writes, from tests/fixtures/pdf/report.txt, to OUT_DIR (default tests/fixtures/pdf):
  report.pdf      the report over a few A4 pages: 20 pt body hard-wrapped by Qt's line breaking
                  (each visual line drawn on its own, 2-character first-line indent), a running
                  header "2024年政府工作报告" with a rule, page numbers cycling 1 / - 2 - / 第3页 /
                  —4—, the title and a heading each wrapped over two lines, bold headings (faked
                  by double strike in a font without a bold face, as real PDFs have) and the
                  table after its caption as ruled cells;
  report.lines.json  per page, the lines drawn, in order (what extraction should give back);
  radicals.pdf    one page whose text layer carries Kangxi radicals (⼯⼈⽉) and radicals
                  supplement forms (⺠⻓⻚), U+2E3A dashes, and full-width punctuation;
  image_only.pdf  one page holding only a picture of text (a scan: no text layer);
  truncated.pdf   the first 40 % of report.pdf's bytes (a broken download);
  encrypted.pdf   report.pdf with a user password (AES-256), and
  labelled.pdf    report.pdf with /PageLabels i, ii, 1, 2 — both only when pypdf can be imported
                  (a tool used once here, not a dependency: the committed bytes are the fixture).

render_report() is also what the pdf_import benchmark calls to make a 60-page report at run time.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures" / "pdf"
HEADER = "2024年政府工作报告"
DPI = 300  # device units per inch of the QPdfWriter
BODY_FONT = "AR PL UMing CN"  # no bold face: headings are drawn twice (fake bold), as in many real PDFs
RADICAL_FONT = "Noto Serif CJK SC"  # shares glyphs between radicals and ideographs

PAGE_NUMBERS: tuple[Callable[[int], str], ...] = (
    lambda n: f"{n}", lambda n: f"- {n} -", lambda n: f"第{n}页", lambda n: f"—{n}—",
)


def _pt(points: float) -> float:
    return points * DPI / 72.0


def _mm(mm: float) -> float:
    return _pt(mm / 25.4 * 72)


def _app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def is_heading(paragraph: str) -> bool:
    return len(paragraph) < 40 and (paragraph[:2] in {c + "、" for c in "一二三四五六七八九十"})


def is_caption(paragraph: str) -> bool:
    return paragraph.startswith("表") and "：" in paragraph[:4]


class _Full(Exception):
    """The page limit is reached."""


class _Writer:
    """Paginates lines onto A4 pages and records what each page shows."""

    def __init__(self, path: Path, header: str, family: str, max_pages: int = 0) -> None:
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(DPI)
        self.writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        self.writer.setTitle(header)
        self.writer.setCreator("Report Reader test fixtures (tools/make_fixture_pdfs.py)")
        self.painter = QPainter(self.writer)
        self.header = header
        self.max_pages = max_pages

        def font(size: float, bold: bool = False) -> QFont:
            f = QFont(family)
            f.setPointSizeF(size)
            f.setBold(bold)
            return f

        self.body = font(20)
        self.heading = font(20, bold=True)
        self.title = font(22, bold=True)
        self.small = font(11)
        self.cell = font(14)
        self.width = self.writer.width()
        self.height = self.writer.height()
        self.left = _mm(28)
        self.text_width = self.width - 2 * self.left
        self.pages: list[list[str]] = []
        self.y = 0.0
        self._new_page(first=True)

    def _new_page(self, first: bool = False) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QColor, QFontMetricsF, QPen

        if not first:
            if len(self.pages) == self.max_pages:
                raise _Full
            self._page_number()
            self.writer.newPage()
        self.pages.append([])
        self.painter.setFont(self.small)
        width = QFontMetricsF(self.small, self.writer).horizontalAdvance(self.header)
        y = _mm(22)
        self.painter.drawText(QPointF((self.width - width) / 2, y), self.header)
        self.painter.setPen(QPen(QColor("black"), _pt(0.5)))
        self.painter.drawLine(QPointF(self.left, y + _pt(5)), QPointF(self.width - self.left, y + _pt(5)))
        self.pages[-1].append(self.header)
        self.y = _mm(37)

    def _page_number(self) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QFontMetricsF

        n = len(self.pages)
        label = PAGE_NUMBERS[(n - 1) % len(PAGE_NUMBERS)](n)
        self.painter.setFont(self.small)
        width = QFontMetricsF(self.small, self.writer).horizontalAdvance(label)
        self.painter.drawText(QPointF((self.width - width) / 2, self.height - _mm(18)), label)
        self.pages[-1].append(label)

    def _room(self, height: float) -> bool:
        return self.y + height <= self.height - _mm(35)

    def paragraph(self, text: str, font: object, indent_chars: float = 2.0) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

        assert isinstance(font, QFont)
        metrics = QFontMetricsF(font, self.writer)
        indent = metrics.horizontalAdvance("国") * indent_chars
        layout = QTextLayout(text, font, self.writer)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines: list[str] = []
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(self.text_width - (indent if not lines else 0.0))
            lines.append(text[line.textStart(): line.textStart() + line.textLength()])
        layout.endLayout()
        pitch = _pt(font.pointSizeF() * 2.1)
        for k, line_text in enumerate(lines):
            if not self._room(pitch):
                self._new_page()
            self.painter.setFont(font)
            self.painter.drawText(QPointF(self.left + (indent if k == 0 else 0.0), self.y + metrics.ascent()),
                                  line_text.rstrip())
            self.pages[-1].append(line_text.rstrip())
            self.y += pitch

    def keep(self, height: float) -> None:
        """Start a new page unless `height` fits on this one (a caption stays with its table)."""
        if not self._room(height):
            self._new_page()

    def table_height(self, rows: int) -> float:
        from PySide6.QtGui import QFontMetricsF

        return QFontMetricsF(self.cell, self.writer).height() * 1.8 * rows + _pt(20 * 2.1)

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor, QFontMetricsF, QPen

        row_height = QFontMetricsF(self.cell, self.writer).height() * 1.8
        columns = len(rows[0])
        widths = [self.text_width * 0.42] + [self.text_width * 0.58 / (columns - 1)] * (columns - 1)
        self.painter.setPen(QPen(QColor("black"), _pt(0.75)))
        self.painter.setFont(self.cell)
        for cells in rows:
            x = self.left
            for width, cell in zip(widths, cells, strict=True):
                rect = QRectF(x, self.y, width, row_height)
                self.painter.drawRect(rect)
                self.painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), cell)
                x += width
            self.pages[-1].append(" ".join(cells))
            self.y += row_height
        self.y += _pt(12)

    def close(self) -> list[list[str]]:
        self._page_number()
        self.painter.end()
        return self.pages


def render_report(paragraphs: Sequence[str], path: Path, *, header: str = HEADER,
                  family: str = BODY_FONT, max_pages: int = 0) -> list[list[str]]:
    """Draw `paragraphs` (the first is the title; 一、… are headings; 表N：… is a table caption
    and the lines after it with as many space-separated cells as the first are its rows) into a
    PDF at `path`, stopping at the end of page `max_pages` if given. Returns each page's lines
    as drawn."""
    _app()
    out = _Writer(path, header, family, max_pages)
    try:
        _draw(out, paragraphs)
    except _Full:
        pass
    return out.close()


def _draw(out: _Writer, paragraphs: Sequence[str]) -> None:
    k = 0
    while k < len(paragraphs):
        text = paragraphs[k]
        if k == 0:
            out.paragraph(text, out.title, indent_chars=0)
        elif is_heading(text):
            out.paragraph(text, out.heading, indent_chars=0)
        elif is_caption(text):
            rows = [paragraphs[k + 1].split()]
            while k + 1 + len(rows) < len(paragraphs) and len(paragraphs[k + 1 + len(rows)].split()) == len(rows[0]):
                rows.append(paragraphs[k + 1 + len(rows)].split())
            out.keep(out.table_height(len(rows)))
            out.paragraph(text, out.heading, indent_chars=0)
            out.table(rows)
            k += len(rows)
        else:
            out.paragraph(text, out.body)
        k += 1


def render_radicals(path: Path) -> list[list[str]]:
    """One page whose text layer holds radicals (drawn as those code points) beside the same words
    in unified ideographs, and the full-width punctuation that must survive the fold."""
    _app()
    out = _Writer(path, HEADER, RADICAL_FONT)
    out.paragraph("⸺⼈⺠⽣活⽔平提⾼，⼯业增加值增⻓4.6%（第⼀季度）。", out.body, indent_chars=0)
    out.paragraph("——人民生活水平提高，工业增加值增长4.6%（第一季度）。", out.body, indent_chars=0)
    out.paragraph("⻅第12⻚：⻓江、⻩河；⻢上⻜⻋“⻔”！", out.body, indent_chars=0)
    return out.close()


def render_image_only(path: Path) -> None:
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    _app()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    image = QImage(620, 877, QImage.Format.Format_Grayscale8)  # A4 at 75 dpi: a scan, kept small
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(BODY_FONT, 10))
    painter.setPen(QColor("black"))
    for k, line in enumerate(["2024年政府工作报告", "各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议。"]):
        painter.drawText(75, 100 + 45 * k, line)
    painter.end()
    page = QPainter(writer)
    page.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    page.end()


def _with_pypdf(source: Path, out_dir: Path) -> None:
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        print("pypdf cannot be imported: encrypted.pdf and labelled.pdf left as they are", file=sys.stderr)
        return
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="AES-256")
    with open(out_dir / "encrypted.pdf", "wb") as handle:
        writer.write(handle)
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.set_page_label(0, 1, style="/r")  # i, ii
    writer.set_page_label(2, len(writer.pages) - 1, style="/D", start=1)  # 1, 2, …
    with open(out_dir / "labelled.pdf", "wb") as handle:
        writer.write(handle)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else FIXTURES
    out_dir.mkdir(parents=True, exist_ok=True)
    text = (FIXTURES / "report.txt").read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    report = out_dir / "report.pdf"
    pages = render_report(paragraphs, report)
    (out_dir / "report.lines.json").write_text(json.dumps(pages, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
    render_radicals(out_dir / "radicals.pdf")
    render_image_only(out_dir / "image_only.pdf")
    data = report.read_bytes()
    (out_dir / "truncated.pdf").write_bytes(data[: len(data) * 2 // 5])
    _with_pypdf(report, out_dir)
    for path in sorted(out_dir.glob("*.pdf")):
        print(f"{path.name}: {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
