"""Changes: "比/较/与…相比 增加/减少 X，增长/下降 p%" (增幅/降幅): the current amount, the base it is
compared with (written or named, such as 上年), the difference and the rate.

"本年支出90.00万元，比上年减少10.00万元，下降10.00%" states 90.00 = 100.00 − 10.00 and 10.00 / 100.00.
"""

from __future__ import annotations

from lint.model import Figure, Relation
from lint.structure.relations.base import RelationBase
from lint.structure.relations.sentences import (
    _before,
    _between,
    _matches,
    _next,
    _normal_period,
    _previous,
    _same_sentence,
    _sentence_start,
    _stage_matches,
)
from lint.vocab import fold_width


class Changes(RelationBase):
    """比…增加/减少 and 增幅/降幅 relations between a current amount and its base."""

    # -- changes --------------------------------------------------------------------------
    def _changes(self, text: str, figures: list[Figure]) -> list[Relation]:
        out: list[Relation] = []
        used_rates: set[int] = set()
        for i, f in enumerate(figures):
            if f.role != "difference" or f.qualifiers.approx:
                continue
            base = _previous(figures, i, text, lambda x: x.role == "base" and x.dimension == f.dimension)  # noqa: B023 - called at once
            if base is not None and _between(figures, base, f, lambda x: x.role == "difference"):
                # "较年初预算数10.00万元减少2.16万元，较上年减少1.26万元": the base has its difference;
                # the second names another comparand (上年) whose figure is not written
                base = None
            named = self._named_base(text, figures, i) if base is None else None
            current: Figure | None
            if named is not None:
                # "年初预算3.00万元，支出决算2.50万元，比预算减少0.50万元": the base named by its stage
                current, base = named[0][1], named[1][1]
            else:
                current = self._current(figures, i, text, f, base)
            if base is None and current is not None and current.qualifiers.period == "previous":
                # "经费支出8.64万元，上年为9.12万元，减少0.48万元": the 上年 figure is the base
                base = current
                current = self._current(figures, self._index[id(base)], text, base, None)
            rate = _next(figures, i, text, lambda x: x.role == "rate")
            if rate is not None and _between(figures, f, rate, lambda x: x.role == "difference"):
                rate = None
            members: list[tuple[str, Figure]] = []
            inferred = current is not None and not _same_sentence(text, current, f)
            if current is not None:
                members.append(("current", current))
            if base is not None:
                members.append(("base", base))
            members.append(("difference", f))
            if rate is not None:
                members.append(("rate", rate))
                used_rates.add(rate.id)
                if base is None and current is not None:
                    members += [("alternative", w) for w in self._wholes(text, current, f)]
            if len(members) >= 2:
                certainty = "inferred" if inferred else "explicit"
                out.append(Relation("change", members, f.start, {"direction": f.direction}, certainty))
        for i, f in enumerate(figures):
            if f.role != "rate" or f.id in used_rates or f.qualifiers.approx:
                continue
            base = _previous(figures, i, text, lambda x: x.role == "base" and x.dimension != "percent")
            if base is None:
                named = self._named_base(text, figures, i)
                if named is not None:
                    out.append(Relation("change", [*named, ("rate", f)], f.start, {"direction": f.direction}))
                continue
            current = self._current(figures, i, text, f, base)
            if current is None:
                continue
            out.append(
                Relation(
                    "change",
                    [("current", current), ("base", base), ("rate", f)],
                    f.start,
                    {"direction": f.direction},
                    "explicit" if _same_sentence(text, current, f) else "inferred",
                )
            )
        return out

    def _wholes(self, text: str, part: Figure, f: Figure) -> list[Figure]:
        """ "“三公”经费预算12.80万元，其中公务接待费4.80万元，公务用车运行维护费8.00万元，与上年相比
        减少1.20万元，下降8.57%": the change after a breakdown may be its whole's (and its whole's
        whole), each of the sentence of f."""
        out: list[Figure] = []
        x = self._whole_of.get(id(part))
        while x is not None and x not in out and _same_sentence(text, x, f):
            out.append(x)
            x = self._whole_of.get(id(x))
        return out

    def _named_base(self, text: str, figures: list[Figure], i: int) -> list[tuple[str, Figure]] | None:
        """ "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%":
        the rate names its base by stage and year; both figures stand earlier in the sentence."""
        f = figures[i]
        start = _sentence_start(text, f.start)
        m = self.named_base_re.search(fold_width(text[max(start, f.start - 40) : f.start]))
        if not m:
            return None
        named = self.labels.read(m.group("base"))
        period = _normal_period(named.period, self.year)
        if named.stage is None and period is None:
            return None
        earlier = [
            x for x in self._span(figures, start, f.start) if x.role == "amount" and x.dimension == "money"
        ]

        # "比预算增长16.67%": a bare 预算 is whichever budget (年初/全年/调整后) the sentence writes, when only one
        def named_one(x: Figure) -> bool:
            if named.stage == "budget" and x.qualifiers.stage is not None:
                return _stage_matches(x.qualifiers.stage, "budget") and _matches(x, None, period)
            return _matches(x, named.stage, period)

        bases = [x for x in earlier if named_one(x)]
        if len(bases) != 1:
            return None
        currents = [x for x in earlier if x is not bases[0] and not named_one(x)]
        if not currents:
            return None
        cur = currents[-1]
        if cur.qualifiers.period not in (None, "current"):
            return None
        return [("current", cur), ("base", bases[0])]

    def _current(
        self, figures: list[Figure], i: int, text: str, f: Figure, base: Figure | None
    ) -> Figure | None:
        """The figure that changed: the amount before the base/difference in the same sentence, else
        the nearest earlier amount (within the paragraph) carrying the label the change names."""
        anchor = base or f
        j = self._index.get(id(anchor), i)
        cur = _previous(
            figures,
            j,
            text,
            lambda x: (
                x.role == "amount"
                and x.dimension == (base.dimension if base else f.dimension)
                and x.id not in self._ratio_bases
            ),
        )
        if cur is not None:
            return cur
        if f.label and not self.labels.is_generic(f.label):
            reach = max(0, f.start - 3000)  # bounded: a paragraph-less text stays linear
            para_start = max(reach, text.rfind("\n\n", reach, f.start))
            for x in _before(figures, i):
                if x.start < para_start - 400:
                    break
                # "预算为18.00万元，决算为14.62万元。与上年相比，三公经费减少1.73万元": a change on
                # last year compares what was spent, not what was budgeted
                planned = x.qualifiers.stage in ("budget", "initial", "adjusted")
                if x.role == "amount" and x.label == f.label and x.dimension == f.dimension and not planned:
                    return x
            return None
        return self._subject_before(text, figures, i, f)

    def _subject_before(self, text: str, figures: list[Figure], i: int, f: Figure) -> Figure | None:
        """ "…财政拨款支出1213.13万元，占本年支出合计的84.22%。比上年减少140.13万元，下降10.35%": a
        change opening its own sentence with only the comparison names no subject; it compares the one
        amount spent (not budgeted) that the sentence just before states, if there is exactly one."""
        start = _sentence_start(text, f.start)
        if not self.compare_open.match(fold_width(text[start : f.start])) or start == 0:
            return None
        before = _sentence_start(text, start - 1)
        if "\n\n" in text[before:start]:
            return None
        found = [
            x
            for x in _before(figures, i)
            if before <= x.start < start
            and x.role == "amount"
            and x.dimension == f.dimension
            and x.qualifiers.stage not in ("budget", "initial", "adjusted")
            and x.id not in self._ratio_bases
        ]
        return found[0] if len(found) == 1 else None
