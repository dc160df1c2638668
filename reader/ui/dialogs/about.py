"""Help ▸ About: the app's version, the versions of the parts a bug report needs (Qt, PySide6,
the OpenCC backend, jieba, PDFium), and where the library file lives, with a button that opens
its folder in the system's file manager."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader import __version__


def component_versions() -> list[tuple[str, str]]:
    """(component, version) for each part whose version matters in a bug report. Read from the
    modules themselves, which a packaged bundle carries (it has no package metadata)."""
    import jieba
    import PySide6
    from PySide6.QtCore import qVersion

    from reader.core.opencc_backend import BACKEND_NAME

    versions = [
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("OpenCC", BACKEND_NAME.removeprefix("OpenCC").strip() or "?"),
        ("jieba", str(getattr(jieba, "__version__", "?"))),
    ]
    try:
        from pypdfium2.version import PDFIUM_INFO, PYPDFIUM_INFO

        versions.append(("pypdfium2", f"{PYPDFIUM_INFO} (PDFium {PDFIUM_INFO.build})"))
    except Exception:  # a broken native library must not stop the About box from opening
        versions.append(("pypdfium2", "?"))
    versions.append(("Python", platform.python_version()))
    return versions


class AboutDialog(QDialog):
    def __init__(self, library_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Report Reader"))
        self.library_path = library_path

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Report Reader %1</h2>").replace("%1", __version__), self)
        title.setObjectName("about_title")
        layout.addWidget(title)
        summary = QLabel(self.tr("Read, compare and annotate China's Government Work Reports in Simplified and Traditional script."))
        summary.setWordWrap(True)
        layout.addWidget(summary)

        form = QFormLayout()
        self.version_labels: dict[str, QLabel] = {}
        for name, version in component_versions():
            label = QLabel(version, self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.version_labels[name] = label
            form.addRow(name, label)
        self.library_label = QLabel(str(library_path), self)
        self.library_label.setObjectName("about_library_path")
        self.library_label.setWordWrap(True)
        self.library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Library"), self.library_label)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_folder_button = QPushButton(self.tr("Open Library &Folder"), self)
        self.open_folder_button.setObjectName("about_open_folder")
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_folder(self) -> bool:
        """Show the folder holding the library in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.library_path.parent)))
