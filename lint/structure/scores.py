"""Self-evaluation scores (绩效自评表): the relations a reviewer checks on a scored table and its prose.

A table is a score table when one of its column groups has exactly one 分值 column and one 得分
column (the header words are data: ``[scores]`` in rules/vocabulary.toml). Relations made here:

- ``table-sum`` (FL406): the 合计/总分 row's 得分 = Σ the indicator rows' 得分, and its 分值 = Σ 分值.
  Indicators of a 自评表 never nest in rows (the 一级/二级/三级 levels are columns), so the sum is flat.
- ``score-prose`` (FL406): the 总分 the prose states (自评得分95.59分) = the table's 合计 得分.
- ``score-grade`` (FL408): the grade the prose states (评价等级为“优”) = the band of the 总分.
- ``score-rate`` (FL409): the 预算执行率 row's 得分 = min(执行率, 100%) × 分值, where the row shows the rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from lint.model import Figure, Relation
from lint.structure.tables import Group, TableView, norm, rate_cols
from lint.vocab import ScoreVocab


def _cols(v: TableView, g: Group, words: list[str]) -> list[int]:
    return [c for c in g.value_cols if any(v.header(c).endswith(w) for w in words)]


def _row_text(v: TableView, g: Group, r: int) -> str:
    """Every label cell of a row, joined: a 自评表 names a row across 一级/二级/三级 columns."""
    row = v.table.cells[r]
    first = min(g.value_cols) if g.value_cols else len(row)
    return "".join(norm(c.text) for c in row[:first] if c is not None)


def score_tables(vs: list[TableView], sv: ScoreVocab) -> list[tuple[TableView, Group, int, int]]:
    """(view, group, 分值 column, 得分 column) of every score table."""
    out: list[tuple[TableView, Group, int, int]] = []
    for v in vs:
        for g in v.groups:
            maxes, scores = _cols(v, g, sv.max_headers), _cols(v, g, sv.score_headers)
            if len(maxes) == 1 and len(scores) == 1 and maxes != scores:
                out.append((v, g, maxes[0], scores[0]))
    return out


def _column_precision(v: TableView, sc: int, mc: int, rows: list[int]) -> None:
    """A 自评表 writes every score as it was awarded: 9 beside 9.59 in one 得分 column is 9.00, not
    anything in [8.5, 9.5]. 分值 are weights set by the template: whole numbers are exact."""
    scores = [f for r in rows if (f := v.cells.get((r, sc))) is not None]
    # scores are awarded as written and the 总分 adds the written scores: a score stands for no
    # more than its cent (a computed 9.586 written 9.59 leaves a cent, FL407 info, never a point)
    places = max(2, max((f.decimals for f in scores), default=0))
    for f in scores:
        f.precision = max(f.precision, places)
    weights = [f for r in rows if (f := v.cells.get((r, mc))) is not None]
    if weights and all(f.decimals == 0 for f in weights):
        for f in weights:
            f.exact = True


def _is_total(text: str, sv: ScoreVocab) -> bool:
    return any(text.startswith(w) or text.endswith(w) for w in sv.total_rows)


WEIGHT_NOTE = regex.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$")


@dataclass
class _Sheet:
    """One scored column group: its 分值 and 得分 columns, rows, row names and 一级指标 blocks."""

    v: TableView
    g: Group
    mc: int
    sc: int
    rows: list[int]
    names: dict[int, str]
    total: int | None  # the 合计/总分 row, when it is the last row
    level1: dict[int, str]  # row → its 一级指标 (a blank cell continues the block above)

    def score(self, r: int) -> Figure | None:
        return self.v.cells.get((r, self.sc))

    def weight(self, r: int) -> Figure | None:
        return self.v.cells.get((r, self.mc))


def _sheet(v: TableView, g: Group, mc: int, sc: int, sv: ScoreVocab) -> _Sheet:
    rows = list(v.body)
    names = {r: _row_text(v, g, r) for r in rows}
    totals = [r for r in rows if _is_total(names[r], sv)]
    total = totals[0] if len(totals) == 1 and totals[0] == rows[-1] else None
    first = min(g.value_cols)
    heads = [c for c in range(first) if any(w in v.header(c) for w in sv.level1_headers)]
    level1: dict[int, str] = {}
    if len(heads) == 1:
        current = ""
        for r in rows:
            cell = v.table.cells[r][heads[0]] if heads[0] < len(v.table.cells[r]) else None
            written = WEIGHT_NOTE.sub("", norm(cell.text)) if cell is not None else ""
            current = written or current
            if r != total and current:
                level1[r] = current
    return _Sheet(v, g, mc, sc, rows, names, total, level1)


def _rate_row(sheet: _Sheet, r: int, sv: ScoreVocab) -> bool:
    return r != sheet.total and any(w in sheet.names[r] for w in sv.rate_rows)


def score_relations(vs: list[TableView], figures: list[Figure], text: str, sv: ScoreVocab) -> list[Relation]:
    sheets = [_sheet(v, g, mc, sc, sv) for v, g, mc, sc in score_tables(vs, sv)]
    for sh in sheets:
        _column_precision(sh.v, sh.sc, sh.mc, sh.rows)
    # a row scored outside the indicator table: the fund table's 年度资金总额/预算执行率 row
    outside = [
        (sh, r)
        for sh in sheets
        if sh.total is None
        for r in sh.rows
        if _rate_row(sh, r, sv) and sh.score(r) is not None and sh.weight(r) is not None
    ]
    out: list[Relation] = []
    totals: list[Figure] = []
    blocks: dict[str, list[Figure]] = {}
    for sh in sheets:
        if sh.total is None:
            continue
        total_score, total_weight = sh.score(sh.total), sh.weight(sh.total)
        if total_score is not None:
            totals.append(total_score)
        for r, name in sh.level1.items():
            if (f := sh.score(r)) is not None:
                blocks.setdefault(name, []).append(f)
        members = [r for r in sh.rows if r != sh.total and sh.names[r]]
        weights = [f for r in members if (f := sh.weight(r)) is not None]
        if total_score is None or total_weight is None or not weights:
            continue
        short = total_weight.value - sum(f.value for f in weights)
        extra: list[Figure] = []
        if short != 0:
            # the rows' weights do not make the total's: the missing part must be scored elsewhere
            found = [
                sh2.score(r) for sh2, r in outside if (w := sh2.weight(r)) is not None and w.value == short
            ]
            if len(found) != 1 or found[0] is None:
                continue
            extra = [found[0]]
        parts = extra + [f for r in members if (f := sh.score(r)) is not None]
        if len(parts) >= 2:
            data: dict[str, object] = {"code": "FL406", "what": "row"}
            out.append(
                Relation(
                    "table-sum",
                    [("total", total_score)] + [("part", p) for p in parts],
                    total_score.start,
                    data,
                )
            )
    bands = bool(sheets) and banded(text, sv)
    for sh in sheets:
        out += _rate_rows(sh, sv, bands) + _block_weights(sh) + _score_rates(sh, sv)
    for sh, r in outside:
        if (f := sh.score(r)) is not None and sv.rate_rows:
            blocks.setdefault(sv.rate_rows[0], []).append(f)  # 年度资金总额's score is the 预算执行率 score
    table_total = totals[0] if len(totals) == 1 else None
    prose = [f for f in figures if f.table is None and f.unit == "分" and not f.qualifiers.approx]
    stated = {p.value for p in prose if _prose_total(p, sv)}
    for f in prose:
        if _prose_total(f, sv):
            # several different totals in the prose are several projects': none is surely the table's
            if table_total is not None and len(stated) == 1:
                out.append(
                    Relation(
                        "score-prose", [("table", table_total), ("prose", f)], f.start, {"code": "FL406"}
                    )
                )
            continue
        block = _block_of(f, blocks, sv)
        if block:
            data = {"code": "FL406", "what": "block"}
            if len(block) == 1:
                out.append(Relation("score-prose", [("table", block[0]), ("prose", f)], f.start, data))
            else:
                out.append(
                    Relation("table-sum", [("total", f)] + [("part", p) for p in block], f.start, data)
                )
    whole = table_total or (next(p for p in prose if _prose_total(p, sv)) if len(stated) == 1 else None)
    if whole is not None and (table_total is None or stated <= {table_total.value} or len(stated) == 1):
        grades = _grades(whole, text, sv)
        # two different grades stated (several projects' results): which one is the 总分's is unclear
        if len({str(g.data["grade"]) for g in grades}) == 1:
            out += grades
    return out


def _block_weights(sh: _Sheet) -> list[Relation]:
    """产出指标（50分）: the weights of the block's rows add to the weight its 一级指标 cell writes."""
    out: list[Relation] = []
    notes = {
        r: f
        for (r, c), f in sh.v.cells.items()
        if f.role == "weight" and c < min(sh.g.value_cols) and r in sh.level1
    }
    for r, note in notes.items():
        rows = [x for x, name in sh.level1.items() if name == sh.level1[r]]
        parts = [f for x in rows if (f := sh.weight(x)) is not None]
        if len(parts) >= 2 or (parts and rows == [r]):
            data: dict[str, object] = {"code": "FL406", "what": "weight"}
            out.append(
                Relation("table-sum", [("total", note)] + [("part", p) for p in parts], note.start, data)
            )
    return out


