"""Report files arrive in whatever encoding the source used; non-text is refused with one clear sentence."""

from __future__ import annotations

import codecs
import random

import pytest

from reader.core.decode import decode_bytes
from reader.errors import InputError
from tests.support import seed_path

# Plain report prose both codecs can encode (Traditional for Big5, Simplified for GB18030).
TRADITIONAL = "今年發展主要預期目標是：國內生產總值增長 5%左右；城鎮新增就業 1200 萬人以上。\n——經濟總體回升向好。\n"
SIMPLIFIED = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n（一）大力推进现代化产业体系建设。\n"


def seed_excerpt(number: int, chars: int = 2000) -> str:
    return seed_path(number).read_text(encoding="utf-8")[:chars]


def test_utf8_without_bom():
    text, encoding = decode_bytes(SIMPLIFIED.encode("utf-8"))
    assert (text, encoding) == (SIMPLIFIED, "utf-8")


def test_utf8_with_bom_drops_the_bom():
    text, encoding = decode_bytes(codecs.BOM_UTF8 + seed_excerpt(1).encode("utf-8"))
    assert text == seed_excerpt(1)
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    text, encoding = decode_bytes(bom + seed_excerpt(3).encode(codec))
    assert text == seed_excerpt(3)
    assert encoding == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec):
    text, encoding = decode_bytes(seed_excerpt(0).encode(codec))
    assert text == seed_excerpt(0)
    assert encoding == codec


def test_gb18030_simplified_seed():
    excerpt = seed_excerpt(2)
    text, encoding = decode_bytes(excerpt.encode("gb18030"))
    assert text == excerpt
    assert encoding == "gb18030"


def test_gb18030_traditional_seed():
    excerpt = seed_excerpt(1)
    text, encoding = decode_bytes(excerpt.encode("gb18030"))
    assert text == excerpt
    assert encoding == "gb18030"


def test_big5_traditional_text():
    text, encoding = decode_bytes(TRADITIONAL.encode("big5"))
    assert text == TRADITIONAL
    assert encoding == "big5"


def test_big5_seed_excerpt():
    # Seed 000's opening is plain Traditional prose that Big5 can encode.
    excerpt = seed_excerpt(0, 600)
    text, encoding = decode_bytes(excerpt.encode("big5"))
    assert text == excerpt
    assert encoding == "big5"


def test_gb18030_short_simplified_text():
    text, encoding = decode_bytes(SIMPLIFIED.encode("gb18030"))
    assert (text, encoding) == (SIMPLIFIED, "gb18030")


def test_binary_png_is_refused():
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(InputError, match=r"^report\.pdf looks like a binary file, not text$"):
        decode_bytes(data, "report.pdf")


def test_random_bytes_without_nul_are_refused():
    rng = random.Random(3)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "blob.bin")


def test_control_characters_are_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 20, "x.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"  \n", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_and_whitespace_only_are_refused(data):
    with pytest.raises(InputError, match=r"^empty\.txt is empty$"):
        decode_bytes(data, "empty.txt")


def test_message_without_a_name_still_reads_as_a_sentence():
    with pytest.raises(InputError, match=r"^The input is empty$"):
        decode_bytes(b"")
