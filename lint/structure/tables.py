"""Table relations: 合计/小计 rows and columns, the 科目编码 hierarchy, cross-table and prose repeats.

Only plausible structure becomes a relation, and a relation keeps the other plausible readings of its
table (``data["alternatives"]``: lists of parts); the check reports only when no reading adds up. A
header whose merged cells came out empty (a pipe table) is read both with the empty cells blank and
as continuations of their left neighbour; a 科目 row whose amount sits in the wrong column is read
with the amount where it sits. Caption rows inside the frame (the table's title, 部门：/单位：) are
not header levels. Attribute columns and rows (单位家数, 项目数, 指标值, 完成率) are never parts.

A table is split into *groups* (a two-sided table such
as 收入支出决算总表 has a 收入 group and a 支出 group), each with its name column, its 科目编码 columns and
its value columns. Empty cells are absent, never 0: a sum adds the members that are written.

Relation kinds made here (all checked by lint/checks/table.py):

- ``table-sum``: total/part; data code FL401 (合计/小计/总计 rows and columns), FL402 (类 = Σ款, 款 = Σ项)
  or FL406 (Σ得分 = 总分).
- ``table-repeat``: a/b, the same figure in two tables (FL403) or in the 说明 and a table (FL404).
- ``table-rate``: rate/actual/budget, an 执行率 column (FL405).
- ``table-score``: score/max, 得分 ≤ 分值 (FL406).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lint.extract.numbers import strip_numbering
from lint.extract.tables import NUMERIC, count_unit
from lint.model import Figure, Relation, Table
from lint.readers.tables import is_blank, is_numeric
from lint.tolerance import interval
from lint.vocab import fold_width

DIGITS = regex.compile(r"^\d{2,7}$")
CN_NUM = regex.compile(r"^[一二三四五六七八九十百]+[、.．]")
AR_NUM = regex.compile(r"^\d{1,2}[.、．](?!\d)")
PAREN_NUM = regex.compile(r"^[（(][一二三四五六七八九十\d]+[)）]")
TOTAL_WORD = regex.compile(r"(合计|总计|小计|总分)$")
CLASS_SUFFIX = regex.compile(r"[（(](类|款|项)[)）]$")
# "其中：购置费" beside 公务用车购置及运行维护费 is a sub-column of its left neighbour, not a part of 合计
NOT_PARTS = ("结转", "结余", "总计", "结余分配", "其中")
SPACE = regex.compile(r"\s+")
# rows of the header that are no header level: 部门：… 单位：万元 (a title row is found by its shape)
META_CELL = regex.compile(r"^(?:编制|填报|预算|主管)?(?:部门|单位|金额单位)[:：]")
# columns that hold attributes, not amounts: each indicator's own target (counts: extract.count_unit)
ATTR_HEAD = regex.compile(r"指标值|目标值|实际值|完成值|指标内容|评价标准|年度目标")
# rows that name an attribute of the whole, not a part of it
ATTR_ROW = regex.compile(r"(?:家数|个数|项目数|户数|次数|人数|人次|数量|面积)$|率$|比例|占比|指标")
FIRST_ORDINAL = regex.compile(r"^(?:一[、.．]|[（(]一[)）]|[（(]1[)）]|1[.、．](?!\d))")


QUOTE_CHARS = regex.compile(r"[“”\"‘’「」]")


@lru_cache(maxsize=16384)  # labels and headers recur across rows, tables and prose: fold each once
def norm(text: str) -> str:
    """Fold width, drop spaces and quotes: labels compared across tables and prose."""
    t = SPACE.sub("", fold_width(text))
    return QUOTE_CHARS.sub("", t)


def level_of(label: str) -> int:
    """Numbering level of a row label: 0 plain, 1 一、, 2 （一）, 3 1."""
    if CN_NUM.match(label):
        return 1
    if PAREN_NUM.match(label):
        return 2
    if AR_NUM.match(label):
        return 3
    return 0


def is_total(label: str) -> bool:
    return bool(TOTAL_WORD.search(label))


@dataclass
class Group:
    name_col: int | None
    code_cols: list[int]
    value_cols: list[int]


@dataclass
class TableView:
    index: int
    table: Table
    kind: str
    groups: list[Group]
    paths: dict[int, list[str]]
    cells: dict[tuple[int, int], Figure]
    body: range = field(default_factory=lambda: range(0))
    title: str = ""  # the table's title, or the caption row inside its frame
    # other plausible readings of the column headers (a pipe table's empty merged cells)
    alt_paths: list[dict[int, list[str]]] = field(default_factory=list)
    # row codes and the 类/款/项 index, built once per code columns: at 500 pages a figure × table × row
    # walk re-normalised every code (1.6 M calls)
    _codes: dict[tuple[int, ...], list[str]] = field(default_factory=dict, repr=False, compare=False)
    _paths: dict[tuple[int | None, tuple[int, ...]], dict[tuple[int, str], list[tuple[int, str]]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def label(self, g: Group, r: int) -> str:
        """The row's name in this group; a merged 合计 cell may sit in the code columns."""
        row = self.table.cells[r]
        cols = ([g.name_col] if g.name_col is not None else []) + g.code_cols
        for c in cols:
            cell = row[c] if c < len(row) else None
            t = norm(cell.text) if cell is not None else ""
            if t and not DIGITS.match(t) and t not in ("类", "款", "项"):
                return t
        return ""

    def display_label(self, g: Group, r: int) -> str:
        """The row's name for a message: 合计 | — | — … names its row further left than its name column."""
        label = self.label(g, r)
        if label and not is_blank(label) and not is_numeric(label):
            return label
        row = self.table.cells[r]
        for c in range(min(self.table.label_cols, len(row))):
            cell = row[c]
            t = norm(cell.text) if cell is not None else ""
            if t and not is_blank(t) and not is_numeric(t):
                return t
        return label

    def code(self, g: Group, r: int) -> str:
        """The row's 科目编码 (3, 5 or 7 digits) in this group's code columns, or ""."""
        key = tuple(g.code_cols)
        codes = self._codes.get(key)
        if codes is None:
            codes = self._all_codes(g)
            self._codes[key] = codes
        return codes[r] if 0 <= r < len(codes) else self._code(g, r)

    def _all_codes(self, g: Group) -> list[str]:
        """Every row's code, top to bottom. A 科目编码 split into 类 | 款 | 项 columns often writes only
        the row's own part (a 款 row leaves 类 blank, a 项 row 类 and 款): such a row inherits the blank
        leading parts from the nearest rows above that wrote them."""
        above: list[str] = [""] * len(g.code_cols)  # the part last written in each code column
        out: list[str] = []
        for r in range(len(self.table.cells)):
            texts = [self._code_text(r, c) for c in g.code_cols]
            first = next((i for i, t in enumerate(texts) if t), None)
            code = self._code(g, r)
            if first is not None and texts[first].isdigit():
                if first > 0 and len(texts[first]) <= 2 and all(above[:first]):
                    code = self._join(above[:first] + texts[first:]) or code
                for i in range(first, len(texts)):
                    above[i] = texts[i]
            elif first is None and not self.label(g, r):
                pass  # an empty row: the parts above still stand
            else:
                above = [""] * len(g.code_cols)  # a named row without a code (合计) ends the run
            out.append(code)
        return out

    def _code_text(self, r: int, c: int) -> str:
        cell = self.table.cells[r][c] if c < len(self.table.cells[r]) else None
        return norm(cell.text) if cell is not None else ""

    @staticmethod
    def _join(texts: list[str]) -> str:
        """Code column parts as one code ("" when a part is not digits or the length is no 科目 level)."""
        parts: list[str] = []
        for i, t in enumerate(texts):
            if not t:
                continue
            if i > 0 and parts and t.isdigit() and len(t) == 1:
                t = "0" + t  # a 款/项 column written without its leading zero (30102 as 301 | 2)
            if not DIGITS.match(t):
                return ""
            parts.append(t)
        code = "".join(parts)
        return code if len(code) in (3, 5, 7) else ""

    def coded_rows(self, g: Group, length: int, name: str) -> list[tuple[int, str]]:
        """Body rows (in order) whose code has `length` digits and whose class name is `name`."""
        key = (g.name_col, tuple(g.code_cols))
        index = self._paths.get(key)
        if index is None:
            index = {}
            for r in self.body:
                code = self.code(g, r)
                if code:
                    index.setdefault((len(code), _class_name(self.label(g, r))), []).append((r, code))
            self._paths[key] = index
        return index.get((length, name), [])

    def _code(self, g: Group, r: int) -> str:
        return self._join([self._code_text(r, c) for c in g.code_cols])

    def header(self, c: int) -> str:
        return "".join(self.paths.get(c, []))

    def where(self, r: int, c: int, g: Group | None = None) -> str:
        g = g or self.group_of(c)
        label = self.display_label(g, r) if g else ""
        code = self.code(g, r) if g else ""
        row = f"{code} {label}".strip() or f"第{r + 1}行"
        return f"{self.title or self.table.title or '表'}「{row}｜{self.column_name(c)}」"

    def column_name(self, c: int) -> str:
        """A column's header as a reader names it: its own cell, with the parent for a 小计/合计."""
        path = self.paths.get(c) or [""]
        return "".join(path[-2:]) if len(path) > 1 and is_total(path[-1]) else path[-1]

    def group_of(self, c: int) -> Group | None:
        return next((g for g in self.groups if c in g.value_cols), None)


