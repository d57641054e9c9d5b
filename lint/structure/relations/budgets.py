"""Budget arithmetic in one sentence: 调整预算 = 年初预算 + 调增 − 调减 (a bracket of stages after the
adjusted amount), and 预算 = 实际支出 + 结余/节约.

"调整预算70.00万元（年初预算60.00万元，追加10.00万元）" states 70.00 = 60.00 + 10.00.
"""

from __future__ import annotations

from lint.model import Figure, Relation
from lint.structure.relations.base import RelationBase
from lint.structure.relations.sentences import _sentence_start, _sentences, _stage_matches
from lint.vocab import fold_width


class Budgets(RelationBase):
    """调整预算 brackets and 结余/节约 left over from a budget."""

    # -- 调整预算 = 年初预算 + 调增 − 调减 -------------------------------------------------
    def _adjusted_budgets(self, text: str, figures: list[Figure]) -> list[Relation]:
        """ "年初预算1000.00万元，年中追加200.00万元，调减50.00万元，调整后预算1150.00万元": one
        sentence naming the initial budget, every adjustment and the adjusted budget. A sentence
        that lists only some adjustments (其中/主要/等) is left alone."""
        out: list[Relation] = []
        for start, end in _sentences(text, figures):
            money = [
                x
                for x in self._span(figures, start, end)
                if x.dimension == "money" and not x.qualifiers.approx
            ]
            adjusted = [x for x in money if x.qualifiers.stage == "adjusted" and x.role == "amount"]
            initial = [
                x
                for x in money
                if x.qualifiers.stage == "initial"
                and (x.role == "amount" or self._stage_bracket(text, adjusted, x))
            ]
            plus, minus = [], []
            for x in money:
                if x in adjusted or x in initial:
                    continue  # "追加后调整预算5,612.00万元" is the adjusted budget, not an adjustment
                before = fold_width(text[max(start, x.start - 8) : x.start])
                if self.adjust_down.search(before):
                    minus.append(x)
                elif self.adjust_up.search(before):
                    plus.append(x)
            if len(initial) != 1 or len(adjusted) != 1 or not (plus or minus):
                continue
            # "…（年初预算A，年中追加B），全年执行数C，其中：基本支出…": a 其中 after the budgets breaks
            # down another amount; one before the last of them may list only some adjustments
            last = max(x.end for x in [*initial, *adjusted, *plus, *minus])
            if any(w in text[start:last] for w in ("其中", "主要", "等")):
                continue
            # "年初预算120.00万元，年中追加30.00万元，加上年结转资金6.80万元，全年预算数156.80万元": an
            # amount between the two budgets that is no adjustment (结转, 上级补助) may be one more
            # term of the adjusted budget; the sentence does not say the identity is complete.
            lo, hi = sorted((initial[0].start, adjusted[0].start))
            if any(
                lo < x.start < hi and x.role == "amount" and x not in plus and x not in minus for x in money
            ):
                continue
            # "全年预算数X（年初预算A，年中追加B，上年结转C）": any other amount in the bracket may be a term
            if adjusted[0].start < initial[0].start:
                shut = [
                    i
                    for i in (text.find("）", initial[0].end, end), text.find(")", initial[0].end, end))
                    if i > 0
                ]
                close = min(shut, default=end)
                if any(
                    initial[0].start < x.start < close and x not in plus and x not in minus for x in money
                ):
                    continue
            # "上年结转15.00万元，年初预算150.00万元，年中追加10.00万元，全年预算数175.00万元": a carryover
            # written before both budgets is a term of the 全年预算 (年初 + 调整 + 结转) too
            opening = [w for w, p in self.vocab.periods.items() if p == "opening"]
            if any(
                x.start < hi
                and x not in (*initial, *adjusted, *plus, *minus)
                and (
                    x.qualifiers.period == "opening"
                    or any(
                        w in (x.label or "") or w in fold_width(text[max(start, x.start - 8) : x.start])
                        for w in opening
                    )
                )
                for x in money
            ):
                continue
            members = [("total", adjusted[0]), ("part", initial[0])]
            members += [("part", x) for x in plus] + [("minus", x) for x in minus]
            name = "调整预算 = 年初预算 + 调增 − 调减［adjusted_budget］"
            out.append(Relation("identity", members, adjusted[0].start, {"code": "FL271", "name": name}))
        return out

    # -- 预算 = 实际支出 + 结余 ---------------------------------------------------------------
    def _left_over(self, text: str, figures: list[Figure]) -> list[Relation]:
        """ "项目预算52.00万元，实际支出49.18万元，结余2.82万元": what a budget leaves after what was spent of
        it, when the sentence before the 结余 writes exactly one budget and one spent amount (another
        amount there — 到位, 结转, 下达 — may be what the 结余 is of). One inferred link: a warning."""
        words = set(self.vocab.markers.get("left_over", []))
        out: list[Relation] = []
        for f in figures:
            if f.dimension != "money" or f.role != "amount" or f.qualifiers.approx or f.label not in words:
                continue
            lo = _sentence_start(text, f.start)
            money = [x for x in self._span(figures, lo, f.start) if x.dimension == "money"]
            if len(money) != 2 or any(x.role != "amount" or x.qualifiers.approx for x in money):
                continue
            budget, spent = money
            if not _stage_matches(budget.qualifiers.stage, "budget") or spent.qualifiers.stage != "final":
                continue
            if any(w in spent.label for w in self.vocab.markers.get("not_spent", [])):
                continue
            members = [("total", budget), ("part", spent), ("part", f)]
            name = "预算 = 实际支出 + 结余［budget_left_over］"
            out.append(Relation("identity", members, f.start, {"code": "FL272", "name": name}, "inferred"))
        return out

    @staticmethod
    def _stage_bracket(text: str, adjusted: list[Figure], x: Figure) -> bool:
        """Whether `x` opens a bracket written right after the one 全年(调整)预算 of its sentence:
        "全年预算数1,268.50万元（年初预算1,096.20万元，年中追加…）" gives that budget's stages, though a
        bracketed amount is otherwise a side note (role other)."""
        if len(adjusted) != 1 or not 0 < adjusted[0].end <= x.start:
            return False
        between = fold_width(text[adjusted[0].end : x.start]).strip()
        return between[:1] in ("(", "（") and not any(c in between[1:] for c in "，,。；;：:()（）")
