"""A 预算/决算 comparison stated in words: "预算数30.00万元，决算数28.50万元，决算数大于预算数".

In a sentence that writes exactly one 预算 and one 决算 money figure, a phrase "决算数大于/小于/
与…持平 预算数" states which is larger. It becomes a `change` relation (current = 决算, base = 预算)
with the stated direction in `data`, so the change check reports a contradiction as FL223. Hedged
words (基本持平, 略高于) are not checked: they allow a small difference of any size the writer chose.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from lint.model import Figure, Relation
from lint.vocab import Vocabulary, alternation

SENTENCE = regex.compile(r"[^。！？!?\n]+")
BUDGET = ("budget", "initial", "adjusted")


class StatedComparisons:
    def __init__(self, vocab: Vocabulary) -> None:
        w = vocab.stated_comparison
        self.ok = all(w.get(k) for k in ("final", "budget", "greater", "less", "equal"))
        if not self.ok:
            return
        final, budget = alternation(w["final"]), alternation(w["budget"])
        hedge = alternation(w.get("hedged", [])) or "(?!)"
        verbs = "|".join(f"(?P<{k}>{alternation(w[k])})" for k in ("greater", "less", "equal"))
        # 决算数大于预算数 / 决算数与预算数持平 / 决算与年初预算一致
        self.phrase = regex.compile(
            rf"(?:{final})(?:数)?\s*(?:(?P<hedge1>{hedge})?(?:{verbs})\s*(?:{budget})"
            rf"|(?:与|和|同)\s*(?:{budget})(?:数)?\s*(?:(?P<hedge2>{hedge})?(?P<eq2>{alternation(w['equal'])})))"
        )

    def relations(self, text: str, figures: list[Figure]) -> list[Relation]:
        if not self.ok:
            return []
        out: list[Relation] = []
        starts = [f.start for f in figures]  # prose figures, in text order
        for s in SENTENCE.finditer(text):
            m = self.phrase.search(s.group(0))
            if m is None or m.group("hedge1") or m.group("hedge2"):
                continue
            # the figures of the sentence written before the phrase
            inside = figures[bisect_left(starts, s.start()) : bisect_left(starts, s.start() + m.start())]
            money = [
                f for f in inside if f.dimension == "money" and f.role == "amount" and not f.qualifiers.approx
            ]
            finals = [f for f in money if f.qualifiers.stage == "final"]
            budgets = [f for f in money if f.qualifiers.stage in BUDGET]
            if len(finals) != 1 or len(budgets) != 1 or len(money) != 2:
                continue
            direction = 1 if m.group("greater") else -1 if m.group("less") else 0
            word = m.group(0)
            out.append(
                Relation(
                    "change",
                    [("current", finals[0]), ("base", budgets[0])],
                    finals[0].start,
                    {"stated_direction": direction, "stated_word": word},
                )
            )
        return out