def _block_of(f: Figure, blocks: dict[str, list[Figure]], sv: ScoreVocab) -> list[Figure]:
    """The table scores a prose 一级指标 score (产出指标得分49.20分) adds up."""
    label = _prose_label(f)
    if not any(label.endswith(w) for w in sv.score_headers):
        return []
    hits = [name for name in blocks if name and name in label]
    return blocks[hits[0]] if len(hits) == 1 else []


LABEL_TAIL = regex.compile(r"(?:为|是|达到|达|共计|共|合计|:|：)+$")


def _prose_label(f: Figure) -> str:
    """The prose label without its verb: 自评得分为 → 自评得分."""
    return LABEL_TAIL.sub("", norm(f.raw_label))


def _prose_total(f: Figure, sv: ScoreVocab) -> bool:
    label = _prose_label(f)
    return any(label.endswith(w) for w in sv.prose_totals) and not any(w in label for w in sv.not_totals)


def _score_rates(sh: _Sheet, sv: ScoreVocab) -> list[Relation]:
    """A 得分率 column: each row's 得分 ÷ 分值 (决策 15 13.50 90.00%), its total's too."""
    cols = [c for c in sh.g.value_cols if any(sh.v.header(c).endswith(w) for w in sv.score_rate_headers)]
    if len(cols) != 1:
        return []
    out: list[Relation] = []
    for r in sh.rows:
        rate, mf, sf = sh.v.cells.get((r, cols[0])), sh.weight(r), sh.score(r)
        if rate is None or rate.dimension != "percent" or mf is None or sf is None or not mf.value:
            continue
        members = [("current", sf), ("base", mf), ("ratio", rate)]
        out.append(Relation("ratio", members, rate.start, {"named": "分值"}))
    return out


