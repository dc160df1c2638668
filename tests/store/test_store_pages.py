"""Pages in the library (issue 11): a paged document keeps its page labels and each block its
pages when stored, replaced or reopened; libraries from before pages open with no pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.core.model import PARAGRAPH, Block, Document
from reader.store import Library

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def paged_document(labels: tuple[str, ...] = ("11", "12", "13")) -> Document:
    texts = ["政府工作报告", "各位代表：现在，我代表国务院，向大会报告政府工作。", "一段从一页跨到下一页的文字。"]
    pages = [(labels[0], labels[0]), (labels[0], labels[1]), (labels[1], labels[2])]
    blocks, start = [], 0
    for seq, (text, (first, last)) in enumerate(zip(texts, pages, strict=True)):
        blocks.append(Block(f"p{seq}", PARAGRAPH, 0, text, "zh", start, start + len(text), page_start=first, page_end=last))
        start += len(text) + 1
    return Document(text="\n".join(texts), blocks=tuple(blocks), title="有页的报告", page_labels=labels)


def test_a_paged_document_keeps_its_pages_in_the_library(tmp_path):
    doc = paged_document()
    with Library.open(tmp_path / "lib.sqlite3") as library:
        doc_id, _ = library.add(doc)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        stored = library.document(doc_id)
    assert stored.page_labels == ("11", "12", "13")
    assert list(stored.blocks) == list(doc.blocks)
    assert (stored.blocks[1].page_start, stored.blocks[1].page_end) == ("11", "12")


def test_a_replaced_document_takes_the_new_pages_and_an_unpaged_one_has_none(tmp_path, make_doc):
    with Library.open(tmp_path / "lib.sqlite3") as library:
        doc_id, _ = library.add(paged_document())
        library.replace(doc_id, paged_document(("iv", "v", "vi")))
        assert library.document(doc_id).page_labels == ("iv", "v", "vi")
        assert library.document(doc_id).blocks[2].page_end == "vi"
        plain_id, _ = library.add(make_doc(["标题", "没有页码的正文。"]))
        plain = library.document(plain_id)
    assert plain.page_labels == () and not plain.blocks.paged
    assert all(not block.page_start for block in plain.blocks)


def test_a_library_from_before_pages_upgrades_and_takes_paged_documents(tmp_path):
    path = tmp_path / "library-v4.sqlite3"
    shutil.copyfile(FIXTURES / "library-v4.sqlite3", path)
    with Library.open(path) as library:
        old = [library.document(info.id) for info in library.documents()]
        doc_id, _ = library.add(paged_document())
        assert library.document(doc_id).page_labels == ("11", "12", "13")
    assert old and all(doc.page_labels == () and not doc.blocks.paged for doc in old)


def test_a_library_written_with_pages_reopens_with_them(tmp_path):
    path = tmp_path / "library-v5.sqlite3"
    shutil.copyfile(FIXTURES / "library-v5.sqlite3", path)
    with Library.open(path) as library:
        (info,) = [info for info in library.documents() if info.title == "有页码的报告"]
        doc = library.document(info.id)
    assert doc.page_labels == ("7", "8")
    assert doc.blocks[0].page_start == "7" and doc.blocks[-1].page_end == "8"
