"""Find every figure in a Document: number + unit, with label, qualifiers, role and location.

Prose is scanned with one pattern built from the vocabulary's units; table cells become figures
labelled by their row and column headers. Years, dates, section numbers, document numbers and
hotlines are not figures because they carry no unit (or are ordinals: 第3期).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import accumulate

import regex

from lint.extract.labels import LabelInfo, LabelReader, label_reader, qualifiers_of
from lint.extract.numbers import (
    CLEAN_NUMBER,
    CN_CHARS,
    FOOTNOTE,
    MAX_DIGITS,
    NOISY_NUMBER,
    SUPERSCRIPTS,
    denoise,
    noise_of,
    parse_arabic,
    parse_chinese,
)
from lint.extract.title import YEAR as TITLE_YEAR
from lint.extract.title import title_line
from lint.extract.wraps import JOIN, unwrap
from lint.model import Document, Figure, Qualifiers, Table
from lint.vocab import Vocabulary, alternation, default_vocabulary, fold_width, open_brackets, per_vocabulary

# "开展部门评价，涉及资金45.00万元": a label that starts with an action names no fact of its own.
SCOPED_LABEL = regex.compile(
    r"^(?:共|合计|累计)?(?:涉及|用于|安排|下达|拨付|发放|支付|投入|落实|争取|完成|实现|带动|撬动)"
)
RANGE_DASH_BEFORE = regex.compile(r"\d(?:[%％]|[万亿]?元|分|个|人|项|次|家)?(?:[（(]\s*不?含\s*[)）])?\s*$")
RANGE_DASHES = "-~～—至到"
RANGE_START = regex.compile(r"\s*(?:[（(]\s*不?含\s*[)）])?\s*[-~～—至到]\s*\d")
UNGLOSSED = regex.compile(r"^\s*[（(]\s*不?含\s*[)）]")  # "50万元（含）以上": the gloss, then the bound
CLAUSE_STOP = "，,。；;：:！!？?\n\t、"
SENTENCE_STOP = "。！!？?\n"
EXACT_DIMENSIONS = ("people", "count")
YEAR_TITLE = regex.compile(r"((?:19|20)\d\d)\s*年")


@dataclass
class Extraction:
    figures: list[Figure]
    default_stage: str | None
    year: int | None
    table_spans: list[tuple[int, int]] = field(default_factory=list)
    # the text the prose was read from: doc.text with soft line breaks joined (extract/wraps.py), same
    # offsets; the relation readers read the same sentences, so it is made once, here
    prose_text: str = ""


def _build_pattern(vocab: Vocabulary) -> regex.Pattern[str]:
    units = list(vocab.units)
    count_units = [u for u, (dim, _) in vocab.units.items() if dim in ("people", "count", "duration")]
    number = rf"(?P<sign>[-+])?(?P<num>{NOISY_NUMBER})(?P<fn>{FOOTNOTE})?"
    chinese = rf"(?P<cn>[{CN_CHARS}]+)"
    unit = rf"(?:(?P<mult>万|亿)(?P<munit>{alternation(count_units)})|(?P<unit>{alternation(units)}))"
    alternatives = [number, chinese]
    if vocab.placeholder_chars:
        # "XXX万元", "XX%", "x万元": a placeholder where the template wants a number
        chars = regex.escape(vocab.placeholder_chars)
        single = rf"|[{regex.escape(vocab.placeholder_single)}]" if vocab.placeholder_single else ""
        alternatives.append(rf"(?<![A-Za-z0-9])(?P<ph>[{chars}]{{2,12}}{single})")
    # a soft line break (extract/wraps.py) may stand between a number and its unit: "1,206.34⏎万元"
    gap = rf"[ {JOIN}]?"
    return regex.compile(rf"(?:{'|'.join(alternatives)})(?P<infix>{gap}(?:余|多)?){gap}{unit}")


class FigureExtractor:
    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.vocab = vocab or default_vocabulary()
        self.pattern = _build_pattern(self.vocab)
        self.placeholders = "ph" in self.pattern.groupindex  # the vocabulary names placeholder characters
        self.labels = label_reader(self.vocab)
        v = self.vocab
        self.inc_re = regex.compile(r"(?:" + alternation(v.markers["increase"]) + r")(?:了|为|达到?|约)?\s*$")
        self.dec_re = regex.compile(r"(?:" + alternation(v.markers["decrease"]) + r")(?:了|为|达到?|约)?\s*$")
        self.flat_re = regex.compile(alternation(v.markers["flat"]))
        gap = r")[^，,。；;：:\d%]{1,10}?(?:数|额|水平)?(?:为)?\s*$"
        self.more_than_re = regex.compile(r"(?:" + alternation(v.markers.get("more_than", [])) + gap)
        self.less_than_re = regex.compile(r"(?:" + alternation(v.markers.get("less_than", [])) + gap)
        self.share_re = regex.compile(alternation(v.markers["share"]))
        self.avg_re = regex.compile(
            r"(?:" + alternation(v.markers["average"]) + r")[^，,。；;：:\d]{0,6}?(?:为|是|约)?\s*$"
        )
        self.compare_start = regex.compile(r"^\s*(?:同比|对比|相比|比|较|与|同)")
        self.after_compare = regex.compile(
            r"^[^，,。；;：:]{0,6}?(?:相比|相较|比较|"
            + alternation(v.markers["increase"] + v.markers["decrease"] + v.markers["flat"])
            + ")"
        )
        self.bracket_breakdown = regex.compile(r"^\s*(?:其中|含|包括)")
        self.approx_before = tuple(v.approx_before)
        self.not_approx_before = tuple(v.not_approx_before)
        self.approx_after = regex.compile(r"^(?:" + alternation(v.approx_after) + ")")
        self.ratio_re = regex.compile(
            r"(?:完成|达到|为|占|是)[^，,。；;]{0,14}的\s*$|(?:执行率|完成率|执行进度)(?:为|达到?)?\s*$"
        )
        # "为年初预算2610.00万元的109.03%": the base amount written inside the rate's own words
        self.ratio_amount_re = regex.compile(
            r"(?:完成|达到|为|是)[^，,。；;\d]{1,12}[\d,.]+\s*(?:亿元|万元|元)的\s*[\d.]+\s*[%％]\s*$"
        )

    # -- document level -------------------------------------------------------------------
    def title(self, text: str) -> str | None:
        """The report's title line (see lint.extract.title), or None."""
        v = self.vocab
        return title_line(text, v.title_final + v.title_budget + v.title_report)

    def default_stage(self, text: str) -> str | None:
        """From the title, else the first lines; fund words (一般公共预算) and terms such as 预算绩效管理
        are not a 预算 title."""
        title = self.title(text)
        heads = [title] if title is not None else []
        heads.append("\n".join(text.strip().split("\n")[:3])[:200])
        for head in heads:
            head = self.labels.fund_re.sub("", head)
            for term in self.vocab.title_no_stage:
                head = head.replace(term, "")
            if any(w in head for w in self.vocab.title_final):
                return "final"
            if any(w in head for w in self.vocab.title_budget):
                return "budget"
        return None

    def report_year(self, text: str) -> int | None:
        """The title's year, else the first year in the opening."""
        title = self.title(text)
        m = TITLE_YEAR.search(title) if title is not None else None
        m = m or YEAR_TITLE.search(text[:200])
        return int(m.group(1)) if m else None

    def extract(self, doc: Document) -> Extraction:
        stage = self.default_stage(doc.text)
        year = self.report_year(doc.text)
        spans = sorted((t.start, t.end) for t in doc.tables if t.end > t.start)
        prose_text = unwrap(doc.text)
        figures = self._prose(doc, prose_text, stage, year, spans)
        for ti, table in enumerate(doc.tables):
            figures.extend(self._table(doc, ti, table, stage, year))
        figures.sort(key=lambda f: f.start)
        for i, f in enumerate(figures):
            f.id = i
        _apply_precision(figures)
        return Extraction(
            figures=figures, default_stage=stage, year=year, table_spans=spans, prose_text=prose_text
        )

    # -- prose ----------------------------------------------------------------------------
    def _prose(
        self, doc: Document, text: str, stage: str | None, year: int | None, spans: list[tuple[int, int]]
    ) -> list[Figure]:
        """`text`: doc.text with a sentence wrapped across lines read as one (labels, units)."""
        norm = fold_width(text)
        out: list[Figure] = []
        bare: set[int] = set()  # ids of figures whose label is only period/flow words (本年收入)
        prev_end = 0
        # spans are sorted by start: the last one starting at or before a figure, and the furthest end
        # of those, tell whether a table holds it (one bisect, not a scan of every table per figure)
        span_starts = [a for a, _ in spans]
        reach = list(accumulate((b for _, b in spans), max))
        for m in self.pattern.finditer(norm):
            start, end = m.start(), m.end()
            k = bisect.bisect_right(span_starts, start) - 1
            if k >= 0 and reach[k] > start:
                continue
            placeholder = self.placeholders and bool(m.group("ph"))
            # a figure written as a placeholder ("XXX万元") is kept, marked, so that structure can drop
            # every relation that reads it; it is never a value to check
            parsed = self._placeholder(m) if placeholder else self._value(m, norm, start)
            if parsed is None:
                continue
            value, decimals, unit, dim, scale, num_start, noise = parsed
            if not self._unit_ok(norm, end, unit, dim):
                continue
            clause_start = _clause_start(norm, num_start, prev_end)
            clause = text[clause_start:num_start]
            approx = (
                bool(noise) or bool(m.group("infix").strip(" " + JOIN)) or self._approx(norm, num_start, end)
            )
            role, direction = self._role(norm, norm[clause_start:num_start], dim, end)
            info = self._label(text, norm, clause, num_start, end, dim, role)
            period = _period(info.period, year)
            fig = Figure(
                id=0,
                text=text[num_start:end].replace(JOIN, "").replace("\n", ""),
                value=value,
                unit=unit,
                dimension=dim,
                scale=scale,
                decimals=decimals,
                precision=decimals,
                label=info.label,
                raw_label=info.raw,
                qualifiers=Qualifiers(
                    info.stage, period, info.fund, approx, self._restated(norm, prev_end, num_start, role)
                ),
                section=(),
                start=num_start,
                end=end,
                location=doc.location(num_start, end),
                role=role,
                direction=direction,
                # counts are exact; so is a written zero ("0万元": nothing was spent)
                exact=((dim in EXACT_DIMENSIONS and decimals == 0) or value == 0) and not placeholder,
                placeholder=placeholder,
                noise=noise,
            )
            fig.scoped = norm[max(0, clause_start - 2) : clause_start].startswith("的") or bool(
                SCOPED_LABEL.match(info.raw)
            )
            if dim == "percent" and value < 0:
                fig.direction = -1
            out.append(fig)
            if info.bare:
                bare.add(id(fig))
            prev_end = end
        ends = _SentenceEnds(norm)
        _inherit_generic_labels(out, norm, ends, self.labels)
        _inherit_subject_fund(out, ends, self.labels, bare)
        return out

    def _placeholder(self, m: regex.Match[str]) -> tuple[Decimal, int, str, str, Decimal, int, str | None]:
        unit = m.group("unit") or m.group("munit")
        dim, scale = self.vocab.units[unit]
        if m.group("mult"):
            scale = scale * (Decimal(10_000) if m.group("mult") == "万" else Decimal(100_000_000))
            unit = m.group("mult") + unit
        return Decimal(0), 0, unit, dim, scale, m.start("ph"), None

    def _value(
        self, m: regex.Match[str], norm: str, start: int
    ) -> tuple[Decimal, int, str, str, Decimal, int, str | None] | None:
        """(value, decimals, unit, dimension, scale, number start, noise): `noise` names what made
        the number hard to read (extract/figures.NOISY_NUMBER), None for a number written cleanly."""
        unit = m.group("unit") or m.group("munit")
        dim, scale = self.vocab.units[unit]
        if m.group("mult"):
            scale = scale * (Decimal(10_000) if m.group("mult") == "万" else Decimal(100_000_000))
            unit = m.group("mult") + unit
        if m.group("cn"):
            cn = m.group("cn")
            if (
                dim not in ("people", "count")
                or _inside_quotes(norm, start)
                or (start > 0 and norm[start - 1] in "第每某")
            ):
                return None
            n = parse_chinese(cn)
            if n is None or n >= 10**MAX_DIGITS:
                return None
            return Decimal(n), 0, unit, dim, scale, m.start("cn"), None
        num_start = m.start("num")
        before = norm[num_start - 1] if num_start > 0 else ""
        glued = before in SUPERSCRIPTS  # "基本支出¹1,245.60万元": a footnote mark on the label
        if before and not glued and ((before.isalnum() and not _is_cjk(before)) or before in "._/#第"):
            return None
        if _in_code_context(norm, num_start):
            return None
        written = m.group("num")
        noise = noise_of(written, bool(m.group("fn")) or glued) or _fragment(norm, num_start)
        cleaned = denoise(written) if noise else written
        if noise and not CLEAN_NUMBER.fullmatch(cleaned):
            return None
        parsed = parse_arabic(cleaned)
        if parsed is None:
            return None
        value, decimals = parsed
        sign = m.group("sign")
        # "80-90分", "80%-90%", "80（含）-90分": a dash after a number is a range, not a minus
        if sign == "-" and not RANGE_DASH_BEFORE.search(norm, max(0, m.start("sign") - 8), m.start("sign")):
            value, num_start = -value, m.start("sign")
        return value, decimals, unit, dim, scale, num_start, noise

    def _unit_ok(self, norm: str, end: int, unit: str, dim: str) -> bool:
        nxt = norm[end] if end < len(norm) else ""
        bare = unit[-1]
        if unit in ("万", "亿") and nxt and _is_cjk(nxt):
            return False  # "10万册": 万 is a multiplier of another unit
        banned = self.vocab.not_followed_by.get(bare, "")
        return not (nxt and nxt in banned)

    def _restated(self, norm: str, prev_end: int, num_start: int, role: str) -> bool:
        """ "剔除留抵退税因素后同口径增长5.2%", "按可比口径计算，增长3.1%": a change on a restated basis,
        said between the previous figure and this one within the sentence."""
        if role not in ("rate", "difference"):
            return False
        window = norm[max(prev_end, num_start - 40) : num_start]
        cut = max(window.rfind(c) for c in SENTENCE_STOP)
        window = window[cut + 1 :]
        return any(w in window for w in self.vocab.restated)

    def _approx(self, norm: str, num_start: int, end: int) -> bool:
        before = norm[max(0, num_start - 4) : num_start]
        if before.endswith(self.approx_before) and not before.endswith(self.not_approx_before):
            return True
        # "80（含）-90分的项目", "单价50万元（含）以上": either end of a range, or a bound, is no amount
        if RANGE_START.match(norm, end, end + 16) or (  # anchored: a bounded window
            num_start > 0
            and norm[num_start - 1] in RANGE_DASHES
            and RANGE_DASH_BEFORE.search(norm, max(0, num_start - 9), num_start - 1)
        ):
            return True
        return bool(self.approx_after.match(UNGLOSSED.sub("", norm[end : end + 8])))

    def _role(self, norm: str, clause: str, dim: str, end: int) -> tuple[str, int]:
        """`clause`: the figure's clause, width-folded (a slice of `norm`)."""
        c = clause.replace(JOIN, "")
        if dim == "points":
            # "提高1.8个百分点" is a difference of two rates, never a growth rate; its direction is kept
            # for the points relation (lint/structure/points.py)
            if self.inc_re.search(c):
                return "other", 1
            if self.dec_re.search(c):
                return "other", -1
            return "other", 0
        if dim == "percent":
            if self.share_re.search(c):
                return "share", 0
            if self.inc_re.search(c):
                return "rate", 1
            if self.dec_re.search(c):
                return "rate", -1
            if self.ratio_re.search(c):
                return "ratio", 0
            if c.strip() == "的" and self.ratio_amount_re.search(fold_width(norm[max(0, end - 60) : end])):
                return "ratio", 0
            return "other", 0
        if self.avg_re.search(c):
            # 月人均/日均: a per-month or per-day figure, not total ÷ count over the year
            m = self.avg_re.search(c)
            return ("other" if m and c[max(0, m.start() - 1) : m.start()] in ("月", "日") else "average"), 0
        if self.inc_re.search(c) or self.more_than_re.search(c):
            return "difference", 1
        if self.dec_re.search(c) or self.less_than_re.search(c):
            return "difference", -1
        opened = max(c.rfind("（"), c.rfind("("))
        if open_brackets(c) > 0 and not self.bracket_breakdown.match(c[opened + 1 :]):
            return "other", 0  # a figure in brackets: (上年50万元); but （其中A0万元，B8.40万元） lists parts
        if self.compare_start.match(c) and self.after_compare.match(norm[end : end + 12]):
            return "base", 0
        return "amount", 0

    def _label(
        self, text: str, norm: str, clause: str, num_start: int, end: int, dim: str, role: str
    ) -> LabelInfo:
        """Stages are only what the wording says; the document default is applied by structure."""
        stage = None
        if role in ("difference", "rate"):
            # "一般公共预算财政拨款支出增加307.82万元": the label names what changed.
            clause = clause.replace(JOIN, "")
            c = fold_width(clause)
            m = next(
                (
                    m
                    for r in (self.inc_re, self.dec_re, self.more_than_re, self.less_than_re)
                    if (m := r.search(c))
                ),
                None,
            )
            act = m and self.labels.action_re and self.labels.action_re.search(c[: m.end()])
            if m and act and act.start() < m.start():
                # "根据上级文件核减20.00万元": the marker 减 is the tail of the action 核减, whose thing is
                # the sentence's subject; the label is empty (as after 调减), never "根据上级文件核".
                # "公用经费压减5.00万元" keeps 公用经费: there the marker is the whole action.
                return self.labels.read("", stage)
            return self.labels.read(clause[: m.start()] if m else "", stage)
        if role in ("share", "average", "ratio"):
            return self.labels.read("", stage)
        if dim in ("people", "count", "duration"):
            after = _following_noun(text, end)
            before = self.labels.read(clause, stage)
            if after and (not before.label or _ends_with_verb(clause)):
                return LabelInfo(
                    self.labels.vocab.canonical(after), after, before.stage, before.period, before.fund
                )
            return before
        return self.labels.read(clause, stage)

    # -- tables ---------------------------------------------------------------------------
    def _table(
        self, doc: Document, ti: int, table: Table, stage: str | None, year: int | None
    ) -> list[Figure]:
        from lint.extract.tables import table_figures

        return table_figures(doc, ti, table, stage, year, self)


