"""The interface in Simplified and Traditional Chinese: every string translated, a new one
without a translation fails here, the window shows the language chosen, the CLI stays English."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QToolBar, QToolButton

from reader.ui import i18n, settings
from tests.ui.dialogs import answer_next_message_box
from tools import update_translations

LANGUAGES = update_translations.LANGUAGES
PLACEHOLDER = re.compile(r"%(?:\d|n|s)|\{\w*\}")
MNEMONIC = re.compile(r"&[^&\s]")
HAN = re.compile(r"[\u4e00-\u9fff]+")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_finished_translation_keeping_placeholders_and_shortcut(language):
    found = messages(update_translations.ts_file(language))
    assert len(found) > 300
    problems = []
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        if translation.get("type"):
            problems.append(f"{where} is {translation.get('type')}")
        for text in texts(translation):
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"{where} -> {text!r} changes the placeholders")
            elif bool(MNEMONIC.search(text)) != bool(MNEMONIC.search(source)):
                problems.append(f"{where} -> {text!r} loses or adds the shortcut key")
    assert not problems, "\n".join(problems)


def test_traditional_catalogue_is_written_in_traditional_characters():
    """The Taiwan catalogue is not the Simplified one: no message is left in Simplified forms."""
    from reader.core.convert import convert_text

    simplified_left = []
    for _context, source, translation in messages(update_translations.ts_file("zh_TW")):
        for text in texts(translation):
            # Chinese quoted from the source (its example 鼠标 → 滑鼠) stays as the source has it.
            own = "".join(run for run in HAN.findall(text) if run not in source)
            if own and convert_text(own, "s2tw").text != own:
                simplified_left.append((source, text))
    assert not simplified_left


def test_lupdate_over_the_code_finds_no_string_without_a_translation(tmp_path):
    """A new self.tr() string nobody translated fails CI: lupdate merges it into a copy of each
    catalogue as unfinished."""
    for language in LANGUAGES:
        copy = tmp_path / f"reader_{language}.ts"
        shutil.copyfile(update_translations.ts_file(language), copy)
        update_translations.lupdate(copy)
        untranslated = [f"{context}: {source!r}" for context, source, t in messages(copy) if t.get("type") == "unfinished"]
        assert not untranslated, "run python -m tools.update_translations and translate:\n" + "\n".join(untranslated)


def test_every_translated_string_is_one_lupdate_can_read():
    """lupdate reads only a literal in double quotes: tr('…') would stay English unnoticed."""
    unreadable = re.compile(r"""\b(?:tr\(\s*[^"\s)]|translate\(\s*(?:'|"[^"]*",\s*[^"\s]))""")
    found = [
        f"{path.relative_to(update_translations.ROOT)}:{n}: {line.strip()}"
        for path in sorted(update_translations.SOURCES.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        # A QPainter's translate moves it; i18n's own lookup reads a string declared with QT_TRANSLATE_NOOP.
        if unreadable.search(line) and "painter.translate" not in line and "translator.translate" not in line
    ]
    assert not found, "\n".join(found)


def test_the_compiled_catalogues_match_their_sources(tmp_path):
    """The committed .qm (what a checkout, a wheel and a bundle load) are built from the .ts as they are."""
    for language in LANGUAGES:
        fresh = tmp_path / f"reader_{language}.qm"
        update_translations.lrelease(update_translations.ts_file(language), fresh)
        assert fresh.read_bytes() == update_translations.qm_file(language).read_bytes(), (
            f"{language}: run python -m tools.update_translations --release"
        )


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh-Hans-HK", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"),
        ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_MO", "zh_TW"), ("zh-Hant", "zh_TW"),
        ("en_US", "en"), ("de_DE", "en"), ("C", "en"),
    ],
)
def test_the_system_locale_chooses_the_catalogue(locale, language):
    assert i18n.language_for_locale(locale) == language


@pytest.fixture
def window_in(qtbot, library):
    """Open the main window in a language, as a start with that language installed would."""
    from reader.ui.main_window import MainWindow

    def open_in(language: str) -> MainWindow:
        assert i18n.install(language) == language
        win = MainWindow(library)
        qtbot.addWidget(win)
        win.restore_state()
        win.show()
        qtbot.waitExposed(win)
        return win

    yield open_in
    i18n.uninstall()


def menu_titles(win) -> list[str]:
    return [action.text() for action in win.menuBar().actions()]


def test_window_in_traditional_chinese(window_in):
    win = window_in("zh_TW")
    assert menu_titles(win)[:6] == ["檔案(&F)", "編輯(&E)", "註解(&A)", "檢視(&V)", "工具(&T)", "說明(&H)"]
    assert win.annotating.color_actions["red"].text() == "紅色"
    docks = {dock.windowTitle() for dock in win.findChildren(QDockWidget)}
    assert {"文庫", "大綱", "目標", "任務", "註解"} <= docks
    # Toolbar buttons show no menu-style shortcut mark: 單欄, not 單欄(S).
    toolbar = win.findChild(QToolBar, "reader_toolbar")
    buttons = [button.text() for button in toolbar.findChildren(QToolButton) if button.text()]
    assert "單欄" in buttons
    assert not [text for text in buttons if "(" in text]


def test_window_in_simplified_chinese(window_in):
    win = window_in("zh_CN")
    assert menu_titles(win)[:6] == ["文件(&F)", "编辑(&E)", "批注(&A)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert win.undo_action.text().startswith("撤销")


def test_window_in_english_by_default(window_in):
    win = window_in("en")
    assert menu_titles(win)[:6] == ["&File", "&Edit", "&Annotate", "&View", "&Tools", "&Help"]


def test_view_language_is_stored_and_said_to_apply_at_the_next_start(window, qtbot):
    view = next(action.menu() for action in window.menuBar().actions() if action.text() == "&View")
    language = next(action.menu() for action in view.actions() if action.text() == "&Language")
    labels = [action.text() for action in language.actions()]
    assert labels == ["&System", "English", "简体中文", "繁體中文"]
    assert language.actions()[0].isChecked()

    seen: list[str] = []
    answer_next_message_box("OK", seen=seen)
    language.actions()[3].trigger()
    assert settings.get_str(settings.LANGUAGE) == "zh_TW"
    assert language.actions()[3].isChecked()
    assert "下次啟動時將以繁體中文顯示" in seen[0]
    assert i18n.effective() == "zh_TW"


def test_the_cli_stays_english_in_a_chinese_locale(tmp_path):
    """Scripts parse the CLI's output: a Chinese locale and a Chinese language setting change nothing."""
    env = {**os.environ, "LANGUAGE": "zh_TW", "LC_ALL": "zh_TW.UTF-8", "LANG": "zh_TW.UTF-8"}
    env["REPORT_READER_LIBRARY"] = str(tmp_path / "library.sqlite3")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "list"], capture_output=True, text=True, env=env, check=True, cwd=Path(__file__).parents[2]
    )
    kinds = {line.split()[2] for line in result.stdout.splitlines()}
    assert kinds <= {"report", "summary", "commentary", "other"}
    assert "report" in kinds
