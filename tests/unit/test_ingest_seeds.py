"""What a reader sees when the five sample reports are opened: whole paragraphs, real headings,
list items, bilingual pairs and tables as rows."""

from __future__ import annotations

from functools import cache

import pytest

from reader.core.ingest import ingest_file
from reader.core.model import CELL_SEPARATOR, HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Document
from tests.support import seed_path

SEEDS = (0, 1, 2, 3, 4)


@cache
def seed(number: int) -> Document:
    return ingest_file(seed_path(number))


def blocks_starting(doc: Document, prefix: str):
    return [b for b in doc.blocks if b.text.startswith(prefix)]


def one_block(doc: Document, start: str, end: str):
    """The single block that holds the passage from `start` to `end`, and nothing else."""
    found = blocks_starting(doc, start)
    assert len(found) == 1, f"expected one block starting {start!r}, got {[b.text[:30] for b in found]}"
    block = found[0]
    assert block.text.endswith(end), f"block starting {start!r} ends {block.text[-40:]!r}"
    return block


# --- every seed ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", SEEDS)
def test_blocks_tile_the_text_in_order(number):
    doc = seed(number)
    assert doc.blocks
    previous_end = -1
    for block in doc.blocks:
        assert block.text, "no empty blocks"
        assert doc.text[block.start:block.end] == block.text
        assert block.start > previous_end
        previous_end = block.end
    assert doc.text == "\n".join(b.text for b in doc.blocks)
    assert "\n" not in "".join(b.text for b in doc.blocks)


@pytest.mark.parametrize("number", SEEDS)
def test_no_bare_page_numbers_or_private_use_glyphs(number):
    doc = seed(number)
    for block in doc.blocks:
        bare = block.text.strip(" -—")
        assert not (bare.isdigit() and len(bare) <= 3), f"page number left as a block: {block.text!r}"
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in doc.text)


@pytest.mark.parametrize("number", SEEDS)
def test_ids_are_unique_and_stable_across_reingest(number):
    doc = seed(number)
    ids = [b.id for b in doc.blocks]
    assert len(set(ids)) == len(ids)
    again = ingest_file(seed_path(number))
    assert [b.id for b in again.blocks] == ids
    assert again.content_hash == doc.content_hash


@pytest.mark.parametrize(
    "number, script, year",
    [
        (0, "traditional", 2024),
        (1, "traditional", 2024),
        # The 2025 summary never names its year in its opening text; the seed manifest supplies it.
        (2, "simplified", None),
        (3, "traditional", 2024),
        (4, "simplified", 2024),
    ],
)
def test_script_and_year(number, script, year):
    doc = seed(number)
    assert (doc.script, doc.year) == (script, year)


# --- 001: the 2024 report -----------------------------------------------------------------


def test_001_targets_sentence_is_one_block():
    block = one_block(seed(1), "今年發展主要預期目標是：", "生態環境質量持續改善。")
    assert "城鎮新增就業1200萬人以上" in block.text
    assert block.kind == PARAGRAPH


def test_001_resolution_title_and_section_headings():
    doc = seed(1)
    title = doc.blocks[0]
    assert title.text == "第十四屆全國人民代表大會第二次會議關於政府工作報告的決議"
    assert title.kind == HEADING and title.level == 0
    assert doc.title == title.text
    (part_one,) = blocks_starting(doc, "一、")
    assert part_one.text == "一、2023年工作回顧"
    assert (part_one.kind, part_one.level, part_one.label) == (HEADING, 1, "一、")
    (part_two,) = blocks_starting(doc, "二、")
    assert part_two.text == "二、2024年經濟社會發展總體要求和政策取向"
    assert (part_two.kind, part_two.level, part_two.label) == (HEADING, 1, "二、")


