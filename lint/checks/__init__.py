"""Checks: one module per kind; each turns an Analysis into Findings and never reads text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lint.checks import average, change, count, identity, rate, ratio, repeat, share, structure, table, text
from lint.checks import sum as sum_check
from lint.checks.base import Context
from lint.checks.causes import NUMERIC, attribute
from lint.checks.recheck import Numeric
from lint.model import Finding

KINDS: dict[str, Callable[[Context], Iterator[Finding]]] = {
    "sum": sum_check.run,
    "share": share.run,
    "change": change.run,
    "ratio": ratio.run,
    "rate": rate.run,
    "average": average.run,
    "count": count.run,
    "repeat": repeat.run,
    "identity": identity.run,
    "structure": structure.run,
    "table": table.run,
    "text": text.run,
}


def run_checks(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for kind in KINDS.values():
        findings.extend(kind(ctx))
    findings = attribute(ctx, findings, lambda: Numeric(ctx))
    findings.sort(key=Finding.sort_key)
    return findings


def _numeric(ctx: Context) -> list[Finding]:
    """The findings of the numeric checks alone, run whole: what a candidate change is judged by
    (`Numeric` gives the same, running again only what reads the changed figure)."""
    out: list[Finding] = []
    for name in NUMERIC:
        out.extend(KINDS[name](ctx))
    return out
