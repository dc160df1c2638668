"""Find in either script: 发展 finds 發展 and the reverse; offsets are those of the original."""

from reader.core.convert import convert_text
from reader.core.find import find_all, fold, merge_spans

ASTRAL = "\U00020bb7"


def test_a_traditional_query_finds_simplified_text():
    text = "推动高质量发展，发展是第一要务"
    assert find_all(text, "發展") == [(5, 7), (8, 10)]


def test_a_simplified_query_finds_traditional_text():
    text = "推動高質量發展，發展是第一要務"
    assert find_all(text, "发展") == [(5, 7), (8, 10)]
    assert find_all(text, "發展") == [(5, 7), (8, 10)]


def test_mixed_scripts_in_text_and_query():
    assert find_all("發展与发展", "发展") == [(0, 2), (3, 5)]
    assert find_all("高質量发展", "高质量發展") == [(0, 5)]


def test_latin_letters_ignore_case():
    assert find_all("USB接口，usb设备，Usb", "uSb") == [(0, 3), (6, 9), (12, 15)]


def test_spans_are_code_points_after_an_astral_character():
    text = f"{ASTRAL}姓说发展"
    assert find_all(text, "發展") == [(3, 5)]
    assert text[3:5] == "发展"


def test_regex_characters_in_the_query_are_literal():
    assert find_all("增长5.0%左右(预期)", "5.0%") == [(2, 6)]
    assert find_all("增长5.0%左右(预期)", "(预期)") == [(8, 12)]
    assert find_all("增长5x0", ".") == []


def test_empty_query_finds_nothing():
    assert find_all("发展", "") == []


def test_a_folded_text_can_be_reused():
    folded = fold("推動發展，發展")
    assert find_all(folded, "发展") == find_all("推動發展，發展", "发展") == [(2, 4), (5, 7)]


def test_t2s_keeps_the_length_of_the_seed_reports():
    from tests.support import SEEDS

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert len(fold(text).text) == len(text), path.name
        assert len(convert_text(convert_text(text, "s2t").text, "t2s").text) == len(text), path.name


def test_merge_keeps_each_place_once_in_text_order():
    assert merge_spans([(5, 7), (0, 2)], [(0, 2), (6, 8), (9, 10)]) == [(0, 2), (5, 7), (9, 10)]
    assert merge_spans() == []