# --- reading a table --------------------------------------------------------------------------

TABLE_KINDS = [
    ("三公", "sg"),
    ("政府性基金", ""),
    ("国有资本经营", ""),
    ("财政拨款收入支出决算总表", "czzb"),
    ("收入支出决算总表", "zb"),
    ("收入决算表", "sr"),
    ("一般公共预算财政拨款基本支出决算", "jb"),
    ("一般公共预算财政拨款支出决算表", "yb"),
    ("支出决算表", "zc"),
]


def table_kind(title: str) -> str:
    t = norm(title)
    for word, kind in TABLE_KINDS:
        if word in t:
            return kind
    return ""


def caption_rows(table: Table) -> tuple[int, str]:
    """Leading header rows that are captions inside the frame — the table's title (one text across
    the row) and the 部门：/单位： line — and the title they give, if any."""
    n, title = 0, ""
    for r in range(min(table.header_rows, table.n_rows)):
        texts = [norm(c.text) for c in table.cells[r] if c is not None]
        filled = {t for t in texts if t}
        if filled and any(META_CELL.match(t) for t in filled):
            n = r + 1
            continue
        if len(filled) == 1:
            only = next(iter(filled))
            if only.endswith("表") or (all(texts) and table.n_cols > 2):
                n, title = r + 1, title or only
                continue
        break
    return n, title


def _header_grid(table: Table, skip: int) -> list[list[str]]:
    """Per header row (captions skipped), each column's text. A merged (None) position continues the
    cell on its left when the rows above put both columns under one parent, else the cell above it
    (spans are rectangles: 会议费 spanning three rows is not part of 公务接待费 on its left)."""
    grid: list[list[str]] = []
    for r in range(skip, min(table.header_rows, table.n_rows)):
        row = table.cells[r]
        line: list[str] = []
        for c in range(table.n_cols):
            cell = row[c] if c < len(row) else None
            if cell is not None:
                line.append(norm(cell.text))
            elif c > 0 and all(above[c] == above[c - 1] for above in grid):
                line.append(line[c - 1])
            else:
                line.append(grid[-1][c] if grid else "")
        grid.append(line)
    return grid


def _paths(grid: list[list[str]], n_cols: int) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for c in range(n_cols):
        path: list[str] = []
        for line in grid:
            text = line[c]
            if text and (not path or path[-1] != text):
                path.append(text)
        out[c] = path
    return out


def header_paths(table: Table) -> dict[int, list[str]]:
    return _paths(_header_grid(table, caption_rows(table)[0]), table.n_cols)


def filled_paths(table: Table) -> dict[int, list[str]] | None:
    """The reading of a header without span information (a pipe table: no merged None cell, not a
    PDF, whose ruled cells show their merges) where an empty header cell continues its left neighbour
    under the same parent; None when the spans are known or no empty cell can be read so."""
    skip = caption_rows(table)[0]
    rows = range(skip, min(table.header_rows, table.n_rows))
    if table.page is not None or any(c is None for r in rows for c in table.cells[r][: table.n_cols]):
        return None  # the source marks its merged cells: the spans are known
    grid = _header_grid(table, skip)
    changed = False
    for i, line in enumerate(grid):
        written = list(line)
        for c in range(table.label_cols + 1, table.n_cols):  # never from a label column into a value one
            if written[c] or not line[c - 1]:
                continue
            if any(grid[k][c] != grid[k][c - 1] for k in range(i)):
                continue  # another parent above: the empty cell is not inside the left cell's span
            line[c] = line[c - 1]
            changed = True
    return _paths(grid, table.n_cols) if changed else None


