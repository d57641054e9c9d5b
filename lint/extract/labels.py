"""Labels and qualifiers: the noun phrase a figure belongs to, and what restricts its meaning.

"2024年决算收入支出为" → label 收入支出, stage final, period 2024. Stage words are looked for only
outside fund-scope words, so 一般公共预算 never reads as a 预算 stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lint.extract.numbers import strip_numbering
from lint.extract.wraps import JOIN
from lint.memo import BoundedMemo
from lint.model import Qualifiers
from lint.vocab import Vocabulary, alternation, open_brackets, per_vocabulary

# "2024年末财政拨款结转结余": the year goes, 年末 (a balance's own word) stays
YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年(?:度)?(?![末初])|(?=年[末初]))")
MAX_LABEL = 16
EMPTY_BRACKETS = regex.compile(r"[（(]\s*[）)]")
# Where a long clause is cut to keep only the noun phrase nearest the figure.
CUT_AFTER = regex.compile(r".*(?:的|”|了|在|对|向|从|将|把|被|共|已|并|后)")
LABEL_MEMO = 8192  # distinct clauses (and texts to tidy) remembered per reader


@dataclass(frozen=True)
class LabelInfo:
    label: str  # canonical (synonyms applied)
    raw: str  # the clause text it came from, cleaned of punctuation only
    stage: str | None
    period: str | None
    fund: str | None
    bare: bool = False  # only period, stage and generic words ("本年收入"): it names no thing of its own


FOOTNOTE_MARK = regex.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\]\s*$|［\d{1,2}］\s*$")


class LabelReader:
    """Compiled patterns for one vocabulary, and what they made of each distinct clause (bounded memo:
    a report repeats its labels, and reading one is a dozen regex passes). The vocabulary must not
    change once a reader is made from it (its words are compiled here)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self._read: BoundedMemo[tuple[str, str | None], LabelInfo] = BoundedMemo(LABEL_MEMO)
        self._tidy: BoundedMemo[str, str] = BoundedMemo(LABEL_MEMO)
        self.vocab = vocab
        self.stage_re = regex.compile(alternation(list(vocab.stages)))
        self.period_re = regex.compile(alternation(list(vocab.periods)))
        self.fund_re = regex.compile(alternation(list(vocab.funds)))
        # "系年初结转和结余", "加本年收入合计": verbs of a balance written out; a one-character verb only
        # before a period word. Read before the period words go (加本年收入合计 → 加收入合计 keeps 加).
        verbs = [alternation(vocab.label_verbs)] if vocab.label_verbs else []
        if vocab.label_short_verbs and vocab.label_verb_objects:
            short, objects = alternation(vocab.label_short_verbs), alternation(vocab.label_verb_objects)
            verbs.append(f"(?:{short})(?=(?:{objects}))")
        self.verb_re = regex.compile("^(?:" + "|".join(verbs) + ")") if verbs else None
        self.leading_re = regex.compile(r"^(?:" + "|".join([alternation(vocab.leading), *verbs]) + r")+")
        self.trailing_re = regex.compile(r"(?:" + alternation(vocab.trailing) + r")+$")
        self.approx_re = regex.compile(r"(?:" + alternation(vocab.approx_before) + r")$")
        self.action_re = regex.compile(r"(?:" + alternation(vocab.actions) + r")$") if vocab.actions else None
        self.cut_re = (
            regex.compile(r".*(?:" + alternation(vocab.cut_after) + r")(?=.)") if vocab.cut_after else None
        )

    def read(self, clause: str, default_stage: str | None = None) -> LabelInfo:
        key = (clause, default_stage)
        info = self._read.get(key)
        if info is None:
            info = self._read.put(key, self._read_uncached(clause, default_stage))
        return info

    def _read_uncached(self, clause: str, default_stage: str | None) -> LabelInfo:
        raw = clause.replace(JOIN, "").strip(" \t:：,，、;；")  # a label wrapped across lines is one
        # a footnote mark on the label ("卫生健康支出[1]", "基本支出¹") is no part of its name
        text = FOOTNOTE_MARK.sub("", raw)
        period: str | None = None
        years = YEAR.findall(text)
        if years:
            period = years[-1]
        text = YEAR.sub("", text)
        if self.verb_re is not None:
            text = self.verb_re.sub("", text)
        text = self.approx_re.sub("", text)
        fund: str | None = None
        fund_spans: list[tuple[int, int]] = []
        for fm in self.fund_re.finditer(text):
            fund = fund or self.vocab.funds[fm.group(0)]
            fund_spans.append(fm.span())
        stage: str | None = None
        removals: list[tuple[int, int]] = []
        for sm in self.stage_re.finditer(text):
            if any(a <= sm.start() < b for a, b in fund_spans):
                continue
            found = self.vocab.stages[sm.group(0)]
            # 预算执行（决算）: the final stage wins over a bare budget word.
            if stage is None or found == "final" or (stage == "budget" and found in ("initial", "adjusted")):
                stage = found
            removals.append(sm.span())
        unperiodised = text, list(removals)  # before period words go: see `defined` below
        for pm in self.period_re.finditer(text):
            word = pm.group(0)
            p = self.vocab.periods[word]
            if p in ("previous", "current"):
                period = period or p
                if p == "previous":
                    period = "previous"
                removals.append(pm.span())
        for a, b in sorted(removals, reverse=True):
            text = text[:a] + text[b:]
        text = EMPTY_BRACKETS.sub("", text)
        label = self.vocab.canonical(self.tidy(text))
        if self.action_re is not None and self.action_re.search(label):
            label = ""  # "年中调整为…", "执行中追加…": an action, its thing is the sentence's subject
        # 本年收入, 支出, 年末结转: flow or balance words with nothing of their own
        bare = self.is_generic(label) or self.vocab.periods.get(self.tidy(text)) in ("opening", "closing")
        if bare:
            # "本年收入1200.00万元": 本年收入 is a defined term, not the generic 收入 of this year
            kept, stage_spans = unperiodised
            for a, b in sorted(stage_spans, reverse=True):
                kept = kept[:a] + kept[b:]
            defined = self.vocab.canonical(self.tidy(EMPTY_BRACKETS.sub("", kept)))
            if defined in self.vocab.synonyms.values():
                label = defined
        return LabelInfo(
            label=label,
            raw=raw,
            stage=stage or default_stage,  # callers pass None: defaults are applied by structure
            period=period,
            fund=fund,
            bare=bare,
        )

    def tidy(self, text: str) -> str:
        tidied = self._tidy.get(text)
        if tidied is None:
            tidied = self._tidy.put(text, self._tidy_uncached(text))
        return tidied

    def _tidy_uncached(self, text: str) -> str:
        text = strip_numbering(text.replace(JOIN, "").strip(" \t:：,，、;；。"))  # "（1）工资福利支出"
        if self.cut_re is not None:
            text = self.cut_re.sub("", text, count=1)  # "支出总计包括本年支出合计": the part is 本年支出合计
        if text[:1] in "（(" and not any(c in text for c in "）)"):
            text = text[1:]  # "（其中公务用车购置费": the bracket opens a list, not the label
        for _ in range(3):
            before = text
            text = self.trailing_re.sub("", text)
            text = self.leading_re.sub("", text)
            text = text.strip(" \t:：,，、;；")
            if text == before:
                break
        if len(text) > MAX_LABEL:
            m = CUT_AFTER.match(text)
            if m and m.end() < len(text):
                text = text[m.end() :]
            text = self.leading_re.sub("", text)
        # Never truncate further: two long names that share a tail are different facts
        # (…群众团体事务（款）一般行政管理事务（项） vs …组织事务（款）一般行政管理事务（项）).
        # an unbalanced bracket left by cutting is noise
        text = text.lstrip("）)").rstrip("（(")
        if text[-1:] in "）)" and open_brackets(text) < 0:
            # "城乡社区支出（国有土地使用权出让收入安排的支出）" cut to "支出）": the gloss's tail is no name
            text = text[:-1]
        return text

    def is_generic(self, label: str) -> bool:
        return not label or label in self.vocab.generic


# One reader per vocabulary object, so its memo serves every stage and every file of a run.
label_reader = per_vocabulary(LabelReader)


def qualifiers_of(info: LabelInfo, approx: bool) -> Qualifiers:
    return Qualifiers(stage=info.stage, period=info.period, fund=info.fund, approx=approx)
