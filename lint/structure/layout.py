"""Layout: what each line of a report is — contents, table row or body — and what reads as a title.

Built once from the text so the structure checks (FL301–FL306) only walk this model: which headings
to count, which lines are section titles, the contents entries an unnumbered heading may repeat,
the numbers written inside paragraphs, the years and the report date.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from lint.model import Document
from lint.structure.inline import InlineItems, inline_items
from lint.structure.sections import CN, LEVELS, SENTENCE, Heading
from lint.structure.years import ReportDate, YearMention, heading_years, line_years, report_dates

OPENING = 300  # characters of the title block a report type is detected in
# lines of the title block ("某单位" / "2024年度" / "部门决算" may stand on lines of their own)
TITLE_LINES = 4
PARAGRAPH_TITLE = 25  # longest title of a numbered paragraph ("（一）政府采购支出情况。2023年…")
TOC_MARK = regex.compile(r"^\s*目\s*录\s*$|^\s*目\s*次\s*$")
LEADER = regex.compile(r"(?:[…⋯·.．・]\s*){3,}\s*\d*\s*$|(?:[…⋯·.．・]\s*){3,}")
PAGE_END = regex.compile(r"\s\d{1,3}\s*$")
QUOTES = regex.compile(r"[“”\"'‘’「」『』《》\s]")
DEFINITION = regex.compile(r"^[^：:]{1,30}[：:]\s*\S")
UNNUMBERED_EXCLUDE = regex.compile(r"[0-9０-９。；;，,、]")
# a note under a table and its items; the cells of a table row read as a line
NOTE_START = regex.compile(r"^\s*(?:注|备注|附注|注释|说明)\s*[0-9０-９]?\s*[：:]")
NOTE_ITEM = regex.compile(r"(?<![0-9０-９.．])([0-9０-９]{1,2})[、．.](?![0-9０-９])")
NOTE_LINE = regex.compile(r"^[（(]?([0-9０-９]{1,2})(?:[、．.](?![0-9０-９])|[)）])")
FULL_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
CELL_NUMBER = regex.compile(r"(?<=\s)[-−]?[0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?%?(?=\s|$)")
SECOND_ITEM = regex.compile(rf"\s(?:[{CN}]+、|[（(][{CN}]+[）)])\S")
ROW_PUNCT = regex.compile(r"[。；;，：:]")
# anything a contents line may open with as its numbering: 第二部分 二、 （二） 2． （2） ②
NUMBERING = regex.compile(rf"第[{CN}0-9]+部分|[（(]?(?:[{CN}0-9]+|[０-９]+)[、．.）)]?|[①-⑳]")


@dataclass(frozen=True)
class Line:
    """One line of the text (1-based `number`)."""

    number: int
    start: int  # offset of the line
    content: str  # without surrounding whitespace
    indent: int  # leading whitespace before `content`
    key: str  # without leaders and page number, folded: a contents entry and its heading share it
    toc: bool  # inside a table of contents
    table: bool  # inside a table the reader recognised
    tabbed: bool  # holds a tab: a table row the reader did not recognise
    note: bool = False  # an item of a note under a table ("注：1.…" and the "2.…" lines after it)
    row: bool = False  # reads as a table row: a numbered label followed by amounts in columns
    folded: str = ""  # `content` folded (fold): made once here, read by the key, titles and contents

    @property
    def body(self) -> bool:
        return not self.toc and not self.table


@dataclass
class TocEntry:
    """A line of the table of contents. `titles` maps each way its opening can be read as a
    numbering ("第二部分", "二、"…) to the key of the title after it, so a body line that lost its
    number can be matched to the entry of the number that is missing."""

    line: int
    shown: str  # without leaders
    titles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TitleLine:
    """A body line that reads as a section title: a numbered heading (its level) or a short
    unnumbered line set apart from the prose (level None)."""

    line: int
    level: int | None
    folded: str


@dataclass
class Layout:
    lines: list[Line]
    toc: list[TocEntry]
    titles: list[TitleLine]
    inline: InlineItems
    heading_years: dict[int, YearMention]  # heading line → year its title names
    title_years: dict[int, YearMention]  # unnumbered title line after the first heading → year it names
    years: list[YearMention]  # glosses and comparisons, in reading order
    dates: list[ReportDate]  # dates standing alone in the title block or the signature
    opening: str  # the first characters, folded: where the report's type is named
    blank: bool  # nothing but whitespace
    title: str = ""  # the title block, folded: the first lines before any heading or paragraph
    prose: str = ""  # the body text (no contents, no table), folded: where a section's matter may be told

    def line(self, number: int) -> Line:
        return self.lines[number - 1]


# Full-width ASCII and the ideographic space, each mapped to its compatibility decomposition: NFKC
# decomposes them to exactly these characters first, so NFKC(text) = NFKC(text.translate(WIDE)), and
# most lines of a Chinese report are already NFKC once these are mapped (the normalisation is skipped).
WIDE = {c: unicodedata.normalize("NFKD", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000]}


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), without normalising lines that need only WIDE."""
    if unicodedata.is_normalized("NFKC", text):
        return text  # (then it holds no WIDE character either)
    text = text.translate(WIDE)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """Full-width → half-width, quotes and spaces removed: how headings and keywords are compared."""
    return QUOTES.sub("", nfkc(text))


