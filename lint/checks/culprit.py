"""Naming the likely wrong figure when one change would fix a relation.

A difference divisible by 9 (in units of the last digit) suggests two transposed digits; a figure
whose repair is a one-digit edit is a likelier typo than one that needs a new number.
"""

from __future__ import annotations

from decimal import Decimal

from lint.model import Figure, Suggestion

REASON_SWAP = {
    "zh": "相邻两位数字可能颠倒（差额可被 9 整除）",
    "en": "two adjacent digits look transposed (the difference is divisible by 9)",
}
REASON_SHIFT = {"zh": "小数点可能错了一位", "en": "the decimal point looks one place off"}
REASON_DIGIT = {"zh": "只需改动一位数字即可使关系成立", "en": "changing one digit makes the relation hold"}
REASON_REPEAT = {
    "zh": "该数字与{at}的同一数字（{text}）不一致，改为后者即可使关系成立",
    "en": "it disagrees with the same figure on {at} ({text}); that value makes the relation hold",
}


def _digits(f: Figure) -> str:
    return str(abs(f.value))


def _as_text(v: Decimal, f: Figure) -> str | None:
    if v < 0:
        return None
    q = v.quantize(Decimal(1).scaleb(-f.decimals))
    return str(q)


def repair(f: Figure, wanted: Decimal, lang: str) -> Suggestion | None:
    """Suggest `f` := wanted (in f's own unit) if that is a digit swap or a one-digit edit."""
    current = _digits(f)
    target = _as_text(wanted, f)
    if target is None or target == current or len(target) != len(current):
        return None
    if current.find(".") != target.find("."):
        return None
    # neighbours are neighbouring digits: 104.32 → 103.42 swaps the 4 and the 3 either side of the point
    cur, tgt = current.replace(".", ""), target.replace(".", "")
    diffs = [i for i, (a, b) in enumerate(zip(cur, tgt, strict=True)) if a != b]
    if (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and cur[diffs[0]] == tgt[diffs[1]]
        and cur[diffs[1]] == tgt[diffs[0]]
    ):
        return Suggestion(f, current, target, REASON_SWAP[lang])
    if len(diffs) == 1:
        return Suggestion(f, current, target, REASON_DIGIT[lang])
    return None


def slip(fig: Figure, v: Decimal, lang: str) -> str | None:
    """Why `fig` written for `v` looks like a slip of the pen (digits swapped, one digit, the point
    one place off), or None when `v` is a new number altogether."""
    typo = repair(fig, v, lang)
    if typo is not None and typo.reason in (REASON_SWAP[lang], REASON_DIGIT[lang]):
        return typo.reason
    if v and fig.value and fig.value / v in (Decimal(10), Decimal("0.1")):
        return REASON_SHIFT[lang]
    return None


def _repeat_holding(f: Figure, v: Decimal, repeats: dict[int, list[Figure]] | None) -> Figure | None:
    """A repeat of `f` elsewhere written with the value `v` that would repair the relation."""
    return next(
        (o for o in (repeats or {}).get(f.id, []) if o is not f and o.value == v and o.unit == f.unit), None
    )


def one_slip(
    candidates: list[tuple[Figure, Decimal]], repeats: dict[int, list[Figure]] | None = None
) -> bool:
    """Whether one typo-like slip in one figure would repair the relation: its own repeat elsewhere
    holds the wanted value, a `slip` (digits swapped, one digit, the point moved), or a digit lost (a
    number written with a leading zero, "0181"). A gap no such slip explains is likelier a reading (a
    list of the main items only)."""
    return any(
        (f.text[:1] in ("0", "０") and f.text[1:2].isdigit())
        or _repeat_holding(f, v, repeats) is not None
        or slip(f, v, "en") is not None
        for f, v in candidates
    )


def first_repair(
    candidates: list[tuple[Figure, Decimal]], lang: str, repeats: dict[int, list[Figure]] | None = None
) -> Suggestion | None:
    """The likeliest culprit: a figure whose repeat elsewhere holds exactly the value that repairs
    the relation; else a digit swap; else the only one-digit edit (ambiguity → None)."""
    for f, v in candidates:
        other = _repeat_holding(f, v, repeats)
        if other is not None:
            loc = other.location  # a PDF has pages, not lines
            zh, en = (
                (f"第{loc.page}页", f"page {loc.page}")
                if loc.page
                else (f"第{loc.line}行", f"line {loc.line}")
            )
            reason = REASON_REPEAT[lang].format(at=zh if lang == "zh" else en, text=other.text)
            return Suggestion(f, str(f.value), str(other.value), reason)
    found = [s for f, v in candidates if (s := repair(f, v, lang)) is not None]
    swaps = [s for s in found if s.reason == REASON_SWAP[lang]]
    if len(swaps) == 1:
        return swaps[0]
    if len(found) == 1:
        return found[0]
    return None
