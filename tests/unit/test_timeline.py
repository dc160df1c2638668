"""The term timeline over the sample library (the six full reports 2014–2024, the seeds): when a
slogan arrives and fades, in either script, and what each year brought."""

from __future__ import annotations

import pytest

from reader.core.convert import convert_text
from reader.core.find import fold
from reader.core.ingest import ingest_text
from reader.core.timeline import YearText, count_terms, new_by_year, reports_only, sentence_around, split_terms
from reader.ops.documents import open_library
from reader.ops.timeline import term_timeline
from reader.store.library import Library
from tests.support import SEEDS


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory) -> Library:
    library = open_library(tmp_path_factory.mktemp("timeline") / "lib.sqlite3", daily_copy=False)
    yield library
    library.close()


def text(doc_id: int, year: int, body: str, content_hash: str = "") -> YearText:
    return YearText(doc_id, year, f"{year} report", fold(body), content_hash or f"h{doc_id}")


def test_the_slogans_of_a_decade(sample_library):
    timeline = term_timeline(sample_library, ["高质量发展", "新常态", "新质生产力"], new_words=False)
    high, normal, new_forces = timeline.terms
    # Reports only: the 2025 summary and the commentaries make no year.
    assert timeline.years == (2014, 2016, 2018, 2020, 2022, 2024)

    assert [high.years[y].count for y in (2014, 2016)] == [0, 0]
    assert high.first == 2018 and high.last == 2024
    per_10k = [high.years[y].per_10k for y in (2018, 2020, 2022, 2024)]
    assert per_10k == sorted(per_10k) and len(set(per_10k)) == 4, per_10k  # rising every report
    assert high.years[2020].count < high.years[2018].count  # raw counts dip: 2020's report is short

    assert normal.first == 2016 and normal.last == 2018
    assert all(normal.years[y].count == 0 for y in (2020, 2022, 2024))

    assert new_forces.first == new_forces.last == 2024
    # The three 2024 reports in the library (the whole report, part one in Traditional and the
    # tasks section) are read as one: the whole report's use, and the resolution's printed above
    # part one; the tasks section's line is the whole report's, not counted again.
    assert new_forces.years[2024].count == 2
    reports = {d.title: d.id for d in sample_library.documents() if d.year == 2024 and d.kind == "report"}
    whole = reports["2024年政府工作报告"]
    part_one = next(i for t, i in reports.items() if "第一部分" in t)
    assert {p.doc_id for p in new_forces.passages_in(2024)} == {whole, part_one}


def test_a_passage_is_its_occurrence_as_written_and_its_sentence(sample_library):
    (term,) = term_timeline(sample_library, ["新质生产力"], new_words=False).terms
    traditional = next(p for p in term.passages if p.text != "新质生产力")
    assert traditional.text == "新質生產力"
    written = sample_library.document(traditional.doc_id).text
    assert written[traditional.start : traditional.end] == "新質生產力"
    assert traditional.sentence.strip("…") in written and "新質生產力" in traditional.sentence
    # The list shows a snippet: the occurrence with at most 40 characters either side.
    assert "新質生產力" in traditional.snippet and len(traditional.snippet.strip("…")) <= 85
    assert traditional.snippet.strip("…") in traditional.sentence
    # A sentence ends at its stop, or with … where it runs on past 300 characters.
    assert all(p.sentence.endswith(("。", "；", "！", "？", "…")) for p in term.passages)


def test_either_script_counts_the_same(tmp_path):
    simplified = (SEEDS / "gwr_2018_zh-hans.txt").read_text(encoding="utf-8")
    traditional = convert_text(simplified, "s2t").text
    assert "高質量發展" in traditional
    counts = {}
    for name, body in (("s", simplified), ("t", traditional)):
        with Library.open(tmp_path / f"{name}.sqlite3") as library:
            library.add(ingest_text(body, title="2018"), year=2018, kind="report")
            timeline = term_timeline(library, ["高质量发展", "新常態", "供给侧结构性改革"], new_words=False)
            counts[name] = [(t.years[2018].count, t.years[2018].per_10k) for t in timeline.terms]
    assert counts["s"] == counts["t"]
    assert counts["s"][0][0] == 5 and counts["s"][1][0] == 1


def test_occurrences_do_not_overlap_and_letters_ignore_case():
    (term, latin) = count_terms([text(1, 2020, "发展发展发展。推进AI+行动，ai+。")], ["发展发展", "AI+"])
    assert term.years[2020].count == 1
    assert latin.years[2020].count == 2


