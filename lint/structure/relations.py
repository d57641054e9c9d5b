"""Relations the wording states between figures.

- breakdowns: "X万元，其中：a万元，b万元" (nested; scoped by punctuation and by which earlier
  parts a new part resembles — 项目支出 after 公用经费's items is a sibling of 基本支出);
- shares "占…的p%", changes "比/较/与…相比 增加/减少 X，增长/下降 p%", ratios "完成年初预算的p%",
  averages "平均每人X元", enumerations "N个：a、b、c", blanks "占 %".

Only the text between figures is read here; checks receive Relations and never see text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

import regex

from lint.extract.labels import LabelReader
from lint.extract.numbers import parse_chinese
from lint.model import Figure, Relation
from lint.structure.sections import LEVELS
from lint.tolerance import Interval, interval
from lint.vocab import Vocabulary, alternation, fold_width, open_brackets

SENTENCE_END = regex.compile(r"[。！？!?\n]")
PARAGRAPH_END = "\n"
LIST_BOUNDARY = regex.compile(r"[。；;！？!?]")
COLON_BREAK = regex.compile(r"[:：][ \t]*\n(?=[^\n]*$)")
# "其中：⏎一般公共预算收入21,940.96万元，占99.94%；⏎其他资金14.39万元，占0.06%；": a list set one item a
# line goes on after a line-final ；unless the next line is numbered (a new heading or item).
SEMICOLON_BREAK = regex.compile(
    r"[；;][ \t]*\n(?=[^\n]*$)(?![ \t]*(?:[一二三四五六七八九十]+[、.．]|[（(]|\d+[、.．)]|第))"
)
# "5个：" or, after the noun counted, "5个科室，分别为：" / "七个服务站："
LIST_INTRO = regex.compile(r"^\s*\p{Han}{0,8}?\s*(?:[:：]|，?(?:分别是|分别为|包括|即)[:：]?)")
LIST_END = regex.compile(r"[。\n]")
# "…城东幼儿园、城西幼儿园等十一所": the 、 list of one clause, then 等 (共) and the count
ETC_BEFORE = regex.compile(
    r"(?P<list>[^，,。；;：:\n]*、[^，,。；;：:\n]*?)(?<![高初平同均相对特])等\s*(?:共|共计|合计)?\s*$"
)
# the only endings ETC_BEFORE can match with (whitespace aside): checked before the search
ETC_TAILS = ("等", "共", "计")
ITEM_JOIN = regex.compile(r"以及|和|及")
# "…、临港站，共7个" / "，合计七所": the count of a list said again after it, to its sentence's end
RESTATED_COUNT = regex.compile(
    r"[，,]\s*(?:共|共计|合计|总计|总共)\s*(?:有)?\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*"
    r"(?P<unit>个|家|所|项|站|处|类|座)(?:[\p{Han}]{0,6})\s*$"
)
# Words between a part and its 占 that name another subject; function words do not.
SUBJECT = regex.compile(r"[\u4e00-\u9fff](?<![分别均各约共计占其中为的和])")
COUNTED_ITEM = regex.compile(r"(?:\d+|[一二两三四五六七八九十百]+)\s*(?:个|家|所|项|人|站|名|类|座|辆|处|支)")
# "…18.60万元，主要为渣土执法车辆运行支出，未计入…": words up to a comma after the marker: prose
OWN_SUBJECT = regex.compile(r"[；;]\s*\p{Han}{2,}\s*$")
PROSE_AFTER_MARKER = regex.compile(r"[^，,；;：:\d]{4,}[，,]")
REFERENCE_BEFORE = regex.compile(r"(?:上述|前述|以上)$")
# "支出预算中：…": the sentence names the whole of the shares it lists
LEAD_WHOLE = regex.compile(r"[ \t]*([^，,。；;：:\d\s]{2,12})中[：:，,]")
LEAD_IN_ANY = regex.compile(r"中[，,：:]|其中|包括|分别为")
MAX_RUN = 40
PAIR_GAP = 6  # "20分，得分18.5分": the characters between an indicator's weight and its score
ADDED_ON = regex.compile(r"加上|再加|加之")
# "…。其中：流动资产612.48万元": a sentence that opens with the marker, then the first part's label
SENTENCE_OPENER = regex.compile(r"\s*(?:其中|包括|具体包括|具体为)[：:，,]?[^，,。；;：:\d]{0,20}$")
GLOSSED_AMOUNT = regex.compile(r"[（(][^（()）]*\d")
LEAD_AFTER_END = regex.compile(r"[。！？!?][ \t]*[^，,。；;\d]{2,12}中[，,]")
# "…支出总计1349.97万元。收入总计中，本年收入合计1286.45万元，年初结转和结余63.52万元；支出总计中，…":
# a clause opened by "X中，" right before a figure lists parts of X's amount written earlier
LEAD_CLAUSE = regex.compile(
    r"[。！？!?；;\n][ \t]*(?:在)?(?P<lead>[^，,。；;：:、\d\s其]{2,12}?)中[，,：:][^，,。；;：:\d]{0,20}$"
)
RESPECTIVE = regex.compile(r"分别(?:占|为|是)?[^，,。；;\d]{0,20}?(?:的)?(?:比重|比例)?(?:为)?\s*(?=\d)")
LEVEL_MARK = regex.compile(r"\([类款项]\)$")
# "决算20.37万元，为预算数24.60万元的82.80%": an amount followed by 的 and a rate is the base of that
# rate, never the total of a breakdown or the current value of a change.
RATIO_BASE_AFTER = regex.compile(r"\s*的\s*\d")
# "…分别为95%、90%、92.5%、88%，四项平均得分率为91.4%": the list a mean is of, and the mean's lead
RESPECTIVE_LIST = regex.compile(r"(?:分别为|分别是|分别得|依次为|分别达到?)[:：]?\s*")
LIST_GAP = regex.compile(r"\s*(?:[、，,]|和|及|与)?\s*")
MEAN_BEFORE = regex.compile(
    r"[，,；;]\s*(?:[^，,。；;\d]{0,4}?(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:项|个|期|次|家|所|类)[^，,。；;\d]{0,6}?)?"
    r"平均[^，,。；;\d]{0,10}$"
)
# "860.52万元（基本支出612.40万元": a bracket opened right after an amount, then a label
GLOSS_OPEN = regex.compile(r"[ \t]*[（(][^（()）\d，,。；;：:、]{1,16}")
# "工资福利支出48.60万元（主要为编外人员劳务报酬），商品和服务支出…": words in a closed bracket
# gloss one figure; they introduce no list.
CLOSED_BRACKET = regex.compile(r"[（(][^（()）]*[)）]")
# "其中产出指标扣2分": a score after these words is a deduction, not a part of the 总分
DEDUCTION = regex.compile(r"(?:扣|减|失|丢)(?:分|除|掉)?[^，,。；;\d]{0,2}$")


@dataclass
class Group:
    total: Figure
    parts: list[Figure] = field(default_factory=list)
    marker: str = ""
    partial: bool = False
    bracketed: bool = False  # "（其中A，B）": the breakdown ends at the closing bracket
    joiner: str = ""  # what separates its parts: "、" lists end at the next ，or ；
    inferred: bool = False  # its total is the subject of the sentence before ("…。其中：…")
    lead_in: bool = False  # opened by "X中，": its total is X's amount, found by label in the paragraph
    glossed: bool = False  # a bracket of amounts right after its total, no marker word: an inferred link

    def holds(self) -> bool:
        """Do the parts so far already add up to the total (within rounding)?"""
        if len(self.parts) < 2:
            return False
        total = Interval.point(Decimal(0))
        for p in self.parts:
            total = total + interval(p)
        return total.meets(interval(self.total))


def _suffix_score(a: str, b: str) -> int:
    """How alike two part labels are: 基本支出/项目支出 share 支出, 人员经费/公用经费 share 经费.
    Only short labels count: long ones (其他工资福利支出) share endings by accident."""
    if 2 <= len(a) <= 6 and 2 <= len(b) <= 6 and a[-2:] == b[-2:]:
        return 2
    return 0


def _stage_conflict(a: Figure, b: Figure) -> bool:
    sa, sb = a.qualifiers.stage, b.qualifiers.stage
    return sa is not None and sb is not None and sa != sb


class RelationFinder:
    def __init__(self, vocab: Vocabulary, labels: LabelReader) -> None:
        self.vocab = vocab
        self.labels = labels
        self.default_stage: str | None = None
        m = vocab.markers
        self.breakdown_re = regex.compile(alternation(m["breakdown"] + vocab.scores.prose_openers))
        openers = alternation(vocab.scores.prose_openers) or "(?!)"
        # "…综合得分91.5分。⏎各项得分：产出指标46.2分…": a line opened so lists the parts of the 总分 before it
        self.score_opener = regex.compile(rf"\s*(?:{openers})(?:如下)?[：:，,]?[^，,。；;：:\d]{{0,20}}$")
        self.partial_re = regex.compile(alternation(m["partial"]))
        outside = alternation(m["outside_complete"]) if m.get("outside_complete") else "(?!)"
        self.outside_re = regex.compile(outside)
        beyond = alternation(m["beyond"]) if m.get("beyond") else "(?!)"  # none listed: never matches
        self.beyond_re = regex.compile(r"[，,；;：:。]\s*(?:" + beyond + r")[^，,；;：:。\d]*$")
        self.residual_re = regex.compile(r"^(?:" + alternation(m["residual"]) + ")")
        self.attribute_re = regex.compile(alternation(m["attribute"]))
        self.trailing_total_re = regex.compile(r"(?:" + alternation(m["trailing_total"]) + r")$")
        self.back_total_re = regex.compile(
            r"(?:"
            + alternation(m.get("back_reference", ["以上"]))
            + r")?(?:(?P<n>\d+|[一二两三四五六七八九十]+)项|各项)?"
            r"(?:" + alternation(m.get("back_total", ["合计"])) + r")(?:为|是|达|共)?"
        )
        # "年中核增30.00万元": an amount marked as an addition to (cut from) the 年初预算
        self.adjust_up = regex.compile(r"(?:" + alternation(m.get("adjust_up", [])) + r")[^，,。；;\d]{0,6}$")
        self.adjust_down = regex.compile(
            r"(?:" + alternation(m.get("adjust_down", [])) + r")[^，,。；;\d]{0,6}$"
        )
        # "平均每批次", "每人次", "人均": the unit an average is per (人均 → 人), any count or people unit
        counted = [u for u, (dim, _) in vocab.units.items() if dim in ("people", "count")]
        per_person = alternation(m.get("per_person", ["人均"]))
        self.per_unit = regex.compile(
            rf"(?:每(?P<unit>{alternation(counted)})|{per_person})[^，,。；;\d]{{0,8}}$"
        )
        self.share_word = regex.compile(alternation(m["share"]))
        self.share_whole = regex.compile(
            r"占(?P<whole>[^，,。；;：:%]{0,24}?)(?:的|之)?(?:比重|比例)?(?:为|约)?\s*$"
        )
        # "为年初预算2610.00万元的": the base may carry its amount
        self.ratio_base = regex.compile(
            r"(?:完成|达到|为|占|是)(?P<base>[^，,。；;]{0,14}?)(?P<amount>[\d,.]+\s*(?:亿元|万元|元))?的\s*$"
        )
        direction = alternation(m["increase"] + m["decrease"])
        self.named_base_re = regex.compile(
            r"(?:比|较|同比|与)(?P<base>[^，,。；;]{1,24}?)(?:相比)?(?:" + direction + r")(?:了)?\s*$"
        )
        # "人均公用经费", "平均每人次接待费": what an average names, after the unit it is per
        self.average_named = regex.compile(
            rf"(?:{per_person}|平均每(?:{alternation(counted)})?)(?P<noun>[^，,。；;：:\d]{{0,8}}?)(?:为|是|约)?\s*$"
        )
        self.average_noun = regex.compile(
            rf"(?:{per_person}|平均每人|平均每户|平均每次)(?P<noun>[^，,。；;：:\d]{{0,6}}?)(?:为|是|约)?\s*$"
        )
        self.named_rate_re = regex.compile(r"(?:" + alternation(m["named_rate"]) + r")(?:为|达到?|是)?\s*$")
        # "比上年减少…" / "与2022年度相比，增加…": a sentence opened by nothing but the comparison
        words = alternation(m["increase"] + m["decrease"])
        self.compare_open = regex.compile(
            r"^\s*(?:" + alternation(m["compare_open"]) + r")(?:上年度?|上一年度?|20\d\d年度?)?(?:同期)?"
            r"(?:决算数?|数)?(?:相比|比较)?[，,]?\s*(?:" + words + r")?\s*$"
        )
        # "财政资金支出" is the spent amount of the fund a rate names (财政资金执行率)
        self.spent_suffix = regex.compile("(?:" + alternation(m.get("spent_suffix", ["支出"])) + ")$")
        self.exec_rate = regex.compile(r"(?:执行率|完成率|执行进度)(?:为|达到?)?\s*$")
        blank_units = "万元|元|%|％|亿元"
        self.blank_re = regex.compile(
            r"(?:占(?:[^，,。；;\d]{0,12}的)?|增加|减少|增长|下降|为|达|共计|合计|比上年增加|比上年减少)[ \t　]*(?:"
            + blank_units
            + r")(?![\d])"
        )

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

    def _span(self, figures: list[Figure], lo: int, hi: int) -> list[Figure]:
        """Figures starting in [lo, hi), found by bisection on their offsets."""
        return figures[bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)]

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

    def _side(self, label: str) -> str | None:
        """income or outgo, by the longest side word in the label ([qualifiers.side])."""
        hits = [w for w in self.vocab.sides if w in label]
        return self.vocab.sides[max(hits, key=len)] if hits else None

    def _other_side(self, total: Figure, parts: list[Figure]) -> bool:
        """A 支出合计 after income items (or the reverse) totals none of them: it opens its own list."""
        side = self._side(total.label)
        if side is None:
            return False
        sides = {self._side(p.label) for p in parts}
        return side not in sides and bool(sides - {None})

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

    # -- enumerations ---------------------------------------------------------------------
    def _enumerations(self, text: str, figures: list[Figure]) -> list[Relation]:
        out: list[Relation] = []
        for f in figures:
            if f.dimension != "count" or f.role != "amount" or not f.exact or f.qualifiers.approx:
                continue
            after = text[f.end : f.end + 400]
            m = LIST_INTRO.match(after)
            if not m:
                continue
            body = after[m.end() :]
            end = LIST_END.search(body)
            body = body[: end.start()] if end else body
            # "下辖七个服务站：甲站、…、庚站，共7个": the count said again after the list counts it too
            again = RESTATED_COUNT.search(body)
            restated = None
            if again and again.group("unit") == f.unit:
                at = f.end + m.end() + again.start("n")
                restated = next(
                    (x for x in self._span(figures, at, at + 1) if x.dimension == "count" and x.exact), None
                )
                body = body[: again.start()]
            # "分别为甲、乙、丙，支出分别为62.00万元、…": a comma after a 、 list ends it
            counted = COUNTED_ITEM.search(body)
            comma = body.find("，")
            if comma > 0 and "、" in body[:comma]:
                body = body[:comma]
            items = _split_items(body)
            if items is None or len(items) < 2 or body.rstrip().endswith("等") or counted:
                # "10家：甲、乙、丙、丁、戊，以及5家社区卫生服务中心": an item that is itself a count
                continue
            # "办公室、财务科和人事科": a 和/及 in the last item may join two (or be part of a name)
            joined = len(ITEM_JOIN.findall(items[-1])) if items else 0
            if len(items) < f.value <= len(items) + joined:
                continue
            out.append(Relation("count", [("count", f)], f.start, {"items": items}))
            if restated is not None and restated.value != f.value:
                # one count wrong of two that disagree; two that agree on a list that does not are
                # one finding, the introducing count's
                out.append(Relation("count", [("count", restated)], restated.start, {"items": items}))
        out += self._etc_counts(text, figures)
        return out

    def _etc_counts(self, text: str, figures: list[Figure]) -> list[Relation]:
        """ "甲、乙、丙等三个服务站": a count after 等 closing a 、 list. 等 may end a complete list or
        mean "and others", so the check decides how sure it is from how many names are missing."""
        out: list[Relation] = []
        for f in figures:
            if f.dimension not in ("count", "people") or f.role != "amount" or not f.exact:
                continue
            lo = max(0, f.start - 300)
            if not text[lo : f.start].rstrip().endswith(ETC_TAILS):
                continue  # what ETC_BEFORE needs before the count: a search from every start is slow
            m = ETC_BEFORE.search(text, lo, f.start)
            if not m:
                continue
            body = m.group("list")
            if regex.search(r"\d", body) or COUNTED_ITEM.search(body):
                continue  # "2022、2023年等" or a list whose items are counts themselves
            items = _split_items(body)
            if items is None or len(items) < 3 or any(len(it) > 20 for it in items[1:]):
                continue  # "甲、乙等122类": two names before 等 are a sample, never a full list
            joined = sum(len(ITEM_JOIN.findall(it)) for it in items)
            out.append(
                Relation("count", [("count", f)], f.start, {"items": items, "etc": True, "joined": joined})
            )
        return out

    # -- blanks ---------------------------------------------------------------------------
    def _blanks(self, text: str) -> list[Relation]:
        out: list[Relation] = []
        for m in self.blank_re.finditer(text):
            out.append(Relation("placeholder", [], m.start(), {"text": m.group(0).strip(), "end": m.end()}))
        return out


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


def _in_open_bracket(text: str, start: int, pos: int) -> bool:
    """Is pos inside a bracket opened after start and not yet closed?"""
    return open_brackets(text[start:pos]) > 0


def _split_items(body: str) -> list[str] | None:
    """Split a list at depth 0 of brackets and quotes; None when it is not a plain list."""
    items: list[str] = []
    depth = 0
    cur = ""
    sep = "、" if "、" in body else "；;"
    for ch in body:
        if ch in "（(“《【「":
            depth += 1
        elif ch in "）)”》】」":
            depth = max(0, depth - 1)
        if depth == 0 and ch in sep:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        items.append(cur.strip())
    if any(not it or len(it) > 40 for it in items):
        return None
    return items


# "预算执行率为" → 执行: the word a lone rate names, which a heading just above it may name too
RATE_WORD = regex.compile(r"(\p{Han}{2})率[为达是:：]*\s*$")


def _sentences(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    """The (start, end) of every sentence that holds a figure."""
    spans: list[tuple[int, int]] = []
    for f in figures:
        if spans and spans[-1][0] <= f.start < spans[-1][1]:
            continue
        spans.append((_sentence_start(text, f.start), _sentence_end(text, f.end)))
    return spans


# A sentence is read at most this far either side of a figure: a "sentence" of 30,000 characters
# is no prose, and an unbounded one made every look-back quadratic (issue 11).
SENTENCE_REACH = 2000


@functools.lru_cache(maxsize=4)
def _stops(text: str) -> list[int]:
    """Offsets of the sentence ends in `text`, once per document (SENTENCE_END is one character)."""
    return [m.start() for m in SENTENCE_END.finditer(text)]


def _sentence_end(text: str, pos: int) -> int:
    stops = _stops(text)
    k = bisect.bisect_left(stops, pos)
    end = stops[k] if k < len(stops) else len(text)
    return min(end, pos + SENTENCE_REACH)


def _sentence_start(text: str, pos: int) -> int:
    stops = _stops(text)
    k = bisect.bisect_left(stops, pos)
    start = stops[k - 1] + 1 if k else 0
    return max(start, pos - SENTENCE_REACH)


def _same_sentence(text: str, a: Figure, b: Figure) -> bool:
    lo, hi = (a, b) if a.start < b.start else (b, a)
    if hi.start - lo.end > SENTENCE_REACH:
        return False
    stops = _stops(text)
    k = bisect.bisect_left(stops, lo.end)
    return k == len(stops) or stops[k] >= hi.start


# How many figures back a relation looks for its other member: a base or a part 40 figures away is no
# reading of a sentence, and a look-back to the sentence start made long lists quadratic (issue 11).
LOOK_BACK = 40


def _before(figures: list[Figure], i: int) -> Iterator[Figure]:
    """figures[i-1], figures[i-2], … (at most LOOK_BACK of them) without copying the list."""
    for j in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
        yield figures[j]


def _previous(figures: list[Figure], i: int, text: str, pred: Callable[[Figure], bool]) -> Figure | None:
    f = figures[i]
    for x in _before(figures, i):
        if not _same_sentence(text, x, f):
            return None
        if pred(x):
            return x
    return None


def _all_previous(figures: list[Figure], i: int, text: str, pred: Callable[[Figure], bool]) -> list[Figure]:
    """Every figure before figures[i] in its sentence that `pred` accepts, nearest first."""
    out: list[Figure] = []
    f = figures[i]
    for x in _before(figures, i):
        if not _same_sentence(text, x, f):
            break
        if pred(x):
            out.append(x)
    return out


def _next(figures: list[Figure], i: int, text: str, pred: Callable[[Figure], bool]) -> Figure | None:
    f = figures[i]
    for j in range(i + 1, len(figures)):
        x = figures[j]
        if not _same_sentence(text, f, x):
            return None
        if pred(x):
            return x
    return None


def _between(figures: list[Figure], a: Figure, b: Figure, pred: Callable[[Figure], bool]) -> bool:
    for j in range(bisect.bisect_right(figures, a.start, key=lambda x: x.start), len(figures)):
        x = figures[j]
        if x.start >= b.start:
            return False
        if pred(x):
            return True
    return False


def _names_same(label: str, wanted: set[str]) -> bool:
    """A label names one of `wanted`, allowing a leading qualifier of 2–4 characters (本部门, 本单位)."""
    return any(label == w or (len(w) >= 4 and label.endswith(w) and len(label) - len(w) <= 4) for w in wanted)


def _matches(f: Figure, stage: str | None, period: str | None) -> bool:
    q = f.qualifiers
    return (stage is None or q.stage == stage) and (period is None or q.period == period)


def _normal_period(period: str | None, year: int | None) -> str | None:
    if period and period.isdigit() and year:
        return {year: "current", year - 1: "previous"}.get(int(period), period)
    return period


def _stage_matches(stage: str | None, wanted: str) -> bool:
    if wanted == "budget":
        return stage in ("budget", "initial", "adjusted")
    return stage == wanted