def _column_kind(table: Table, c: int, path: list[str]) -> str:
    head = "".join(path)
    last = path[-1] if path else ""
    if "编码" in head or last in ("类", "款", "项"):
        return "code"
    if (
        c < table.label_cols
        or last in ("项目", "科目名称", "名称", "单位名称", "序号", "备注")
        or head.endswith("项目")
    ):
        return "name"
    texts: list[str] = []
    for row in table.cells[table.header_rows :]:
        cell = row[c] if c < len(row) else None
        if cell is not None and cell.text.strip():
            texts.append(norm(cell.text))
    if texts and not any(NUMERIC.match(t) for t in texts):
        return "name"
    return "value"


def view(index: int, table: Table, figures: Iterable[Figure]) -> TableView:
    paths = header_paths(table)
    groups = _groups(table, paths)
    filled = filled_paths(table)
    alt = [filled] if filled is not None and filled != paths else []
    cells = {(f.table[1], f.table[2]): f for f in figures if f.table is not None and f.table[0] == index}
    caption = caption_rows(table)[1]
    title = table.title if table.title.strip().endswith("表") or not caption else caption
    return TableView(
        index,
        table,
        table_kind(title or table.title),
        groups,
        paths,
        cells,
        range(table.header_rows, table.n_rows),
        title,
        alt,
    )


def _groups(table: Table, paths: dict[int, list[str]]) -> list[Group]:
    groups: list[Group] = []
    cur: Group | None = None
    for c in range(table.n_cols):
        kind = _column_kind(table, c, paths[c])
        if kind in ("code", "name"):
            if cur is None or cur.value_cols:
                cur = Group(None, [], [])
                groups.append(cur)
            if kind == "code":
                cur.code_cols.append(c)
            else:
                cur.name_col = c
        else:
            if cur is None:
                cur = Group(None, [], [])
                groups.append(cur)
            cur.value_cols.append(c)
    return groups


def views(tables: list[Table], figures: list[Figure]) -> list[TableView]:
    by_table: dict[int, list[Figure]] = {}
    for f in figures:
        if f.table is not None:
            by_table.setdefault(f.table[0], []).append(f)
    return [view(i, t, by_table.get(i, [])) for i, t in enumerate(tables)]


# --- relations --------------------------------------------------------------------------------


def _sum(
    total: Figure, parts: list[Figure], code: str, what: str, alternatives: Iterable[list[Figure]] = ()
) -> Relation:
    """total = Σ parts; `alternatives` are the parts under the table's other plausible readings."""
    data: dict[str, object] = {"code": code, "what": what}
    seen = [[id(p) for p in parts]]
    alts: list[list[Figure]] = []
    for alt in alternatives:
        if alt and (key := [id(p) for p in alt]) not in seen:
            seen.append(key)
            alts.append(alt)
    if alts:
        data["alternatives"] = alts
    return Relation("table-sum", [("total", total)] + [("part", p) for p in parts], total.start, data)


def _is_money(f: Figure) -> bool:
    return f.dimension != "percent"


def _code_of_column(v: TableView, c: int) -> str:
    head = v.header(c)
    return "FL406" if ("得分" in head or "分值" in head) else "FL401"


def attribute_column(v: TableView, c: int) -> bool:
    """A column of each row's own target or indicator value (指标值, 目标值): never a breakdown."""
    return bool(ATTR_HEAD.search(v.header(c)))


def count_column(v: TableView, c: int) -> bool:
    path = v.paths.get(c, [])
    return bool(path) and count_unit(path[-1]) is not None


def attribute_row(label: str) -> bool:
    """A row naming an attribute of the whole (单位家数, 项目数, 完成率, 指标…), not a part of it."""
    return bool(label) and bool(ATTR_ROW.search(CLASS_SUFFIX.sub("", strip_numbering(label))))


def _row_figures(v: TableView, r: int) -> list[tuple[int, Figure]]:
    return sorted((c, f) for (rr, c), f in v.cells.items() if rr == r)


def _unreadable(v: TableView, r: int, c: int) -> bool:
    """The cell holds text that is no single number (an amount doubled or run together with its
    neighbour by the reader): the row's amount is unknown, not absent."""
    row = v.table.cells[r]
    cell = row[c] if c < len(row) else None
    return cell is not None and not is_blank(cell.text) and (r, c) not in v.cells


def _shifted(v: TableView, rows: list[int], c: int, parents: list[int]) -> list[Figure] | None:
    """The members' amounts for column c where a member row without a figure in c has exactly one
    figure elsewhere in its row, in a column where no parent row has one (a misread row shifted into
    the next column); None when no member is shifted."""
    out: list[Figure] = []
    moved = False
    for r in rows:
        f = v.cells.get((r, c))
        if f is None:
            figs = _row_figures(v, r)
            if len(figs) == 1 and not any((p, figs[0][0]) in v.cells for p in parents):
                f, moved = figs[0][1], True
        if f is not None:
            out.append(f)
    return out if moved else None


def row_sums(v: TableView) -> list[Relation]:
    out: list[Relation] = []
    for g in v.groups:
        rows = [r for r in v.body]
        labels = {r: v.label(g, r) for r in rows}
        codes = {r: v.code(g, r) for r in rows}
        coded = any(codes.values())
        totals = [r for r in rows if is_total(labels[r]) and not codes[r]]
        for c in g.value_cols:
            if attribute_column(v, c):
                continue
            for t in totals:
                tf = v.cells.get((t, c))
                if tf is None or (not _is_money(tf) and "得分" not in v.header(c)):
                    continue
                members = _members(v, g, rows, totals, t, labels, codes, coded)
                if members is None or any(_unreadable(v, r, c) for r in members):
                    continue
                parts = [v.cells[(r, c)] for r in members if (r, c) in v.cells]
                alt = _shifted(v, members, c, [t]) if coded else None
                if parts or alt:
                    out.append(_sum(tf, parts or alt or [], _code_of_column(v, c), "row", [alt or []]))
                    continue
            for t in totals:
                # un-numbered rows: every nesting they may have
                tf = v.cells.get((t, c))
                if tf is None or not _is_money(tf) or coded or attribute_row(labels[t]):
                    continue
                if "得分" in v.header(c) or "分值" in v.header(c):
                    continue  # a 自评表's rows do not nest: lint/structure/scores.py sums them flat
                if _members(v, g, rows, totals, t, labels, codes, coded) is not None:
                    continue
                readings = [
                    parts
                    for m in _nesting_readings(v, g, rows, totals, t, labels)
                    if not any(_unreadable(v, r, c) for r in m)
                    and (parts := [v.cells[(r, c)] for r in m if (r, c) in v.cells])
                ]
                if readings:
                    out.append(_sum(tf, readings[0], _code_of_column(v, c), "row", readings[1:]))
            if not coded and not count_column(v, c):
                out.extend(_nested(v, g, rows, totals, labels, c))
    return out


