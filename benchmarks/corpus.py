"""Benchmark inputs built from the shipped seeds, so numbers are comparable between runs."""

from __future__ import annotations

from reader.paths import seeds_dir


def seed_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt"))}


def report_of(chars: int) -> str:
    """A report-shaped text of about `chars` normalised characters: seed 001, then 003, repeated.

    Raw seeds carry a blank line after every line, so the raw text is about 10% longer than
    its normalised form; callers check the normalised length they got.
    """
    texts = seed_texts()
    parts = [texts[name] for name in sorted(texts) if name.startswith(("001", "003"))]
    out: list[str] = []
    size = 0
    while size < chars * 1.15:
        for part in parts:
            out.append(part)
            size += len(part)
    text = "\n".join(out)
    return text[: int(chars * 1.15)]


def html_page(size: int) -> bytes:
    """A saved news page of about `size` bytes: a report's paragraphs in <p>s inside the site's
    header, menus, share bar, related links and footer, with a list and a table every 50 paragraphs."""
    furniture = (
        '<header class="head"><div class="logo">新华网</div><form><input name="q"></form></header>'
        '<div class="nav">' + "".join(f'<a href="/c{n}">频道{n}</a>' for n in range(40)) + "</div>"
        '<div class="breadcrumb"><a href="/">首页</a> &gt; 时政</div>'
    )
    tail = ('<div class="share">分享到：微信 微博</div><aside class="related"><ul>'
            + "".join(f'<li><a href="/r{n}">相关新闻{n}</a></li>' for n in range(30))
            + "</ul></aside><footer>版权所有 新华网</footer>")  # fmt: skip
    lines = [line.strip() for line in report_of(size // 3).splitlines() if line.strip()]
    body: list[str] = []
    used = len(furniture) + len(tail)
    n = 0
    while used < size:
        line = lines[n % len(lines)]
        piece = f"<p>\u3000\u3000{line}</p>\n"
        if n % 50 == 49:
            piece += f"<ul><li>{line[:20]}</li><li>{line[20:40]}</li></ul><table><tr><td>指标</td><td>{line[:10]}</td></tr></table>\n"
        body.append(piece)
        used += len(piece.encode())
        n += 1
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>{furniture}'
            f'<div class="main"><h1>政府工作报告</h1><div class="article">{"".join(body)}</div></div>{tail}</body></html>')  # fmt: skip
    return page.encode()
