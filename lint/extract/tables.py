"""Table cells → figures: label = row label, column = column header, unit from the table."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import regex

from lint.extract.numbers import CLEAN_NUMBER, FOOTNOTE, NOISY_NUMBER, denoise, noise_of, parse_arabic
from lint.model import Document, Figure, Qualifiers, Table
from lint.vocab import fold_width

if TYPE_CHECKING:
    from lint.extract.figures import FigureExtractor

NUMERIC = regex.compile(
    r"^\s*(?P<neg>[-(（])?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[)）]?\s*(?P<unit>%|万元|元)?\s*$"
)
CODE = regex.compile(r"^\s*\d{3}(?:\d{2}){0,2}\s*$")
# a cell as noisy text writes it ("1O5.00", "1 234.56", "268.27¹"): read, but approximate (Figure.noise)
NOISY_CELL = regex.compile(
    rf"^\s*(?P<neg>[-(（])?\s*(?P<num>{NOISY_NUMBER})(?P<fn>{FOOTNOTE})?\s*[)）]?\s*(?P<unit>%|万元|元)?"
    rf"(?P<after>{FOOTNOTE})?\s*$"
)


def header_text(table: Table, col: int) -> str:
    """The column header, header rows joined top to bottom. A None cell is covered by a horizontal
    merge, so it reads the nearest cell to its left; an empty cell adds nothing."""
    parts: list[str] = []
    for r in range(min(table.header_rows, table.n_rows)):
        row = table.cells[r]
        c = min(col, len(row) - 1)
        while c > 0 and row[c] is None:
            c -= 1
        cell = row[c] if c >= 0 else None
        text = cell.text.strip() if cell is not None else ""
        if text and text not in parts:
            parts.append(text)
    return "".join(parts)


def row_label(table: Table, row: int, col: int | None = None) -> tuple[str, str]:
    """(label, 科目编码) for a cell: the nearest name to its left — on a two-sided 收入支出总表 the
    支出 side has its own name column — falling back to the table's label columns."""
    cells = table.cells[row]
    code = ""
    for c in range((len(cells) if col is None else col) - 1, -1, -1):
        cell = cells[c]
        t = cell.text.strip() if cell is not None else ""
        if not t or (NUMERIC.match(fold_width(t)) and not CODE.match(fold_width(t))):
            continue
        if CODE.match(fold_width(t)):
            code = code or fold_width(t).strip()
            continue
        return t, code
    return "", code


CODE_HEADER = regex.compile(r"编码|代码|^[类款项]$")
# a column of counts: its header ends with the counted noun or names the unit (个)/(人)
COUNT_COLUMN = regex.compile(
    r"(?:(?P<people>人数|人次)|(?P<firms>家数)|(?P<count>个数|项目数|户数|次数|数量))$"
    r"|[（(](?P<unit>个|人|家|项|户|次|人次)[)）]$"
)


def count_unit(header: str) -> str | None:
    """The unit of a count column (人 for 人数, 个 for 项目数 …), else None."""
    m = COUNT_COLUMN.search(header.strip())
    if m is None:
        return None
    if m.group("unit"):
        return m.group("unit")
    return "人" if m.group("people") else "家" if m.group("firms") else "个"


