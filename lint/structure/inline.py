"""Numbered items written inside a paragraph (“主要包括：1．…；2．…；3．…”).

A numbering gap between two headings is no gap when the missing numbers are written, in order,
in the text between them. Every place a level's number is written is found here once, so the
numbering check can ask without reading the text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from lint.structure.sections import CN, FULL_DIGITS, cn_numeral

# How a number is written inside a line at each level; the lookarounds keep "十一、" from being a
# "一、" and "2024.5" from being a "4." (the same as the per-number patterns these replace). A marker
# is at most 9 characters (_value rejects longer ones), so overlapped matching stays linear on a
# run of thousands of digits.
WRITTEN: dict[int, regex.Pattern[str]] = {
    0: regex.compile(rf"第(?P<w>[{CN}0-9]{{1,9}})部分"),
    1: regex.compile(rf"(?<![{CN}])(?P<w>[{CN}0-9]{{1,9}})[、．.]"),
    2: regex.compile(rf"[（(](?P<w>[{CN}0-9]{{1,9}})[）)]"),
    # (the lookahead first: the scan then skips to digits instead of trying the look-behind everywhere)
    3: regex.compile(r"(?=[0-9０-９])(?<![0-9０-９.．])(?P<w>[0-9]{1,9}|[０-９]{1,9})[、．.](?![0-9０-９])"),
    4: regex.compile(r"[（(](?P<w>[0-9]{1,9}|[０-９]{1,9})[）)]"),
    5: regex.compile(r"(?P<w>[①-⑳])"),
}
CN_VALUE = {cn_numeral(n): n for n in range(1, 100)}
TO_ASCII = str.maketrans(FULL_DIGITS, "0123456789")


@dataclass(frozen=True)
class InlineItem:
    number: int
    start: int  # offsets of the whole marker, e.g. "（二）"
    end: int


@dataclass
class InlineItems:
    """level → the numbers written at that level, in text order."""

    by_level: dict[int, list[InlineItem]] = field(default_factory=dict)

    def listed(self, level: int, start: int, end: int, numbers: range) -> bool:
        """Are `numbers` all written, in order, between offsets start and end?"""
        items = self.by_level.get(level, [])
        pos = start
        for n in numbers:
            i = bisect.bisect_left(items, pos, key=lambda it: it.start)
            while i < len(items) and items[i].start < end and (items[i].number != n or items[i].end > end):
                i += 1
            if i == len(items) or items[i].start >= end:
                return False
            pos = items[i].end
        return True


def _value(level: int, written: str) -> int | None:
    """The number a marker writes, only in its canonical form (not "01", not "十〇")."""
    if level == 5:
        return ord(written) - ord("①") + 1
    if len(written) > 9:  # no heading is numbered that high
        return None
    if level >= 3:
        digits = written.translate(TO_ASCII)
        return int(digits) if digits == str(int(digits)) else None
    if written in CN_VALUE:
        return CN_VALUE[written]
    if written.isascii() and written.isdigit() and written == str(int(written)) and int(written) >= 100:
        return int(written)
    return None


def inline_items(text: str) -> InlineItems:
    out = InlineItems()
    for level, pattern in WRITTEN.items():
        items: list[InlineItem] = []
        for m in pattern.finditer(text, overlapped=True):
            n = _value(level, m.group("w"))
            if n is not None:
                items.append(InlineItem(n, m.start(), m.end()))
        out.by_level[level] = items
    return out
