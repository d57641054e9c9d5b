"""repeat: the same labelled figure, with the same qualifiers, is written the same everywhere.

Figures are keyed by (label, dimension — for counts with their measure word —, stage, period) and split by scope (fund, heading subject,
"X中，" lead-in, breakdown parent: lint/structure/scopes.py). The value most often written wins; each figure that disagrees with it is named.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from lint.checks.base import Context, Unit, finding
from lint.identities import identities_for
from lint.model import Figure, Finding, Severity, Suggestion
from lint.structure.scopes import Scope
from lint.tolerance import interval

# Counts need long labels: short ones (产生办件) name different things in different paragraphs.
MIN_LABEL = {"money": 2, "people": 6, "count": 6}
# a 亿元 restatement this near its 万元/元 amount is a slip in it; farther, it may be another thing
NEAR = (Decimal(3) / 4, Decimal(4) / 3)


def _eligible(f: Figure, generic: set[str]) -> bool:
    n = MIN_LABEL.get(f.dimension)
    return (
        n is not None
        and f.role in ("amount", "base")
        and not f.qualifiers.approx
        and not f.scoped
        and len(f.label) >= n
        and f.label not in generic
    )


RepeatKey = tuple[str, str, str | None, str | None]


def repeat_groups(figures: list[Figure], generic: set[str]) -> dict[RepeatKey, list[Figure]]:
    """Prose figures that state the same fact: same label, dimension, stage and period."""
    groups: dict[RepeatKey, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.table is None and _eligible(f, generic):
            groups[key(f)].append(f)
    return groups


def key(f: Figure) -> RepeatKey:
    # a count's measure word names what is counted: 2,436户 and 8个 are never one fact
    kind = f"{f.dimension}:{f.unit}" if f.dimension == "count" else f.dimension
    return (f.label, kind, f.qualifiers.stage, f.qualifiers.period)


def run(ctx: Context) -> Iterator[Finding]:
    for cluster in _clusters(ctx):
        yield from _check(cluster, ctx)
    yield from _restated_in_yi(ctx, _whole_spent(ctx))


def _whole_spent(ctx: Context) -> list[Figure]:
    """The prose amounts naming the year's whole spending ([markers] whole_spent) with no subject of
    their own. Labels and scopes alone pick them, so the culprit search's re-runs reuse them."""
    words = set(identities_for(ctx.catalog).vocab.markers.get("whole_spent", []))
    scopes = ctx.analysis.scopes
    picked = [
        f
        for f in ctx.analysis.figures
        if f.table is None
        and f.dimension == "money"
        and f.role == "amount"
        and not f.qualifiers.approx
        and not f.scoped
        and (f.raw_label in words or f.label in words)
        and scopes.get(f.id, Scope()).fund is None
    ]
    if not any(f.unit == "亿元" for f in picked):
        return []  # nothing restated in 亿元: whose each amount is need not be asked
    generic = ctx.analysis.generic_labels
    subjects: dict[int, list[int]] = {}  # line → where a money figure naming another subject starts
    for g in ctx.analysis.figures:
        if (
            g.dimension == "money"
            and g.label
            and g.label not in generic
            and not any(w.startswith(g.label) for w in words)
        ):
            subjects.setdefault(g.location.line, []).append(g.start)

    def own_subject(f: Figure) -> bool:
        """Whether f's line names another subject before it ("甲项目预算9,000.00万元，实际支出…"), or its
        heading, lead-in or breakdown does: the 实际支出 is that thing's, not the whole's."""
        s = scopes.get(f.id, Scope())
        if s.subject is not None or s.parent is not None or s.lead:
            return True
        return any(start < f.start for start in subjects.get(f.location.line, []))

    return [f for f in picked if f.unit == "亿元" or not own_subject(f)]


def _restated_in_yi(ctx: Context, picked: list[Figure]) -> Iterator[Finding]:
    """ "本部门整体支出1.26亿元" against "全年实际支出13,560.25万元": the year's whole spending written
    rounded in 亿元 under one of its names and in 万元/元 under another is one fact, when every such
    万元/元 figure of the same stage and period agrees on one value and the two are of one size (within
    a third: a slip, not another thing). Two labels read as one: a warning."""
    for yi in [f for f in picked if f.unit == "亿元"]:
        q = yi.qualifiers
        fine = [
            f
            for f in picked
            if f.unit != "亿元" and (f.qualifiers.stage, f.qualifiers.period) == (q.stage, q.period)
        ]
        if not fine or len({f.base_value for f in fine}) != 1 or not fine[0].base_value > 0:
            continue
        if interval(yi, ctx.extra_tolerance).meets(interval(fine[0], ctx.extra_tolerance)):
            continue
        if not NEAR[0] < yi.base_value / fine[0].base_value < NEAR[1]:
            continue
        found = _disagreement(ctx, "FL261", yi, fine[0], None)
        found.certainty = "inferred"
        found.severity = min(found.severity, Severity.WARNING)
        yield found


def units(ctx: Context) -> list[Unit]:
    """`run` as units (lint/checks/recheck.py): a cluster reads its own figures alone, the 亿元
    restatement the whole-spending amounts."""
    spent = _whole_spent(ctx)
    return [Unit(frozenset(f.id for f in c), partial(_check, c, ctx)) for c in _clusters(ctx)] + [
        Unit(frozenset(f.id for f in spent), partial(_restated_in_yi, ctx, spent))
    ]


