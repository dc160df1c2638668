"""The Annotations dock cites the pages of an annotation on a paged document (issue 11: notes
cite pages where the source had them): "p. 13", "pp. 11–12" across a page break, nothing on a
document without pages, and the document's title before it in the whole library's list."""

from __future__ import annotations

from reader.core.model import PARAGRAPH, Block, Document
from reader.ui.docks.annotation_cards import META
from reader.ui.docks.annotations_dock import WHOLE_LIBRARY

TITLE = "有页码的报告"
TEXTS = ["政府工作报告", "各位代表：现在，我代表国务院，向大会报告政府工作。", "今年发展主要预期目标是国内生产总值增长5%左右。"]
PAGES = [("11", "11"), ("11", "12"), ("13", "13")]  # the second paragraph runs over a page break


def paged_document() -> Document:
    blocks, start = [], 0
    for seq, (text, (first, last)) in enumerate(zip(TEXTS, PAGES, strict=True)):
        blocks.append(Block(f"p{seq}", PARAGRAPH, 0, text, "zh", start, start + len(text), page_start=first, page_end=last))
        start += len(text) + 1
    return Document(text="\n".join(TEXTS), blocks=tuple(blocks), title=TITLE, page_labels=("11", "12", "13"))


def annotate(window, qtbot, doc_id: int, quote: str) -> None:
    start = window.document.text.index(quote)
    with qtbot.waitSignal(window.annotating.annotations_changed):
        window.annotating.create(doc_id, start, start + len(quote), color="yellow", note="", tags=[])


def metas(window) -> dict[str, str]:
    """Each card's meta line (document, pages, date) as the dock paints it, by quote."""
    dock = window.annotating.dock
    out = {}
    for row in range(dock.proxy.rowCount()):
        index = dock.proxy.index(row, 0)
        out[dock.visible()[row].quote] = dock.cards.texts_at(index)[META]
    return out


def test_cards_cite_the_pages_of_a_passage_on_a_paged_document(window, qtbot, library):
    doc_id, _ = library.add(paged_document(), title=TITLE, kind="other")
    window.refresh_library()
    with qtbot.waitSignal(window.document_opened):
        window.open_document(doc_id)
    annotate(window, qtbot, doc_id, "国内生产总值增长5%左右")
    annotate(window, qtbot, doc_id, "向大会报告政府工作")
    shown = metas(window)
    (created,) = {a.created[:10] for a in window.annotating.dock.visible()}
    assert shown == {"国内生产总值增长5%左右": f"p. 13 · {created}", "向大会报告政府工作": f"pp. 11–12 · {created}"}

    # The whole library's list names the document first; a document without pages cites none.
    plain = next(info for info in library.documents() if info.id != doc_id)
    plain_text = library.document(plain.id).text
    library.add_annotation(plain.id, 0, 4)
    dock = window.annotating.dock
    dock.scope.setCurrentIndex(dock.scope.findData(WHOLE_LIBRARY))
    qtbot.waitUntil(lambda: dock.proxy.rowCount() == 3)
    shown = metas(window)
    assert shown["国内生产总值增长5%左右"] == f"{TITLE} · p. 13 · {created}"
    assert shown[plain_text[:4]].startswith(f"{plain.title} · ") and "p. " not in shown[plain_text[:4]]
