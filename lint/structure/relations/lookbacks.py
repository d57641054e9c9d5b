"""Budget look-backs for a rate: the budget an 执行率 or 完成率 is of when the sentence names none (the
预算 on the line or sentence before, the 年初预算 that is no base, a 调整预算 written earlier) and the
全年预算 implied by a 年初预算 and its 调增/调减.

"年初预算50.00万元，年中追加10.00万元。全年支出54.00万元，执行率90.00%" divides by 60.00, the implied
full-year budget.
"""

from __future__ import annotations

from typing import Literal

from lint.model import Figure, Relation
from lint.structure.relations.base import RelationBase
from lint.structure.relations.patterns import PARAGRAPH_END, RATE_WORD
from lint.structure.relations.sentences import _sentence_end, _sentence_start, _stage_matches
from lint.structure.sections import LEVELS
from lint.vocab import fold_width


class BudgetLookBacks(RelationBase):
    """Finds the budget a lone rate divides by, looking back over lines and sentences."""

    def _initial_not_base(self, text: str, rate: Figure, members: list[tuple[str, Figure]]) -> list[int]:
        """Ids of the 年初预算 among a rate's budgets that cannot be its base: 预算执行率 = 执行数 ÷ 全年预算数
        (年初 + 调整 + 结转), so when the 全年(调整后)预算 of the same subject is written (in the 年初预算's
        sentence, or beside a 年初预算 of the same amount) a rate naming no base is not against the 年初预算.
        Nothing when the rate's own words name the 年初 ("年初预算执行率")."""
        # its words: from the figure before it in its sentence ("…228.62万元，按年初预算计算，执行率为"), and
        # a bracket right after it ("114.31%（实际支出/年初预算）")
        lo = _sentence_start(text, rate.start)
        before = [x for x in self._span(self._all, lo, rate.start) if x is not rate]
        lo = max([lo, max(rate.start - 40, 0), *(x.end for x in before)])
        words = fold_width(text[lo : rate.start])
        after = fold_width(text[rate.end : rate.end + 30])
        if after[:1] in "（(":
            words += after[: min([len(after), *(i for i, c in enumerate(after) if c in "）)")]) + 1]
        initial_words = [w for w, s in self.vocab.stages.items() if s == "initial"]
        if "年初" in words or any(w in words for w in initial_words):
            return []
        budgets = [x for r, x in members if r in ("base", "alternative")]
        fulls = [x for x in budgets if x.qualifiers.stage == "adjusted" and x.dimension == "money"]
        out: list[int] = []
        for x in budgets:
            if x.qualifiers.stage != "initial" or x.dimension != "money":
                continue
            for full in fulls:
                lo, hi = _sentence_start(text, full.start), _sentence_end(text, full.end)
                beside = [
                    y
                    for y in self._span(self._all, lo, hi)
                    if y.dimension == "money" and y.qualifiers.stage == "initial"
                ]
                if any(y is x or y.base_value == x.base_value for y in beside):
                    out.append(x.id)
                    break
        return out

    def _previous_budgets(
        self, text: str, figures: list[Figure], start: int, wanted: str, spent: bool
    ) -> tuple[list[Figure], list[Figure]]:
        """(base, alternatives) for a rate whose sentence names no budget, from the sentence just before
        `start` in its paragraph: its one money amount, when that is a budget of stage `wanted`
        ("全年预算1,200.00万元。截至12月31日，实际支出1,080.00万元，预算执行率90.00%"); else, for a rate
        of spending on a budget ("…全年预算248.60万元。全年实际支出236.17万元，执行率为93.50%"), its
        全年(调整)预算 when every other amount there is a budget (kept as alternatives: any may be meant)
        or an adjustment (年中追加/调减)."""
        if start <= 0 or text[start - 1] == PARAGRAPH_END:
            return [], []
        lo = _sentence_start(text, start - 1)
        # any other amount there (年中追加…, 上年结转…) may be one more term of the budget: not the one
        money = [x for x in self._span(self._all, lo, start - 1) if x.dimension == "money"]
        if len(money) == 1:
            x = money[0]
            ok = x.role == "amount" and x.table is None and not x.qualifiers.approx
            # a 年初预算 there is no base: the 全年预算 the rate is against may differ from it, unsaid
            ok = ok and x.qualifiers.stage != "initial"
            if ok and _stage_matches(x.qualifiers.stage, wanted):
                return [x], []
        if wanted != "budget" or not spent or PARAGRAPH_END in text[lo : start - 1]:
            return [], []
        money = [
            x
            for x in self._span(figures, lo, start)
            if x.dimension == "money" and x.role in ("amount", "difference")
        ]
        if any(x.qualifiers.approx for x in money):
            return [], []
        budgets = [x for x in money if x.role == "amount" and _stage_matches(x.qualifiers.stage, "budget")]
        for x in money:
            if x in budgets:
                continue
            before = fold_width(text[max(lo, x.start - 8) : x.start])
            if not (self.adjust_up.search(before) or self.adjust_down.search(before)):
                return [], []
        base = [x for x in budgets if x.qualifiers.stage == "adjusted"][-1:]
        return (base, [x for x in budgets if x not in base]) if base else ([], [])

    def _rate_alone(self, text: str, figures: list[Figure], rate: Figure, start: int) -> Relation | None:
        """An execution rate whose clause holds no amount, against the two sentences before it in its
        paragraph: "全年预算数为326.80万元，其中年初预算300.00万元…。截至年底实际支出312.45万元。预算执行率为
        96.61%". A rate naming a label (自筹资金执行率) is that label's later amount (spent) over its
        earlier one (budgeted or received) when the label is written exactly twice there; otherwise the
        spent amount of the sentence just before over the one 全年(调整)预算 of the two sentences, every
        other budget there an alternative (any may be meant). Nothing when either is not one figure."""
        own = text[start : rate.start]
        if (rate.qualifiers.period or "current") != "current" or any(
            w in own for w, p in self.vocab.periods.items() if p == "previous"
        ):
            return None  # "上年同类项目执行率为94.0%": another year's rate, its figures not written here
        lo = start
        crossed = False
        hi = start  # the window ends here: past a skipped heading or 其中 line, before it
        for _ in range(2):
            if lo <= 0:
                break
            if text[lo - 1] == PARAGRAPH_END:
                # "…实际支出312.45万元。\n预算执行率为96.61%。": a rate alone on its line reads the line
                # just before it, once, when that line is prose of the same section (no heading between)
                if crossed or lo != start:
                    break
                stop = self._line_before_rate(text, figures, start, rate)
                if stop is None:
                    break
                crossed = True
                lo = hi = stop  # past the line break: "。\n" ends one sentence, not two
            lo = _sentence_start(text, lo - 1)
        if lo == start:
            return None
        window = [
            x
            for x in self._span(figures, lo, hi)
            if x.role == "amount" and x.dimension == "money" and x.table is None and not x.qualifiers.approx
        ]
        words = fold_width(text[max(0, rate.start - 16) : rate.start])
        words = words[max(words.rfind(c) for c in "，,；;") + 1 :]
        suffix = self.spent_suffix
        same = [
            x
            for x in window
            if x.label and not self.labels.is_generic(x.label) and suffix.sub("", x.label) in words
        ]
        if same:
            # "…其中财政资金400.00万元…；实际支出…，其中财政资金支出388.60万元。…财政资金执行率97.15%"
            stems = {suffix.sub("", x.label) for x in same}
            if len(same) != 2 or len(stems) != 1 or same[0].base_value == 0:
                return None
            if (same[1].qualifiers.stage or self._parent_stage.get(same[1].id)) != "final":
                return None
            members = [("current", same[1]), ("base", same[0]), ("ratio", rate)]
            return Relation("ratio", members, rate.start, {"named": ""}, "inferred")
        last = _sentence_start(text, hi - 1)
        spent = [
            x
            for x in window
            if x.start >= last
            and x.qualifiers.stage == "final"
            and id(x) not in self._whole_of
            and not any(w in x.label for w in self.vocab.markers.get("not_spent", []))
        ]
        budgets = (
            [x for x in window if x.start < spent[0].start and id(x) not in self._whole_of] if spent else []
        )
        # the 全年(调整)预算; a bare 预算 when no 年初预算 is beside it
        full = [x for x in budgets if x.qualifiers.stage == "adjusted"] or [
            x
            for x in budgets
            if x.qualifiers.stage == "budget" and all(y.qualifiers.stage != "initial" for y in budgets)
        ]
        if len({x.base_value for x in spent}) != 1 or len({x.base_value for x in full}) != 1:
            return None
        others = [
            x
            for x in window
            if x.start < spent[0].start and x is not full[-1] and _stage_matches(x.qualifiers.stage, "budget")
        ]
        members = [("current", spent[0]), ("base", full[-1]), ("ratio", rate)]
        members += [("alternative", x) for x in others]
        data: dict[str, object] = {"named": "", "any_base": True}
        data["not_base"] = self._initial_not_base(text, rate, members)
        return Relation("ratio", members, rate.start, data, "inferred")

    def _line_before_rate(self, text: str, figures: list[Figure], start: int, rate: Figure) -> int | None:
        """Where the prose line a lone rate reads ends (its line break), or None: the line just before
        the rate's (_prose_line_before); else the line before that, past one line between that is a
        heading naming the rate ("（二）预算执行率"/"预算执行情况" before "执行率为95.00%") or a 其中 line
        of parts that writes no budget ("其中：乡镇卫生院支出…": the rate is then the whole's)."""
        if self._prose_line_before(text, start):
            return start - 1
        if start < 2 or text[start - 1] != "\n":
            return None
        top = text.rfind("\n", 0, start - 1)
        if top < 1 or text[top - 1] == "\n":
            return None
        between = fold_width(text[top + 1 : start - 1].strip())
        m = RATE_WORD.search(fold_width(text[max(start, rate.start - 8) : rate.start]))
        inside = self._span(figures, top + 1, start - 1)
        if any(between.startswith(w) for w in self.vocab.markers.get("breakdown", [])):
            if any(x.dimension == "money" and _stage_matches(x.qualifiers.stage, "budget") for x in inside):
                return None
        elif not (
            any(p.match(between) for _, p in LEVELS)
            and m
            and (m.group(1) + "率" in between or "预算" + m.group(1) in between)
            and not inside
        ):
            return None  # "（二）绩效目标完成情况" before "完成率为…" opens another subject
        return top if self._prose_line_before(text, top + 1, own=False) else None

    def _prose_line_before(self, text: str, start: int, own: bool = True) -> bool:
        """Whether the line before the line starting at `start` is prose the line continues: that line
        is not blank and ends a sentence (a heading line does not), neither line (with `own` False: not
        the line before) opens with a heading number ("（二）项目支出", "3．预算执行率…": a new section or
        item), and the line before does not
        open a breakdown ("其中：中央资金…": a part's figures, while the rate may be the whole's)."""
        if start < 2 or text[start - 1] != "\n" or text[start - 2] == "\n":
            return False
        prev = fold_width(text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip())
        if not prev or prev[-1] not in "。；;！!":
            return False
        if any(prev.startswith(w) for w in self.vocab.markers.get("breakdown", [])):
            return False
        # a line opening with a heading or item number (一、 （二） 3． 第二部分): the outline's own patterns
        lines = (prev, fold_width(text[start : start + 12])) if own else (prev,)
        return not any(p.match(line) for line in lines for _, p in LEVELS)

    def _line_before_budget(
        self, text: str, figures: list[Figure], start: int
    ) -> tuple[list[Figure], list[Figure]]:
        """(base, alternatives) for a spent amount's rate whose paragraph names no budget: "（一）预算安排。
        年初预算480.00万元，…全年预算数540.00万元。\n（二）预算执行。全年执行数512.30万元，预算执行率
        96.73%" — the one 全年(调整)预算 on the two lines before, the other budgets there as alternatives."""
        para = text.rfind(PARAGRAPH_END, 0, start) + 1
        if any(x.dimension == "money" and x.role == "amount" for x in self._span(figures, para, start)):
            return [], []
        full = self._earlier_adjusted(text, figures, para)
        if len(full) != 1:
            return [], []
        lo = text.rfind(PARAGRAPH_END, 0, full[0].start) + 1
        budgets = [
            x
            for x in self._span(figures, lo, para)
            if x is not full[0] and x.role == "amount" and _stage_matches(x.qualifiers.stage, "budget")
        ]
        return full, budgets

    def _earlier_adjusted(self, text: str, figures: list[Figure], before: int) -> list[Figure]:
        """全年(调整)预算 amounts on the two lines before a sentence (a bounded look-back)."""
        floor = max(0, before - 400)
        lo = before
        for _ in range(2):
            if lo <= floor:
                break
            nl = text.rfind("\n", floor, max(floor, lo - 1))
            lo = nl + 1 if nl >= 0 else floor
        return [
            x
            for x in self._span(figures, lo, before)
            if x.role == "amount"
            and x.dimension == "money"
            and x.qualifiers.stage == "adjusted"
            and not x.qualifiers.approx
        ]

    def _implied_full_year(
        self, text: str, rate: Figure, cur: Figure, clause: list[Figure]
    ) -> Relation | Literal[False] | None:
        """ "年初预算1,000.00万元，年中追加200.00万元，实际支出1,080.00万元，预算执行率108.00%": a rate that
        names no base is against the 全年预算, which the clause gives only in parts (年初 + 追加 − 调减).
        None when the clause adjusts no 年初预算 (the rate is read as before); False when it does but
        does not give the 全年预算 whole (a 结转 or another amount may be one more term): read nothing."""
        initial = [x for x in clause if x.qualifiers.stage == "initial"]
        if len(initial) != 1:
            return None
        lo = min(x.start for x in clause)
        if any(w in text[lo : rate.start] for w in ("其中", "主要", "等")):
            return None
        plus: list[Figure] = []
        minus: list[Figure] = []
        # "年中追加200.00万元" reads as a change (role difference): every money figure of the clause counts
        money = [
            x for x in self._span(self._all, lo, rate.start) if x.dimension == "money" and x.table is None
        ]
        if any(x.qualifiers.approx for x in money):
            return None
        carry: list[Figure] = []
        other = False
        opening = [w for w, p in self.vocab.periods.items() if p == "opening"]
        for x in money:
            if x is cur or x is initial[0]:
                continue
            before = fold_width(text[max(lo, x.start - 8) : x.start])
            if self.adjust_down.search(before):
                minus.append(x)
            elif self.adjust_up.search(before):
                plus.append(x)
            elif x.role == "amount" and (
                x.qualifiers.period == "opening" or any(w in (x.label or "") or w in before for w in opening)
            ):
                # "…年中追加45.00万元，上年结转15.00万元，实际支出…": the carryover is the third term of
                # the 全年预算 (年初 + 调整 + 结转); a rate on 年初 + 调整 alone stays a reading
                carry.append(x)
            else:
                other = True
        if not plus and not minus:
            return None
        if other or len(carry) > 1:
            return False
        members = [("current", cur), ("base", initial[0])]
        members += [("plus", x) for x in plus] + [("minus", x) for x in minus]
        members += [("carry", x) for x in carry] + [("ratio", rate)]
        return Relation("ratio", members, rate.start, {"named": "", "implied_base": True}, "inferred")
