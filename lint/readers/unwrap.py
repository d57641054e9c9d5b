"""Hard-wrapped text (what `pdftotext`/pdfplumber write for a PDF): rejoin the lines of a paragraph.

A report saved from a PDF as text breaks every sentence at the page width ("…与上⏎年相比，收入总计
增加…") and puts running headers and page numbers between the halves of a sentence that crosses a page.
Every reader of wording downstream treats a newline as the end of a clause, so such a text would be
read as fragments: a share, a breakdown or a comparison broken over two lines is never seen. The PDF
reader rejoins lines by geometry (pdf_lines.line_break); for text the geometry is gone, so a line is a
wrapped one when it is as wide as the text block and does not end a sentence, and the next line does
not open a heading, an item, a note or a table row.

Only the text the checks read changes: the Document keeps the file's own text and the cuts made, so
every location, line number and quoted line is the file's.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from lint.readers.pdf_lines import BREAK_AFTER, PAGE_NO_RE

# A line opening one of these is never the second half of a wrapped line.
OPENER = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．)）](?!\d)"
    r"|第[一二三四五六七八九十\d]+[部章节条]|[①-⑳]|注[:：]|说明[:：]|备注[:：]|表\s*\d|附[表件])"
)
# A line holding two or more numbers apart ("2010101 行政运行 1820.44 1820.44") is a table row.
ROW_CELLS = re.compile(r"(?:^|\s)-?[\d,]+(?:\.\d+)?%?(?=\s|$)")
PROSE_PUNCT = re.compile(r"[，。；：！？]")
ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
MIN_WRAPPED = 3  # joins a text needs before it is read as hard-wrapped at all
MIN_SHARE = 0.15  # …and the share of its prose lines they must be


@dataclass
class Unwrapped:
    text: str
    cuts: list[tuple[int, int]]  # (offset in text, chars of the source removed just before it)


def width(line: str) -> int:
    """Display width: a CJK or full-width character (three bytes in UTF-8) is two columns, as on the
    page; ASCII one. Counted by the encoder, at C speed over a 64 MB text."""
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


def _furniture(lines: list[str]) -> set[int]:
    """Page numbers ("- 3 -", "第3页 共9页", a bare 3 in sequence) and the running header or footer
    that stands beside each (the same line at every page break)."""
    numbers = [i for i, ln in enumerate(lines) if ln.strip() and PAGE_NO_RE.fullmatch(ln.strip())]
    values = [int(re.findall(r"\d+", lines[i])[0]) for i in numbers]
    # a page number runs 1, 2, 3…: a lone figure in a flattened table does not
    if len(numbers) < 2 or any(b <= a for a, b in itertools.pairwise(values)):
        return set()
    out = set(numbers)
    # a running header or footer stands beside at least two of the page numbers, or beside one and
    # repeats the title (a 单位：万元 or a table title that happens to follow a page break is content)
    beside = Counter(
        lines[j].strip()
        for i in numbers
        for j in (i - 1, i + 1)
        if 0 < j < len(lines) and j not in out and lines[j].strip() and not ROW_CELLS.search(lines[j])
    )
    title = [ln.strip() for ln in lines if ln.strip()][:3]  # a header repeats the title on each page
    for i in numbers:
        for j in (i - 1, i + 1):
            if 0 < j < len(lines) and j not in out:
                key = lines[j].strip()
                if beside[key] >= 2 or (beside[key] and key in title):
                    out.add(j)
    return out


def _mid_clause(line: str) -> bool:
    """A full line of prose stopped inside a clause: what follows is its continuation even when it opens
    like an item ("…资产原值合计2,110,003.55元，其中：（1）土地…，（2）通用设备…，⏎（3）专用设备…")."""
    return line[-1] in "，、" or (line[-1] not in "；;）)" and "，" in line)


def _row(line: str) -> bool:
    """Cells of a table: numbers standing apart, and none of a sentence's punctuation (pdfplumber also
    sets a number in prose apart: "收入预算 5499.06 万元，支出预算 5499.06 万元")."""
    if PROSE_PUNCT.search(line):
        return False
    return len(ROW_CELLS.findall(line)) >= 2 or bool(re.match(r"\s*\d{3,}\s", line))


def unwrap(text: str) -> Unwrapped | None:
    """The text with wrapped lines rejoined and page furniture inside paragraphs dropped, or None when
    the text is not hard-wrapped (one paragraph a line, as typed)."""
    lines = text.split("\n")
    if len(lines) < 8:
        return None
    furniture = _furniture(lines)
    kept = [i for i in range(len(lines)) if i not in furniture]
    # The text block's width, measured two ways: in display columns (a PDF's text layer: digits are
    # half as wide as 汉字) and in characters (converters that wrap at a character count).
    # The text block's width, measured two ways: in display columns (a PDF's text layer: digits are
    # half as wide as 汉字) and in characters (converters that wrap at a character count).
    cols = {i: width(lines[i].rstrip()) for i in kept}
    chars = {i: len(lines[i].rstrip()) for i in kept}
    prose = [i for i in kept if cols[i] >= 20]
    if len(prose) < MIN_WRAPPED:
        return None
    blocks = [sorted(m[i] for i in prose)[int(len(prose) * 0.8)] for m in (cols, chars)]
    if blocks[0] > 240:
        return None
    # a number is never split: the line before it falls short by the number's width
    lows = [b - max(8, b // 5) for b in blocks]

    def full(i: int) -> bool:
        return lows[0] <= cols[i] <= blocks[0] + 4 or lows[1] <= chars[i] <= blocks[1] + 4

    def wrapped(i: int, j: int) -> bool:
        a, b = lines[i].rstrip(), lines[j].strip()
        if not a.strip() or not b or not full(i):
            return False
        if a[-1] in BREAK_AFTER or _row(a) or _row(b) or "\t" in a + b:
            return False
        if OPENER.match(b) and not _mid_clause(a):
            return False
        # a numbered title as wide as the block ("（三）一般公共预算财政拨款支出决算具体情况") ends
        # there: the body starts on the next line
        if OPENER.match(a) and not PROSE_PUNCT.search(a):
            return False
        return not (ASCII_ALNUM.match(a[-1]) and ASCII_ALNUM.match(b[0]))

    joins = {k for k in range(len(kept) - 1) if wrapped(kept[k], kept[k + 1])}
    if len(joins) < MIN_WRAPPED or len(joins) < len(prose) * MIN_SHARE:
        return None
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    out: list[str] = []
    cuts: list[tuple[int, int]] = []
    pos = 0  # length of the text built so far
    if kept[0]:  # furniture before the first kept line
        cuts.append((0, starts[kept[0]]))
    for k, i in enumerate(kept):
        line = lines[i]
        if k:
            gap = starts[i] - (starts[kept[k - 1]] + len(lines[kept[k - 1]]))  # "\n" + furniture lines
            if k - 1 in joins:
                tail = len(out[-1]) - len(out[-1].rstrip())
                out[-1] = out[-1].rstrip()
                pos -= tail
                line = line.lstrip()
                cuts.append((pos, tail + gap + len(lines[i]) - len(line)))
            else:
                out.append("\n")
                pos += 1
                if gap > 1:
                    cuts.append((pos, gap - 1))
        out.append(line)
        pos += len(line)
    return Unwrapped("".join(out), _merge(cuts))


def _merge(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for at, n in cuts:
        if n <= 0:
            continue
        if out and out[-1][0] == at:
            out[-1] = (at, out[-1][1] + n)
        else:
            out.append((at, n))
    return out