def _clusters(ctx: Context) -> list[list[Figure]]:
    """The clusters of figures stating one fact. Labels and scopes alone decide them, never a value, so
    they are worked out once and kept for the culprit search's re-runs (`Context.memo`)."""
    got = ctx.memo.get("repeat")
    if isinstance(got, list):
        return got
    a = ctx.analysis
    out: list[list[Figure]] = []
    for figs in repeat_groups(a.figures, a.generic_labels).values():
        if len(figs) < 2:
            continue
        out += scope_clusters(figs, a.scopes)
    ctx.memo["repeat"] = out
    return out


def scope_clusters(figs: list[Figure], scopes: dict[int, Scope]) -> list[list[Figure]]:
    """Figures of one label split by what the label means where each stands: the fund must be
    equal (scopes name one only where a second fund holds money); a figure whose heading, lead-in
    or breakdown names no subject may repeat any."""
    by_fund: dict[tuple[str | None, bool], list[Figure]] = defaultdict(list)
    for f in figs:
        s = scopes.get(f.id, Scope())
        by_fund[(s.fund, s.flow)].append(f)
    groups = list(by_fund.values())
    out: list[list[Figure]] = []
    for group in groups:
        strict = {scopes[f.id].subject for f in group if f.id in scopes and scopes[f.id].lead}
        for by_subject in _split(
            group, {f.id: scopes[f.id].subject for f in group if f.id in scopes}, strict
        ):
            for by_parent in _split(
                by_subject, {f.id: scopes[f.id].parent for f in by_subject if f.id in scopes}
            ):
                out += _split(by_parent, {f.id: scopes[f.id].when for f in by_parent if f.id in scopes})
    return [c for c in out if len(c) > 1]


def _split(
    figs: list[Figure], scope: dict[int, str | None], strict: set[str | None] | None = None
) -> list[list[Figure]]:
    """One cluster per scope named; a figure that names none joins every cluster but the strict
    ones (a sentence's own "X中，" lead-in speaks only of X)."""
    named = {s for f in figs if (s := scope.get(f.id)) is not None}
    strict = strict or set()
    if len(named) <= 1 and not (named & strict):
        return [figs]
    unnamed = [f for f in figs if scope.get(f.id) is None]
    out = [
        [f for f in figs if scope.get(f.id) == s] + ([] if s in strict else unnamed) for s in sorted(named)
    ]
    if unnamed and all(s in strict for s in named):
        out.append(unnamed)
    return out


def _check(figs: list[Figure], ctx: Context) -> Iterator[Finding]:
    counts = Counter(f.base_value for f in figs)
    if len(counts) > 2:
        return  # three different values under one label: the label is ambiguous, not the figures
    ranked = counts.most_common()
    majority_value, n = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == n:
        # a tie: trust the first occurrence
        majority_value = figs[0].base_value
    reference = next(f for f in figs if f.base_value == majority_value)
    ref_iv = interval(reference, ctx.extra_tolerance)
    for f in figs:
        if f is reference or f.base_value == reference.base_value:
            continue
        same_writing = f.unit == reference.unit and f.precision == reference.precision
        if not same_writing and interval(f, ctx.extra_tolerance).meets(ref_iv):
            continue  # 0.14万元 and 1400元 may be one fact written two ways
        yield _disagreement(ctx, "FL261", f, reference, _majority(ctx, f, reference, counts))


def _disagreement(
    ctx: Context, rule: str, f: Figure, other: Figure, suggestion: Suggestion | None
) -> Finding:
    """`f` written otherwise than its repeat `other`, told from `f` ("此处")."""
    return finding(
        ctx,
        rule,
        f,
        [("figure", f), ("repeat", other)],
        {"label": f.label, "value": f.text, "other_value": other.text, "other_line": other.location.line},
        expected=str(other.base_value / f.scale),
        actual=str(f.value),
        arithmetic=f"{f.text} ≠ {other.text}",
        suggestion=suggestion,
    )


def _majority(ctx: Context, f: Figure, reference: Figure, counts: Counter[Decimal]) -> Suggestion | None:
    """When the other value is written more often, this one is the likely typo."""
    if counts[reference.base_value] <= counts[f.base_value] or f.unit != reference.unit:
        return None
    n = counts[reference.base_value]
    reason = (
        f"同一数字在其他 {n} 处均写作 {reference.text}"
        if ctx.lang == "zh"
        else f"the same figure is written {reference.text} in {n} other places"
    )
    return Suggestion(f, str(f.value), str(reference.value), reason)


def turned(ctx: Context, fd: Finding) -> Finding:
    """The same disagreement told from the other figure: when the culprit search finds the value
    kept as the reference is the slip (it fails a sum the other value satisfies), the finding stands
    at it and "此处" names it. Everything the search decided (suggestion, severity, related) is kept."""
    f, other = fd.figures[0][1], fd.figures[1][1]
    out = _disagreement(ctx, fd.rule, other, f, fd.suggestion)
    out.severity, out.certainty = fd.severity, fd.certainty
    out.candidates, out.related = fd.candidates, fd.related
    return out
