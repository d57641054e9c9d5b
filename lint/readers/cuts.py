"""Text with spans of the file's own text removed, and the map back: the `cuts` a Document keeps.

A reader that drops noise (page furniture, the spaces of spaced-out letters) must not move any
location: every cut is recorded as (offset in the new text, source characters removed just before
it), the form `Document.source_offset` reads. Two passes compose into one list of cuts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass
class Edited:
    text: str
    cuts: list[tuple[int, int]]  # (offset in text, chars of the input removed just before it)


def delete_spans(text: str, spans: list[tuple[int, int]]) -> Edited:
    """`text` without the (start, end) spans (sorted, not overlapping)."""
    parts: list[str] = []
    cuts: list[tuple[int, int]] = []
    pos = 0  # in the input
    size = 0  # of the output so far
    for start, end in spans:
        if end <= start or start < pos:
            continue
        parts.append(text[pos:start])
        size += start - pos
        if cuts and cuts[-1][0] == size:
            cuts[-1] = (size, cuts[-1][1] + end - start)
        else:
            cuts.append((size, end - start))
        pos = end
    parts.append(text[pos:])
    return Edited("".join(parts), cuts)


def _shift(cuts: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    at, total, sums = [], 0, []
    for a, n in cuts:
        total += n
        at.append(a)
        sums.append(total)
    return at, sums


def _map(at: list[int], sums: list[int], offset: int) -> int:
    k = bisect.bisect_right(at, offset)
    return offset + (sums[k - 1] if k else 0)


def compose(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cuts of a text edited twice: `first` maps text1 → source, `second` maps text2 → text1."""
    if not first:
        return list(second)
    if not second:
        return list(first)
    at1, sum1 = _shift(first)
    at2, sum2 = _shift(second)

    def removed(o: int) -> int:  # source chars removed before text2[o]
        return _map(at1, sum1, _map(at2, sum2, o)) - o

    points = set(at2)
    for a in at1:
        # the first offset of text2 that maps at or after text1's cut point
        lo, hi = 0, a
        while lo < hi:
            mid = (lo + hi) // 2
            if _map(at2, sum2, mid) >= a:
                hi = mid
            else:
                lo = mid + 1
        points.add(lo)
    out: list[tuple[int, int]] = []
    before = 0
    for p in sorted(points):
        now = removed(p)
        if now > before:
            out.append((p, now - before))
            before = now
    return out
