"""ratio: “完成年初预算的p%” = current ÷ the budget it names × 100."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lint.checks.base import Context, finding, named
from lint.model import Finding, Relation, Suggestion
from lint.tolerance import HUNDRED, interval


def run(ctx: Context) -> Iterator[Finding]:
    for rel in ctx.analysis.relations:
        if rel.kind == "ratio":
            yield from check(rel, ctx)


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    cur, base, ratio = rel.role("current"), rel.role("base"), rel.role("ratio")
    if cur is None or base is None or ratio is None:
        return
    stated = interval(ratio, ctx.extra_tolerance)
    q = interval(cur) / interval(base)
    if q is not None and q.scale(HUNDRED).meets(stated):
        return
    # Does the rate fit another budget figure of the same sentence? Then the named base is wrong.
    suggestion = None
    for alt in rel.roles("alternative"):
        aq = interval(cur) / interval(alt)
        if aq is not None and aq.scale(HUNDRED).meets(stated):
            reason = (
                f"该比率与 {named(alt)} 相符，文中所称的基数可能有误"
                if ctx.lang == "zh"
                else f"the rate matches {named(alt)}: the base named in the text may be wrong"
            )
            suggestion = Suggestion(ratio, str(ratio.value), str(ratio.value), reason)
            break
    if base.value == 0:
        shown = "—"
    else:
        point = cur.base_value / base.base_value * HUNDRED
        shown = f"{point.quantize(Decimal(1).scaleb(-max(ratio.decimals, 2)))}%"
    yield finding(
        ctx,
        "FL231",
        ratio,
        [(r, f) for r, f in rel.members if r != "alternative"],
        {"current": named(cur), "base": named(base), "computed": shown, "ratio": ratio.text},
        expected=shown.rstrip("%"),
        actual=str(ratio.value),
        arithmetic=f"{cur.text} ÷ {base.text} × 100 = {shown}",
        suggestion=suggestion,
    )
