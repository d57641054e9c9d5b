"""Percentage points: the difference of two shares or rates, read from one sentence.

"占比由上年2.35%降至2.08%，下降0.27个百分点", "占86.42%，比上年84.90%提高1.52个百分点" and "占90.00%，同比
增加1.80个百分点，上年该比重为88.20%" state a current share, a base share and their difference in points,
with a direction word. Each becomes a
`change` relation (current, base, difference), so the change check reports a wrong difference
(FL221) or a wrong direction (FL223). A points figure whose two shares are not both written in its
sentence is left alone: its base may be anywhere.
"""

from __future__ import annotations

import regex

from lint.model import Figure, Relation
from lint.vocab import Vocabulary, alternation

SENTENCE_STOP = regex.compile(r"[。！？!?\n；;]")
YEAR = r"\d{4}年度?"


class PointsReader:
    def __init__(self, vocab: Vocabulary) -> None:
        previous = [w for w, p in vocab.periods.items() if p == "previous"]
        # between base and current: "由A%降至B%" (the shares are next to each other but for the verb)
        self.moved = regex.compile(r"^\s*(?:的)?(?:" + alternation(vocab.points_moved_to) + r")\s*$")
        # between current and base: "B%，比上年A%" / "B%，较2023年的A%"
        self.compared = regex.compile(
            r"^\s*[，,]?\s*(?:"
            + alternation(vocab.points_compared_with)
            + r")\s*(?:"
            + alternation(previous)
            + rf"|{YEAR})?(?:的|同期)?\s*(?:占比|比重|比例)?(?:为|是)?\s*$"
        )
        # between current and base, naming the base by its period: "B%，上年为A%" / "B%。上年同类项目
        # 执行率为A%" (the base's own sentence, right after the current's)
        self.period_named = regex.compile(
            r"^\s*[，,。；;]?\s*(?:"
            + alternation(previous)
            + rf"|{YEAR})(?:同期)?(?P<noun>[^\d%。；;，,]{{0,12}}?)(?:的)?(?:为|是)\s*$"
        )
        # between the second share and the points: "，下降" / "提高" / "，比上年上升"
        self.lead = regex.compile(r"^[^%\d。；;]{0,12}$")

    def relations(self, text: str, figures: list[Figure]) -> list[Relation]:
        out: list[Relation] = []
        for i, d in enumerate(figures):
            if d.dimension != "points" or not d.direction or d.qualifiers.approx:
                continue
            pair = self._shares(text, figures, i) or self._base_after(text, figures, i)
            if pair is None:
                continue
            current, base = pair
            # a base read from the sentence after its current's is one inferred link
            crossed = bool(
                SENTENCE_STOP.search(text, min(current.end, base.end), max(current.start, base.start))
            )
            out.append(
                Relation(
                    "change",
                    [("current", current), ("base", base), ("difference", d)],
                    d.start,
                    certainty="inferred" if crossed else "explicit",
                )
            )
        return out

    def _base_after(self, text: str, figures: list[Figure], i: int) -> tuple[Figure, Figure] | None:
        """(current, base) around figures[i]: "比重为90.00%，同比增加0.80个百分点，上年该比重为88.20%" — the
        current share before the points, the base after them named by its period, in one sentence."""
        if i < 1 or i + 1 >= len(figures):
            return None
        b, d, a = figures[i - 1], figures[i], figures[i + 1]
        if a.dimension != "percent" or b.dimension != "percent" or a.qualifiers.approx or b.qualifiers.approx:
            return None
        if not self.lead.match(text[b.end : d.start]) or SENTENCE_STOP.search(text, b.end, a.start):
            return None
        return (b, a) if self.period_named.match(text[d.end : a.start]) else None

    def _shares(self, text: str, figures: list[Figure], i: int) -> tuple[Figure, Figure] | None:
        """(current, base): the two percent figures right before figures[i] in its sentence."""
        if i < 2:
            return None
        a, b, d = figures[i - 2], figures[i - 1], figures[i]
        if a.dimension != "percent" or b.dimension != "percent" or a.qualifiers.approx or b.qualifiers.approx:
            return None
        if not self.lead.match(text[b.end : d.start]) or SENTENCE_STOP.search(text, b.end, d.start):
            return None
        between = text[a.end : b.start]
        named = self.period_named.match(between)
        if SENTENCE_STOP.search(between):
            # "执行率98.0%。上年同类项目执行率为94.0%，提高4.0个百分点": across a stop only when the base
            # names the measure the current is written after
            noun = named.group("noun").rstrip("的") if named else ""
            lead = text[max(0, a.start - 12) : a.start]
            return (a, b) if len(noun) >= 2 and noun[-2:] in lead else None
        if self.moved.match(between):
            return b, a
        if self.compared.match(between) or named:
            return a, b
        return None
