"""Ruled tables of one PDF page → grids of cell texts with char boxes (the PDF reader's table half).

pdfplumber's lines strategy gives a perfect grid on ruled 部门决算/预算 tables (merged cells come back as
None). Cell text is rebuilt here from the same glyphs as the prose, so every table character keeps its box
and is taken out of the prose stream (a figure must not be read twice).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.model import BBox, Boxes
from lint.readers.pdf_lines import Glyph, page_lines
from lint.readers.tables import block_cuts, is_numeric

AMOUNT_RE = re.compile(r"[-−+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)%?|[-−+]?\d+%")
TOTAL_RE = re.compile(r"^\s*(?:合\s*计|总\s*计|小\s*计)")
# Headers of leading label columns (科目编码 / 类 款 项 / 科目名称 / 项目 / 序号 …), matched as whole cells.
LABEL_HEAD_RE = re.compile(
    r"(?:功能分类|经济分类)?(?:科目)?(?:编码|代码|名称)|科目|项目(?:名称)?|序号|编号|类|款|项|单位名称|部门名称|支出功能分类科目"
)
EDGE_TOL = 3.0


@dataclass(slots=True)
class CellText:
    text: str
    boxes: Sequence[BBox | None]  # Boxes from the cell's lines


@dataclass
class TableFrag:
    """One table as found on one page: a grid of cells (None = covered by a merged cell)."""

    page: int
    bbox: BBox
    xs: list[float]  # x0 of each grid column
    rows: list[list[CellText | None]]
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # merged slot → its cell

    def texts(self) -> list[list[str | None]]:
        return [[c.text if c is not None else None for c in row] for row in self.rows]


class _Grid:
    """Cell lookup for one pdfplumber table: which cell holds a point (merged cells included)."""

    def __init__(self, cells: Sequence[BBox]) -> None:
        self.xs = sorted({c[0] for c in cells})
        self.tops = sorted({c[1] for c in cells})
        self.by_row: list[list[tuple[BBox, int]]] = [[] for _ in self.tops]
        for c in cells:
            self.by_row[self.tops.index(c[1])].append((c, self.xs.index(c[0])))

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        r = bisect.bisect_right(self.tops, y) - 1
        for rr in range(r, -1, -1):
            for (x0, _top, x1, bottom), col in self.by_row[rr]:
                if x0 <= x < x1 and y < bottom:
                    return rr, col
        return None


def extract_fragments(
    page: int, tables: Sequence[Any], glyphs: list[Glyph]
) -> tuple[list[TableFrag], list[Glyph]]:
    """Tables (≥ 2 columns) of a page and the glyphs left for the prose stream."""
    frags: list[TableFrag] = []
    rest = glyphs
    for table in sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])):
        cells: list[BBox] = [(float(c[0]), float(c[1]), float(c[2]), float(c[3])) for c in table.cells]
        grid = _Grid(cells)
        if len(grid.xs) < 2:
            continue  # a frame around prose (e.g. a boxed 目录), not a table
        frag, rest = _fill(page, tuple(table.bbox), grid, rest)
        frags.extend(split_captions(frag, _row_edges(grid, frag.bbox), _right_edges(grid)))
    return frags, rest


# An in-frame title: one cell across the row whose text names a table (…预算表, 表3 …)
CAPTION_RE = re.compile(r"表$|^表\s*\d")


def _row_edges(grid: _Grid, bbox: BBox) -> list[float]:
    """Top of each grid row and the bottom of the last one."""
    return [*grid.tops, bbox[3]]


def _right_edges(grid: _Grid) -> dict[tuple[int, int], float]:
    return {(r, col): cell[2] for r, row in enumerate(grid.by_row) for cell, col in row}


def split_captions(
    frag: TableFrag, row_edges: list[float], right: dict[tuple[int, int], float] | None = None
) -> list[TableFrag]:
    """One ruled frame holding the end of one table and the start of the next: split it at each row
    (after the first) that is a title alone (财政拨款政府性基金支出预算表), or that heads a new scored
    block (`tables.block_cuts`: a 自评表's indicator block under its fund block). Each piece keeps only the grid columns its own cells start in, so the
    rows above a title can continue the table of the previous page (the Jiangsu 2017 PDFs draw a page's
    last 科目 row into the next table's frame), and each block of a 自评表 gets its own column headers."""
    blocks = set(block_cuts(frag.texts()))
    cuts = [r for r in range(1, len(frag.rows)) if r in blocks or _is_caption(frag.rows[r])]
    if not cuts:
        return [frag]
    out: list[TableFrag] = []
    for a, b in zip([0, *cuts], [*cuts, len(frag.rows)], strict=True):
        out.append(_piece(frag, a, b, row_edges, right or {}))
    return out


def _is_caption(row: list[CellText | None]) -> bool:
    cells = [c for c in row if c is not None]
    return len(cells) == 1 and bool(CAPTION_RE.search(cells[0].text.replace(" ", "").strip()))


def _piece(
    frag: TableFrag, a: int, b: int, row_edges: list[float], right: dict[tuple[int, int], float]
) -> TableFrag:
    rows = frag.rows[a:b]
    keep = [c for c in range(len(frag.xs)) if any(row[c] is not None for row in rows)]
    col = {c: i for i, c in enumerate(keep)}
    x1 = max((right.get((r, c), frag.bbox[2]) for r in range(a, b) for c in keep), default=frag.bbox[2])
    bbox = (
        frag.xs[keep[0]] if keep else frag.bbox[0],
        row_edges[a],
        x1,
        row_edges[min(b, len(row_edges) - 1)],
    )
    spans = {
        (sr - a, col[sc]): (tr - a, col[tc])
        for (sr, sc), (tr, tc) in frag.spans.items()
        if a <= sr < b and a <= tr < b and sc in col and tc in col
    }
    return TableFrag(
        frag.page, bbox, [frag.xs[c] for c in keep], [[row[c] for c in keep] for row in rows], spans
    )


def _fill(page: int, bbox: BBox, grid: _Grid, glyphs: list[Glyph]) -> tuple[TableFrag, list[Glyph]]:
    x0, top, x1, bottom = bbox
    assigned: dict[tuple[int, int], list[Glyph]] = {}
    rest: list[Glyph] = []
    for g in glyphs:
        cx, cy = g.cx, g.cy
        pos = grid.locate(cx, cy) if x0 <= cx < x1 and top <= cy < bottom else None
        if pos is None:
            rest.append(g)
        else:
            assigned.setdefault(pos, []).append(g)
    rows: list[list[CellText | None]] = [[None] * len(grid.xs) for _ in grid.tops]
    for r, row in enumerate(grid.by_row):
        for _cell, c in row:
            rows[r][c] = _cell_text(page, assigned.get((r, c), []))
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row_cells in enumerate(rows):
        for c, cell in enumerate(row_cells):
            if cell is None:
                src = grid.locate(grid.xs[c] + 0.5, grid.tops[r] + 0.5)
                if src is not None and src != (r, c):
                    spans[(r, c)] = src
    return TableFrag(page, bbox, grid.xs, rows, spans), rest


def _cell_text(page: int, glyphs: list[Glyph]) -> CellText:
    """Wrapped cell lines are joined with "" (CJK labels wrap anywhere)."""
    lines = page_lines(page, glyphs) if glyphs else []
    if len(lines) == 1:
        return CellText(lines[0].text, lines[0].boxes)
    return CellText("".join(ln.text for ln in lines), Boxes.joined(_packed(ln.boxes) for ln in lines))


def _packed(boxes: Sequence[BBox | None]) -> Boxes:
    return boxes if isinstance(boxes, Boxes) else Boxes(boxes)


def count_header_rows(rows: Sequence[Sequence[str | None]], blank_ends: bool = False) -> int:
    """Rows before the first row with a numeric cell (with `blank_ends`, or an empty "" cell: header cells
    are never blank, data rows often are). A table with no figures at all (a newly founded unit) ends its
    header at the first row with a blank cell."""
    for i, row in enumerate(rows):
        if any(is_numeric(t) for t in row) or (blank_ends and any(t == "" for t in row)):
            return i
    for i, row in enumerate(rows):
        if any(t == "" for t in row):
            return i
    return len(rows)


def header_texts(rows: Sequence[Sequence[str | None]], n_header: int, n_cols: int) -> list[list[str]]:
    """Per column, the non-empty header cell texts (merged cells already forward-filled by the caller)."""
    out: list[list[str]] = [[] for _ in range(n_cols)]
    for row in rows[:n_header]:
        for c, t in enumerate(row[:n_cols]):
            if t and t.strip():
                out[c].append(t.strip())
    return out


def count_label_cols(rows: Sequence[Sequence[str | None]], n_header: int, n_cols: int) -> int:
    """Leading columns that label rows: a 科目编码/名称/项目-style header, or mostly non-amount cells."""
    heads = header_texts(rows, n_header, n_cols)
    n = 0
    for c in range(n_cols):
        body = _column(rows[n_header:], c)
        amounts = sum(1 for t in body if AMOUNT_RE.fullmatch(t))
        named = any(LABEL_HEAD_RE.fullmatch(h.replace(" ", "")) for h in heads[c])
        if (named and amounts <= len(body) / 2) or (body and amounts < len(body) / 2 and not _counts(body)):
            n += 1
        else:
            break
    return n


def _column(rows: Sequence[Sequence[str | None]], c: int) -> list[str]:
    """The non-empty, stripped texts of column c."""
    out: list[str] = []
    for row in rows:
        t = row[c] if c < len(row) else None
        if t and t.strip():
            out.append(t.strip())
    return out


def _counts(body: list[str]) -> bool:
    """A column of plain integers (人数, 个数) holds quantities, not labels, unless its header says 编码/序号."""
    return all(t.isdigit() for t in body)


def map_columns(prev: TableFrag, frag: TableFrag) -> list[int] | None:
    """Columns of a continuation fragment in the previous fragment's grid, or None if the grids differ.

    A continuation may merge columns (a 合计 row spanning 类/款/项/名称), so its column edges need only be
    a subset of the previous grid's, with the same outer edges.
    """
    # the right edge may be drawn a little wider when the fragment shares its frame with the next table
    right_tol = max(EDGE_TOL, 0.02 * (prev.bbox[2] - prev.bbox[0]))
    if abs(prev.bbox[0] - frag.bbox[0]) > EDGE_TOL or abs(prev.bbox[2] - frag.bbox[2]) > right_tol:
        return None
    out: list[int] = []
    for x in frag.xs:
        best = min(range(len(prev.xs)), key=lambda i: abs(prev.xs[i] - x))
        if abs(prev.xs[best] - x) > EDGE_TOL:
            return None
        out.append(best)
    return out
