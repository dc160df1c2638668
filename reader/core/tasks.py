"""The year's tasks as a tree: each task heading with the lead sentences of the paragraphs under it.

Three layouts are read:

- A report's tasks section, found by place and numbering whatever its title (三、2014年重点工作,
  三、对2018年政府工作的建议, 三、2024年政府工作任务 …): the first part after the review (part 一)
  with a （一）（二）… list. The tasks are its （一）…（十） items, their titles the heading sentence
  without the label; the children are the lead sentence of each Chinese paragraph under a task
  (English translation blocks are skipped; a one-sentence paragraph right after a heading that is
  only a title introduces the task and is not a child). The section ends at the next part or at
  the address 各位代表！ that opens the closing parts (2014 has no 四、).
- A report whose tasks are parts of their own (2015, 2020: 三、… 八、 after 二、今年发展主要目标和
  下一阶段工作总体部署, no （一） list): each part after the plan part is a task.
- A summary with numbered task headings and ● bullets (infographic text): headings such as
  "3深入实施科教兴国战略", "88推进…" (the digits doubled) or "22因地制宜…44" (the next column's
  number glued on); a short line right after a heading that carries on its title is joined with
  "，". See _read_summary for how headings without a number and the bullets are placed.

Titles never include the numbering; start/end are offsets into Document.text of the title (a
title joined from two lines spans both; its text has "，" where the document has "\\n").
A document without a tasks section (a commentary, a report that stops earlier) gives [].
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from reader.core.extracted import Task
from reader.core.find import fold_query
from reader.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block, Blocks, Document

_SECTION_TITLE = "政府工作任务"
_REVIEW = "回顾"
_ADDRESS = "各位代表"
# A part that sets the year's targets or overall plan; the parts after it may be the tasks.
_PLAN_PART = re.compile(r"主要目标|预期目标|总体部署|总体要求")
_MIN_TASK_PARTS = 2
_PART_LABEL = re.compile(r"^([一二三四五六七八九十]{1,3})、")
_SECTION_MAX_LEN = 40
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}
_TASK_LABEL = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_BULLET = "●"

# Summary headings: a task number (1–10, possibly doubled), the title, maybe the next column's number.
# Only the head is a pattern: a lazy title followed by \s*\d*\s*$ backtracks cubically on a line of
# spaces or line separators (3,000 U+2028 took > 25 s); the title's end is found by stripping.
_NUMBERED_HEAD = re.compile(r"(\d{1,4})\s*(?![年月日号号万亿千百个%.．、])(?=[\u4e00-\u9fff])")
_NOT_IN_TITLE = re.compile(r"[。！？；]")
_TITLE_CHARS = re.compile(r"^[\u4e00-\u9fff“”‘’「」，、]+$")
_MAX_TASKS = 10
_MIN_SUMMARY_HEADINGS = 3
_MAX_TITLE_LEN = 40
_MAX_CONTINUATION_LEN = 20


def extract_tasks(document: Document) -> list[Task]:
    """The tasks of the document's tasks section, by number; [] when it has none."""
    blocks = _Chinese.of(document.blocks)
    parts = _parts(blocks)
    section = _tasks_section(blocks, parts)
    if section is not None:
        return _read_section(blocks[section:])
    top_level = _task_parts(blocks, parts)
    if top_level:
        return _read_parts(blocks, top_level)
    return _read_summary(document, blocks)


class _Chinese(Sequence[Block]):
    """The document's blocks less its English ones, by position, each Block made when it is read:
    a list of them held a Block per line (67× the file's size on 100,000 tiny lines)."""

    __slots__ = ("_at", "_blocks")

    def __init__(self, blocks: Blocks, at: Sequence[int]) -> None:
        self._blocks = blocks
        self._at = at

    @classmethod
    def of(cls, blocks: Blocks) -> _Chinese:
        if all(blocks.lang(n) != "en" for n in range(len(blocks))):
            return cls(blocks, range(len(blocks)))
        return cls(blocks, array("I", (n for n in range(len(blocks)) if blocks.lang(n) != "en")))

    def __len__(self) -> int:
        return len(self._at)

    @overload
    def __getitem__(self, index: int) -> Block: ...
    @overload
    def __getitem__(self, index: slice) -> _Chinese: ...
    def __getitem__(self, index: int | slice) -> Block | _Chinese:
        if isinstance(index, slice):
            return _Chinese(self._blocks, self._at[index])
        return self._blocks[self._at[index]]

    def __iter__(self) -> Iterator[Block]:
        return self._blocks.each(self._at)

    # Block i's columns without making it: a pass that reads only these skips ~3 µs a block.
    def kind(self, i: int) -> str:
        return self._blocks.kind(self._at[i])

    def level(self, i: int) -> int:
        return self._blocks.level(self._at[i])

    def label(self, i: int) -> str:
        return self._blocks.label(self._at[i])


