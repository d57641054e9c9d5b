"""Counts: "N个：a、b、c" enumerations, "a、b等N所" and a count said again after its list ("…，共3个");
the number written must equal the items listed.

"下设3个科室：办公室、财务科、业务科" lists three items for the count 3.
"""

from __future__ import annotations

import regex

from lint.model import Figure, Relation
from lint.structure.relations.base import RelationBase
from lint.structure.relations.patterns import (
    COUNTED_ITEM,
    ETC_BEFORE,
    ETC_TAILS,
    ITEM_JOIN,
    LIST_END,
    LIST_INTRO,
    RESTATED_COUNT,
)


class Counts(RelationBase):
    """Enumerations: a written count and the items listed for it."""

    # -- enumerations ---------------------------------------------------------------------
    def _enumerations(self, text: str, figures: list[Figure]) -> list[Relation]:
        out: list[Relation] = []
        for f in figures:
            if f.dimension != "count" or f.role != "amount" or not f.exact or f.qualifiers.approx:
                continue
            after = text[f.end : f.end + 400]
            m = LIST_INTRO.match(after)
            if not m:
                continue
            body = after[m.end() :]
            end = LIST_END.search(body)
            body = body[: end.start()] if end else body
            # "下辖七个服务站：甲站、…、庚站，共7个": the count said again after the list counts it too
            again = RESTATED_COUNT.search(body)
            restated = None
            if again and again.group("unit") == f.unit:
                at = f.end + m.end() + again.start("n")
                restated = next(
                    (x for x in self._span(figures, at, at + 1) if x.dimension == "count" and x.exact), None
                )
                body = body[: again.start()]
            # "分别为甲、乙、丙，支出分别为62.00万元、…": a comma after a 、 list ends it
            counted = COUNTED_ITEM.search(body)
            comma = body.find("，")
            if comma > 0 and "、" in body[:comma]:
                body = body[:comma]
            items = _split_items(body)
            if items is None or len(items) < 2 or body.rstrip().endswith("等") or counted:
                # "10家：甲、乙、丙、丁、戊，以及5家社区卫生服务中心": an item that is itself a count
                continue
            # "办公室、财务科和人事科": a 和/及 in the last item may join two (or be part of a name)
            joined = len(ITEM_JOIN.findall(items[-1])) if items else 0
            if len(items) < f.value <= len(items) + joined:
                continue
            out.append(Relation("count", [("count", f)], f.start, {"items": items}))
            if restated is not None and restated.value != f.value:
                # one count wrong of two that disagree; two that agree on a list that does not are
                # one finding, the introducing count's
                out.append(Relation("count", [("count", restated)], restated.start, {"items": items}))
        out += self._etc_counts(text, figures)
        return out

    def _etc_counts(self, text: str, figures: list[Figure]) -> list[Relation]:
        """ "甲、乙、丙等三个服务站": a count after 等 closing a 、 list. 等 may end a complete list or
        mean "and others", so the check decides how sure it is from how many names are missing."""
        out: list[Relation] = []
        for f in figures:
            if f.dimension not in ("count", "people") or f.role != "amount" or not f.exact:
                continue
            lo = max(0, f.start - 300)
            if not text[lo : f.start].rstrip().endswith(ETC_TAILS):
                continue  # what ETC_BEFORE needs before the count: a search from every start is slow
            m = ETC_BEFORE.search(text, lo, f.start)
            if not m:
                continue
            body = m.group("list")
            if regex.search(r"\d", body) or COUNTED_ITEM.search(body):
                continue  # "2022、2023年等" or a list whose items are counts themselves
            items = _split_items(body)
            if items is None or len(items) < 3 or any(len(it) > 20 for it in items[1:]):
                continue  # "甲、乙等122类": two names before 等 are a sample, never a full list
            joined = sum(len(ITEM_JOIN.findall(it)) for it in items)
            out.append(
                Relation("count", [("count", f)], f.start, {"items": items, "etc": True, "joined": joined})
            )
        return out


def _split_items(body: str) -> list[str] | None:
    """Split a list at depth 0 of brackets and quotes; None when it is not a plain list."""
    items: list[str] = []
    depth = 0
    cur = ""
    sep = "、" if "、" in body else "；;"
    for ch in body:
        if ch in "（(“《【「":
            depth += 1
        elif ch in "）)”》】」":
            depth = max(0, depth - 1)
        if depth == 0 and ch in sep:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        items.append(cur.strip())
    if any(not it or len(it) > 40 for it in items):
        return None
    return items
