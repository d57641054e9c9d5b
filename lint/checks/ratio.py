"""ratio: “完成年初预算的p%” = current ÷ the budget it names × 100."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lint.checks.base import Context, finding, named, per_relation, relation_units
from lint.model import Figure, Finding, Relation, Suggestion
from lint.tolerance import HUNDRED, fmt_value, interval

STAGE_WORDS = {
    "initial": ("年初预算", "initial budget"),
    "adjusted": ("全年预算", "adjusted budget"),
    "budget": ("预算", "budget"),
    "final": ("决算", "final account"),
}


def _staged(f: Figure, lang: str) -> str:
    """'全年预算321.02万元': in a rate's base what matters is which budget the figure is."""
    words = STAGE_WORDS.get(f.qualifiers.stage or "")
    name = words[0 if lang == "zh" else 1] if words else f.label
    return f"{name}{f.text}" if lang == "zh" else f"{name} {f.text}".strip()


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    cur, base, ratio = rel.role("current"), rel.role("base"), rel.role("ratio")
    if cur is None or base is None or ratio is None:
        return
    stated = interval(ratio, ctx.extra_tolerance)
    if rel.roles("plus") or rel.roles("minus"):
        yield from _implied(rel, ctx, cur, base, ratio)
        return
    ids = rel.data.get("not_base")
    not_base = set(ids) if isinstance(ids, (list, tuple)) else set()

    def fits(x: Figure) -> bool:
        aq = interval(cur) / interval(x)
        return aq is not None and aq.scale(HUNDRED).meets(stated)

    if base.id not in not_base and fits(base):
        return
    if rel.data.get("any_base") and any(
        alt.id not in not_base and fits(alt) for alt in rel.roles("alternative")
    ):
        return  # a rate that names no base holds against one of the amounts it may mean
    figures = [(r, f) for r, f in rel.members if r != "alternative"]
    base_name = named(base)
    alternatives = rel.roles("alternative")
    on_initial = [x for x in [base, *alternatives] if x.id in not_base and fits(x)]
    full = [x for x in [base, *alternatives] if x.qualifiers.stage == "adjusted"]
    if on_initial and full:
        # a rate naming no base that fits only the 年初预算 while the 全年预算 of the same subject is
        # written: it is against the 全年预算, and was worked out on the 年初预算 (the reason below)
        base, alternatives = full[0], on_initial[:1]
        figures = [("current", cur), ("base", base), ("ratio", ratio), ("alternative", on_initial[0])]
        base_name = _staged(base, ctx.lang)
    # Does the rate fit another budget figure of the same sentence? Then either the base it names is
    # wrong (the suggestion names that figure as the base) or, when the named base is the 全年预算 an
    # execution rate must use, the rate was worked out on the other figure.
    suggestion = None
    if base.value == 0:
        shown = "基数为0，无法计算" if ctx.lang == "zh" else "undefined (the base is 0)"
    else:
        point = cur.base_value / base.base_value * HUNDRED
        shown = f"{point.quantize(Decimal(1).scaleb(-max(ratio.decimals, 2)))}%"
    arithmetic = f"{cur.text} ÷ {base.text} × 100 = {shown}"
    for alt in alternatives:
        aq = interval(cur) / interval(alt)
        if aq is None or not aq.scale(HUNDRED).meets(stated):
            continue
        if base.qualifiers.stage == "adjusted" and base.value:
            # 执行率 = 执行数 ÷ 全年预算数 (年初 + 调整 + 结转): the base named is the right one, so the
            # rate was worked out on another figure (当年下达, 本年收入) and the rate is what is wrong
            staged = (
                not alt.label or alt.qualifiers.stage == "initial"
            )  # 年初预算200.00万元, not 项目200.00万元
            other = _staged(alt, ctx.lang) if staged else f"{alt.label}{alt.text}"
            reason = (
                f"{ratio.text} 是按 {other} 计算的；执行率应以全年预算数{base.text}为基数"
                if ctx.lang == "zh"
                else f"{ratio.text} was worked out on {other}; an execution rate is against the full-year "
                f"budget {base.text}"
            )
            arithmetic += (
                f"（按{_staged(alt, ctx.lang)}：{ratio.text}）"
                if ctx.lang == "zh"
                else f" (on the {_staged(alt, ctx.lang)}: {ratio.text})"
            )
            suggestion = Suggestion(ratio, ratio.text, shown, reason)
            break
        reason = (
            f"{ratio.text} 等于 {cur.text} ÷ {_staged(alt, ctx.lang)}，文中所称的基数（{_staged(base, ctx.lang)}）可能有误"
            if ctx.lang == "zh"
            else f"{ratio.text} is {cur.text} ÷ {_staged(alt, ctx.lang)}: the base the text names "
            f"({_staged(base, ctx.lang)}) looks wrong"
        )
        suggestion = Suggestion(base, _staged(base, ctx.lang), _staged(alt, ctx.lang), reason)
        break
    yield finding(
        ctx,
        "FL231",
        ratio,
        figures,
        {"current": named(cur), "base": base_name, "computed": shown, "ratio": ratio.text},
        expected=shown.rstrip("%") if base.value else None,
        actual=str(ratio.value),
        arithmetic=arithmetic,
        suggestion=suggestion,
    )