def _period(period: str | None, year: int | None) -> str | None:
    if period and period.isdigit() and year:
        if int(period) == year:
            return "current"
        if int(period) == year - 1:
            return "previous"
    return period


def _fragment(norm: str, num_start: int) -> str | None:
    """ "全年支出3 1 02.40万元": the tail of a number cut twice reads as a number of its own; it
    stands one space after a digit. (A leading zero alone, "040.63", is a typo to report.)"""
    after_digit = num_start >= 2 and norm[num_start - 1] == " " and norm[num_start - 2].isdigit()
    return "cut" if after_digit else None


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _inside_quotes(norm: str, pos: int) -> bool:
    line_start = norm.rfind("\n", 0, pos) + 1
    seg = norm[line_start:pos]
    return seg.count("“") > seg.count("”") or seg.count("「") > seg.count("」")


_CODE_BEFORE = regex.compile(r"(?:〔|\[|【|第|编号|代码|编码|No\.?|号)\s*$")


def _in_code_context(norm: str, pos: int) -> bool:
    return bool(_CODE_BEFORE.search(norm[max(0, pos - 4) : pos]))


def _clause_start(norm: str, pos: int, prev_end: int) -> int:
    """Where a figure's label starts. A 、 joins names unless a figure stands before it:
    "政务中心大楼及设备改造、维护项目支出47.00万元" is one label, not 维护项目支出."""
    i = pos
    floor = max(prev_end, pos - 60)
    while i > floor and norm[i - 1] not in CLAUSE_STOP:
        i -= 1
    while i > floor and norm[i - 1] == "、":
        j = i - 1
        while j > floor and norm[j - 1] not in CLAUSE_STOP:
            j -= 1
        if j == i - 1:
            break
        i = j
    return i


