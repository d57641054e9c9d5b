"""The table of contents against the body, and headings cut short (issue 8 item 5).

A contents entry that no heading of the body matches is a section renamed or dropped after the
contents were made; a heading that stops inside its last word ("国有资产占用情况说") lost its end in an
edit. Both are read from the layout (structure/layout.py) as marks for the text check.

Charity first: a PDF joins two entries on one line ("…部门决算表一、收入支出决算总表") or splits a
heading over two lines, leaders and page numbers trail an entry, a two-column contents runs entries
side by side. An entry matches when its title (without numbering, leaders, page number) appears
anywhere in the body with line breaks removed. Nothing is reported unless the contents read cleanly:
at least MIN_MATCHED entries match and at most a quarter (and at most MAX_UNMATCHED) do not.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import pairwise

import regex

from lint.structure.hygiene import Mark
from lint.structure.layout import LEADER, Layout, Line, fold
from lint.structure.sections import CN

MIN_TITLE = 4  # shorter entry titles ("附件") are too loose to look for
MIN_MATCHED = 3
MAX_UNMATCHED = 2
MIN_CUT = 3
MAX_HEADING = 80  # longer body lines are prose, not headings to compare an entry with
SIMILAR = 0.6
MAX_RECHECK = 12
MAX_ENTRIES = 400  # entries compared line by line with the body; more unfound is no clean contents  # an entry and a body heading this alike (difflib ratio) are the same section  # the characters of an ending a cut heading keeps ("情况说" of "情况说明")
# where a contents line starts another entry: 第二部分, 二、, （二）
ENTRY_START = regex.compile(rf"第[{CN}0-9]+部分|(?<![{CN}])[{CN}]{{1,3}}、|[（(][{CN}]{{1,3}}[）)]")
OPENING = regex.compile(
    rf"^(?:第[{CN}0-9]+部分|[{CN}]{{1,3}}[、.．]|[（(][{CN}0-9]{{1,3}}[）)]|[0-9]{{1,2}}[、.．])\s*"
)
PAGE = regex.compile(r"[\s…⋯·.．・-]*(?:第\s*)?[0-9]{1,3}\s*(?:页)?\s*$")
DROP = regex.compile(r"[，,。.、：:；;（）()\-—]")


def _pieces(content: str) -> list[str]:
    """The entries of one contents line: split at leaders with their page number (two columns) and
    where a new numbering starts after some text."""
    parts = [p for p in regex.split(r"(?:[…⋯·.．・]\s*){3,}\s*[0-9]{0,3}", content) if p.strip()]
    out: list[str] = []
    for part in parts:
        cuts = [m.start() for m in ENTRY_START.finditer(part) if m.start() > 0]
        bounds = [0, *cuts, len(part)]
        out += [part[a:b] for a, b in pairwise(bounds) if part[a:b].strip()]
    return out


def _title(piece: str) -> str:
    s = LEADER.sub("", piece).strip()
    s = PAGE.sub("", s)
    s = OPENING.sub("", s.strip())
    return _plain(s)


def _plain(s: str) -> str:
    """Folded and stripped of punctuation: how a contents title and the body are compared."""
    return DROP.sub("", fold(s))


def _heading_plain(ln: Line) -> str:
    """A body line's _plain without its numbering (its own fold, made once in the layout, when it has none)."""
    rest = OPENING.sub("", ln.content)
    return DROP.sub("", ln.folded) if rest == ln.content else _plain(rest)


