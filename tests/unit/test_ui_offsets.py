"""Code points ↔ UTF-16: a character outside the BMP before or inside a span shifts nothing."""

from reader.ui.reading.offsets import Utf16Index

ASTRAL = "\U00020bb7"  # 𠮷


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_a_bmp_text_maps_onto_itself():
    index = Utf16Index("发展是第一要务")
    assert index.is_identity
    assert [index.to_utf16(i) for i in range(8)] == list(range(8))
    assert index.to_code_point(5) == 5


def test_every_offset_round_trips_around_astral_characters():
    text = f"a{ASTRAL}发展{ASTRAL}{ASTRAL}b\n{ASTRAL}"
    index = Utf16Index(text)
    assert index.length16 == utf16_len(text)
    for cp in range(len(text) + 1):
        u = index.to_utf16(cp)
        assert u == utf16_len(text[:cp])
        assert index.to_code_point(u) == cp


def test_a_span_after_an_astral_character():
    text = f"{ASTRAL}姓说发展"
    index = Utf16Index(text)
    assert index.span_to_utf16(3, 5) == (4, 6)
    assert index.span_to_code_points(4, 6) == (3, 5)


def test_a_span_containing_an_astral_character():
    text = f"说{ASTRAL}姓"
    index = Utf16Index(text)
    assert index.span_to_utf16(0, 3) == (0, 4)
    assert index.span_to_code_points(0, 4) == (0, 3)


def test_offsets_inside_a_surrogate_pair_take_the_whole_character():
    text = f"说{ASTRAL}姓"
    index = Utf16Index(text)
    # UTF-16 offset 2 is between the two halves of 𠮷.
    assert index.to_code_point(2) == 1
    assert index.span_to_code_points(2, 4) == (1, 3)
    assert index.span_to_code_points(0, 2) == (0, 2)


def test_offsets_are_clamped_to_the_text():
    index = Utf16Index(f"{ASTRAL}x")
    assert index.to_utf16(-1) == 0
    assert index.to_utf16(99) == 3
    assert index.to_code_point(99) == 2
