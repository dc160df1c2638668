"""The year's tasks as a tree (reader.core.tasks): a report's （一）…（十） section and an infographic summary."""

from __future__ import annotations

import pytest

from reader.core.extracted import Task
from reader.core.ingest import ingest_file, ingest_text
from reader.core.model import Document
from reader.core.tasks import extract_tasks
from tests.support import seed_path

# A hand-written report in Traditional script: the tasks section with three tasks, each heading
# paragraph followed by paragraphs whose lead sentence is a sub-task, then the next part.
TRADITIONAL_REPORT = [
    "2024年政府工作報告",
    "三、2024年政府工作任務",
    "黨中央對今年工作作出了全面部署，我們要深入貫徹落實，緊緊抓住主要矛盾，著力突破瓶頸制約，紮實做好各項工作。",
    "（一）大力推進現代化產業體系建設，加快發展新質生產力。充分發揮創新主導作用，以科技創新推動產業創新，加快推進新型工業化，提高全要素生產率，不斷塑造發展新動能新優勢。",
    "推動產業鏈供應鏈優化升級。保持工業經濟平穩運行。實施製造業重點產業鏈高質量發展行動，著力補齊短板、拉長長板、鍛造新板，增強產業鏈供應鏈韌性和競爭力。",
    "積極培育新興產業和未來產業。實施產業創新工程，完善產業生態，拓展應用場景，促進戰略性新興產業融合集群發展，鞏固擴大智能網聯新能源汽車等產業領先優勢。",
    "（二）深入實施科教興國戰略，強化高質量發展的基礎支撐。堅持教育強國、科技強國、人才強國建設一體統籌推進，深化教育科技人才綜合改革，為現代化建設提供強大動力。",
    "加強高質量教育體系建設。全面貫徹黨的教育方針，堅持把高質量發展作為各級各類教育的生命線，制定實施教育強國建設規劃綱要，推進大中小學思想政治教育一體化建設。",
    "加快推動高水平科技自立自強。充分發揮新型舉國體制優勢，全面提升自主創新能力，強化基礎研究系統佈局，長期穩定支持一批創新基地、優勢團隊和重點方向。",
    "（三）著力擴大國內需求，推動經濟實現良性循環。把實施擴大內需戰略同深化供給側結構性改革有機結合起來，更好統籌消費和投資，增強對經濟增長的拉動作用。",
    "促進消費穩定增長。從增加收入、優化供給、減少限制性措施等方面綜合施策，激發消費潛能，培育壯大新型消費，實施數字消費、綠色消費、健康消費促進政策。",
    "積極擴大有效投資。發揮好政府投資的帶動放大效應，重點支持科技創新、新型基礎設施、節能減排降碳，加強民生等經濟社會薄弱領域補短板，推進防洪排澇抗旱設施建設。",
    "四、加強政府自身建設",
    "新征程上，政府工作要做到人民有所呼、改革有所應，始終把人民放在心中最高位置。",
]

TRADITIONAL_TREE = [
    (1, "大力推進現代化產業體系建設，加快發展新質生產力", ["推動產業鏈供應鏈優化升級", "積極培育新興產業和未來產業"]),
    (2, "深入實施科教興國戰略，強化高質量發展的基礎支撐", ["加強高質量教育體系建設", "加快推動高水平科技自立自強"]),
    (3, "著力擴大國內需求，推動經濟實現良性循環", ["促進消費穩定增長", "積極擴大有效投資"]),
]

PDF_WIDTH = 30  # characters per wrapped line
PAGE_NUMBER_AT_LINE = 6  # a page number lands mid-sentence in the （一） paragraph


@pytest.fixture(scope="module")
def seed_docs() -> dict[int, Document]:
    return {n: ingest_file(seed_path(n)) for n in range(5)}


def tree(tasks: list[Task]) -> list[tuple[int, str, list[str]]]:
    return [(t.number, t.title, [c.title for c in t.children]) for t in tasks]


