"""Help ▸ About: the versions a bug report needs and the library's folder, opened on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.ui.dialogs.about import AboutDialog


class _Opened(QObject):
    """Stands in for the file manager: records each file URL the app asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_about_shows_versions_and_opens_the_library_folder(window, qtbot):
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    seen: dict[str, object] = {}

    def look_and_click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen["title"] = dialog.findChild(QObject, "about_title").text()
        seen["versions"] = {name: label.text() for name, label in dialog.version_labels.items()}
        seen["library"] = dialog.library_label.text()
        dialog.open_folder_button.click()
        dialog.reject()

    try:
        QTimer.singleShot(0, look_and_click)
        menus = [a.menu() for a in window.menuBar().actions()]
        (help_menu,) = [m for m in menus if window.about_action in m.actions()]
        assert help_menu is menus[-1]  # Help is the last menu, where readers look for About
        window.about_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")

    assert __version__ in seen["title"]
    versions = seen["versions"]
    assert versions["Qt"] == qVersion()
    for name in ("PySide6", "OpenCC", "jieba", "pypdfium2"):
        assert versions[name] not in ("", "?"), name
    assert seen["library"] == str(window.library.path)
    assert [Path(url.toLocalFile()) for url in opened.urls] == [window.library.path.parent]


def test_the_window_icon_has_every_drawn_size(qapp):
    from reader.ui.app import app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