CLAUSE_END = regex.compile(r"[。；;\n]")
AWARD = regex.compile(r"得\s*\d+(?:\.\d+)?\s*分")


def banded(text: str, sv: ScoreVocab) -> bool:
    """Does the report state a band rule for the 执行率 score ("执行率≥95%得10分，90%-95%得8分",
    "预算执行率按区间计分")? Then the row's score is the band's, not rate × 分值."""
    for clause in CLAUSE_END.split(text):
        at = clause.find("执行率")
        if at < 0:
            continue
        rest = clause[at:]
        if any(w in rest for w in sv.rate_band_words):
            return True
        if AWARD.search(rest) and any(w in rest for w in sv.rate_band_marks):
            return True
    return False


def _rate_rows(sh: _Sheet, sv: ScoreVocab, bands: bool) -> list[Relation]:
    """预算执行率/年度资金总额 row: its rate is the row's one percent figure in an 执行率/实际完成值 column;
    none where the report scores the rate by bands (`bands`)."""
    out: list[Relation] = []
    if bands:
        return out
    for r in sh.rows:
        if not _rate_row(sh, r, sv):
            continue
        rates = [
            f
            for (rr, c), f in sh.v.cells.items()
            if rr == r and f.dimension == "percent" and any(w in sh.v.header(c) for w in sv.actual_headers)
        ]
        mf, sf = sh.weight(r), sh.score(r)
        if len(rates) == 1 and mf is not None and sf is not None:
            data: dict[str, object] = {"code": "FL409"}
            members = [("rate", rates[0]), ("max", mf), ("score", sf)]
            # the row's 执行数 and 全年预算数: a score worked out from them is right even when the
            # rate beside it is miswritten (FL405 names the rate)
            cols = rate_cols(sh.v, sh.g)
            if cols is not None and cols[0] in [c for (rr, c), f in sh.v.cells.items() if f is rates[0]]:
                af, bf = sh.v.cells.get((r, cols[1])), sh.v.cells.get((r, cols[2]))
                if af is not None and bf is not None:
                    members += [("actual", af), ("budget", bf)]
            out.append(Relation("score-rate", members, sf.start, data))
    return out


