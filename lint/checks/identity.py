"""identity: fiscal identities from rules/*.toml that hold across the whole document.

For each [[identity]] (lint/identities.py) the figures of its total and parts are looked up by
canonical label anywhere in the report, then grouped by what they mean — stage (预算/决算…),
period (本年/上年), fund scope (the figure's own or its heading's) and, for table cells, the table
column — so 三公经费预算0.79万元 is never combined with 出国/公车/接待 决算 figures. A group is checked
with the sum check's intervals (SPEC §4) and reported as FL271 (exact) or FL272 (warning).

Precision before recall:
- a label written with two different values in one group is skipped (the repeat rule reports it);
- parts the document does not mention are absent, not zero: with a part missing, the identity is
  reported only when the parts present already exceed the total; a part counts as 0 only when the
  report writes it as 0 or says 无<part>;
- at least two parts must be present (or one, with every other part said to be 无/0);
- an `optional` part counts as 0 when the report omits it, and when it is written the total may or
  may not include it: every reading with and without the optional parts is tried before reporting;
- an identity whose figures are exactly a breakdown the text states (其中/包括…) is left to the sum
  rule, so one mistake gives one finding.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import combinations

import regex

from lint.checks import sum as sum_check
from lint.checks.base import Context
from lint.extract.labels import label_reader
from lint.identities import Identity, identities_for
from lint.model import Figure, Finding, Relation
from lint.structure import Analysis
from lint.tolerance import Interval, interval
from lint.vocab import Vocabulary

GroupKey = tuple[object, ...]
Fact = tuple[str, GroupKey, Decimal]
TITLE_CHARS = 300  # applies_to words are looked for in the document's opening
SENTENCE_END = regex.compile(r"[。！？!?]|\n\s*\n")
PARAGRAPH_END = regex.compile(r"\n")
# said_zero: every match holds one of these and reaches at most a part's length + ZERO_SLACK from it
ZERO_ANCHOR = regex.compile(r"无|没有|为零")
ZERO_SLACK = 6
ZERO_RADIUS = 64


def run(ctx: Context) -> Iterator[Finding]:
    ids = identities_for(ctx.catalog)
    if not ids.identities:
        return
    index = _Index(_static(ctx), ctx.extra_tolerance)
    reported: set[frozenset[int]] = set()
    for ident in ids.identities:
        if ident.applies_to and not any(w in index.title for w in ident.applies_to):
            continue
        for rel in index.instances(ident):
            key = frozenset(f.id for _, f in rel.members)
            if key in reported:
                continue
            reported.add(key)
            yield from sum_check.check(rel, ctx, {})


def _static(ctx: Context) -> _Static:
    static = ctx.memo.get("identity")
    vocab = identities_for(ctx.catalog).vocab
    if not isinstance(static, _Static) or static.vocab is not vocab:
        static = ctx.memo["identity"] = _Static(ctx.analysis, vocab)
    return static


class Recheck:
    """`run` worked out again after one figure's value changed (lint/checks/recheck.py), one group
    of an identity at a time. A group reads every figure of its slots (a label written with two
    values is skipped) and the breakdowns the text states for its totals (`_Index.covered`); the
    first group to yield a set of figures reports it, as in `run`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.static = _static(ctx)
        index = _Index(self.static, ctx.extra_tolerance)
        ids = identities_for(ctx.catalog)
        self.groups: list[tuple[Identity, GroupKey, list[Figure], list[dict[GroupKey, list[Figure]]]]] = []
        self.reading: dict[int, list[int]] = defaultdict(list)  # figure id → the groups reading it
        for ident in ids.identities:
            if ident.applies_to and not any(w in index.title for w in ident.applies_to):
                continue
            totals = index.slot(ident.total, ident.within)
            parts = [index.slot(p.variants, ident.within) for p in ident.parts] if totals else []
            for key, total_figs in totals.items():
                reads = {f.id for f in total_figs} | {f.id for by_key in parts for f in by_key.get(key, [])}
                for f in total_figs:  # the breakdowns that may cover the group (`_Index.covered`)
                    reads |= {x.id for t, parts in self.static.stated(f) for x in (t, *parts)}
                for fid in reads:
                    self.reading[fid].append(len(self.groups))
                self.groups.append((ident, key, total_figs, parts))
        self.index = index  # reads every value when it is asked
        self.found = [self._check(i) for i in range(len(self.groups))]
        self.all = self._first(self.found)

    def _check(self, i: int) -> tuple[frozenset[int] | None, list[Finding]]:
        rel = self.index.instance(*self.groups[i])
        if rel is None:
            return None, []
        return frozenset(f.id for _, f in rel.members), list(sum_check.check(rel, self.ctx, {}))

    @staticmethod
    def _first(found: list[tuple[frozenset[int] | None, list[Finding]]]) -> list[Finding]:
        reported: set[frozenset[int]] = set()
        out: list[Finding] = []
        for key, fs in found:
            if key is not None and key not in reported:
                reported.add(key)
                out += fs
        return out

    def findings(self, changed: Figure) -> list[Finding]:
        again = self.reading.get(changed.id, [])
        if not again:
            return self.all
        found = list(self.found)
        for i in again:
            found[i] = self._check(i)
        return self._first(found)


