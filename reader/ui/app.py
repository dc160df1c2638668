"""Start-up of the GUI: the application object, the library, the main window, --screenshot."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.errors import ReaderError
from reader.ops.documents import open_library
from reader.ui import i18n, settings

if TYPE_CHECKING:
    from reader.store.library import Library
    from reader.ui.main_window import MainWindow

ORGANIZATION = "Report Reader"
APPLICATION = "report-reader"
SCREENSHOT_WAIT_MS = 20_000
WORKERS_WAIT_MS = 60_000


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        # A bare QCoreApplication / QGuiApplication cannot host widgets, and Qt allows only one.
        raise RuntimeError(f"report-reader: the running {type(existing).__name__} cannot show widgets")
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(sys.argv[:1])
    i18n.install()  # before the first translated string; the CLI never gets here and stays English
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Report Reader"))
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("io.github.report_reader.ReportReader")  # Wayland finds its .desktop entry by this
    return app


def app_icon() -> QIcon:
    """The app's icon in every size drawn from resources/icons/report-reader.svg (PNGs: the
    bundle carries no SVG image plugin)."""
    from reader.paths import resources_dir

    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("report-reader-*.png")):
        icon.addFile(str(png))
    return icon


def run(args: argparse.Namespace) -> int:
    if args.screenshot:
        # A screenshot needs no screen: draw offscreen unless the caller chose a platform.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif _no_display():
        print("report-reader: no display to open a window on (set DISPLAY, or use --screenshot)", file=sys.stderr)
        return 1
    app = application()
    from reader.ui.main_window import MainWindow

    try:
        library = open_library(args.library, daily_copy=False)
    except ReaderError as exc:
        print(f"report-reader: {exc}", file=sys.stderr)
        if not args.screenshot:  # a screenshot run has nobody to click the dialog away
            QMessageBox.critical(None, QCoreApplication.translate("app", "Report Reader"), str(exc))
        return 1
    if args.doc is not None:
        try:
            library.info(args.doc)
        except ReaderError as exc:
            print(f"report-reader: {exc}", file=sys.stderr)
            library.close()
            return 1
    if args.screenshot:
        settings.set_read_only(True)
    window = MainWindow(library, paint_first=True)
    window.first_paint.painted.connect(_collect_again)
    if not library.read_only:
        window.first_paint.later(lambda: _copy_once_a_day(library.path))
    try:
        window.restore_state()
        window.open_initial_document(args.doc)
        if args.screenshot:
            return _screenshot(app, window, Path(args.screenshot))
        window.show()
        return app.exec()
    finally:
        _dispose(window, library)


def _copy_once_a_day(path: Path) -> None:
    """The day's first copy of the library (reader.store.backup), on a worker thread with its
    own connection: copying a large library takes seconds the window should not wait for."""
    from reader.ops.documents import daily_backup
    from reader.store.library import Library
    from reader.ui import workers

    def copy(_report: object) -> None:
        with Library.open(path) as library:
            daily_backup(library)

    workers.start(workers.Job(copy))


def _collect_again() -> None:
    """After the first paint: what start-up made lives on, so freeze it out of the collector's
    generations (later collections skip it) and collect cycles again (reader.cli.gui stopped it)."""
    gc.freeze()
    gc.enable()


def _dispose(window: MainWindow, library: Library) -> None:
    """Delete the window and close the library while the application still lives.

    Left to the interpreter's final garbage collection, Qt objects are freed after the
    QApplication they belong to, which can abort the process ("free(): invalid pointer")."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Work still running on the pool (a day's copy of the library, an extraction) ends first:
    # the interpreter must not finalize under it, and a copy is not left half made.
    QThreadPool.globalInstance().waitForDone(WORKERS_WAIT_MS)
    library.close()
    gc.collect()


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    window.resize(1400, 900)
    window.show()
    # Let layouts settle and queued work (extraction and its highlights) land before grabbing.
    if window.document is not None and window.extraction is None:
        loop = QEventLoop()
        window.extracting.settled.connect(loop.quit)
        QTimer.singleShot(SCREENSHOT_WAIT_MS, loop.quit)  # a report that never finishes: draw anyway
        loop.exec()
    for _ in range(5):
        app.processEvents()
    pixmap = window.grab()
    ok = pixmap.save(str(path), "PNG")
    QTimer.singleShot(0, app.quit)
    if not ok:
        print(f"report-reader: could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0