def opening(text: str) -> str:
    """The title block, folded: a report names its type there."""
    return fold(text[:OPENING])


def read_layout(doc: Document, headings: list[Heading]) -> Layout:
    """The layout of `doc`, whose numbered lines are `headings` (sections.outline)."""
    raw = doc.text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in raw:
        starts.append(pos)
        pos += len(line) + 1
    toc = _find_toc(raw)
    table_lines = _table_lines(doc)
    notes = _note_lines(raw)
    lines = [
        _line(n, starts[n - 1], s, n in toc, n in table_lines, n in notes) for n, s in enumerate(raw, start=1)
    ]
    # the title block and the signature: where a report date stands on its own
    nonempty = [ln.number for ln in lines if ln.content and ln.body]
    titles = _titles(lines, headings)
    return Layout(
        lines=lines,
        toc=[_toc_entry(lines[n - 1]) for n in sorted(toc)],
        titles=titles,
        inline=inline_items(doc.text),
        heading_years=heading_years(raw, headings),
        title_years=_title_years(raw, lines, headings),
        years=line_years(raw, starts),
        dates=report_dates(raw, starts, sorted(set(nonempty[:12] + nonempty[-6:]))),
        opening=opening(doc.text),
        blank=not doc.text.strip(),
        title=_title_block(lines, headings),
        # = fold of the lines joined: fold drops the line breaks, and NFKC never reads across one
        prose="".join(ln.folded for ln in lines if ln.body and not ln.tabbed),
    )


def _line(number: int, start: int, raw: str, toc: bool, table: bool, note: bool) -> Line:
    """One line, folded once: its key, the section titles and the contents read the same fold."""
    content = raw.strip()
    folded = fold(content)
    return Line(
        number,
        start,
        content,
        len(raw) - len(raw.lstrip()),
        _toc_key(content, folded),
        toc,
        table,
        "\t" in raw,
        note,
        _row_like(content),
        folded,
    )


def _title_block(lines: list[Line], headings: list[Heading]) -> str:
    """The report's title: its first non-empty lines (at most TITLE_LINES) before the first numbered
    heading, the contents or a sentence."""
    numbered = {h.line for h in headings}
    out: list[str] = []
    for ln in lines:
        if not ln.content:
            continue
        if len(out) >= TITLE_LINES or ln.number in numbered or ln.toc or SENTENCE.search(ln.content):
            break
        out.append(ln.content)
    return fold("".join(out))


def _table_lines(doc: Document) -> set[int]:
    """Lines (1-based) covered by a table the reader recognised."""
    out: set[int] = set()
    for t in doc.tables:
        if t.end > t.start:
            first = doc.text_line_col(t.start)[0]
            last = doc.text_line_col(max(t.end - 1, t.start))[0]
            out.update(range(first, last + 1))
    return out


# ---------------------------------------------------------------------------------------------
# table of contents


