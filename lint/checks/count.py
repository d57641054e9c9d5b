"""count: “N个：a、b、c” lists exactly N items; “a、b、c等N个” lists N, or at most one fewer."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Context, finding, per_relation, relation_units
from lint.model import Finding, Relation


def check(rel: Relation, ctx: Context) -> Iterator[Finding]:
    count = rel.role("count")
    items = rel.data.get("items")
    if count is None or not isinstance(items, list):
        return
    n = int(count.value)
    if len(items) == n:
        return
    code = "FL251"
    said = f"{count.label}{count.text}" if count.label else count.text
    if rel.data.get("etc"):
        said = f"等{count.text}"  # the label extraction gives the list itself; the count is what is said
        # 等 ends a complete list or means "and others": more names than N is wrong either way; one
        # name short (counting a 和/及 as a joint) is likely a miscount; more than one short, a sample
        joined = rel.data.get("joined", 0)
        most = len(items) + (joined if isinstance(joined, int) else 0)
        if len(items) > n:
            code = "FL251"
        elif most == n - 1 and n >= 4:
            code = "FL252"
        else:
            return
    yield finding(
        ctx,
        code,
        count,
        [("count", count)],
        {"count": said, "listed": len(items)},
        expected=str(len(items)),
        actual=str(count.value),
        arithmetic="、".join(str(i) for i in items) + f" → {len(items)}",
    )


run = per_relation("count", check)
units = relation_units("count", check)
