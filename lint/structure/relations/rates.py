"""Rates and ratios: "完成年初预算的p%", "为预算数X万元的p%", 执行率/完成率 after an amount (its budget
found by lookbacks.py when the sentence names none), and named rates (支出率, 到位率 …: [markers]
named_rate) of the amount just before them over an amount earlier in the paragraph.

"实际支出45.00万元，为预算数50.00万元的90.00%" states 45.00 / 50.00 = 90%.
"""

from __future__ import annotations

from lint.model import Figure, Relation
from lint.structure.relations.lookbacks import BudgetLookBacks
from lint.structure.relations.patterns import PARAGRAPH_END
from lint.structure.relations.sentences import (
    _in_open_bracket,
    _sentence_end,
    _sentence_start,
    _stage_matches,
)
from lint.vocab import fold_width


class Rates(BudgetLookBacks):
    """Ratio relations: an amount, its base and the rate between them."""

    # -- ratios ---------------------------------------------------------------------------
    def _ratios(self, text: str, figures: list[Figure]) -> list[Relation]:
        out: list[Relation] = []
        for f in figures:
            if f.role != "ratio":
                continue
            start = _sentence_start(text, f.start)
            clause = fold_width(text[max(start, f.start - 30) : f.start])
            m = self.ratio_base.search(clause)
            named = self.labels.read(m.group("base")) if m else None
            in_sentence = [
                x
                for x in self._span(figures, start, f.start)
                if x.role == "amount" and x.dimension == "money"
            ]
            wanted = named.stage if named is not None else None
            certainty = "explicit"
            if wanted is None and self.exec_rate.search(clause):
                certainty = "inferred"  # the rate names no base: 全年预算 is the usual one
                # "预算执行率为98.50%，全年预算数为913.71万元，全年执行数为900.00万元": the rate names
                # no base; it is 执行数 ÷ 调整后(全年)预算, and its figures may follow it.
                # its figures stand in its own ；-clause ("A项目预算…，支出…，执行率97.89%；B项目…")
                lo = max(start, max(text.rfind(c, start, f.start) for c in "；;") + 1)
                end = min(
                    [_sentence_end(text, f.end), *(p for c in "；;" if (p := text.find(c, f.end)) >= 0)]
                )
                in_sentence = [
                    x
                    for x in self._span(figures, lo, end)
                    if x is not f and x.role == "amount" and x.dimension == "money"
                ]
                stages = {x.qualifiers.stage for x in in_sentence}
                wanted = "adjusted" if "adjusted" in stages else "budget"
            if certainty == "inferred" and not in_sentence:
                # "…实际支出312.45万元。预算执行率为96.61%": a rate standing alone reads its figures
                # from the sentences just before it
                alone = self._rate_alone(text, figures, f, start)
                if alone is not None:
                    out.append(alone)
                continue
            if not in_sentence or wanted is None:
                continue
            denominators = [x for x in in_sentence if _stage_matches(x.qualifiers.stage, wanted)]
            if m is not None and m.group("amount"):
                # "为预算数24.60万元的82.80%": the base is the amount the rate's own words carry
                written_at = f.start - (len(clause) - m.start("amount"))
                denominators = [x for x in denominators if x.start >= written_at][-1:] or denominators
            if len(denominators) > 1:
                # "全年预算数1,200.00万元（其中年初预算1,000.00万元，调整预算200.00万元）": a budget inside
                # the brackets that break another down is a component (the 调整 amount), not the base
                outside = [x for x in denominators if not _in_open_bracket(text, start, x.start)]
                denominators = outside or denominators
            if not denominators:
                # "决算为42,360.00元，完成预算的84.72%，预算为50,000.00元": the base may follow the rate
                after = self._span(figures, f.end, _sentence_end(text, f.end))
                denominators = [
                    x
                    for x in after
                    if x.role == "amount"
                    and x.dimension == "money"
                    and _stage_matches(x.qualifiers.stage, wanted)
                ][:1]
            numerators = [x for x in in_sentence if x.qualifiers.stage == "final"]
            if m is not None and m.group("amount"):
                # "三项合计6.95万元，完成年初预算9.00万元的77.22%": the amount the clause's verb follows is
                # what the rate measures, whatever stage words the amounts before it carry
                verb = f.start - (len(clause) - m.start())
                subject = [
                    x
                    for x in in_sentence
                    if x.end <= verb and x not in denominators and x.qualifiers.stage in ("final", None)
                ]
                numerators = subject[-1:] or numerators
            if not numerators and self.default_stage == "final" and len(in_sentence) == 2:
                # "2023年度政府性基金预算财政拨款支出6217.43万元，全年预算数6850.00万元，预算执行率…": in a
                # 决算 the one bare 支出 before the rate, beside its one budget, is what was spent
                numerators = [
                    x
                    for x in in_sentence
                    if x.qualifiers.stage is None and x.start < f.start and x not in denominators
                ]
            # "…执行数247.00万元，执行率95.00%，未执行部分13.00万元": what was spent stands before its rate
            numerators = [x for x in numerators if x.start < f.start] or numerators
            carried: list[Figure] = []
            if not denominators and certainty == "inferred":
                denominators, carried = self._previous_budgets(text, figures, start, wanted, bool(numerators))
                if not denominators and wanted == "budget" and numerators:
                    denominators, carried = self._line_before_budget(text, figures, start)
            if certainty == "inferred":
                # "全年预算500.00万元（其中财政拨款400.00万元…）。…其中财政拨款380.00万元，财政拨款执行率
                # 95.00%": a rate whose own words name a spent amount's label is that amount against
                # the label's one budget, wherever it is written
                named_part = self._named_numerator(text, f, in_sentence)
                own = self._own_budget(named_part, wanted) if named_part is not None else None
                if named_part is not None and own is not None:
                    numerators, denominators = [named_part], [own]
            if certainty == "inferred" and wanted == "budget" and numerators:
                implied = self._implied_full_year(text, f, numerators[-1], in_sentence)
                if implied is not None:
                    if implied:
                        out.append(implied)
                    continue
            if not denominators or not numerators:
                continue
            if self._other_subject(numerators[-1], denominators[-1]):
                # "三公经费年初预算30.00万元……其中：公务用车购置及运行维护费决算9.60万元，完成预算的
                # 60.00%": an item's rate is against its own budget, not the group's.
                own = self._own_budget(numerators[-1], wanted)
                if own is None:
                    continue
                denominators, certainty = [own], "inferred"
            others = [x for x in in_sentence if x is not denominators[-1] and x is not numerators[-1]]
            others += carried
            data: dict[str, object] = {"named": m.group("base") if m else ""}
            if carried:
                data["any_base"] = True
            if certainty == "inferred" and not any(x.qualifiers.stage == "adjusted" for x in in_sentence):
                # "项目全年预算数为520.00万元。\n年初预算480.00万元，全年执行512.72万元，预算执行率98.6%": an
                # execution rate is against the 全年预算, which may stand on a line before its sentence
                earlier = self._earlier_adjusted(text, figures, start)
                others += earlier
                if earlier:  # never clears the alternatives carried from the sentence before
                    data["any_base"] = True
            elif named is not None and named.stage == "budget" and len(denominators) > 1:
                # "调整预算为60.00万元，年初预算50.00万元，…完成预算的98.7%": a bare 预算 may mean either
                data["any_base"] = True
            members = [("current", numerators[-1]), ("base", denominators[-1]), ("ratio", f)]
            members += [("alternative", x) for x in others]
            if certainty == "inferred" and not data["named"]:
                data["not_base"] = self._initial_not_base(text, f, members)
            out.append(Relation("ratio", members, f.start, data, certainty))
        return out

    def _named_rates(self, text: str, figures: list[Figure]) -> list[Relation]:
        """ "已支出1,286.50万元，支出率88.72%": the amount just before the rate over one of the amounts
        before it in the paragraph (下达, 到位, 预算…); the text names none, so any may be meant."""
        out: list[Relation] = []
        for i, f in enumerate(figures):
            if i == 0 or f.dimension != "percent" or f.role != "other" or f.qualifiers.approx:
                continue
            start = _sentence_start(text, f.start)
            if not self.named_rate_re.search(fold_width(text[max(start, f.start - 12) : f.start])):
                continue
            cur = figures[i - 1]
            if cur.start < start or cur.dimension != "money" or cur.role != "amount" or cur.qualifiers.approx:
                continue
            para = max(0, text.rfind(PARAGRAPH_END, max(0, f.start - 2000), f.start) + 1)
            bases = [
                x
                for x in self._span(figures, para, cur.start)
                if x.dimension == "money" and x.role == "amount" and not x.qualifiers.approx and x.value
            ]
            if not bases:
                continue
            members = [("current", cur), ("base", bases[-1]), ("ratio", f)]
            members += [("alternative", x) for x in bases[:-1]]
            out.append(Relation("ratio", members, f.start, {"named": "", "any_base": True}, "inferred"))
        return out

    def _other_subject(self, a: Figure, b: Figure) -> bool:
        """Two figures whose labels name different things (公务用车购置及运行维护费 vs 三公经费)."""
        la, lb = a.label, b.label
        if not la or not lb or self.labels.is_generic(la) or self.labels.is_generic(lb):
            return False
        return not (la.endswith(lb) or lb.endswith(la) or la.startswith(lb) or lb.startswith(la))

    def _named_numerator(self, text: str, rate: Figure, clause: list[Figure]) -> Figure | None:
        """The last spent amount of the clause whose label the rate's own words name (财政拨款执行率)."""
        words = fold_width(text[max(0, rate.start - 16) : rate.start])
        words = words[max(words.rfind(c) for c in "，,；;") + 1 :]
        named = [
            x
            for x in clause
            if x.start < rate.start
            and x.label
            and not self.labels.is_generic(x.label)
            and x.label in words
            and (x.qualifiers.stage or self._parent_stage.get(x.id)) == "final"
        ]
        return named[-1] if named else None

    def _own_budget(self, f: Figure, wanted: str) -> Figure | None:
        """The one budget figure written anywhere in prose under the item's own label."""
        # "全年预算500.00万元（其中财政拨款400.00万元、…）": the part is a budget as its total is
        own = [
            x
            for x in self._by_label.get(f.label, [])
            if x.role == "amount"
            and x.dimension == f.dimension
            and _stage_matches(x.qualifiers.stage or self._parent_stage.get(x.id), wanted)
            and (x.qualifiers.period or "current") == (f.qualifiers.period or "current")
        ]
        return own[0] if len({x.base_value for x in own}) == 1 else None
