"""Averages: 人均/平均每X amounts over the total and the count they divide, and the mean of a
分别为 list ("…平均得分率为…").

"在职人员20人，人员经费200.00万元，人均10.00万元" states 200.00 / 20 = 10.00.
"""

from __future__ import annotations

import itertools

from lint.extract.numbers import parse_chinese
from lint.model import Figure, Relation
from lint.structure.relations.base import RelationBase
from lint.structure.relations.patterns import LIST_GAP, MEAN_BEFORE, RESPECTIVE_LIST
from lint.structure.relations.sentences import (
    _all_previous,
    _before,
    _previous,
    _same_sentence,
    _sentence_start,
)
from lint.vocab import fold_width


class Averages(RelationBase):
    """人均/平均 relations and list means."""

    # -- averages -------------------------------------------------------------------------
    def _averages(self, text: str, figures: list[Figure]) -> list[Relation]:
        out: list[Relation] = []
        for i, f in enumerate(figures):
            if f.role != "average" or f.qualifiers.approx:
                continue
            counts = _all_previous(
                figures, i, text, lambda x: x.dimension in ("people", "count") and x.role == "amount"
            )
            if not counts:
                staff = self._staff_average(text, figures, i)
                if staff is not None:
                    out.append(staff)
                continue
            # "…参会人员320人次；培训费支出7.20万元，…培训人员180人次，人均400.00元": the counts of the
            # average's own ；-clause come before those of the clauses before it
            own = [x for x in counts if not any(c in text[x.end : f.start] for c in "；;")]
            counts = own or counts
            # "9批次63人次，平均每批次0.70万元": the count the average names by its unit; without one,
            # the other counts of the sentence are alternatives a charitable reading may take
            per = self.per_unit.search(text[max(0, f.start - 10) : f.start])
            named_unit = (per.group("unit") or "人") if per else ""
            chosen = [x for x in counts if named_unit and x.unit.startswith(named_unit)]
            # several counts of the average's unit (在职40人，退休10人): the first written is the reading
            # a finding names; the others and their sum are alternatives
            count = chosen[-1] if len(chosen) > 1 else (chosen or counts)[0]
            j = self._index[id(count)]
            dim = f.dimension
            # "90分（含）以上的项目5个": a bound names which items are counted, it is no total of theirs
            total = _previous(
                figures,
                j,
                text,
                lambda x: x.dimension == dim and x.role == "amount" and not x.qualifiers.approx,  # noqa: B023
            )
            if total is None and chosen and dim == "money":
                # "在职40人、退休10人，人员经费500.00万元，人均10.00万元": the one amount between the
                # counts and a per-person average is its total
                between = [
                    x
                    for x in _all_previous(figures, i, text, lambda x: x.dimension == "money")
                    if x.start > count.end
                ]
                total = between[0] if len(between) == 1 and between[0].role == "amount" else None
            if total is None or not self._names_total(text, f, total):
                # "人均接待费" names its total (公务接待费) in the paragraph: as explicit as a sentence;
                # "本年支出合计2,310.00万元，在职118人，人均公用经费2.15万元": 支出合计 is no 公用经费
                total = self._average_total(text, figures, i)
            if total is None:
                continue
            if self._list_item(text, total) or self._list_item(text, count):
                # "三个乡镇新建12个、15个、9个，全县五个乡镇平均新建11个": one value of a list is neither
                # the total nor the count of an average written after it
                continue
            members = [("total", total), ("count", count), ("average", f)]
            if not named_unit:
                members += [("alternative", x) for x in counts if x is not count]
            elif len(chosen) > 1:
                # "在职40人，退休10人，人均…": per 在职, per 退休 or per both — each is a reading
                members += [("alternative", x) for x in chosen if x is not count]
                members += [("pooled", x) for x in chosen]
            else:
                # "9批次63人次，平均每人次…": the counts of other units only explain a wrong average
                members += [("other", x) for x in counts if x is not count]
            out.append(Relation("average", members, f.start))
        return out

    def _names_total(self, text: str, f: Figure, total: Figure) -> bool:
        """Whether the noun an average names (人均公用经费 → 公用经费) is the total's; an average
        naming none takes any."""
        m = self.average_named.search(fold_width(text[max(0, f.start - 16) : f.start]))
        noun = m.group("noun").removesuffix("用") if m else ""  # 接待费用 is 接待费
        return len(noun) < 2 or noun in total.label

    def _staff_average(self, text: str, figures: list[Figure], i: int) -> Relation | None:
        """ "人员经费742.18万元，人均人员经费13.25万元" with no count in its sentence: the total is the
        amount the average names, the count the staff written earlier (在职人员56人). Which head count is
        meant is inferred, so every people count written before is a reading (a warning at most)."""
        f = figures[i]
        per = self.per_unit.search(text[max(0, f.start - 10) : f.start])
        if f.dimension != "money" or per is None or (per.group("unit") or "人") != "人":
            return None
        total = self._average_total(text, figures, i)
        if total is None:
            return None
        staff = [
            x
            for x in _before(figures, i)
            if x.dimension == "people" and x.role == "amount" and x.unit == "人" and not x.qualifiers.approx
        ][::-1]
        if not staff:
            return None
        members = [("total", total), ("count", staff[0]), ("average", f)]
        members += [("alternative", x) for x in staff[1:]]
        # "在职人员40人，离退休人员10人": the counts of one sentence may be meant together
        members += [("pooled", x) for x in staff if _same_sentence(text, x, staff[0])]
        return Relation("average", members, f.start, {"staff": True}, "inferred")

    def _list_item(self, text: str, x: Figure) -> bool:
        """Is x one value of a run like "12个、15个、9个" (a neighbour of its unit, only a list
        separator between)?"""
        i = self._index.get(id(x))
        if i is None:
            return False
        for j in (i - 1, i + 1):
            if 0 <= j < len(self._all):
                y = self._all[j]
                a, b = (y, x) if j < i else (x, y)
                gap = text[a.end : b.start]
                if y.unit == x.unit and gap.strip() and LIST_GAP.fullmatch(gap):
                    return True
        return False

    def _list_means(self, text: str, figures: list[Figure]) -> list[Relation]:
        """ "各期参训人数分别为120人、85人、96人、101人，平均每期参训100.5人": an average written right
        after a list its sentence says is every item (分别为…) is their mean. Items and average share
        their unit; a count written before 平均 (四项平均) must be the list's length. Rates averaged
        (得分率, 完成率) may be weighted by what each is a rate of: only their range binds them."""
        out: list[Relation] = []
        for f in figures:
            if f.qualifiers.approx or f.role not in ("average", "other", "amount"):
                continue
            start = _sentence_start(text, f.start)
            lead = MEAN_BEFORE.search(text, max(start, f.start - 16), f.start)
            if lead is None:
                continue
            listed = list(RESPECTIVE_LIST.finditer(text, start, f.start))
            if not listed:
                continue
            items = self._span(figures, listed[-1].end(), lead.start())
            if len(items) < 2 or any(x.unit != f.unit or x.qualifiers.approx for x in items):
                continue
            gaps = [text[a.end : b.start] for a, b in itertools.pairwise(items)]
            if any(not LIST_GAP.fullmatch(g) for g in gaps) or not LIST_GAP.fullmatch(
                text[listed[-1].end() : items[0].start]
            ):
                continue
            # the average of a list is never one listed item ÷ a count (38分 ÷ 五项)
            self._listed.add(id(f))
            said = lead.group("n")
            if (
                said
                and parse_chinese(said) != len(items)
                and not (said.isdigit() and int(said) == len(items))
            ):
                continue
            members = [("item", x) for x in items] + [("average", f)]
            out.append(Relation("average", members, f.start, {"mean": True, "weighted": f.unit == "%"}))
        return out

    def _average_total(self, text: str, figures: list[Figure], i: int) -> Figure | None:
        """ "公务接待费17.26万元…。共接待…1,208人次，人均接待费142.28元": the total named by the
        average's noun (接待费) stands earlier in the same paragraph."""
        f = figures[i]
        m = self.average_noun.search(fold_width(text[max(0, f.start - 16) : f.start]))
        noun = m.group("noun") if m else ""
        if len(noun) < 2:
            return None
        reach = max(0, f.start - 3000)
        para = max(reach, text.rfind("\n", reach, f.start))
        for x in _before(figures, i):
            if x.start < para:
                break
            if (
                x.role == "amount"
                and x.dimension == f.dimension
                and x.label.endswith(noun)
                and not x.qualifiers.approx
            ):
                return x
        return None
