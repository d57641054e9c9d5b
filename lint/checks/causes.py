"""One culprit over all relations at once, after every check has run.

A per-relation suggestion sees one relation; the wrong figure is the one whose single change repairs
every failing relation it stands in and breaks none that holds. For every figure of a failing
finding, the values that would repair each of its relations are tried by re-running the numeric
checks with that value: repeats, tables, headings and rates all vote. The change that repairs the
most findings and breaks nothing is suggested; equally good changes are a tie (no suggestion, the
candidates listed); a per-check suggestion whose change would break a relation that holds is dropped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

from lint.checks.base import Context, Recheck
from lint.checks.culprit import repair, slip
from lint.checks.repeat import turned
from lint.model import Figure, Finding, Severity, Suggestion
from lint.tolerance import HUNDRED

Key = tuple[str, frozenset[int]]
NUMERIC = ("sum", "share", "change", "ratio", "rate", "average", "count", "repeat", "identity", "table")
REASON_ALL = {
    "zh": "改为该值可使其涉及的全部 {n} 处关系成立，且不破坏任何成立的关系",
    "en": "that value repairs all {n} relations it is in and breaks none that holds",
}
MAX_CANDIDATES = 60  # re-checks per file: a document full of errors is not searched exhaustively


def _key(f: Finding) -> Key:
    return (f.rule, frozenset(x.id for _, x in f.figures))


class _Keys:
    """`_key` of each finding, worked out once: the findings of the units a change leaves alone are
    the same objects at every candidate (the finding is kept so that its id is never reused)."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[Finding, Key]] = {}

    def __call__(self, f: Finding) -> Key:
        got = self.known.get(id(f))
        if got is None or got[0] is not f:
            got = self.known[id(f)] = (f, _key(f))
        return got[1]


def _serious(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity >= Severity.WARNING and f.figures]


def _solve(f: Finding) -> Iterator[tuple[Figure, Decimal]]:
    """Values (in each figure's base unit) that would make the finding's relation hold; a quotient
    (a share, rate or average) is only near the written value it was rounded to."""
    roles: dict[str, list[Figure]] = {}
    for r, x in f.figures:
        roles.setdefault(r, []).append(x)

    def one(name: str) -> Figure | None:
        xs = roles.get(name, [])
        return xs[0] if len(xs) == 1 else None

    total, parts, minus = one("total"), roles.get("part", []), roles.get("minus", [])
    if total is not None and parts and "share" not in roles and "average" not in roles:
        s = sum((p.base_value for p in parts), Decimal(0)) - sum((m.base_value for m in minus), Decimal(0))
        yield total, s
        for p in parts:
            yield p, total.base_value - (s - p.base_value)
        for m in minus:
            yield m, s + m.base_value - total.base_value
    part, whole, share = one("part"), one("whole"), one("share")
    if part is not None and whole is not None and share is not None:
        if whole.base_value:
            yield share, part.base_value / whole.base_value * HUNDRED
        yield part, share.value * whole.base_value / HUNDRED
        if share.value:
            yield whole, part.base_value * HUNDRED / share.value
    cur, base, diff = one("current"), one("base"), one("difference")
    rate = one("rate") or one("ratio")
    if cur is not None and base is not None and diff is not None:
        d = Decimal(diff.direction or 1) * diff.base_value
        yield diff, abs(cur.base_value - base.base_value)
        yield cur, base.base_value + d
        yield base, cur.base_value - d
    if rate is not None and base is not None:
        sign = Decimal(rate.direction or 1) if one("rate") else Decimal(1)
        delta: Decimal | None = None
        if diff is not None:
            delta = Decimal(diff.direction or 1) * diff.base_value
        elif cur is not None:
            delta = cur.base_value - (base.base_value if one("rate") else 0)
        if delta is not None and base.base_value:
            yield rate, abs(delta / base.base_value * HUNDRED)
        if delta is not None and rate.value:
            yield base, abs(delta * HUNDRED / (sign * rate.value))
            if diff is not None:
                yield diff, abs(base.base_value * rate.value / HUNDRED)
            elif cur is not None and one("ratio"):
                yield cur, base.base_value * rate.value / HUNDRED
    if rate is not None and one("rate") and base is None and cur is not None and diff is not None:
        # 支出1,895万元，减少134万元，降幅0.66%: the base is only implied (1,895 + 134)
        d = Decimal(diff.direction or 1) * diff.base_value
        if cur.base_value - d:
            yield rate, abs(d / (cur.base_value - d) * HUNDRED)
        signed = Decimal(rate.direction or 1) * rate.value
        if signed:
            yield cur, d + d * HUNDRED / signed
    count, avg = one("count"), one("average")
    if total is not None and count is not None and avg is not None:
        if count.base_value:
            yield avg, total.base_value / count.base_value
        yield total, avg.base_value * count.base_value
        if avg.base_value:  # 10人 written 20人: the count is the slip, the average is right
            yield count, total.base_value / avg.base_value
    fig, other = one("figure") or one("a"), one("repeat") or one("b")
    if fig is not None and other is not None:
        yield fig, other.base_value
        yield other, fig.base_value