# --- a report's tasks section -------------------------------------------------------------


def _parts(blocks: _Chinese) -> list[tuple[int, int]]:
    """(block index, number) of the report's parts: the 一、… 三、… blocks of level 1.

    A part heading glued to the paragraph after it (a PDF line not rebuilt) still counts, so the
    tasks keep their number even when a title reads too long.
    """
    out: list[tuple[int, int]] = []
    for i in range(len(blocks)):
        if blocks.level(i) == 1 and blocks.kind(i) in (HEADING, LIST_ITEM):
            match = _PART_LABEL.match(blocks.label(i))
            number = _chinese_number(match.group(1)) if match else None
            if number is not None:
                out.append((i, number))
    return out


def _tasks_section(blocks: Sequence[Block], parts: list[tuple[int, int]]) -> int | None:
    """The part named 政府工作任务, else the first part after the review with a （一）（二）… list.

    The tasks part goes by many names (重点工作, 对2018年政府工作的建议, 政府工作任务 …), so
    its place and numbering find it: part 一 looks back on the past year(s) (2018's has its own
    （一）…（九） list), and the first later part whose items count （一）, （二）… holds the tasks.
    """
    for i, _ in parts:
        if len(blocks[i].text) <= _SECTION_MAX_LEN and _SECTION_TITLE in fold_query(blocks[i].text):
            return i
    for n, (i, number) in enumerate(parts):
        if number < 2 or _REVIEW in fold_query(blocks[i].text):
            continue
        end = parts[n + 1][0] if n + 1 < len(parts) else len(blocks)
        numbers = [k for b in blocks[i + 1 : end] if (k := _task_number(b)) is not None]
        if numbers[:2] == [1, 2]:
            return i
    return None


def _task_parts(blocks: Sequence[Block], parts: list[tuple[int, int]]) -> list[int]:
    """The parts that are the tasks themselves (2015, 2020): those after the year's plan part.

    Only read when no part has a （一） list, and only after a part named for the year's targets or
    overall plan (今年发展主要目标和下一阶段工作总体部署), so a commentary's 一、二、三、 stay out.
    """
    for n, (i, number) in enumerate(parts):
        text = blocks[i].text
        if number >= 2 and len(text) <= _SECTION_MAX_LEN and _PLAN_PART.search(fold_query(text)):
            following = [j for j, _ in parts[n + 1 :]]
            return following if len(following) >= _MIN_TASK_PARTS else []
    return []


def _read_section(blocks: Sequence[Block]) -> list[Task]:
    tasks: list[tuple[int, tuple[str, int, int], list[tuple[str, int, int]]]] = []
    bare = False  # the last task heading holds only its title
    for block in blocks[1:]:
        if _ends_section(block):
            break  # the next part of the report
        number = _task_number(block)
        if number is not None:
            title = _lead_sentence(block, skip=len(block.label))
            if title is not None:
                tasks.append((number, title, []))
                bare = _is_bare(block, title)
            continue
        if tasks and block.kind in (PARAGRAPH, LIST_ITEM) and block.level != 2:
            if bare and not tasks[-1][2] and _one_sentence(block):
                bare = False
                continue  # the task's introduction, not a sub-task
            bare = False
            lead = _lead_sentence(block, skip=len(block.label))
            if lead is not None:
                tasks[-1][2].append(lead)
    return [_task(number, title, children) for number, title, children in tasks]