def test_two_reports_of_a_year_are_summed_and_a_second_copy_counts_once():
    texts = reports_only(
        [
            text(1, 2024, "新质生产力。" * 2, "a"),
            text(2, 2024, "加快发展新質生產力。", "b"),
            text(3, 2024, "新质生产力。" * 2, "a"),  # the first text imported again
        ]
    )
    (term,) = count_terms(texts, ["新质生产力"])
    assert term.years[2024].count == 3
    assert term.years[2024].chars == 10 + 9  # Han characters only: 。 does not dilute per_10k
    assert term.years[2024].per_10k == round(3 * 10_000 / 19, 2)


def test_an_excerpt_of_the_years_report_adds_only_its_own_lines():
    whole = text(1, 2024, "序言。\n发展新质生产力。\n稳就业，稳物价，稳增长。", "a")
    excerpt = text(2, 2024, "决议：发展新质生产力。\n发展新质生产力。", "b")  # a resolution, then a line of the whole
    (term,) = count_terms(reports_only([excerpt, whole]), ["新质生产力"])
    assert term.years[2024].count == 2  # the whole report's line once, the resolution's once
    assert term.years[2024].chars == 2 + 7 + 9 + 9  # the repeated line's characters not again
    assert sorted(p.doc_id for p in term.passages) == [1, 2]


def test_typed_terms_split_on_commas_and_spaces_each_once_by_its_fold():
    assert split_terms("高质量发展, 新常态 新質生產力、新质生产力;；  ") == ["高质量发展", "新常态", "新質生產力"]
    assert split_terms(["AI+ ai+", "发展"]) == ["AI+", "发展"]


def test_a_sentence_stops_at_its_ends_and_is_bounded():
    body = "第一句。第二句有发展；第三句"
    start = body.index("发展")
    assert body[slice(*sentence_around(body, start, start + 2))] == "第二句有发展；"
    endless = "字" * 1000
    s, e = sentence_around(endless, 500, 502)
    assert e - s <= 602


def test_each_year_lists_the_terms_and_words_it_brought(sample_library):
    fresh = term_timeline(sample_library, ["高质量发展"]).new_by_year
    assert set(fresh) == {2016, 2018, 2020, 2022, 2024}  # the first year has no list
    assert "高质量发展" in fresh[2018] and not any("高质量发展" == w for w in fresh[2020])
    assert "新质生产力" in fresh[2024] and "低空经济" in fresh[2024]
    assert "新冠" in fresh[2020] or "疫情" in fresh[2020] or "防疫" in fresh[2020]
    for words in fresh.values():
        assert all(w == w.strip() and len(w) >= 2 for w in words)
        assert "发展" not in words and "我们" not in words
    # Simplified whatever the script: the Traditional 2024 part adds no 發展 or 經濟.
    assert not any(ch in "".join(fresh[2024]) for ch in "發經濟")


def test_a_word_is_new_only_where_no_earlier_year_has_it_at_all():
    from collections import Counter

    texts = [text(1, 2014, "经济发展新常态。"), text(2, 2016, "新常态，新常态，新常态。低空经济。")]
    fresh = new_by_year(texts, {1: frozenset(), 2: frozenset({"低空经济"})}, {1: Counter(), 2: Counter({"新常态": 3, "低空": 3})})
    assert fresh == {2016: ("低空经济",)}  # 新常态 was in 2014; 低空 is inside a listed term


def test_commentaries_and_summaries_never_count(tmp_path):
    with Library.open(tmp_path / "lib.sqlite3") as library:
        library.add(ingest_text("加快发展新质生产力。" * 3, title="c"), year=2023, kind="commentary")
        library.add(ingest_text("加快发展新质生产力。", title="s"), year=2025, kind="summary")
        library.add(ingest_text("推动高质量发展。", title="r"), year=2022, kind="report")
        timeline = term_timeline(library, ["新质生产力"], new_words=False)
    assert timeline.years == (2022,)
    assert timeline.terms[0].first is None and timeline.terms[0].years[2022].count == 0


def test_json_has_the_issues_shape(sample_library):
    data = term_timeline(sample_library, ["新常态"]).to_json()
    (term,) = data["terms"]
    assert term["term"] == "新常态" and term["first"] == 2016 and term["last"] == 2018
    assert term["years"]["2016"] == {"count": 2, "per_10k": pytest.approx(term["years"]["2016"]["per_10k"])}
    assert set(term["years"]["2016"]) == {"count", "per_10k"}
    assert list(term["years"]) == ["2014", "2016", "2018", "2020", "2022", "2024"]
    assert "2018" in data["new_by_year"] and isinstance(data["new_by_year"]["2018"], list)