def _scope(rows: list[int], totals: list[int], t: int) -> list[int]:
    """Rows a total covers: those after the previous total, or below it when it heads the group."""
    before = [r for r in totals if r < t]
    first_body = next((r for r in rows if r not in totals), None)
    if first_body is not None and t < first_body and not before:
        after = [r for r in totals if r > t]
        end = after[0] if after else rows[-1] + 1
        return [r for r in rows if t < r < end]
    start = before[-1] if before else -1
    return [r for r in rows if start < r < t]


def _members(
    v: TableView,
    g: Group,
    rows: list[int],
    totals: list[int],
    t: int,
    labels: dict[int, str],
    codes: dict[int, str],
    coded: bool,
) -> list[int] | None:
    label = labels[t]
    if attribute_row(label):
        return None
    if coded and not label.endswith("总计"):
        scope = _scope(rows, totals, t)
        lens = [len(codes[r]) for r in scope if codes[r]]
        if not lens or any(not codes[r] and labels[r] for r in scope):
            return None
        top = min(lens)
        heads = {codes[r] for r in scope if len(codes[r]) == top}
        if any(codes[r] and codes[r][:top] not in heads for r in scope):
            return None  # a sub-item whose 类 is not listed: the table is an excerpt
        return [r for r in scope if len(codes[r]) == top]
    if coded:
        return None
    if label.endswith("总计"):
        before = [r for r in totals if r < t]
        if not before:
            scope = [r for r in rows if r < t]  # 收入总计 under its own items, no 合计 row
        else:
            prev = before[-1]
            if labels[prev].endswith("总计"):
                return None
            earlier = [r for r in before if labels[r].endswith("总计")]
            start = earlier[-1] if earlier else -1
            if any(start < r < prev for r in totals):
                return None  # several 合计 rows before one 总计: not clear which add up
            scope = [prev] + [r for r in rows if prev < r < t]
    else:
        if any(labels[r].endswith("小计") for r in totals if r < t) and label.endswith("合计"):
            return None
        scope = _scope(rows, totals, t)
    written = [r for r in scope if labels[r] or any((r, c) in v.cells for c in g.value_cols)]
    if not written or any(not labels[r] for r in written):
        return None
    top = level_of(labels[written[0]])
    if top == 0 and not (label.endswith("总计") and is_total(labels[written[0]])):
        return None  # un-numbered rows may nest (基本支出 / 人员经费 / 公用经费): not clear which add up
    members = [r for r in written if level_of(labels[r]) == top]
    return None if any(attribute_row(labels[r]) for r in members) else members


QIZHONG = regex.compile(r"^其中[:：]?")
MAX_NESTED_ROWS = 10  # 2^(n−1) readings; a longer un-numbered list is left unread


def _nesting_readings(
    v: TableView, g: Group, rows: list[int], totals: list[int], t: int, labels: dict[int, str]
) -> list[list[int]]:
    """Member rows of a total over un-numbered rows, whose nesting the text does not show (合计 /
    基本支出 / 人员经费 / 公用经费 / 项目支出; 公务用车购置及运行维护费 / 其中：购置费 / 运行维护费).
    Whatever the nesting, the total's members are the first row and some later rows (each other row
    sits under the nearest member above it), never a 其中 row: every such set is a reading, the flat
    one first. [] when a row is unnamed, numbered or an attribute, or the list is too long."""
    if labels[t].endswith("总计"):
        return []
    scope = _scope(rows, totals, t)
    written = [r for r in scope if labels[r] or any((r, c) in v.cells for c in g.value_cols)]
    if not written or any(not labels[r] or level_of(labels[r]) or attribute_row(labels[r]) for r in written):
        return []
    if QIZHONG.match(labels[written[0]]) or len(written) > MAX_NESTED_ROWS:
        return []
    rest = [r for r in written[1:] if not QIZHONG.match(labels[r])]
    out: list[list[int]] = []
    for k in range(len(rest), -1, -1):
        for chosen in itertools.combinations(rest, k):
            out.append([written[0], *chosen])
    return out


def _nested(
    v: TableView, g: Group, rows: list[int], totals: list[int], labels: dict[int, str], c: int
) -> list[Relation]:
    """一、财政拨款收入 followed by 1.一般公共预算资金 2.…: the parent is the sum of its numbered children.

    A plain row is the parent of a numbered list only when the list starts right below it (一、 or
    （一） or 1.): in 一、基本支出 / 人员经费 / 公用经费 / 二、项目支出 the 二、 continues the list above."""
    out: list[Relation] = []
    labelled = [r for r in rows if labels[r]]
    for i, r in enumerate(labelled):
        lv = level_of(labels[r])
        children: list[int] = []
        for r2 in labelled[i + 1 :]:
            lv2 = level_of(labels[r2])
            if r2 in totals or lv2 == 0 or (lv2 <= lv and lv != 0):
                break
            if lv == 0 and lv2 != level_of(labels[labelled[i + 1]]):
                continue
            if lv == 0 or lv2 > lv:
                children.append(r2)
        if lv == 0 and r not in totals and children and level_of(labels[children[0]]) == 1:
            if i > 0 and level_of(labels[labelled[i - 1]]) == 1 and labelled[i - 1] not in totals:
                continue  # a plain row inside a numbered list: not a parent
            if not FIRST_ORDINAL.match(labels[children[0]]):
                continue  # the list began above the plain row: its next item is no child of it
        elif lv == 0:
            continue
        direct = (
            [x for x in children if level_of(labels[x]) == level_of(labels[children[0]])] if children else []
        )
        if attribute_row(labels[r]) or any(attribute_row(labels[x]) for x in direct):
            continue
        tf = v.cells.get((r, c))
        parts = [v.cells[(x, c)] for x in direct if (x, c) in v.cells]
        if tf is not None and parts and _is_money(tf):
            out.append(_sum(tf, parts, "FL401", "row"))
    return out