def _slack(fd: Finding, fig: Figure, exact: Decimal) -> Decimal:
    """How far a value worked out from the finding's other figures may lie from `exact` because
    those figures are rounded: their relative half-units add up (first order)."""
    rel = Decimal(0)
    for _, x in fd.figures:
        if x is not fig and x.base_value and not x.exact:
            rel += Decimal(1).scaleb(-x.precision) / 2 / abs(x.value)
    return abs(exact) * rel


def _written(f: Figure, base_value: Decimal) -> Decimal | None:
    """A base-unit value as `f` would write it (its unit, its decimals), or None if impossible."""
    if not f.scale:
        return None
    try:
        v = (base_value / f.scale).quantize(Decimal(1).scaleb(-f.decimals))
    except InvalidOperation:
        return None
    if v < 0 or v == f.value or (f.exact and v != v.to_integral_value()):
        return None
    return v


def _typos(f: Figure) -> list[Decimal]:
    """The numbers a slip of the pen makes of `f`: two adjacent digits swapped, one digit changed,
    the decimal point one place off."""
    text = str(abs(f.value))
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    out: list[str] = []
    for a, b in itertools.pairwise(digits):
        chars = list(text)
        chars[a], chars[b] = chars[b], chars[a]
        out.append("".join(chars))
    for i in digits:
        for d in "0123456789":
            out.append(text[:i] + d + text[i + 1 :])
    values = []
    for t in out:
        try:
            values.append(Decimal(t))
        except InvalidOperation:
            continue
    values += [abs(f.value) * 10, abs(f.value) / 10]
    return [v for v in values if v != abs(f.value)]


def _lenient(findings: list[Finding], key: Callable[[Finding], Key] = _key) -> set[Key]:
    """Relations of the numeric checks that hold only on a charitable reading (an info: a share
    accepted because the shares were rounded to make 100%). A change that needs one is a worse
    repair than one after which everything holds plainly: 0.45 → 0.55 would repair a sum but leave
    its share 0.06% standing only as 舍位平衡."""
    return {key(f) for f in findings if f.severity == Severity.INFO and f.figures and f.rule[2] in "24"}


def _shifts(f: Figure, exact: Decimal, near: Decimal) -> list[Decimal]:
    """The figure with its decimal point one place back, when that is (near) the value the relation
    needs: 255.41 written 2554.1 is repaired by 255.41, which its own written decimals cannot say."""
    if f.exact:
        return []
    out = []
    for w in (f.value / 10, (f.value * 10).quantize(Decimal(1).scaleb(-max(f.decimals - 1, 0)))):
        if w != f.value and abs(w - exact) <= near:
            out.append(w)
    return out


def _confirmed(ctx: Context) -> set[int]:
    """Figures two other places write with the very same value: never the one to change, even when
    the labels differ too much for a repeat to be read (732.74 as 收入, 决算收入支出, 财政拨款收入支出).
    Short numbers (0, 5, 12) repeat by chance and confirm nothing; a three-digit one (6.75) confirms
    when one of the other two is written under the same label (公务用车运行维护费6.75 in the 三公 section
    confirms the same item of the 公用经费 breakdown, even where scopes keep them from being a repeat)."""
    seen: dict[tuple[str, object], list[Figure]] = {}
    for f in ctx.analysis.figures:
        digits = len(str(abs(f.value)).replace(".", "").lstrip("0"))
        if digits >= 3:
            seen.setdefault((f.dimension, f.base_value), []).append(f)
    out: set[int] = set()
    for figs in seen.values():
        if len(figs) < 3:
            continue
        for f in figs:
            # a three-digit 6.75 confirms only when one of the others is written under its own label
            long = len(str(abs(f.value)).replace(".", "").lstrip("0")) >= 4
            if long or any(g is not f and g.label and g.label == f.label for g in figs):
                out.add(f.id)
    return out


def _plausibility(f: Figure, v: Decimal, lang: str) -> int:
    """1: a slip of the pen (two neighbouring digits swapped, one digit edited, the point shifted);
    0: any other number. A swap is not likelier than an edit: 24.89 written 24.80 is repaired as well
    by 0.45 → 0.54 (both are 0.09 off), and preferring the swap would be a guess — it is a tie."""
    if repair(f, v, lang) is not None:
        return 1
    if v and f.value and (f.value / v) in (Decimal(10), Decimal("0.1")):
        return 1
    return 0


