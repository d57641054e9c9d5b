"""Property: change one figure of the sample report; the linter flags it iff a relation broke.

The oracle (tests/seed_oracle.py) is a separate hand-written model of the seed's relations.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import SEED_PATH, lint_text, serious
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_oracle import COUNT, UNCONSTRAINED, Occ, broken_relations, constrained, occurrences

SEED = SEED_PATH.read_text("utf-8")
OCC = occurrences(SEED)
CONSTRAINED = constrained()


def mutate(number: str, kind: int, k: int) -> str:
    """Typo-like edits of a number as written: digit swap, digit change, last-place nudge, ×10."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    if kind == 0 and len(digits) >= 2:
        i = digits[k % (len(digits) - 1)]
        j = next(d for d in digits if d > i)
        chars = list(number)
        chars[i], chars[j] = chars[j], chars[i]
        return "".join(chars)
    if kind == 1:
        i = digits[k % len(digits)]
        chars = list(number)
        chars[i] = str((int(chars[i]) + 1 + k % 8) % 10)
        return "".join(chars)
    if kind == 2:
        d = len(number.split(".")[1]) if "." in number else 0
        step = Decimal(1).scaleb(-d) * (1 + k % 40)
        v = Decimal(number) + (step if k % 2 else -step)
        return str(v) if v >= 0 else str(Decimal(number) + step)
    return str(Decimal(number) * 10)


def apply(occ: Occ, new_number: str) -> str:
    start = OCC[occ]
    number = occ.text.rstrip("万元%人个件条")
    return SEED[:start] + new_number + SEED[start + len(number) :]


def expect(occ: Occ, new_number: str) -> bool:
    """Does the oracle say a relation broke?"""
    if occ == COUNT:
        return new_number != "7"
    unit = occ.text[len(occ.text.rstrip("万元%人个件条")) :]
    texts = {o: o.text for o in OCC}
    texts[occ] = new_number + unit
    return bool(broken_relations(texts))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CONSTRAINED), st.integers(0, 3), st.integers(0, 1000))
def test_changed_constrained_figure_is_caught_iff_a_relation_breaks(occ: Occ, kind: int, k: int) -> None:
    number = occ.text.rstrip("万元%人个件条")
    new = mutate(number, kind, k)
    if new == number or Decimal(new) == Decimal(number):
        return
    result = lint_text(apply(occ, new))
    offset = OCC[occ]
    named = [f for f in serious(result) if any(x.start == offset for _, x in f.figures)]
    if expect(occ, new):
        assert named, f"{occ} → {new}: no error/warning names it; got {[f.message for f in result.findings]}"
    else:
        assert not serious(result), (
            f"{occ} → {new} breaks nothing, yet: {[f.message for f in serious(result)]}"
        )


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(UNCONSTRAINED), st.integers(0, 3), st.integers(0, 1000))
def test_changed_unconstrained_figure_raises_nothing(occ: Occ, kind: int, k: int) -> None:
    number = occ.text.rstrip("万元%人个件条")
    new = mutate(number, kind, k)
    if new == number:
        return
    result = lint_text(apply(occ, new))
    assert not serious(result), f"{occ} → {new}: {[f.message for f in serious(result)]}"


def test_seed_is_clean() -> None:
    result = lint_text(SEED)
    assert serious(result) == []
