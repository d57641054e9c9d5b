"""table: 合计/小计 rows and columns, 科目编码 hierarchy, repeats between tables and the 说明, 执行率, 得分.

Relations come from lint/structure/tables.py; every comparison uses the interval logic of SPEC §4,
so a figure that may have been rounded is never an error. A sum that carries other plausible readings
of its table (``alternatives``) is reported only when none of them adds up. A total that misses the sum of its rounded
parts by one or two units of the last decimal is 舍位平衡 and is reported as info (FL407).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial

from lint.checks.base import Context, Unit, disjoint, figures_of, finding
from lint.checks.culprit import first_repair
from lint.model import Figure, Finding, Relation
from lint.structure.tables import TableView
from lint.tolerance import HUNDRED, Interval, fmt_plain, fmt_value, interval, unit_of

ROUNDING_UNITS = 2  # 舍位平衡: a cent or two


def run(ctx: Context) -> Iterator[Finding]:
    vs = ctx.analysis.table_views
    for rel in _distinct(ctx):
        yield from _check(rel, ctx, vs)


def units(ctx: Context) -> list[Unit]:
    """`run` as units (lint/checks/recheck.py): each relation reads its own figures alone."""
    vs = ctx.analysis.table_views
    return [Unit(figures_of(rel), partial(_check, rel, ctx, vs)) for rel in _distinct(ctx)]


def _check(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    if rel.kind == "table-sum":
        yield from _check_sum(rel, ctx, vs)
    elif rel.kind == "table-repeat":
        yield from _check_repeat(rel, ctx, vs)
    elif rel.kind == "table-rate":
        yield from _check_rate(rel, ctx, vs)
    elif rel.kind == "table-score":
        yield from _check_score(rel, ctx, vs)
    elif rel.kind == "score-prose":
        yield from _check_score_prose(rel, ctx, vs)
    elif rel.kind == "score-grade":
        yield from _check_grade(rel, ctx)
    elif rel.kind == "score-rate":
        yield from _check_exec_score(rel, ctx, vs)
    elif rel.kind == "table-blank":
        yield from _check_blank(rel, ctx)


def _distinct(ctx: Context) -> list[Relation]:
    """The relations with distinct members (the first of each), worked out once per document: the
    culprit search re-runs this check once per candidate value (`Context.memo`)."""
    got = ctx.memo.get("table")
    if isinstance(got, list):
        return got
    done: set[tuple[int, ...]] = set()
    out: list[Relation] = []
    for rel in ctx.analysis.relations:
        key = tuple(sorted(f.id if f.id else id(f) for _, f in rel.members))
        if key not in done:
            done.add(key)
            out.append(rel)
    ctx.memo["table"] = out
    return out


def _check_blank(rel: Relation, ctx: Context) -> Iterator[Finding]:
    """The 说明 gives a figure whose own table cell is blank: structure found the one cell (FL288)."""
    b = rel.role("b")
    if b is None:
        return
    cell = str(rel.data.get("cell", ""))
    values: dict[str, object] = {
        "b": f"{b.label}{b.text}",
        "where": rel.data.get("where", ""),
        "cell": f"“{cell}”" if cell else "空白",
        "cell_en": f"“{cell}”" if cell else "blank",
    }
    yield finding(ctx, "FL288", b, [("b", b)], values, expected=str(b.value), actual=cell)


def describe(f: Figure, vs: list[TableView]) -> str:
    """How a figure is named in a message: its table cell, or its label in the 说明."""
    if f.table is None:
        return f"{f.label}{f.text}" if f.label else f.text
    ti, r, c = f.table
    if f.role == "weight":  # 产出指标（50分）: the weight its 一级指标 cell writes
        v = vs[ti]
        return f"{v.title or v.table.title or '表'}「{f.label}（{f.text}）」"
    return f"{vs[ti].where(r, c)} {f.text}"


def _cell(f: Figure, vs: list[TableView], total: Figure | None = None) -> str:
    """A part as named in a message: its row (科目 code and name), or its column when it sits in the
    total's own row (a 合计 column's parts)."""
    if f.table is None:
        return f.text
    ti, r, c = f.table
    v = vs[ti]
    if total is not None and total.table is not None and total.table[:2] == (ti, r):
        return f"{v.column_name(c)}{f.text}"
    g = v.group_of(c)
    label = (v.code(g, r) + " " + v.label(g, r)).strip() if g else ""
    return f"{label}{f.text}" if label else f.text


def _rounding(diff: Decimal, f: Figure, units: int = ROUNDING_UNITS) -> bool:
    return not f.exact and abs(diff) <= units * unit_of(f)


def _check_sum(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    total = rel.role("total")
    parts = rel.roles("part")
    if total is None or not parts:
        return
    extra = ctx.extra_tolerance
    t = interval(total, extra)
    readings = [parts, *_alternatives(rel)]
    sums = [_total_of(r, extra) for r in readings]
    if any(t.meets(s) for s, _ in sums):
        return  # some plausible reading of the table adds up
    # every reading fails: show the one that comes closest
    k = min(range(len(readings)), key=lambda i: abs(sums[i][1] - total.base_value))
    parts, (s, point) = readings[k], sums[k]
    diff = point - total.base_value
    code = str(rel.data.get("code", "FL401"))
    # 舍位平衡 is a cent or two of money; a score is awarded as written, so only a cent or two of
    # rounding from a computed score (9.586 → 9.59) is a remainder, never a whole point
    cent = Decimal("0.01") * total.scale
    if (abs(diff) <= ROUNDING_UNITS * cent) if code == "FL406" else _rounding(diff, total):
        code = "FL407"
    terms = " + ".join(p.text for p in parts)
    arithmetic = f"{total.text} ≠ {terms} = {fmt_value(point, total)}" + ("；" if ctx.lang == "zh" else "; ")
    arithmetic += disjoint(ctx.lang, t.show(total), s.show(total))
    values: dict[str, object] = {
        "total": describe(total, vs),
        "parts": "、".join(_cell(p, vs, total) for p in parts),
        "sum": fmt_value(point, total),
        "diff": fmt_value(abs(diff), total),
        "a": "",
        "b": "",
    }
    weights = rel.data.get("what") == "weight"
    values["detail"] = (
        f"≠ 各项{'分值' if weights else '得分'}之和 {values['sum']}（差 {values['diff']}）"
        if ctx.lang == "zh"
        else f"≠ the sum of the item {'weights' if weights else 'scores'} {values['sum']} (off by {values['diff']})"
    )
    out = finding(
        ctx,
        code,
        total,
        [("total", total)] + [("part", p) for p in parts],
        values,
        expected=fmt_value(point, total).removesuffix(total.unit),
        actual=str(total.value),
        arithmetic=arithmetic,
    )
    if code != "FL407":
        # a part whose digits were swapped leaves the total as it was: name that part
        candidates = [(total, point / total.scale)] + [
            (p, (total.base_value - point + p.base_value) / p.scale) for p in parts
        ]
        out.suggestion = first_repair(candidates, ctx.lang)
    yield out


def _alternatives(rel: Relation) -> list[list[Figure]]:
    """The parts of the table's other plausible readings (lint/structure/tables.py)."""
    alts = rel.data.get("alternatives")
    return [a for a in alts if isinstance(a, list)] if isinstance(alts, list) else []