def _candidates(serious: list[Finding], confirmed: set[int]) -> list[tuple[Figure, Decimal]]:
    """The changes to try, at most MAX_CANDIDATES: for each figure of a failing relation, the value
    that repairs it (and the slips of the pen near it), then each check's own suggestion."""
    tried: dict[tuple[int, Decimal], set[Key] | None] = {}
    candidates: list[tuple[Figure, Decimal]] = []
    for fd in serious:
        for fig, bv in _solve(fd):
            v = _written(fig, bv)
            if v is None:
                continue
            near = max(abs(v) / 100, 2 * Decimal(1).scaleb(-fig.decimals))
            quotient = fig.dimension == "percent" or fig.role in ("average", "rate", "share", "ratio")
            # the typo that lands next to the solved value: a quotient of rounded figures is only
            # known within their rounding (0.14万元 ÷ 10人 is 139.4元 as well as 140.0), but never
            # further than 1% off; one of precise figures within its own last place (1.6898% is
            # 1.69, not also the truncated 1.68)
            own = Decimal(1).scaleb(-fig.decimals) / 2
            slack = min(near, max(_slack(fd, fig, bv / fig.scale), own))
            typos = [w for w in _typos(fig) if abs(w - bv / fig.scale) <= slack] if quotient else []
            for w in [v, *typos, *_shifts(fig, bv / fig.scale, near)]:
                if (fig.id, w) not in tried:
                    tried[(fig.id, w)] = None
                    candidates.append((fig, w))
    # a per-check suggestion is a candidate too (so that it is verified like the others)
    for fd in serious:
        s = fd.suggestion
        if s is not None:
            try:
                v = Decimal(s.suggested)
            except InvalidOperation:
                continue
            if (s.figure.id, v) not in tried and v != s.figure.value:
                tried[(s.figure.id, v)] = None
                candidates.append((s.figure, v))
    return [(fig, v) for fig, v in candidates if fig.id not in confirmed][:MAX_CANDIDATES]


def attribute(ctx: Context, findings: list[Finding], recheck: Callable[[], Recheck]) -> list[Finding]:
    """Name the culprit of each group of findings that one change explains (see the module doc).
    `recheck()` runs the numeric checks at the document's values; its `findings(fig)` gives them
    again with `fig` changed (lint/checks/recheck.py: only what reads `fig` is run again)."""
    serious = [f for f in _serious(findings) if f.rule[2] in "24"]
    if not serious:
        return findings
    before = {_key(f) for f in _serious(findings)}
    confirmed = _confirmed(ctx)
    candidates = _candidates(serious, confirmed)
    checked = {(fig.id, v) for fig, v in candidates}
    involved = {fd_key: fd for fd in serious if (fd_key := _key(fd))}
    fixes: dict[tuple[int, Decimal], set[Key]] = {}
    strain: dict[tuple[int, Decimal], int] = {}  # relations holding only leniently after the change
    numeric = recheck() if candidates else None
    key = _Keys()
    for fig, v in candidates:
        assert numeric is not None
        old = fig.value
        fig.value = v
        try:
            again = numeric.findings(fig)
        finally:
            fig.value = old
        after = {key(f) for f in _serious(again)}
        strain[(fig.id, v)] = len(_lenient(again, key))
        if after - before:
            continue  # breaks a relation that holds
        mine = {k for k in involved if fig.id in k[1]}
        if mine & after:
            continue  # leaves one of its own relations failing
        fixes[(fig.id, v)] = before - after
    by_id = {fig.id: fig for fig, _ in candidates}
    # greedy: the change that repairs most, then the likeliest typo; equals are a tie
    remaining = set(involved)
    explained: dict[Key, tuple[list[tuple[Figure, Decimal]], set[Key]]] = {}
    while True:
        scored = [
            (len(ks & remaining), _plausibility(by_id[i], v, ctx.lang), -strain[(i, v)], i, v)
            for (i, v), ks in fixes.items()
            if ks & remaining
        ]
        if not scored:
            break
        scored.sort(key=lambda t: t[:3], reverse=True)
        best = scored[0][:3]
        top = [(by_id[i], v) for n, p, s, i, v in scored if (n, p, s) == best]
        group = fixes[(top[0][0].id, top[0][1])] & remaining
        top = [(fig, v) for fig, v in top if fixes[(fig.id, v)] & remaining == group]
        for k in group:
            explained[k] = (top, group)
        remaining -= group
    out: list[Finding] = []
    for fd in findings:
        k = _key(fd)
        if k not in explained or k not in involved:
            s = fd.suggestion
            if s is not None and (s.figure.id in confirmed or _breaks(s, fixes, checked)):
                fd.suggestion = None
            out.append(fd)
            continue
        top, group = explained[k]
        if fd.suggestion is not None and _kept(fd.suggestion, top, fixes):
            out.append(fd)
            continue
        if len(top) == 1:
            fig, v = top[0]
            fd.suggestion = _suggestion(fig, v, len(group), ctx.lang)
        else:
            fd.suggestion = None
            fd.candidates = [_suggestion(fig, v, len(group), ctx.lang) for fig, v in top]
        out.append(fd)
    _one_report_per_culprit(explained, involved, lambda code: ctx.catalog.get(code).family)
    return out


