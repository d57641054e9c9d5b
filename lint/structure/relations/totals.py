"""Sums the other way round: a 合计/共计 total written after its parts ("…以上三项合计…", a back reference),
and a breakdown whose parts are two sides of an account (收入 and 支出) split in two.

"工资福利支出40.00万元，商品和服务支出20.00万元，合计60.00万元" states 60.00 as the sum of the two before it.
"""

from __future__ import annotations

from decimal import Decimal

from lint.extract.numbers import parse_chinese
from lint.model import Figure, Relation
from lint.structure.relations.base import Group, RelationBase
from lint.structure.relations.patterns import ADDED_ON, LEAD_IN_ANY, MAX_RUN, PARAGRAPH_END
from lint.structure.relations.sentences import _sentence_start
from lint.tolerance import Interval, interval
from lint.vocab import fold_width


class Totals(RelationBase):
    """Trailing 合计 totals, back references to the parts before them, two-sided lists."""

    # -- totals written after their parts ------------------------------------------------
    def _trailing_totals(self, text: str, figures: list[Figure], groups: list[Group]) -> list[Relation]:
        """ "甲80.00万元，乙35.00万元，丙210.00万元，合计325.00万元": a 合计 after two or more amounts of
        its sentence totals some run of the amounts just before it. Parts of nested breakdowns are
        not candidates; the run may reach back into the paragraph ("一般公共服务支出856.30万元，
        其中：…。社会保障…112.45万元…，合计1,082.00万元"). Every run is a plausible reading: the
        relation holds when any does; otherwise the sentence's own run is reported, as an error only
        when nothing else in the paragraph could be meant."""
        nested = {p.id for g in groups for p in g.parts}
        grouped = nested | {g.total.id for g in groups}
        # "基本支出中，人员经费A、公用经费B，共计C": a lead-in's parts may be the run a 共计 of their
        # own sentence closes
        led = {p.id: p.start for g in groups if g.lead_in for p in g.parts}
        consumed: set[int] = set()  # parts of an earlier 合计 in the paragraph
        done: list[Figure] = []  # the 合计 read so far
        out: list[Relation] = []
        for f in figures:
            if (
                f.role != "amount"
                or f.qualifiers.approx
                or f.id in grouped
                # the words as written: "本年支出1150.00万元" is canonically 本年支出合计 but names no 合计
                or not (
                    self.trailing_total_re.search(
                        fold_width(self.labels.tidy(f.raw_label) or text[max(0, f.start - 6) : f.start])
                    )
                    # "上述各项共计10.75万元": 共计 is tidied off the label
                    or self._back_reference(text, _sentence_start(text, f.start), f) is not None
                )
                # "…63.52万元，加本年收入合计1286.45万元，减去…": a term of a sum written out in words
                or (self.labels.verb_re is not None and self.labels.verb_re.match(fold_width(f.raw_label)))
            ):
                continue
            sentence = _sentence_start(text, f.start)
            reach = max(0, f.start - 2000)  # a bounded look-back: one paragraph, never the whole text
            para = max(reach, text.rfind(PARAGRAPH_END, reach, f.start) + 1)
            here = nested - {i for i, at in led.items() if at >= sentence}
            pool = [
                x
                for x in self._span(figures, para, f.start)
                if x.role == "amount"
                and x.dimension == f.dimension
                and x.id not in here
                and x.id not in consumed
                and x.id not in self._ratio_bases
                and not x.qualifiers.approx
            ]
            # "支出总计中，本年支出合计1301.84万元，年末结转和结余…": a lead-in opens a new list
            leads = [m.end() for m in LEAD_IN_ANY.finditer(text, sentence, f.start)]
            own = [x for x in pool if x.start >= max([sentence, *leads])]
            if len(own) < 2:
                # "办公费12.50万元，印刷费3.20万元，邮电费1.30万元。三项合计18.00万元。": a total that opens
                # its sentence and points back totals the amounts of the sentence before it (the
                # last n of the paragraph when it says how many)
                back = self._back_reference(text, sentence, f)
                if back is not None:
                    pool = pool[-back:] if back else pool
                    before = _sentence_start(text, max(para, sentence - 1))
                    own = pool if back else [x for x in pool if x.start >= before]
            if len(own) < 2 or self.breakdown_re.search(fold_width(text[f.end : f.end + 4])):
                continue
            if self._other_side(f, own):
                continue
            # every run ending just before the total, longest last; running sums keep it linear, and
            # a run is never longer than MAX_RUN amounts (hostile paragraphs of thousands of figures)
            holding: list[list[Figure]] = []
            total = Interval.point(Decimal(0))
            for k in range(len(pool) - 1, max(-1, len(pool) - 1 - MAX_RUN), -1):
                total = total + interval(pool[k])
                if k < len(pool) - 1 and total.meets(interval(f)):
                    holding.append(pool[k:])
            if (
                not holding
                and ADDED_ON.search(text, sentence, f.start)
                and ("总计" in f.label or any(t.start >= sentence for t in done))
            ):
                # "加上上级补助收入…、调入资金…，转移性收入合计…，收入总计359,485万元": the grand total
                # starts from a figure stated before (本级收入); without it no run can hold
                continue
            parts = holding[0] if holding else own  # the shortest run that adds up
            consumed |= {x.id for x in parts}
            done.append(f)
            certainty = "explicit" if len(pool) == len(own) and not here & {x.id for x in own} else "inferred"
            if not holding and len(pool) > len(own):
                certainty = "inferred"
            members = [("total", f)] + [("part", x) for x in parts]
            out.append(Relation("sum", members, f.start, {"marker": "合计", "complete": True}, certainty))
        return out

    def _back_reference(self, text: str, sentence: int, total: Figure) -> int | None:
        """How many amounts before its sentence a total opening it refers to: n for "三项合计", 0 for
        "以上合计"/"合计" (the sentence before), None when the total does not open its sentence with
        only such words ([markers] back_total)."""
        m = self.back_total_re.fullmatch(fold_width(text[sentence : total.start]).strip(" \t，,：:"))
        if m is None:
            return None
        n = m.group("n")
        if not n:
            return 0
        count = int(n) if n.isdigit() else parse_chinese(n)
        return count if count and count >= 2 else None

    def _split_sides(self, text: str, figures: list[Figure], groups: list[Group]) -> list[Group]:
        """ "收入总计812.40万元，支出总计812.40万元，其中：本年收入合计790.10万元，年初结转和结余22.30
        万元；本年支出合计795.85万元，年末结转和结余16.55万元": one 其中 after two totals lists the parts
        of each. Parts of the other side than their total's (收入 items under 支出总计) belong to the
        other side's total just before it in the sentence; without one they are no parts at all. A part
        that names no side goes with the sided part before it."""
        out: list[Group] = []
        totals = {g.total.id for g in groups}
        for g in groups:
            side = self._side(g.total.label)
            sides: list[str | None] = []
            for p in g.parts:
                own = self._side(p.label)
                sides.append(own if own is not None else (sides[-1] if sides else None))
            other = [p for p, sd in zip(g.parts, sides, strict=True) if sd is not None and sd != side]
            if side is None or not other or len(other) == len(g.parts):
                out.append(g)
                continue
            g.parts = [p for p in g.parts if p not in other]
            out.append(g)
            start = _sentence_start(text, g.total.start)
            before = [
                x
                for x in self._span(figures, start, g.total.start)
                if x.role == "amount" and x.dimension == g.total.dimension and x.id not in totals
            ]
            twin = next(
                (x for x in reversed(before) if self._side(x.label) == self._side(other[0].label)), None
            )
            if twin is not None and len(other) >= 2:
                out.append(Group(total=twin, parts=other, marker=g.marker, partial=g.partial))
        return out
