"""An independent, hand-written model of every relation the sample report states (domain.md §5).

The property test mutates one figure of the seed, asks this oracle whether any relation broke (with
the SPEC §4 interval rule, implemented here separately from lint/checks/tolerance.py), and
compares with what the linter reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "report-2024.txt"
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万元|元|%|人|个|件|条)")


@dataclass(frozen=True)
class Occ:
    """A figure occurrence: its line, its text and which occurrence of that text on the line."""

    line: int
    text: str
    nth: int = 0


def occurrences(text: str) -> dict[Occ, int]:
    """Occ → offset of the number in `text`."""
    out: dict[Occ, int] = {}
    offset = 0
    for no, line in enumerate(text.split("\n"), start=1):
        seen: dict[str, int] = {}
        for m in FIGURE.finditer(line):
            k = seen.get(m.group(0), 0)
            seen[m.group(0)] = k + 1
            out[Occ(no, m.group(0), k)] = offset + m.start()
        offset += len(line) + 1
    return out


def interval(text: str) -> tuple[Decimal, Decimal]:
    """Interval of a written figure in base units (元, %, persons)."""
    m = FIGURE.fullmatch(text)
    assert m, text
    num, unit = m.groups()
    v = Decimal(num)
    d = len(num.split(".")[1]) if "." in num else 0
    if unit in ("人", "个", "件", "条"):
        return v, v
    if unit == "万元":
        d = max(d, 2)  # a 2-decimal 万元 document: 5万元 stands for [4.995, 5.005]
        h = Decimal(1).scaleb(-d) / 2 * 10000
        return v * 10000 - h, v * 10000 + h
    h = Decimal(1).scaleb(-d) / 2
    if unit == "%":
        return v - h, v + 2 * h  # rounded or truncated
    return v - h, v + h


At = Occ
# (kind, members). sum: total, *parts; diff: a, b, d (a − b = d); share: part, whole, pct;
# rate: d, base, pct; avg: total, count, avg; eq: two occurrences of one fact; shares100: pcts.
RELATIONS: list[tuple[str, list[Occ]]] = [
    ("diff", [At(31, "1210.48万元"), At(31, "732.74万元"), At(31, "477.74万元")]),
    ("rate", [At(31, "477.74万元"), At(31, "1210.48万元"), At(31, "39.47%")]),
    ("diff", [At(35, "732.74万元"), At(35, "477.33万元"), At(35, "255.41万元")]),
    (
        "sum",
        [
            At(39, "732.74万元"),
            At(39, "268.27万元"),
            At(39, "296.52万元"),
            At(39, "0.45万元"),
            At(39, "167.5万元"),
        ],
    ),
    ("share", [At(39, "268.27万元"), At(39, "732.74万元"), At(39, "36.61%")]),
    ("share", [At(39, "296.52万元"), At(39, "732.74万元"), At(39, "40.47%")]),
    ("share", [At(39, "0.45万元"), At(39, "732.74万元"), At(39, "0.06%")]),
    ("share", [At(39, "167.5万元"), At(39, "732.74万元"), At(39, "22.86%")]),
    ("avg", [At(43, "0.14万元"), At(43, "10人"), At(43, "139.4元")]),
    ("sum", [At(51, "732.74万元"), At(51, "332.11万元"), At(51, "400.63万元")]),
    ("sum", [At(51, "332.11万元"), At(51, "268.72万元"), At(51, "63.39万元")]),
    (
        "sum",
        [At(51, "268.72万元")]
        + [
            At(51, t)
            for t in (
                "104.32万元",
                "20.32万元",
                "64.14万元",
                "34.32万元",
                "24.89万元",
                "13.48万元",
                "0.74万元",
                "6.06万元",
            )
        ]
        + [At(51, "0.45万元")],
    ),
    (
        "sum",
        [At(51, "63.39万元")]
        + [
            At(51, t)
            for t in ("32.01万元", "12.61万元", "0.66万元", "1.42万元", "5万元", "0.14万元", "11.55万元")
        ],
    ),
    (
        "sum",
        [At(51, "400.63万元")]
        + [At(51, t) for t in ("33.08万元", "79.74万元", "199.30万元", "20.5万元", "47.00万元", "21.01万元")],
    ),
    ("sum", [At(62, "0.79万元"), At(62, "0元"), At(62, "0.79万元", 1), At(62, "0万元")]),
    ("sum", [At(62, "0.14万元"), At(62, "0万元", 1), At(62, "0.14万元", 1), At(62, "0万元", 2)]),
    (
        "sum",
        [At(65, "400.63万元")]
        + [At(65, t) for t in ("33.08万元", "79.74万元", "199.30万元", "20.5万元", "47.00万元", "21.01万元")],
    ),
    # a bare 其中 of items that are no known complete split: a shortfall is FL203 (warning), an excess FL201
    ("sum", [At(84, "9571条"), At(84, "36条"), At(84, "171条"), At(84, "183条"), At(84, "9181条")]),
    # the same fact written twice
    ("eq", [At(39, "268.27万元"), At(58, "268.27万元")]),
    ("eq", [At(39, "296.52万元"), At(60, "296.52万元")]),
    ("eq", [At(43, "0.79万元"), At(62, "0.79万元")]),
    ("eq", [At(43, "0.14万元"), At(62, "0.14万元")]),
    ("eq", [At(62, "0.14万元", 1), At(51, "0.14万元")]),
    ("eq", [At(83, "17个"), At(83, "17个", 1)]),
    ("eq", [At(51, "400.63万元"), At(65, "400.63万元")]),
]
RELATIONS += [
    ("eq", [At(51, t), At(65, t)])
    for t in ("33.08万元", "79.74万元", "199.30万元", "20.5万元", "47.00万元", "21.01万元")
]

# The count relation (内设机构为7个 lists seven names) is exact and handled by the test directly.
COUNT = At(11, "7个")

# Figures nothing constrains (domain.md §5): changing them must raise nothing.
UNCONSTRAINED = [
    At(81, "26个"),
    At(81, "639个"),
    At(81, "1417件"),
    At(81, "20个"),
    At(83, "11个"),
    At(83, "18211件"),
    At(83, "80%"),
    At(83, "55%"),
    At(83, "60%"),
    At(84, "4个"),
    At(84, "64个"),
    At(89, "121个"),
    At(11, "26人"),
    At(11, "26人", 1),
    At(11, "23人"),
    At(45, "0万元"),
    At(47, "0万元"),
]


def _meet(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _div(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal] | None:
    if b[0] <= 0 <= b[1]:
        return None
    q = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]]
    return min(q), max(q)


def holds(kind: str, ivs: list[tuple[Decimal, Decimal]]) -> bool:
    if kind == "sum":
        lo = sum((i[0] for i in ivs[1:]), Decimal(0))
        hi = sum((i[1] for i in ivs[1:]), Decimal(0))
        return _meet(ivs[0], (lo, hi))
    if kind == "diff":
        a, b, d = ivs
        return _meet((a[0] - b[1], a[1] - b[0]), d)
    if kind in ("share", "rate"):
        q = _div(ivs[0], ivs[1])
        return q is None or _meet((q[0] * 100, q[1] * 100), ivs[2])
    if kind == "avg":
        q = _div(ivs[0], ivs[1])
        return q is None or _meet(q, ivs[2])
    if kind == "eq":
        return _meet(ivs[0], ivs[1])
    raise ValueError(kind)


def _same_writing(a: str, b: str) -> bool:
    ma, mb = FIGURE.fullmatch(a), FIGURE.fullmatch(b)
    assert ma and mb
    da = len(ma.group(1).split(".")[1]) if "." in ma.group(1) else 0
    db = len(mb.group(1).split(".")[1]) if "." in mb.group(1) else 0
    if ma.group(2) == "万元":
        da, db = max(da, 2), max(db, 2)
    return ma.group(2) == mb.group(2) and da == db


def broken_relations(texts: dict[Occ, str]) -> list[tuple[str, list[Occ]]]:
    """Relations that fail when each occurrence is written as texts[occ]."""
    out = []
    for kind, members in RELATIONS:
        if kind == "eq" and _same_writing(texts[members[0]], texts[members[1]]):
            # one fact written twice at the same precision: the two must read the same
            if Decimal(FIGURE.fullmatch(texts[members[0]]).group(1)) != Decimal(  # type: ignore[union-attr]
                FIGURE.fullmatch(texts[members[1]]).group(1)  # type: ignore[union-attr]
            ):
                out.append((kind, members))
            continue
        if not holds(kind, [interval(texts[m]) for m in members]):
            out.append((kind, members))
    return out


def constrained() -> list[Occ]:
    seen: list[Occ] = []
    for _, members in RELATIONS:
        for m in members:
            if m not in seen:
                seen.append(m)
    return [*seen, COUNT]
