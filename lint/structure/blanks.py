"""A figure the 说明 gives whose own table cell is left blank (issue 8 item 4).

"“三公”经费预算0.95万元" in the text while the 预算数 cell of the 三公 table is empty, "—" or "XX": the
table was never filled in, or the text speaks of money the table does not have. Only a cell identified
with certainty is read: the table is named by a [[table_slot]] of rules/hygiene.toml, the figure's
label is that slot's, and exactly one body cell of the table carries the slot's header and the
figure's stage (预算/决算) for the report year. A figure of 0 beside a blank cell agrees with it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import regex

from lint.model import Figure, Relation
from lint.readers.tables import is_blank
from lint.structure.tables import TableView
from lint.vocab import TableSlot

FOLD = regex.compile(r"[“”\"'‘’「」\s]")
# a header naming a stage: 预算数, 年初预算数, 2024年决算数, 上年决算, 全年预算
STAGE_WORD = regex.compile(
    r"^(?P<year>\d{4}年度?|本年度?|上年度?)?(?P<which>年初|全年|调整后?)?(?P<stage>预算|决算|执行|实际)(?:数|金额)?$"
)
TOTALS = ("小计", "合计")
PLACEHOLDER = regex.compile(r"^[XＸxｘ×]+$")


def fold(text: str) -> str:
    return FOLD.sub("", unicodedata.normalize("NFKC", text))


def _stage(word: str, year: int | None) -> tuple[str, bool] | None:
    """(stage kind, this year?) a header word names, or None when it names no stage."""
    m = STAGE_WORD.match(word)
    if m is None:
        return None
    y = m.group("year") or ""
    current = not y.startswith("上") and (not y[:4].isdigit() or year is None or int(y[:4]) == year)
    which = m.group("which") or ""
    stage = m.group("stage")
    if stage == "预算":
        kind = (
            "adjusted" if which.startswith(("全年", "调整")) else "initial" if which == "年初" else "budget"
        )
    else:
        kind = "final"
    return kind, current


def _fits(prose: str | None, cell: str) -> bool:
    """A figure's stage against a header's: a 预算 header holds any budget of the text unless it says
    which (年初 or 调整); 决算/执行/实际 hold the final figure."""
    if prose == "final":
        return cell == "final"
    if prose in ("initial", "adjusted", "budget"):
        return cell == "budget" or cell == prose
    return False


def _item(path: list[str]) -> str:
    """The header a column names its item by: the deepest one that is neither a stage nor a 小计
    (a 小计 stands for its parent), or the 合计 standing alone."""
    words = [fold(p) for p in path if p and _stage(fold(p), None) is None]
    while len(words) > 1 and words[-1] in TOTALS:
        words.pop()
    return words[-1] if words else ""


def _where(v: TableView, r: int, c: int) -> str:
    """表名「行｜列」 with the whole column path: "公务接待费/预算数", not the bare "预算数"."""
    g = v.group_of(c)
    row = v.display_label(g, r) if g else ""
    column = "/".join(dict.fromkeys(p for p in v.paths.get(c) or [] if p))
    return (
        f"{v.title or v.table.title or '表'}「{row}｜{column}」"
        if row
        else f"{v.title or v.table.title}「{column}」"
    )


def blank_cell_relations(
    views: list[TableView], figures: list[Figure], slots: list[TableSlot], year: int | None, final_doc: bool
) -> list[Relation]:
    """One relation per prose figure whose one cell is blank: (b = the figure), with where the cell is."""
    if not final_doc or not slots:
        return []
    out: list[Relation] = []
    folds: dict[str, str] = {}  # each distinct label, header and title folded once per document

    def folded(text: str) -> str:
        got = folds.get(text)
        if got is None:
            got = folds[text] = fold(text)
        return got

    # the prose figures a blank cell may stand for, indexed by label: every table looks up its own
    # slots' labels rather than scanning every figure (tables × figures grows with the square)
    eligible = [
        f
        for f in figures
        if f.table is None
        and f.role == "amount"
        and f.dimension == "money"
        and f.value != 0
        and not f.qualifiers.approx
        and f.qualifiers.period in (None, "current")
        and not f.placeholder
        and f.label
    ]
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(eligible):
        by_label[folded(f.label)].append(i)
    for v in views:
        title = folded(v.title or v.table.title)
        mine = [s for s in slots if folded(s.table) in title]
        if not mine or not v.body:
            continue
        # every body cell with the item it names and the stage it holds (from its column or its row)
        cells: list[tuple[str, str, bool, int, int]] = []
        # every headed column, not only the groups' value columns: a "—" or "XX" left in a column may
        # make the reader take it for the label column of a second group
        first = v.groups[0] if v.groups else None
        for c, path in sorted(v.paths.items()):
            item = _item(path)
            g = v.group_of(c) or first
            col_stages = [st for p in path if (st := _stage(folded(p), year))]
            for r in v.body:
                row_stage = _stage(folded(v.label(g, r)), year) if g is not None else None
                stages = col_stages + ([row_stage] if row_stage else [])
                if len(stages) == 1 and item:
                    cells.append((item, stages[0][0], stages[0][1], r, c))
        first_slot: dict[str, TableSlot] = {}  # the first of the table's slots for each label
        for slot in mine:
            first_slot.setdefault(folded(slot.label), slot)
        for i in sorted(i for label in first_slot for i in by_label.get(label, ())):
            f = eligible[i]
            q = f.qualifiers
            slot = first_slot[folded(f.label)]
            heads = {folded(h) for h in slot.headers}
            hits = [(r, c) for item, st, cur, r, c in cells if item in heads and cur and _fits(q.stage, st)]
            if len(hits) != 1:
                continue
            r, c = hits[0]
            row = v.table.cells[r]
            cell = row[c] if c < len(row) else None
            text = cell.text.strip() if cell is not None else ""
            if not (is_blank(text) or PLACEHOLDER.match(text)):
                continue
            out.append(
                Relation(
                    "table-blank",
                    [("b", f)],
                    f.start,
                    {"where": _where(v, r, c), "cell": text},
                )
            )
    return out