class _Static:
    """What the index reads from the document alone, never from a figure's value: figures by label,
    sentence and paragraph ends, the parts the report says it has none of, each identity's slots.
    Worked out once per document and kept across the culprit search's re-runs (`Context.memo`)."""

    def __init__(self, analysis: Analysis, vocab: Vocabulary) -> None:
        self.analysis = analysis
        self.vocab = vocab
        text = analysis.document.text
        self.text = text
        self.title = text[:TITLE_CHARS]
        generic = {self.canon(g) for g in analysis.generic_labels}
        self.by_label: dict[str, list[Figure]] = defaultdict(list)
        for f in analysis.figures:
            if f.role not in ("amount", "cell") or f.qualifiers.approx or not f.label:
                continue
            if f.table is not None and f.dimension == "percent":
                continue  # a 完成率/执行率 column of a table holds rates, not amounts
            label = self.canon(f.label)
            if label and label not in generic:
                self.by_label[label].append(f)
        self.sentences = [m.end() for m in SENTENCE_END.finditer(text)]
        self.paragraphs = [m.end() for m in PARAGRAPH_END.finditer(text)]
        # a breakdown the text or a table states: (total, parts), their values read at each run
        self.breakdowns: list[tuple[Figure, list[Figure]]] = []
        for rel in analysis.relations:
            if rel.kind not in ("sum", "table-sum"):
                continue
            if rel.data.get("lead_in"):
                continue  # "收入总计中，…" names some of X's parts: the identity says whether they are all
            total = rel.role("total")
            if total is not None:
                self.breakdowns.append((total, rel.roles("part")))
        self._stated: dict[tuple[str, GroupKey], list[tuple[Figure, list[Figure]]]] | None = None
        self._zero: dict[str, bool] = {}
        self._windows: str | None = None
        self._fund_words: dict[str, tuple[str, ...]] = {}
        self._where: dict[tuple[int, str], tuple[str, GroupKey]] = {}
        self._slots: dict[tuple[tuple[str, ...], str], dict[GroupKey, list[Figure]]] = {}
        self.reader = label_reader(vocab)

    def canon(self, label: str) -> str:
        return self.vocab.canonical(label)

    def variant(self, text: str) -> str:
        """A pack's label variant read the way extraction reads a label (qualifier words such as
        本年/预算 removed, synonyms applied), so both sides compare alike."""
        return self.canon(self.reader.read(text).label)

    # -- what a figure means --------------------------------------------------------------------
    def fund(self, f: Figure) -> str | None:
        """The figure's fund scope, unless its own label names it (财政拨款收入 is a label of its
        own; the identity's variants already tell it apart); otherwise its heading's."""
        own = f.qualifiers.fund
        if own is not None:
            words = self._fund_words.get(own)
            if words is None:  # the words naming each fund, listed once rather than per figure
                words = self._fund_words[own] = tuple(w for w, v in self.vocab.funds.items() if v == own)
            if not any(w in f.label for w in words):
                return own
        return self.analysis.heading_fund.get(f.id)

    def group_key(self, f: Figure, within: str) -> GroupKey:
        q = f.qualifiers
        # table cells combine only within one table column; prose only with prose
        where: tuple[object, ...] = ("table", f.table[0], f.table[2]) if f.table is not None else ("text",)
        if within == "sentence":
            where += (bisect.bisect_right(self.sentences, f.start),)
        elif within == "paragraph":
            where += (bisect.bisect_right(self.paragraphs, f.start),)
        return (q.stage, q.period, self.fund(f), f.dimension, *where)

    def fact(self, f: Figure, within: str) -> Fact:
        """(canonical label, group, value): the value is read now, the rest once per figure."""
        key = (id(f), within)
        where = self._where.get(key)
        if where is None:
            where = self._where[key] = (self.canon(f.label), self.group_key(f, within))
        return (*where, f.base_value)

    def where(self, f: Figure) -> tuple[str, GroupKey]:
        """(canonical label, group) of a figure over the whole document: its fact without the value."""
        label, key, _ = self.fact(f, "document")
        return label, key

    def stated(self, total: Figure) -> list[tuple[Figure, list[Figure]]]:
        """The breakdowns the text states for a total of this label and group (their values are read
        where they are compared)."""
        if self._stated is None:
            self._stated = defaultdict(list)
            for t, parts in self.breakdowns:
                self._stated[self.where(t)].append((t, parts))
        return self._stated.get(self.where(total), [])

    def said_zero(self, variants: tuple[str, ...]) -> bool:
        """The report says 无<part> / <part>为零 (no figure needed for a part it does not have)."""
        key = "|".join(variants)
        if key not in self._zero:
            forms = set(variants) | {v.replace("(", "（").replace(")", "）") for v in variants}
            alt = "|".join(regex.escape(v) for v in sorted(forms, key=len, reverse=True))
            pattern = regex.compile(
                rf"(?:无|没有)(?:发生|安排)?(?:{alt})|(?:{alt})(?:支出)?(?:均)?为(?:零|无)"
            )
            longest = max((len(v) for v in forms), default=0)
            if longest + ZERO_SLACK <= ZERO_RADIUS and not any("\x00" in v for v in forms):
                self._zero[key] = bool(pattern.search(self._zero_windows()))
            else:
                self._zero[key] = bool(pattern.search(self.text))
        return self._zero[key]

    def _zero_windows(self) -> str:
        """Every stretch of the text within ZERO_RADIUS of a 无/没有/为零, joined by NULs: a said_zero
        match holds one of them and is shorter than the radius, so searching these stretches finds
        what a search of the whole text finds, in a fraction of it (the text is searched once per
        identity part otherwise)."""
        if self._windows is None:
            spans: list[list[int]] = []
            for m in ZERO_ANCHOR.finditer(self.text):
                a, b = max(0, m.start() - ZERO_RADIUS), m.end() + ZERO_RADIUS
                if spans and a <= spans[-1][1]:
                    spans[-1][1] = max(spans[-1][1], b)
                else:
                    spans.append([a, b])
            self._windows = "\x00".join(self.text[a:b] for a, b in spans)
        return self._windows

    def slot(self, variants: tuple[str, ...], within: str) -> dict[GroupKey, list[Figure]]:
        got = self._slots.get((variants, within))
        if got is not None:
            return got
        out: dict[GroupKey, list[Figure]] = defaultdict(list)
        seen: set[int] = set()
        labels = {self.variant(v) for v in variants} - {""}
        # 会议费支出 is 会议费: a fee label may carry 支出 (the seed writes both)
        labels |= {lbl + "支出" for lbl in labels if lbl.endswith("费")}
        for label in sorted(labels):
            for f in self.by_label.get(label, []):
                if f.id not in seen:
                    seen.add(f.id)
                    out[self.group_key(f, within)].append(f)
        self._slots[(variants, within)] = out
        return out


