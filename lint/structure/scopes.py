"""Scope: what quantity a label means here. One label names different quantities under different
funds (一般公共预算's 转移性支出 vs 政府性基金's), subjects (公用经费's 办公费 vs 机关运行经费's),
lead-ins ("项目支出中，工资福利支出20.00万元" vs "基本支出中，…") and breakdown parents. A repeat
is only a repeat when the scopes agree (issue 7, class 2).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from lint.extract.labels import LabelReader, label_reader
from lint.model import Document, Figure, Relation
from lint.vocab import Vocabulary

# "基本支出中，工资福利支出600.00万元…": a sentence opened by "X中，" speaks of X's parts.
LEAD_IN = regex.compile(
    r"(?:(?:^|[。！？!?\n；;，,])[ \t]*(?:在)?(?P<lead>[^，,。；;：:\d\n]{2,16}?)(?:中|里|方面)[，,：:]"
    # "按经济分类汇总，本年支出合计中工资福利支出834.35万元": a money whole, then 中, mid-sentence
    r"|[，,][ \t]*(?P<lead>[^，,。；;：:\d\n]{0,10}(?:支出|收入|经费|合计|总额)[^，,。；;：:\d\n其]{0,4})中(?![，,：:])"
    # "按资金来源划分，一般公共预算拨款2,465,400.00元": a breakdown of the paragraph before by a key
    r"|(?:^|[。！？!?\n；;])[ \t]*(?P<lead>按[^，,。；;：:\d\n]{1,10}(?:划分|分类|分))[，,：:])"
)
SENTENCE_END = regex.compile(r"[。！？!?\n]")
YEAR = regex.compile(r"(?<!\d)(20\d\d)年")


@dataclass(frozen=True)
class Scope:
    # the figure's own fund, its breakdown total's, else its heading's; None for every figure of a
    # report whose money is all of one fund (一般公共预算 = 财政拨款 = all there is)
    fund: str | None = None
    subject: str | None = None  # "X中，" opening its sentence, else what the deepest heading names
    lead: bool = False  # the subject is the sentence's own lead-in: it never joins an unnamed one
    when: str | None = None  # the year and stage the deepest heading naming one gives (2021年…决算情况)
    flow: bool = False  # a count of things bought/disposed this year, not of things held
    parent: str | None = None  # the partition (基本支出 | 项目支出) whose breakdown lists it


def heading_funds(figures: list[Figure], vocab: Vocabulary) -> dict[int, str]:
    """The fund scope a figure's top-level heading names (二、一般公共预算支出情况 → 一般公共预算)."""
    out: dict[int, str] = {}
    named = _Named(vocab.funds)
    for f in figures:
        for title in f.section[:2]:
            hit = named(title)
            if hit:
                out[f.id] = vocab.funds[hit]
                break
    return out


def heading_subjects(doc: Document, figures: list[Figure], vocab: Vocabulary) -> dict[int, str]:
    """The subject the deepest heading above a figure names (十、机关运行经费支出预算表说明 →
    机关运行经费). The figure's own line ("（11）其他商品和服务支出（款）支出399.93万元") names the
    item, not the scope around it."""
    out: dict[int, str] = {}
    named = _Named(vocab.scopes)
    for f in figures:
        own = _text_line(doc, f.start).strip()
        for title in reversed(f.section):
            if _inside_title(f, own, title):
                continue
            hit = named(title)
            if hit:
                out[f.id] = vocab.scopes[hit]
                break
    return out


class _Named:
    """The longest of `words` a title holds (the first of them, longest first), asked once per distinct
    title: a report has a few dozen titles and thousands of figures under them."""

    def __init__(self, words: dict[str, str]) -> None:
        self.words = sorted(words, key=len, reverse=True)
        self.seen: dict[str, str | None] = {}

    def __call__(self, title: str) -> str | None:
        if title not in self.seen:
            self.seen[title] = next((w for w in self.words if w in title), None)
        return self.seen[title]


def _inside_title(f: Figure, own_line: str, title: str) -> bool:
    """Is the figure part of the heading's own text ("（11）其他商品和服务支出（款）支出399.93万元"),
    rather than written after it on the same line ("（二）项目支出259.20万元。按经济分类：…")?"""
    title = title.strip()
    if not own_line.startswith(title):
        return False
    return f.location.column - 1 < len(title) + 8  # the title may be cut before its 万元


def heading_times(figures: list[Figure], vocab: Vocabulary, year: int | None) -> dict[int, str]:
    """ "（二）2021年“三公”经费决算情况" in a 2022 budget: figures under it are 2021's 决算, whatever
    the document's default stage and period say. Only the deepest heading that names a year counts."""
    stages = sorted(vocab.stages, key=len, reverse=True)
    when: dict[str, str | None] = {}  # title → what it says; a report has few titles and many figures

    def said(title: str) -> str | None:
        if title not in when:
            m = YEAR.search(title)
            if not m:
                when[title] = None
            elif year and int(m.group(1)) != year:
                stage = next((vocab.stages[w] for w in stages if w in title), "")
                when[title] = f"{m.group(1)}{stage}"
            else:
                when[title] = m.group(1)  # this year's: apart from another year's, with any stage
        return when[title]

    out: dict[int, str] = {}
    for f in figures:
        for title in reversed(f.section):
            if (w := said(title)) is not None:
                out[f.id] = w
                break
    return out


