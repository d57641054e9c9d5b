"""Interval arithmetic (SPEC §4; XBRL Calculations 1.1 round-to-nearest).

A written figure stands for every value that rounds to it: 268.27 → [268.265, 268.275]. A
percentage may also have been truncated: 9.55 → [9.545, 9.56]. Counts of people and items are exact.
A relation fails only when the intervals cannot meet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lint.model import Figure

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @classmethod
    def point(cls, v: Decimal) -> Interval:
        return cls(v, v)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, k: Decimal) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def __truediv__(self, other: Interval) -> Interval | None:
        """None when the divisor may be zero (the ratio is undefined)."""
        if other.lo <= 0 <= other.hi:
            return None
        qs = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(qs), max(qs))

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def gap(self, other: Interval) -> Decimal:
        """Distance between two intervals (0 when they meet)."""
        if self.meets(other):
            return ZERO
        return other.lo - self.hi if other.lo > self.hi else self.lo - other.hi

    def contains(self, v: Decimal) -> bool:
        return self.lo <= v <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def __str__(self) -> str:
        return f"[{_fmt(self.lo)}, {_fmt(self.hi)}]"

    def show(self, like: Figure) -> str:
        """The interval in the unit of `like`, to a few decimals past its precision: [268.715, 268.725]."""
        places = max(like.precision, 2) + 2
        lo, hi = self.lo / like.scale, self.hi / like.scale
        # a finer writing in a coarser unit (513,200元 in 万元) needs more places to show its width
        while True:
            q = Decimal(1).scaleb(-places)
            qlo, qhi = lo.quantize(q), hi.quantize(q)
            if qlo != qhi or lo == hi or places >= 10:
                return f"[{_fmt(qlo)}, {_fmt(qhi)}]"
            places += 1


def _fmt(v: Decimal) -> str:
    return format(v.normalize(), "f")


def unit_of(f: Figure) -> Decimal:
    """One unit of the figure's last decimal, in base units (元 for money)."""
    return Decimal(1).scaleb(-f.precision) * f.scale


def interval_sum(figures: Iterable[Figure], extra: Decimal = ZERO) -> Interval:
    """The values a sum of written figures stands for: each figure's own interval, added."""
    s = Interval.point(ZERO)
    for f in figures:
        s = s + interval(f, extra)
    return s


def interval(f: Figure, extra: Decimal = ZERO) -> Interval:
    """The values a written figure stands for, in base units. `extra` widens it (config)."""
    v = f.value * f.scale
    if f.exact:
        return Interval(v - extra, v + extra)
    half = unit_of(f) / 2
    if f.dimension in ("percent", "points"):
        # rounded or truncated: [v − ½u, v + u] (for negative rates mirror it)
        if v < 0:
            return Interval(v - 2 * half - extra, v + half + extra)
        return Interval(v - half - extra, v + 2 * half + extra)
    return Interval(v - half - extra, v + half + extra)


def fmt_value(v: Decimal, like: Figure, places: int | None = None) -> str:
    """A base-unit value written in the unit and precision of `like`: 2688100 → '268.81万元'."""
    places = like.precision if places is None else places
    q = (v / like.scale).quantize(Decimal(1).scaleb(-places)) if places >= 0 else v / like.scale
    if q == 0:
        q = abs(q)
    return f"{q}{like.unit}"


def fmt_plain(v: Decimal, like: Figure, places: int | None = None) -> str:
    places = like.precision if places is None else places
    q = (v / like.scale).quantize(Decimal(1).scaleb(-places))
    if q == 0:
        q = abs(q)
    return str(q)
