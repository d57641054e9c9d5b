"""Blanks: a relation word followed by a unit and no number ("占 %", "增加万元"), a figure left out.
(Blank table cells are lint/structure/blanks.py.)

"比上年增加万元" is a placeholder where an amount was never filled in.
"""

from __future__ import annotations

from lint.model import Relation
from lint.structure.relations.base import RelationBase


class Blanks(RelationBase):
    """Placeholders where the wording states a relation but the number is missing."""

    # -- blanks ---------------------------------------------------------------------------
    def _blanks(self, text: str) -> list[Relation]:
        out: list[Relation] = []
        for m in self.blank_re.finditer(text):
            out.append(Relation("placeholder", [], m.start(), {"text": m.group(0).strip(), "end": m.end()}))
        return out
