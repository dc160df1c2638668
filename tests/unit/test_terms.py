"""Policy terms (reader.core.terms): the bundled dictionary and its hits in either script, as written."""

from __future__ import annotations

import re

import pytest

from reader.core.convert import convert_text
from reader.core.extracted import TermHit
from reader.core.find import fold, fold_query
from reader.core.ingest import ingest_file, ingest_text
from reader.core.model import Document
from reader.core.terms import find_terms, load_entries, load_terms
from reader.paths import resources_dir
from tests.support import seed_path

ASTRAL = "\U00020bb7"  # 𠮷: one code point, two UTF-16 units
QUOTES = re.compile("[“”‘’「」『』\"']")


@pytest.fixture(scope="module")
def seed_docs() -> dict[int, Document]:
    return {n: ingest_file(seed_path(n)) for n in range(5)}


def hits(text: str) -> list[tuple[str, str, int, int]]:
    return [(h.term, h.text, h.start, h.end) for h in find_terms(text)]


def as_term(written: str) -> str:
    """What a hit's text says in the dictionary's form: Simplified, no quotation marks, ASCII +."""
    return QUOTES.sub("", fold_query(written)).replace("＋", "+")


# --- the dictionary ------------------------------------------------------------------------


def test_the_dictionary_has_at_least_sixty_terms_including_the_headline_ones():
    terms = load_terms()
    assert len(terms) >= 60
    for term in ["新质生产力", "人工智能+", "专精特新", "以旧换新", "超长期特别国债", "低空经济", "具身智能"]:
        assert term in terms