def _read_parts(blocks: Sequence[Block], heads: list[int]) -> list[Task]:
    """Tasks that are whole parts: the part's title, the lead sentences of its paragraphs."""
    tasks: list[Task] = []
    bounds = [*heads, len(blocks)]
    for number, (head, stop) in enumerate(zip(bounds, bounds[1:], strict=False), 1):
        block = blocks[head]
        title = _lead_sentence(block, skip=len(block.label))
        if title is None:
            continue
        children: list[tuple[str, int, int]] = []
        for k, child in enumerate(blocks[head + 1 : stop]):
            if _ends_section(child):
                break
            if child.kind not in (PARAGRAPH, LIST_ITEM) or (k == 0 and _one_sentence(child)):
                continue  # a heading, or the part's one-sentence introduction
            lead = _lead_sentence(child, skip=len(child.label))
            if lead is not None:
                children.append(lead)
        tasks.append(_task(number, title, children))
    return tasks


def _task(number: int, title: tuple[str, int, int], children: list[tuple[str, int, int]]) -> Task:
    return Task(number, *title, tuple(Task(i, *child) for i, child in enumerate(children, 1)))


def _ends_section(block: Block) -> bool:
    """The next part (三、… after the tasks) or the address that opens the closing parts (各位代表！)."""
    if block.level == 1 and block.label and block.kind in (HEADING, LIST_ITEM):
        return True
    return block.kind == PARAGRAPH and block.text.rstrip("！!：:。 ") == _ADDRESS


def _is_bare(block: Block, title: tuple[str, int, int]) -> bool:
    """The heading block holds nothing after its title (2014's （一）推动重要领域改革取得新突破。)."""
    return not block.text[title[2] - block.start :].strip("。！？!? ")


def _one_sentence(block: Block) -> bool:
    return len(_SENTENCE_END.findall(block.text.rstrip("。！？!? "))) == 0


def _task_number(block: Block) -> int | None:
    if block.level != 2 or block.kind not in (HEADING, LIST_ITEM):
        return None
    match = _TASK_LABEL.match(block.label or block.text)
    return _chinese_number(match.group(1)) if match else None


def _chinese_number(numeral: str) -> int | None:
    """一 … 九十九 as an int (十一 = 11, 二十 = 20)."""
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
        return value or None
    return _CN_DIGITS.get(numeral)


def _lead_sentence(block: Block, skip: int = 0) -> tuple[str, int, int] | None:
    """The block's first sentence without its full stop, and its span in Document.text."""
    text = block.text
    begin = skip
    while begin < len(text) and text[begin].isspace():
        begin += 1
    match = _SENTENCE_END.search(text, begin)
    stop = match.start() if match else len(text)
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop <= begin:
        return None
    return text[begin:stop], block.start + begin, block.start + stop


# --- a summary: numbered headings and ● bullets -------------------------------------------


@dataclass
class _Heading:
    number: int
    title: str
    start: int
    end: int
    index: int  # of the (first) block, for text order
    children: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class _Group:
    """A ● item and the paragraphs under it: the item is the child, the rest helps place it."""

    child: tuple[str, int, int]
    index: int
    words: str


def _read_summary(document: Document, blocks: _Chinese) -> list[Task]:
    """Tasks of a summary whose columns were read in the wrong order.

    Numbered headings give most tasks. A number the text lacks (the infographic put it on
    another line, or dropped it) is given to an unnumbered heading that closes a run of ●
    bullets, when the numbers of the headings around it leave exactly one choice.
    The bullets of a task may come after its heading or, where columns interleave, before it:
    each heading takes the bullets on one side, a run of bullets between two headings may be
    split between them, and the choice that best matches the words of the bullets (and the
    paragraphs under them) to the words of the headings wins.
    """
    if not any(blocks.label(i) == _BULLET for i in range(len(blocks))):
        return []
    used: set[int] = set()
    headings: list[_Heading] = []
    for i, block in enumerate(blocks):
        if block.kind not in (HEADING, PARAGRAPH) or i in used:
            continue
        parsed = _numbered_title(block)
        if parsed is None or any(h.number == parsed[0] for h in headings):
            continue
        number, begin, stop = parsed
        headings.append(_heading(blocks, i, number, begin, stop, used))
    if len({h.number for h in headings}) < _MIN_SUMMARY_HEADINGS:
        return []
    groups, candidates = _groups_and_candidates(blocks, used)
    _number_candidates(blocks, headings, candidates, used)
    headings.sort(key=lambda h: h.index)
    _place_groups(headings, groups)
    tasks = [
        Task(h.number, h.title, h.start, h.end, tuple(Task(i, *c) for i, c in enumerate(h.children, 1)))
        for h in headings
    ]
    return sorted(tasks, key=lambda t: t.number)


