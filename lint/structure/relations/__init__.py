"""Relations the wording states between figures.

- breakdowns: "X万元，其中：a万元，b万元" (nested; scoped by punctuation and by which earlier
  parts a new part resembles — 项目支出 after 公用经费's items is a sibling of 基本支出);
- shares "占…的p%", changes "比/较/与…相比 增加/减少 X，增长/下降 p%", ratios "完成年初预算的p%",
  averages "平均每人X元", enumerations "N个：a、b、c", blanks "占 %".

Only the text between figures is read here; checks receive Relations and never see text.

The package is one module per kind of relation, each a mixin of RelationBase (base.py), read in the
order `RelationFinder.find()` lists:

- breakdowns.py: 其中/包括/分别为 lists, glossing brackets, "X中，" lead-ins, partitions, sums;
- totals.py: 合计 totals written after their parts, back references, two-sided lists;
- shares.py: 占…%;  changes.py: 比…增加/减少, 增幅/降幅;
- rates.py: 完成…的p%, 执行率, named rates; lookbacks.py: the budget a lone rate is of, implied 全年预算;
- budgets.py: 调整预算 brackets, 结余/节约;  averages.py: 人均/平均, list means;
- counts.py: "N个：" enumerations, 等N个;  blanks.py: "占 %" placeholders;
- patterns.py: the fixed patterns; sentences.py: shared sentence and look-back helpers.
"""

from __future__ import annotations

from lint.model import Figure, Relation
from lint.structure.relations.averages import Averages
from lint.structure.relations.base import Group, RelationBase
from lint.structure.relations.blanks import Blanks
from lint.structure.relations.breakdowns import Breakdowns, _counts_members
from lint.structure.relations.budgets import Budgets
from lint.structure.relations.changes import Changes
from lint.structure.relations.counts import Counts
from lint.structure.relations.patterns import ETC_BEFORE, ETC_TAILS, RATIO_BASE_AFTER, SENTENCE_END
from lint.structure.relations.rates import Rates
from lint.structure.relations.shares import Shares
from lint.structure.relations.totals import Totals

__all__ = ["ETC_BEFORE", "ETC_TAILS", "SENTENCE_END", "Group", "RelationBase", "RelationFinder"]


class RelationFinder(Breakdowns, Totals, Shares, Changes, Rates, Budgets, Averages, Counts, Blanks):
    """Every relation the wording states, one mixin per kind; find() is the one entry point."""

    # -- entry point ----------------------------------------------------------------------
    def find(
        self, text: str, figures: list[Figure], year: int | None = None, default_stage: str | None = None
    ) -> list[Relation]:
        """Every relation the wording states; `year` (the report's) reads 2023 as 上年 in a 2024 report;
        `default_stage` is the stage an amount naming none has (a 决算's bare 支出 is what was spent)."""
        self.year = year
        self.default_stage = default_stage
        prose = [f for f in figures if f.table is None]
        self._text = text
        self._ratio_bases = {
            f.id for f in prose if f.role == "amount" and RATIO_BASE_AFTER.match(text, f.end, f.end + 4)
        }
        self._starts = [f.start for f in prose]
        self._all = prose
        self._index = {id(f): i for i, f in enumerate(prose)}
        self._by_label: dict[str, list[Figure]] = {}
        for f in prose:
            self._by_label.setdefault(f.label, []).append(f)
        relations: list[Relation] = []
        groups = self._split_sides(text, prose, self._breakdowns(text, prose))
        groups = [h for g in groups for h in self._partitions(text, g)]
        groups = [g for g in groups if not _counts_members(text, g)]
        # a part's stage is its total's until qualifiers are inherited (after relations are read)
        self._parent_stage = {p.id: g.total.qualifiers.stage for g in groups for p in g.parts}
        self._whole_of = {id(p): g.total for g in groups for p in g.parts}
        for g in groups:
            if not any(self.attribute_re.search(p.label) for p in g.parts):
                relations.append(self._sum_relation(text, g))
        relations += self._shares(text, prose, groups)
        relations += self._changes(text, prose)
        relations += self._ratios(text, prose)
        relations += self._named_rates(text, prose)
        self._listed: set[int] = set()  # averages right after a 分别为 list (filled by _list_means)
        means = self._list_means(text, prose)
        meant = {id(r.role("average")) for r in means} | self._listed
        # "…分别为94分、88分、91分，三项平均得分91分": the mean of its list, not 91分 ÷ 三项
        relations += [r for r in self._averages(text, prose) if id(r.role("average")) not in meant]
        relations += means
        relations += self._enumerations(text, prose)
        relations += self._trailing_totals(text, prose, groups)
        relations += self._adjusted_budgets(text, prose)
        relations += self._left_over(text, prose)
        relations += self._blanks(text)
        return relations
