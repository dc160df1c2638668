"""Infographic debris (seed 002's 20242024, 今年今年) is a NOISE block: kept in the text, so
offsets stay put, but not a heading, a figure or a term."""

from reader.core.extraction import extract_all
from reader.core.ingest import ingest_file
from reader.core.model import NOISE, PARAGRAPH, Block, Document
from reader.core.noise import is_noise
from tests.support import seed_path


def test_seed_002s_repeated_captions_are_noise_and_stay_in_the_text():
    document = ingest_file(seed_path(2))
    noise = [b for b in document.blocks if b.kind == NOISE]
    assert [b.text for b in noise] == ["20242024", "今年今年"]
    for block in noise:
        assert document.text[block.start : block.end] == block.text


def test_noise_is_a_short_unit_repeated_and_nothing_else():
    assert is_noise("20242024") and is_noise("今年今年") and is_noise("5%5%")
    for prose in ("国内生产总值增长5%左右", "各位代表！", "一、", "年年有余", "哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈"):
        assert not is_noise(prose), prose


def _document(*blocks: tuple[str, str]) -> Document:
    """A document of (kind, text) blocks, one a line, as ingest lays them out."""
    out, offset = [], 0
    for n, (kind, text) in enumerate(blocks):
        out.append(Block(id=str(n), kind=kind, level=0, text=text, lang="zh", start=offset, end=offset + len(text)))
        offset += len(text) + 1
    return Document(text="\n".join(text for _kind, text in blocks), blocks=tuple(out), year=2024)


def test_no_figure_or_term_comes_from_noise():
    document = _document(
        (PARAGRAPH, "今年发展主要预期目标是：国内生产总值增长5%左右。"),
        (NOISE, "5%5%"),
        (NOISE, "新质生产力新质生产力"),
        (PARAGRAPH, "加快发展新质生产力。"),
    )
    noise = [(b.start, b.end) for b in document.blocks if b.kind == NOISE]
    extraction = extract_all(document)
    inside = [item.text for item in (*extraction.figures, *extraction.terms) if any(s <= item.start < e for s, e in noise)]
    assert inside == []
    assert [t.text for t in extraction.terms] == ["新质生产力"]
    assert [f.text for f in extraction.figures] == ["5%"]


def test_the_full_reports_have_no_noise():
    from tests.support import SEEDS

    for path in sorted(SEEDS.glob("gwr_*.txt")):
        assert not [b.text for b in ingest_file(path).blocks if b.kind == NOISE], path.name
