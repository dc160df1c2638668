"""The toolbar's "Convert to" combo: the conversions that fit the document first, idioms marked.

A Simplified report is read in Traditional (s2*), a Traditional one in Simplified (*2s); the
rest sit under "Other conversions". Configs that rewrite idioms (s2twp, s2hkp, tw2sp, hk2sp)
say so in their label, and picking one that would change words of this document (tw2sp turns
mainland 城镇新增就业 into 城镇添加就业) warns once, with "don't show again". A document with
its English translation also offers the bilingual view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QMessageBox, QWidget

from reader.core.bilingual import is_bilingual
from reader.core.convert import CONFIG_NAMES
from reader.core.idioms import PHRASE_TWINS, idiom_rewrites, rewrites_idioms
from reader.core.model import Document
from reader.core.script import SIMPLIFIED, TRADITIONAL
from reader.ui import settings

# The item data of the bilingual view (not an OpenCC config).
BILINGUAL = "bilingual"
# Item data role: True on configs that rewrite idioms.
IDIOMS_ROLE = Qt.ItemDataRole.UserRole + 1

# Every config, the everyday ones first: the order for a document of no clear script.
CONFIG_ORDER = ("t2s", "s2t", "s2tw", "s2twp", "s2hk", "s2hkp", "tw2s", "tw2sp", "hk2s", "hk2sp",
                "t2tw", "t2hk", "tw2t", "hk2t", "t2jp", "jp2t")
# The conversions a reader of a document in this script wants, in the order offered.
FITTING = {
    SIMPLIFIED: ("s2t", "s2tw", "s2twp", "s2hk", "s2hkp"),
    TRADITIONAL: ("t2s", "tw2s", "tw2sp", "hk2s", "hk2sp", "t2tw", "t2hk", "tw2t", "hk2t", "t2jp"),
}
_SHOWN_REWRITES = 6


class ConfigCombo(QComboBox):
    """Emits config_chosen(config) or bilingual_chosen() when the reader picks an item."""

    config_chosen = Signal(str)
    bilingual_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("config_combo")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._document: Document | None = None
        self._script = ""
        self._bilingual = False
        self._warned: set[tuple[str, str]] = set()  # (document hash, config) warned about
        self._fill()
        self.currentIndexChanged.connect(self._on_index)

    # -- items ----------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Offer what fits `document`: rebuilt only when its script or languages differ."""
        self._document = document
        script = document.script if document is not None else ""
        bilingual = document is not None and is_bilingual(document)
        if (script, bilingual) != (self._script, self._bilingual):
            self._script, self._bilingual = script, bilingual
            blocked = self.blockSignals(True)
            try:
                self._fill()
            finally:
                self.blockSignals(blocked)

    def _fill(self) -> None:
        self.clear()
        fitting = FITTING.get(self._script, CONFIG_ORDER)
        for config in fitting:
            self._add_config(config)
        if self._bilingual:
            self.addItem(self.tr("English (bilingual)"), BILINGUAL)
            self.setItemData(
                self.count() - 1,
                self.tr("The official English translation beside each Chinese paragraph"),
                Qt.ItemDataRole.ToolTipRole,
            )
        others = [config for config in CONFIG_ORDER if config not in fitting]
        if others:
            self.insertSeparator(self.count())
            self.addItem(self.tr("Other conversions"))
            model = self.model()
            if isinstance(model, QStandardItemModel):
                header = model.item(self.count() - 1)
                header.setEnabled(False)
                header.setSelectable(False)
            for config in others:
                self._add_config(config)

    def _add_config(self, config: str) -> None:
        human, english = CONFIG_NAMES[config]
        tip = f"{english} ({config})"
        if rewrites_idioms(config):
            human += " · " + self.tr("with idioms")
            tip += "\n" + self.tr(
                "Rewrites words, not only characters (鼠标 → 滑鼠): the converted text may use words the document does not."
            )
        self.addItem(human, config)
        index = self.count() - 1
        self.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        self.setItemData(index, rewrites_idioms(config), IDIOMS_ROLE)

    def configs(self) -> list[str]:
        """The item data in order (configs, BILINGUAL; headers and separators left out)."""
        return [data for i in range(self.count()) if isinstance(data := self.itemData(i), str)]

    def set_current(self, config: str, bilingual: bool = False) -> None:
        """Show what the reader view shows, without emitting anything."""
        index = self.findData(BILINGUAL if bilingual else config)
        blocked = self.blockSignals(True)
        try:
            self.setCurrentIndex(index)
        finally:
            self.blockSignals(blocked)

    # -- choosing -------------------------------------------------------------------------

    def _on_index(self, index: int) -> None:
        data = self.itemData(index)
        if data == BILINGUAL:
            self.bilingual_chosen.emit()
        elif isinstance(data, str) and data:
            self.config_chosen.emit(self._confirm_idioms(data))

    def _confirm_idioms(self, config: str) -> str:
        """The config to use: `config`, or its twin when the reader, warned that it would
        rewrite words of this document, asks for the twin instead."""
        document = self._document
        if document is None or not rewrites_idioms(config) or not settings.get_bool(settings.WARN_IDIOMS, True):
            return config
        key = (document.content_hash or document.title, config)
        if key in self._warned:
            return config
        rewrites = idiom_rewrites(document, config)
        if not rewrites:
            return config
        self._warned.add(key)
        twin = PHRASE_TWINS[config]
        lines = "\n".join(f"  {r.original} → {r.rewritten}   ({r.count}×)" for r in rewrites[:_SHOWN_REWRITES])
        if len(rewrites) > _SHOWN_REWRITES:
            lines += "\n  …"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("This conversion rewrites words"), "", parent=self)
        box.setObjectName("idioms_warning")
        box.setText(
            self.tr("“%1” replaces words, not only characters. In this document it would write:")
            .replace("%1", CONFIG_NAMES[config][0]) + "\n\n" + lines
        )
        box.setInformativeText(
            self.tr("The converted pane would then use words the document does not. “%1” converts the same characters and keeps the words.")
            .replace("%1", CONFIG_NAMES[twin][0])
        )
        use_twin = box.addButton(self.tr("Use “%1”").replace("%1", CONFIG_NAMES[twin][0]), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep idioms"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        dont_show = QCheckBox(self.tr("Don't show this again"), box)
        box.setCheckBox(dont_show)
        box.exec()
        if dont_show.isChecked():
            settings.set_value(settings.WARN_IDIOMS, False)
        if box.clickedButton() is use_twin:
            return twin
        return config
