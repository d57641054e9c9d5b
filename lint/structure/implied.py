"""Shares of a whole the report never writes: "因公出国（境）费60.00万元，占20.40%；公务用车购置及运行费
170.50万元，占57.97%；公务接待费63.60万元，占21.63%".

Three or more (amount, 占 share) pairs in one sentence, none of whose shares the relation finder
tied to a written whole, whose shares add up to 100% (within their rounding) or all but one of which
fit part ÷ Σ parts: the list is complete, so its whole is the sum of its parts. Each share is then checked against part ÷ Σ parts (kind
`share-implied`, FL214). The whole is inferred, so a failure is a warning (SPEC §4).
"""

from __future__ import annotations

from itertools import pairwise

import regex

from lint.model import Figure, Relation
from lint.structure.relations import SENTENCE_END
from lint.tolerance import HUNDRED, interval, interval_sum

# between a part and its share: "，占", "，占三公经费的", "，占比"
LINK = regex.compile(r"^\s*[，,]?\s*占[^\d%。；;，,]{0,14}$")
MIN_PAIRS = 3


def implied_shares(text: str, figures: list[Figure], relations: list[Relation]) -> list[Relation]:
    tied = {id(f) for r in relations if r.kind == "share" for role, f in r.members if role == "share"}
    out: list[Relation] = []
    run: list[tuple[Figure, Figure]] = []
    for part, share in pairwise(figures):
        if run and SENTENCE_END.search(text, run[-1][1].end, part.start):
            out += _relation(run)
            run = []
        if (
            part.dimension == "money"
            and part.role == "amount"
            and share.role == "share"
            and not part.qualifiers.approx
            and not share.qualifiers.approx
            and id(share) not in tied
            and LINK.match(text[part.end : share.start])
        ):
            run.append((part, share))
    out += _relation(run)
    return out


def _relation(run: list[tuple[Figure, Figure]]) -> list[Relation]:
    if len(run) < MIN_PAIRS or len({p.unit for p, _ in run}) != 1:
        return []
    if not interval_sum(s for _, s in run).contains(HUNDRED) and _fitting(run) < len(run) - 1:
        return []  # a partial list: its whole is not the sum of the parts written
    members = [m for p, s in run for m in (("part", p), ("share", s))]
    return [Relation("share-implied", members, run[0][0].start, certainty="inferred")]


def _fitting(run: list[tuple[Figure, Figure]]) -> int:
    """How many shares fit part ÷ Σ parts: all but one fitting shows the list is complete (one share
    wrong makes the shares miss 100%, yet the others confirm the whole)."""
    whole = interval_sum(p for p, _ in run)
    fitting = 0
    for p, s in run:
        ratio = interval(p) / whole
        if ratio is not None and ratio.scale(HUNDRED).meets(interval(s)):
            fitting += 1
    return fitting