_VERB_END = regex.compile(
    r"(?:推动|实现|产生|设立|完成|拓展|采集|成立|组建|开展|举办|培训|接待|解决|帮扶|对|共|累计|新增|办理|受理|服务|覆盖|涉及|打造|建成|建设|组织|发放|安排|录入|审批|上线|进驻|落地)\s*$"
)
_NOUN_STOP = regex.compile(r"[，,。；;：:、！？\n\t（(]|的|已|全部|并|和|与|及|实现|进行|开展|共|均|中|等")


def _ends_with_verb(clause: str) -> bool:
    return bool(_VERB_END.search(clause))


def _following_noun(text: str, end: int) -> str:
    seg = text[end : end + 24]
    if seg.startswith("“"):
        close = seg.find("”")
        if close > 1:
            return seg[1:close]
    m = _NOUN_STOP.search(seg)
    noun = seg[: m.start()] if m else seg[:10]
    noun = noun.strip()
    return noun[:10] if noun and all(_is_cjk(c) or c.isalnum() for c in noun) else ""


class _SentenceEnds:
    """Where the sentences of a text end, found once: does one end between two figures? (a bisect,
    not a scan of the text between every two neighbours)"""

    def __init__(self, norm: str) -> None:
        self.at = [m.start() for m in _SENTENCE_END.finditer(norm)]

    def between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.at, start)
        return i < len(self.at) and self.at[i] < end


