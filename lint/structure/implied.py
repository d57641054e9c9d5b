"""Shares of a whole the report never writes: "因公出国（境）费60.00万元，占20.40%；公务用车购置及运行费
170.50万元，占57.97%；公务接待费63.60万元，占21.63%".

Three or more (amount, 占 share) pairs in one sentence, none of whose shares the relation finder
tied to a written whole, whose shares add up to 100% (within their rounding) or all but one of which
fit part ÷ Σ parts: the list is complete, so its whole is the sum of its parts. Two or more pairs
whose shares of one named whole add past 100% are read the same way (a partial list cannot exceed it). Each share is then checked against part ÷ Σ parts (kind
`share-implied`, FL214). The whole is inferred, so a failure is a warning (SPEC §4).
"""

from __future__ import annotations

from itertools import pairwise

import regex

from lint.model import Figure, Relation
from lint.structure.relations import SENTENCE_END
from lint.tolerance import HUNDRED, interval, interval_sum

# between a part and its share: "，占", "，占三公经费的", "，占比"
LINK = regex.compile(r"^\s*[，,]?\s*占(?P<whole>[^\d%。；;，,]{0,14})$")
WHOLE_FILLER = regex.compile(r"^(?:比重|比例|比)$|(?:的)?(?:比重|比例|占比)?(?:为|是)?$")
MIN_PAIRS = 3


def implied_shares(text: str, figures: list[Figure], relations: list[Relation]) -> list[Relation]:
    tied = {id(f) for r in relations if r.kind == "share" for role, f in r.members if role == "share"}
    out: list[Relation] = []
    run: list[tuple[Figure, Figure]] = []
    wholes: set[str] = set()  # the wholes the links name ("占三公经费的"), bare "占" names none
    for part, share in pairwise(figures):
        if run and SENTENCE_END.search(text, run[-1][1].end, part.start):
            out += _relation(run, wholes)
            run, wholes = [], set()
        link = LINK.match(text[part.end : share.start])
        if (
            part.dimension == "money"
            and part.role == "amount"
            and share.role == "share"
            and not part.qualifiers.approx
            and not share.qualifiers.approx
            and id(share) not in tied
            and link
        ):
            run.append((part, share))
            whole = WHOLE_FILLER.sub("", link.group("whole").strip())
            if whole:
                wholes.add(whole)
    out += _relation(run, wholes)
    return out


def _relation(run: list[tuple[Figure, Figure]], wholes: set[str]) -> list[Relation]:
    if len(run) < 2 or len({p.unit for p, _ in run}) != 1 or len(wholes) > 1:
        return []
    total = interval_sum(s for _, s in run)
    overfull = total.lo > HUNDRED and len(wholes) == 1
    if overfull:
        # "车24.80万元，占三公经费的72.05%；接待10.60万元，占29.95%": shares of one whole past 100% —
        # the list cannot be partial, and its whole is at most the sum of the parts written
        pass
    elif len(run) < MIN_PAIRS:
        return []
    elif not total.contains(HUNDRED) and _fitting(run) < len(run) - 1:
        return []  # a partial list: its whole is not the sum of the parts written
    members = [m for p, s in run for m in (("part", p), ("share", s))]
    data: dict[str, object] = {"overfull": True} if overfull else {}
    return [Relation("share-implied", members, run[0][0].start, data, certainty="inferred")]


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