def test_dictionary_terms_are_unique_simplified_and_in_file_order():
    terms = load_terms()
    assert len(set(terms)) == len(terms)
    assert all(fold_query(term) == term for term in terms)
    lines = (resources_dir() / "policy_terms.txt").read_text(encoding="utf-8").splitlines()
    in_file = [line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")]
    assert list(terms) == in_file


def test_dictionary_entries_carry_their_english_notes():
    notes = dict(load_entries())
    assert notes["新质生产力"] == "new quality productive forces"
    assert notes["人工智能+"] == "AI Plus initiative"


def test_every_dictionary_term_occurs_in_at_least_one_seed(seed_docs):
    # The file's header claims this; the matcher reads text folded to Simplified without quotes,
    # so “三北”工程 counts as 三北工程.
    corpus = [QUOTES.sub("", fold_query(doc.text)) for doc in seed_docs.values()]
    missing = [term for term in load_terms() if not any(term in text for text in corpus)]
    assert missing == []


# --- matching ------------------------------------------------------------------------------


def test_simplified_text_gives_hits_with_offsets():
    text = "加快发展新质生产力，促进专精特新中小企业发展壮大，发行超长期特别国债"
    assert hits(text) == [
        ("新质生产力", "新质生产力", 4, 9),
        ("专精特新", "专精特新", 12, 16),
        ("超长期特别国债", "超长期特别国债", 27, 34),
    ]


def test_traditional_text_matches_and_hits_are_reported_as_written():
    text = "加快發展新質生產力，發展低空經濟"
    assert hits(text) == [
        ("新质生产力", "新質生產力", 4, 9),
        ("低空经济", "低空經濟", 12, 16),
    ]


def test_longest_term_wins_where_terms_nest():
    assert hits("实施大规模设备更新和消费品以旧换新") == [
        ("大规模设备更新", "大规模设备更新", 2, 9),
        ("以旧换新", "以旧换新", 13, 17),
    ]
    assert hits("加快制造业数字化转型，支持中小企业数字化转型") == [
        ("制造业数字化转型", "制造业数字化转型", 2, 10),
        ("数字化转型", "数字化转型", 17, 22),
    ]
    assert [h.term for h in find_terms("培育战略性新兴产业")] == ["战略性新兴产业"]


def test_new_quality_productive_forces_is_one_hit_and_plain_productive_forces_none():
    assert [h.term for h in find_terms("发展新质生产力")] == ["新质生产力"]
    assert find_terms("促进社会生产力实现新的跃升") == []


def test_ai_plus_and_ai_are_told_apart():
    text = "深化大数据、人工智能等研发应用，开展“人工智能+”行动"
    assert hits(text) == [
        ("大数据", "大数据", 2, 5),
        ("人工智能", "人工智能", 6, 10),
        ("人工智能+", "人工智能+", 19, 24),
    ]


def test_full_width_plus_matches_ai_plus_and_the_hit_keeps_it():
    assert hits("持续推进人工智能＋行动") == [("人工智能+", "人工智能＋", 4, 9)]
    assert hits("持續推進「人工智能＋」行動") == [("人工智能+", "人工智能＋", 5, 10)]


def test_quotes_around_a_term_stay_outside_the_hit():
    assert hits("持续推进“人工智能+”行动") == [("人工智能+", "人工智能+", 5, 10)]
    assert hits("“新质生产力”") == [("新质生产力", "新质生产力", 1, 6)]


def test_quotes_inside_a_term_are_skipped_and_kept_balanced_in_the_hit():
    assert hits("推动“三北”工程标志性战役取得重要成果") == [("三北工程", "“三北”工程", 2, 8)]
    assert hits("推動「三北」工程標誌性戰役") == [("三北工程", "「三北」工程", 2, 8)]
    assert hits("综合整治“内卷式”竞争") == [("内卷式竞争", "“内卷式”竞争", 4, 11)]


def test_offsets_count_code_points_after_an_astral_character():
    text = f"{ASTRAL}發展新質生產力"
    (hit,) = find_terms(text)
    assert (hit.start, hit.end) == (3, 8)
    assert text[hit.start : hit.end] == "新質生產力"


def test_text_without_terms_or_empty_text_gives_no_hits():
    assert find_terms("") == []
    assert find_terms("We will promote the AI Plus initiative.") == []


# --- sources: Document, str, Conversion ------------------------------------------------------


def test_a_document_its_text_and_its_fold_give_the_same_hits():
    doc = ingest_text("一、總體要求\n\n加快發展新質生產力，實施「人工智能＋」行動，推動「三北」工程。\n")
    from_doc = find_terms(doc)
    assert from_doc == find_terms(doc.text) == find_terms(fold(doc.text))
    assert [h.text for h in from_doc] == ["新質生產力", "人工智能＋", "「三北」工程"]
    for hit in from_doc:
        assert doc.text[hit.start : hit.end] == hit.text


def test_a_conversion_other_than_t2s_is_refused():
    with pytest.raises(ValueError, match="t2s"):
        find_terms(convert_text("发展新质生产力", "s2t"))


def test_hits_serialise_to_json():
    (hit,) = find_terms("新質生產力")
    assert hit == TermHit(term="新质生产力", text="新質生產力", start=0, end=5)
    assert hit.to_json() == {"term": "新质生产力", "text": "新質生產力", "start": 0, "end": 5}


# --- the seeds, both scripts ---------------------------------------------------------------


@pytest.mark.parametrize("number", range(5))
def test_seed_hits_index_the_original_text_in_order_without_overlap(seed_docs, number):
    doc = seed_docs[number]
    found = find_terms(doc)
    assert found
    terms = set(load_terms())
    previous_end = 0
    for hit in found:
        assert hit.term in terms
        assert doc.text[hit.start : hit.end] == hit.text
        assert as_term(hit.text) == hit.term
        assert hit.start >= previous_end
        previous_end = hit.end


def test_traditional_commentary_on_new_quality_productive_forces_is_full_of_them(seed_docs):
    doc = seed_docs[3]
    assert doc.script == "traditional"
    found = [h for h in find_terms(doc) if h.term == "新质生产力"]
    assert len(found) >= 10
    assert {h.text for h in found} == {"新質生產力"}


def test_simplified_summary_has_the_2025_headline_terms(seed_docs):
    found = {h.term for h in find_terms(seed_docs[2])}
    for term in ["人工智能+", "具身智能", "低空经济", "专精特新", "以旧换新", "超长期特别国债", "零碳园区"]:
        assert term in found


def test_traditional_rendering_of_a_simplified_seed_gives_the_same_terms_at_the_same_offsets(seed_docs):
    # t2s keeps the length of report text (the bundled OpenCC has no length-changing t2s phrase),
    # so the hits of the s2t rendering line up with those of the original.
    simplified = seed_docs[4].text
    traditional = convert_text(simplified, "s2t").text
    assert len(traditional) == len(simplified)
    original_hits = find_terms(simplified)
    rendered_hits = find_terms(traditional)
    assert [(h.term, h.start, h.end) for h in rendered_hits] == [(h.term, h.start, h.end) for h in original_hits]
    for hit in rendered_hits:
        assert traditional[hit.start : hit.end] == hit.text
