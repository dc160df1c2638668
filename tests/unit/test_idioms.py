"""Conversions that rewrite idioms: what they would change in a report, compared with their twin."""

from __future__ import annotations

from reader.core.idioms import PHRASE_TWINS, idiom_rewrites, rewrites_idioms
from reader.core.ingest import ingest_text

MAINLAND = "今年城镇新增就业1200万人以上。\n\n加强核心技术攻关，城镇新增就业要稳。\n"


def test_tw2sp_on_mainland_text_rewrites_xinzeng_and_says_so():
    doc = ingest_text(MAINLAND)
    rewrites = {(r.original, r.rewritten): r for r in idiom_rewrites(doc, "tw2sp")}
    assert rewrites[("新增", "添加")].count == 2
    assert rewrites[("新增", "添加")].plain == "新增"
    assert ("核心", "内核") in rewrites


def test_configs_without_idioms_rewrite_nothing():
    doc = ingest_text(MAINLAND)
    assert idiom_rewrites(doc, "tw2s") == []
    assert idiom_rewrites(doc, "s2t") == []
    assert not rewrites_idioms("s2t") and all(rewrites_idioms(c) for c in PHRASE_TWINS)


def test_an_idiom_config_that_finds_no_idiom_rewrites_nothing():
    doc = ingest_text("我们要推动高质量发展。\n")
    assert idiom_rewrites(doc, "hk2sp") == []