def pdf_wrapped(paragraphs: list[str]) -> str:
    """The paragraphs as PDF text: hard-wrapped mid-sentence, a blank line after every line, a page number."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [paragraph[i : i + PDF_WIDTH] for i in range(0, len(paragraph), PDF_WIDTH)]
    lines.insert(PAGE_NUMBER_AT_LINE, "- 3 -")
    return "\n\n".join(lines) + "\n"


def assert_spans_index_the_text(document: Document, tasks: list[Task]) -> None:
    for task in tasks:
        assert document.text[task.start : task.end] == task.title
        for child in task.children:
            assert document.text[child.start : child.end] == child.title


# --- seed 004: the 2024 report's tasks section with the English translation ----------------


def test_seed_004_has_the_five_tasks_of_the_2024_report_in_order(seed_docs):
    tasks = extract_tasks(seed_docs[4])
    assert [t.number for t in tasks] == [1, 2, 3, 4, 5]
    assert [t.title for t in tasks] == [
        "大力推进现代化产业体系建设，加快发展新质生产力",
        "深入实施科教兴国战略，强化高质量发展的基础支撑",
        "着力扩大国内需求，推动经济实现良性循环",
        "坚定不移深化改革，增强发展内生动力",
        "扩大高水平对外开放，促进互利共赢",
    ]


def test_seed_004_children_are_the_lead_sentences_of_the_chinese_paragraphs(seed_docs):
    tasks = extract_tasks(seed_docs[4])
    assert [c.title for c in tasks[0].children] == [
        "推动产业链供应链优化升级",
        "积极培育新兴产业和未来产业",
        "深入推进数字经济创新发展",
    ]
    assert [c.title for c in tasks[1].children] == ["加强高质量教育体系建设", "加快推动高水平科技自立自强"]
    assert [c.number for c in tasks[0].children] == [1, 2, 3]
    assert all(not c.children for t in tasks for c in t.children)


def test_seed_004_english_translation_blocks_never_become_children(seed_docs):
    tasks = extract_tasks(seed_docs[4])
    titles = [t.title for t in tasks] + [c.title for t in tasks for c in t.children]
    assert titles
    for title in titles:
        assert not any("a" <= ch.lower() <= "z" for ch in title), title
    # Each English paragraph ("We will work to upgrade industrial and supply chains.") stays out.
    assert "We will work to upgrade industrial and supply chains" not in titles


def test_seed_004_titles_and_children_are_spans_of_the_document_text(seed_docs):
    doc = seed_docs[4]
    tasks = extract_tasks(doc)
    assert_spans_index_the_text(doc, tasks)
    starts = [t.start for t in tasks]
    assert starts == sorted(starts)
    for task in tasks:
        assert all(task.end < child.start for child in task.children)


def test_seed_004_tasks_serialise_to_json_with_their_children(seed_docs):
    first = extract_tasks(seed_docs[4])[0].to_json()
    assert first["number"] == 1
    assert first["title"] == "大力推进现代化产业体系建设，加快发展新质生产力"
    assert first["children"][0]["title"] == "推动产业链供应链优化升级"
    assert set(first["children"][0]) == {"title", "start", "end"}


# --- seed 002: the infographic summary with ● bullets --------------------------------------


def test_seed_002_summary_has_ten_tasks_numbered_one_to_ten(seed_docs):
    tasks = extract_tasks(seed_docs[2])
    assert [t.number for t in tasks] == list(range(1, 11))


def test_seed_002_task_titles_carry_no_numbering_and_read_sensibly(seed_docs):
    titles = {t.number: t.title for t in extract_tasks(seed_docs[2])}
    assert titles[1] == "大力提振消费、提高投资效益，全方位扩大国内需求"
    assert titles[2] == "因地制宜发展新质生产力，加快建设现代化产业体系"  # "22…44" on the line
    assert titles[3].startswith("深入实施科教兴国战略")
    assert titles[3] == "深入实施科教兴国战略，提升国家创新体系整体效能"  # joined with the next line
    assert titles[5] == "扩大高水平对外开放，积极稳外贸稳外资"
    assert titles[8].startswith("推进新型城镇化和区域协调发展")  # "88推进…"
    assert "保障和改善民生" in titles[10]  # "1010加大…"
    for title in titles.values():
        assert not title[0].isdigit() and not title[-1].isdigit(), title
        assert "●" not in title


def test_seed_002_every_task_has_bullets_as_children(seed_docs):
    tasks = extract_tasks(seed_docs[2])
    for task in tasks:
        assert task.children, task.title
        for child in task.children:
            assert not child.title.startswith("●")
    by_number = {t.number: [c.title for c in t.children] for t in tasks}
    assert by_number[2] == ["培育壮大新兴产业、未来产业", "推动传统产业改造提升", "激发数字经济创新活力"]
    assert by_number[3] == ["加快建设高质量教育体系", "推进高水平科技自立自强", "全面提高人才队伍质量"]
    assert "维护国家安全和社会稳定" in by_number[10]
    # Every ● bullet of the summary belongs to exactly one task.
    bullets = [b.text.lstrip("●") for b in seed_docs[2].blocks if b.label == "●"]
    assert sorted(c for children in by_number.values() for c in children) == sorted(bullets)


def test_seed_002_investment_bullet_belongs_to_the_domestic_demand_task(seed_docs):
    by_number = {t.number: [c.title for c in t.children] for t in extract_tasks(seed_docs[2])}
    assert by_number[1] == ["实施提振消费专项行动", "积极扩大有效投资"]
    assert by_number[6] == ["持续用力推动房地产市场止跌回稳", "稳妥化解地方政府债务风险", "积极防范金融领域风险"]


def test_seed_002_titles_and_children_point_into_the_document(seed_docs):
    doc = seed_docs[2]
    for task in extract_tasks(doc):
        # A title joined from two lines has "，" where the document has the line break.
        assert doc.text[task.start : task.end].replace("\n", "，") == task.title
        for child in task.children:
            assert doc.text[child.start : child.end] == child.title


# --- documents without a tasks section -------------------------------------------------------


@pytest.mark.parametrize("number", [0, 1, 3])
def test_commentaries_and_a_report_that_stops_early_have_no_tasks(seed_docs, number):
    assert extract_tasks(seed_docs[number]) == []


def test_plain_text_without_tasks_gives_nothing():
    assert extract_tasks(ingest_text("今年经济运行总体平稳。\n\n我们要继续努力。\n")) == []


# --- hand-written reports ---------------------------------------------------------------------


def test_traditional_report_gives_tasks_and_lead_sentences_as_written():
    doc = ingest_text("\n".join(TRADITIONAL_REPORT) + "\n")
    tasks = extract_tasks(doc)
    assert tree(tasks) == TRADITIONAL_TREE
    assert_spans_index_the_text(doc, tasks)


def test_the_next_part_of_the_report_ends_the_tasks_section():
    tasks = extract_tasks(ingest_text("\n".join(TRADITIONAL_REPORT) + "\n"))
    assert all("人民" not in c.title for t in tasks for c in t.children)
    assert tasks[-1].children[-1].title == "積極擴大有效投資"


def test_pdf_wrapped_traditional_report_gives_the_same_tasks():
    wrapped = pdf_wrapped(TRADITIONAL_REPORT)
    assert "加快發展新質生產力。充分發\n\n揮" in wrapped
    assert "加快推進新型工業化，\n\n- 3 -\n\n提高全要素生產率" in wrapped
    plain = ingest_text("\n".join(TRADITIONAL_REPORT) + "\n")
    doc = ingest_text(wrapped)
    assert doc.text == plain.text  # the wrapping and the page number are repaired…
    tasks = extract_tasks(doc)
    assert tree(tasks) == TRADITIONAL_TREE  # …so the tree is the same, with the same offsets
    assert tasks == extract_tasks(plain)
    assert_spans_index_the_text(doc, tasks)


def test_a_task_heading_on_its_own_line_without_a_full_stop():
    text = (
        "三、2024年政府工作任务\n"
        "（一）大力推进现代化产业体系建设，加快发展新质生产力\n"
        "推动产业链供应链优化升级。保持工业经济平稳运行，实施制造业重点产业链高质量发展行动，着力补齐短板、拉长长板、锻造新板。\n"
    )
    tasks = extract_tasks(ingest_text(text))
    assert tree(tasks) == [(1, "大力推进现代化产业体系建设，加快发展新质生产力", ["推动产业链供应链优化升级"])]


def test_task_ten_is_numbered_ten():
    # Paragraphs as web text gives them: one long line each (too wide to be a wrapped PDF line).
    numerals = "一二三四五六七八九十"
    lines = ["三、2025年政府工作任务"]
    for k, numeral in enumerate(numerals, 1):
        lines.append(
            f"（{numeral}）第{k}项任务的标题，要把这项工作做好。这一段是任务的总体说明，"
            "讲清楚为什么要做、怎么做、做到什么程度，以及同其他各项任务怎样统筹衔接、形成合力。"
        )
        lines.append(
            f"第{k}项任务的第一项举措。这一段是举措的具体说明，"
            "讲清楚由谁来做、用什么政策、在什么时间完成，以及怎样评估效果、及时总结经验加以推广。"
        )
    lines.append("四、加强政府自身建设")
    tasks = extract_tasks(ingest_text("\n".join(lines) + "\n"))
    assert [t.number for t in tasks] == list(range(1, 11))
    assert tasks[-1].title == "第10项任务的标题，要把这项工作做好"
    assert [c.title for c in tasks[-1].children] == ["第10项任务的第一项举措"]