def hierarchy_sums(v: TableView) -> list[Relation]:
    out: list[Relation] = []
    for g in v.groups:
        coded = [(r, v.code(g, r)) for r in v.body]
        coded = [(r, code) for r, code in coded if code]
        if not coded:
            continue
        inside = range(coded[0][0], coded[-1][0] + 1)
        if any(v.label(g, r) and not v.code(g, r) and not is_total(v.label(g, r)) for r in inside):
            continue  # a named row without a readable code among coded rows: the hierarchy is unclear
        for r, code in coded:
            longer = [(r2, c2) for r2, c2 in coded if c2.startswith(code) and len(c2) > len(code)]
            if not longer:
                continue
            step = min(len(c2) for _, c2 in longer)
            if step != len(code) + 2:
                continue  # a level is skipped (201 → 2010601): an excerpt, not the hierarchy
            children = [r2 for r2, c2 in longer if len(c2) == step]
            for c in g.value_cols:
                tf = v.cells.get((r, c))
                if tf is None or not _is_money(tf) or attribute_column(v, c):
                    continue
                if any(_unreadable(v, x, c) for x in children):
                    continue  # a sub-item's amount is there but unreadable: nothing to compare
                parts = [v.cells[(x, c)] for x in children if (x, c) in v.cells]
                alt = _shifted(v, children, c, [r])
                if parts or alt:
                    out.append(_sum(tf, parts or alt or [], "FL402", "code", [alt or []]))
    return out


def column_sums(v: TableView) -> list[Relation]:
    """合计/小计 columns. Each plausible reading of the header gives its members; the relation is
    written with the first reading that has some and keeps the others as alternatives."""
    out: list[Relation] = []
    readings = [*v.alt_paths, v.paths]  # a header without spans reads best with its merges filled in
    for g in v.groups:
        for t in g.value_cols:
            if attribute_column(v, t):
                continue
            options = [m for paths in readings if (m := _column_members(v, g, t, paths))]
            if not options:
                continue
            for r in v.body:
                tf = v.cells.get((r, t))
                if tf is None or not _is_money(tf):
                    continue
                sets = [[v.cells[(r, c)] for c in m if (r, c) in v.cells] for m in options]
                sets = [p for p in sets if p and all(x.dimension == tf.dimension for x in p)]
                if sets:
                    out.append(_sum(tf, sets[0], _code_of_column(v, t), "column", sets[1:]))
    return out


def _column_members(v: TableView, g: Group, t: int, paths: dict[int, list[str]]) -> list[int] | None:
    path = paths.get(t, [])
    k = next((i for i, p in enumerate(path) if TOTAL_WORD.search(p) and not p.endswith("总计")), None)
    if k is None:
        return None
    prefix, suffix = path[:k], path[k + 1 :]
    stem = TOTAL_WORD.sub("", path[k])
    word = "收入" if "收入" in stem else "支出" if "支出" in stem else ""
    by_key: dict[str, list[int]] = {}
    for c in g.value_cols:
        p = paths.get(c, [])
        if c == t or "%" in "".join(p) or "率" in "".join(p):
            continue
        if p[: len(prefix)] != prefix or len(p) <= len(prefix) + len(suffix):
            continue
        if suffix and p[len(p) - len(suffix) :] != suffix:
            continue
        by_key.setdefault(p[len(prefix)], []).append(c)
    members: list[int] = []
    for key, cols in by_key.items():
        if any(w in key for w in NOT_PARTS) or TOTAL_WORD.search(key):
            if TOTAL_WORD.search(key):
                return None
            continue
        if word and word not in key:
            return None
        if ATTR_HEAD.search(key) or count_unit(key) is not None:
            continue  # an attribute beside the amounts (单位家数, 人数, 指标值): never a part
        exact = [c for c in cols if len(paths[c]) == len(prefix) + 1 + len(suffix)]
        sub = [
            c
            for c in cols
            if len(paths[c]) == len(prefix) + 2 + len(suffix) and TOTAL_WORD.search(paths[c][len(prefix) + 1])
        ]
        if len(exact) == 1 and not sub:
            members.append(exact[0])
        elif len(sub) == 1 and not exact:
            members.append(sub[0])
        else:
            return None
    return members if len(members) >= 2 else None


def rate_columns(v: TableView) -> list[Relation]:
    out: list[Relation] = []
    for g in v.groups:
        cols = rate_cols(v, g)
        if cols is None:
            continue
        rate, actual, b = cols
        for r in v.body:
            rf, af, bf = v.cells.get((r, rate)), v.cells.get((r, actual)), v.cells.get((r, b))
            if rf is not None and af is not None and bf is not None:
                out.append(
                    Relation(
                        "table-rate",
                        [("rate", rf), ("actual", af), ("budget", bf)],
                        rf.start,
                        {"code": "FL405"},
                    )
                )
    return out


def rate_cols(v: TableView, g: Group) -> tuple[int, int, int] | None:
    """(执行率, 执行数, 全年预算数) columns of a group, when it has exactly one of each."""
    rates = [c for c in g.value_cols if "执行率" in v.header(c) or "完成率" in v.header(c)]
    if len(rates) != 1:
        return None
    budget = [
        c for c in g.value_cols if "预算" in v.header(c) and c not in rates and "执行" not in v.header(c)
    ]
    actual = [
        c
        for c in g.value_cols
        if c not in rates and any(w in v.header(c) for w in ("执行数", "决算数", "实际"))
    ]
    if len(actual) != 1 or not budget:
        return None
    b = (
        max(budget)
        if len(budget) > 1 and any("调整" in v.header(x) or "全年" in v.header(x) for x in budget)
        else None
    )
    if b is None:
        if len(budget) != 1:
            return None
        b = budget[0]
    return rates[0], actual[0], b


