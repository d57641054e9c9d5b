"""Breakdowns: a total and the parts a marker word lists after it (其中/包括/分别为, a bracket of
amounts right after a total, a clause opened by "X中，"), nested by punctuation and by which earlier
part a new one resembles; partitions of one total; the sum relation of each group.

"基本支出300.00万元，其中：人员经费200.00万元，公用经费100.00万元" is a breakdown of 300.00 into two parts.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import regex

from lint.model import Figure, Relation
from lint.structure.relations.base import Group, RelationBase
from lint.structure.relations.patterns import (
    CLOSED_BRACKET,
    COLON_BREAK,
    DEDUCTION,
    GLOSS_OPEN,
    GLOSSED_AMOUNT,
    LEAD_AFTER_END,
    LEAD_CLAUSE,
    LEVEL_MARK,
    LIST_BOUNDARY,
    OWN_SUBJECT,
    PAIR_GAP,
    PARAGRAPH_END,
    PROSE_AFTER_MARKER,
    REFERENCE_BEFORE,
    SEMICOLON_BREAK,
    SENTENCE_END,
    SENTENCE_OPENER,
)
from lint.structure.relations.sentences import (
    SENTENCE_REACH,
    _in_open_bracket,
    _sentence_end,
    _sentence_start,
    _stage_matches,
)
from lint.vocab import fold_width


def _suffix_score(a: str, b: str) -> int:
    """How alike two part labels are: 基本支出/项目支出 share 支出, 人员经费/公用经费 share 经费.
    Only short labels count: long ones (其他工资福利支出) share endings by accident."""
    if 2 <= len(a) <= 6 and 2 <= len(b) <= 6 and a[-2:] == b[-2:]:
        return 2
    return 0


def _stage_conflict(a: Figure, b: Figure) -> bool:
    sa, sb = a.qualifiers.stage, b.qualifiers.stage
    return sa is not None and sb is not None and sa != sb


class Breakdowns(RelationBase):
    """Reads 其中/包括/分别为 lists, glossing brackets and "X中，" lead-ins into Groups."""

    @staticmethod
    def _partitions(text: str, g: Group) -> list[Group]:
        """ "全年共实施项目18个，其中：续建项目6个，新建项目12个；完工项目15个，在建项目3个": a list that
        adds up before a ；and again after it is two partitions of one total. Otherwise the list stays
        one ("…财政拨款收入9,101.68万元…；事业收入0万元；其他收入0万元" is one breakdown), and a wrong
        second partition still fails the whole list."""
        if g.total.value == 0:
            return [g]
        for k in range(2, len(g.parts) - 1):
            gap = text[g.parts[k - 1].end : g.parts[k].start]
            if (
                any(c in gap for c in "；;")
                and Group(g.total, g.parts[:k]).holds()
                and Group(g.total, g.parts[k:]).holds()
            ):
                return [replace(g, parts=g.parts[:k]), replace(g, parts=g.parts[k:])]
        return [g]

    # -- breakdowns -----------------------------------------------------------------------
    @staticmethod
    def _sibling_score(label: str, level: Group) -> int:
        return max((_suffix_score(label, p.label) for p in level.parts), default=0)

    def _breakdowns(self, text: str, figures: list[Figure]) -> list[Group]:
        groups: list[Group] = []
        stack: list[Group] = []
        totals: set[int] = set()  # ids of the totals of the groups opened: a set, as the stack can be deep
        prev: Figure | None = None  # previous figure of any role
        last_amount: Figure | None = None
        for f in figures:
            gap = text[prev.end : f.start] if prev else ""
            # "…307.82万元，主要用于以下方面：⏎一般公共服务支出（类）264.87万元…": a line that ends in a
            # colon introduces the list on the next line
            gap = SEMICOLON_BREAK.sub("；", COLON_BREAK.sub("：", gap))
            if prev is None or PARAGRAPH_END in gap or LEAD_AFTER_END.search(gap):
                # "…。公用经费中，办公费15.42万元": a sentence opened by "X中，" lists X's parts
                score_line = (
                    last_amount is not None
                    and self._score_total(last_amount)
                    and self.score_opener.match(gap.rsplit(PARAGRAPH_END, 1)[-1])
                )
                stack, last_amount = [], last_amount if score_line else None
            else:
                for _ in SENTENCE_END.findall(gap):
                    if stack:
                        stack.pop()
                if "）" in gap or ")" in gap:
                    while stack and stack[-1].bracketed:
                        stack.pop()
            prev = f
            if (
                f.role in ("amount", "other")
                and last_amount is not None
                and last_amount.id not in totals
                and not SENTENCE_END.search(text, last_amount.end, f.start)
                and self._gloss_list(text, figures, last_amount, f)
            ):
                # "支出合计860.52万元（基本支出612.40万元、项目支出248.12万元）": a bracket right after an
                # amount that lists only amounts of its kind breaks it down, though no word says so
                g = Group(total=last_amount, marker="（", bracketed=True, glossed=True)
                stack.append(g)
                totals.add(last_amount.id)
                groups.append(g)
                g.parts.append(f)
                last_amount = f
                continue
            if f.role != "amount" or f.qualifiers.approx or f.id in self._ratio_bases:
                continue
            if REFERENCE_BEFORE.search(text, max(0, f.start - 3), f.start):
                continue  # "未计入上述1,286.40万元": a reference back, no part of anything here
            whole = self._lead_in_total(text, figures, f, gap)
            if whole is not None:
                g = Group(total=whole, marker="中", partial=True, lead_in=True)
                stack = [g]
                totals.add(whole.id)
                groups.append(g)
                g.parts.append(f)
                last_amount = f
                continue
            between = (
                SEMICOLON_BREAK.sub("；", COLON_BREAK.sub("：", text[last_amount.end : f.start]))
                if last_amount
                else ""
            )
            last_amount_same_sentence = last_amount is not None and not SENTENCE_END.search(between)
            unglossed = CLOSED_BRACKET.sub("", between)
            marker = self.breakdown_re.search(fold_width(unglossed)) if last_amount else None
            if marker and (
                LIST_BOUNDARY.search(unglossed, marker.end())
                or PROSE_AFTER_MARKER.match(unglossed, marker.end())
                # "上年结转38.24万元；支出包括：一般公共服务支出…": after a ；the marker has its own
                # subject (支出), which the amount before the ；is not
                or OWN_SUBJECT.search(unglossed, 0, marker.start())
            ):
                # "人员经费745.62万元，包括工资福利支出和对个人和家庭的补助；公用经费106.55万元": the list
                # the marker opened ended at the ；without an amount
                marker = None
            if (
                marker
                and last_amount is not None
                and last_amount_same_sentence
                and last_amount.dimension == f.dimension
                and last_amount.id not in totals
                and not self._ends_list(text, figures, last_amount, marker.group(0))
            ):
                g = Group(
                    total=last_amount,
                    marker=marker.group(0),
                    partial=bool(self.partial_re.search(between)),
                    bracketed=between.count("（") + between.count("(")
                    > between.count("）") + between.count(")"),
                )
                # a group opened inside an open group's parts is nested under it
                stack.append(g)
                totals.add(last_amount.id)
                groups.append(g)
                g.parts.append(f)
            elif marker and not stack and (subject := self._previous_subject(text, figures, f, between)):
                # "资产总额2,846.37万元，比上年增加136.52万元，增长5.04%。其中：流动资产…": a sentence
                # opened by 其中 lists the parts of the one amount the sentence before is about
                g = Group(total=subject, marker=marker.group(0), partial=True, inferred=True)
                stack.append(g)
                groups.append(g)
                g.parts.append(f)
            elif (
                stack
                and last_amount is not None
                and any(last_amount is p for p in stack[-1].parts)
                and _in_open_bracket(text, last_amount.end, f.start)
            ):
                # "人员经费800.00万元（工资福利支出700.00万元，对个人和家庭的补助100.00万元），公用经费…":
                # a bracket opened after a part's amount glosses that part; its figures are no parts
                # of the list the part is in
                continue
            elif stack and self.beyond_re.search(between) and not _completes(stack[-1], f):
                stack = []  # "…；另有退休人员11人": beside every open list, a part of none
            elif stack:
                self._close_finished(f, stack, between, self.outside_re)
                if stack:
                    self._place(f, stack, bool(LIST_BOUNDARY.search(between)))
            last_amount = f
        columns = [self._stage_column(g) for g in groups]
        return [g for g in columns if g is not None and self._drop_weights(text, g)]

    def _ends_list(self, text: str, figures: list[Figure], x: Figure, marker: str) -> bool:
        """ "预算分别为820.00万元、410.00万元、160.00万元，实际支出分别为801.50万元、…": an amount that
        ends a 、-list is an item of that list, not the whole the next 分别为 list breaks down (that
        list is the items' other column)."""
        i = self._index.get(id(x))
        if not marker.startswith("分别") or not i:
            return False
        return text[figures[i - 1].end : x.start].strip() in ("、", "和", "及")

    def _stage_column(self, g: Group) -> Group | None:
        """ "整体支出1358.00万元。其中甲项目预算820.00万元，实际支出801.50万元；乙项目预算…，实际支出…":
        items that each give two stages are parallel columns, not parts. The breakdown of the whole
        is the column of the whole's own stage (a whole that names none but is spending: the spent
        one), and only when every item gives one; otherwise the list breaks nothing down."""
        stages = [p.qualifiers.stage for p in g.parts]
        if len(set(stages)) < 2 or None in stages:
            return g
        items: list[list[Figure]] = []
        for p in g.parts:
            if not items or any(q.qualifiers.stage == p.qualifiers.stage for q in items[-1]):
                items.append([])
            items[-1].append(p)
        if len(items) < 2 or len(items[0]) < 2:
            return g
        want = g.total.qualifiers.stage
        if want is None and self.spent_suffix.search(g.total.label):
            want = "final"
        column = [p for item in items for p in item if p.qualifiers.stage == want]
        if want is None or len(column) != len(items) or len(column) < 2:
            return None
        return replace(g, parts=column)

    def _gloss_list(self, text: str, figures: list[Figure], total: Figure, f: Figure) -> bool:
        """Does a bracket opened right after `total` ("…万元（基本支出612.40万元、…）") list two or more
        amounts of total's kind and nothing else: no rate, no other year or stage, no comparison?"""
        opened = GLOSS_OPEN.match(text, total.end, f.start)
        if opened is None or opened.end() != f.start:
            return False
        end = _sentence_end(text, f.end)
        close = next((i for i in range(f.end, end) if text[i] in "）)"), -1)
        if close < 0 or text.find("（", f.end, close) >= 0 or text.find("(", f.end, close) >= 0:
            return False
        inside = self._span(figures, f.start, close)
        words = text[opened.start() : close]
        stage = total.qualifiers.stage
        return (
            len(inside) >= 2
            and all(
                x.role in ("amount", "other")
                and x.dimension == total.dimension
                and (x.dimension == "money" or x.unit == total.unit)
                and not x.qualifiers.approx
                and (x.qualifiers.period or "current") == (total.qualifiers.period or "current")
                and (x.qualifiers.stage is None or stage is None or x.qualifiers.stage == stage)
                for x in inside
            )
            and not any(w in words for w in self.vocab.markers.get("gloss_not_parts", []))
            and not any(w in words for w, p in self.vocab.periods.items() if p == "previous")
        )

    def _drop_weights(self, text: str, g: Group) -> bool:
        """ "其中：决策指标满分20分，得19.00分；过程指标满分20分，得18.50分…": a weight written beside each
        score is no part of the 总分; the scores are (a list of weights alone, "满分100分，其中：决策指标
        满分20分…", stays as it is). False when fewer than two scores are left."""
        if g.total.dimension == "score":
            words = self.vocab.scores.prose_max_words
            paired = self._paired_weights(text, g.parts)
            scores = [
                p
                for p in g.parts
                if p.id not in paired and not any(w in text[max(0, p.start - 4) : p.start] for w in words)
            ]
            if 0 < len(scores) < len(g.parts):
                if len(scores) < 2:
                    return False
                g.parts = scores
        return bool(g.parts)

    def _paired_weights(self, text: str, parts: list[Figure]) -> set[int]:
        """ "部门管理类指标20分，得分18.5分；履职效能类指标50分，得分46分": an amount of 分 followed at
        once by a 得分 no larger than it is that indicator's weight, though no 分值 word says so."""
        words = self.vocab.scores.prose_score_words
        out: set[int] = set()
        for p, q in itertools.pairwise(parts):
            gap = text[p.end : q.start]
            said = gap.rstrip("为是：: \t")
            if (
                len(gap) <= PAIR_GAP
                and said.startswith(("，", ","))
                and said.endswith(tuple(words))
                and q.value <= p.value
            ):
                out.add(p.id)
        return out

    def _previous_subject(self, text: str, figures: list[Figure], f: Figure, between: str) -> Figure | None:
        """The amount a sentence opened by 其中 breaks down: the only amount (of f's dimension) of the
        sentence just before, when nothing but the marker and f's label stands between them."""
        end = max(between.rfind(c) for c in "。！？!?")
        if end < 0 or not (
            SENTENCE_OPENER.match(between, end + 1)
            or (f.dimension == "score" and self.score_opener.match(between, end + 1))
        ):
            return None
        stop = f.start - len(between) + end
        start = _sentence_start(text, stop)
        found = [
            x
            for x in self._span(figures, start, stop)
            if x.role == "amount"
            and x.dimension == f.dimension
            and x.table is None
            and not x.qualifiers.approx
            and x.id not in self._ratio_bases
        ]
        if len(found) != 1 or not (f.dimension == "money" or self._score_total(found[0])):
            return None
        # "…（购置费0万元，运行维护费12.00万元）": amounts glossed in brackets nest; only a flat list of
        # amounts is read against an inferred whole
        rest = text[f.start : _sentence_end(text, f.end)]
        if GLOSSED_AMOUNT.search(rest):
            return None
        return found[0]

    def _lead_in_total(self, text: str, figures: list[Figure], f: Figure, gap: str) -> Figure | None:
        """The amount a "X中，" clause right before f breaks down: the last amount of the paragraph
        before f that carries X's label (and X's stage, when X names one). Found by label."""
        m = LEAD_CLAUSE.search(gap)
        if m is None or REFERENCE_BEFORE.match(m.group("lead")[:2]):
            return None
        named = self.labels.read(self.labels.tidy(m.group("lead")))
        if not named.label and named.stage is not None:
            return self._stage_lead_total(figures, f, f.start - len(gap) + m.start(), named.stage)
        if not named.label:
            return None
        # "本年收入合计2345.60万元。收入中：…": a generic lead (收入, 支出) names only its 合计/总计
        generic = named.label in self.vocab.generic
        wanted = set() if generic else {named.label, self.vocab.canonical(named.label)}
        ends = self.vocab.markers.get("lead_whole_ending", [])
        wanted |= {w + end for w in {named.label, self.vocab.canonical(named.label)} for end in ends}
        wanted -= {named.label} if generic else set()
        if named.period:
            # "在本年收入中": 本年 is the period the figure's label no longer carries (收入合计)
            wanted |= {w.replace(p, "", 1) for w in wanted for p in self.vocab.periods if w.startswith(p)}
        start = f.start - len(gap) + m.start()
        para = max(text.rfind(PARAGRAPH_END, 0, start) + 1, start - SENTENCE_REACH)
        found = [
            x
            for x in reversed(self._span(figures, para, start))
            if x.role == "amount"
            and x.dimension == f.dimension
            and (f.dimension == "money" or x.unit == f.unit)
            and (x.label in wanted or self.vocab.canonical(x.label) in wanted)
            and (named.stage is None or _stage_matches(x.qualifiers.stage, named.stage))
            and (not generic or (x.qualifiers.period or "current") == (named.period or "current"))
            and not x.qualifiers.approx
            and x.id not in self._ratio_bases
        ]
        if generic and len({x.base_value for x in found}) > 1:
            return None  # 收入总计 and 本年收入合计 both written: which one "收入中" opens is not said
        return found[0] if found else None

    def _stage_lead_total(self, figures: list[Figure], f: Figure, start: int, stage: str) -> Figure | None:
        """ "全年执行数608.00万元，执行率95.00%。执行数中，A，B": a lead-in that is all stage (执行数, 决算数)
        names the one unlabelled amount of that stage in the sentence before; two such: unsure, none."""
        lo = _sentence_start(self._text, max(0, start - 1))
        found = [
            x
            for x in self._span(figures, lo, start)
            if x.role == "amount"
            and x.dimension == f.dimension
            and not x.label
            and x.qualifiers.stage == stage
            and x.table is None
            and not x.qualifiers.approx
            and x.id not in self._ratio_bases
        ]
        return found[0] if len(found) == 1 else None

    def _score_total(self, f: Figure) -> bool:
        """A 总分 in the prose (本项目总得分92分, 自评得分为95分), not one indicator's score."""
        sv = self.vocab.scores
        words = sv.prose_totals + sv.score_headers
        return (
            f.dimension == "score"
            and any(w in f.label for w in words)
            and not any(w in f.label for w in sv.not_totals)
        )

    def _score_parts(self, text: str, g: Group) -> tuple[bool, bool]:
        """(complete, whole points) of a breakdown of a prose 总分: its parts are the 一级指标 scores
        that make it up when there are three or more and none is a deduction (扣2分); written all in
        whole 分 under a template that awards whole points, they are exact."""
        if not self._score_total(g.total) or any(p.dimension != "score" for p in g.parts):
            return False, False

        deducted = any(DEDUCTION.search(text, max(0, p.start - 6), p.start) for p in g.parts)
        complete = len(g.parts) >= 3 and not deducted
        whole = (
            complete and self.vocab.scores.whole_points and all(x.decimals == 0 for x in [g.total, *g.parts])
        )
        return complete, whole

    @staticmethod
    def _close_finished(f: Figure, stack: list[Group], between: str, outside: regex.Pattern[str]) -> None:
        """End lists that the wording or the arithmetic shows are over:
        - "编制52人，其中行政编制30人、事业编制22人，实有人数49人": a 、 list ends at ，or ；;
        - "…其中：行政编制30人，事业编制22人；实有人数49人": at a ；, a list whose parts already
          add up to its total takes no further non-zero part unless it reads like one of them
          (事业单位经营收入 after 财政拨款收入, 事业收入 is still a part);
        - a 科目 at the same level as the total ("（类）" after "（类）") is its sibling, not its part;
        - "…工勤技能人员10人，退休职工28人": a retiree count after a staff list that already adds up
          is beside it (markers.outside_complete)."""
        while stack:
            g = stack[-1]
            level = LEVEL_MARK.search(g.total.label)
            if (
                (g.joiner == "、" and any(c in between for c in "，,；;") and not _completes(g, f))
                or (
                    any(c in between for c in "；;")
                    and f.value != 0
                    and g.total.value != 0  # parts of 0.00 "add up" to a total of 0.00 by default
                    and g.holds()
                    # "…其他事业单位2个；纳入决算编制范围的单位共4个": the total restated is no part
                    and (not any(p.label[-2:] == f.label[-2:] for p in g.parts) or f.value == g.total.value)
                )
                or (level and f.label.endswith(level.group(0)))
                or (
                    f.value != 0
                    and g.holds()
                    and outside.search(f.label)
                    and not outside.search(g.total.label)
                    and not any(outside.search(p.label) for p in g.parts)
                )
            ):
                stack.pop()
                continue
            break

    def _place(self, f: Figure, stack: list[Group], boundary: bool) -> None:
        """Attach f to the innermost open group it belongs to, popping groups it cannot be part of."""
        # A figure that restates a total ("“三公经费”实际支出0.14万元" after the 预算 breakdown) or
        # names another stage is not a part of that total.
        # …unless the list already gives a part of f's stage: then its items pair stages (甲项目预算…，
        # 实际支出…；乙项目…) and f is in a column, which _stage_column picks from.
        while stack and (
            f.label == stack[-1].total.label
            or (_stage_conflict(f, stack[-1].total) and not _has_stage(stack[-1], f.qualifiers.stage))
        ):
            stack.pop()
        if not stack:
            return
        # 项目支出 after 公用经费's items resembles 基本支出, an earlier part two levels up;
        # a residual item (其他…, 零散…) always closes the list it is in.
        # Only at a 。 or ； does a list end, so only there may a part climb back up.
        if (
            boundary
            and not self.residual_re.match(f.label)
            and self._sibling_score(f.label, stack[-1]) == 0
            and len(stack) > 1
        ):
            scores = [self._sibling_score(f.label, g) for g in stack]
            best = max(scores)
            if best > 0:
                depth = max(i for i, s in enumerate(scores) if s == best)
                del stack[depth + 1 :]
        top = stack[-1]
        if top.total.dimension != f.dimension or (f.dimension != "money" and f.unit != top.total.unit):
            return
        if (
            f.qualifiers.period
            and top.total.qualifiers.period
            and f.qualifiers.period != top.total.qualifiers.period
        ):
            return
        if len(top.parts) == 1:
            gap = self._text[top.parts[0].end : f.start]
            top.joiner = "、" if "、" in gap and not any(c in gap for c in "，,；;") else "，"
        top.parts.append(f)

    def _sum_relation(self, text: str, g: Group) -> Relation:
        tail = text[g.parts[-1].end : g.parts[-1].end + 3]
        partial = g.partial or tail.startswith("等")
        # domain.md §1: a list introduced by 其中/包括/分别为 that gives every item an amount is the
        # whole breakdown; 含 may name only some parts.
        residual = any(self.residual_re.match(p.label) for p in g.parts)
        complete = residual or not g.marker.startswith("含")
        if g.inferred:
            # an inferred whole: only a list closed by 其他… says it is the whole breakdown
            partial, complete = not residual, residual
        data: dict[str, object] = {"marker": g.marker, "partial": partial, "complete": complete}
        if residual:
            data["closed"] = True  # a residual item (其他…) says the list is all of the whole
        scored, whole = self._score_parts(text, g)
        if scored:
            # "总得分92分。其中：产出45分，效益27分，满意度9分，预算执行10分": the 一级指标 make up the 总分
            data.update(partial=False, complete=True, closed=True, whole_points=whole)
        if g.glossed:
            data.update(partial=tail.startswith("等"), complete=True)
        if g.lead_in:
            # "收入总计中，本年收入合计…，年初结转和结余…": the clause may name only some of X's parts;
            # whether they complete X is the identities' call (rules/identities.toml, FL271). A list
            # closed by 其他… says it is all of X (domain.md §1): then falling short is a finding too.
            data.update(partial=not residual, complete=residual, lead_in=True)
        return Relation(
            kind="sum",
            members=[("total", g.total)] + [("part", p) for p in g.parts],
            anchor=g.total.start,
            data=data,
            certainty="inferred" if g.inferred or g.lead_in or g.glossed else "explicit",
        )


def _has_stage(g: Group, stage: str | None) -> bool:
    return stage is not None and any(p.qualifiers.stage == stage for p in g.parts)


def _completes(g: Group, f: Figure) -> bool:
    """Does f make an unfinished breakdown add up? "一般公共服务支出856.30万元，其中：行政运行
    612.30万元、一般行政管理事务200.00万元；专项普查活动44.00万元": the list goes on past the ；."""
    return not g.holds() and f.dimension == g.total.dimension and Group(g.total, [*g.parts, f]).holds()


def _counts_members(text: str, g: Group) -> bool:
    """ "三个乡镇的新建数量分别为12个、15个、9个": a count written before its noun (三个乡镇) says how many
    members the list has, one value each; it is not the total of their values. Read so when the list
    holds as many values as the count, or values of another unit (五个监管所…分别为210批、185批)."""
    t = g.total
    if t.dimension not in ("count", "people") or not g.parts:
        return False
    after = text[t.end : t.end + 1]
    if not after or not ("\u4e00" <= after <= "\u9fff"):
        return False  # "新建供水点30个，分别为…": the count closes its clause, it is a total
    return len(g.parts) == t.value or any(p.unit != t.unit for p in g.parts)
