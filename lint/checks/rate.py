"""rate: a rate whose definition is known but whose base the report leaves unsaid (结转结余率).

rules/*.toml [[defined_rate]] names the rate's label, what it measures (年末结转结余) and every base a
template uses for it (全年预算数, 收入合计, 支出合计 …). The rate is checked only when its paragraph
holds exactly one value of the numerator and at least one base; it holds when any base gives it
(SPEC §4 intervals). Because the base is inferred, a rate that fits none is a warning (FL232).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

import regex

from lint.catalog import Catalog
from lint.checks.base import Context, finding, named
from lint.checks.ratio import _staged
from lint.extract.labels import label_reader
from lint.identities import DefinedRate, identities_for, rates_for
from lint.model import Figure, Finding, Relation
from lint.structure import Analysis
from lint.tolerance import HUNDRED, Interval, interval

PARAGRAPH_END = regex.compile(r"\n")
SENTENCE_END = regex.compile(r"[。！？!?]|\n")


Reading = tuple[DefinedRate, Figure, list[Figure], list[Figure]]  # rate, its figure, numerators, bases


def relations(analysis: Analysis, catalog: Catalog, readings: list[Reading] | None = None) -> list[Relation]:
    """Every defined rate of the document with its numerator and the bases of its paragraph
    (members: ratio, current, base…); a rate with no numerator or no base is not a relation.
    `readings`: what `_readings` found, when kept from an earlier run."""
    out: list[Relation] = []
    for rate, r, num, bases in _readings(analysis, catalog) if readings is None else readings:
        if len({f.base_value for f in num}) != 1:
            continue  # none, or two different values: no reading to check
        n = num[0]
        cands = [f for f in bases if f is not n and f.base_value != 0]
        if cands:
            members = [("ratio", r), ("current", n), *(("base", b) for b in cands)]
            out.append(Relation("defined-rate", members, r.start, {"rate": rate.name}, "inferred"))
    return out


def _readings(analysis: Analysis, catalog: Catalog) -> list[Reading]:
    """Each rate figure with the numerators and bases its block offers, read from labels, stages and
    positions alone, never from a value: kept for the culprit search's re-runs (`Context.memo`)."""
    rates = rates_for(catalog)
    if not rates:
        return []
    vocab = identities_for(catalog).vocab
    reader = label_reader(vocab)
    text = analysis.document.text
    ends = {
        "paragraph": [m.end() for m in PARAGRAPH_END.finditer(text)],
        "sentence": [m.end() for m in SENTENCE_END.finditer(text)],
    }

    def canon(label: str) -> str:
        return vocab.canonical(reader.read(label).label) if label else ""

    def block(f: Figure, within: str) -> int:
        return 0 if within == "document" else bisect.bisect_right(ends[within], f.start)

    prose = [f for f in analysis.figures if f.table is None and not f.qualifiers.approx]
    amounts = [f for f in prose if f.dimension == "money" and f.role == "amount"]
    by_block: dict[str, dict[int, list[Figure]]] = {}

    def money_in(within: str, where: int) -> list[Figure]:
        """The amounts of one block, in document order: indexed once per kind of block, since a
        scan of every figure per rate grows with the square of a long report."""
        index = by_block.get(within)
        if index is None:
            index = by_block[within] = defaultdict(list)
            for f in amounts:
                index[block(f, within)].append(f)
        return index.get(where, [])

    out: list[Reading] = []
    for rate in rates:
        wanted = {canon(v) for v in rate.rate} - {""}
        nums = {canon(v) for v in rate.numerator} - {""}
        bases = set().union(*({canon(v) for v in b} for b in rate.bases)) - {""}
        for r in prose:
            if r.dimension != "percent" or not r.label or canon(r.label) not in wanted:
                continue
            money = money_in(rate.within, block(r, rate.within))
            num = [f for f in money if f.label and canon(f.label) in nums]
            if not num:
                continue
            base = [
                f
                for f in money
                if (f.label and canon(f.label) in bases)
                or (not f.label and f.qualifiers.stage in rate.base_stages)
            ]
            out.append((rate, r, num, base))
    return out


def run(ctx: Context) -> Iterator[Finding]:
    readings = ctx.memo.get("rate")
    if not isinstance(readings, list):
        readings = ctx.memo["rate"] = _readings(ctx.analysis, ctx.catalog)
    for rel in relations(ctx.analysis, ctx.catalog, readings):
        yield from _check(ctx, rel)


def _check(ctx: Context, rel: Relation) -> Iterator[Finding]:
    r, n, cands = rel.role("ratio"), rel.role("current"), rel.roles("base")
    if r is None or n is None or not cands:
        return
    stated = interval(r, ctx.extra_tolerance)
    if any(_fits(n, b, stated, ctx.extra_tolerance) for b in cands):
        return
    base = cands[0]
    point = n.base_value / base.base_value * HUNDRED
    shown = f"{point.quantize(Decimal(1).scaleb(-max(r.decimals, 2)))}%"
    others = "、".join(_staged(b, ctx.lang) if not b.label else named(b) for b in cands)
    yield finding(
        ctx,
        "FL232",
        r,
        [(role, f) for role, f in rel.members],
        {"rate": named(r), "numerator": named(n), "bases": others, "computed": shown},
        expected=shown.rstrip("%"),
        actual=str(r.value),
        arithmetic="；".join(
            f"{n.text} ÷ {b.text} × 100 = {(n.base_value / b.base_value * HUNDRED):.2f}%" for b in cands
        ),
    )


def _fits(n: Figure, b: Figure, stated: Interval, extra: Decimal) -> bool:
    q = interval(n, extra) / interval(b, extra)
    return q is not None and q.scale(HUNDRED).meets(stated)