def test_001_dash_items_are_whole_even_across_a_page_break():
    doc = seed(1)
    items = [b for b in doc.blocks if b.label == "——"]
    assert len(items) == 7
    assert all(b.kind == LIST_ITEM and b.level == 2 for b in items)
    first = one_block(doc, "——經濟總體回升向好。", "國際收支基本平衡。")
    assert "增長5.2%，增速居世界主要經濟體前列" in first.text
    one_block(doc, "——民生保障有力有效。", "惠及上千萬家庭。")


def test_001_prose_paragraph_whole():
    one_block(doc := seed(1), "會議號召，全國各族人民", "以優異成績迎接中華人民共和國成立75週年！")
    one_block(doc, "過去一年，是全面貫徹黨的二十大精神的開局之年", "全面建設社會主義現代化國家邁出堅實步伐。")


# --- 004: Chinese with English translation --------------------------------------------------


def test_004_each_chinese_paragraph_is_paired_with_its_english():
    doc = seed(4)
    assert doc.language == "zh+en"
    by_id = {b.id: b for b in doc.blocks}
    english = [b for b in doc.blocks if b.lang == "en"]
    chinese = [b for b in doc.blocks if b.lang == "zh"]
    assert len(english) > 40
    assert all(b.translation_of in by_id and by_id[b.translation_of].lang == "zh" for b in english)
    translated = {b.translation_of for b in english}
    # Every Chinese block after the title has at least one English block pointing at it.
    assert [b.id for b in chinese[1:]] == [b.id for b in chinese[1:] if b.id in translated]
    assert all(b.translation_of is None for b in chinese)


def test_004_english_follows_its_chinese():
    doc = seed(4)
    (task_one,) = blocks_starting(doc, "（一）大力推进现代化产业体系建设")
    assert task_one.label == "（一）" and task_one.level == 2
    index = doc.blocks.index(task_one)
    heading_en, body_en = doc.blocks[index + 1], doc.blocks[index + 2]
    assert heading_en.text.startswith("1. Striving to modernize the industrial system")
    assert body_en.text.startswith("We should give full rein to the leading role of innovation")
    assert heading_en.translation_of == body_en.translation_of == task_one.id


def test_004_repeated_paragraph_appears_once():
    doc = seed(4)
    assert len(blocks_starting(doc, "深入推进数字经济创新发展。")) == 1


def test_004_tasks_have_labels_and_levels():
    doc = seed(4)
    tasks = [b for b in doc.blocks if b.lang == "zh" and b.level == 2 and b.label.startswith("（")]
    assert [b.label for b in tasks] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    (part,) = blocks_starting(doc, "三、")
    assert (part.kind, part.level, part.label) == (HEADING, 1, "三、")


# --- 000: commentary with a comparison table -------------------------------------------------


def test_000_prose_paragraphs_are_whole():
    doc = seed(0)
    one_block(doc, "2024年3月5日，國務院總理李強", "則闡述了對今年政府工作任務的具體部署。")
    one_block(doc, "《報告》在開篇起首便羅列了", "所取得的主要成績。")
    one_block(doc, "針對國際上尤其是部分西方國家", "新能源汽車產銷量佔全球比重超過60%」。")
    one_block(doc, "預料在今年乃至未來幾年裡", "亦為內地經濟高質量發展所需的重大基礎建設投資籌措資金。")


def test_000_section_headings():
    doc = seed(0)
    for text in ("肯定成績又正視問題挑戰", "設5%增長目標略超預期", "擴張性財政政策繼續擔綱", "重視科創打造新質生產力"):
        (block,) = [b for b in doc.blocks if b.text == text]
        assert block.kind == HEADING and block.level == 1


