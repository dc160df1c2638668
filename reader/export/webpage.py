"""HTML export ("html"): one self-contained page of highlights, to read, share or print.

One HTML5 file with its CSS inline and nothing else: no scripts, fonts, images or links to
fetch (a Content-Security-Policy meta tag forbids them too, should anything slip in). It reads on
a phone (viewport meta, a measure of at most ~46em, wrapping tables), prints cleanly (@media
print: no backgrounds but the colour swatches, highlights kept whole on a page) and follows a
dark system theme.

Structure as in the Markdown export (reader.export.markdown.outline): per document its title
block, its sections that hold highlights as headings at their level, each highlight a figure
(block quote, then the note, then its colour swatch and name, tags and location), orphaned
highlights under their own heading, and with extracted items a "Targets and tasks" section.
One document makes the page's h1; with several, each document is an h2 under a page h1.

`<html lang>` is the (first) document's language with its script (zh-Hans, zh-Hant), each
document carries its own, and quotes converted to another script carry that script's tag.
Every piece of user text goes through html.escape(quote=True); notes keep their line breaks
(white-space: pre-wrap).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from reader.core.extracted import Target, Task
from reader.export import Format, register
from reader.export.markdown import location, outline, target_value
from reader.export.model import ExportedDocument, ExportSet, Highlight
from reader.store.annotations import FILLS

_CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --card: #f6f8fa; --rule: #d1d9e0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --card: #161b22; --rule: #3d444d; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 1rem/1.75 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
}
:lang(zh-Hant) { font-family: system-ui, -apple-system, "Segoe UI", "PingFang TC", "Microsoft JhengHei",
    "Noto Sans CJK TC", "Source Han Sans TC", sans-serif; }
main { max-width: 46em; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.35; margin: 2rem 0 .75rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin-top: .5rem; }
h2 { font-size: 1.3rem; }
h3 { font-size: 1.12rem; }
h4, h5, h6 { font-size: 1rem; }
.document { margin-top: 2.5rem; }
.document:first-of-type { margin-top: 0; }
.exported, .facts, .explain, .empty { color: var(--muted); font-size: .9rem; margin: .25rem 0 1rem; }
figure.highlight {
  margin: 1rem 0 1.5rem; padding: .75rem 1rem; background: var(--card);
  border-left: .3rem solid var(--c, var(--rule)); border-radius: .25rem;
  break-inside: avoid; page-break-inside: avoid;
}
figure.highlight blockquote { margin: 0; font-size: 1.06rem; }
figure.highlight blockquote p { margin: 0 0 .4rem; }
figure.highlight.orphaned { border-left-style: dashed; }
figcaption { margin: 0; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0; }
.meta { display: flex; flex-wrap: wrap; gap: .2rem .9rem; margin: .4rem 0 0; color: var(--muted); font-size: .85rem; }
.swatch {
  display: inline-block; width: .85em; height: .85em; margin-right: .35em; vertical-align: -.08em;
  border-radius: 50%; background: var(--c, transparent); border: 1px solid rgba(0, 0, 0, .35);
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.tag { white-space: nowrap; }
.status { font-weight: 600; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; min-width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; }
@media (max-width: 32em) {
  main { padding: 1rem .8rem 2rem; }
  h1 { font-size: 1.4rem; }
  figure.highlight { padding: .6rem .75rem; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --card: transparent; --rule: #999; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  figure.highlight { padding: .2rem 0 .2rem .8rem; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
}
"""

_CSS += "".join(f".c-{name} {{ --c: {fill}; }}\n" for name, fill in FILLS.items())

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(text: str) -> str:
    return escape(text, quote=True)


def language_tag(language: str, script: str) -> str:
    """A BCP 47 tag for a document: zh with its script (zh-Hans, zh-Hant), else its language."""
    language = language or "zh"
    if language == "zh" and script in ("simplified", "traditional"):
        return "zh-Hans" if script == "simplified" else "zh-Hant"
    return language


def _converted_lang(config: str, fallback: str) -> str:
    """The tag for quotes converted with an OpenCC config (s2t → zh-Hant, t2s → zh-Hans)."""
    target = config.partition("2")[2]
    if target in ("t", "tw", "hk", "twp"):
        return "zh-Hant"
    if target in ("s", "sp"):
        return "zh-Hans"
    if target == "jp":
        return "ja"
    return fallback


def render(export_set: ExportSet) -> str:
    docs = export_set.documents
    page_lang = language_tag(docs[0].info.language, docs[0].info.script) if docs else "zh"
    if len(docs) == 1:
        title = docs[0].info.title
        page_title = f"{title} — highlights"
    else:
        title = page_title = f"Highlights from {len(docs)} documents" if docs else "Highlights"
    count = export_set.highlight_count
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(page_lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="Report Reader">',
        f"<title>{_e(page_title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        '<header class="export">',
        f"<h1>{_e(title)}</h1>",
        f'<p class="exported" lang="en">{count} highlight{"" if count == 1 else "s"} · exported '
        f'<time datetime="{_e(export_set.exported)}">{_e(export_set.exported)}</time></p>',
        "</header>",
    ]
    body: list[str] = []
    for doc in docs:
        body.extend(_document(doc, export_set.script, single=len(docs) == 1))
    if not docs:
        body.append('<p class="empty" lang="en">No highlights were selected.</p>')
    tail = ["</main>", "</body>", "</html>", ""]
    return "\n".join([*head, *body, *tail])


