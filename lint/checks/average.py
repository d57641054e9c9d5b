"""average: total ÷ count = the stated average (元 and 万元 converted)."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Context, disjoint, finding, named, per_relation
from lint.model import Finding, Relation
from lint.tolerance import fmt_value, interval


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
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
    point = total.base_value / count.base_value
    shown = fmt_value(point, avg, max(avg.precision, 1))
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
    )


run = per_relation("average", check)