def figure_scopes(
    doc: Document,
    figures: list[Figure],
    relations: list[Relation],
    heading_fund: dict[int, str],
    vocab: Vocabulary,
    year: int | None = None,
    labels: LabelReader | None = None,
) -> dict[int, Scope]:
    labels = labels or label_reader(vocab)
    subjects = heading_subjects(doc, figures, vocab)
    times = heading_times(figures, vocab, year)
    parent: dict[int, Figure] = {}
    for rel in relations:
        total = rel.role("total")
        if rel.kind == "sum" and total is not None:
            for p in rel.roles("part"):
                parent.setdefault(p.id, total)
    leads = _lead_ins(doc.text, labels, vocab)
    separate = _separate_funds(figures, vocab)
    out: dict[int, Scope] = {}
    for f in figures:
        if f.table is not None:
            continue
        total = parent.get(f.id)
        stated = f.qualifiers.fund or (total.qualifiers.fund if total else None)
        out[f.id] = Scope(
            fund=(stated or heading_fund.get(f.id)) if separate else None,
            subject=(lead := _lead_of(leads, f.start)) or _own_subject(f, vocab) or subjects.get(f.id),
            lead=lead is not None,
            when=times.get(f.id),
            # "本年购置执法执勤用车0辆、一般公务用车0辆" counts purchases, not the fleet
            flow=f.dimension == "count" and _any_in(vocab.flow_words, _clause(doc.text, f.start)),
            parent=_partition(total, vocab) if total is not None else None,
        )
    return out


def _partition(total: Figure, vocab: Vocabulary) -> str | None:
    """The partition scope a breakdown total names (基本支出 → 基本支出), None for other totals."""
    for word in sorted(vocab.scopes, key=len, reverse=True):
        if word in total.label and vocab.scopes[word] in vocab.partition_scopes:
            return vocab.scopes[word]
    return None


def _separate_funds(figures: list[Figure], vocab: Vocabulary) -> bool:
    """Does money of a second fund (政府性基金, 国有资本经营 …) or of another source (事业收入, 其他收入)
    appear? Only then is 一般公共预算's 项目支出 a different quantity from the department's."""
    general = {"财政拨款", "一般公共预算"}
    others = _Named(
        {w: w for w in [w for w, fund in vocab.funds.items() if fund not in general] + vocab.other_sources}
    )
    return any(
        f.dimension == "money"
        and f.value != 0
        and ((f.qualifiers.fund or "") not in general | {""} or others(f.label) is not None)
        for f in figures
    )


def _lead_ins(text: str, labels: LabelReader, vocab: Vocabulary) -> list[tuple[int, int, str]]:
    """(start, sentence end, subject) of every sentence opened by "X中，"; X is named as the
    headings name it when it is one of the subjects in rules/ (机关运行经费中 → 机关运行经费)."""
    out: list[tuple[int, int, str]] = []
    words = sorted(vocab.scopes, key=len, reverse=True)
    for m in LEAD_IN.finditer(text):
        said = m.group("lead") or ""
        lead = said if said.startswith("按") else labels.read(said).label
        if not lead:
            continue
        hit = next((w for w in words if w in (m.group("lead") or "")), None)
        lead = vocab.scopes[hit] if hit else lead
        if vocab.canonical(lead) in vocab.whole_leads:
            lead = ""  # "收入总计中，本年收入合计…": the report's own figures; still ends an earlier lead
        end = SENTENCE_END.search(text, m.end())
        out.append((m.end(), end.start() if end else len(text), lead))
    return out


def _own_subject(f: Figure, vocab: Vocabulary) -> str | None:
    """A figure labelled by a subject itself (三公经费0.79万元) is that subject under any heading."""
    scope = vocab.scopes.get(f.label)
    return scope if scope == f.label else None  # 三公经费 itself; not 工资福利支出 (an item of 人员经费)


def _clause(text: str, pos: int) -> str:
    """The words of a figure's clause before it (back to the last ，；。 or line break, at most 60
    characters: a bounded look-back keeps the stage linear)."""
    window = text[max(0, pos - 60) : pos]
    start = max(window.rfind(c) for c in "，,；;。\n") + 1
    return window[start:]


def _any_in(words: list[str], text: str) -> bool:
    return any(w in text for w in words)


def _lead_of(leads: list[tuple[int, int, str]], pos: int) -> str | None:
    i = bisect.bisect_right(leads, (pos, len("\uffff"), "\uffff")) - 1
    if i >= 0 and leads[i][0] <= pos < leads[i][1]:
        return leads[i][2] or None
    return None


def _text_line(doc: Document, offset: int) -> str:
    """The line of the read text holding `offset` (a rejoined paragraph, for a hard-wrapped file)."""
    start = doc.text.rfind("\n", 0, offset) + 1
    end = doc.text.find("\n", offset)
    return doc.text[start : end if end >= 0 else len(doc.text)]
