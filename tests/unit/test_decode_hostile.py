"""Damaged and hostile bytes: a report with a few bad bytes still opens (and says how many), while
tiny or random files are refused, and a sentence repeated thousands of times is still text.

Every input is generated here from a seed and a seeded RNG; nothing large is committed.
"""

from __future__ import annotations

import random

import pytest

from reader.core.decode import decode_report
from reader.core.ingest import ingest_bytes
from reader.errors import InputError
from tests.support import SEEDS, seed_path

REPLACEMENT = "\ufffd"


def excerpt(chars: int = 2000) -> str:
    """The opening of the 2024 report (Simplified), as a researcher would save it."""
    return (SEEDS / "gwr_2024_zh-hans.txt").read_text(encoding="utf-8")[:chars]


def flip(data: bytes, position: int, bit: int) -> bytes:
    damaged = bytearray(data)
    damaged[position] ^= 1 << bit
    return bytes(damaged)


def char_at_byte(text: str, position: int) -> int:
    """Index of the character whose UTF-8 encoding holds byte `position`."""
    return len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))


@pytest.mark.timeout(20)
def test_forty_bit_flipped_copies_of_a_report_decode_with_the_damage_marked_and_the_rest_intact():
    text = excerpt()
    data = text.encode("utf-8")
    rng = random.Random(17)
    replaced_copies = 0
    for _ in range(40):
        position, bit = rng.randrange(4, len(data)), rng.randrange(8)
        decoded = decode_report(flip(data, position, bit), "report.txt")
        assert decoded.encoding == "utf-8"
        # Only the character holding the flipped byte changes: it becomes U+FFFD (one per
        # invalid sequence, at most one per byte), or another character when the flip is valid.
        k = char_at_byte(text, position)
        before, after = text[:k], text[k + 1:]
        assert decoded.text.startswith(before) and decoded.text.endswith(after)
        middle = decoded.text[len(before): len(decoded.text) - len(after)]
        assert 1 <= len(middle) <= 4
        assert decoded.replaced == middle.count(REPLACEMENT) == decoded.text.count(REPLACEMENT)
        if decoded.replaced:
            replaced_copies += 1
            assert decoded.warning.startswith(f"{decoded.replaced} damaged byte sequence")
        else:
            assert decoded.warning == ""
    assert replaced_copies >= 10  # a flip in a continuation byte's low bits is another character


@pytest.mark.timeout(10)
def test_several_flips_are_counted_in_the_imported_documents_warning():
    data = excerpt().encode("utf-8")
    # High bit of three lead bytes (E4–E9 → 64–69): each leaves its two continuation bytes alone.
    positions = [i for i, byte in enumerate(data) if byte >= 0xE0][100:400:100]
    damaged = data
    for position in positions:
        damaged = flip(damaged, position, 7)
    doc = ingest_bytes(damaged, "report.txt")
    marks = doc.text.count(REPLACEMENT)
    assert marks == 3 * 2  # each damaged character: its two continuation bytes, now stray
    assert doc.warnings[0] == f"{marks} damaged byte sequences (not valid UTF-8) replaced with {REPLACEMENT}"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("codec", ["gb18030", "big5", "utf-16-le", "utf-16"])
def test_a_damaged_legacy_or_utf16_file_keeps_its_encoding(codec):
    text = seed_path(0).read_text(encoding="utf-8")[:2000]  # Traditional: Big5 can hold it
    data = text.encode(codec, "replace")
    rng = random.Random(codec)
    for _ in range(20):
        damaged = flip(data, rng.randrange(4, len(data)), rng.randrange(8))
        decoded = decode_report(damaged, "report.txt")
        assert decoded.encoding.split("-")[0] in (codec.split("-")[0], "cp950", "big5hkscs")
        assert decoded.replaced == decoded.text.count(REPLACEMENT) - text.count(REPLACEMENT)


@pytest.mark.timeout(10)
def test_150_random_tiny_files_are_all_refused():
    rng = random.Random(150)
    for _ in range(150):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        with pytest.raises(InputError, match=r"^tiny\.txt (is empty|holds only \d+ bytes|looks like a binary)"):
            decode_report(data, "tiny.txt")


@pytest.mark.timeout(20)
def test_random_bytes_of_any_size_are_refused_as_binary():
    rng = random.Random(300)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(16, 400)))
        with pytest.raises(InputError, match=r"^blob\.bin looks like a binary file, not text$"):
            decode_report(data, "blob.bin")


def test_a_short_real_line_is_text_but_fewer_than_16_bytes_are_not():
    assert decode_report("政府工作报告".encode(), "t.txt").text == "政府工作报告"  # 18 bytes
    with pytest.raises(InputError, match=r"^t\.txt holds only 12 bytes, too few to be a report$"):
        decode_report("政府工作".encode(), "t.txt")


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    "unit",
    [
        "我们要坚持稳中求进工作总基调。\n",
        "各位代表！\n1\n",  # a short line beside a page number: once taken for a running header
        "我们要坚持稳中求进。\n- 2 -\n",
        "发展是第一要务。\n\n12\n\n",
    ],
)
def test_a_real_sentence_repeated_thousands_of_times_is_text(unit):
    doc = ingest_bytes((unit * 3000).encode("utf-8"), "repeated.txt")
    sentence = unit.split("\n")[0]
    assert sentence in doc.text
    assert doc.warnings == ()
