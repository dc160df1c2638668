"""A bilingual edition side by side: each Chinese run beside the English run that translates it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.bilingual import EN, ZH, BilingualLink, block_languages, is_bilingual, pair_runs
from reader.core.ingest import ingest_file
from reader.core.link import LEFT, RIGHT
from reader.core.model import HEADING, PARAGRAPH, Block, Document
from tests.support import seed_path

CHINESE = "我们要坚持稳中求进，推动高质量发展。"
ENGLISH = "We will pursue progress while ensuring stability and promote development."
FIGURE = "2024"


def document(texts: list[str], kinds: list[str] | None = None) -> Document:
    """A Document whose blocks are `texts`; lang as ingest gives it ("en" for English prose)."""
    blocks, start = [], 0
    for n, text in enumerate(texts):
        lang = EN if text.startswith(("We", "The", "1.")) else ZH
        kind = kinds[n] if kinds else PARAGRAPH
        blocks.append(Block(id=f"b{n}", kind=kind, level=0, text=text, lang=lang, start=start, end=start + len(text)))
        start += len(text) + 1
    return Document(text="\n".join(texts), blocks=tuple(blocks))


def test_the_2024_tasks_edition_puts_each_chinese_paragraph_beside_its_english():
    doc = ingest_file(seed_path(4))
    link = BilingualLink(doc)
    texts = [block.text for block in doc.blocks]
    industry = next(n for n, t in enumerate(texts) if t.startswith("（一）大力推进现代化产业体系建设"))
    english = link.block(LEFT, industry)
    assert english is not None and texts[english].startswith("1. Striving to modernize the industrial system")
    # Its English run is two blocks (the numbered heading and its paragraph); both map back.
    assert link.block(RIGHT, english) == link.block(RIGHT, english + 1) == industry
    # The title and the section heading have one English heading between them.
    assert texts[link.block(LEFT, 0) or 0] == "III. Major Tasks for 2024"
    assert is_bilingual(doc)


def test_a_chinese_only_or_english_only_document_is_not_bilingual():
    assert not is_bilingual(ingest_file(seed_path(2)))
    assert not is_bilingual(document([ENGLISH, ENGLISH]))
    assert is_bilingual(document([CHINESE, ENGLISH]))


def test_figures_and_urls_stay_in_the_run_they_sit_in():
    doc = document([CHINESE, ENGLISH, FIGURE, ENGLISH, CHINESE, FIGURE, ENGLISH])
    assert block_languages(doc.blocks) == [ZH, EN, EN, EN, ZH, ZH, EN]
    assert [(p.chinese, p.english) for p in pair_runs(doc.blocks)] == [(range(0, 1), range(1, 4)), (range(4, 6), range(6, 7))]


def test_a_document_opening_in_english_leaves_that_english_unpaired():
    doc = document([ENGLISH, ENGLISH, CHINESE, ENGLISH])
    link = BilingualLink(doc)
    assert link.block(RIGHT, 0) is None and link.block(RIGHT, 1) is None
    assert link.block(LEFT, 2) == 3 and link.block(RIGHT, 3) == 2


def test_an_untranslated_chinese_ending_has_no_counterpart():
    doc = document(["政府工作报告", CHINESE, ENGLISH, CHINESE], [HEADING, PARAGRAPH, PARAGRAPH, PARAGRAPH])
    link = BilingualLink(doc)
    assert link.block(LEFT, 0) == link.block(LEFT, 1) == 2
    assert link.block(LEFT, 3) is None


def test_spans_map_to_themselves():
    link = BilingualLink(document([CHINESE, ENGLISH]))
    assert link.span(RIGHT, 20, 30) == (20, 30)
    assert link.span(LEFT, 3, 5) == (3, 5)


def test_a_block_with_both_scripts_goes_where_its_language_says():
    mixed_zh = "“新质生产力”（new quality productive forces）是重点。"
    mixed_en = "We call these 新质生产力, new quality productive forces, and will foster them."
    doc = document([CHINESE, mixed_zh, mixed_en, ENGLISH])
    assert block_languages(doc.blocks) == [ZH, ZH, EN, EN]
    assert BilingualLink(doc).block(LEFT, 1) == 2


languages = st.lists(st.sampled_from([ZH, EN, "figure"]), min_size=0, max_size=40)


def _doc_of(kinds: list[str]) -> Document:
    return document([{ZH: CHINESE, EN: ENGLISH, "figure": FIGURE}[k] for k in kinds])


@given(languages)
def test_pairs_tile_the_blocks_in_order(kinds):
    doc = _doc_of(kinds)
    pairs = pair_runs(doc.blocks)
    covered = [n for p in pairs for n in (*p.chinese, *p.english)]
    assert covered == list(range(len(kinds)))
    langs = block_languages(doc.blocks)
    for pair in pairs:
        assert all(langs[n] == ZH for n in pair.chinese)
        assert all(langs[n] == EN for n in pair.english)


@given(languages)
def test_every_block_maps_into_the_other_languages_run_monotonically(kinds):
    doc = _doc_of(kinds)
    link = BilingualLink(doc)
    last: dict[str, int] = {}
    for n in range(len(kinds)):
        mine = link.language(n)
        pair = link.pair_of(n)
        assert pair is not None and n in pair.run(mine)
        for side in (LEFT, RIGHT):
            target = link.block(side, n)
            if target is None:
                assert not pair.paired
                continue
            other = EN if mine == ZH else ZH
            assert link.language(target) == other
            assert target == pair.run(other).start
            # Back again lands in the run it came from.
            back = link.block(side, target)
            assert back is not None and back in pair.run(mine)
        target = link.block(LEFT, n)
        if target is not None:
            assert target >= last.get(mine, -1)
            last[mine] = target