CHANGE_HEAD = ("增减", "增长", "变动", "同比", "增幅", "降幅")
RATE_HEAD = ("率", "%", "％", "幅")
BASE_HEAD = ("上年", "上期", "同期")
CURRENT_HEAD = ("执行", "决算", "实际", "完成")


def _amount_col(v: TableView, c: int) -> str | None:
    """The one dimension of a column of amounts (money, or bare numbers under a 单位 line); None for
    percentages, counts or a mix."""
    dims = {f.dimension for (r, cc), f in v.cells.items() if cc == c and r in v.body}
    return dims.pop() if len(dims) == 1 and dims <= {"money", "number"} else None


def _change_pair(v: TableView, amounts: list[int], diff: int | None) -> tuple[int, int] | None:
    """(current, base) columns: with an 增减额 column, the one ordered pair whose difference is that
    column in every row that writes all three (at least two); without one, the two amount columns,
    the base named 上年 (or 预算 beside 决算/执行)."""
    if diff is None:
        based = [c for c in amounts if any(w in v.header(c) for w in BASE_HEAD)]
        rest = [c for c in amounts if c not in based]
        if len(rest) > 1:
            # "调整预算数 | 执行数 | 上年执行数": the current is the one actual column
            rest = [c for c in rest if any(w in v.header(c) for w in CURRENT_HEAD)]
        if len(based) != 1 or len(rest) != 1:
            return None
        return rest[0], based[0]
    fits = []
    for cur, base in itertools.permutations(amounts, 2):
        rows = [
            (cf, bf, df)
            for r in v.body
            if (cf := v.cells.get((r, cur))) is not None
            and (bf := v.cells.get((r, base))) is not None
            and (df := v.cells.get((r, diff))) is not None
        ]
        if len(rows) >= 2 and all((interval(c) - interval(b)).meets(interval(d)) for c, b, d in rows):
            fits.append((cur, base))
    return fits[0] if len(fits) == 1 else None


def change_columns(v: TableView) -> list[Relation]:
    """ "| 项目 | 年初预算 | 决算 | 比预算增减 | 增减率 |": each row's 增减率 = 增减 ÷ the base column. The
    base is the column the 增减 column is the difference from (found by the figures, not guessed), or,
    without one, the column headed 上年. Inferred: the header names no base."""
    out: list[Relation] = []
    for g in v.groups:
        heads = {c: v.header(c) for c in g.value_cols}
        changing = [c for c, h in heads.items() if any(w in h for w in CHANGE_HEAD)]
        rates = [c for c in changing if any(w in heads[c] for w in RATE_HEAD)]
        diffs = [c for c in changing if c not in rates and _amount_col(v, c)]
        if len(rates) != 1 or len(diffs) > 1:
            continue
        dim = _amount_col(v, diffs[0]) if diffs else None
        amounts = [
            c for c in g.value_cols if c not in changing and (d := _amount_col(v, c)) and d == (dim or d)
        ]
        pair = _change_pair(v, amounts, diffs[0] if diffs else None)
        if pair is None:
            continue
        for r in v.body:
            rf = v.cells.get((r, rates[0]))
            cf, bf = v.cells.get((r, pair[0])), v.cells.get((r, pair[1]))
            if rf is None or rf.dimension != "percent" or cf is None or bf is None:
                continue
            members = [("current", cf), ("base", bf)]
            df = v.cells.get((r, diffs[0])) if diffs else None
            if df is not None:
                members.append(("difference", df))
            members.append(("rate", rf))
            out.append(Relation("change", members, rf.start, {"direction": 0, "table": True}, "inferred"))
    return out


def score_columns(v: TableView) -> list[Relation]:
    out: list[Relation] = []
    for g in v.groups:
        maxes = [c for c in g.value_cols if v.header(c).endswith("分值")]
        scores = [c for c in g.value_cols if v.header(c).endswith("得分")]
        if len(maxes) != 1 or len(scores) != 1:
            continue
        for r in v.body:
            sf, mf = v.cells.get((r, scores[0])), v.cells.get((r, maxes[0]))
            if sf is not None and mf is not None:
                out.append(Relation("table-score", [("score", sf), ("max", mf)], sf.start, {"code": "FL406"}))
    return out


# --- facts shared between tables and the 说明 ---------------------------------------------------


def _class_name(label: str) -> str:
    return CLASS_SUFFIX.sub("", strip_numbering(label))


def facts(v: TableView) -> dict[str, Figure]:
    """Figures with a meaning fixed by the 决算 table they sit in: key → figure."""
    out: dict[str, Figure] = {}

    def col_named(g: Group, *names: str) -> int | None:
        hits = [c for c in g.value_cols if v.paths.get(c) and v.paths[c][-1] in names]
        return hits[0] if len(hits) == 1 else None

    def put(key: str, r: int, c: int | None) -> None:
        if c is None:
            return
        f = v.cells.get((r, c))
        if f is not None and key not in out:
            out[key] = f

    if v.kind in ("zb", "czzb"):
        for gi, g in enumerate(v.groups[:2]):
            side = "收入" if gi == 0 else "支出"
            if not g.value_cols:
                continue
            first = g.value_cols[0]
            for r in v.body:
                label = strip_numbering(v.label(g, r))
                if not label:
                    continue
                if v.kind == "zb":
                    if label == "总计":
                        put(f"zb:{side}总计", r, first)
                    elif label in ("本年收入合计", "本年支出合计"):
                        put(label, r, first)
                    elif side == "收入":
                        put(f"收入:{label}", r, first)
                    else:
                        put(f"类:{_class_name(label)}", r, first)
                else:
                    yb = col_named(g, "一般公共预算财政拨款") if side == "支出" else first
                    if label == "总计":
                        put(f"czzb:{side}总计", r, first)
                    elif side == "支出" and label == "本年支出合计":
                        put("ybgg合计", r, yb)
                    elif side == "支出" and level_of(v.label(g, r)) == 1:
                        put(f"ybgg类:{_class_name(label)}", r, yb)
    elif v.kind in ("sr", "zc", "yb"):
        for g in v.groups:
            totals = [r for r in v.body if v.label(g, r) == "合计"]
            if len(totals) != 1:
                continue
            t = totals[0]
            for c in g.value_cols:
                head = v.paths[c][-1] if v.paths.get(c) else ""
                if v.kind == "sr":
                    put("本年收入合计" if head == "本年收入合计" else f"收入:{head}", t, c)
                elif v.kind == "zc":
                    put("本年支出合计" if head == "本年支出合计" else f"zc:{head}", t, c)
                else:
                    put("ybgg合计" if head == "合计" else f"ybgg:{head}", t, c)
            main = col_named(g, "本年支出合计" if v.kind == "zc" else "合计")
            if v.kind in ("zc", "yb"):
                for r in v.body:
                    if len(v.code(g, r)) == 3:
                        put(f"{'类' if v.kind == 'zc' else 'ybgg类'}:{_class_name(v.label(g, r))}", r, main)
    elif v.kind == "jb":
        for g in v.groups:
            for r in v.body:
                label = v.label(g, r)
                if label in ("人员经费合计", "公用经费合计") and g.value_cols:
                    put(f"jb:{label.removesuffix('合计')}", r, g.value_cols[0])
    return out


