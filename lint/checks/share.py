"""share: part ÷ whole = the stated percentage; shares of a complete breakdown add to 100%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from lint.checks.base import Context, Unit, Units, disjoint, figures_of, finding, graded, named
from lint.checks.culprit import first_repair
from lint.model import Figure, Finding, Relation
from lint.tolerance import HUNDRED, interval, interval_sum


def run(ctx: Context) -> Iterator[Finding]:
    relations = ctx.analysis.relations
    shares = [r for r in relations if r.kind == "share"]
    siblings = _siblings(relations, shares)
    reasons = {id(r): _rounding_reason(r, siblings.get(id(r), []), ctx.lang) for r in shares}
    # "占本年支出合计的99.94%" restates a share already balanced elsewhere (same part, whole and
    # writing): it inherits that reading.
    by_fact = {_fact(r): why for r in shares if (why := reasons[id(r)])}
    for rel in shares:
        yield from graded(rel, check(rel, ctx, reasons[id(rel)] or by_fact.get(_fact(rel))))
    yield from shares_total(relations, ctx)
    for rel in relations:
        if rel.kind == "share-implied":
            yield from _implied(rel, ctx)


def _implied(rel: Relation, ctx: Context) -> Iterator[Finding]:
    return graded(rel, implied(rel, ctx))


def implied(rel: Relation, ctx: Context) -> Iterator[Finding]:
    """FL214: each share of a complete list against part ÷ Σ parts (lint/structure/implied.py). A share
    within two last-place units when the written shares total exactly 100% is 舍位平衡, not an error."""
    parts, shares = rel.roles("part"), rel.roles("share")
    whole = interval_sum(parts)
    whole_value = sum((p.base_value for p in parts), Decimal(0))
    # shares totalling exactly 100% are balanced (舍位平衡); past 100% the wrong share is the one far
    # off, and a last-place difference on the others is the same rounding
    balanced = sum((s.value for s in shares), Decimal(0)) == HUNDRED or bool(rel.data.get("overfull"))
    if not whole_value:
        return
    for part, share in zip(parts, shares, strict=True):
        ratio = interval(part) / whole
        if ratio is None:
            continue
        computed, stated = ratio.scale(HUNDRED), interval(share, ctx.extra_tolerance)
        point = part.base_value / whole_value * HUNDRED
        unit = Decimal(1).scaleb(-share.decimals)
        if computed.meets(stated) or (balanced and abs(point - share.value) <= 2 * unit + unit / 2):
            continue
        shown = f"{point.quantize(Decimal(1).scaleb(-max(share.decimals, 2)))}%"
        whole_text = "+".join(p.text for p in parts)
        yield finding(
            ctx,
            "FL214",
            share,
            [("part", part), ("share", share)],
            {"part": named(part), "whole": whole_text, "computed": shown, "share": share.text},
            expected=shown.rstrip("%"),
            actual=str(share.value),
            arithmetic=f"{part.text} ÷ ({whole_text}) × 100 = {shown}"
            + ("；" if ctx.lang == "zh" else "; ")
            + disjoint(ctx.lang, computed.show(share), stated.show(share)),
            suggestion=first_repair([(share, point)], ctx.lang),
        )


def _siblings(relations: list[Relation], shares: list[Relation]) -> dict[int, list[Figure]]:
    """share relation → the shares written for every part of its breakdown (itself included);
    a share outside any breakdown has the other shares of the same whole figure."""
    by_part = {id(r.members[0][1]): r for r in shares}
    out: dict[int, list[Figure]] = {}
    for rel in relations:
        total = rel.role("total")
        if rel.kind != "sum" or total is None:
            continue
        group = [by_part[id(p)] for p in rel.roles("part") if id(p) in by_part]
        group = [r for r in group if r.role("whole") is total]
        for r in group:
            out[id(r)] = [sh for x in group if (sh := x.role("share")) is not None]
    by_whole: dict[int, list[Figure]] = {}
    for r in shares:
        whole, share = r.role("whole"), r.role("share")
        if whole is not None and share is not None and id(r) not in out:
            by_whole.setdefault(whole.id, []).append(share)
    for r in shares:
        whole = r.role("whole")
        if id(r) not in out and whole is not None:
            out[id(r)] = by_whole.get(whole.id, [])
    return out


def _fact(rel: Relation) -> tuple[Decimal, ...]:
    """(part, whole, share) as values: one share written in two places."""
    return tuple(f.base_value for _, f in rel.members)


def _rounding_reason(rel: Relation, siblings: list[Figure], lang: str) -> str | None:
    """Why a share one or two last-place units from part ÷ whole is still a faithful writing:
    the shares of its breakdown were balanced to total exactly 100% (舍位平衡), or it was rounded
    in two steps (99.9345 → 99.935 → 99.94). None when neither reading holds (or it holds anyway)."""
    part, whole, share = rel.role("part"), rel.role("whole"), rel.role("share")
    if part is None or whole is None or share is None or not whole.base_value:
        return None
    point = part.base_value / whole.base_value * HUNDRED
    unit = Decimal(1).scaleb(-share.decimals)
    if abs(point - share.value) > 2 * unit + unit / 2:
        return None
    if len(siblings) >= 2 and sum((s.value for s in siblings), Decimal(0)) == HUNDRED:
        return (
            "各项占比合计恰为100%（舍位平衡）" if lang == "zh" else "the shares total exactly 100% (舍位平衡)"
        )
    finer = point.quantize(unit / 10, rounding=ROUND_HALF_UP).quantize(unit, rounding=ROUND_HALF_UP)
    if finer == share.value:
        return "先保留多一位小数再舍入（两次舍入）" if lang == "zh" else "rounded in two steps"
    return None


def _budget_whole_of_actual(rel: Relation, part: Figure, whole: Figure) -> bool:
    """ "年初预算24,000万元，…全年完成25,860万元。其中：税收收入16,420万元，占一般公共预算收入的63.5%": an
    amount actually collected or spent is a share of the actual whole; a whole found by its label that
    is a budget (年初/调整预算), when the share names no stage, is a misreading, not a contradiction."""
    budget = ("budget", "initial", "adjusted")
    return (
        part.qualifiers.stage == "final"
        and whole.qualifiers.stage in budget
        and not rel.data.get("stage_named", True)
    )


def check(rel: Relation, ctx: Context, reason: str | None = None) -> Iterator[Finding]:
    """FL211 when part ÷ whole misses the stated share; FL213 (info) when `reason` says why the
    writing is still faithful (舍位平衡, two-step rounding)."""
    part, whole, share = rel.role("part"), rel.role("whole"), rel.role("share")
    if part is None or whole is None or share is None or whole.qualifiers.approx or part.qualifiers.approx:
        return
    if _budget_whole_of_actual(rel, part, whole):
        return
    ratio = interval(part) / interval(whole)
    if ratio is None:
        return
    computed = ratio.scale(HUNDRED)
    stated = interval(share, ctx.extra_tolerance)
    if computed.meets(stated):
        return
    for alt in rel.roles("alternative"):
        # a bare 占 may be of the whole its sentence named just before (政府采购支出总额)
        other = interval(part) / interval(alt)
        if other is not None and other.scale(HUNDRED).meets(stated):
            return
    point = part.base_value / whole.base_value * HUNDRED if whole.base_value else Decimal(0)
    shown = f"{point.quantize(Decimal(1).scaleb(-max(share.decimals, 2)))}%"
    suggestion = None if reason else first_repair([(share, point)], ctx.lang)
    yield finding(
        ctx,
        "FL213" if reason else "FL211",
        share,
        [("part", part), ("whole", whole), ("share", share)],
        {
            "part": named(part),
            "whole": named(whole),
            "computed": shown,
            "share": share.text,
            "reason": reason,
        },
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
        if rel.kind == "sum":
            yield from _shares_total(rel, by_part, ctx)


def _shares_total(rel: Relation, by_part: dict[int, Relation], ctx: Context) -> Iterator[Finding]:
    total = rel.role("total")
    parts = rel.roles("part")
    if total is None or len(parts) < 2 or not all(p.id in by_part for p in parts):
        return
    if any(by_part[p.id].role("whole") is not total for p in parts):
        return
    if not interval_sum(parts).meets(interval(total)):
        return  # the sum check reports this breakdown already
    shares = [sh for p in parts if (sh := by_part[p.id].role("share")) is not None]
    if interval_sum(shares, ctx.extra_tolerance).contains(HUNDRED):
        return
    written = sum((sh.value for sh in shares), Decimal(0))
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


class Recheck:
    """The share checks worked out again after one figure's value changed (lint/checks/recheck.py).
    A share relation reads its own figures and its siblings' shares (舍位平衡), and inherits the
    reason of another share of the same fact (part, whole and share values): it is checked again
    when it or a sibling holds the changed figure, or when the reason kept for its fact changes."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        relations = ctx.analysis.relations
        self.shares = [r for r in relations if r.kind == "share"]
        siblings = _siblings(relations, self.shares)
        self.siblings = [siblings.get(id(r), []) for r in self.shares]
        self.reasons = [self._reason(i) for i in range(len(self.shares))]
        self.facts = [_fact(r) for r in self.shares]
        self.by_fact = {fact: why for fact, why in zip(self.facts, self.reasons, strict=True) if why}
        self.used = [
            why or self.by_fact.get(fact) for fact, why in zip(self.facts, self.reasons, strict=True)
        ]
        self.found = [self._check(i, self.used[i]) for i in range(len(self.shares))]
        self.holders: dict[tuple[Decimal, ...], list[int]] = {}
        self.reading: dict[int, list[int]] = {}  # figure id → the share relations reading it
        for i, rel in enumerate(self.shares):
            self.holders.setdefault(self.facts[i], []).append(i)
            for fid in {f.id for _, f in rel.members} | {f.id for f in self.siblings[i]}:
                self.reading.setdefault(fid, []).append(i)
        by_part = {r.members[0][1].id: r for r in self.shares}
        rest = [
            Unit(
                figures_of(rel).union(
                    *(figures_of(by_part[p.id]) for p in rel.roles("part") if p.id in by_part)
                ),
                partial(_shares_total, rel, by_part, ctx),
            )
            for rel in relations
            if rel.kind == "sum"
        ]
        rest += [
            Unit(figures_of(rel), partial(_implied, rel, ctx))
            for rel in relations
            if rel.kind == "share-implied"
        ]
        self.rest = Units(rest)

    def _reason(self, i: int) -> str | None:
        return _rounding_reason(self.shares[i], self.siblings[i], self.ctx.lang)

    def _check(self, i: int, reason: str | None) -> list[Finding]:
        rel = self.shares[i]
        return list(graded(rel, check(rel, self.ctx, reason)))

    def findings(self, changed: Figure) -> list[Finding]:
        out = self.rest.findings(changed)
        direct = self.reading.get(changed.id, [])
        if not direct:
            return out + [f for fs in self.found for f in fs]
        reasons = {i: self._reason(i) for i in direct}
        facts = {i: _fact(self.shares[i]) for i in direct}
        touched = {self.facts[i] for i in direct} | set(facts.values())
        by_fact: dict[tuple[Decimal, ...], str | None] = {}
        for fact in touched:
            held = [i for i in self.holders.get(fact, []) if i not in reasons]
            held = sorted(held + [i for i, f in facts.items() if f == fact])
            why = [r for i in held if (r := reasons.get(i, self.reasons[i]))]
            by_fact[fact] = why[-1] if why else None  # the last share of the fact with a reason
        again = set(direct) | {i for fact in touched for i in self.holders.get(fact, [])}
        found = list(self.found)
        for i in again:
            fact = facts.get(i, self.facts[i])
            used = reasons.get(i, self.reasons[i]) or by_fact[fact]
            if i in reasons or used != self.used[i]:
                found[i] = self._check(i, used)
        return out + [f for fs in found for f in fs]
