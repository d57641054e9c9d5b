"""Page furniture inside a text saved from a PDF: page numbers ("- 3 -", "第 3 页 共 20 页") and the
running header (the title repeated at the top of a page) stand where a page broke, often in the
middle of a sentence ("…社会保障和就业支出⏎- 2 -⏎312.52万元，…"). Left in, they cut the sentence
(a breakdown loses its later parts) or stick to a label ("-3-邮电费"). They are dropped, as cuts, so
every location stays the file's; when they stood inside a sentence, its two halves are joined.

readers/unwrap.py drops furniture from a hard-wrapped text; this pass also serves a text written one
paragraph a line, and furniture inside a line.
"""

from __future__ import annotations

import regex

from lint.readers.cuts import Edited, delete_spans
from lint.readers.unwrap import OPENER

DASH = "-—–－"
PAGE_INFO = (
    rf"(?:[{DASH}]\s*\d{{1,4}}\s*[{DASH}]"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}\s*页?)"
)
PAGE_LINE = regex.compile(rf"\s*{PAGE_INFO}\s*")
TRAILING_PAGE = regex.compile(rf"\s*{PAGE_INFO}\s*$")
# inside a line, only the forms no sentence writes: "… - 3 - …" set apart (not after a number: a
# range "80 - 90 - 100分"), "第3页 共20页"
INLINE = regex.compile(
    rf"(?<!\d)[ \u3000]+[{DASH}][ \u3000]?\d{{1,3}}[ \u3000]?[{DASH}](?=[ \u3000])"
    r"|[ \u3000]*第\s*\d{1,4}\s*页\s*[，,/／]?\s*共\s*\d{1,4}\s*页"
)
ENDS_SENTENCE = tuple("。！？；：!?;:")
MIN_TITLE = 6  # a shorter first line (a bare name) is too common to be taken for a running header


SPACE_RUN = regex.compile(r"\s+")


def _squash(s: str) -> str:
    return SPACE_RUN.sub("", s)


def drop_furniture(text: str) -> Edited:
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    title = _squash(lines[first]) if first is not None else ""
    spans: list[tuple[int, int]] = []
    drop: set[int] = set()
    for i, ln in enumerate(lines):
        if i == first or not ln.strip():
            continue
        if PAGE_LINE.fullmatch(ln):
            drop.add(i)
        elif len(title) >= MIN_TITLE and title[0] in ln:  # a running header starts as the title does
            bare = TRAILING_PAGE.sub("", ln)
            if _squash(bare) == title:
                drop.add(i)
    for i, k in _blocks(sorted(drop)):
        before, after = i - 1, k + 1
        mid_sentence = (
            before >= 0
            and after < len(lines)
            and lines[before].strip()
            and not lines[before].rstrip().endswith(ENDS_SENTENCE)
            and lines[after].strip()
            and not OPENER.match(lines[after])
        )
        # the lines and their newlines; inside a sentence also the newline before them (the halves join)
        start = starts[i] - 1 if mid_sentence else starts[i]
        spans.append((start, min(starts[k + 1], len(text))))
    for i, ln in enumerate(lines):
        if i in drop:
            continue
        for m in INLINE.finditer(ln):
            spans.append((starts[i] + m.start(), starts[i] + m.end()))
    spans.sort()
    return delete_spans(text, spans)


def _blocks(rows: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive line numbers as (first, last)."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out
