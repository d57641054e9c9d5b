"""table: placeholder, filled in by the table check implementation."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Context
from lint.model import Finding


def run(ctx: Context) -> Iterator[Finding]:
    return iter(())
