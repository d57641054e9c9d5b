"""change: current − base = the stated difference; difference ÷ base = the stated rate; the
direction word (增加/减少) agrees with the sign; a rate from a base of zero is undefined (info). A
rate or difference on a restated basis (同口径/可比/剔除…因素, [qualifiers] restated) is not checked
against the raw figures: the report does not write the restated base."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lint.checks.base import Context, disjoint, finding, named, per_relation, relation_units
from lint.checks.culprit import first_repair
from lint.model import Figure, Finding, Relation
from lint.tolerance import HUNDRED, Interval, fmt_value, interval

WORDS = {1: ("增加", "an increase"), -1: ("减少", "a decrease"), 0: ("持平", "no change")}


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    cur, base, diff, rate = rel.role("current"), rel.role("base"), rel.role("difference"), rel.role("rate")
    if any(f is not None and f.qualifiers.approx for f in (cur, base, diff, rate)):
        return
    # 同口径/可比/剔除…因素: a restated change is not the change between the raw figures written
    if diff is not None and diff.qualifiers.restated:
        return
    if rate is not None and rate.qualifiers.restated:
        rate = None
    extra = ctx.extra_tolerance
    if "stated_direction" in rel.data and cur is not None and base is not None:
        yield from _stated(rel, ctx, cur, base)
        return
    computed: Interval | None = None
    if cur is not None and base is not None:
        computed = interval(cur, extra) - interval(base, extra)
    if diff is not None and computed is not None and cur is not None and base is not None:
        stated = interval(diff, extra).scale(Decimal(diff.direction or 1))
        if not computed.meets(stated):
            yield _difference_finding(ctx, cur, base, diff, computed, stated)
    if rate is None:
        return
    # The base of the rate: written, or derived as current − difference.
    if base is not None:
        base_iv = interval(base, extra)
    elif cur is not None and diff is not None:
        base_iv = interval(cur, extra) - interval(diff, extra).scale(Decimal(diff.direction or 1))
    else:
        return
    if computed is None:
        assert diff is not None
        computed = interval(diff, extra).scale(Decimal(diff.direction or 1))
    if base_iv.lo <= 0 <= base_iv.hi or (base is not None and base.value == 0):
        yield finding(
            ctx,
            "FL224",
            rate,
            _shown(rel),
            {"base": named(base) if base else fmt_value(base_iv.mid, diff or rate), "rate": rate.text},
        )
        return
    ratio = computed / base_iv
    if ratio is None:
        return
    ratio = ratio.scale(HUNDRED)
    stated_rate = interval(rate, extra).scale(Decimal(rate.direction or 1))
    if ratio.meets(stated_rate):
        return
    wholes = [
        (w, r) for w in rel.roles("alternative") if diff is not None and (r := _whole_ratio(w, diff, extra))
    ]
    if any(r.meets(stated_rate) for _, r in wholes):
        return  # the change is the whole's, written after its breakdown
    members = _shown(rel)
    if diff is not None and base is not None:
        # the rate fits the written difference: FL221 already names the difference as the culprit
        written = interval(diff, extra).scale(Decimal(diff.direction or 1)) / base_iv
        if written is not None and written.scale(HUNDRED).meets(stated_rate):
            return
    if (
        rate.direction
        and ratio.meets(-stated_rate)
        and not (
            diff is not None
            and diff.direction == rate.direction
            and computed.meets(interval(diff).scale(Decimal(diff.direction)))
        )
    ):
        yield _direction_finding(ctx, rel, rate, ratio)
        return
    if wholes and diff is not None:
        # the reading nearest the written rate is the one a single slip explains: name its figures
        near, near_ratio = min(wholes, key=lambda wr: abs(wr[1].mid - stated_rate.mid))
        if abs(near_ratio.mid - stated_rate.mid) < abs(ratio.mid - stated_rate.mid):
            cur, ratio = near, near_ratio
            base_iv = interval(near, extra) - interval(diff, extra).scale(Decimal(diff.direction or 1))
            members = [
                ("current" if r == "current" else r, near if r == "current" else f) for r, f in members
            ]
    point = ratio.mid
    sign = Decimal(-1 if rate.direction < 0 else 1)
    # a rate written with its sign ("-5.2" in a 增减率 column) is shown signed; one after 增长/下降 is not
    signed = point if not rate.direction else abs(point)
    shown = f"{signed.quantize(Decimal(1).scaleb(-max(rate.decimals, 2)))}%"
    base_text = named(base) if base is not None else fmt_value(base_iv.mid, cur or rate)
    diff_text = diff.text if diff is not None else fmt_value(computed.mid, cur or rate)
    yield finding(
        ctx,
        "FL222",
        rate,
        members,
        {"computed": shown, "difference": diff_text, "base": base_text, "rate": rate.text},
        expected=shown.rstrip("%"),
        actual=str(rate.value),
        arithmetic=f"{diff_text} ÷ {base_text} × 100 = {shown}"
        + ("；" if ctx.lang == "zh" else "; ")
        # in the sign the report writes: a 降幅 of 39.47% is [39.466, 39.468], not negative
        + disjoint(ctx.lang, ratio.scale(sign).show(rate), stated_rate.scale(sign).show(rate)),
        suggestion=first_repair([(rate, signed)], ctx.lang),
    )


def _shown(rel: Relation) -> list[tuple[str, Figure]]:
    """The figures a finding names: an alternative whole the rate fitted none of is no culprit."""
    return [(r, f) for r, f in rel.members if r != "alternative"]


def _whole_ratio(whole: Figure, diff: Figure, extra: Decimal) -> Interval | None:
    """The rate (in %) of the difference against the base of `whole` (whole − difference)."""
    step = interval(diff, extra).scale(Decimal(diff.direction or 1))
    base_iv = interval(whole, extra) - step
    if base_iv.lo <= 0:
        return None
    ratio = step / base_iv
    return ratio.scale(HUNDRED) if ratio is not None else None


def _stated(rel: Relation, ctx: Context, cur: Figure, base: Figure) -> Iterator[Finding]:
    """ "决算数大于预算数" (lint/structure/stated.py): the words against the two figures, with rounding."""
    said = int(str(rel.data["stated_direction"]))
    gap = interval(cur, ctx.extra_tolerance) - interval(base, ctx.extra_tolerance)
    if gap.lo <= 0 <= gap.hi:
        if said == 0:
            return
        actual = 0  # equal within rounding: neither larger nor smaller
    else:
        actual = 1 if gap.lo > 0 else -1
    if actual == said or (said != 0 and actual == 0):
        return  # "大于" of figures equal within rounding is not a contradiction
    point = cur.base_value - base.base_value
    yield finding(
        ctx,
        "FL223",
        cur,
        [("current", cur), ("base", base)],
        {
            "word": str(rel.data.get("stated_word", WORDS[said][0])),
            "current": named(cur),
            "base": named(base),
            "actual_word": WORDS[actual][0],
            "actual_word_en": WORDS[actual][1],
        },
        expected=WORDS[actual][0],
        actual=WORDS[said][0],
        arithmetic=f"{cur.text} − {base.text} = {fmt_value(point, cur)}",
    )


def _difference_finding(
    ctx: Context, cur: Figure, base: Figure, diff: Figure, computed: Interval, stated: Interval
) -> Finding:
    point = cur.base_value - base.base_value
    if computed.meets(-stated) and point != 0:
        actual = 1 if point > 0 else -1
        return finding(
            ctx,
            "FL223",
            diff,
            [("current", cur), ("base", base), ("difference", diff)],
            {
                "word": WORDS[diff.direction][0],
                "current": named(cur),
                "base": named(base),
                "actual_word": WORDS[actual][0],
                "actual_word_en": WORDS[actual][1],
            },
            expected=WORDS[actual][0],
            actual=WORDS[diff.direction][0],
            arithmetic=f"{cur.text} − {base.text} = {fmt_value(point, diff)}",
        )
    sign = Decimal(-1 if diff.direction < 0 else 1)
    candidates = [
        (diff, abs(point) / diff.scale),
        (cur, (base.base_value + diff.direction * diff.base_value) / cur.scale),
    ]
    candidates.append((base, (cur.base_value - diff.direction * diff.base_value) / base.scale))
    return finding(
        ctx,
        "FL221",
        diff,
        [("current", cur), ("base", base), ("difference", diff)],
        {
            "current": named(cur),
            "base": named(base),
            "computed": fmt_value(abs(point), diff),
            "difference": diff.text,
        },
        expected=fmt_value(abs(point), diff).removesuffix(diff.unit),
        actual=str(diff.value),
        arithmetic=_subtraction(cur, base, diff, point)
        + ("；" if ctx.lang == "zh" else "; ")
        # in the sign the report writes: a 减少 of 477.74 is [477.735, 477.745], not negative
        + disjoint(ctx.lang, computed.scale(sign).show(diff), stated.scale(sign).show(diff)),
        suggestion=first_repair(candidates, ctx.lang, ctx.repeats),
    )


def _subtraction(cur: Figure, base: Figure, diff: Figure, point: Decimal) -> str:
    """`1210.48万元 − 732.74万元 = 477.74万元` for a 减少, so the result reads as the report writes it."""
    if diff.direction < 0:
        return f"{base.text} − {cur.text} = {fmt_value(-point, diff)}"
    return f"{cur.text} − {base.text} = {fmt_value(point, diff)}"


def _direction_finding(ctx: Context, rel: Relation, rate: Figure, ratio: Interval) -> Finding:
    cur, base = rel.role("current"), rel.role("base")
    actual = 1 if ratio.mid > 0 else -1
    word = "增长" if rate.direction > 0 else "下降"
    return finding(
        ctx,
        "FL223",
        rate,
        _shown(rel),
        {
            "word": word,
            "current": named(cur) if cur else "",
            "base": named(base) if base else "",
            "actual_word": WORDS[actual][0],
            "actual_word_en": WORDS[actual][1],
        },
        expected=WORDS[actual][0],
        actual=word,
    )


run = per_relation("change", check)
units = relation_units("change", check)
