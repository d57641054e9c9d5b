"""count: “N个：a、b、c” lists exactly N items."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Context, finding, per_relation
from lint.model import Finding, Relation


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    count = rel.role("count")
    items = rel.data.get("items")
    if count is None or not isinstance(items, list):
        return
    if len(items) == int(count.value):
        return
    yield finding(
        ctx,
        "FL251",
        count,
        [("count", count)],
        {"count": f"{count.label}{count.text}" if count.label else count.text, "listed": len(items)},
        expected=str(len(items)),
        actual=str(count.value),
        arithmetic="、".join(str(i) for i in items) + f" → {len(items)}",
    )


run = per_relation("count", check)
