"""Ingest keeps within issue 17's memory budget on a text of many tiny lines: ≤ 10× the file's size.

100,000 lines of 5 bytes ("甲0", "乙1", …) make 100,000 blocks. Before the compact block model it
took ~87× the file (a list of every line, a layout object, a segment, a draft and a Block with its
own text and id per line); the Blocks now hold the text once and a few bytes a block.
"""

from __future__ import annotations

import pytest

from reader.core.ingest import ingest_text
from reader.core.model import Block, Blocks, Document
from tests.unit.test_hostile_memory import BUDGET, peak_added

LINES = 100_000


def tiny_lines() -> str:
    return "\n".join(f"{'甲乙丙丁'[n % 4]}{n % 10}" for n in range(LINES))


@pytest.mark.timeout(60)  # ~10 s here: tracemalloc slows every step
def test_ingest_of_100k_tiny_lines_stays_within_ten_times_the_file():
    text = tiny_lines()
    size = len(text.encode("utf-8"))
    held: list[Document] = []
    ratio = peak_added(lambda: held.append(ingest_text(text))) / size
    doc = held[0]
    assert len(doc.blocks) == LINES
    assert ratio <= BUDGET, f"peak added memory {ratio:.1f}× the file's size (budget {BUDGET})"


def test_blocks_read_back_as_the_blocks_ingest_made():
    doc = ingest_text("\n".join(tiny_lines().split("\n")[:30]))  # 甲0 comes again on line 21
    blocks = doc.blocks
    assert isinstance(blocks, Blocks)
    assert [b.text for b in blocks] == doc.text.split("\n")
    assert all(doc.text[b.start : b.end] == b.text for b in blocks)
    # The second 甲0 has the first one's id with its occurrence after it.
    first, again = blocks[0], next(b for b in blocks[1:] if b.text == blocks[0].text)
    assert again.id == f"{first.id}-2"
    assert blocks[-1] == blocks[len(blocks) - 1]
    assert blocks[2:4] == (blocks[2], blocks[3])
    assert tuple(blocks) == blocks and list(blocks) == blocks
    # Made again from its Blocks (as the library does), the document is equal and hashes the same.
    copy = Document(text=doc.text, blocks=tuple(blocks), title=doc.title, year=doc.year, script=doc.script, content_hash=doc.content_hash)
    assert copy == doc and hash(copy) == hash(doc)


def test_blocks_given_by_hand_keep_their_ids_and_texts():
    """Tests and converted documents give blocks whose ids are not hashes or that do not tile the text."""
    text = "标题\n正文"
    given = (
        Block("t1", "heading", 1, "标题", "zh", 0, 2, label="一、"),
        Block("p", "paragraph", 0, "正文", "en", 3, 5, translation_of="t1"),
    )
    doc = Document(text=text, blocks=given)
    assert doc.blocks == given
    assert [b.to_json() for b in doc.blocks] == [b.to_json() for b in given]
    odd = Document(text="abc", blocks=(Block("x", "paragraph", 0, "zz", "zh", 1, 2),))
    assert odd.blocks[0].text == "zz" and (odd.blocks[0].start, odd.blocks[0].end) == (1, 2)


def test_spans_read_off_the_columns_are_each_blocks_span():
    """compare reads every block's span in one pass (Blocks.spans); it must agree with span(n) and
    with the Blocks, whether they tile the text (ingest) or were given by hand with gaps."""
    doc = ingest_text("\n".join(tiny_lines().split("\n")[:30]))
    assert list(doc.blocks.spans()) == [doc.blocks.span(n) for n in range(len(doc.blocks))] == [(b.start, b.end) for b in doc.blocks]
    assert list(doc.blocks.spans())[-1][1] == len(doc.text)
    hand_made = (Block("t", "heading", 1, "标题", "zh", 0, 2), Block("p", "paragraph", 0, "正文", "zh", 4, 6))
    given = Document(text="标题  正文", blocks=hand_made)
    assert list(given.blocks.spans()) == [(0, 2), (4, 6)]
    assert list(Document(text="", blocks=()).blocks.spans()) == []
