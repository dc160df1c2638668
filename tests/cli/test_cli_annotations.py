"""Annotating, tagging, searching and re-importing from the command line, as a script author does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

HEADING = "二〇二六年政府工作报告"
TARGETS = "今年发展主要预期目标是：国内生产总值增长5%左右。"
INDUSTRY = "大力推进现代化产业体系建设，加快发展新质生产力。"
AGAIN = "因地制宜发展新质生产力，培育新兴产业和未来产业。"
UNRELATED = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"
PASSAGE = "加快发展新质生产力"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def write(path: Path, *paragraphs: str) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def import_file(capsys, path: Path) -> str:
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    (doc_id,) = out.split()
    return doc_id


def show_text(capsys, doc_id: str) -> str:
    code, out, err = run(capsys, "show", doc_id, "--json")
    assert code == 0, err
    return json.loads(out)["text"]


@pytest.fixture
def report(capsys, tmp_path) -> str:
    """A small Simplified report in the library: its id."""
    return import_file(capsys, write(tmp_path / "report.txt", HEADING, TARGETS, INDUSTRY, AGAIN))


def annotations(capsys, *argv: str) -> list[dict]:
    return run_json(capsys, "annotations", *argv)["annotations"]


# -- annotate and list -------------------------------------------------------------------------


def test_annotate_then_list_round_trips_quote_colour_note_and_tags(capsys, report):
    made = run_json(
        capsys, "annotate", report, "--quote", PASSAGE, "--color", "red", "--note", "重点\n再看", "--tag", "产业", "--tag", "2026"
    )
    text = show_text(capsys, report)
    assert made["quote"] == PASSAGE and text[made["start"] : made["end"]] == PASSAGE
    assert (made["color"], made["note"], made["status"]) == ("red", "重点\n再看", "anchored")
    assert set(made["tags"]) == {"产业", "2026"}
    assert annotations(capsys, report) == [made]
    assert annotations(capsys) == [made]
    assert annotations(capsys, "--tag", "产业") == [made]
    assert annotations(capsys, "--color", "blue") == []

    code, out, _ = run(capsys, "annotations", report)
    assert code == 0
    (line,) = out.splitlines()
    for part in (str(made["id"]), report, "red", "anchored", "#产业", "#2026", PASSAGE, "重点"):
        assert part in line
    assert "再看" not in line  # only the note's first line


def test_annotate_prints_the_new_id(capsys, report):
    code, out, err = run(capsys, "annotate", report, "--quote", "国内生产总值")
    assert code == 0, err
    (listed,) = annotations(capsys, report)
    assert out.split() == [str(listed["id"])]
    assert listed["color"] == "yellow" and listed["tags"] == []


def test_occurrence_2_marks_the_second_occurrence(capsys, report):
    text = show_text(capsys, report)
    first = text.index("新质生产力")
    second = text.index("新质生产力", first + 1)
    one = run_json(capsys, "annotate", report, "--quote", "新质生产力")
    two = run_json(capsys, "annotate", report, "--quote", "新质生产力", "--occurrence", "2")
    assert (one["start"], two["start"]) == (first, second)
    assert two["prefix"].endswith("因地制宜发展")


def test_a_simplified_quote_marks_the_passage_in_a_traditional_document(capsys, tmp_path):
    doc_id = import_file(capsys, write(tmp_path / "trad.txt", "政府工作報告", "大力推進現代化產業體系建設，加快發展新質生產力。"))
    made = run_json(capsys, "annotate", doc_id, "--quote", PASSAGE)
    assert made["quote"] == "加快發展新質生產力"
    assert show_text(capsys, doc_id)[made["start"] : made["end"]] == "加快發展新質生產力"


def test_annotations_show_an_orphan_as_orphaned(capsys, report, tmp_path):
    made = run_json(capsys, "annotate", report, "--quote", PASSAGE)
    replacement = write(tmp_path / "v2.txt", HEADING, TARGETS, UNRELATED)
    assert run(capsys, "import", "--replace", report, str(replacement))[0] == 0
    assert annotations(capsys, "--status", "orphaned")[0]["id"] == made["id"]
    code, out, _ = run(capsys, "annotations", report)
    assert "orphaned" in out and PASSAGE in out


# -- errors: one line on stderr, non-zero exit, nothing written --------------------------------


@pytest.mark.parametrize(
    "argv, words",
    [
        (["annotate", "999", "--quote", PASSAGE], "999"),
        (["annotate", "{doc}", "--quote", "这句话不在文中"], "not found in document {doc}"),
        (["annotate", "{doc}", "--quote", PASSAGE, "--occurrence", "3"], "only 1 occurrence"),
        (["annotate", "{doc}", "--quote", "新质生产力", "--occurrence", "5"], "only 2 occurrences"),
        (["annotate", "{doc}", "--quote", PASSAGE, "--color", "pink"], "unknown colour 'pink'"),
        (["annotate", "{doc}", "--quote", "  "], "empty"),
        (["annotations", "999"], "999"),
        (["annotations", "--color", "pink"], "unknown colour"),
    ],
)
def test_mistakes_give_one_line_and_write_nothing(capsys, report, argv, words):
    argv = [arg.format(doc=report) for arg in argv]
    code, out, err = run(capsys, *argv)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and words.format(doc=report) in err
    assert annotations(capsys) == []


# -- tags --------------------------------------------------------------------------------------


def test_tags_lists_each_tag_with_its_count(capsys, report):
    run(capsys, "annotate", report, "--quote", PASSAGE, "--tag", "产业", "--tag", "重点")
    run(capsys, "annotate", report, "--quote", "国内生产总值", "--tag", "重点")
    assert run_json(capsys, "tags") == {"tags": [{"name": "产业", "count": 1}, {"name": "重点", "count": 2}]}
    code, out, _ = run(capsys, "tags")
    assert code == 0
    assert [line.split() for line in out.splitlines()] == [["1", "产业"], ["2", "重点"]]


def test_tags_of_a_fresh_library_is_empty(capsys):
    assert run_json(capsys, "tags") == {"tags": []}


# -- import --replace --------------------------------------------------------------------------


def test_import_replace_moves_an_annotation_after_an_inserted_sentence(capsys, report, tmp_path):
    made = run_json(capsys, "annotate", report, "--quote", PASSAGE, "--tag", "产业")
    inserted = "新增的一句话放在前面。"
    replacement = write(tmp_path / "v2.txt", HEADING, TARGETS, inserted, INDUSTRY, AGAIN)
    result = run_json(capsys, "import", "--replace", report, str(replacement))["replaced"]
    assert result["id"] == int(report)
    assert result["moved"] == [made["id"]] and result["orphaned"] == [] and result["fuzzy"] == []

    (after,) = annotations(capsys, report)
    text = show_text(capsys, report)
    assert inserted in text  # same id, new text
    assert after["status"] == "anchored" and after["quote"] == PASSAGE
    assert after["start"] > made["start"] and text[after["start"] : after["end"]] == PASSAGE
    assert (after["id"], after["uuid"], after["tags"]) == (made["id"], made["uuid"], made["tags"])


def test_import_replace_orphans_an_annotation_whose_passage_is_gone(capsys, report, tmp_path):
    gone = run_json(capsys, "annotate", report, "--quote", PASSAGE)
    kept = run_json(capsys, "annotate", report, "--quote", "国内生产总值")
    replacement = write(tmp_path / "v2.txt", HEADING, TARGETS, UNRELATED)
    code, out, err = run(capsys, "import", "--replace", report, str(replacement))
    assert code == 0, err
    assert out == f"document {report}: 1 annotation kept in place, 0 moved, 0 changed, 1 orphaned\n"
    by_id = {a["id"]: a for a in annotations(capsys, report)}
    assert by_id[gone["id"]]["status"] == "orphaned" and by_id[gone["id"]]["quote"] == PASSAGE
    assert by_id[kept["id"]]["status"] == "anchored"


@pytest.mark.parametrize(
    "extra",
    [["a.txt", "b.txt"], ["a.txt", "--title", "新标题"]],
)
def test_import_replace_misuse_is_a_usage_error(capsys, report, tmp_path, monkeypatch, extra):
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        write(tmp_path / name, HEADING, "别的内容。")
    before = show_text(capsys, report)
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--replace", report, *extra])
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "--replace" in err and "usage:" in err
    assert show_text(capsys, report) == before


def test_import_replace_of_an_unknown_document_or_missing_file_fails_cleanly(capsys, report, tmp_path):
    replacement = write(tmp_path / "v2.txt", HEADING, "别的内容。")
    code, out, err = run(capsys, "import", "--replace", "999", str(replacement))
    assert (code, out) == (1, "") and "999" in err
    code, out, err = run(capsys, "import", "--replace", report, str(tmp_path / "missing.txt"))
    assert (code, out) == (1, "") and "missing.txt" in err
    listed = run_json(capsys, "list")["documents"]
    assert "别的内容" not in json.dumps(listed, ensure_ascii=False)


# -- search ------------------------------------------------------------------------------------


def _matched(hit: dict) -> str:
    return hit["context"][hit["match_start"] : hit["match_end"]]


@pytest.mark.parametrize("query", ["新质生产力", "新質生產力"])
def test_search_finds_a_term_in_either_script(capsys, report, tmp_path, query):
    trad = import_file(capsys, write(tmp_path / "trad.txt", "政府工作報告", "加快發展新質生產力，推進產業升級。"))
    results = run_json(capsys, "search", query)["results"]
    found = {_matched(hit) for hit in results}
    assert found == {"新质生产力", "新質生產力"}
    in_trad = [hit for hit in results if hit["doc_id"] == int(trad)]
    assert in_trad and all(_matched(hit) == "新質生產力" for hit in in_trad)
    hit = in_trad[0]
    assert hit["kind"] == "document" and "加快發展" in hit["context"]
    assert show_text(capsys, trad)[hit["start"] : hit["end"]] == "新質生產力"

    code, out, _ = run(capsys, "search", query, "--doc", trad)
    assert code == 0
    (line,) = out.splitlines()
    assert "【新質生產力】" in line and trad in line and "政府工作報告" in line


def test_search_limit_and_annotation_hits(capsys, report):
    made = run_json(capsys, "annotate", report, "--quote", PASSAGE, "--note", "记下培育动能")
    results = run_json(capsys, "search", "新质生产力", "--limit", "1")["results"]
    assert len(results) == 1
    notes = run_json(capsys, "search", "培育动能")["results"]
    assert [(hit["kind"], hit["annotation_id"]) for hit in notes] == [("annotation", made["id"])]
    code, out, err = run(capsys, "search", "这句话哪里都没有")
    assert (code, out) == (0, "") and "no matches" in err