def _numbered_title(block: Block) -> tuple[int, int, int] | None:
    """(task number, title begin, title end) within the block's text, for "88推进…" and the like."""
    text = block.text
    head = _NUMBERED_HEAD.match(text)
    if not head or _NOT_IN_TITLE.search(text, head.end()):
        return None
    begin, stop = head.end(), _title_stop(text)
    if stop - begin > _MAX_TITLE_LEN:
        return None
    number = _task_number_from_digits(head.group(1))
    if number is None:
        return None
    return number, begin, stop


def _title_stop(text: str) -> int:
    """Where the title ends: before trailing spaces, a trailing number (the next column's) and spaces."""
    stop = len(text.rstrip())
    while stop and text[stop - 1].isdecimal():  # \d is a Unicode decimal digit, as isdecimal()
        stop -= 1
    return len(text[:stop].rstrip())


def _task_number_from_digits(digits: str) -> int | None:
    """The infographic doubles numbers: "88" is 8, "1010" is 10; a report has at most ten tasks."""
    value = int(digits)
    if 1 <= value <= _MAX_TASKS:
        return value
    half = len(digits) // 2
    if len(digits) % 2 == 0 and digits[:half] == digits[half:]:
        value = int(digits[:half])
        if 1 <= value <= _MAX_TASKS:
            return value
    return None


def _heading(blocks: Sequence[Block], i: int, number: int, begin: int, stop: int, used: set[int]) -> _Heading:
    block = blocks[i]
    used.add(i)
    title = block.text[begin:stop]
    start, end = block.start + begin, block.start + stop
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is not None and i + 1 not in used and _continues_title(nxt):
        used.add(i + 1)
        title = f"{title}，{nxt.text}"
        end = nxt.end
    return _Heading(number, title, start, end, i)


def _continues_title(block: Block) -> bool:
    """A short unnumbered line that carries on the heading before it (提升国家创新体系整体效能)."""
    return (
        block.kind in (HEADING, PARAGRAPH)
        and not block.label
        and len(block.text) <= _MAX_CONTINUATION_LEN
        and bool(_TITLE_CHARS.match(block.text))
        and _numbered_title(block) is None
    )


def _groups_and_candidates(blocks: Sequence[Block], used: set[int]) -> tuple[list[_Group], list[int]]:
    """The ● groups, and the unnumbered headings that directly follow one (títle candidates)."""
    groups: list[_Group] = []
    candidates: list[int] = []
    open_group: list[Block] | None = None
    for i, block in enumerate(blocks):
        if block.label == _BULLET:
            open_group = [block]
            groups.append(_Group(_bullet_child(block), i, ""))
        elif block.kind == PARAGRAPH and i not in used and open_group is not None:
            open_group.append(block)
        else:
            if (
                open_group is not None
                and block.kind == HEADING
                and i not in used
                and len(block.text) <= _MAX_TITLE_LEN
                and _TITLE_CHARS.match(block.text)
            ):
                candidates.append(i)
            open_group = None
            continue
        groups[-1].words += block.text.lstrip(_BULLET)
    return groups, candidates


def _bullet_child(block: Block) -> tuple[str, int, int]:
    skip = len(block.label)
    text = block.text[skip:].strip()
    begin = block.text.index(text, skip) if text else skip
    return text, block.start + begin, block.start + begin + len(text)


def _number_candidates(blocks: Sequence[Block], headings: list[_Heading], candidates: list[int], used: set[int]) -> None:
    """Give each missing number to the one candidate whose neighbouring headings admit it."""
    missing = set(range(1, _MAX_TASKS + 1)) - {h.number for h in headings}
    pending = list(candidates)
    progress = True
    while missing and pending and progress:
        progress = False
        for i in list(pending):
            before = [h.number for h in headings if h.index < i]
            after = [h.number for h in headings if h.index > i]
            if not before or not after:
                options = missing if len(pending) == 1 and len(missing) == 1 else set()
            else:
                low, high = sorted((before[-1], after[0]))
                options = {n for n in missing if low < n < high}
            if len(options) == 1:
                number = options.pop()
                headings.append(_heading(blocks, i, number, 0, len(blocks[i].text), used))
                missing.discard(number)
                pending.remove(i)
                progress = True