_SENTENCE_END = regex.compile(f"[{regex.escape(SENTENCE_STOP)}]")


def _inherit_generic_labels(
    figures: list[Figure], norm: str, ends: _SentenceEnds, labels: LabelReader
) -> None:
    """Inherit a generic label: "三公经费预算支出为0.79万元，决算支出为0.14万元": 0.14's label 支出 is 三公经费's;
    so is a label that names only a stage ("预算为9.50万元，决算6.38万元")."""
    prev: Figure | None = None
    for f in figures:
        if prev is not None and ends.between(prev.end, f.start):
            prev = None
        if f.role not in ("amount", "base"):
            continue
        if (
            prev is not None
            and (
                labels.is_generic(f.label)
                if f.label
                # "预算9.50万元，决算6.38万元": a label that was only a stage word, after the same
                # subject's figure of another stage
                else bool(labels.tidy(f.raw_label))
                and prev.qualifiers.stage is not None
                and f.qualifiers.stage is not None
                and prev.qualifiers.stage != f.qualifiers.stage
            )
            and not labels.is_generic(prev.label)
            and prev.dimension == f.dimension
            and prev.qualifiers.key() != f.qualifiers.key()
            # "支出总计4135.42万元，其中本年支出3915.78万元": a part is never its total
            and not any(m in norm[prev.end : f.start] for m in labels.vocab.markers["breakdown"])
            # "本年收入35.20万元，支出35.00万元": money flowing the other way is another fact
            and not _other_direction(f.label, prev.label, labels.vocab.directions)
            # "实际到位资金800.00万元，已支出752.40万元": what was spent is not the fund that arrived;
            # a generic word continues only a label that says it (预算支出…，决算支出…)
            and f.label in prev.raw_label
        ):
            f.label = prev.label
        prev = f