class _Index:
    """The document's figures by canonical label (`_Static`), read at the figures' current values."""

    def __init__(self, static: _Static, extra: Decimal) -> None:
        self.static = static
        self.extra = extra
        self.title = static.title

    def fact(self, f: Figure, within: str) -> Fact:
        return self.static.fact(f, within)

    def said_zero(self, variants: tuple[str, ...]) -> bool:
        return self.static.said_zero(variants)

    def slot(self, variants: tuple[str, ...], within: str) -> dict[GroupKey, list[Figure]]:
        return self.static.slot(variants, within)

    # -- instances of an identity --------------------------------------------------------------
    def instances(self, ident: Identity) -> Iterator[Relation]:
        totals = self.slot(ident.total, ident.within)
        if not totals:
            return
        parts = [self.slot(p.variants, ident.within) for p in ident.parts]
        for key, total_figs in totals.items():
            rel = self.instance(ident, key, total_figs, parts)
            if rel is not None:
                yield rel

    def instance(
        self,
        ident: Identity,
        key: GroupKey,
        total_figs: list[Figure],
        parts: list[dict[GroupKey, list[Figure]]],
    ) -> Relation | None:
        """The identity over one group of figures, when it is to be checked there."""
        signed = any(p.sign < 0 for p in ident.parts)
        total = _one(total_figs)
        if total is None:
            return None  # the same total written with different values: the repeat rule's job
        members: list[tuple[str, Figure]] = [("total", total)]
        complete = True
        conflict = False
        required_missing = False
        maybe: list[int] = []  # members that are optional parts
        for p, by_key in zip(ident.parts, parts, strict=True):
            figs = by_key.get(key, [])
            if not figs:
                if p.variants[0] in ident.optional:
                    continue  # a part the report may leave out when it is nil (结余分配)
                zero = self.said_zero(p.variants)
                complete = complete and zero
                required_missing = required_missing or not zero
                continue
            fig = _one(figs)
            if fig is None:
                conflict = True
                break
            if p.variants[0] in ident.optional:
                maybe.append(len(members))
            members.append(("part" if p.sign > 0 else "minus", fig))
        present = len(members) - 1
        if conflict or present == 0 or (present < 2 and not complete):
            return None
        if required_missing and signed:
            return None  # with a subtracted part, a missing part can move the sum either way
        if len({f.id for _, f in members}) != len(members):
            return None
        if self.covered(members, ident.within):
            return None
        t = interval(total, self.extra)
        s = _sum(members, self.extra)
        if not complete and not s.lo > t.hi:
            return None  # parts missing: only parts that already exceed the total are wrong
        if self.another_reading_holds(members, maybe, t):
            return None  # the total may leave out an optional part the report writes (年终结转结余)
        required = [p for p in ident.parts if p.variants[0] not in ident.optional]
        if len(required) == 1 and len(members) == 2 and members[1][0] == "part" and s.hi < t.lo:
            # a one-part identity (收入总计 = 支出总计) is symmetric: put the larger side first
            members = [("total", members[1][1]), ("part", total)]
        return Relation(
            kind="identity",
            members=members,
            anchor=total.start,
            data={
                "code": ident.code,
                "name": f"{ident.formula()}［{ident.name}］",
                "complete": True,
                "identity": ident.name,
                "source": ident.source,
            },
        )

    def another_reading_holds(self, members: list[tuple[str, Figure]], maybe: list[int], t: Interval) -> bool:
        """An optional part that is written may or may not be inside the total (总决算: 支出总计 before
        or after 年终结转结余): the identity holds when any reading without some of them holds."""
        for n in range(1, len(maybe) + 1):
            for drop in combinations(maybe, n):
                kept = [m for i, m in enumerate(members) if i not in drop]
                if len(kept) > 1 and _sum(kept, self.extra).meets(t):
                    return True
        return False

    def covered(self, members: list[tuple[str, Figure]], within: str) -> bool:
        """The text itself states this breakdown (same total, these parts among its parts)."""
        if any(r == "minus" for r, _ in members):
            return False
        total = members[0][1]
        parts = {self.fact(f, "document") for r, f in members[1:]}
        return any(
            t.base_value == total.base_value and parts <= {self.fact(p, "document") for p in stated}
            for t, stated in self.static.stated(total)
        )


def _one(figs: list[Figure]) -> Figure | None:
    """The figure of a label in one group: the first, unless the group holds different values. A
    coarser repeat that rounds from the finest (0.19亿元 for 1,871.40万元) is the same value."""
    if len({f.base_value for f in figs}) > 1:
        finest = min(figs, key=lambda f: (interval(f).hi - interval(f).lo, f.start))
        fine = interval(finest)
        if all(interval(f).meets(fine) for f in figs):
            return finest
        return None
    return min(figs, key=lambda f: f.start)


def _sum(members: list[tuple[str, Figure]], extra: Decimal) -> Interval:
    s = Interval.point(Decimal(0))
    for role, f in members:
        if role == "part":
            s = s + interval(f, extra)
        elif role == "minus":
            s = s - interval(f, extra)
    return s
