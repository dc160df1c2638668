"""Conversions that rewrite words, not only characters, and what they would rewrite in a text.

s2twp, s2hkp, tw2sp and hk2sp replace regional idioms (鼠标 → 滑鼠); on a report they can put
words in the converted pane that the report never says: tw2sp reads mainland 新增 as Taiwan
usage and writes 添加 (城镇新增就业 → 城镇添加就业). Comparing with the config that converts the
same characters without idioms shows which words would change.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.convert import conversions, document_key
from reader.core.model import Document
from reader.core.opencc_backend import normalise_config

# A phrase-rewriting config → the config converting the same characters without idioms.
PHRASE_TWINS = {"s2twp": "s2tw", "s2hkp": "s2hk", "tw2sp": "tw2s", "hk2sp": "hk2s"}


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A word of the original, as the idiom config writes it and as its twin would."""

    original: str
    rewritten: str
    plain: str
    count: int


def rewrites_idioms(config: str) -> bool:
    return normalise_config(config) in PHRASE_TWINS


def idiom_rewrites(document: Document, config: str) -> list[Rewrite]:
    """The words `config` writes differently from its twin in `document`, most frequent first
    (empty for a config that does not rewrite idioms, or a text it leaves alone)."""
    config = normalise_config(config)
    twin_config = PHRASE_TWINS.get(config)
    if twin_config is None:
        return []
    key = document_key(document)
    converted = conversions.get(key, document.text, config)
    twin = conversions.get(key, document.text, twin_config)
    if converted.text == twin.text:
        return []
    offsets = converted.offsets
    found: dict[tuple[str, str], tuple[str, int, int]] = {}
    for k, is_phrase in enumerate(offsets.phrase):
        if not is_phrase:
            continue
        o1, o2 = offsets.orig[k], offsets.orig[k + 1]
        rewritten = converted.text[offsets.conv[k] : offsets.conv[k + 1]]
        t1, t2 = twin.offsets.span_to_converted(o1, o2)
        plain = twin.text[t1:t2]
        if rewritten == plain:
            continue
        original = document.text[o1:o2]
        _plain, count, first = found.get((original, rewritten), (plain, 0, k))
        found[(original, rewritten)] = (plain, count + 1, first)
    ordered = sorted(found.items(), key=lambda item: (-item[1][1], item[1][2]))
    return [Rewrite(original, rewritten, plain, count) for (original, rewritten), (plain, count, _k) in ordered]
