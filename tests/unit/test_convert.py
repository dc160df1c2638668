"""Conversion keeps an exact map between original and converted text."""

from __future__ import annotations

import pytest

from reader.core.convert import CONFIG_NAMES, conversions, convert_text, default_config
from reader.core.opencc_backend import available_configs


def mirror(text: str, config: str, start: int, end: int) -> str:
    conversion = convert_text(text, config)
    a, b = conversion.offsets.span_to_converted(start, end)
    return conversion.text[a:b]


def test_selection_over_a_length_changing_phrase_covers_the_whole_phrase():
    text = "请用U盘和鼠标拷贝文件"
    conversion = convert_text(text, "s2twp")
    assert conversion.text == "請用隨身碟和滑鼠複製檔案"
    assert mirror(text, "s2twp", 2, 4) == "隨身碟"
    assert mirror(text, "s2twp", 3, 4) == "隨身碟"  # half a phrase selects the phrase
    assert mirror(text, "s2twp", 4, 5) == "和"
    assert mirror(text, "s2twp", 5, 7) == "滑鼠"
    assert mirror(text, "s2twp", 7, 9) == "複製"


def test_offsets_after_a_length_change_stay_exact_across_lines():
    text = "U盘\n发展新质生产力\n打印机"
    conversion = convert_text(text, "s2twp")
    assert conversion.text.split("\n") == ["隨身碟", "發展新質生產力", "印表機"]
    start = text.index("新质")
    assert mirror(text, "s2twp", start, start + 5) == "新質生產力"
    a, b = conversion.offsets.span_to_converted(start, start + 5)
    assert conversion.offsets.span_to_original(a, b) == (start, start + 5)


def test_characters_outside_the_bmp_count_as_one_offset():
    text = "𠮷野家发展"
    conversion = convert_text(text, "s2t")
    assert conversion.text == "𠮷野家發展"
    assert mirror(text, "s2t", 3, 5) == "發展"


@pytest.mark.parametrize("config", sorted(CONFIG_NAMES))
def test_every_named_config_is_offered_by_the_backend(config):
    assert config in available_configs()


def test_default_config_is_the_opposite_script():
    assert default_config("traditional") == "t2s"
    assert default_config("simplified") == "s2t"


def test_conversions_are_cached_per_document_and_config():
    first = conversions.get("doc-a", "发展", "s2tw")
    assert conversions.get("doc-a", "发展", "S2TW.json") is first
    assert conversions.get("doc-a", "发展", "s2hk") is not first