def _toc_key(line: str, folded: str | None = None) -> str:
    """`line` without leaders and page number, folded (`folded`: fold(line), when already made)."""
    s = PAGE_END.sub("", LEADER.sub("", line))
    return (folded if folded is not None and s == line else fold(s)).rstrip("0123456789")


def _heading_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 60 and not SENTENCE.search(s)


def _entry_like(line: str) -> bool:
    """A line a table of contents may hold: short, or several entries run together, with no
    sentence inside it (a trailing "。" after an entry is allowed)."""
    s = LEADER.sub(" ", line).strip().rstrip("。.")
    return bool(s) and len(s) <= 200 and not SENTENCE.search(s)


def _find_toc(lines: list[str]) -> set[int]:
    """Lines of a table of contents: after a 目录 line, the entries up to the first body heading
    that repeats one of them (or the first line that is not an entry); without a 目录 line, a block
    of short heading lines whose first line is repeated later with nothing but headings in between."""
    toc: set[int] = set()
    for i, line in enumerate(lines):
        if not TOC_MARK.match(line):
            continue
        end = _toc_by_repeat(lines, i)
        if end is not None:
            toc.update(range(i + 1, end + 1))  # 1-based: the 目录 line to the line before the repeat
            continue
        seen: set[str] = set()
        j = i + 1
        while j < len(lines) and j - i <= 150:
            s = lines[j].strip()
            if s:
                key = _toc_key(s)
                if key in seen:
                    break
                if LEADER.search(s) or PAGE_END.search(s) or _heading_like(s):
                    seen.add(key)
                else:
                    break
            j += 1
        toc.update(range(i + 1, j + 1))  # 1-based: the 目录 line and its entries
    if toc:
        return toc
    # no 目录 line: the first numbered top-level line repeated after a block of short lines
    first: int | None = None
    for i, line in enumerate(lines[:200]):
        s = line.strip()
        if not s:
            continue
        if any(level <= 1 and p.match(s) for level, p in LEVELS):
            first = i
            break
    if first is None:
        return toc
    key = _toc_key(lines[first])
    for j in range(first + 1, min(len(lines), first + 150)):
        s = lines[j].strip()
        if not s:
            continue
        if _toc_key(s) == key:
            if j - first >= 3:
                toc.update(range(first + 1, j + 1))
            break
        if not _heading_like(s.rstrip("。.")):
            break
    return toc


def _toc_by_repeat(lines: list[str], mark: int) -> int | None:
    """0-based index of the body line that repeats the first entry after the 目录 line at `mark`,
    when every line in between can be a contents entry (entries that end in "。", or several run
    together on one line as a PDF may join them)."""
    first = next((k for k in range(mark + 1, min(len(lines), mark + 5)) if lines[k].strip()), None)
    if first is None:
        return None
    key = _toc_key(lines[first].strip()).rstrip("。.")
    if len(key) < 2:
        return None
    for j in range(first + 1, min(len(lines), first + 150)):
        s = lines[j].strip()
        if not s:
            continue
        if _toc_key(s).rstrip("。.") == key:
            return j
        if not _entry_like(s):
            return None
    return None


def _toc_entry(line: Line) -> TocEntry:
    s = line.content
    titles = {s[:k]: _toc_key(s[k:]) for k in range(1, len(s) + 1) if NUMBERING.fullmatch(s[:k]) is not None}
    return TocEntry(line.number, LEADER.sub("", s).strip(), titles)


# ---------------------------------------------------------------------------------------------
# notes under tables, table rows