# Penalties, in units of shared (weighted) character pairs between a bullet and a heading.
_EMPTY_HEADING = 2.0
_TITLE_WEIGHT = 3.0
_ORPHAN_BULLET = 1.0
_BEFORE, _AFTER = 0, 1


def _place_groups(headings: list[_Heading], groups: list[_Group]) -> None:
    """Give each ● group to the heading before or after it (see _read_summary), in place."""
    if not headings or not groups:
        return
    weights = _pair_weights(headings)
    pairs = [_pairs(h.title) for h in headings]
    # runs[r]: groups between heading r-1 and heading r (runs[0] before the first heading).
    runs: list[list[_Group]] = [[] for _ in range(len(headings) + 1)]
    for group in groups:
        r = sum(1 for h in headings if h.index < group.index)
        runs[r].append(group)
    score = [[_score(hp, g, weights) for hp in pairs] for g in groups]
    order = {id(g): n for n, g in enumerate(groups)}

    def run_value(r: int, left: int | None, right: int | None) -> tuple[float, int]:
        """Best (value, split) for run r given the sides the headings around it take."""
        run = runs[r]
        takes_left = r > 0 and left == _AFTER
        takes_right = r < len(headings) and right == _BEFORE
        best: tuple[float, int] | None = None
        splits = range(len(run) + 1) if takes_left and takes_right else [len(run) if takes_left else 0]
        for k in splits:
            value = 0.0
            for n, group in enumerate(run):
                s = score[order[id(group)]]
                if n < k:
                    value += s[r - 1]
                elif takes_right:
                    value += s[r]
                else:
                    value -= _ORPHAN_BULLET
            if takes_left and k == 0:
                value -= _EMPTY_HEADING
            if takes_right and k == len(run):
                value -= _EMPTY_HEADING
            if best is None or value > best[0]:  # ties: the earliest split, i.e. the later heading
                best = (value, k)
        assert best is not None
        return best

    # Dynamic programme over the side each heading takes its bullets from.
    m = len(headings)
    table: list[dict[int, tuple[float, list[int]]]] = []
    first = {side: (run_value(0, None, side)[0], [side]) for side in (_BEFORE, _AFTER)}
    table.append(first)
    for r in range(1, m):
        row: dict[int, tuple[float, list[int]]] = {}
        for side in (_BEFORE, _AFTER):
            row[side] = max(
                ((table[-1][prev][0] + run_value(r, prev, side)[0], table[-1][prev][1] + [side]) for prev in (_BEFORE, _AFTER)),
                key=lambda item: item[0],
            )
        table.append(row)
    _, sides = max(
        ((value + run_value(m, sides[-1], None)[0], sides) for value, sides in table[-1].values()),
        key=lambda item: item[0],
    )
    for r, run in enumerate(runs):
        left = sides[r - 1] if r > 0 else None
        right = sides[r] if r < m else None
        _, k = run_value(r, left, right)
        for n, group in enumerate(run):
            if n < k:
                headings[r - 1].children.append(group.child)
            elif r < m and right == _BEFORE:
                headings[r].children.append(group.child)


def _score(heading_pairs: set[str], group: _Group, weights: dict[str, float]) -> float:
    """Words a heading shares with a ● group; the bullet's own words count three times.

    The bullet is the sub-task's title, the paragraphs under it only its details: 积极扩大有效投资
    shares 扩大 (also in task 5's title) and 投资 with 全方位扩大国内需求, but only 有效 (plus 领域
    from its details) with 有效防范化解重点领域风险; counted once each, the two tied.
    """
    shared = heading_pairs & _pairs(group.words)
    title = _pairs(group.child[0])
    return sum(weights[p] * (_TITLE_WEIGHT if p in title else 1.0) for p in shared)


def _pairs(text: str) -> set[str]:
    """Adjacent pairs of Chinese characters: cheap word overlap without a segmenter."""
    return {text[i : i + 2] for i in range(len(text) - 1) if _is_han(text[i]) and _is_han(text[i + 1])}


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _pair_weights(headings: list[_Heading]) -> dict[str, float]:
    """A pair shared by several headings (发展) says little about which one a bullet belongs to."""
    counts: dict[str, int] = {}
    for h in headings:
        for p in _pairs(h.title):
            counts[p] = counts.get(p, 0) + 1
    return {p: 1.0 / n for p, n in counts.items()}
