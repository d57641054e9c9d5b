"""Table cells → figures: label = row label, column = column header, unit from the table."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import regex

from lint.extract.numbers import parse_arabic
from lint.model import Document, Figure, Qualifiers, Table
from lint.vocab import fold_width

if TYPE_CHECKING:
    from lint.extract.figures import FigureExtractor

NUMERIC = regex.compile(
    r"^\s*(?P<neg>[-(（])?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[)）]?\s*(?P<unit>%|万元|元)?\s*$"
)
CODE = regex.compile(r"^\s*\d{3}(?:\d{2}){0,2}\s*$")


def header_text(table: Table, col: int) -> str:
    """The column header: header rows joined top to bottom, merged (None) cells filled from the left."""
    parts: list[str] = []
    for r in range(min(table.header_rows, table.n_rows)):
        row = table.cells[r]
        text = ""
        for c in range(min(col, len(row) - 1), -1, -1):
            cell = row[c]
            if cell is not None and cell.text.strip():
                text = cell.text.strip() if c == col or r < table.header_rows - 1 else ""
                break
        if text and text not in parts:
            parts.append(text)
    return "".join(parts)


def row_label(table: Table, row: int) -> tuple[str, str]:
    """(label, 科目编码) of a body row from its label columns."""
    cells = table.cells[row]
    code = ""
    names: list[str] = []
    for c in range(min(table.label_cols, len(cells))):
        cell = cells[c]
        if cell is None or not cell.text.strip():
            continue
        t = cell.text.strip()
        if CODE.match(fold_width(t)):
            code = fold_width(t).strip()
        else:
            names.append(t)
    return "".join(names), code


def table_figures(
    doc: Document, ti: int, table: Table, stage: str | None, year: int | None, ex: FigureExtractor
) -> list[Figure]:
    out: list[Figure] = []
    unit = table.unit or ""
    dim, scale = ex.vocab.units.get(unit, ("number", None)) if unit else ("number", None)
    for r in range(table.header_rows, table.n_rows):
        label, _code = row_label(table, r)
        for c, cell in enumerate(table.cells[r]):
            if cell is None or c < table.label_cols:
                continue
            m = NUMERIC.match(fold_width(cell.text))
            if not m:
                continue
            parsed = parse_arabic(m.group("num"))
            if parsed is None:
                continue
            value, decimals = parsed
            if m.group("neg"):
                value = -value
            col_head = header_text(table, c)
            cell_unit = m.group("unit") or unit
            cdim, cscale = ex.vocab.units.get(cell_unit, (dim, scale)) if cell_unit else (dim, scale)
            if "%" in col_head or "率" in col_head:
                cdim, cscale, cell_unit = "percent", None, "%"
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
                    label=ex.vocab.canonical(label),
                    raw_label=f"{label}｜{col_head}",
                    qualifiers=Qualifiers(info.stage, info.period, info.fund),
                    section=(),
                    start=cell.start,
                    end=cell.end,
                    location=doc.location(cell.start, cell.end),
                    role="cell",
                    table=(ti, r, c),
                )
            )
    return out