def _implied(rel: Relation, ctx: Context, cur: Figure, initial: Figure, ratio: Figure) -> Iterator[Finding]:
    """An execution rate against a 全年预算 the text gives only in parts: 年初 + 追加 − 调减."""
    plus, minus, carry = rel.roles("plus"), rel.roles("minus"), rel.roles("carry")
    base = interval(initial)
    value = initial.base_value
    for x in plus:
        base, value = base + interval(x), value + x.base_value
    for x in minus:
        base, value = base - interval(x), value - x.base_value
    stated = interval(ratio, ctx.extra_tolerance)
    # a carryover (上年结转) is a term of the 全年预算; a rate on the year's own budget alone is a reading
    q = interval(cur) / base
    if carry and q is not None and q.scale(HUNDRED).meets(stated):
        return
    for x in carry:
        base, value = base + interval(x), value + x.base_value
    q = interval(cur) / base
    if value <= 0 or q is None or q.scale(HUNDRED).meets(stated):
        return
    point = cur.base_value / value * HUNDRED
    shown = f"{point.quantize(Decimal(1).scaleb(-max(ratio.decimals, 2)))}%"
    terms = initial.text + "".join(f" + {x.text}" for x in (*plus, *carry))
    terms += "".join(f" − {x.text}" for x in minus)
    full = fmt_value(value, initial)
    suggestion = None
    on_initial = interval(cur) / interval(initial)
    if on_initial is not None and on_initial.scale(HUNDRED).meets(stated):
        reason = (
            f"{ratio.text} 是按年初预算 {initial.text} 计算的；执行率应以全年预算数（{terms} = {full}）为基数"
            if ctx.lang == "zh"
            else f"{ratio.text} was worked out on the initial budget {initial.text}; an execution rate is "
            f"against the full-year budget ({terms} = {full})"
        )
        suggestion = Suggestion(ratio, ratio.text, shown, reason)
    yield finding(
        ctx,
        "FL231",
        ratio,
        [(r, f) for r, f in rel.members],
        {
            "current": named(cur),
            "base": f"全年预算（{terms}）" if ctx.lang == "zh" else f"full-year budget ({terms})",
            "computed": shown,
            "ratio": ratio.text,
        },
        expected=shown.rstrip("%"),
        actual=str(ratio.value),
        arithmetic=f"{cur.text} ÷ ({terms}) × 100 = {shown}",
        suggestion=suggestion,
    )


run = per_relation("ratio", check)
units = relation_units("ratio", check)
