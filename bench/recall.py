"""Seeded-error recall benchmark: single-figure mutations of real report text.

Run from the repository root:

    .venv/bin/python bench/recall.py                 # full run, writes bench/RECALL.md
    .venv/bin/python bench/recall.py --quick         # smaller samples (smoke run)
    .venv/bin/python bench/recall.py --families      # issue-12 families only (a few minutes): writes
                                                     # bench/RECALL-families.md and the measured
                                                     # "Still not read" list into bench/RECALL.md
    .venv/bin/python bench/recall.py --families --family 繁体   # one family's figures

For every input document (the seed, the Shanghai Putuo corpus PDFs, fixtures/reports/*.txt):

1. lint it clean and keep its error/warning findings as the baseline;
2. collect the relations the linter finds on the clean text: ``analyse().relations`` (sum, share,
   change, ratio, average, count and the table relations) plus those the checks build for
   themselves — prose repeat groups (``repeat_groups``) and fiscal identities;
3. mutate one figure at a time the way real drafts go wrong (two adjacent digits transposed, one
   digit changed, the last digit changed, the decimal point shifted, the direction word 增加↔减少
   flipped), edit ``Document.text`` (and the table cell, char boxes) at the figure's span, re-lint;
4. decide independently (interval rule of SPEC §4, re-implemented here) whether the mutation broke a
   relation the clean text satisfied, and classify what the linter said:
   detected (a new error/warning naming the figure), elsewhere (a new error/warning not naming it),
   info-only, missed, crash.

Only "hard" breaks count for recall: the intervals miss by more than one unit of the last decimal of
the coarsest figure compared (a one-cent slip inside a six-part sum is rounding, not an error).
Figures in no relation are mutated too (a fixed-seed sample); any new error/warning there is listed
for review, since such a change can break nothing the linter knows about.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lint.catalog import Catalog, load_catalog  # noqa: E402
from lint.engine import Options, lint_document, lint_file  # noqa: E402
from lint.extract import extract  # noqa: E402
from lint.model import Document, Figure, Finding, Relation, Severity, Table, TableCell  # noqa: E402
from lint.readers import read  # noqa: E402
from lint.structure import Analysis, analyse  # noqa: E402

SEED = ROOT / "fixtures" / "seed" / "report-2024.txt"
CORPUS = Path("/work/shared/corpus/shanghai-putuo")
REPORTS = ROOT / "fixtures" / "reports"
OUT = ROOT / "bench" / "RECALL.md"
RANDOM_SEED = 20240716

NUM = re.compile(r"[0-9０-９](?:[0-9０-９]|[,，](?=[0-9０-９]{3})|[.．](?=[0-9０-９]))*")
FULL = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
TO_FULL = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
DIRECTION_SWAP = {
    "增加": "减少",
    "减少": "增加",
    "增长": "下降",
    "下降": "增长",
    "上升": "下降",
    "增幅": "降幅",
    "降幅": "增幅",
    "节约": "超支",
    "超支": "节约",
}
DIRECTION_WINDOW = 6  # the word must end at most this many characters before the number
MUTATION_KINDS = ("transpose", "digit", "last", "shift", "direction")
KIND_ORDER = (
    "sum",
    "share",
    "share-implied",
    "change",
    "ratio",
    "defined-rate",
    "average",
    "count",
    "repeat",
    "table",
    "identity",
)
OUTCOMES = ("detected", "elsewhere", "info-only", "missed", "crash")
CONTEXT = 40
FAMILY_COUNTS: Counter[str] = Counter()  # issue-12 relations per family in the clean documents

# ---------------------------------------------------------------------------------------------------------
# Oracle: intervals (SPEC §4), re-implemented so the benchmark does not grade the linter with its own code


@dataclass(frozen=True)
class Iv:
    lo: Decimal
    hi: Decimal

    def __add__(self, o: Iv) -> Iv:
        return Iv(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Iv) -> Iv:
        return Iv(self.lo - o.hi, self.hi - o.lo)

    def times(self, k: Decimal) -> Iv:
        a, b = self.lo * k, self.hi * k
        return Iv(min(a, b), max(a, b))

    def div(self, o: Iv) -> Iv | None:
        if o.lo <= 0 <= o.hi:
            return None
        qs = [self.lo / o.lo, self.lo / o.hi, self.hi / o.lo, self.hi / o.hi]
        return Iv(min(qs), max(qs))

    def gap(self, o: Iv) -> Decimal:
        if self.lo <= o.hi and o.lo <= self.hi:
            return Decimal(0)
        return o.lo - self.hi if o.lo > self.hi else self.lo - o.hi


@dataclass(frozen=True)
class Val:
    """What the oracle needs of one written figure (possibly mutated)."""

    value: Decimal  # signed, in the written unit
    scale: Decimal
    precision: int
    dimension: str
    exact: bool
    direction: int

    @property
    def unit(self) -> Decimal:
        return Decimal(1).scaleb(-self.precision) * self.scale

    def iv(self) -> Iv:
        v = self.value * self.scale
        if self.exact:
            return Iv(v, v)
        u = self.unit
        if self.dimension in ("percent", "points"):  # rounded or truncated
            return Iv(v - u, v + u / 2) if v < 0 else Iv(v - u / 2, v + u)
        return Iv(v - u / 2, v + u / 2)

    def signed_iv(self) -> Iv:
        """A difference or rate with its direction word applied."""
        return self.iv().times(Decimal(self.direction or 1))


def val_of(f: Figure) -> Val:
    return Val(f.value, f.scale, f.precision, f.dimension, f.exact, f.direction)


OK, SOFT, HARD, UNCHECKABLE = "ok", "soft", "hard", "uncheckable"
RANK = {UNCHECKABLE: 0, OK: 1, SOFT: 2, HARD: 3}


def grade(a: Iv | None, b: Iv | None, unit: Decimal) -> str:
    """ok when the intervals meet; soft when they miss by at most one unit (尾差); hard beyond."""
    if a is None or b is None:
        return UNCHECKABLE
    g = a.gap(b)
    if g == 0:
        return OK
    return SOFT if g <= unit else HARD


def worst(states: Iterable[str]) -> str:
    out = UNCHECKABLE
    for s in states:
        if RANK[s] > RANK[out]:
            out = s
    return out


@dataclass
class Rel:
    """A relation of the clean document, as (role, figure start offset) members."""

    kind: str  # reporting kind: sum share change ratio average count repeat table identity
    sub: str  # the linter's kind: sum, table-sum, table-repeat, identity …
    members: list[tuple[str, int]]
    data: dict[str, object] = field(default_factory=dict)

    def role(self, name: str) -> int | None:
        return next((s for r, s in self.members if r == name), None)

    def roles(self, name: str) -> list[int]:
        return [s for r, s in self.members if r == name]


def evaluate(rel: Rel, vals: dict[int, Val]) -> str:
    """The state of one relation under the given figure values."""
    k = rel.sub
    if k in ("sum", "identity", "table-sum"):
        total = rel.role("total")
        parts = rel.roles("part")
        minus = rel.roles("minus")
        if total is None or not parts + minus:
            return UNCHECKABLE
        t = vals[total].iv()
        s = Iv(Decimal(0), Decimal(0))
        for p in parts:
            s = s + vals[p].iv()
        for p in minus:
            s = s - vals[p].iv()
        unit = max(vals[x].unit for x in [total, *parts, *minus])
        state = grade(t, s, unit)
        short = s.hi < t.lo
        if state != OK and short and k == "sum":
            if not rel.data.get("complete") or rel.data.get("partial"):
                return SOFT  # 含/主要包括/…等 name only some parts: short of the total is not an error
            if len(parts + minus) == 1 and not rel.data.get("hidden_zero"):
                return SOFT  # “X，其中Y”: one part of a larger whole
        return state
    if k == "share":
        part, whole, share = rel.role("part"), rel.role("whole"), rel.role("share")
        if part is None or whole is None or share is None:
            return UNCHECKABLE
        q = vals[part].iv().div(vals[whole].iv())
        return grade(q.times(Decimal(100)) if q else None, vals[share].iv(), vals[share].unit)
    if k == "change":
        cur, base, diff, rate = (rel.role(r) for r in ("current", "base", "difference", "rate"))
        states: list[str] = []
        computed: Iv | None = None
        if cur is not None and base is not None:
            computed = vals[cur].iv() - vals[base].iv()
        if diff is not None and computed is not None:
            states.append(grade(computed, vals[diff].signed_iv(), vals[diff].unit))
        if rate is not None:
            base_iv: Iv | None = None
            if base is not None:
                base_iv = vals[base].iv()
            elif cur is not None and diff is not None:
                base_iv = vals[cur].iv() - vals[diff].signed_iv()
            if computed is None and diff is not None:
                computed = vals[diff].signed_iv()
            if base_iv is not None and computed is not None:
                q = computed.div(base_iv)
                if q is not None:
                    states.append(grade(q.times(Decimal(100)), vals[rate].signed_iv(), vals[rate].unit))
        return worst(states)
    if k == "ratio":
        cur, base, ratio = rel.role("current"), rel.role("base"), rel.role("ratio")
        if cur is None or base is None or ratio is None:
            return UNCHECKABLE
        q = vals[cur].iv().div(vals[base].iv())
        return grade(q.times(Decimal(100)) if q else None, vals[ratio].iv(), vals[ratio].unit)
    if k == "average":
        total, count, avg = rel.role("total"), rel.role("count"), rel.role("average")
        if total is None or count is None or avg is None:
            return UNCHECKABLE
        # every count the average may be per (an unnamed unit, 在职 or 退休) and their sum are readings
        readings = [vals[c].iv() for c in [count, *rel.roles("alternative")]]
        pooled = rel.roles("pooled")
        if pooled:
            whole = Iv(Decimal(0), Decimal(0))
            for c in pooled:
                whole = whole + vals[c].iv()
            readings.append(whole)
        return min(
            (grade(vals[total].iv().div(c), vals[avg].iv(), vals[avg].unit) for c in readings),
            key=lambda st: RANK[st] if st != UNCHECKABLE else 9,
        )
    if k == "count":
        count = rel.role("count")
        items = rel.data.get("items")
        if count is None or not isinstance(items, list):
            return UNCHECKABLE
        n = vals[count].value
        if rel.data.get("etc"):
            # 等 ends a full list or means "and others": more names than N, or exactly one fewer, is
            # a break; two or more fewer is a sample
            return HARD if n < len(items) or n == len(items) + 1 else OK
        return OK if n == len(items) else HARD
    if k == "share-implied":
        parts, shares = rel.roles("part"), rel.roles("share")
        whole = Iv(Decimal(0), Decimal(0))
        for x in parts:
            whole = whole + vals[x].iv()
        out: list[str] = []
        for x, sh in zip(parts, shares, strict=False):
            q = vals[x].iv().div(whole)
            # shares of a balanced list may carry two last-place units of 舍位平衡
            out.append(grade(q.times(Decimal(100)) if q else None, vals[sh].iv(), 2 * vals[sh].unit))
        return worst(out)
    if k == "defined-rate":
        ratio, cur = rel.role("ratio"), rel.role("current")
        if ratio is None or cur is None or not rel.roles("base"):
            return UNCHECKABLE
        states = []
        for b in rel.roles("base"):
            q = vals[cur].iv().div(vals[b].iv())
            states.append(grade(q.times(Decimal(100)) if q else None, vals[ratio].iv(), vals[ratio].unit))
        return min(states, key=lambda st: RANK[st] if st != UNCHECKABLE else 9)
    if k == "latent-repeat":
        a, b = (x for _, x in rel.members)
        return grade(vals[a].iv(), vals[b].iv(), max(vals[a].unit, vals[b].unit))
    if k in ("latent-change", "latent-rate"):
        cur, base, stated = (x for _, x in rel.members)
        d = vals[cur].iv() - vals[base].iv()
        d = d.times(Decimal(1 if d.lo + d.hi >= 0 else -1))
        if k == "latent-change":
            return grade(d, vals[stated].iv(), vals[stated].unit)
        q = d.div(vals[base].iv())
        return grade(q.times(Decimal(100)) if q else None, vals[stated].iv(), vals[stated].unit)
    if k == "latent-share":
        part, whole, share = (x for _, x in rel.members)
        q = vals[part].iv().div(vals[whole].iv())
        return grade(q.times(Decimal(100)) if q else None, vals[share].iv(), vals[share].unit)
    if k == "latent-sum":
        total, *parts = (x for _, x in rel.members)
        sm = Iv(Decimal(0), Decimal(0))
        for x in parts:
            sm = sm + vals[x].iv()
        return grade(vals[total].iv(), sm, max(vals[x].unit for x in [total, *parts]))
    if k in ("repeat", "table-repeat"):
        figs = [s for _, s in rel.members]
        states = []
        for i, a in enumerate(figs):
            for b in figs[i + 1 :]:
                va, vb = vals[a], vals[b]
                if k == "repeat" and (va.scale, va.precision) == (vb.scale, vb.precision):
                    # SPEC §5 repeat: the same fact is written identically everywhere
                    states.append(OK if va.value == vb.value else HARD)
                else:
                    states.append(grade(va.iv(), vb.iv(), max(va.unit, vb.unit)))
        return worst(states)
    if k == "table-rate":
        rate, actual, budget = rel.role("rate"), rel.role("actual"), rel.role("budget")
        if rate is None or actual is None or budget is None:
            return UNCHECKABLE
        q = vals[actual].iv().div(vals[budget].iv())
        return grade(q.times(Decimal(100)) if q else None, vals[rate].iv(), vals[rate].unit)
    if k == "table-score":
        score, top = rel.role("score"), rel.role("max")
        if score is None or top is None:
            return UNCHECKABLE
        return OK if vals[score].iv().lo <= vals[top].iv().hi else HARD
    return UNCHECKABLE


# ---------------------------------------------------------------------------------------------------------
# Relations of the clean document


def reporting_kind(sub: str) -> str:
    return "table" if sub.startswith("table-") else sub


def collect_relations(a: Analysis, catalog: Catalog) -> tuple[list[Rel], list[str]]:
    """Every relation the linter builds on the clean text, and notes on sources that failed."""
    rels: list[Rel] = []
    notes: list[str] = []
    for r in a.relations:  # stated, identity-free and table relations alike
        rels.append(_rel(r.kind, r))
    try:
        from lint.checks import repeat as repeat_mod

        split = getattr(repeat_mod, "_split_by_heading_fund", None)
        for figs in repeat_mod.repeat_groups(a.figures, a.generic_labels).values():
            if len(figs) < 2:
                continue
            clusters = split(figs, a.heading_fund) if split else [figs]
            for cluster in clusters:
                if len(cluster) >= 2:
                    data: dict[str, object] = {}
                    if len({f.scale for f in cluster}) > 1:
                        data["family"] = "repeat across units"
                    rels.append(Rel("repeat", "repeat", [("figure", f.start) for f in cluster], data))
    except Exception as e:
        notes.append(f"repeat groups unavailable: {type(e).__name__}: {e}")
    try:
        from lint.checks.identity import _Index, _Static
        from lint.identities import identities_for

        ids = identities_for(catalog)
        index = _Index(_Static(a, ids.vocab), Decimal(0))
        for ident in ids.identities:
            if ident.applies_to and not any(w in index.title for w in ident.applies_to):
                continue
            for r in index.instances(ident):
                rels.append(_rel("identity", r))
    except Exception as e:
        notes.append(f"identities unavailable: {type(e).__name__}: {e}")
    try:
        from lint.checks.rate import relations as defined_rates

        rels += [_rel("defined-rate", r) for r in defined_rates(a, catalog)]
    except Exception as e:
        notes.append(f"defined rates unavailable: {type(e).__name__}: {e}")
    return rels, notes


def _rel(sub: str, r: Relation) -> Rel:
    data = dict(r.data)
    fam = family_of(sub, r)
    if fam:
        data["family"] = fam
    return Rel(reporting_kind(sub), sub, [(role, f.start) for role, f in r.members], data)


# ---------------------------------------------------------------------------------------------------------
# Latent relations: arithmetic the text states that the linter did not link (found by coincidence of
# written values around a figure in no relation). Only figures with three or more significant digits
# take part, so chance matches are rare; every example is listed in the report for review.

LATENT_NEAR = 200  # characters either side for change/share partners
LATENT_WHOLE = 1500  # characters back to look for the whole of a share
LATENT_SUM = 400  # characters forward for the parts of a sum
LATENT_MAX_PARTS = 10


def _sig(f: Figure) -> int:
    """Significant digits of the written value: 20.00 has one, 1511.89 six."""
    return len(abs(f.value).normalize().as_tuple().digits) if f.value else 0


def _solid(f: Figure) -> bool:
    return f.value != 0 and _sig(f) >= 3 and not f.qualifiers.approx


def latent_relations(a: Analysis, free: set[int]) -> list[Rel]:
    figs = sorted(a.figures, key=lambda f: f.start)
    vals = {f.start: val_of(f) for f in figs}
    money = [f for f in figs if f.dimension == "money" and f.value > 0]
    out: list[Rel] = []

    def holds(r: Rel) -> bool:
        return evaluate(r, vals) == OK

    for f in figs:
        if f.start not in free or not _solid(f):
            continue
        found: list[Rel] = []
        if f.dimension == "money":
            before = a.document.text[max(0, f.start - LATENT_NEAR) : f.start]
            ranked: list[tuple[int, Figure]] = []
            for g in money:
                if g is f or g.base_value != f.base_value:
                    continue
                if f.table is None and g.table is None:
                    if abs(g.start - f.start) >= 60 and g.label == f.label:
                        ranked.append((0, g))
                    continue
                row = g.raw_label.partition("｜")[0].strip() if g.table is not None else g.label
                ranked.append((1 if row and row in before else 2, g))
            if ranked:
                g = min(ranked, key=lambda x: x[0])[1]
                found.append(Rel("latent", "latent-repeat", [("a", f.start), ("b", g.start)]))
            near = [g for g in money if g is not f and abs(g.start - f.start) <= LATENT_NEAR]
            for x in near:
                for y in near:
                    if x is y or x.base_value <= y.base_value or f.base_value in (x.base_value, y.base_value):
                        continue
                    r = Rel(
                        "latent",
                        "latent-change",
                        [("current", x.start), ("base", y.start), ("stated", f.start)],
                    )
                    if holds(r):
                        found.append(r)
                        break
                if found and found[-1].sub == "latent-change":
                    break
            after = [
                g for g in money if f.start < g.start <= f.start + LATENT_SUM and g.base_value < f.base_value
            ]
            for n in range(2, min(LATENT_MAX_PARTS, len(after)) + 1):
                r = Rel("latent", "latent-sum", [("total", f.start)] + [("part", g.start) for g in after[:n]])
                if holds(r):
                    found.append(r)
                    break
        elif f.dimension == "percent" and 0 < f.value < 100:
            parts = [g for g in money if abs(g.start - f.start) <= LATENT_NEAR]
            wholes = [g for g in money if f.start - LATENT_WHOLE <= g.start <= f.start + LATENT_NEAR]
            for x in parts:
                for y in wholes:
                    if x is y or y.base_value <= 0:
                        continue
                    for sub, members in (
                        ("latent-share", [("part", x.start), ("whole", y.start), ("share", f.start)]),
                        ("latent-rate", [("current", x.start), ("base", y.start), ("rate", f.start)]),
                    ):
                        r = Rel("latent", sub, list(members))
                        if holds(r):
                            found.append(r)
                            break
                    if found:
                        break
                if found:
                    break
        for r in found:
            r.data["focus"] = f.start
        out += found
    return out


# ---------------------------------------------------------------------------------------------------------
# Mutations


@dataclass
class Mutation:
    doc: int
    fig: int  # start offset of the mutated figure (clean text)
    kind: str
    start: int  # span replaced in the clean text
    end: int
    new: str
    old: str
    val: Val | None  # the mutated figure's value for the oracle
    group: str  # related | latent (in no relation, but arithmetic ties it) | free


def number_span(text: str, f: Figure) -> tuple[int, int] | None:
    m = NUM.match(text, f.start)
    if m is None:
        return None
    raw = m.group().translate(FULL).replace(",", "")
    try:
        if Decimal(raw) != abs(f.value):
            return None
    except ArithmeticError:
        return None
    return m.start(), m.end()


def _digits(s: str) -> list[int]:
    return [i for i, c in enumerate(s) if c.translate(FULL).isdigit()]


def _as_written(plain: str, like: str) -> str:
    return plain.translate(TO_FULL) if any("０" <= c <= "９" for c in like) else plain


def _val(f: Figure, plain: str, direction: int | None = None) -> Val:
    raw = plain.translate(FULL).replace(",", "")
    value = Decimal(raw) * (-1 if f.value < 0 else 1)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return Val(
        value,
        f.scale,
        max(f.precision, decimals),
        f.dimension,
        f.exact,
        f.direction if direction is None else direction,
    )


def _leading_zero(s: str) -> bool:
    p = s.translate(FULL).replace(",", "")
    return len(p) > 1 and p[0] == "0" and p[1] != "."


def numeric_mutations(text: str, f: Figure, rng: random.Random) -> dict[str, tuple[int, int, str]]:
    """kind → (start, end, replacement) for the number of figure `f`."""
    span = number_span(text, f)
    if span is None:
        return {}
    s, e = span
    n = text[s:e]
    out: dict[str, tuple[int, int, str]] = {}
    pos = _digits(n)
    digit = [c.translate(FULL) for c in n]

    def put(chars: list[str]) -> str:
        return _as_written("".join(chars), n)

    pairs = [(i, j) for i, j in itertools.pairwise(pos) if j == i + 1 and digit[i] != digit[j]]
    rng.shuffle(pairs)
    for i, j in pairs:
        c = digit[:]
        c[i], c[j] = c[j], c[i]
        cand = put(c)
        if not _leading_zero(cand):
            out["transpose"] = (s, e, cand)
            break
    if len(pos) > 1:
        p = rng.choice(pos[:-1])
        choices = [d for d in "0123456789" if d != digit[p]]
        if p == pos[0]:
            choices = [d for d in choices if d != "0"]
        c = digit[:]
        c[p] = rng.choice(choices)
        out["digit"] = (s, e, put(c))
    p = pos[-1]
    c = digit[:]
    c[p] = rng.choice([d for d in "0123456789" if d != digit[p]])
    if not _leading_zero(put(c)):
        out["last"] = (s, e, put(c))
    plain = "".join(digit).replace(",", "")
    if Decimal(plain) != 0:
        whole, _, frac = plain.partition(".")
        if frac:  # ×10: the point one place right
            whole, frac = (whole + frac[0]).lstrip("0") or "0", frac[1:]
        elif len(whole) > 1:  # ÷10: a point before the last digit
            whole, frac = whole[:-1], whole[-1]
        else:
            whole = ""
        if whole:
            if "," in "".join(digit):
                whole = f"{int(whole):,}"
            out["shift"] = (s, e, put(list(whole + ("." + frac if frac else ""))))
    return out


def direction_mutation(text: str, f: Figure) -> tuple[int, int, str] | None:
    lo = max(0, f.start - DIRECTION_WINDOW - 2)
    window = text[lo : f.start]
    best: tuple[int, int, str] | None = None
    for word, swap in DIRECTION_SWAP.items():
        i = window.rfind(word)
        if i >= 0 and (best is None or lo + i > best[0]):
            best = (lo + i, lo + i + len(word), swap)
    return best


# ---------------------------------------------------------------------------------------------------------
# Editing a Document


def splice(doc: Document, start: int, end: int, new: str) -> Document:
    """The document with text[start:end] replaced; table cells and char boxes follow the edit."""
    delta = len(new) - (end - start)
    text = doc.text[:start] + new + doc.text[end:]

    def move(x: int) -> int:
        return x + delta if x >= end else x

    tables: list[Table] = []
    for t in doc.tables:
        if delta == 0 and not (t.start <= start < t.end or any(_touches(t, start, end))):
            tables.append(t)
            continue
        rows: list[list[TableCell | None]] = []
        for row in t.cells:
            out: list[TableCell | None] = []
            for c in row:
                if c is None:
                    out.append(None)
                    continue
                cs, ce = move(c.start), (c.end + delta if c.end >= end else c.end)
                if cs != c.start or ce != c.end or (c.start <= start and end <= c.end):
                    out.append(replace(c, start=cs, end=ce, text=text[cs:ce]))
                else:
                    out.append(c)
            rows.append(out)
        tables.append(
            replace(t, cells=rows, start=move(t.start), end=t.end + delta if t.end >= end else t.end)
        )
    boxes = doc.char_boxes
    if boxes is not None:
        mid = boxes[start:end]
        if len(mid) != len(new):
            fill = next((b for b in mid if b is not None), None)
            mid = [fill] * len(new)
        boxes = boxes[:start] + mid + boxes[end:]
    blocks = [(move(o), d) for o, d in doc.blocks]
    return Document(doc.path, text, doc.fmt, tables=tables, char_boxes=boxes, blocks=blocks)


def _touches(t: Table, start: int, end: int) -> Iterator[bool]:
    for row in t.cells:
        for c in row:
            if c is not None:
                yield c.start <= start < c.end or c.start < end <= c.end


# ---------------------------------------------------------------------------------------------------------
# Linting (runs in worker processes; the clean documents are inherited through fork)


@dataclass
class Clean:
    name: str
    doc: Document
    baseline: set[tuple[str, tuple[int, ...]]]
    flagged: set[int]  # figure offsets named by a baseline error/warning
    seconds: float


DOCS: list[Clean] = []
CATALOG: Catalog | None = None


@dataclass
class NewFinding:
    rule: str
    severity: str
    message: str
    offsets: tuple[int, ...]


@dataclass
class Outcome:
    mutation: Mutation
    result: str  # detected | elsewhere | info-only | missed | crash
    new: list[NewFinding]
    error: str | None = None
    diag: str | None = None  # for misses: why


def _key(f: Finding, back: Callable[[int], int] | None = None) -> tuple[str, tuple[int, ...]]:
    offs = {fig.start for _, fig in f.figures} | {f.location.offset}
    if back is not None:
        offs = {back(o) for o in offs}
    return f.rule, tuple(sorted(offs))


def lint_clean(name: str, doc: Document, catalog: Catalog) -> Clean:
    t0 = time.perf_counter()
    res = lint_document(doc, catalog, Options())
    dt = time.perf_counter() - t0
    if res.status != "ok":
        raise RuntimeError(f"{name}: clean lint failed: {res.error}")
    baseline: set[tuple[str, tuple[int, ...]]] = set()
    flagged: set[int] = set()
    for f in res.findings:
        baseline.add(_key(f))
        if f.severity >= Severity.WARNING:
            flagged |= {fig.start for _, fig in f.figures}
    return Clean(name, doc, baseline, flagged, dt)


def run_mutation(m: Mutation) -> Outcome:
    assert CATALOG is not None
    clean = DOCS[m.doc]
    doc = splice(clean.doc, m.start, m.end, m.new)
    delta = len(m.new) - (m.end - m.start)
    new_end = m.start + len(m.new)

    def back(o: int) -> int:
        if o >= new_end:
            return o - delta
        return min(o, m.start + max(0, m.end - m.start - 1)) if o >= m.start else o

    res = lint_document(doc, CATALOG, Options())
    if res.status != "ok":
        return Outcome(m, "crash", [], error=res.error)
    new: list[NewFinding] = []
    for f in res.findings:
        key = _key(f, back)
        if key in clean.baseline:
            continue
        new.append(NewFinding(f.rule, f.severity.label, f.message, key[1]))
    serious = [n for n in new if n.severity in ("error", "warning")]
    if any(m.fig in n.offsets for n in serious):
        result = "detected"
    elif serious:
        result = "elsewhere"
    elif new:
        result = "info-only"
    else:
        result = "missed"
    return Outcome(m, result, new)


def diagnose(m: Mutation, broken: list[Rel]) -> str:
    """Why a hard break went unreported: figure lost, relation lost, or the check passed."""
    assert CATALOG is not None
    clean = DOCS[m.doc]
    doc = splice(clean.doc, m.start, m.end, m.new)
    vocab = CATALOG.vocabulary
    a = analyse(doc, extract(doc, vocab), vocab)
    delta = len(m.new) - (m.end - m.start)

    def fwd(o: int) -> int:
        return o + delta if o >= m.end else o

    starts = {f.start: f for f in a.figures}
    mf = starts.get(m.fig)
    if m.kind != "direction":
        if mf is None:
            return "figure-lost"
        if m.val is not None and mf.value != m.val.value:
            return f"figure-misread({mf.value})"
    if m.kind == "direction" and mf is not None and m.val is not None and mf.direction != m.val.direction:
        return f"direction-not-read({mf.direction})"
    mutated, _ = collect_relations(a, CATALOG)
    have = {(r.sub, tuple(sorted(r.members))) for r in mutated}
    for rel in broken:
        want = (rel.sub, tuple(sorted((role, fwd(s)) for role, s in rel.members)))
        if want not in have:
            return f"relation-lost({rel.sub})"
    return "check-passed"


def _diag_worker(args: tuple[Mutation, list[Rel]]) -> str:
    try:
        return diagnose(*args)
    except Exception as e:  # diagnostics must never stop the benchmark
        return f"diagnose-failed({type(e).__name__})"


# ---------------------------------------------------------------------------------------------------------
# Planning


@dataclass
class Plan:
    mutation: Mutation
    state: str  # oracle: ok | soft | hard | uncheckable | pre-broken
    kinds: list[str]  # reporting kinds whose relations break (hard)
    subs: list[str]
    broken: list[Rel]
    families: set[str] = field(default_factory=set)  # families of every relation the figure is in


# Realistic fixtures in other provinces' wording that hold the issue-12 relation families (balance
# identities, averages per 批次/人次, execution rates, 等N lists …): mutated like the others.
FAMILY_DOCS = [
    ROOT / "fixtures" / "provinces" / name
    for name in (
        "hunan-lanjiang-shuili-2019-juesuan.txt",
        "liaoning-liaotun-jiaoyu-2017-juesuan.txt",
        "ningxia-shahu-nongji-2020-juesuan.txt",
        "hebei-luanchuan-shijian-2018-juesuan.txt",
        "guangdong-yunling-shichangjianguan-2023-sangong.txt",
        "beijing-xiyuan-jiedao-2024-juesuan.txt",
    )
] + [
    ROOT / "fixtures" / "realistic" / "01-hunan-juesuan-sifa.txt",
    ROOT / "fixtures" / "realistic" / "05-sichuan-sangong-juesuan.txt",
    ROOT / "fixtures" / "realistic" / "20-shuiwu-zhengti-ziping-families.txt",
    ROOT / "fixtures" / "realistic" / "21-labels-punctuated-items.txt",
    # tables written in text and Markdown (issue 12 item 9), and reports copied in 繁体 (item 12)
    ROOT / "fixtures" / "realistic" / "11-zhengti-zipingbiao.md",
    ROOT / "fixtures" / "realistic" / "17-md-table-kemu.md",
    ROOT / "fixtures" / "traditional" / "seed-2024.txt",
    ROOT / "fixtures" / "traditional" / "28-text-tab-tables.txt",
]

# Relation families of issue 12 ("every relation a reviewer checks"), as the recall report groups them.
TEXT_TABLES = "tables in text / Markdown"
TRADITIONAL = "traditional characters (繁体)"
PUNCTUATED = "labels with punctuation (、“”)"
PUNCTUATION = re.compile(r"[、,，“”\"《》]")  # 、 reads as "," in a normalised label
FAMILY_ORDER = (
    "points (个百分点)",
    "stated comparison (大于/小于/持平)",
    "rate on an unwritten base",
    "implied whole",
    "count in words / 等N",
    "self-evaluation scores",
    "execution rate vs budget",
    "average on the right count",
    "repeat across units",
    "balance identity (年末 = 年初 + 收入 − 支出)",
    "defined rate (结转结余率)",
    TEXT_TABLES,
    TRADITIONAL,
    PUNCTUATED,
)
BALANCE = ("grant_balance", "all_funds_balance")


def family_of(sub: str, r: Relation) -> str | None:
    """The issue-12 family a relation of the linter belongs to (None: one of the older kinds)."""
    dims = {f.dimension for _, f in r.members}
    if sub == "change" and "stated_direction" in r.data:
        return "stated comparison (大于/小于/持平)"
    if sub == "change" and "points" in dims:
        return "points (个百分点)"
    if sub == "change" and r.role("base") is None and r.role("rate") is not None:
        return "rate on an unwritten base"
    if sub == "share-implied":
        return "implied whole"
    if sub == "count" and (r.data.get("etc") or not any(ch.isdigit() for _, f in r.members for ch in f.text)):
        return "count in words / 等N"
    if sub.startswith("score") or sub == "table-score":
        return "self-evaluation scores"
    if sub == "ratio" and r.roles("alternative"):
        return "execution rate vs budget"
    if sub == "average" and (r.roles("pooled") or r.roles("other") or r.roles("alternative")):
        return "average on the right count"
    if sub == "identity" and r.data.get("identity") in BALANCE:
        return "balance identity (年末 = 年初 + 收入 − 支出)"
    if sub == "defined-rate":
        return "defined rate (结转结余率)"
    return None


def tag_document(path: Path, a: Analysis, rels: list[Rel]) -> None:
    """Families that belong to the document or the labels rather than the relation's kind: every relation
    of a 繁体 copy; a table relation of a text or Markdown file; a relation whose figures' labels carry
    punctuation (政务大厅及窗口设备更新、维护项目支出)."""
    label = {f.start: f.label or "" for f in a.figures}
    for r in rels:
        if path.parent.name == "traditional":
            r.data["family"] = TRADITIONAL
        elif "family" in r.data:
            continue
        elif r.sub.startswith("table") and path.suffix in (".txt", ".md"):
            r.data["family"] = TEXT_TABLES
        elif any(PUNCTUATION.search(label.get(s, "")) for _, s in r.members):
            r.data["family"] = PUNCTUATED


def inputs(families_only: bool = False) -> list[Path]:
    if families_only:  # --families: the documents that hold the issue-12 families, a few minutes' run
        return [SEED, *FAMILY_DOCS]
    return [SEED, *sorted(CORPUS.glob("*.pdf")), *sorted(REPORTS.glob("*.txt")), *FAMILY_DOCS]


# ---------------------------------------------------------------------------------------------------------
# Probes: each family in phrasings of its own (written for this benchmark, none copied from a report), a
# clean sentence and the same sentence with one slip. What "Still not read" lists is measured here: a probe
# whose slip raises no new error/warning, or whose clean text raises one.

DECISION = "2024年度部门决算公开说明\n一、情况说明\n"
SELF_EVAL = "2024年度项目支出绩效自评报告\n一、项目情况\n"
PIPE_TABLE = (
    "资金使用情况（单位：万元）\n| 支出内容 | 全年预算数 | 全年执行数 |\n| 合计 | 150.00 | 142.30 |\n"
    "| 设备购置 | 60.00 | 58.20 |\n| 系统运维 | 50.00 | 46.80 |\n| 业务培训 | {p} | 37.30 |\n"
)


@dataclass(frozen=True)
class Probe:
    family: str
    what: str  # the phrasing, as "Still not read" names it when the slip goes unseen
    clean: str
    old: str  # the slip: `old` (once in `clean`) becomes `new`
    new: str
    head: str = DECISION

    def texts(self) -> tuple[str, str]:
        assert self.clean.count(self.old) == 1, self.what
        return self.head + self.clean, self.head + self.clean.replace(self.old, self.new)


PROBES = (
    Probe(
        FAMILY_ORDER[0],
        "由A%降至B%，下降N个百分点 with the direction flipped",
        "基本支出占比由上年的58.20%降至56.40%，下降1.80个百分点。",
        "下降1.80",
        "上升1.80",
    ),
    Probe(
        FAMILY_ORDER[0],
        "B%，比上年A%提高N个百分点 with N slipped",
        "项目支出占86.42%，比上年84.90%提高1.52个百分点。",
        "1.52个",
        "1.25个",
    ),
    Probe(
        FAMILY_ORDER[0],
        "B%，同比下降N个百分点，上年该比重为A% (the earlier share written after the points)",
        "项目支出占比为35.20%，同比下降1.30个百分点，上年该比重为36.50%。",
        "下降1.30",
        "下降1.03",
    ),
    Probe(
        FAMILY_ORDER[1],
        "决算数少于/多于预算数",
        "会议费年初预算6.00万元，支出决算5.40万元，决算数少于预算数。",
        "少于",
        "多于",
    ),
    Probe(
        FAMILY_ORDER[1],
        "持平 with a difference",
        "差旅费预算4.00万元，决算4.00万元，决算数与预算数持平。",
        "决算4.00",
        "决算4.60",
    ),
    Probe(
        FAMILY_ORDER[1],
        "比预算增长N% with a fall (a bare 预算 naming the one budget of the sentence)",
        "培训费年初预算3.00万元，支出决算2.50万元，比预算减少16.67%。",
        "减少",
        "增长",
    ),
    Probe(
        FAMILY_ORDER[1],
        "比预算增加X万元 with a fall (a difference against a bare 预算)",
        "培训费年初预算3.00万元，支出决算2.50万元，比预算减少0.50万元。",
        "减少",
        "增加",
    ),
    Probe(
        FAMILY_ORDER[2],
        "a rate copied from the sentence above (base = current ∓ change)",
        "商品和服务支出215.60万元，比上年增加18.40万元，增长9.33%。对个人和家庭的补助46.30万元，"
        "比上年减少4.10万元，下降8.13%。",
        "下降8.13%",
        "下降9.33%",
    ),
    Probe(
        FAMILY_ORDER[2],
        "a change split by a line break (642.3⏎万元) in text wrapped at a measure",
        "本年度基本支出1,950.60万元，与上年相比增加了120.40万元，增长6.58%，\n"
        "主要是人员调资和新增编制。项目支出2610.5万元，与上年相比减少了642.3\n"
        "万元，减少19.75%，主要是上年一次性建设项目完工后本年不再安排，同时\n"
        "压减了一般性支出。",
        "19.75%",
        "8.75%",
    ),
    Probe(
        FAMILY_ORDER[3],
        "shares of an unwritten 三公 whole",
        "因公出国（境）费60.00万元，占三公经费的20.41%；公务用车170.50万元，占57.99%；公务接待费63.50万元，"
        "占21.60%。",
        "57.99%",
        "57.91%",
    ),
    Probe(
        FAMILY_ORDER[4],
        "七个…站 with six names",
        "下辖七个服务站：东岭站、西岭站、南岭站、北岭站、中岭站、新岭站、老岭站。",
        "、老岭站",
        "",
    ),
    Probe(
        FAMILY_ORDER[4],
        "等N所 after the names",
        "全镇有城关一幼、城关二幼、城南幼儿园、城北幼儿园、河西幼儿园等五所幼儿园。",
        "等五所",
        "等六所",
    ),
    Probe(
        FAMILY_ORDER[4],
        "两家 before its list",
        "本局设有两家直属企业：县城投公司、县交投公司。",
        "两家",
        "三家",
    ),
    Probe(
        FAMILY_ORDER[5],
        "总得分 then 其中 after a full stop, whole points",
        "经自评，本项目总得分91分。其中：产出指标45分，效益指标27分，满意度指标9分，预算执行率10分。",
        "总得分91分",
        "总得分92分",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[5],
        "the grade against the band of the 总分",
        "项目自评得分86.5分，其中：预算执行率得分9.5分，产出指标得分42.0分，效益指标得分26.0分，"
        "满意度指标得分9.0分，评价等级为“良”。",
        "“良”",
        "“优”",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[5],
        "各项得分： on the line after the 总分",
        "本项目绩效自评综合得分91.5分，等级为“优”。\n各项得分：预算执行率9.3分，产出指标46.2分，"
        "效益指标27.0分，满意度指标9.0分。",
        "91.5分",
        "92.5分",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[6],
        "a rate on 本年收入 beside the 全年预算",
        "全年预算数1,200.00万元，本年收入1,100.00万元，实际支出1,080.00万元，预算执行率90.00%。",
        "90.00%",
        "98.18%",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[6],
        "the 全年预算 on the line before, under its own heading",
        "（一）预算安排。年初预算480.00万元，年中追加预算60.00万元，全年预算数540.00万元。\n"
        "（二）预算执行。全年执行数512.30万元，预算执行率94.87%。",
        "94.87%",
        "96.73%",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[6],
        "a 全年预算 implied by 年初 + 追加 + 上年结转 (no 全年 figure written)",
        "年初预算500.00万元，年中追加50.00万元，上年结转30.00万元，实际支出551.00万元，预算执行率95.00%。",
        "95.00%",
        "91.00%",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[6],
        "a 全年预算 two sentences before its rate",
        "全年预算数400.00万元。资金已按进度全部下达。截至年底实际支出380.00万元，预算执行率95.00%。",
        "95.00%",
        "97.00%",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[6],
        "per-fund rates after ；that name no amount of their clause",
        "全年预算300.00万元，其中财政拨款200.00万元、其他资金100.00万元；实际支出256.00万元，其中财政拨款"
        "186.00万元，其他资金70.00万元；财政拨款执行率93.00%，其他资金执行率70.00%。",
        "93.00%",
        "96.00%",
        SELF_EVAL,
    ),
    Probe(
        FAMILY_ORDER[7],
        "人均 per 人次 worked out per 批次",
        "全年接待9批次63人次，公务接待费1.89万元，人均300.00元。",
        "300.00元",
        "2,100.00元",
    ),
    Probe(
        FAMILY_ORDER[7],
        "人均 over 在职 + 离退休",
        "在职人员36人，离退休人员12人，人员经费1,008.00万元，人均21.00万元。",
        "21.00万元",
        "24.00万元",
    ),
    Probe(
        TEXT_TABLES,
        'a "|" table whose part was transposed under an unchanged 合计',
        PIPE_TABLE.format(p="40.00"),
        "37.30 |",
        "37.03 |",
    ),
    Probe(
        TEXT_TABLES,
        'full-width digits in a "|" table',
        PIPE_TABLE.format(p="４０．００"),
        "| 合计 | 150.00",
        "| 合计 | 159.00",
    ),
    Probe(
        FAMILY_ORDER[8],
        "亿元 against 元 under one label",
        "本年支出合计4.73亿元。\n二、支出决算情况\n本年支出合计473,216,905.10元。",
        "4.73亿元",
        "4.37亿元",
    ),
    Probe(
        FAMILY_ORDER[8],
        "亿元 against 元 under two labels (部门整体支出 / 实际支出)",
        "部门整体支出4.73亿元。\n二、支出决算情况\n全年实际支出473,216,905.10元。",
        "4.73亿元",
        "4.37亿元",
    ),
    Probe(
        FAMILY_ORDER[9],
        "年末 = 年初 + 收入 − 支出",
        "年初财政拨款结转和结余35.60万元，本年财政拨款收入1,420.80万元，本年财政拨款支出1,398.20万元，"
        "年末财政拨款结转和结余58.20万元。",
        "58.20",
        "85.20",
    ),
    Probe(
        FAMILY_ORDER[9],
        "收入总计 = 支出总计 in a 决算",
        "收入总计862.40万元，支出总计862.40万元。本年收入合计840.10万元，年初结转和结余22.30万元；"
        "本年支出合计831.60万元，年末结转和结余30.80万元。",
        "支出总计862.40",
        "支出总计826.40",
    ),
    Probe(
        FAMILY_ORDER[10],
        "结转结余率 on the 全年预算",
        "全年预算数1,902.80万元，全年执行数1,871.40万元。年末结转结余31.40万元，结转结余率1.65%。",
        "1.65%",
        "1.56%",
        SELF_EVAL,
    ),
    Probe(
        TRADITIONAL,
        "a 合計 in 繁体",
        "本年收入合計1,026.50萬元，其中：財政撥款收入986.20萬元，其他收入40.30萬元。",
        "1,026.50",
        "1,036.50",
    ),
    Probe(
        TRADITIONAL,
        "決算數高於預算數 in 繁体",
        "公務接待費年初預算4.50萬元，支出決算5.12萬元，決算數高於預算數。",
        "高於",
        "低於",
    ),
    Probe(
        PUNCTUATED,
        "a label with 、 restated in its own section",
        "项目支出包括：办公楼及附属设施改造、维修项目支出63.50万元；信息系统维护项目支出22.00万元。\n"
        "二、项目支出具体情况\n（一）办公楼及附属设施改造、维修项目支出63.50万元，用于外墙防水。\n"
        "（二）信息系统维护项目支出22.00万元，用于机房维保。",
        "（一）办公楼及附属设施改造、维修项目支出63.50",
        "（一）办公楼及附属设施改造、维修项目支出65.30",
    ),
    Probe(
        PUNCTUATED,
        "平均每人 labelled by what it averages",
        "接待来访人员10人，公务接待费0.14万元，平均每人140.0元。",
        "140.0元",
        "410.0元",
    ),
)


def _serious(text: str, tmp: Path) -> set[tuple[str, int]]:
    assert CATALOG is not None
    tmp.write_text(text, encoding="utf-8")
    res = lint_file(str(tmp), CATALOG, Options())
    return {(f.rule, f.location.line) for f in res.findings if f.severity >= Severity.WARNING}


def run_probes() -> list[tuple[Probe, str]]:
    """(probe, outcome) for every probe: found, missed or false alarm (on the clean text)."""
    import tempfile

    out: list[tuple[Probe, str]] = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d) / "probe.txt"
        for p in PROBES:
            clean, broken = p.texts()
            base = _serious(clean, tmp)
            if base:
                out.append((p, "false alarm"))
                continue
            out.append((p, "found" if _serious(broken, tmp) - base else "missed"))
    return out


def plan_document(
    index: int,
    clean: Clean,
    a: Analysis,
    rels: list[Rel],
    rng: random.Random,
    max_related: int,
    max_free: int,
) -> tuple[list[Plan], dict[str, int]]:
    text = clean.doc.text
    by_start = {f.start: f for f in a.figures}
    vals = {s: val_of(f) for s, f in by_start.items()}
    rels = [r for r in rels if all(s in vals for _, s in r.members)]
    for r in rels:
        if r.sub == "sum" and len(r.members) == 2:
            # a zero part the linter did not take into the breakdown (其中购置费0元，运行费X元)
            lo, hi = sorted(s for _, s in r.members)
            r.data["hidden_zero"] = any(
                f.value == 0 and lo < f.start < hi and f.dimension == by_start[lo].dimension
                for f in a.figures
            )
    clean_state = [evaluate(r, vals) for r in rels]
    for r in rels:
        if "family" in r.data:
            FAMILY_COUNTS[str(r.data["family"])] += 1
    by_fig: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rels):
        for _, s in r.members:
            if i not in by_fig[s]:
                by_fig[s].append(i)
    prose_related = {s for r in rels if not r.sub.startswith("table-") for _, s in r.members}
    related = sorted(by_fig)
    free = [f.start for f in a.figures if f.start not in by_fig]
    # Sample: prose-relation figures first (they are few), then table figures, to the cap.
    pick = [s for s in related if s in prose_related]
    rest = [s for s in related if s not in prose_related]
    rng.shuffle(pick)
    rng.shuffle(rest)
    chosen = sorted((pick + rest)[:max_related])
    latent = latent_relations(a, set(free))
    lat_by_fig: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(latent):
        focus = r.data["focus"]
        assert isinstance(focus, int)
        lat_by_fig[focus].append(i)
    latent_chosen = sorted(lat_by_fig)
    pool = [x for x in free if x not in lat_by_fig]
    free_chosen = sorted(rng.sample(pool, min(max_free, len(pool))))
    stats = {
        "figures": len(a.figures),
        "related": len(related),
        "related_analyse": len({f.start for r in a.relations for _, f in r.members}),
        "sampled_related": len(chosen),
        "free": len(free),
        "sampled_free": len(free_chosen),
        "latent": len(latent_chosen),
        "relations": len(rels),
        "relations_pre_broken": sum(1 for s in clean_state if s in (SOFT, HARD)),
    }
    plans: list[Plan] = []
    groups = [(s, "related") for s in chosen] + [(s, "latent") for s in latent_chosen]
    groups += [(s, "free") for s in free_chosen]
    lat_state = [evaluate(r, vals) for r in latent]
    for s, group in groups:
        f = by_start[s]
        is_related = group != "free"
        these, states0 = (rels, clean_state) if group == "related" else (latent, lat_state)
        index_of = by_fig if group == "related" else lat_by_fig
        muts = numeric_mutations(text, f, rng)
        d = direction_mutation(text, f)
        if d is not None:
            muts["direction"] = d
        if not is_related and len(muts) > 2:  # free figures: two mutations each
            keep = rng.sample(sorted(muts), 2)
            muts = {k: v for k, v in muts.items() if k in keep}
        for kind, (ms, me, new) in muts.items():
            if kind == "direction":
                val = replace(vals[s], direction=-(f.direction or 1)) if f.direction else None
            else:
                val = _val(f, new)
            m = Mutation(index, s, kind, ms, me, new, text[ms:me], val, group)
            if not is_related:
                plans.append(Plan(m, "free", [], [], []))
                continue
            states: list[str] = []
            kinds: list[str] = []
            subs: list[str] = []
            broken: list[Rel] = []
            for i in index_of[s]:
                if states0[i] in (SOFT, HARD):
                    states.append("pre-broken")
                    continue
                if val is None:  # a direction word next to a figure without direction: nothing changes
                    states.append(OK)
                    continue
                st = evaluate(these[i], {**vals, s: val})
                states.append(st)
                if st == HARD:
                    kinds.append(these[i].kind)
                    subs.append(these[i].sub)
                    broken.append(these[i])
            usable = [x for x in states if x != "pre-broken"]
            state = worst(usable) if usable else "pre-broken"
            if s in clean.flagged:
                state = "pre-flagged"
            fams = {str(these[i].data["family"]) for i in index_of[s] if "family" in these[i].data}
            plans.append(Plan(m, state, sorted(set(kinds)), sorted(set(subs)), broken, fams))
    return plans, stats


# ---------------------------------------------------------------------------------------------------------
# Report


def around(text: str, m: Mutation) -> str:
    lo = max(0, m.start - CONTEXT)
    hi = min(len(text), m.end + CONTEXT)
    snippet = text[lo : m.start] + f"【{m.old}→{m.new}】" + text[m.end : hi]
    return snippet.replace("\n", "⏎").replace("|", "｜")


def _revision() -> str:
    """The commit the run measured (read-only git), and whether lint/ or rules/ had local edits."""
    import subprocess

    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "lint", "rules"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}" + (" with uncommitted edits in lint/ or rules/" if dirty else "")


def _figure_context(text: str, start: int, width: int = 14) -> str:
    m = NUM.match(text, start)
    end = m.end() if m else start + 1
    return (
        text[max(0, start - width) : start] + "〔" + text[start:end] + "〕" + text[end : end + 4]
    ).replace("\n", "⏎")


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "—"


def cause_of(o: Outcome, p: Plan) -> str:
    d = o.diag or ""
    if o.result == "crash":
        return "linter crashed on the mutated text"
    if d.startswith("figure-lost"):
        return "mutated figure no longer extracted"
    if d.startswith("figure-misread"):
        return "mutated figure extracted with another value"
    if d.startswith("direction-not-read"):
        return "flipped direction word not read as the figure's direction"
    if any(r.sub == "sum" and r.data.get("hidden_zero") for r in p.broken):
        return "a zero part left out of the breakdown: a one-part 其中 is never checked when short"
    if d.startswith("relation-lost"):
        return f"relation no longer recognised after the change ({', '.join(p.subs)})"
    if o.result == "info-only":
        return f"reported only as info ({', '.join(sorted({n.rule for n in o.new}))})"
    if o.result == "elsewhere":
        return "reported, but the finding does not name the mutated figure"
    return f"relation still found, check passed ({', '.join(p.subs)})"


def family_section(
    pairs: list[tuple[Plan, Outcome]], hard: list[tuple[Plan, Outcome]], probes: list[tuple[Probe, str]]
) -> list[str]:
    """Recall per issue-12 relation family, and what the linter still does not read (measured: probes
    whose slip goes unseen, families no document holds, and family mutations missed)."""
    out = [
        "## Per relation family (issue 12)",
        "",
        "Relations the linter reads since issue 12, grouped by family: `relations` is how many of the "
        "family the clean documents hold; hard / detected count mutations that hard-break one of them; "
        "`probes` are the family's own-wording phrasings in bench/recall.py (PROBES), a clean sentence and "
        "one slip each: found / all.",
        "",
        "| family | relations | figures mutated | hard | detected | elsewhere | info-only | missed | crash | recall | probes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    related = [(p, o) for p, o in pairs if p.mutation.group == "related"]
    still: list[str] = []
    for fam in FAMILY_ORDER:
        nrel = FAMILY_COUNTS.get(fam, 0)
        h = [(p, o) for p, o in hard if any(r.data.get("family") == fam for r in p.broken)]
        figs = len({(p.mutation.doc, p.mutation.fig) for p, _ in related if fam in p.families})
        cnt = Counter(o.result for _, o in h)
        mine = [(p, r) for p, r in probes if p.family == fam]
        found = sum(1 for _, r in mine if r == "found")
        out.append(
            f"| {fam} | {nrel} | {figs} | {len(h)} | "
            + " | ".join(str(cnt[x]) for x in OUTCOMES)
            + f" | {pct(cnt['detected'], len(h))} | {found}/{len(mine)} |"
        )
        still += [f"{fam}: {p.what} — probe {r}" for p, r in mine if r != "found"]
        if not nrel:
            still.append(
                f"{fam}: no relation of the family in the measured documents (not measured on real text)"
            )
        missed = [(p, o) for p, o in h if o.result != "detected"]
        if missed:
            p, o = missed[0]
            doc = DOCS[p.mutation.doc]
            still.append(
                f"{fam}: {len(missed)} of {len(h)} hard breaks not found at the figure, e.g. {doc.name} · "
                f"`{around(doc.doc.text, p.mutation)}` ({o.result})"
            )
    out += ["", "### Still not read", "", "Measured by this run (probes and mutations above):", ""]
    out += [f"- {x}" for x in still] or ["- nothing: every probe found, every family mutation detected"]
    out.append("")
    return out


def splice_still_not_read(section: list[str], target: Path) -> None:
    """Replace the "### Still not read" block of `target` (the full run's RECALL.md) with this run's."""
    text = target.read_text(encoding="utf-8")
    start = text.find("### Still not read")
    if start < 0:
        return
    ends = [i for i in (text.find("\n## ", start), text.find("\n### ", start + 1)) if i >= 0]
    nxt = min(ends) if ends else -1
    lines = section[section.index("### Still not read") :]
    lines = lines[: next((i for i, x in enumerate(lines) if i and x.startswith("#")), len(lines))]
    lines.insert(
        1,
        f"\n(From `bench/recall.py --families` on tree {_revision()}; its tables: bench/RECALL-families.md.)",
    )
    block = "\n".join(lines).rstrip() + "\n"
    target.write_text(text[:start] + block + (text[nxt:] if nxt >= 0 else ""), encoding="utf-8")


def render(
    docs: list[Clean],
    stats: list[dict[str, int]],
    notes: list[list[str]],
    plans: list[Plan],
    outcomes: list[Outcome],
    seconds: float,
    args: argparse.Namespace,
    probes: list[tuple[Probe, str]],
) -> tuple[str, str]:
    pairs = list(zip(plans, outcomes, strict=True))
    hard = [(p, o) for p, o in pairs if p.state == HARD and p.mutation.group == "related"]
    lines: list[str] = []
    w = lines.append
    w("# fiscal-lint recall on seeded single-figure errors")
    w("")
    w(
        f"Generated by `bench/recall.py` (seed {RANDOM_SEED}, ≤{args.max_related} related and "
        f"≤{args.max_free} unrelated figures per document, {args.jobs} processes, {seconds:.0f} s)."
    )
    w("")
    w(f"Linter tree: {_revision()}.")
    w("")
    w("A mutation counts for recall only when it **hard-breaks** a relation the clean text satisfied")
    w("(SPEC §4 intervals miss by more than one unit of the last decimal of the coarsest figure")
    w("compared). `detected` = a new error/warning naming the mutated figure; `elsewhere` = a new")
    w("error/warning not naming it; `info-only` = only new info findings; `missed` = nothing new.")
    w("Figures already named by a baseline error/warning, and relations already broken in the clean")
    w("text, are left out. Recall = detected ÷ hard breaks; *any alarm* adds `elsewhere`.")
    w("")
    w("## Per document")
    w("")
    w(
        "| document | figures | in relations (analyse / all) | sampled | mutations | hard | detected | "
        "elsewhere | info-only | missed | crash | recall | any alarm |"
    )
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    summary_rows: list[str] = []
    tot: Counter[str] = Counter()
    for i, (c, st) in enumerate(zip(docs, stats, strict=True)):
        mine = [(p, o) for p, o in pairs if p.mutation.doc == i and p.mutation.group == "related"]
        h = [(p, o) for p, o in mine if p.state == HARD]
        cnt = Counter(o.result for _, o in h)
        tot.update(cnt)
        tot["hard"] += len(h)
        tot["mutations"] += len(mine)
        row = (
            f"| {c.name} | {st['figures']} | {st['related_analyse']} / {st['related']} | "
            f"{st['sampled_related']} | {len(mine)} | {len(h)} | "
            + " | ".join(str(cnt[k]) for k in OUTCOMES)
            + f" | {pct(cnt['detected'], len(h))} | {pct(cnt['detected'] + cnt['elsewhere'], len(h))} |"
        )
        w(row)
        summary_rows.append(f"{c.name:42} hard {len(h):4}  recall {pct(cnt['detected'], len(h)):>5}")
    w(
        f"| **all** | | | | {tot['mutations']} | {tot['hard']} | "
        + " | ".join(str(tot[k]) for k in OUTCOMES)
        + f" | **{pct(tot['detected'], tot['hard'])}** | {pct(tot['detected'] + tot['elsewhere'], tot['hard'])} |"
    )
    w("")
    states = Counter(p.state for p, _ in pairs if p.mutation.group == "related")
    w(
        "Oracle states of related-figure mutations: "
        + ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
        + " (`uncheckable`: the figure's relations lack a member needed to check them, e.g. a "
        "change with a difference and a rate but no base; `soft`: within 尾差)."
    )
    for c, n in zip(docs, notes, strict=True):
        for note in n:
            w(f"- note, {c.name}: {note}")
    w("")

    def kind_table(title: str, key: str, order: Iterable[str]) -> list[str]:
        out = [
            f"## Per {title}",
            "",
            f"| {title} | hard | detected | elsewhere | info-only | missed | crash | recall |",
        ]
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for k in order:
            if key == "kind":
                h = [(p, o) for p, o in hard if k in p.kinds]
            elif key == "sub":
                h = [(p, o) for p, o in hard if k in p.subs]
            else:
                h = [(p, o) for p, o in hard if p.mutation.kind == k]
            if not h:
                continue
            cnt = Counter(o.result for _, o in h)
            out.append(
                f"| {k} | {len(h)} | "
                + " | ".join(str(cnt[x]) for x in OUTCOMES)
                + f" | {pct(cnt['detected'], len(h))} |"
            )
        out.append("")
        return out

    kind_lines = kind_table("relation kind", "kind", KIND_ORDER)
    lines += kind_lines
    subs = sorted({s for p, _ in hard for s in p.subs})
    lines += kind_table("linter relation", "sub", subs)
    lines += kind_table("mutation", "mutation", MUTATION_KINDS)
    lines += family_section(pairs, hard, probes)

    # Misses grouped by cause
    misses = [(p, o) for p, o in hard if o.result != "detected"]
    groups: dict[str, list[tuple[Plan, Outcome]]] = defaultdict(list)
    for p, o in misses:
        groups[cause_of(o, p)].append((p, o))
    w("## Real misses, grouped by likely cause")
    w("")
    w(
        "Each line: document · mutation · the text around it (±40 chars, the edit in 【old→new】) · "
        "relations it broke · what the linter said."
    )
    w("")
    cause_summary: list[str] = []
    for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        w(f"### {cause} — {len(items)}")
        w("")
        cause_summary.append(f"{len(items):4}  {cause}")
        for p, o in items[: args.examples]:
            m = p.mutation
            said = "; ".join(f"{n.rule}/{n.severity}: {n.message}" for n in o.new[:2]) or "nothing"
            if o.error:
                said = o.error
            w(
                f"- {docs[m.doc].name} · {m.kind} · `{around(docs[m.doc].doc.text, m)}` · {', '.join(p.subs)} · {said}"
            )
        if len(items) > args.examples:
            w(f"- … {len(items) - args.examples} more")
        w("")

    # Alarms on changes that broke nothing the oracle knows
    quiet = [(p, o) for p, o in pairs if p.mutation.group == "related" and p.state in (OK, UNCHECKABLE)]
    loud = [(p, o) for p, o in quiet if o.result in ("detected", "elsewhere")]
    w("## New errors/warnings from changes that break no relation (related figures)")
    w("")
    w(
        f"{len(loud)} of {len(quiet)} mutations that keep every relation of the figure within the "
        "interval rule (or whose relations cannot be checked) raised a new error/warning:"
    )
    w("")
    for p, o in loud[: args.examples]:
        m = p.mutation
        said = "; ".join(f"{n.rule}/{n.severity}: {n.message}" for n in o.new if n.severity != "info")[:300]
        w(
            f"- {docs[m.doc].name} · {m.kind} · oracle {p.state} · `{around(docs[m.doc].doc.text, m)}` · {said}"
        )
    w("")

    latent = [(p, o) for p, o in pairs if p.mutation.group == "latent"]
    lhard = [(p, o) for p, o in latent if p.state == HARD]
    w("## Latent relations: arithmetic the linter did not link")
    w("")
    w(
        "Figures in no relation of the clean text whose written value is tied to other figures by a "
        "coincidence no chance would produce (three or more significant digits): the same value "
        "between the 说明 and a table or under the same label (`latent-repeat`), |a − b| of two nearby "
        "amounts (`latent-change`), a ÷ b or |a − b| ÷ b of nearby amounts (`latent-share`, "
        "`latent-rate`), or the sum of the amounts that follow (`latent-sum`). These relations are in "
        "the text but not in the linter's model, so a slip there goes unreported unless some other "
        "rule catches it. Every mutation of such a figure is run."
    )
    w("")
    w("| latent relation | figures | hard | detected | elsewhere | info-only | missed | crash | recall |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    lsubs = sorted({x for p, _ in lhard for x in p.subs})
    for sub in lsubs:
        h = [(p, o) for p, o in lhard if sub in p.subs]
        nfig = len({(p.mutation.doc, p.mutation.fig) for p, _ in h})
        cnt = Counter(o.result for _, o in h)
        w(
            f"| {sub} | {nfig} | {len(h)} | "
            + " | ".join(str(cnt[x]) for x in OUTCOMES)
            + f" | {pct(cnt['detected'], len(h))} |"
        )
    lcnt = Counter(o.result for _, o in lhard)
    w(
        f"| **all** | {len({(p.mutation.doc, p.mutation.fig) for p, _ in lhard})} | {len(lhard)} | "
        + " | ".join(str(lcnt[x]) for x in OUTCOMES)
        + f" | **{pct(lcnt['detected'], len(lhard))}** |"
    )
    w("")
    w("Per document (latent figures / hard mutations / detected):")
    w("")
    for i, (c, st) in enumerate(zip(docs, stats, strict=True)):
        h = [(p, o) for p, o in lhard if p.mutation.doc == i]
        if st["latent"]:
            n = sum(1 for _, o in h if o.result == "detected")
            w(f"- {c.name}: {st['latent']} / {len(h)} / {n}")
    w("")
    w("Missed latent relations, one example per figure (the partner figures are shown after ⇒):")
    w("")
    lat_summary: list[str] = []
    for sub in lsubs:
        seen: set[tuple[int, int]] = set()
        items = [
            (p, o) for p, o in lhard if sub in p.subs and o.result not in ("detected",) and sub == p.subs[0]
        ]
        figs = {(p.mutation.doc, p.mutation.fig) for p, _ in items}
        w(f"### {sub} — {len(items)} mutations on {len(figs)} figures")
        w("")
        lat_summary.append(f"{len(items):4}  missed {sub} ({len(figs)} figures)")
        shown = 0
        for p, _ in items:
            key = (p.mutation.doc, p.mutation.fig)
            if key in seen:
                continue
            seen.add(key)
            shown += 1
            if shown > args.examples:
                continue
            m = p.mutation
            text = docs[m.doc].doc.text
            rel = next(r for r in p.broken if r.sub == sub)
            partners = "; ".join(
                f"{role} `{_figure_context(text, x)}`" for role, x in rel.members if x != m.fig
            )
            w(f"- {docs[m.doc].name} · {m.kind} · `{around(text, m)}` ⇒ {partners}")
        if shown > args.examples:
            w(f"- … {shown - args.examples} more figures")
        w("")

    free = [(p, o) for p, o in pairs if p.mutation.group == "free"]
    free_loud = [(p, o) for p, o in free if o.result in ("detected", "elsewhere")]
    w("## Figures in no relation")
    w("")
    w("| document | figures in none | sampled | mutations | new error/warning | rate |")
    w("|---|---:|---:|---:|---:|---:|")
    for i, (c, st) in enumerate(zip(docs, stats, strict=True)):
        mine = [(p, o) for p, o in free if p.mutation.doc == i]
        n = sum(1 for _, o in mine if o.result in ("detected", "elsewhere"))
        w(f"| {c.name} | {st['free']} | {st['sampled_free']} | {len(mine)} | {n} | {pct(n, len(mine))} |")
    w("")
    w(
        "These changes cannot break a relation the linter found on the clean text; a new error/warning "
        "means the change created a relation (or a repeat conflict), or the figure's reading changed. "
        "Review each: it is a false alarm only if the report's logic does not constrain the figure."
    )
    w("")
    by_rule: dict[str, list[tuple[Plan, Outcome]]] = defaultdict(list)
    for p, o in free_loud:
        rules = sorted({n.rule for n in o.new if n.severity != "info"})
        by_rule["/".join(rules)].append((p, o))
    for rule, items in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        w(f"### {rule} — {len(items)}")
        w("")
        for p, o in items[: args.examples]:
            m = p.mutation
            said = "; ".join(f"{n.rule}: {n.message}" for n in o.new if n.severity != "info")[:300]
            w(f"- {docs[m.doc].name} · {m.kind} · `{around(docs[m.doc].doc.text, m)}` · {said}")
        if len(items) > args.examples:
            w(f"- … {len(items) - args.examples} more")
        w("")
    crashes = [(p, o) for p, o in pairs if o.result == "crash"]
    if crashes:
        w("## Crashes")
        w("")
        for p, o in crashes[: args.examples]:
            m = p.mutation
            w(f"- {docs[m.doc].name} · {m.kind} · `{around(docs[m.doc].doc.text, m)}` · {o.error}")
        w("")

    summary = ["per document:", *summary_rows]
    summary.append(
        f"{'ALL':42} hard {tot['hard']:4}  recall {pct(tot['detected'], tot['hard']):>5}  "
        f"(any alarm {pct(tot['detected'] + tot['elsewhere'], tot['hard'])})"
    )
    summary.append("per relation kind:")
    summary += ["  " + x for x in kind_lines[4:-1]]
    summary.append("real misses by cause:")
    summary += cause_summary
    summary.append(
        f"latent relations (not linked by the linter): {len(lhard)} hard mutations, "
        f"detected {lcnt['detected']} ({pct(lcnt['detected'], len(lhard))})"
    )
    summary += lat_summary
    summary.append(
        f"alarms from non-breaking related changes: {len(loud)}/{len(quiet)}; "
        f"from unrelated figures: {len(free_loud)}/{len(free)}"
    )
    return "\n".join(lines) + "\n", "\n".join(summary)


# ---------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    global CATALOG
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--max-related", type=int, default=160, help="related figures mutated per document")
    ap.add_argument("--max-free", type=int, default=40, help="unrelated figures mutated per document")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--examples", type=int, default=12, help="examples listed per group")
    ap.add_argument("--quick", action="store_true", help="small samples")
    ap.add_argument(
        "--families",
        action="store_true",
        help="issue-12 families only: their documents, their figures (a few minutes); writes "
        "bench/RECALL-families.md and the measured 'Still not read' list into bench/RECALL.md",
    )
    ap.add_argument("--family", default="", help="with --families: only families whose name contains this")
    ap.add_argument("--output", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.quick:
        args.max_related, args.max_free = 30, 10
    if args.families:
        args.max_free = min(args.max_free, 5)
    if args.output is None:
        args.output = OUT.with_name("RECALL-families.md") if args.families else OUT
    t0 = time.perf_counter()
    CATALOG = load_catalog()
    vocab = CATALOG.vocabulary
    rng = random.Random(RANDOM_SEED)
    stats: list[dict[str, int]] = []
    notes: list[list[str]] = []
    plans: list[Plan] = []
    for path in inputs(args.families):
        doc = read(str(path))
        clean = lint_clean(path.name, doc, CATALOG)
        a = analyse(doc, extract(doc, vocab), vocab)
        rels, note = collect_relations(a, CATALOG)
        tag_document(path, a, rels)
        p, st = plan_document(len(DOCS), clean, a, rels, rng, args.max_related, args.max_free)
        DOCS.append(clean)
        stats.append(st)
        notes.append(note)
        plans += p
    if args.families:
        # only the figures of the families (and a few figures in no relation, for false alarms)
        plans = [
            p
            for p in plans
            if p.mutation.group == "free"
            or (p.mutation.group == "related" and any(args.family in f for f in p.families))
        ]
    t_plan = time.perf_counter() - t0
    print(
        f"{len(plans)} mutations on {len(DOCS)} documents, planned in {t_plan:.0f} s; linting …",
        file=sys.stderr,
    )
    muts = [p.mutation for p in plans]
    chunk = max(1, len(muts) // (8 * max(1, args.jobs)))
    if args.jobs > 1:
        with ProcessPoolExecutor(
            max_workers=args.jobs, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            outcomes = list(pool.map(run_mutation, muts, chunksize=chunk))
            todo = [i for i, (p, o) in enumerate(zip(plans, outcomes, strict=True)) if p.state == HARD]
            todo = [i for i in todo if outcomes[i].result != "detected"]
            diags = list(pool.map(_diag_worker, [(plans[i].mutation, plans[i].broken) for i in todo]))
    else:
        outcomes = [run_mutation(m) for m in muts]
        todo = [i for i, (p, o) in enumerate(zip(plans, outcomes, strict=True)) if p.state == HARD]
        todo = [i for i in todo if outcomes[i].result != "detected"]
        diags = [_diag_worker((plans[i].mutation, plans[i].broken)) for i in todo]
    print(f"linted and diagnosed in {time.perf_counter() - t0 - t_plan:.0f} s", file=sys.stderr)
    for i, d in zip(todo, diags, strict=True):
        outcomes[i].diag = d
    seconds = time.perf_counter() - t0
    probes = run_probes()
    md, summary = render(DOCS, stats, notes, plans, outcomes, seconds, args, probes)
    args.output.write_text(md, encoding="utf-8")
    if args.families and not args.family and args.output != OUT:
        lines = md.split("\n")
        splice_still_not_read(lines[lines.index("### Still not read") :], OUT)
    print(summary)
    print(f"written {args.output} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
