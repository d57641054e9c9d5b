"""Table relations: 合计/小计 rows and columns, the 科目编码 hierarchy, cross-table and prose repeats.

Only unambiguous structure becomes a relation. A table is split into *groups* (a two-sided table such
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

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from lint.model import Figure, Relation, Table
from lint.vocab import fold_width

NUMERIC = regex.compile(r"^\s*[-(（]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*[)）]?\s*(?:%|万元|元)?\s*$")
DIGITS = regex.compile(r"^\d{2,7}$")
CN_NUM = regex.compile(r"^[一二三四五六七八九十百]+[、.．]")
AR_NUM = regex.compile(r"^\d{1,2}[.、．](?!\d)")
PAREN_NUM = regex.compile(r"^[（(][一二三四五六七八九十\d]+[)）]")
TOTAL_WORD = regex.compile(r"(合计|总计|小计|总分)$")
CLASS_SUFFIX = regex.compile(r"[（(](类|款|项)[)）]$")
NOT_PARTS = ("结转", "结余", "总计", "结余分配")
SPACE = regex.compile(r"\s+")


def norm(text: str) -> str:
    """Fold width, drop spaces and quotes: labels compared across tables and prose."""
    t = SPACE.sub("", fold_width(text))
    return regex.sub(r"[“”\"‘’「」]", "", t)


def strip_number(label: str) -> str:
    for pat in (CN_NUM, AR_NUM, PAREN_NUM):
        label = pat.sub("", label, count=1)
    return label


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

    def code(self, g: Group, r: int) -> str:
        parts: list[str] = []
        for i, c in enumerate(g.code_cols):
            cell = self.table.cells[r][c] if c < len(self.table.cells[r]) else None
            t = norm(cell.text) if cell is not None else ""
            if not t:
                continue
            if i > 0 and parts and t.isdigit() and len(t) == 1:
                t = "0" + t  # a 款/项 column written without its leading zero (30102 as 301 | 2)
            if not DIGITS.match(t):
                return ""
            parts.append(t)
        code = "".join(parts)
        return code if len(code) in (3, 5, 7) else ""

    def header(self, c: int) -> str:
        return "".join(self.paths.get(c, []))

    def where(self, r: int, c: int, g: Group | None = None) -> str:
        g = g or self.group_of(c)
        label = self.label(g, r) if g else ""
        code = self.code(g, r) if g else ""
        head = self.paths.get(c, [""])[-1] if self.paths.get(c) else ""
        row = f"{code} {label}".strip() or f"第{r + 1}行"
        return f"{self.table.title or '表'}「{row}｜{head}」"

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


def header_paths(table: Table) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for c in range(table.n_cols):
        path: list[str] = []
        for r in range(min(table.header_rows, table.n_rows)):
            row = table.cells[r]
            text = ""
            for cc in range(min(c, len(row) - 1), -1, -1):
                cell = row[cc]
                if cell is not None:  # a merged (None) cell takes the nearest written cell on its left
                    text = norm(cell.text)
                    break
            if text and (not path or path[-1] != text):
                path.append(text)
        out[c] = path
    return out


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
    cells = {(f.table[1], f.table[2]): f for f in figures if f.table is not None and f.table[0] == index}
    return TableView(
        index, table, table_kind(table.title), groups, paths, cells, range(table.header_rows, table.n_rows)
    )


def views(tables: list[Table], figures: list[Figure]) -> list[TableView]:
    by_table: dict[int, list[Figure]] = {}
    for f in figures:
        if f.table is not None:
            by_table.setdefault(f.table[0], []).append(f)
    return [view(i, t, by_table.get(i, [])) for i, t in enumerate(tables)]


# --- relations --------------------------------------------------------------------------------


def _sum(total: Figure, parts: list[Figure], code: str, what: str) -> Relation:
    return Relation(
        "table-sum",
        [("total", total)] + [("part", p) for p in parts],
        total.start,
        {"code": code, "what": what},
    )


def _is_money(f: Figure) -> bool:
    return f.dimension != "percent"


def _code_of_column(v: TableView, c: int) -> str:
    head = v.header(c)
    return "FL406" if ("得分" in head or "分值" in head) else "FL401"


def row_sums(v: TableView) -> list[Relation]:
    out: list[Relation] = []
    for g in v.groups:
        rows = [r for r in v.body]
        labels = {r: v.label(g, r) for r in rows}
        codes = {r: v.code(g, r) for r in rows}
        coded = any(codes.values())
        totals = [r for r in rows if is_total(labels[r]) and not codes[r]]
        for c in g.value_cols:
            for t in totals:
                tf = v.cells.get((t, c))
                if tf is None or (not _is_money(tf) and "得分" not in v.header(c)):
                    continue
                members = _members(v, g, rows, totals, t, labels, codes, coded)
                if members is None:
                    continue
                parts = [v.cells[(r, c)] for r in members if (r, c) in v.cells]
                if parts:
                    out.append(_sum(tf, parts, _code_of_column(v, c), "row"))
            if not coded:
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
    return [r for r in written if level_of(labels[r]) == top]


def _nested(
    v: TableView, g: Group, rows: list[int], totals: list[int], labels: dict[int, str], c: int
) -> list[Relation]:
    """一、财政拨款收入 followed by 1.一般公共预算资金 2.…: the parent is the sum of its numbered children."""
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
        elif lv == 0:
            continue
        direct = (
            [x for x in children if level_of(labels[x]) == level_of(labels[children[0]])] if children else []
        )
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
                if tf is None or not _is_money(tf):
                    continue
                parts = [v.cells[(x, c)] for x in children if (x, c) in v.cells]
                if parts:
                    out.append(_sum(tf, parts, "FL402", "code"))
    return out


def column_sums(v: TableView) -> list[Relation]:
    out: list[Relation] = []
    for g in v.groups:
        for t in g.value_cols:
            members = _column_members(v, g, t)
            if not members:
                continue
            for r in v.body:
                tf = v.cells.get((r, t))
                if tf is None or not _is_money(tf):
                    continue
                parts = [v.cells[(r, c)] for c in members if (r, c) in v.cells]
                if parts:
                    out.append(_sum(tf, parts, _code_of_column(v, t), "column"))
    return out


def _column_members(v: TableView, g: Group, t: int) -> list[int] | None:
    path = v.paths.get(t, [])
    k = next((i for i, p in enumerate(path) if TOTAL_WORD.search(p) and not p.endswith("总计")), None)
    if k is None:
        return None
    prefix, suffix = path[:k], path[k + 1 :]
    stem = TOTAL_WORD.sub("", path[k])
    word = "收入" if "收入" in stem else "支出" if "支出" in stem else ""
    by_key: dict[str, list[int]] = {}
    for c in g.value_cols:
        p = v.paths.get(c, [])
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
        exact = [c for c in cols if len(v.paths[c]) == len(prefix) + 1 + len(suffix)]
        sub = [
            c
            for c in cols
            if len(v.paths[c]) == len(prefix) + 2 + len(suffix)
            and TOTAL_WORD.search(v.paths[c][len(prefix) + 1])
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
        rates = [c for c in g.value_cols if "执行率" in v.header(c) or "完成率" in v.header(c)]
        if len(rates) != 1:
            continue
        budget = [
            c for c in g.value_cols if "预算" in v.header(c) and c not in rates and "执行" not in v.header(c)
        ]
        actual = [
            c
            for c in g.value_cols
            if c not in rates and any(w in v.header(c) for w in ("执行数", "决算数", "实际"))
        ]
        if len(actual) != 1 or not budget:
            continue
        b = (
            max(budget)
            if len(budget) > 1 and any("调整" in v.header(x) or "全年" in v.header(x) for x in budget)
            else None
        )
        if b is None:
            if len(budget) != 1:
                continue
            b = budget[0]
        for r in v.body:
            rf, af, bf = v.cells.get((r, rates[0])), v.cells.get((r, actual[0])), v.cells.get((r, b))
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
    return CLASS_SUFFIX.sub("", strip_number(label))


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
                label = strip_number(v.label(g, r))
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
        if pkey is not None and cell is not None:
            out.append(
                Relation("table-repeat", [("a", cell), ("b", f)], f.start, {"code": "FL404", "key": pkey})
            )
    return out


def table_relations(
    tables: list[Table], figures: list[Figure], final_doc: bool
) -> tuple[list[TableView], list[Relation]]:
    vs = views(tables, figures)
    rels: list[Relation] = []
    for v in vs:
        rels += row_sums(v) + hierarchy_sums(v) + column_sums(v) + rate_columns(v) + score_columns(v)
    rels += repeat_relations(vs, figures, final_doc)
    return vs, rels