def test_000_comparison_table_rows():
    doc = seed(0)
    rows = [b for b in doc.blocks if b.kind == TABLE_ROW]
    cells = [r.text.split(CELL_SEPARATOR) for r in rows]
    assert cells[0] == ["", "2024年", "2023年", "2022年"]
    assert cells[1][0] == "總體要求"
    assert len(cells[1]) == 4
    assert cells[1][1].startswith("堅持穩中求進工作總基調，推動高水平科技自立自強")
    assert cells[1][1].endswith("有效提升和量的合理增長")
    assert cells[1][3].endswith("保持經濟運行在合理區間")
    assert cells[2][0] == "預期目標" and len(cells[2]) == 4
    assert cells[2][1] == (
        "國內生產總值增長5%左右；城鎮新增就業1,200萬人以上，城鎮調查失業率5.5%左右；居民消費價格漲幅3%左右；國際收支保持基本平衡"
    )
    assert cells[3][0] == "工作主要任務/建議"
    caption = doc.blocks[doc.blocks.index(rows[0]) - 1]
    assert caption.text.startswith("附表：") and caption.kind == HEADING


# --- 003: commentary with footnotes and two appendix tables ----------------------------------


def test_003_prose_paragraphs_are_whole_around_footnotes():
    doc = seed(3)
    one_block(doc, "總體而言，發展新質生產力戰略思想的形成", "極大地提高了社會生產力的水平。")
    # Interrupted by a page break and footnotes 2 and 3 in the source.
    one_block(doc, "從另一個角度看，內地改革開放以來", "必須加快轉向以自主創新為主的新路徑。")
    one_block(doc, "當今世界正值科技顛覆性創新高歌猛進的新時代", "更被認為是第四次工業革命的重要象徵和前奏2。")


def test_003_footnotes_are_their_own_paragraphs():
    doc = seed(3)
    (note,) = [b for b in doc.blocks if b.label == "1" and b.kind == PARAGRAPH]
    assert "「新質生產力專題討論」系列的首篇文章" in note.text
    assert note.text.endswith("https://www.cma.org.hk/tc/menu/109。")


def test_003_leaders_statements_table():
    doc = seed(3)
    rows = [b.text.split(CELL_SEPARATOR) for b in doc.blocks if b.kind == TABLE_ROW]
    assert rows[0] == ["時間", "會議", "對新質生產力的描述"]
    assert rows[1][:2] == ["2023.9.7", "新時代推動東北全面振興座談會"]
    assert rows[1][2].startswith("●要以科技創新推動產業創新，加快構建具有東北特色優勢的現代化產業體系。")
    assert rows[1][2].count("●") == 3
    assert [r[0] for r in rows[1:5]] == ["2023.9.7", "2023.12.12", "2024.1.31", "2024.3.5"]
    assert [r[1] for r in rows[1:5]] == [
        "新時代推動東北全面振興座談會", "中央經濟工作會議", "中央政治局第十一次集體學習會", "2024年政府工作報告"
    ]
    assert all(len(r) == 3 for r in rows[1:5])


def test_003_numbers_table():
    doc = seed(3)
    rows = [b.text.split(CELL_SEPARATOR) for b in doc.blocks if b.kind == TABLE_ROW]
    start = rows.index(["數字看新質生產力", "詮釋"])
    assert rows[start + 1] == ["1個主導", "以創新為主導"]
    assert rows[start + 7] == [
        "3個近期的主攻方向", "培育新興產業和未來產業，持續推動產業鏈、供應鏈的優化和傳統產業的升級，促進數字經濟創新發展"
    ]
    assert rows[-1] == ["5個理念", "符合創新、協調、綠色、開放、共享的新發展理念"]


# --- 002: infographic summary ----------------------------------------------------------------


def test_002_bullets_targets_and_headings():
    doc = seed(2)
    bullets = [b for b in doc.blocks if b.label == "●"]
    assert len(bullets) >= 30
    assert all(b.kind == LIST_ITEM for b in bullets)
    (heading,) = [b for b in doc.blocks if b.text == "主要预期目标"]
    assert heading.kind == HEADING
    following = [b.text for b in doc.blocks[doc.blocks.index(heading) + 1:][:4]]
    assert following[0] == "国内生产总值增长5%左右"
    assert "居民消费价格涨幅2%左右" in following
