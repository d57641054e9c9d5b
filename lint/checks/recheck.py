"""The numeric checks worked out again after one figure's value changed, at the cost of what reads it.

The culprit search (lint/checks/causes.py) tries up to MAX_CANDIDATES values, one figure at a time,
and judges each by the numeric checks' findings with that value. Running every check again per
candidate cost the whole document each time (a 1 MB text of 50 reports: 60 × all its relations).
Each kind instead splits its work into units that name the figures whose values they read
(`base.Unit`, `base.Units`), or keeps its own account where units depend on one another (share,
identity): the first run is kept, and a change re-runs only the units that read the changed figure.
`full` is the plain re-run, the reference the equivalence tests hold this to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lint.checks import average, change, count, identity, rate, ratio, repeat, share, table
from lint.checks import sum as sum_check
from lint.checks.base import Context, Recheck, Units
from lint.model import Figure, Finding


class _Always:
    """A kind cheap enough to run again whole (rate: its relations are read at each run)."""

    def __init__(self, ctx: Context, run: Callable[[Context], Iterator[Finding]]) -> None:
        self.ctx, self.run = ctx, run

    def findings(self, changed: Figure) -> list[Finding]:
        return list(self.run(self.ctx))


class Numeric:
    """Every numeric check (causes.NUMERIC), run once at the document's values."""

    def __init__(self, ctx: Context) -> None:
        self.kinds: list[Recheck] = [
            Units(sum_check.units(ctx)),
            share.Recheck(ctx),
            Units(change.units(ctx)),
            Units(ratio.units(ctx)),
            _Always(ctx, rate.run),
            Units(average.units(ctx)),
            Units(count.units(ctx)),
            Units(repeat.units(ctx)),
            identity.Recheck(ctx),
            Units(table.units(ctx)),
        ]

    def findings(self, changed: Figure) -> list[Finding]:
        """The numeric checks' findings with `changed` at its current (changed) value."""
        return [f for kind in self.kinds for f in kind.findings(changed)]
