"""Shared sentence and look-back helpers: where a figure's sentence starts and ends, the figures
before one (at most LOOK_BACK), and how a stage or period asked for matches a figure's qualifiers.

In "支出合计120.00万元，比上年增加10.00万元。" both amounts are in one sentence; a figure after the 。 is not.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator

from lint.model import Figure
from lint.structure.relations.patterns import SENTENCE_END
from lint.vocab import open_brackets


def _in_open_bracket(text: str, start: int, pos: int) -> bool:
    """Is pos inside a bracket opened after start and not yet closed?"""
    return open_brackets(text[start:pos]) > 0


def _sentences(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    """The (start, end) of every sentence that holds a figure."""
    spans: list[tuple[int, int]] = []
    for f in figures:
        if spans and spans[-1][0] <= f.start < spans[-1][1]:
            continue
        spans.append((_sentence_start(text, f.start), _sentence_end(text, f.end)))
    return spans


# A sentence is read at most this far either side of a figure: a "sentence" of 30,000 characters
# is no prose, and an unbounded one made every look-back quadratic (issue 11).
SENTENCE_REACH = 2000


@functools.lru_cache(maxsize=4)
def _stops(text: str) -> list[int]:
    """Offsets of the sentence ends in `text`, once per document (SENTENCE_END is one character)."""
    return [m.start() for m in SENTENCE_END.finditer(text)]


def _sentence_end(text: str, pos: int) -> int:
    stops = _stops(text)
    k = bisect.bisect_left(stops, pos)
    end = stops[k] if k < len(stops) else len(text)
    return min(end, pos + SENTENCE_REACH)


def _sentence_start(text: str, pos: int) -> int:
    stops = _stops(text)
    k = bisect.bisect_left(stops, pos)
    start = stops[k - 1] + 1 if k else 0
    return max(start, pos - SENTENCE_REACH)


def _same_sentence(text: str, a: Figure, b: Figure) -> bool:
    lo, hi = (a, b) if a.start < b.start else (b, a)
    if hi.start - lo.end > SENTENCE_REACH:
        return False
    stops = _stops(text)
    k = bisect.bisect_left(stops, lo.end)
    return k == len(stops) or stops[k] >= hi.start


# How many figures back a relation looks for its other member: a base or a part 40 figures away is no
# reading of a sentence, and a look-back to the sentence start made long lists quadratic (issue 11).
LOOK_BACK = 40


def _before(figures: list[Figure], i: int) -> Iterator[Figure]:
    """figures[i-1], figures[i-2], … (at most LOOK_BACK of them) without copying the list."""
    for j in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
        yield figures[j]


def _previous(figures: list[Figure], i: int, text: str, pred: Callable[[Figure], bool]) -> Figure | None:
    f = figures[i]
    for x in _before(figures, i):
        if not _same_sentence(text, x, f):
            return None
        if pred(x):
            return x
    return None


def _all_previous(figures: list[Figure], i: int, text: str, pred: Callable[[Figure], bool]) -> list[Figure]:
    """Every figure before figures[i] in its sentence that `pred` accepts, nearest first."""
    out: list[Figure] = []
    f = figures[i]
    for x in _before(figures, i):
        if not _same_sentence(text, x, f):
            break
        if pred(x):
            out.append(x)
    return out


def _next(figures: list[Figure], i: int, text: str, pred: Callable[[Figure], bool]) -> Figure | None:
    f = figures[i]
    for j in range(i + 1, len(figures)):
        x = figures[j]
        if not _same_sentence(text, f, x):
            return None
        if pred(x):
            return x
    return None


def _between(figures: list[Figure], a: Figure, b: Figure, pred: Callable[[Figure], bool]) -> bool:
    for j in range(bisect.bisect_right(figures, a.start, key=lambda x: x.start), len(figures)):
        x = figures[j]
        if x.start >= b.start:
            return False
        if pred(x):
            return True
    return False


def _names_same(label: str, wanted: set[str]) -> bool:
    """A label names one of `wanted`, allowing a leading qualifier of 2–4 characters (本部门, 本单位)."""
    return any(label == w or (len(w) >= 4 and label.endswith(w) and len(label) - len(w) <= 4) for w in wanted)


def _matches(f: Figure, stage: str | None, period: str | None) -> bool:
    q = f.qualifiers
    return (stage is None or q.stage == stage) and (period is None or q.period == period)


def _normal_period(period: str | None, year: int | None) -> str | None:
    if period and period.isdigit() and year:
        return {year: "current", year - 1: "previous"}.get(int(period), period)
    return period


def _stage_matches(stage: str | None, wanted: str) -> bool:
    if wanted == "budget":
        return stage in ("budget", "initial", "adjusted")
    return stage == wanted
