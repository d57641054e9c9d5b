"""text: blanks left in a template (“占 %”, “减少 万元”)."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Context, finding
from lint.model import Finding


def run(ctx: Context) -> Iterator[Finding]:
    doc = ctx.analysis.document
    for rel in ctx.analysis.relations:
        if rel.kind != "placeholder":
            continue
        end = rel.data.get("end")
        loc = doc.location(rel.anchor, end if isinstance(end, int) else None)
        yield finding(ctx, "FL281", loc, [], {"text": rel.data.get("text", "")})