PROSE_KEYS: list[tuple[str, str, bool]] = [
    # (label, fact key, label may carry a prefix such as the unit's name)
    ("财政拨款收入支出总计", "czzb:收入总计", True),
    ("收入支出总计", "zb:收入总计", True),
    ("收入合计", "本年收入合计", False),
    ("本年收入合计", "本年收入合计", False),
    ("支出合计", "本年支出合计", False),
    ("本年支出合计", "本年支出合计", False),
    ("财政拨款收入", "收入:财政拨款收入", False),
    ("其他收入", "收入:其他收入", False),
    ("基本支出", "zc:基本支出", False),
    ("项目支出", "zc:项目支出", False),
    ("一般公共预算财政拨款支出", "ybgg合计", False),
    ("一般公共预算财政拨款基本支出", "ybgg:基本支出", False),
    ("人员经费", "jb:人员经费", False),
    ("公用经费", "jb:公用经费", False),
]


def prose_key(label: str) -> str | None:
    lab = norm(label)
    for name, key, prefixed in PROSE_KEYS:
        if lab == name or (prefixed and lab.endswith(name)):
            return key
    if (CLASS_SUFFIX.search(lab) and lab.endswith("(类)")) or lab.endswith("（类）"):
        return f"ybgg类:{_class_name(lab)}"
    return None


CROSS_PAIRS = ["本年收入合计", "本年支出合计", "ybgg合计", "ybgg:基本支出"]


def repeat_relations(vs: list[TableView], figures: list[Figure], final_doc: bool) -> list[Relation]:
    out: list[Relation] = []
    seen: dict[str, Figure] = {}
    for v in vs:
        for key, f in facts(v).items():
            other = seen.get(key)
            if other is None:
                seen[key] = f
                continue
            if other.table is not None and f.table is not None and other.table[0] != f.table[0]:
                out.append(
                    Relation("table-repeat", [("a", other), ("b", f)], f.start, {"code": "FL403", "key": key})
                )
    if not final_doc:
        return out
    for f in figures:
        if f.table is not None or f.role != "amount" or f.dimension != "money" or f.qualifiers.approx:
            continue
        q = f.qualifiers
        if q.stage not in (None, "final") or q.period not in (None, "current") or f.scoped:
            continue
        pkey = prose_key(f.label)
        cell = seen.get(pkey) if pkey is not None else None
        # "非财政拨款资金……本年收入35.20万元": a fund its sentence gives (not its own label) makes it
        # that fund's 本年收入, not the all-fund row of the table
        if q.fund is not None and q.fund not in norm(f.label):
            continue
        if pkey is not None and cell is not None:
            out.append(
                Relation("table-repeat", [("a", cell), ("b", f)], f.start, {"code": "FL404", "key": pkey})
            )
    return out


# --- 科目 paragraphs of the 说明 ------------------------------------------------------------------
# 1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。…全年预算为52.00万元，支出决算为51.32万元
# 1.“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元 (a 预算 document)

PATH_CLASSED = regex.compile(r"^(.+?)[（(]类[)）](.+?)[（(]款[)）](.+?)[（(]项[)）]")
NAME = r"([^\d\-—“”\"，,。：:；;]+?)"
PATH_DASHED = regex.compile(rf"^[“\"]?{NAME}[-—]+{NAME}[-—]+{NAME}(?:[”\"]|(?=科目|[，,。：:；;]|\d))")
# the phrase right before an item's figure, when it names nothing but a stage: 支出决算为, 2024年预算安排
STAGE_CUE = regex.compile(
    r"^(?:\d{4}年度?|本年度?|当年|上年度?)*(?:年初|全年|调整后?)?"
    r"(?:支出决算|决算|预算安排|预算执行|预算|执行)(?:数|金额)?(?:为|是|:)?$"
)
FUND_WORDS = regex.compile(r"一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款")
TOTAL_COLUMN = regex.compile(
    r"^(?:本年|上年)?(?:支出)?(?:合计|小计|总计)$|^(?:本年|上年)?(?:年初|全年|调整后?)?(?:预算|决算|支出决算|执行)数?$"
)
OTHER_FUNDS = ("政府性基金", "国有资本")


@lru_cache(maxsize=4096)  # asked for every prose figure's label and heading line, which recur
def item_path(title: str) -> tuple[str, ...]:
    """The 类/款/项 names an item heading is about, or () when it names no whole 科目 path (a 项 name
    cut short ends neither with （项） nor with a closing quote or punctuation)."""
    t = strip_numbering(fold_width(title).strip())
    m = PATH_CLASSED.match(norm(t))
    if m is None:
        m = PATH_DASHED.match(SPACE.sub("", t))
    if m is None:
        return ()
    return tuple(_class_name(norm(p)) for p in m.groups())


def _row_name(v: TableView, g: Group, r: int) -> str:
    return _class_name(v.label(g, r))


def resolve_path(v: TableView, g: Group, path: tuple[str, ...]) -> int | None:
    """The row of a 类/款/项 path, walking the 科目编码 hierarchy; None when absent or ambiguous."""
    prefix, row = "", None
    for depth, name in enumerate(path):
        hits = [r for r, code in v.coded_rows(g, 3 + 2 * depth, name) if code.startswith(prefix)]
        if len(hits) != 1:
            return None
        row, prefix = hits[0], v.code(g, hits[0])
    return row