def _note_lines(lines: list[str]) -> set[int]:
    """Lines (1-based) that continue a numbered note: after "注：1.本表…" (or a bare "注："), the
    lines "2.…", "3.…" that go on numbering it. They are footnotes of a table, not headings."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        m = NOTE_START.match(line)
        if not m:
            continue
        rest = line[m.end() :].strip()
        written = [_marker_number(x) for x in NOTE_ITEM.findall(rest)]
        if rest and (not written or written[0] != 1):
            continue  # "注：本表…。": a note without items; a list after it is not the note's
        last = 0
        for n in written:
            if n != last + 1:
                break
            last = n
        for j in range(i + 1, min(len(lines), i + 30)):
            s = lines[j].strip()
            if not s:
                continue
            m2 = NOTE_LINE.match(s)
            if not m2 or _marker_number(m2.group(1)) != last + 1:
                break
            last += 1
            out.add(j + 1)
    return out


def _marker_number(written: str) -> int:
    return int(written.translate(FULL_TO_ASCII))


def _row_like(content: str) -> bool:
    """A numbered line that reads as a table row: a label, then two or more amounts standing in
    columns (separated by spaces), or a second item of a table read across ("一、… 100.00 五、…"),
    and no sentence punctuation. One amount with decimals standing apart at the end is a row too, whose
    other column was blank ("四、住房保障支出 58.20" under "三、其他收入 38.60 三、卫生健康支出 47.30"):
    a title never ends in a money cell (a contents line ends in a page number, never in decimals)."""
    if ROW_PUNCT.search(content):  # first: it rules out most prose lines in one search
        return False
    if not any(level >= 1 and p.match(content) for level, p in LEVELS):
        return False
    cells = CELL_NUMBER.findall(content)
    if cells and content.endswith(cells[-1]) and regex.search(r"[.．][0-9０-９]+%?$", cells[-1]):
        return True
    return len(cells) >= 2 or bool(SECOND_ITEM.search(content))


# ---------------------------------------------------------------------------------------------
# section titles


def _titles(lines: list[Line], headings: list[Heading]) -> list[TitleLine]:
    """Every heading-like body line: numbered section headings, and short unnumbered lines that
    follow the end of a sentence or another heading-like line."""
    numbered = {h.line: h for h in headings}
    out: list[TitleLine] = []
    prev = ""
    for ln in lines:
        s = ln.content
        if not s:
            continue
        before, prev = prev, s
        if not ln.body or ln.tabbed:
            continue
        h = numbered.get(ln.number)
        if h is not None:
            # a section heading, not a numbered paragraph ("（五）拟订…国有资产管理…。") nor a
            # definition ("十、“三公”经费：指…")
            if DEFINITION.match(s):
                continue
            if not _heading_like(s.rstrip("。.")):
                # a numbered paragraph that opens with its title: "（一）政府采购支出情况。2023年…";
                # not "（五）拟订……国有资产管理……。"
                stop = SENTENCE.search(s)
                if not (
                    stop
                    and s[stop.start()] == "。"
                    and len(h.title) <= PARAGRAPH_TITLE
                    and h.title == s[len(h.marker) : stop.start()].strip()
                ):
                    continue
                out.append(TitleLine(ln.number, h.level, fold(h.marker + h.title)))
                continue
            out.append(TitleLine(ln.number, h.level, ln.folded))
        elif (
            len(s) <= 30
            and not UNNUMBERED_EXCLUDE.search(s)
            and not s.endswith("表")
            and (not before or before[-1] in "。；;：:！？!?）)" or _heading_like(before))
        ):
            out.append(TitleLine(ln.number, None, ln.folded))
    return out


TITLE_END = regex.compile(r"(?:说明|情况|报告)$")
TITLE_STOPS = regex.compile(r"[。；;，,、：:]")


def _title_years(raw: list[str], lines: list[Line], headings: list[Heading]) -> dict[int, YearMention]:
    """The years that unnumbered title lines of the body name ("2023年度部门决算情况说明" standing
    alone after the first numbered heading, a paragraph ended before it). The section titles above
    never take a line with digits, so these are read here. Lines before the first body heading are
    the title block, where the report's own year comes from, and are left out."""
    first = next((h.line for h in headings if lines[h.line - 1].body), None)
    if first is None:
        return {}
    numbered = {h.line for h in headings}
    found: list[Heading] = []
    prev = ""
    for ln in lines:
        s, before = ln.content, prev
        if not s:
            continue
        prev = s
        if ln.number <= first or ln.number in numbered or not ln.body or ln.tabbed or ln.row:
            continue
        if len(s) > 30 or TITLE_STOPS.search(s) or not TITLE_END.search(s) or not before.endswith("。"):
            continue
        found.append(Heading(1, 0, "", "", s, ln.number, ln.start))
    return heading_years(raw, found)
