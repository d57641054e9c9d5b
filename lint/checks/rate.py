"""rate: a rate whose definition is known but whose base the report leaves unsaid (结转结余率).

rules/*.toml [[defined_rate]] names the rate's label, what it measures (年末结转结余) and every base a
template uses for it (全年预算数, 收入合计, 支出合计 …). The rate is checked only when its paragraph
holds exactly one value of the numerator and at least one base; it holds when any base gives it
(SPEC §4 intervals). Because the base is inferred, a rate that fits none is a warning (FL232).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal

import regex

from lint.checks.base import Context, finding, named
from lint.checks.ratio import _staged
from lint.extract.labels import LabelReader
from lint.identities import DefinedRate, identities_for, rates_for
from lint.model import Figure, Finding
from lint.tolerance import HUNDRED, Interval, interval

PARAGRAPH_END = regex.compile(r"\n")
SENTENCE_END = regex.compile(r"[。！？!?]|\n")


def run(ctx: Context) -> Iterator[Finding]:
    rates = rates_for(ctx.catalog)
    if not rates:
        return
    vocab = identities_for(ctx.catalog).vocab
    reader = LabelReader(vocab)
    text = ctx.analysis.document.text
    ends = {
        "paragraph": [m.end() for m in PARAGRAPH_END.finditer(text)],
        "sentence": [m.end() for m in SENTENCE_END.finditer(text)],
    }

    def canon(label: str) -> str:
        return vocab.canonical(reader.read(label).label) if label else ""

    def block(f: Figure, within: str) -> int:
        return 0 if within == "document" else bisect.bisect_right(ends[within], f.start)

    by_label: dict[str, list[Figure]] = defaultdict(list)
    for f in ctx.analysis.figures:
        if f.table is None and not f.qualifiers.approx:
            by_label[vocab.canonical(f.label) if f.label else ""].append(f)
    for rate in rates:
        yield from _check(ctx, rate, by_label, canon, block)


def _check(
    ctx: Context,
    rate: DefinedRate,
    by_label: dict[str, list[Figure]],
    canon: Callable[[str], str],
    block: Callable[[Figure, str], int],
) -> Iterator[Finding]:
    wanted = {canon(v) for v in rate.rate} - {""}
    nums = {canon(v) for v in rate.numerator} - {""}
    bases = [{canon(v) for v in b} - {""} for b in rate.bases]
    for label in sorted(wanted):
        for r in by_label.get(label, []):
            if r.dimension != "percent":
                continue
            where = block(r, rate.within)
            same = [f for fs in by_label.values() for f in fs if block(f, rate.within) == where]
            money = [f for f in same if f.dimension == "money" and f.role == "amount"]
            num = [f for f in money if vocab_in(f, nums, canon)]
            if len({f.base_value for f in num}) != 1:
                continue  # none, or two different values: no reading to check
            n = num[0]
            cands = [f for f in money if any(vocab_in(f, b, canon) for b in bases)]
            cands += [
                f for f in money if not f.label and f.qualifiers.stage in rate.base_stages and f not in cands
            ]
            cands = [f for f in cands if f is not n and f.base_value != 0]
            if not cands:
                continue
            stated = interval(r, ctx.extra_tolerance)
            if any(_fits(n, b, stated, ctx.extra_tolerance) for b in cands):
                continue
            base = cands[0]
            point = n.base_value / base.base_value * HUNDRED
            shown = f"{point.quantize(Decimal(1).scaleb(-max(r.decimals, 2)))}%"
            others = "、".join(_staged(b, ctx.lang) if not b.label else named(b) for b in cands)
            yield finding(
                ctx,
                "FL232",
                r,
                [("ratio", r), ("current", n), *(("base", b) for b in cands)],
                {"rate": named(r), "numerator": named(n), "bases": others, "computed": shown},
                expected=shown.rstrip("%"),
                actual=str(r.value),
                arithmetic="；".join(
                    f"{n.text} ÷ {b.text} × 100 = {(n.base_value / b.base_value * HUNDRED):.2f}%"
                    for b in cands
                ),
            )


def vocab_in(f: Figure, labels: set[str], canon: Callable[[str], str]) -> bool:
    return bool(f.label) and canon(f.label) in labels


def _fits(n: Figure, b: Figure, stated: Interval, extra: Decimal) -> bool:
    q = interval(n, extra) / interval(b, extra)
    return q is not None and q.scale(HUNDRED).meets(stated)