def column_stage(header: str, doc_stage: str | None) -> tuple[str | None, str]:
    """(stage, period) a value column holds: 年初预算 → initial, 全年/调整预算 → adjusted, 决算 → final."""
    h = FUND_WORDS.sub("", header)
    period = "previous" if "上年" in h else "current"
    if "年初" in h:
        return "initial", period
    if "全年" in h or "调整" in h:
        return "adjusted", period
    if "决算" in h or "执行" in h or "实际" in h:
        return "final", period
    if "预算" in h:
        return ("budget" if doc_stage == "budget" else None), period
    return doc_stage, period


def stage_column(v: TableView, g: Group, stage: str, period: str, doc_stage: str | None) -> int | None:
    """The one column of a group holding a row's whole amount for a stage and period."""
    hits = [
        c
        for c in g.value_cols
        if v.paths.get(c)
        and TOTAL_COLUMN.match(v.paths[c][-1])
        and column_stage(v.header(c), doc_stage) == (stage, period)
    ]
    return hits[0] if len(hits) == 1 else None


def _spending(title: str) -> bool:
    t = norm(title)
    return "支出" in t and "收入" not in t and not any(w in t for w in ("基本支出", "经济分类", "三公"))


def item_cells(
    vs: list[TableView], path: tuple[str, ...], stage: str, period: str, doc_stage: str | None
) -> list[tuple[bool, Figure]] | None:
    """The cells of a 科目 path in the 支出 tables, (一般公共预算 table?, cell); None when another fund's
    table spends on the same 科目 (the 说明's figure may then cover both)."""
    out: list[tuple[bool, Figure]] = []
    for v in vs:
        title = norm(v.title or v.table.title)
        for g in v.groups:
            if not g.code_cols or (row := resolve_path(v, g, path)) is None:
                continue
            if any(w in title for w in OTHER_FUNDS):
                if any(f.base_value != 0 for c in g.value_cols if (f := v.cells.get((row, c))) is not None):
                    return None
                continue
            col = stage_column(v, g, stage, period, doc_stage)
            if _spending(title) and col is not None and (cell := v.cells.get((row, col))) is not None:
                out.append(("一般公共预算" in title, cell))
    return out


def heading_line(f: Figure, text: str | None) -> str:
    """The whole line of the figure's innermost heading (section titles are cut at 40 characters)."""
    title = f.section[-1]
    pos = text.rfind(title, 0, f.start + len(title)) if text else -1
    if text is None or pos < 0:
        return title
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : end if end >= 0 else len(text)]


def _heading_label_path(f: Figure) -> tuple[str, ...]:
    """The 科目 path of an amount written right after its item heading: “…（项）”25.77万元, “…”科目1,202.95万元."""
    return item_path(SPACE.sub("", fold_width(f.raw_label)).removesuffix("科目"))


def _headed_paths(figures: list[Figure]) -> dict[str, tuple[str, ...]]:
    """Item heading (as cut in the section path) → the whole 科目 path its heading amount's label spells."""
    out: dict[str, tuple[str, ...]] = {}
    for f in figures:
        if f.table is None and f.section and (path := _heading_label_path(f)):
            title, label = norm(f.section[-1]), norm(f.raw_label)
            if title.startswith(label) or label.startswith(title):
                out[f.section[-1]] = path
    return out


def _item_figure(
    f: Figure, doc_stage: str | None, path: tuple[str, ...]
) -> tuple[tuple[str, ...], str, str] | None:
    """(科目 path, stage, stage phrase) of a 说明 figure under the item heading of `path`, else None."""
    q = f.qualifiers
    if f.table is not None or f.role != "amount" or f.dimension != "money" or q.approx or f.scoped:
        return None
    if not path or q.stage is None or q.period not in ("current", "previous"):
        return None
    raw = norm(f.raw_label)
    if STAGE_CUE.match(raw):
        allowed = ("budget",) if doc_stage == "budget" else ("initial", "adjusted", "final")
        return (path, q.stage, f.raw_label.strip()) if q.stage in allowed else None
    if (
        doc_stage == "budget"
        and _heading_label_path(f) == path
        and q.stage == "budget"
        and q.period == "current"
    ):
        return path, "budget", ""  # “…（项）”25.77万元: the item's budget
    return None


def _agree(cells: list[Figure]) -> bool:
    ivs = [interval(c) for c in cells]
    return all(a.meets(b) for a, b in itertools.combinations(ivs, 2))


def item_relations(
    vs: list[TableView], figures: list[Figure], doc_stage: str | None, text: str | None = None
) -> list[Relation]:
    """FL404 for the 科目 paragraphs: a figure under “A（类）B（款）C（项）” and its 一般公共预算 table cell."""
    out: list[Relation] = []
    headed = _headed_paths(figures)
    for f in figures:
        if not f.section or f.table is not None:
            continue
        path = item_path(heading_line(f, text)) or headed.get(f.section[-1], ())
        item = _item_figure(f, doc_stage, path)
        if item is None:
            continue
        path, stage, cue = item
        cells = item_cells(vs, path, stage, f.qualifiers.period or "current", doc_stage)
        main = [c for primary, c in cells or [] if primary]
        if not cells or not main or not _agree([c for _, c in cells]):
            continue
        key = "科目:" + "-".join(path)
        data: dict[str, object] = {"code": "FL404", "key": key, "b": f"“{'-'.join(path)}”{cue}{f.text}"}
        out.append(Relation("table-repeat", [("a", main[0]), ("b", f)], f.start, data))
    return out


def document_stage(tables: list[Table], final_doc: bool) -> str | None:
    """final in a 决算, budget when the tables are 预算 tables (the 预算 document's own tables)."""
    if final_doc:
        return "final"
    titles = "".join(norm(t.title) for t in tables)
    return "budget" if "预算表" in titles and "决算" not in titles else None


def table_relations(
    tables: list[Table], figures: list[Figure], final_doc: bool, text: str | None = None
) -> tuple[list[TableView], list[Relation]]:
    """Every table relation; `text` (the document's) lets a 科目 item be read from its whole heading line."""
    if not tables:
        return [], []  # prose-only documents: nothing to link to
    vs = views(tables, figures)
    rels: list[Relation] = []
    for v in vs:
        rels += (
            row_sums(v)
            + hierarchy_sums(v)
            + column_sums(v)
            + rate_columns(v)
            + change_columns(v)
            + score_columns(v)
        )
    rels += repeat_relations(vs, figures, final_doc)
    rels += item_relations(vs, figures, document_stage(tables, final_doc), text)
    return vs, rels
