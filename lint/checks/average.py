"""average: total ÷ count = the stated average (元 and 万元 converted); per 在职, per 退休 or per
both when the sentence gives several counts of the average's unit; a wrong average that fits a count of
another unit (批次 for 人次) says so."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lint.checks.base import Context, disjoint, finding, named, per_relation, relation_units
from lint.model import Finding, Relation, Suggestion
from lint.tolerance import Interval, fmt_value, interval


def _mean(rel: Relation, ctx: Context) -> Iterator[Finding]:
    """The mean of a listed set of figures: Σ items ÷ n; a mean of rates may be weighted, so only one
    outside the items' range (any weighting's bounds) fails."""
    items, avg = rel.roles("item"), rel.role("average")
    if avg is None or len(items) < 2:
        return
    stated = interval(avg, ctx.extra_tolerance)
    whole = interval(items[0], ctx.extra_tolerance)
    for x in items[1:]:
        whole = whole + interval(x, ctx.extra_tolerance)
    q = whole.scale(Decimal(1) / len(items))
    if rel.data.get("weighted"):
        lo = min((interval(x, ctx.extra_tolerance) for x in items), key=lambda v: v.lo)
        hi = max((interval(x, ctx.extra_tolerance) for x in items), key=lambda v: v.hi)
        q = Interval(lo.lo, hi.hi)
    if q.meets(stated):
        return
    point = sum((x.base_value for x in items), Decimal(0)) / len(items)
    shown = fmt_value(point, avg, max(avg.precision, 1))
    terms = " + ".join(x.text for x in items)
    count = f"{len(items)}项" if ctx.lang == "zh" else f"{len(items)} items"
    total = f"（{terms}）" if ctx.lang == "zh" else f"({terms})"
    yield finding(
        ctx,
        "FL241",
        avg,
        [("part", x) for x in items] + [("average", avg)],
        {"total": total, "count": count, "computed": shown, "average": avg.text},
        expected=shown.removesuffix(avg.unit),
        actual=str(avg.value),
        arithmetic=f"{total} ÷ {len(items)} = {shown}"
        + ("；" if ctx.lang == "zh" else "; ")
        + disjoint(ctx.lang, q.show(avg), stated.show(avg)),
    )


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    if rel.data.get("mean"):
        yield from _mean(rel, ctx)
        return
    total, count, avg = rel.role("total"), rel.role("count"), rel.role("average")
    if total is None or count is None or avg is None:
        return
    q = interval(total, ctx.extra_tolerance) / interval(count)
    if q is None:
        return
    stated = interval(avg, ctx.extra_tolerance)
    if q.meets(stated):
        return
    for alt in rel.roles("alternative"):
        # an average that names no unit may be per any count of its sentence (批次 or 人次)
        aq = interval(total, ctx.extra_tolerance) / interval(alt)
        if aq is not None and aq.meets(stated):
            return
    pooled = rel.roles("pooled")
    if pooled:
        # 人均 over 在职 + 退休: the counts of the average's own unit together
        whole = interval(pooled[0])
        for x in pooled[1:]:
            whole = whole + interval(x)
        pq = interval(total, ctx.extra_tolerance) / whole
        if pq is not None and pq.meets(stated):
            return
    point = total.base_value / count.base_value
    shown = fmt_value(point, avg, max(avg.precision, 1))
    suggestion = None
    for other in rel.roles("other"):
        # "63人次，平均每人次0.35万元" where 0.35 = 3.15 ÷ 9批次: the average is per the other count
        oq = interval(total, ctx.extra_tolerance) / interval(other)
        if oq is not None and oq.meets(stated):
            reason = (
                f"{avg.text} 是 {total.text} ÷ {other.text} 的结果（按{other.unit}计），"
                f"而文中称按{count.unit}平均，应为 {shown}"
                if ctx.lang == "zh"
                else f"{avg.text} is {total.text} ÷ {other.text} (per {other.unit}), "
                f"but the text averages per {count.unit}: {shown}"
            )
            suggestion = Suggestion(avg, avg.text, shown, reason)
            break
    yield finding(
        ctx,
        "FL241",
        avg,
        [("total", total), ("count", count), ("average", avg)],
        {"total": named(total), "count": count.text, "computed": shown, "average": avg.text},
        expected=shown.removesuffix(avg.unit),
        actual=str(avg.value),
        arithmetic=f"{total.text} ÷ {count.text} = {shown}"
        + ("；" if ctx.lang == "zh" else "; ")
        + disjoint(ctx.lang, q.show(avg), stated.show(avg)),
        suggestion=suggestion,
    )


run = per_relation("average", check)
units = relation_units("average", check)
