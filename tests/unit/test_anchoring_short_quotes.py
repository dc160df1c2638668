"""A short quote whose passage is gone must not re-anchor onto another sentence that happens to
use the same phrase; edited in place, it still anchors."""

from reader.core.anchoring import ANCHORED, FUZZY, ORPHANED, anchor, describe

BEFORE = "我们要坚持稳中求进。今年要加快发展新质生产力，推动产业升级。另外，各地因地制宜发展新质生产力的做法不同。"


def test_a_short_quote_whose_sentence_went_is_orphaned_not_moved_to_a_look_alike():
    start = BEFORE.index("加快发展新质生产力")
    selector = describe(BEFORE, start, start + len("加快发展新质生产力"))
    after = BEFORE.replace("今年要加快发展新质生产力，推动产业升级。", "")
    result = anchor(after, selector)
    assert result.status == ORPHANED


def test_a_short_quote_edited_in_place_still_anchors_fuzzily():
    start = BEFORE.index("加快发展新质生产力")
    selector = describe(BEFORE, start, start + len("加快发展新质生产力"))
    after = BEFORE.replace("加快发展新质生产力", "加速发展新质生产力")
    result = anchor(after, selector)
    assert (result.status, result.method) == (ANCHORED, FUZZY)
    assert after[result.start : result.end] == "加速发展新质生产力"
