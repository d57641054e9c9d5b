"""The per-document memo of the checks (`Context.memo`, issue 10): what identity and table work out
once is kept across the culprit search's re-runs, and a re-run with one figure's value changed finds
exactly what a fresh context finds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, SEED_PATH, check_context, finding_keys

from lint.checks import _numeric
from lint.checks.base import Context

DOCS = [
    SEED_PATH,
    ROOT / "fixtures" / "pdf" / "table-juesuan.pdf",
    ROOT / "fixtures" / "tables" / "01-sangong-spans.html",
]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_a_rerun_with_one_value_changed_equals_a_fresh_context(path: Path) -> None:
    ctx = check_context(path)
    first = finding_keys(_numeric(ctx))
    assert {"identity", "table"} <= set(ctx.memo)
    kept = dict(ctx.memo)
    figures = [f for f in ctx.analysis.figures if f.role in ("amount", "cell")][:40]
    assert figures
    changed = 0
    for fig in figures:
        old = fig.value
        fig.value = old + Decimal(7)
        try:
            memo = finding_keys(_numeric(ctx))
            fresh_ctx = Context(ctx.analysis, ctx.catalog)
            fresh = finding_keys(_numeric(fresh_ctx))
        finally:
            fig.value = old
        assert memo == fresh, fig
        changed += memo != first
    assert changed, "no change was seen at all: the test would prove nothing"
    assert all(ctx.memo[k] is v for k, v in kept.items())  # reused, never rebuilt
    assert finding_keys(_numeric(ctx)) == first
