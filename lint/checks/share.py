"""share: part ÷ whole = the stated percentage; shares of a complete breakdown add to 100%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lint.checks.base import Context, disjoint, finding, named
from lint.checks.culprit import first_repair
from lint.model import Finding, Relation
from lint.tolerance import HUNDRED, Interval, interval


def run(ctx: Context) -> Iterator[Finding]:
    relations = ctx.analysis.relations
    for rel in relations:
        if rel.kind == "share":
            yield from check(rel, ctx)
    yield from shares_total(relations, ctx)


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    part, whole, share = rel.role("part"), rel.role("whole"), rel.role("share")
    if part is None or whole is None or share is None or whole.qualifiers.approx or part.qualifiers.approx:
        return
    ratio = interval(part) / interval(whole)
    if ratio is None:
        return
    computed = ratio.scale(HUNDRED)
    stated = interval(share, ctx.extra_tolerance)
    if computed.meets(stated):
        return
    point = part.base_value / whole.base_value * HUNDRED if whole.base_value else Decimal(0)
    shown = f"{point.quantize(Decimal(1).scaleb(-max(share.decimals, 2)))}%"
    suggestion = first_repair([(share, point)], ctx.lang)
    yield finding(
        ctx,
        "FL211",
        share,
        [("part", part), ("whole", whole), ("share", share)],
        {"part": named(part), "whole": named(whole), "computed": shown, "share": share.text},
        expected=shown.rstrip("%"),
        actual=str(share.value),
        arithmetic=f"{part.text} ÷ {whole.text} × 100 = {shown}"
        + ("；" if ctx.lang == "zh" else "; ")
        + disjoint(ctx.lang, computed.show(share), stated.show(share)),
        suggestion=suggestion,
    )


def shares_total(relations: list[Relation], ctx: Context) -> Iterator[Finding]:
    """For a breakdown whose parts add up, the shares of all its parts must add up to 100%."""
    by_part = {r.members[0][1].id: r for r in relations if r.kind == "share"}
    for rel in relations:
        if rel.kind != "sum":
            continue
        total = rel.role("total")
        parts = rel.roles("part")
        if total is None or len(parts) < 2 or not all(p.id in by_part for p in parts):
            continue
        if any(by_part[p.id].role("whole") is not total for p in parts):
            continue
        sum_iv = Interval.point(Decimal(0))
        for p in parts:
            sum_iv = sum_iv + interval(p)
        if not sum_iv.meets(interval(total)):
            continue  # the sum check reports this breakdown already
        shares = [by_part[p.id].role("share") for p in parts]
        s = Interval.point(Decimal(0))
        for sh in shares:
            assert sh is not None
            s = s + interval(sh, ctx.extra_tolerance)
        if s.contains(HUNDRED):
            continue
        written = sum((sh.value for sh in shares if sh is not None), Decimal(0))
        yield finding(
            ctx,
            "FL212",
            shares[-1] or total,
            [("total", total)] + [("share", sh) for sh in shares if sh is not None],
            {"sum": f"{written}%"},
            expected="100",
            actual=str(written),
            arithmetic=" + ".join(sh.text for sh in shares if sh is not None) + f" = {written}% ≠ 100%",
        )