def _one_report_per_culprit(
    explained: dict[Key, tuple[list[tuple[Figure, Decimal]], set[Key]]],
    involved: dict[Key, Finding],
    family: Callable[[str], str],
) -> None:
    """One wrong figure is one error. When a single culprit explains several findings and one that the
    wording states is reported at the culprit itself (收入总计 2995.54 fails its own 其中 breakdown), an
    identity of the rule packs it also breaks (收入总计 = 支出总计, reported at 支出总计) is a consequence
    read from no wording: kept, as info, so the error is counted once, where it is to be fixed."""
    for top, group in explained.values():
        if len(top) != 1 or len(group) < 2:
            continue
        culprit = top[0][0]
        members = [involved[k] for k in group if k in involved]
        at = [fd for fd in members if fd.location.offset == culprit.location.offset]
        if not at:
            continue
        for fd in members:
            if fd not in at and family(fd.rule) == "identity" and fd.severity > Severity.INFO:
                fd.severity = Severity.INFO


def _kept(
    s: Suggestion, top: list[tuple[Figure, Decimal]], fixes: dict[tuple[int, Decimal], set[Key]]
) -> bool:
    """A check's own suggestion stays when it says more than a number (the base a rate was worked
    out on), or when it is the one culprit the whole document points at."""
    try:
        v = Decimal(s.suggested)
    except InvalidOperation:
        return True
    return len(top) == 1 and top[0][0] is s.figure and top[0][1] == v and (s.figure.id, v) in fixes


def _breaks(
    s: Suggestion, fixes: dict[tuple[int, Decimal], set[Key]], checked: set[tuple[int, Decimal]]
) -> bool:
    """A numeric suggestion that was tried and found to break or leave a relation failing."""
    try:
        v = Decimal(s.suggested)
    except InvalidOperation:
        return False
    return (s.figure.id, v) in checked and (s.figure.id, v) not in fixes


def _suggestion(fig: Figure, v: Decimal, n: int, lang: str) -> Suggestion:
    why = REASON_ALL[lang].format(n=n)
    typo = slip(fig, v, lang)
    if typo is not None:
        why = f"{typo}；{why}" if lang == "zh" else f"{typo}; {why}"
    return Suggestion(fig, str(fig.value), str(v), why)


def _culprit(fd: Finding) -> Figure | None:
    """The one figure the finding's suggestion names to change, when it is one of the finding's own
    figures and the change is a number (a suggestion in words — the base a rate was worked out on —
    names no single wrong figure)."""
    s = fd.suggestion
    if s is None:
        return None
    try:
        Decimal(s.suggested)
    except InvalidOperation:
        return None
    return s.figure if any(x is s.figure for _, x in fd.figures) else None


def place(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Each finding stands where a reviewer has to act: at its culprit when one change decides and
    the change is a slip of the pen there (the total's breakdown continued on the next line, an
    identity whose wrong part is in another paragraph, a repeat whose first-written value is the
    slip); a new number altogether is weaker evidence than the relation's own wording (a total
    written wrong with its rate worked out from it leaves a part as the only one-figure repair), so
    such a finding stays where the check put it. At the relation's anchor when the search states a
    tie. The other figures keep their own locations; relations listed under a finding
    (checks/group.py) are placed alike."""
    out: list[Finding] = []
    for fd in findings:
        fd.related = place(ctx, fd.related)
        fig = _culprit(fd)
        if fig is None:
            if fd.candidates and fd.anchor is not None:
                fd.location = fd.anchor
        elif ctx.catalog.get(fd.rule).family == "repeat" and fd.figures[0][1] is not fig:
            fd = turned(ctx, fd)
        elif fd.suggestion is not None and slip(fig, Decimal(fd.suggestion.suggested), ctx.lang):
            fd.location = fig.location
        out.append(fd)
    return out
