"""The interface's language: Qt translators for the app and for Qt's own dialogs, chosen by the
system locale or by View ▸ Language.

Only the window is translated; the CLI never creates a QApplication, so its output (which
scripts parse) stays English. The compiled catalogues live in resources/translations/
(reader_zh_CN.qm, reader_zh_TW.qm; tools/update_translations.py remakes them from the .ts).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import resources_dir
from reader.ui import settings

SYSTEM = "system"
ENGLISH = "en"
SIMPLIFIED = "zh_CN"
TRADITIONAL = "zh_TW"
LANGUAGES = (SYSTEM, ENGLISH, SIMPLIFIED, TRADITIONAL)
TRANSLATED = (SIMPLIFIED, TRADITIONAL)

_installed: list[QTranslator] = []

_RESTART = str(QT_TRANSLATE_NOOP("i18n", "Report Reader will show this language the next time it starts."))


def without_mnemonic(text: str) -> str:
    """A menu text as a toolbar button shows it: Qt drops the & of "&Find…" but would show the
    (F) of "尋找(&F)…", the way Chinese menus mark their shortcut key."""
    text = re.sub(r"\(&[^&]\)", "", text)
    return re.sub(r"&(.)", r"\1", text).removesuffix("…").removesuffix("...").strip()


def translations_dir() -> Path:
    return resources_dir() / "translations"


def language_for_locale(name: str) -> str:
    """The catalogue for a locale name (zh_CN, zh-Hant-HK, zh_SG.UTF-8, en_US …): Simplified,
    Traditional, or English for anything not Chinese. Qt gives every Chinese locale its script
    (zh_HK and zh_MO Traditional, so they read the Taiwan catalogue; zh_SG Simplified)."""
    locale = QLocale(name.split(".")[0].split("@")[0].replace("-", "_"))
    if locale.language() != QLocale.Language.Chinese:
        return ENGLISH
    return TRADITIONAL if locale.script() == QLocale.Script.TraditionalHanScript else SIMPLIFIED


def system_language() -> str:
    """The language the system asks for: the first of its interface languages (which reads
    LANGUAGE, LC_ALL, LC_MESSAGES and LANG on Linux), English when none is Chinese."""
    languages = QLocale.system().uiLanguages() or [QLocale.system().name()]
    return language_for_locale(languages[0])


def chosen() -> str:
    """View ▸ Language as stored: system (the default), en, zh_CN or zh_TW."""
    choice = settings.get_str(settings.LANGUAGE, SYSTEM)
    return choice if choice in LANGUAGES else SYSTEM


def effective(choice: str | None = None) -> str:
    """The catalogue a choice means: system resolved through the locale."""
    choice = chosen() if choice is None else choice
    return system_language() if choice == SYSTEM else choice


def install(language: str | None = None) -> str:
    """Install the translators for a language (default: the stored choice) on the running
    application, replacing any installed before; returns the language now shown."""
    uninstall()
    shown = effective(language)
    if shown not in TRANSLATED:
        return ENGLISH
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("report-reader: translators need a running application")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"reader_{shown}", str(translations_dir())), (f"qtbase_{shown}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            _installed.append(translator)
    QLocale.setDefault(QLocale(shown))
    return shown


def uninstall() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def restart_message(language: str) -> str:
    """That a new language shows from the next start, said in that language (its catalogue is
    read for this one message), so the reader who chose it can read it."""
    shown = effective(language)
    translator = QTranslator()
    if shown in TRANSLATED and translator.load(f"reader_{shown}", str(translations_dir())):
        return translator.translate("i18n", _RESTART) or _RESTART
    return _RESTART