def contents_marks(
    text: str, layout: Layout, endings: list[str], stand_ins: list[str] | None = None
) -> list[Mark]:
    """FL289 marks for contents entries no heading matches, FL290 marks for headings cut short."""
    entries: list[tuple[int, int, str, str]] = []  # line, offset, as written, title
    seen: set[str] = set()
    repeats: set[int] = set()  # a body heading the contents ran into (a two-column contents)
    for e in layout.toc:
        ln = layout.line(e.line)
        if not ln.content or regex.fullmatch(r"目\s*[录次]", ln.content):
            continue
        mine: list[tuple[int, int, str, str]] = []
        for piece in _pieces(ln.content):
            t = _title(piece)
            if len(t) >= MIN_TITLE:
                at = text.find(piece.strip(), ln.start)
                mine.append((ln.number, at if at >= 0 else ln.start, piece.strip(), t))
        if mine and all(x[3] in seen for x in mine):
            repeats.add(ln.number)
            continue
        seen.update(x[3] for x in mine)
        entries += mine
    if len(entries) > MAX_ENTRIES:
        entries = []  # no report's contents are this long: a misread or hostile input
    body_lines = [ln for ln in layout.lines if ln.content and (not ln.toc or ln.number in repeats)]
    joined = "".join(DROP.sub("", ln.folded) for ln in body_lines)
    marks: list[Mark] = []
    cut_at: set[int] = set()
    titles = {_heading_plain(ln) for ln in body_lines if len(ln.content) <= MAX_HEADING}
    owners = [_plain(w) for w in stand_ins or [] if w]

    def found(title: str) -> bool:
        # "部门机构设置" in the contents is "某某办公室机构设置" in the body: 部门 stands for the unit's name
        rests = [title] + [title[len(w) :] for w in owners if title.startswith(w) and len(title) > len(w) + 1]
        return any(r in joined for r in rests)

    # an entry whose body heading is cut short, or is nowhere (a reworded heading is the same section)
    cuts: list[tuple[tuple[int, int, str, str], Line]] = []
    missing: list[tuple[int, int, str, str]] = []
    unfound = [x for x in entries if not found(x[3])]
    if len(unfound) > MAX_RECHECK:
        unfound = []  # contents that do not read cleanly (or hostile input): nothing is reported
    for x in unfound:
        cut = _cut_heading(body_lines, x[3])
        if cut is not None:
            cuts.append((x, cut))
        elif not _like_any(x[3], titles):
            missing.append(x)
    wrong = len(cuts) + len(missing)
    if wrong and len(entries) - wrong >= MIN_MATCHED and wrong <= min(MAX_UNMATCHED, len(entries) // 4):
        for (_, _, _, title), cut in cuts:
            cut_at.add(cut.number)
            start = cut.start + cut.indent
            marks.append(
                Mark("cut_heading", cut.number, start, start + len(cut.content), cut.content, (), title)
            )
        for number, at, written, _ in missing:
            shown = LEADER.sub("", written).strip()
            shown = PAGE.sub("", shown).strip() or shown
            marks.append(Mark("toc_unmatched", number, at, at + len(shown), shown))
    marks += _cut_endings(layout, endings, cut_at)
    return marks


def _like_any(title: str, lines: set[str]) -> bool:
    """A body line close to the entry: the heading reworded a little ("其他重要事项说明" in the contents,
    "其他重要事项的情况说明" in the body) is the same section, not a missing one."""
    for line in lines:
        m = SequenceMatcher(None, title, line, autojunk=False)
        if m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR and m.ratio() >= SIMILAR:
            return True
    return False


def _cut_heading(body_lines: list[Line], title: str) -> Line | None:
    """A body line whose title is the start of `title` short of at most three characters."""
    for ln in body_lines:
        if not ln.body or ln.tabbed:
            continue
        t = _heading_plain(ln)
        if len(t) >= MIN_TITLE and title.startswith(t) and 0 < len(title) - len(t) <= 3:
            return ln
    return None


def _cut_endings(layout: Layout, endings: list[str], done: set[int]) -> list[Mark]:
    """Section titles that stop inside the last word of a full ending ("情况说" of "情况|说明": the
    word 说明 is cut), unless the next line completes them (a heading wrapped over two lines). A cut
    at a word boundary ("…预算情况") is a whole title, not a cut one."""
    out: list[Mark] = []
    # each ending split and folded once, not once per title
    split = [
        (head, sep, word, _plain(head + word)) for head, sep, word in (e.partition("|") for e in endings)
    ]
    # the characters a title cut inside an ending's word may end with: others are not tried
    last_chars = {c for head, _, _, e in split for c in e[len(head) : len(e) - 1]}
    for t in layout.titles:
        if t.line in done:
            continue
        ln = layout.line(t.line)
        s = DROP.sub("", ln.folded)
        if s[-1:] not in last_chars:
            continue
        for head, sep, word, e in split:
            if not sep or not word or s.endswith(e):
                continue
            cut = next(
                (k for k in range(len(e) - 1, len(head), -1) if k >= MIN_CUT and s.endswith(e[:k])),
                None,
            )
            if cut is None:
                continue
            nxt = next((x for x in layout.lines[t.line :] if x.content), None)
            if nxt is not None and (s + DROP.sub("", nxt.folded)).find(e, len(s) - cut) >= 0:
                break  # wrapped: the next line holds the rest
            start = ln.start + ln.indent
            whole = ln.content.rstrip() + e[cut:]  # "国有资产占用情况说" → "国有资产占用情况说明"
            out.append(Mark("cut_heading", t.line, start, start + len(ln.content), ln.content, (), whole))
            break
    return out