def _total_of(parts: list[Figure], extra: Decimal) -> tuple[Interval, Decimal]:
    """The interval and the written value of a sum of parts."""
    s = Interval.point(Decimal(0))
    point = Decimal(0)
    for p in parts:
        s, point = s + interval(p, extra), point + p.base_value
    return s, point


def _check_repeat(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    a, b = rel.role("a"), rel.role("b")
    if a is None or b is None:
        return
    extra = ctx.extra_tolerance
    ia, ib = interval(a, extra), interval(b, extra)
    if ia.meets(ib):
        return
    diff = b.base_value - a.base_value
    coarse = a if unit_of(a) >= unit_of(b) else b
    # One fact written twice: its own rounding is inside the intervals, so only a single last-place
    # unit between the writings (174.15万元 vs 1,741,400.00元) is a remainder; two units are a slip.
    code = "FL407" if _rounding(diff, coarse, units=1) else str(rel.data.get("code", "FL403"))
    values: dict[str, object] = {
        "a": describe(a, vs) + ("" if a.unit == b.unit or a.table is None else a.unit),
        "b": str(rel.data.get("b") or describe(b, vs)),
        "diff": fmt_value(abs(diff), coarse),
        "total": "",
        "sum": "",
    }
    ta, tb = _written(a, b), _written(b, a)
    # both intervals in the unit of the coarser writing (万元 beside 元), as a reader compares them
    arithmetic = f"{ta} ≠ {tb}" + ("；" if ctx.lang == "zh" else "; ")
    arithmetic += disjoint(ctx.lang, ia.show(coarse), ib.show(coarse))
    yield finding(
        ctx,
        code,
        b,
        [("a", a), ("b", b)],
        values,
        expected=str(a.value) if a.unit == b.unit else fmt_plain(a.base_value, b),
        actual=str(b.value),
        arithmetic=arithmetic,
    )


def _written(f: Figure, other: Figure) -> str:
    """A figure as written, with its table's unit when the two figures are in different units."""
    if f.unit == other.unit or f.text.endswith(f.unit):
        return f.text
    return f"{f.text}{f.unit}"


def _check_rate(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    rate, actual, budget = rel.role("rate"), rel.role("actual"), rel.role("budget")
    if rate is None or actual is None or budget is None:
        return
    extra = ctx.extra_tolerance
    q = interval(actual, extra) / interval(budget, extra)
    if q is None:
        return  # a budget of 0: the rate is undefined, not wrong
    q = q.scale(HUNDRED)
    r = interval(rate, extra)
    if r.meets(q):
        return
    computed = actual.base_value / budget.base_value * HUNDRED
    values: dict[str, object] = {
        "rate": describe(rate, vs),
        "computed": f"{computed.quantize(Decimal('0.01'))}%",
        "actual": actual.text,
        "budget": budget.text,
    }
    yield finding(
        ctx,
        "FL405",
        rate,
        [("rate", rate), ("actual", actual), ("budget", budget)],
        values,
        expected=str(computed.quantize(Decimal("0.01"))),
        actual=str(rate.value),
        arithmetic=f"{actual.text} ÷ {budget.text} × 100 = {computed.quantize(Decimal('0.01'))}%；{r} ∩ {q} = ∅",
    )


def _check_score(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    score, top = rel.role("score"), rel.role("max")
    if score is None or top is None:
        return
    if interval(score).lo <= interval(top).hi:
        return
    values: dict[str, object] = {
        "total": describe(score, vs),
        "detail": f"超过分值 {top.text}" if ctx.lang == "zh" else f"exceeds its maximum {top.text}",
    }
    yield finding(
        ctx,
        "FL406",
        score,
        [("score", score), ("max", top)],
        values,
        expected=f"≤ {top.value}",
        actual=str(score.value),
        arithmetic=f"{score.text} > {top.text}",
    )


def _check_score_prose(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    """The 总分 in the prose is the table's 合计 得分."""
    table, prose = rel.role("table"), rel.role("prose")
    if table is None or prose is None:
        return
    it, ip = interval(table, ctx.extra_tolerance), interval(prose, ctx.extra_tolerance)
    if it.meets(ip):
        return
    where = describe(table, vs)
    if where.startswith("表「"):  # an untitled table: 与自评表「总分｜得分」, not 与自评表 表「…」
        where = where[1:]
    values: dict[str, object] = {
        "total": f"{prose.label}{prose.text}" if prose.label else prose.text,
        "detail": f"与自评表{'' if where.startswith('「') else ' '}{where} 不一致"
        if ctx.lang == "zh"
        else f"differs from the table's {where}",
    }
    yield finding(
        ctx,
        "FL406",
        prose,
        [("table", table), ("prose", prose)],
        values,
        expected=str(table.value),
        actual=str(prose.value),
        arithmetic=f"{prose.text} ≠ {table.text}"
        + ("；" if ctx.lang == "zh" else "; ")
        + disjoint(ctx.lang, ip.show(prose), it.show(prose)),
    )


def _check_grade(rel: Relation, ctx: Context) -> Iterator[Finding]:
    """The stated grade is the band of the 总分 (bands from rules/vocabulary.toml [scores])."""
    from lint.structure.scores import band, grading

    total = rel.role("total")
    stated = str(rel.data.get("grade", ""))
    at = rel.data.get("at")
    if total is None or not isinstance(at, int):
        return
    sv = ctx.catalog.vocabulary.scores
    own = rel.data.get("bands")
    bands = {str(k): str(v) for k, v in own.items()} if isinstance(own, dict) else None
    iv = interval(total)
    # a score on a band's edge (89.995 written 90.00) may belong to either band: report only when
    # both ends of its interval fall outside the stated band
    lo, hi = band(iv.lo, sv, bands), band(iv.hi, sv, bands)
    if stated in (lo, hi) or lo is None or hi is None:
        return
    low = next(m for n, _, m in grading(sv, bands) if n == hi)
    values: dict[str, object] = {
        "grade": str(rel.data.get("word", stated)),
        "score": total.text,
        "band": hi,
        "low": str(low),
    }
    yield finding(
        ctx,
        "FL408",
        ctx.analysis.document.location(at, at + len(str(rel.data.get("word", stated)))),
        [("total", total)],
        values,
        expected=hi,
        actual=stated,
        arithmetic=f"{total.text} → {hi}",
    )


def _check_exec_score(rel: Relation, ctx: Context, vs: list[TableView]) -> Iterator[Finding]:
    """预算执行率得分 = min(执行率, 100%) × 分值, the score written to its own precision."""
    rate, top, score = rel.role("rate"), rel.role("max"), rel.role("score")
    if rate is None or top is None or score is None:
        return
    m = interval(top)
    # a computed score is written to the template's precision (9.921 → 9.9), rounded or truncated
    unit = Decimal(1).scaleb(-score.decimals) * score.scale
    s = Interval(
        score.base_value - unit / 2 - ctx.extra_tolerance, score.base_value + unit + ctx.extra_tolerance
    )
    rates = [interval(rate)]
    actual, budget = rel.role("actual"), rel.role("budget")
    if actual is not None and budget is not None:
        q = interval(actual) / interval(budget)
        if q is not None:
            rates.append(q.scale(HUNDRED))  # the rate the row's own figures give (a miswritten rate: FL405)
    for r in rates:
        lo = min(r.lo, HUNDRED) / HUNDRED * m.lo
        hi = min(r.hi, HUNDRED) / HUNDRED * m.hi
        if s.hi >= lo and s.lo <= hi:
            return
    computed = min(rate.value, HUNDRED) / HUNDRED * top.value
    shown = computed.quantize(Decimal(1).scaleb(-max(score.decimals, 2)))
    values: dict[str, object] = {
        "score": describe(score, vs),
        "computed": str(shown),
        "rate": rate.text,
        "max": top.text,
    }
    yield finding(
        ctx,
        "FL409",
        score,
        [("score", score), ("rate", rate), ("max", top)],
        values,
        expected=str(shown),
        actual=str(score.value),
        arithmetic=f"min({rate.text}, 100%) × {top.text} = {shown}",
    )