def table_figures(
    doc: Document, ti: int, table: Table, stage: str | None, year: int | None, ex: FigureExtractor
) -> list[Figure]:
    out: list[Figure] = []
    unit = table.unit or ""
    dim, scale = ex.vocab.units.get(unit, ("number", None)) if unit else ("number", None)
    for r in range(table.header_rows, table.n_rows):
        for c, cell in enumerate(table.cells[r]):
            if (
                cell is not None
                and c < table.label_cols
                and (weight := _block_weight(doc, ti, table, r, c, ex))
            ):
                out.append(weight)
            if cell is None or c < table.label_cols:
                continue
            label, _code = row_label(table, r, c)
            noise: str | None = None
            m = NUMERIC.match(fold_width(cell.text))
            if m:
                parsed = parse_arabic(m.group("num"))
            else:
                m = NOISY_CELL.match(fold_width(cell.text))
                if not m:
                    continue
                noise = noise_of(m.group("num"), bool(m.group("fn") or m.group("after")))
                cleaned = denoise(m.group("num"))
                parsed = parse_arabic(cleaned) if CLEAN_NUMBER.fullmatch(cleaned) else None
            if parsed is None:
                continue
            value, decimals = parsed
            if m.group("neg"):
                value = -value
            col_head = header_text(table, c)
            if CODE_HEADER.search(col_head):
                continue  # 科目编码 digits are not amounts
            cell_unit = m.group("unit") or unit
            cdim, cscale = ex.vocab.units.get(cell_unit, (dim, scale)) if cell_unit else (dim, scale)
            if "%" in col_head or "率" in col_head:
                cdim, cscale, cell_unit = "percent", None, "%"
            elif _score_column(col_head, ex) and not m.group("unit"):
                cell_unit = "分"  # 分值 and 得分 in a 万元 自评表 are points, not money
                cdim, cscale = ex.vocab.units.get("分", ("score", Decimal(1)))
            elif (counted := count_unit(col_head)) is not None and not m.group("unit"):
                cell_unit = counted  # 单位家数, 在职人数 in a 万元 table are counts, not money
                cdim, cscale = ex.vocab.units.get(counted, ("count", Decimal(1)))
            info = ex.labels.read(col_head)
            out.append(
                Figure(
                    id=0,
                    text=cell.text.strip(),
                    value=value,
                    unit=cell_unit,
                    dimension=cdim,
                    scale=cscale if isinstance(cscale, Decimal) else Decimal(1),
                    decimals=decimals,
                    precision=decimals,
                    label=ex.vocab.canonical(ex.labels.tidy(label)),
                    raw_label=f"{label}｜{col_head}",
                    qualifiers=Qualifiers(info.stage, info.period, info.fund, approx=noise is not None),
                    section=(),
                    start=cell.start,
                    end=cell.end,
                    location=doc.location(cell.start, cell.end),
                    role="cell",
                    table=(ti, r, c),
                    noise=noise,
                )
            )
    return out


def _score_column(header: str, ex: FigureExtractor) -> bool:
    """A 自评表's 分值 or 得分 column (the words are [scores] in rules/vocabulary.toml)."""
    sv = ex.vocab.scores
    h = header.strip()
    return any(h.endswith(w) for w in [*sv.max_headers, *sv.score_headers])


WEIGHT_NOTE = regex.compile(r"[（(]\s*(?P<num>\d+(?:\.\d+)?)\s*分\s*[）)]\s*$")


def _block_weight(doc: Document, ti: int, table: Table, r: int, c: int, ex: FigureExtractor) -> Figure | None:
    """The weight a 自评表's 一级指标 cell writes after its name: 产出指标（50分） → 50分, exact."""
    cell = table.cells[r][c]
    if cell is None or not any(w in header_text(table, c) for w in ex.vocab.scores.level1_headers):
        return None
    m = WEIGHT_NOTE.search(fold_width(cell.text))
    parsed = parse_arabic(m.group("num")) if m else None
    if m is None or parsed is None:
        return None
    value, decimals = parsed
    start, end = cell.start + m.start("num"), cell.start + m.end() - 1
    name = cell.text[: m.start()].strip()
    return Figure(
        id=0,
        text=cell.text[m.start("num") : m.end() - 1].strip(),
        value=value,
        unit="分",
        dimension="score",
        scale=Decimal(1),
        decimals=decimals,
        precision=decimals,
        label=ex.vocab.canonical(ex.labels.tidy(name)),
        raw_label=f"{name}｜{header_text(table, c)}",
        qualifiers=Qualifiers(),
        section=(),
        start=start,
        end=end,
        location=doc.location(start, end),
        role="weight",
        exact=True,
        table=(ti, r, c),
    )
