"""GUI test set-up: settings in a temporary folder, a library with the seeds, a main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Each test gets its own QSettings file, so remembered state never leaks between tests."""
    QCoreApplication.setOrganizationName("Report Reader Tests")
    QCoreApplication.setApplicationName("report-reader-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def library(tmp_path):
    from reader.ui.app import open_library

    lib = open_library(str(tmp_path / "ui-library.sqlite3"))
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, library):
    from reader.ui.main_window import MainWindow

    win = MainWindow(library)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(1200, 800)
    win.open_initial_document()
    win.show()
    qtbot.waitExposed(win)
    return win
