"""The state every relation reader shares: the vocabulary's patterns (compiled once per finder) and the
per-run indexes `find()` builds (the prose figures, their offsets, labels, ratio bases, and the totals
of the breakdowns read first). Each kind of relation is a mixin of RelationBase.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from lint.extract.labels import LabelReader
from lint.model import Figure
from lint.tolerance import Interval, interval
from lint.vocab import Vocabulary, alternation


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


class RelationBase:
    """Patterns from the vocabulary and the per-run state the relation mixins read."""

    # per-run state, set by RelationFinder.find() before any reader runs
    year: int | None
    _text: str
    _ratio_bases: set[int]  # ids of the amounts a rate is of ("为预算数X万元的p%")
    _starts: list[int]  # the prose figures' start offsets, for _span's bisection
    _all: list[Figure]
    _index: dict[int, int]  # id(figure) → its position in _all
    _by_label: dict[str, list[Figure]]
    _parent_stage: dict[int, str | None]
    _whole_of: dict[int, Figure]
    _listed: set[int]

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

    def _span(self, figures: list[Figure], lo: int, hi: int) -> list[Figure]:
        """Figures starting in [lo, hi), found by bisection on their offsets."""
        return figures[bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)]

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
