"""Shares: "占…的p%", a part's percentage of a whole named in the sentence, read earlier, or the
total of the breakdown the part belongs to (also "分别占…" after a list).

"其中人员经费80.00万元，占基本支出的40.00%" states 80.00 as 40% of the 基本支出 amount.
"""

from __future__ import annotations

from typing import Literal

from lint.model import Figure, Relation
from lint.structure.relations.base import Group, RelationBase
from lint.structure.relations.patterns import LEAD_WHOLE, PARAGRAPH_END, RESPECTIVE, SUBJECT
from lint.structure.relations.sentences import (
    LOOK_BACK,
    _names_same,
    _previous,
    _sentence_end,
    _sentence_start,
    _stage_matches,
)
from lint.vocab import fold_width


class Shares(RelationBase):
    """占…% relations: the part, the share and the whole it is of."""

    # -- shares ---------------------------------------------------------------------------
    def _shares(self, text: str, figures: list[Figure], groups: list[Group]) -> list[Relation]:
        parent: dict[int, Figure] = {}
        for g in groups:
            for p in g.parts:
                parent[p.id] = g.total
        out: list[Relation] = []
        named_whole: tuple[int, Figure] | None = None  # (sentence start, whole) of the last 占X的
        for i, f in enumerate(figures):
            # "分别占42.90%和57.10%": the second share has no 占 of its own
            if f.role != "share" and (f.dimension != "percent" or f.role != "other"):
                continue
            respective = self._respective_part(text, figures, i)
            if f.role != "share" and not respective:
                continue
            if respective is False:
                continue
            part = respective or _previous(
                figures, i, text, lambda x: x.role == "amount" and x.dimension != "percent"
            )
            if part is None:
                continue
            clause = text[max(part.end, f.start - 40) : f.start]
            # "…248.36万元，占年初预算的15.92%；…第四季度支付占全年的41%": the 41% has its own
            # subject; only a share whose 占 follows its part with no other subject between is checked.
            region = max(part.end, figures[i - 1].end)
            said = list(self.share_word.finditer(fold_width(text[region : f.start])))
            if respective is None and (
                not said
                or (
                    # the words before the first 占 ("占三公经费支出的比重为": 比重 is no subject's)
                    SUBJECT.search(text[region : region + said[0].start()])
                    and not self._restates(part, text[region : region + said[0].start()])
                )
            ):
                continue
            m = self.share_whole.search(fold_width(clause))
            written = self.labels.tidy(m.group("whole")) if m else ""
            whole_label = self.vocab.canonical(written)
            whole = self._resolve_whole(written, whole_label, part, parent.get(part.id), figures, i)
            lead_whole = None
            if whole is None and not written and part.id not in parent:
                whole = lead_whole = self._lead_whole(text, figures, part, i)
            if whole is None and not written and part.id not in parent:
                whole = lead_whole = self._previous_whole(text, part, f)
            if whole is None or whole is part:
                continue
            sentence = _sentence_start(text, f.start)
            members = [("part", part), ("whole", whole), ("share", f)]
            if written:
                named_whole = (sentence, whole)
            elif named_whole is not None and named_whole[0] == sentence and named_whole[1] is not whole:
                # "…占政府采购支出总额的93.09%，其中授予小微企业合同金额431.20万元，占67.08%": a bare 占
                # may be of the whole its sentence just named as well as of its breakdown's total
                members.append(("alternative", named_whole[1]))
            # a whole found by its label outside the share's paragraph is an inferred link
            linked = (
                whole is parent.get(part.id)
                or PARAGRAPH_END not in text[min(whole.start, f.start) : max(whole.start, f.start)]
            )
            out.append(
                Relation(
                    kind="share",
                    members=members,
                    anchor=f.start,
                    data={"whole_label": whole_label, "stage_named": bool(self.labels.read(written).stage)},
                    certainty="explicit" if linked and lead_whole is None else "inferred",
                )
            )
        return out

    @staticmethod
    def _names_inside(written: str, total: str) -> bool:
        """ "占基本支出的" inside 一般公共预算基本支出's breakdown names that total; a bare "占支出的"
        inside 项目支出's names a wider whole (all spending), never the narrower total around it."""
        return bool(written) and written in total and (len(written) >= 4 or written == total)

    def _lead_whole(self, text: str, figures: list[Figure], part: Figure, idx: int) -> Figure | None:
        """ "收入预算5499.06万元，支出预算5499.06万元。…⏎支出预算中：基本支出3902.17万元，占70.96%": a bare
        占 in a sentence opened by "X中：" is a share of X, the last figure before the sentence that
        carries X's label, stage and period (within its section). Found by label: an inferred link."""
        start = _sentence_start(text, part.start)
        m = LEAD_WHOLE.match(text, start, part.start)
        if m is None:
            return None
        named = self.labels.read(self.labels.tidy(m.group(1)))
        if not named.label:
            return None
        wanted = {named.label, self.vocab.canonical(named.label)}
        share = figures[idx]
        for x in reversed(self._span(figures, max(0, start - 3000), start)):
            if x.section != share.section:
                break
            if (
                x.role == "amount"
                and x.dimension == part.dimension
                and (x.label in wanted or self.vocab.canonical(x.label) in wanted)
                and (named.stage is None or _stage_matches(x.qualifiers.stage, named.stage))
                and (x.qualifiers.period or "current") == (part.qualifiers.period or "current")
                and not x.qualifiers.approx
            ):
                return x
        return None

    def _previous_whole(self, text: str, part: Figure, share: Figure) -> Figure | None:
        """ "“三公”经费支出20.50万元。因公出国（境）费0万元；公务接待费3.20万元，占15.61%": a bare 占 of a
        part outside any breakdown is a share of the one amount of the sentence before (same
        paragraph, period and side, larger than the part): an inferred link."""
        start = _sentence_start(text, part.start)
        if start <= 0 or text[start - 1] == PARAGRAPH_END:
            return None
        lo = _sentence_start(text, start - 1)
        before = [
            x
            for x in self._span(self._all, lo, start - 1)
            if x.dimension == part.dimension and x.role == "amount"
        ]
        if len(before) != 1:
            return None
        x = before[0]
        if (
            x.qualifiers.approx
            or x.table is not None
            or (x.qualifiers.period or "current") != (part.qualifiers.period or "current")
            or x.base_value <= part.base_value
            or self._other_side(x, [part])
        ):
            return None
        return x

    def _restates(self, part: Figure, words: str) -> bool:
        """ "税收收入完成33,260万元，增长2.7%，税收收入占…的比重为70.4%": the words before 占 name the
        part again, so the share is still the part's."""
        said = self.vocab.canonical(self.labels.tidy(words))
        return bool(said) and bool(part.label) and (said == part.label or part.label.endswith(said))

    def _respective_part(self, text: str, figures: list[Figure], i: int) -> Figure | Literal[False] | None:
        """ "基本支出和项目支出分别为852.17万元和1,134.28万元，分别占42.90%和57.10%": the k-th share
        after 分别占 belongs to the k-th of as many amounts before it. None when the share is not in
        such a list; False when it is but the amounts cannot be paired one to one."""
        f = figures[i]
        start = max(_sentence_start(text, f.start), figures[max(0, i - LOOK_BACK)].start)
        found = list(RESPECTIVE.finditer(fold_width(text[start : f.start + 1])))
        if not found:
            return None
        m = found[-1]
        at = start + m.start()
        after = self._span(figures, at, _sentence_end(text, f.end))
        if not after or after[0].role != "share":
            return None  # "分别为852.17万元和…": a list of amounts, not of shares
        run = []
        for x in after:
            if x.dimension != "percent":
                break
            run.append(x)
        k = next((n for n, x in enumerate(run) if x is f), None)
        amounts = [x for x in self._span(figures, start, at) if x.role == "amount" and x.dimension == "money"]
        if k is None or len(amounts) < len(run) or len(run) < 2:
            return False
        return amounts[len(amounts) - len(run) + k]

    def _resolve_whole(
        self,
        written: str,
        label: str,
        part: Figure,
        group_total: Figure | None,
        figures: list[Figure],
        idx: int,
    ) -> Figure | None:
        """The whole a share names: its breakdown's total when the wording points there (占总支出的,
        占比, the total's own label), else the nearest figure carrying that label."""
        named = self.labels.read(written)  # "本年支出合计" names 支出合计 of the current year
        if group_total is not None:
            gl = group_total.label
            stripped = written.lstrip("总全")
            if (
                not written
                or written.startswith(("总", "全部"))
                or label == gl
                or (named.label and named.label == gl)
                or stripped == gl
                or self._names_inside(stripped, gl)
                or any(
                    gl == p + w
                    for p in self.vocab.markers["own_prefix"]
                    for w in (named.label, stripped)
                    if w
                )
            ):
                return group_total
        if not label:
            return None
        if not named.label and named.stage:
            # "年初预算1560.00万元，年中追加预算248.36万元，占年初预算的15.92%": the whole is named by
            # its stage alone; it stands earlier in the same sentence.
            share = figures[idx]
            same = [
                x
                for x in self._span(figures, _sentence_start(self._text, share.start), share.start)
                if x.role == "amount" and x.dimension == part.dimension and x.qualifiers.stage == named.stage
            ]
            return same[-1] if len(same) == 1 else None
        # the whole's own label, or one that only adds a prefix (本部门政府采购支出总额)
        wanted = {label, named.label} - {""}
        pool = [f for w in wanted for f in self._by_label.get(w, [])]
        if not pool:
            pool = [f for lbl, figs in self._by_label.items() if _names_same(lbl, wanted) for f in figs]
        candidates = [
            x
            for x in sorted(pool, key=lambda x: x.start)
            if x.role in ("amount", "cell")
            and x.dimension == part.dimension
            and (x.qualifiers.period or "current") == (part.qualifiers.period or "current")
            and not x.qualifiers.approx
        ]
        before = [x for x in candidates if x.start < figures[idx].start]
        if before:
            return before[-1]
        return candidates[0] if candidates else None