# 等级为“优” / 自评等级：良 / 评价结果为优秀: the cue and a verb, colon or quote; "自评结果中，" is no grade
GRADE_CUE = regex.compile(
    r"(?:等级|等次|级别|评价结果|自评结果|结果)\s*(?:(?:为|是|评定为|评为|:|：)\s*[“\"「『]?|[“\"「『])"
)


# a grading rule, not a grade: "90分（含）以上的，评价等级为优", "80-90分为良"
THRESHOLD = regex.compile(
    r"\d+(?:\.\d+)?\s*分\s*(?:（含）|\(含\))?\s*(?:及?以上|以下|至|到)"
    r"|\d+(?:\.\d+)?\s*分?\s*[-—–～~]\s*\d+(?:\.\d+)?\s*分"
)
RULE_CLAUSE_END = regex.compile(r"[。；;\n]")
BAND_LOW = (
    r"(?P<lo>\d+(?:\.\d+)?)\s*分?\s*(?:（含）|\(含\))?\s*"
    r"(?:及?以上|(?:至|到|[-—–～~])\s*\d+(?:\.\d+)?\s*分?\s*(?:（不含）|\(不含\))?)"
    r"(?:之间)?的?\s*[，,]?\s*(?:评价等级|自评等级|等级|等次|结果)?\s*(?:为|评为|评定为|属于|定为)?\s*[“\"「『]?"
)


def _clause(text: str, pos: int) -> str:
    """The ；/。 clause around `pos`."""
    starts = [m.end() for m in RULE_CLAUSE_END.finditer(text, max(0, pos - 200), pos)]
    end = RULE_CLAUSE_END.search(text, pos)
    return text[starts[-1] if starts else max(0, pos - 200) : end.start() if end else len(text)]


def _stated_bands(text: str, sv: ScoreVocab, words: list[str]) -> dict[str, Decimal]:
    """The lowest 总分 of each grade the report's own grading rule states ("85分（含）以上为优，70分（含）至
    85分为良"): a report graded by a local scale is graded by it. A grade given two lows is left out."""
    pattern = regex.compile(BAND_LOW + "(?P<grade>" + "|".join(map(regex.escape, words)) + ")")
    lows: dict[str, set[Decimal]] = {}
    for m in pattern.finditer(text):
        name = next(n for n, ws, _ in sv.grades if m.group("grade") in ws)
        lows.setdefault(name, set()).add(Decimal(m.group("lo")))
    return {name: next(iter(v)) for name, v in lows.items() if len(v) == 1}


def _grades(whole: Figure, text: str, sv: ScoreVocab) -> list[Relation]:
    """Every grade the prose states after 等级为/等次为…, with the 总分 whose band it must be; a grade
    in a clause that sets a threshold ("90分以上的，等级为优") is the rule, not a claim."""
    out: list[Relation] = []
    words = sorted({w for _, ws, _ in sv.grades for w in ws}, key=len, reverse=True)
    if not words:
        return out
    pattern = regex.compile(
        GRADE_CUE.pattern
        + "("
        + "|".join(map(regex.escape, words))
        + r")(?=[”\"」』，。；;、,.\s）)]|等|级|$)"
    )
    stated: dict[str, Decimal] | None = None
    for m in pattern.finditer(text):
        if THRESHOLD.search(_clause(text, m.start(1))):
            continue
        if stated is None:
            stated = _stated_bands(text, sv, words)
        word = m.group(1)
        name = next(n for n, ws, _ in sv.grades if word in ws)
        data: dict[str, object] = {"code": "FL408", "grade": name, "word": word, "at": m.start(1)}
        if stated:
            data["bands"] = {n: str(v) for n, v in stated.items()}
        out.append(Relation("score-grade", [("total", whole)], m.start(1), data))
    return out


def grading(sv: ScoreVocab, stated: dict[str, str] | None = None) -> list[tuple[str, list[str], Decimal]]:
    """The grades with their lowest 总分: rules/vocabulary.toml's, or the report's own where it states them."""
    own = stated or {}
    return [(n, ws, Decimal(own[n]) if n in own else low) for n, ws, low in sv.grades]


def band(score: Decimal, sv: ScoreVocab, stated: dict[str, str] | None = None) -> str | None:
    """The grade whose band holds `score` (bands from rules/vocabulary.toml or the report's own)."""
    for name, _, low in sorted(grading(sv, stated), key=lambda g: g[2], reverse=True):
        if score >= low:
            return name
    return None
