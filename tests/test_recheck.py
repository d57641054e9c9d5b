"""The culprit search's incremental re-check (lint/checks/recheck.py, issue 10) finds, for every
candidate change, exactly what running every numeric check again finds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, SEED_PATH, check_context, finding_keys

from lint.checks import KINDS, _numeric
from lint.checks.base import Context
from lint.checks.causes import _candidates, _confirmed, _serious
from lint.checks.recheck import Numeric
from lint.model import Figure

BROKEN = sorted((ROOT / "fixtures" / "broken").glob("*.txt"))
DOCS = [
    SEED_PATH,
    *BROKEN[::4],
    *sorted((ROOT / "fixtures" / "realistic").glob("*.txt"))[:4],
    *sorted((ROOT / "fixtures" / "provinces").glob("*.txt"))[:3],
    ROOT / "fixtures" / "pdf" / "table-juesuan.pdf",
    ROOT / "fixtures" / "tables" / "01-sangong-spans.html",
]


def _changes(ctx: Context) -> list[tuple[Figure, Decimal]]:
    """The culprit search's own candidates, and a shift of figures it would not try."""
    findings = [f for kind in KINDS.values() for f in kind(ctx)]
    serious = [f for f in _serious(findings) if f.rule[2] in "24"]
    out = _candidates(serious, _confirmed(ctx))
    others = [f for f in ctx.analysis.figures if f.role in ("amount", "cell", "share", "rate")][:30]
    return out + [(f, f.value + Decimal(7)) for f in others]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_the_incremental_recheck_equals_a_full_rerun(path: Path) -> None:
    ctx = check_context(path)
    first = finding_keys(_numeric(ctx))
    numeric = Numeric(ctx)
    changes = _changes(ctx)
    assert changes
    differ = 0
    for fig, v in changes:
        old = fig.value
        fig.value = v
        try:
            full = finding_keys(_numeric(ctx))
            incremental = finding_keys(numeric.findings(fig))
        finally:
            fig.value = old
        assert incremental == full, (fig, v)
        differ += full != first
    assert differ, "no change was seen at all: the test would prove nothing"
    assert finding_keys(_numeric(ctx)) == first
