"""report-reader compare A B: two reports side by side, as a script author or a brief writer uses it."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from tests.support import seed_path
from tests.unit.test_compare_align import edited_copy, simplified_report

TARGET_KEYS = {"key", "indicator", "value", "value_max", "unit", "qualifier", "direction", "text", "start", "end"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def compare_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, "compare", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def edited_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("edited")
    report = simplified_report()
    a, b = folder / "2024.txt", folder / "2024-edited.txt"
    a.write_text(report.text, encoding="utf-8")
    b.write_text(edited_copy(report).text, encoding="utf-8")
    return str(a), str(b)


def test_json_has_exactly_targets_blocks_and_terms(capsys):
    data = compare_json(capsys, str(seed_path(1)), str(seed_path(2)))
    assert set(data) == {"targets", "blocks", "terms"}
    for target in data["targets"]:
        assert set(target) == {"key", "indicator", "a", "b", "change", "direction"}
        for side in ("a", "b"):
            assert target[side] is None or set(target[side]) == TARGET_KEYS
    for block in data["blocks"]:
        assert set(block) == {"a", "b", "kind", "similarity"}
        assert isinstance(block["similarity"], float)
    assert set(data["terms"]) == {"added", "removed", "changed"}
    for terms in data["terms"].values():
        for term in terms:
            assert set(term) == {"term", "a", "b"}


def test_json_targets_of_seed_001_against_002(capsys):
    data = compare_json(capsys, str(seed_path(1)), str(seed_path(2)))
    by_key = {t["key"]: t for t in data["targets"]}
    assert (by_key["cpi"]["change"], by_key["cpi"]["direction"]) == ("changed", "lowered")
    assert (by_key["cpi"]["a"]["value"], by_key["cpi"]["b"]["value"]) == (3, 2)
    assert by_key["gdp_growth"]["change"] == "same"
    assert by_key["grain_output"]["change"] == "changed"


def test_library_ids_compare_like_the_files(capsys):
    documents = json.loads(run(capsys, "list", "--json")[1])["documents"]
    ids = {d["source_name"][:3]: str(d["id"]) for d in documents}
    by_id = compare_json(capsys, ids["001"], ids["002"])
    by_file = compare_json(capsys, str(seed_path(1)), str(seed_path(2)))
    assert by_id == by_file


def test_blocks_index_the_documents_as_show_lists_them_and_a_split_is_two_entries(capsys, edited_files):
    a_file, b_file = edited_files
    blocks = compare_json(capsys, a_file, b_file)["blocks"]
    changes = [(b["a"], b["b"], b["kind"]) for b in blocks if b["kind"] != "same"]
    assert changes == [
        (13, 12, "moved"),
        (16, None, "removed"),
        (20, 19, "changed"),
        (None, 22, "added"),
        (25, 25, "split"),
        (25, 26, "split"),
    ]
    shown_a = json.loads(run(capsys, "show", a_file, "--json")[1])["blocks"]
    shown_b = json.loads(run(capsys, "show", b_file, "--json")[1])["blocks"]
    for block in blocks:
        if block["kind"] in ("same", "moved"):
            assert shown_a[block["a"]]["text"] == shown_b[block["b"]]["text"]


def test_ignore_numbers_makes_a_figure_only_edit_the_same(capsys, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("各位代表：\n\n国内生产总值增长5%左右，城镇新增就业1200万人以上。\n", encoding="utf-8")
    b.write_text("各位代表：\n\n国内生产总值增长4.5%左右，城镇新增就业1100万人以上。\n", encoding="utf-8")
    kinds = [x["kind"] for x in compare_json(capsys, str(a), str(b))["blocks"]]
    assert kinds == ["same", "changed"]
    kinds = [x["kind"] for x in compare_json(capsys, str(a), str(b), "--ignore", "numbers,punctuation")["blocks"]]
    assert kinds == ["same", "same"]


def test_plain_output_is_a_short_summary(capsys):
    code, out, _ = run(capsys, "compare", str(seed_path(1)), str(seed_path(2)))
    assert code == 0
    assert "Paragraphs:" in out
    cpi = next(line for line in out.splitlines() if "居民消费价格涨幅" in line)
    assert "↓" in cpi and "3%左右 → 2%左右" in cpi
    assert len(out.splitlines()) < 30


def test_markdown_and_html_briefs_go_to_a_file(capsys, tmp_path):
    md, page = tmp_path / "brief.md", tmp_path / "brief.html"
    code, out, err = run(capsys, "compare", str(seed_path(1)), str(seed_path(2)), "--markdown", "-o", str(md))
    assert (code, out) == (0, "")
    assert str(md) in err
    assert "| 居民消费价格涨幅 | 3%左右 | 2%左右 | ↓ |" in md.read_text(encoding="utf-8")
    code, _, _ = run(capsys, "compare", str(seed_path(1)), str(seed_path(2)), "--html", "-o", str(page))
    assert code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unknown_id_is_one_line_and_exit_1(capsys):
    code, out, err = run(capsys, "compare", "1", "999")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "999" in err


def test_a_missing_file_is_one_line_and_exit_1(capsys, tmp_path):
    code, out, err = run(capsys, "compare", str(seed_path(1)), str(tmp_path / "nope.txt"))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "nope.txt" in err


def test_an_unknown_ignore_option_is_one_line_and_exit_1(capsys):
    code, out, err = run(capsys, "compare", str(seed_path(1)), str(seed_path(2)), "--ignore", "colour")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "colour" in err


def test_two_formats_at_once_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "1", "2", "--json", "--html"])
    assert exit_info.value.code == 2


def test_help_says_a_split_is_two_entries(capsys):
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "(a, b1) and (a, b2)" in help_text and "split" in help_text