def _inherit_subject_fund(
    figures: list[Figure], ends: _SentenceEnds, labels: LabelReader, bare: set[int]
) -> None:
    """ "非财政拨款资金年初结转20.00万元，本年收入35.20万元，支出35.00万元": a fund that opens the sentence
    is the fund of its later bare figures (本年收入, 支出; ids in `bare`), which name nothing of their own."""
    subject: str | None = None
    side: tuple[str, str] | None = None  # (fund, what its figure totals): 财政拨款收入总计 → 收入总计
    prev: Figure | None = None
    for f in figures:
        if prev is not None and ends.between(prev.end, f.start):
            subject = side = None
        prev = f
        if f.qualifiers.fund is not None:
            opening = labels.tidy(f.raw_label)
            if labels.fund_re.match(opening):
                subject = f.qualifiers.fund
            if m := labels.fund_re.match(f.label):
                side = (f.qualifiers.fund, f.label[m.end() :])
        elif f.role in ("amount", "base"):
            if subject is not None and id(f) in bare:
                f.qualifiers = replace(f.qualifiers, fund=subject)
            elif side is not None and _other_side(side[1], f.label):
                f.qualifiers = replace(f.qualifiers, fund=side[0])


def _other_side(side: str | None, label: str) -> bool:
    """ "财政拨款收入总计978.19万元，支出总计978.19万元": the total of the other side of the same
    account (收入总计 → 支出总计, 收入合计 → 支出合计) is the opening fund's too."""
    if not side or not label or not side.endswith(("总计", "合计")):
        return False
    swap = {"收入": "支出", "支出": "收入"}
    return any(side.startswith(a) and label == b + side[len(a) :] for a, b in swap.items())


def _other_direction(generic: str, label: str, directions: list[str]) -> bool:
    own = [d for d in directions if d in generic]
    return bool(own) and not any(d in label for d in own) and any(d in label for d in directions)


def _apply_precision(figures: list[Figure]) -> None:
    """SPEC §4: '5万元' in a document written to 2 decimals in 万元 stands for [4.995, 5.005]."""
    by_unit: dict[str, Counter[int]] = {}
    for f in figures:
        if f.dimension == "money" and f.decimals > 0:
            by_unit.setdefault(f.unit, Counter())[f.decimals] += 1
    for f in figures:
        if f.dimension != "money" or f.unit in ("元",) or f.qualifiers.approx:
            continue
        counts = by_unit.get(f.unit)
        if counts:
            modal, n = counts.most_common(1)[0]
            if n >= 2 and modal > f.decimals:
                f.precision = modal


# Compiling the patterns costs milliseconds; keep one extractor per vocabulary object.
_extractor = per_vocabulary(FigureExtractor)


def extract(doc: Document, vocab: Vocabulary | None = None) -> Extraction:
    return _extractor(vocab or default_vocabulary()).extract(doc)


__all__ = ["Extraction", "FigureExtractor", "extract", "qualifiers_of"]
