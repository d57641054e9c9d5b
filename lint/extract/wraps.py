"""Soft line breaks: a report saved as text from a PDF keeps the PDF's lines, so a sentence — and the
list of parts it states — runs on across a newline ("其中：公务接待费3.12万元，公务用⏎车运行维护费
15.24万元"). Read as a paragraph end, that newline cuts the list, and the parts on the next line go
missing: a false sum error.

`unwrap` gives the same text with every newline that only wraps a full-width line replaced by one
joiner character, so offsets (and hence line numbers, taken from the document) stay as they are. Only
extraction and the relation readers see it; headings, layout and hygiene keep reading the lines.

A newline wraps a line when the line is as wide as the report's body lines (the measure the text was
set to), does not end a sentence, is not a table row, and the next line opens no heading, list item
or page furniture. A report written one paragraph a line has no measure and is left alone.
"""

from __future__ import annotations

import unicodedata

import regex

JOIN = "\u2060"  # WORD JOINER: one character in place of "\n", so every offset holds

MIN_BODY = 40  # display columns (20 汉字): shorter lines are headings, table rows, signatures
FULL = 0.8  # a line at least this share of the measure is full
MIN_FULL_LINES = 3  # lines at the measure needed before the text counts as wrapped at all
ENDS_SENTENCE = tuple("。！!？?：:；;")
# what may open a line of its own: numbering, bullets, notes, page numbers and footers
OPENS_BLOCK = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．)）](?!\d)"
    r"|第[一二三四五六七八九十\d]+|[①-⑳]|附件|附表|注[:：]|备注|[—–\-]+\s*\d+\s*[—–\-]+|\d+\s*$"
    r"|第\s*\d+\s*页)"
)
WORD_CHAR = regex.compile(r"[\p{Han}A-Za-z“”‘’]")
NUMBER_CELL = regex.compile(r"(?:^|\s)[-−]?\d[\d,]*(?:\.\d+)?%?(?=\s|$)")
CELL_SEPARATOR = regex.compile(r"[|｜\t\u3000]|\S {2,}\S")  # pipes, tabs, wide gaps: a table row


# "642.3⏎万元": a line that opens with a unit continues the number the line before ends with
UNIT_OPENS = regex.compile(r"(?:万元|亿元|元|%|％|个百分点)(?![\p{Han}]{0,1}[：:])")
# "其中：人员经费⏎235.16万元": a clause that stops after a label, then an amount opening the next line
LABEL_END = regex.compile(r"(?:其中|包括|分别为)?[：:，,]?\p{Han}{2,12}$")
LABEL_END_LONGEST = 3 + 1 + 12  # a LABEL_END match is in a line's last 16 characters: it is searched there
PROSE_CLAUSE = regex.compile(
    r"\d[\d.,]*\s*(?:万元|亿元|元)[，,；;]?[^。；;！!？?]*(?:其中|包括|分别为)?[：:，,][^。；;！!？?\d]*$"
)
AMOUNT_OPENS = regex.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)(?:[，,。；;、）)]|$)")


class _Widths(dict[str, int]):
    """Display width of each character met so far (2 for East Asian wide/full-width): a line's width
    is then a sum over a C-level map. Only the Basic Multilingual Plane is kept (≤ 65,536 entries)."""

    def __missing__(self, c: str) -> int:
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if ord(c) < 0x10000:
            self[c] = w
        return w


_WIDTHS = _Widths()


def _width(s: str) -> int:
    return sum(map(_WIDTHS.__getitem__, s))


def _measure(widths: list[int]) -> int | None:
    """The width body lines were set to: the most common width among the long lines, or None when
    too few lines share it (one paragraph a line, a typed report)."""
    body = sorted(w for w in widths if w >= MIN_BODY)
    if len(body) < MIN_FULL_LINES:
        return None
    top = body[int(len(body) * 0.8)] if len(body) > 4 else body[-1]
    near = [w for w in body if FULL * top <= w <= top / FULL]
    return top if len(near) >= MIN_FULL_LINES else None


def _cut_figure(body: str, nxt: str) -> bool:
    """A newline inside one figure or between a label and its figure, whatever the text's measure:
    "…减少了642.3⏎万元" (a number, then its unit on the next line) or "其中：人员经费⏎235.16万元" (a clause
    stopped after its label, the amount opening the next line). Neither can end a clause."""
    if CELL_SEPARATOR.search(body) or CELL_SEPARATOR.search(nxt):
        return False
    if body[-1:].isdigit() and UNIT_OPENS.match(nxt):
        return True
    return bool(
        LABEL_END.search(body, max(0, len(body) - LABEL_END_LONGEST))
        and PROSE_CLAUSE.search(body)
        and not OPENS_BLOCK.match(body)
        and AMOUNT_OPENS.match(nxt)
    )


def soft_breaks(text: str) -> list[int]:
    """Offsets of the newlines that only wrap a line."""
    lines = text.split("\n")
    widths = [_width(ln.strip()) for ln in lines]
    measure = _measure(widths)
    out: list[int] = []
    pos = 0
    for i, ln in enumerate(lines[:-1]):
        end = pos + len(ln)
        body = ln.strip()
        nxt = lines[i + 1]
        cut = bool(body) and bool(nxt.strip()) and not nxt[:1].isspace() and _cut_figure(body, nxt.strip())
        if cut or (
            measure is not None
            and body
            and widths[i] >= FULL * measure
            and not body.endswith(ENDS_SENTENCE)
            and nxt.strip()
            and not nxt[:1].isspace()  # an indented line opens a paragraph (or is page furniture)
            and not OPENS_BLOCK.match(nxt)
            # a flattened table row: cells split by single spaces, or columns of numbers
            and len(body.split()) < 4
            and len(NUMBER_CELL.findall(body)) < 3
            and not CELL_SEPARATOR.search(body)
            and not CELL_SEPARATOR.search(nxt.strip())
        ):
            out.append(end)
        pos = end + 1
    return out


def unwrap(text: str) -> str:
    """The text with its soft line breaks joined (same length). A word cut by the break is made whole
    ("支⏎出率87.72%" → "支出率⁠87.72%"): the joiner moves to the end of the word, before any number
    or punctuation, so no figure moves and the words around it read as written."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        end = at
        while end + 1 < len(chars) and WORD_CHAR.match(chars[end + 1]):
            chars[end] = chars[end + 1]
            end += 1
        chars[end] = JOIN
    return "".join(chars)
