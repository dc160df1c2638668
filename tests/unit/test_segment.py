"""Word segmentation (reader.core.segment): lazy jieba, policy terms kept whole, tokens as written in either script."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.core import segment
from reader.core.convert import convert_text
from reader.core.find import fold
from reader.core.ingest import ingest_file
from reader.core.segment import search_tokens, tokenizer, tokens
from reader.core.terms import find_terms
from tests.support import seed_path

ROOT = Path(__file__).resolve().parents[2]
ASTRAL = "\U00020bb7"  # 𠮷: one code point, two UTF-16 units
THREADS = 8


@pytest.fixture(scope="module", autouse=True)
def _jieba_ready():
    """Build the shared tokenizer once for the module (~0.5 s), not inside the first test's timing."""
    tokenizer()


def words(text: str) -> list[str]:
    return [word for word, _, _ in tokens(text)]


def assert_tokens_index(text: str, found: list[tuple[str, int, int]]) -> None:
    for word, start, end in found:
        assert text[start:end] == word


# --- start-up cost -------------------------------------------------------------------------


def test_importing_the_module_does_not_import_jieba():
    code = "import reader.core.segment, sys; assert 'jieba' not in sys.modules, 'jieba imported'"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_tokenizer_is_built_once_and_shared_across_threads(monkeypatch):
    monkeypatch.setattr(segment, "_tokenizer", None)  # a fresh start: threads race to build it
    barrier = threading.Barrier(THREADS, timeout=30)

    def build():
        barrier.wait()
        return tokenizer()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        built = list(pool.map(lambda _: build(), range(THREADS)))
    assert all(tok is built[0] for tok in built)
    assert tokenizer() is built[0]
    # The one published tokenizer already has every policy term in it.
    assert built[0].lcut("发行超长期特别国债") == ["发行", "超长期特别国债"]


def test_tokenizer_returns_the_same_object_on_every_call():
    assert tokenizer() is tokenizer()


# --- policy terms stay whole -----------------------------------------------------------------


def test_policy_terms_are_single_tokens_in_simplified_text():
    text = "加快发展新质生产力，发行超长期特别国债"
    assert tokens(text) == [
        ("加快", 0, 2),
        ("发展", 2, 4),
        ("新质生产力", 4, 9),
        ("，", 9, 10),
        ("发行", 10, 12),
        ("超长期特别国债", 12, 19),
    ]


def test_traditional_tokens_are_reported_as_written_with_original_offsets():
    text = "加快發展新質生產力，發行超長期特別國債"
    assert tokens(text) == [
        ("加快", 0, 2),
        ("發展", 2, 4),
        ("新質生產力", 4, 9),
        ("，", 9, 10),
        ("發行", 10, 12),
        ("超長期特別國債", 12, 19),
    ]


def test_ai_plus_stays_whole_with_ascii_or_full_width_plus():
    text = "持续推进“人工智能+”行动，人工智能＋行動"
    found = tokens(text)
    assert ("人工智能+", 5, 10) in found
    assert ("人工智能＋", 14, 19) in found  # as written, full-width
    assert_tokens_index(text, found)


def test_other_headline_terms_stay_whole():
    for term in ["专精特新", "以旧换新", "低空经济", "具身智能", "大规模设备更新"]:
        assert term in words(f"积极推进{term}工作"), term


def test_offsets_count_code_points_after_an_astral_character():
    text = f"{ASTRAL}發展新質生產力"
    found = tokens(text)
    assert ("新質生產力", 3, 8) in found
    assert_tokens_index(text, found)


def test_whitespace_is_dropped_and_empty_text_gives_nothing():
    assert tokens("") == []
    assert tokens("   \n ") == []
    assert words("发展 新质生产力\n科技创新") == ["发展", "新质生产力", "科技创新"]


def test_a_fold_of_the_text_gives_the_same_tokens_as_the_text():
    text = "加快發展新質生產力，發行超長期特別國債"
    assert tokens(fold(text)) == tokens(text)
    assert search_tokens(fold(text)) == search_tokens(text)


def test_a_conversion_other_than_t2s_is_refused():
    with pytest.raises(ValueError, match="t2s"):
        tokens(convert_text("发展新质生产力", "s2t"))


# --- search mode -----------------------------------------------------------------------------


def test_search_tokens_add_the_shorter_words_inside_long_ones():
    found = search_tokens("加快发展新质生产力")
    assert ("新质生产力", 4, 9) in found
    assert ("生产力", 6, 9) in found
    assert ("生产", 6, 8) in found
    assert ("生产力", 6, 9) not in tokens("加快发展新质生产力")


def test_search_tokens_in_traditional_text_are_as_written():
    text = "加快發展新質生產力"
    found = search_tokens(text)
    assert ("新質生產力", 4, 9) in found
    assert ("生產力", 6, 9) in found
    assert_tokens_index(text, found)


def test_search_tokens_include_every_default_token():
    text = "稳妥化解地方政府债务风险，积极防范金融领域风险"
    assert set(tokens(text)) <= set(search_tokens(text))


# --- the seeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("number", range(5))
def test_every_policy_term_in_a_seed_is_one_token_at_its_place(number):
    doc = ingest_file(seed_path(number))
    folded = fold(doc.text)
    found = tokens(folded)
    assert_tokens_index(doc.text, found)
    spans = {(start, end) for _, start, end in found}
    # Terms with quotation marks inside (“三北”工程) are several tokens by nature; the rest are one.
    unquoted = [h for h in find_terms(folded) if not any(q in h.text for q in "“”「」‘’『』")]
    assert unquoted
    split = [h.text for h in unquoted if (h.start, h.end) not in spans]
    assert split == []
