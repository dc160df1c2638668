"""GUI test set-up: settings in a temporary folder, a library with the seeds, a main window."""

from __future__ import annotations

import shutil
from pathlib import Path

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


@pytest.fixture(scope="session")
def first_run_library_file(tmp_path_factory) -> Path:
    """A library as the first start leaves it (open_library on a new file: the eleven samples,
    ingested and stored), made once per session: ingesting the six full reports for every
    window test would add about half a second to each."""
    from reader.ui.app import open_library

    path = tmp_path_factory.mktemp("first-run") / "library.sqlite3"
    open_library(str(path)).close()
    # Closing the last connection folds the write-ahead log into the file, so it is complete.
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def library(tmp_path, first_run_library_file):
    """Each test's own copy of the first-run library, opened as the app opens it."""
    from reader.ui.app import open_library

    path = tmp_path / "ui-library.sqlite3"
    shutil.copyfile(first_run_library_file, path)
    lib = open_library(str(path))
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