def _document(doc: ExportedDocument, script: str, *, single: bool) -> Iterator[str]:
    info = doc.info
    lang = language_tag(info.language, info.script)
    quote_lang = _converted_lang(script, lang) if script else lang
    base = 1 if single else 2  # the heading level of the document's title
    yield f'<article class="document" lang="{_e(lang)}">'
    if not single:
        yield f"<h2>{_e(info.title)}</h2>"
    facts = [str(info.year) if info.year is not None else "", info.kind, info.source_name]
    if any(facts):
        yield f'<p class="facts">{" · ".join(_e(f) for f in facts if f)}</p>'
    if not doc.highlights:
        yield '<p class="empty" lang="en">No highlights.</p>'
    for group in outline(doc):
        for section in group.opens:
            level = min(6, base + section.level)
            yield f"<h{level}>{_e(section.title)}</h{level}>"
        for highlight in group.highlights:
            yield _figure(highlight, doc, quote_lang, lang)
    orphans = [h for h in doc.highlights if h.annotation.orphaned]
    sub = min(6, base + 1)
    if orphans:
        yield '<section class="orphans">'
        yield f'<h{sub} lang="en">Orphaned highlights</h{sub}>'
        yield '<p class="explain" lang="en">Their passages are no longer in the document\'s text; they are kept as they were marked.</p>'
        for highlight in orphans:
            yield _figure(highlight, doc, quote_lang, lang)
        yield "</section>"
    if doc.with_extracted:
        yield '<section class="extracted">'
        yield f'<h{sub} lang="en">Targets and tasks</h{sub}>'
        yield from _targets(doc.targets, min(6, sub + 1))
        yield from _tasks(doc.tasks, min(6, sub + 1))
        yield "</section>"
    yield "</article>"


def _figure(highlight: Highlight, doc: ExportedDocument, quote_lang: str, lang: str) -> str:
    a = highlight.annotation
    colour = a.color if a.color in FILLS else "other"
    classes = f"highlight c-{colour}" + (" orphaned" if a.orphaned else "")
    quote_attr = f' lang="{_e(quote_lang)}"' if quote_lang != lang else ""
    paragraphs = [line for line in highlight.quote.splitlines() if line.strip()] or [""]
    quote = "".join(f"<p>{_e(line)}</p>" for line in paragraphs)
    parts = [f'<figure class="{classes}" id="h-{_e(a.uuid)}">', f"<blockquote{quote_attr}>{quote}</blockquote>", "<figcaption>"]
    note = "\n".join(highlight.note.splitlines()).strip("\n")
    if note.strip():
        parts.append(f'<p class="note">{_e(note)}</p>')
    meta = [f'<span class="colour" title="Colour"><span class="swatch" aria-hidden="true"></span>{_e(highlight.color_name)}</span>']
    if a.tags:
        meta.append('<span class="tags" title="Tags">' + " ".join(f'#<span class="tag">{_e(t)}</span>' for t in a.tags) + "</span>")
    where = location(highlight, doc)
    if a.orphaned:
        meta.append('<span class="status" lang="en">Orphaned</span>')
        if where:
            meta.append(f'<span class="where"><span lang="en">last seen in </span>{_e(where)}</span>')
    elif where:
        meta.append(f'<span class="where" title="Section">{_e(where)}</span>')
    if highlight.citation:
        meta.append(f'<span class="page" title="Page" lang="en">{_e(highlight.citation)}</span>')
    # Literal separators, not CSS: copied text, reader modes and Qt's preview keep them apart.
    parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    parts.append("</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)


def _targets(targets: Sequence[Target], level: int) -> Iterator[str]:
    yield f'<h{level} lang="en">Targets</h{level}>'
    if not targets:
        yield '<p class="empty" lang="en">No targets found.</p>'
        return
    rows = [
        '<div class="table-wrap"><table>',
        '<thead lang="en"><tr><th scope="col">Indicator</th><th scope="col">Value</th><th scope="col">Unit</th>'
        '<th scope="col">Qualifier</th></tr></thead>',
        "<tbody>",
    ]
    for t in targets:
        cells = (t.indicator, target_value(t) or "—", t.unit, t.qualifier)
        rows.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    rows.append("</tbody></table></div>")
    yield "\n".join(rows)


def _tasks(tasks: Sequence[Task], level: int) -> Iterator[str]:
    yield f'<h{level} lang="en">Tasks</h{level}>'
    if not tasks:
        yield '<p class="empty" lang="en">No tasks found.</p>'
        return
    rows = [
        '<div class="table-wrap"><table>',
        '<thead lang="en"><tr><th scope="col">No.</th><th scope="col">Task</th></tr></thead>',
        "<tbody>",
    ]
    rows.extend(f"<tr><td>{t.number}</td><td>{_e(t.title)}</td></tr>" for t in tasks)
    rows.append("</tbody></table></div>")
    yield "\n".join(rows)


WEBPAGE = register(Format("html", "Web page (HTML)", "html", render))
