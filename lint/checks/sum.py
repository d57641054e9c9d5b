"""sum: the total of a stated breakdown equals the sum of its parts (SPEC §5 sum)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from lint.checks.base import Context, Unit, disjoint, figures_of, finding, graded, named
from lint.checks.culprit import first_repair, one_slip
from lint.identities import identities_for
from lint.model import Figure, Finding, Relation, Severity
from lint.tolerance import Interval, fmt_value, interval, unit_of
from lint.vocab import fold_label


def run(ctx: Context) -> Iterator[Finding]:
    shares = _shares_by_part(ctx.analysis.relations)
    for rel in ctx.analysis.relations:
        if rel.kind in ("sum", "identity"):
            yield from graded(rel, check(rel, ctx, shares))


def units(ctx: Context) -> list[Unit]:
    """`run` as units (lint/checks/recheck.py): a breakdown reads its figures and the shares written
    for its parts (the shares adding up to 100% say the list is complete)."""
    shares = _shares_by_part(ctx.analysis.relations)
    out = []
    for rel in ctx.analysis.relations:
        if rel.kind in ("sum", "identity"):
            parts = [p for r, p in rel.members if r in ("part", "minus")]
            reads = figures_of(rel).union(*(figures_of(shares[p.id]) for p in parts if p.id in shares))
            out.append(Unit(reads, partial(_graded, rel, ctx, shares)))
    return out


def _graded(rel: Relation, ctx: Context, shares: dict[int, Relation]) -> Iterator[Finding]:
    return graded(rel, check(rel, ctx, shares))


def _shares_by_part(relations: list[Relation]) -> dict[int, Relation]:
    return {r.members[0][1].id: r for r in relations if r.kind == "share"}


def check(rel: Relation, ctx: Context, shares: dict[int, Relation]) -> Iterator[Finding]:
    total = rel.role("total")
    parts = rel.roles("part") + rel.roles("minus")
    if total is None or not parts or any(p.qualifiers.approx for p in parts) or total.qualifiers.approx:
        return
    extra = ctx.extra_tolerance
    # whole points awarded by a 自评 template (rules/vocabulary.toml [scores] whole_points) are exact
    whole = bool(rel.data.get("whole_points"))

    def iv(f: Figure) -> Interval:
        return Interval.point(f.base_value) if whole else interval(f, extra)

    t = iv(total)
    s = Interval.point(Decimal(0))
    point = Decimal(0)
    for role, p in rel.members:
        if role == "part":
            s, point = s + iv(p), point + p.base_value
        elif role == "minus":
            s, point = s - iv(p), point - p.base_value
    if t.meets(s):
        return
    short = s.hi < t.lo
    if len(parts) == 1 and short:
        return  # one part of a larger whole: "其中" names only some
    unit = unit_of(total)
    complete = bool(rel.data.get("complete")) or rel.kind == "identity" or _shares_cover(parts, shares)
    diff = point - total.base_value
    exact = whole or (total.exact and all(p.exact for p in parts))
    # 舍位尾差: written figures a single last-place unit apart; counts are exact, never 尾差.
    if not exact and abs(diff) <= unit:
        code = "FL202"
    elif short and rel.data.get("partial"):
        return
    elif short and (not complete or (rel.kind == "sum" and _bare_partial(rel, parts, ctx))):
        code = "FL203"
    else:
        code = str(rel.data.get("code", "FL201")) if rel.kind == "identity" else "FL201"
    candidates = [(total, point / total.scale)]
    for role, p in rel.members:
        if role in ("part", "minus"):
            sign = 1 if role == "part" else -1
            candidates.append((p, (p.base_value - sign * diff) / p.scale))
    suggestion = first_repair(candidates, ctx.lang, ctx.repeats)
    terms = " + ".join(p.text for r, p in rel.members if r == "part")
    minus = "".join(f" − {p.text}" for r, p in rel.members if r == "minus")
    sep = "；" if ctx.lang == "zh" else "; "
    arithmetic = f"{total.text} ≠ {terms}{minus} = {fmt_value(point, total)}{sep}" + disjoint(
        ctx.lang, t.show(total), s.show(total)
    )
    values = {
        "total": named(total),
        "sum": fmt_value(point, total),
        "diff": fmt_value(abs(diff), total),
        "identity": rel.data.get("name", ""),
    }
    at = suggestion.figure if suggestion else total
    found = finding(
        ctx,
        code,
        at,
        [("total", total)] + [(r, p) for r, p in rel.members if r != "total"],
        values,
        expected=fmt_value(point, total).removesuffix(total.unit),
        actual=str(total.value),
        arithmetic=arithmetic,
        suggestion=suggestion,
    )
    found.anchor = total.location
    if code == "FL203" and abs(diff) * 100 > total.base_value and not one_slip(candidates, ctx.repeats):
        # most of a gap no single slip explains: the list likelier names only the main items
        found.severity = min(found.severity, Severity.INFO)
        found.certainty = "inferred"
    yield found


def _bare_partial(rel: Relation, parts: list[Figure], ctx: Context) -> bool:
    """A bare 其中 whose items are not a known complete split of the whole (rules/vocabulary.toml
    [markers] complete_split): 说明s sometimes name only the largest items, so a shortfall is FL203 (a warning: that the list is
    complete is one inferred link), not an error; the seed's lists still raise it when a figure changes."""
    ids = identities_for(ctx.catalog)
    vocab = ids.vocab
    marker = fold_label(str(rel.data.get("marker", "")), "：:")
    if rel.data.get("closed") or marker not in vocab.markers.get("bare_partial", []):
        return False
    total = rel.role("total")
    if total is not None and total.dimension in ("points", "score"):
        return False  # a 总得分's 其中 lists its indicators' scores: the template's whole split
    labels = [vocab.canonical(p.label) for p in parts if p.label]
    for split in vocab.markers.get("complete_split", []):
        names = [[vocab.canonical(w) for w in part.split("|")] for part in split.split("+")]
        if all(any(n in lab for n in part for lab in labels) for part in names):
            return False
    return True


def _shares_cover(parts: list[Figure], shares: dict[int, Relation]) -> bool:
    """Every part carries a share and the shares add up to ~100%: the list is complete."""
    if not parts or not all(p.id in shares for p in parts):
        return False
    total = sum((shares[p.id].members[2][1].value for p in parts), Decimal(0))
    return abs(total - 100) <= Decimal("0.1") * len(parts)
