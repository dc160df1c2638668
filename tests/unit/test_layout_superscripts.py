"""PDF copies print footnote marks as superscript digits; a wrapped line may start with one."""

from reader.core.ingest import ingest_text
from tests.support import pdf_wrapped


def test_a_wrapped_line_starting_with_a_superscript_digit_imports_whole():
    first = "今年发展主要预期目标是国内生产总值增长5"
    second = "²左右，城镇新增就业1200万人以上，城镇调查失业率5.5%左右。"
    text = pdf_wrapped(first + second, width=len(first))
    document = ingest_text(text)
    assert "增长5" in document.text and "²左右" in document.text
    assert "城镇新增就业1200万人以上" in document.text
