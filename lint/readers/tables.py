"""Table helpers shared by the DOCX, HTML, Markdown (and PDF) readers.

Two parts. The guessing helpers (`is_numeric`, `guess_header_rows`, `guess_label_cols`, `find_unit`,
`guess_unit`) only look at cell strings, so any reader can use them. `FlowBuilder` lays out
paragraphs and tables of a flowing document (DOCX, HTML) as one text with offsets and `blocks`.
They guess structure only; they never judge the figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from lint.errors import InputError
from lint.model import Document, Table, TableCell

Grid = list[list[str | None]]

# A hostile file can declare a 1,000-column span on 100,000 rows; refuse before allocating it.
MAX_GRID_CELLS = 1_000_000

# Placeholders that mean "no value" in Chinese fiscal tables (— for 无, / for 不适用).
_BLANKS = frozenset({"", "-", "—", "——", "－", "–", "/", "／", "…", "……", "无"})

_NUMBER = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+\-−]?\.\d+")
_UNIT_SUFFIX = re.compile(r"(?:%|‰|万元|亿元|元|人|个|项|件|条|家|分)$")
_UNIT_DECL = re.compile(r"(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|百元|元|%|人|个|项|件)")
_HEADER_UNIT = re.compile(r"[（(]\s*(亿元|万元|千元|元)\s*[）)]")


def is_blank(cell: str | None) -> bool:
    """None, whitespace and the dash placeholders (—, -, /) hold no value."""
    return cell is None or _norm(cell) in _BLANKS


def is_numeric(cell: str | None) -> bool:
    """A cell holding one number: 1,210.48, -3.5, （12.3）, ７３２．７４, 36.61%, 23人.

    Blanks ("—", "-") are not numeric: they neither start the body nor count against a label column.
    """
    if is_blank(cell):
        return False
    assert cell is not None
    s = _norm(cell).replace(" ", "")
    if len(s) > 2 and s[0] == "(" and s[-1] == ")":  # accountants' negative: (12.3)
        s = s[1:-1]
    s = _UNIT_SUFFIX.sub("", s)
    return bool(_NUMBER.fullmatch(s))


def _norm(cell: str) -> str:
    """NFKC folds full-width digits, commas, points and brackets to ASCII."""
    return unicodedata.normalize("NFKC", cell).strip()


def _is_year(cell: str | None) -> bool:
    """A bare year (2023, 2024年) heads a column; it does not make a row a data row."""
    if cell is None:
        return False
    s = _norm(cell).removesuffix("年").removesuffix("年度")
    return bool(re.fullmatch(r"(?:19|20)\d\d", s))


@lru_cache(maxsize=1)
def _score_words() -> tuple[frozenset[str], frozenset[str]]:
    from lint.vocab import default_vocabulary

    sv = default_vocabulary().scores
    return frozenset(sv.max_headers), frozenset(sv.score_headers)


def is_block_head(row: Sequence[str | None]) -> bool:
    """A row with no number that names a 分值 and a 得分 column (words from ``[scores]`` in
    rules/vocabulary.toml): the header of a scored block. A 项目支出绩效自评表 is often one grid holding a
    fund block (年初预算数 … 分值 执行率 得分) and an indicator block (一级指标 … 分值 得分 偏差原因) whose
    columns mean different things; the indicator block starts at such a row."""
    cells = ["".join(t.split()) for t in row if t is not None]
    if any(is_numeric(t) for t in cells):
        return False
    maxes, scores = _score_words()
    return any(t in maxes for t in cells) and any(t in scores for t in cells)


def block_cuts(rows: Sequence[Sequence[str | None]]) -> list[int]:
    """Rows where a scored block starts its own table: block heads with figures above them since the
    table's start or the last cut (a header of several rows on top stays one header)."""
    cuts: list[int] = []
    figures_above = False
    for r, row in enumerate(rows):
        if r and figures_above and is_block_head(row):
            cuts.append(r)
            figures_above = False
        figures_above = figures_above or any(is_numeric(t) for t in row)
    return cuts


def guess_header_rows(rows: Grid) -> int:
    """Header rows are those before the first row holding a number (years aside).

    A table with no number at all (a text table) gets one header row, like Table's default.
    """
    for i, row in enumerate(rows):
        if any(is_numeric(c) and not (i == 0 and _is_year(c)) for c in row):
            return i
    return min(1, len(rows))


def guess_label_cols(rows: Grid, header_rows: int = 1) -> int:
    """Leading columns whose body cells are mostly words (or a 序号 1, 2, 3 … column)."""
    body = rows[header_rows:] or rows
    n_cols = max((len(r) for r in rows), default=0)
    count = 0
    for c in range(n_cols):
        column = [r[c] if c < len(r) else None for r in body]
        if not _is_label_column(column):
            break
        count += 1
    return count


def _is_label_column(column: list[str | None]) -> bool:
    filled = [c for c in column if not is_blank(c)]
    if not filled:
        return True
    numeric = [c for c in filled if is_numeric(c)]
    if len(numeric) * 2 < len(filled):
        return True
    return len(numeric) == len(filled) and _is_serial(filled)


def _is_serial(cells: list[str | None]) -> bool:
    """1, 2, 3 … numbers rows (序号); it is a label, not an amount."""
    try:
        values = [int(_norm(c or "")) for c in cells]
    except ValueError:
        return False
    return len(values) > 1 and values == list(range(values[0], values[0] + len(values)))


def find_unit(text: str) -> str | None:
    """The unit a "单位：万元" / "（金额单位：元）" declaration names, else None."""
    m = _UNIT_DECL.search(_norm(text))
    return m.group(1) if m else None


def guess_unit(rows: Grid, header_rows: int, above: list[str]) -> str | None:
    """The table's money unit: a declaration above it or in it, else one unit all headers share."""
    for text in above:
        unit = find_unit(text)
        if unit:
            return unit
    for row in rows:
        for cell in row:
            unit = find_unit(cell) if cell else None
            if unit:
                return unit
    header_units = {
        m.group(1) for row in rows[:header_rows] for cell in row if cell for m in _HEADER_UNIT.finditer(cell)
    }
    return header_units.pop() if len(header_units) == 1 else None


# characters: the longest real titles ("2023年度一般公共预算财政拨款基本支出决算表（按经济分类）") fit
_TITLE_MAX = 60


def is_unit_line(text: str) -> bool:
    """A paragraph that only declares the unit ("单位：万元") is not a table title."""
    return find_unit(text) is not None and len(text.strip()) <= 16


def is_prose_line(text: str) -> bool:
    """A sentence of the report's prose ("全年开展培训1,260人次。"), not a table's title: it holds a
    full stop, or it is too long for a title. Such a line above a table leaves it untitled rather
    than naming it in every finding."""
    t = text.strip()
    return "。" in t or len(t) > _TITLE_MAX


def title_above(above: list[str]) -> str:
    """A table's title from the lines just above it, nearest first: the first that is not a unit
    declaration, unless that is prose (then the table has none)."""
    title = next((t for t in above if not is_unit_line(t)), "")
    return "" if is_prose_line(title) else title


def one_line(text: str, keep_tabs: bool = False) -> str:
    """Cell and paragraph text must not break the one-line-per-paragraph/row layout. A Word
    paragraph keeps its tabs: a table typed with tab stops is read as a text table."""
    if keep_tabs:
        return re.sub(r"[\n\r\v\f\u2028\u2029]+", " ", text).strip(" ")
    return re.sub(r"[\t\n\r\v\f\u2028\u2029]+", " ", text).strip()


def pad(rows: Grid) -> Grid:
    """Rectangular rows; positions a row does not reach are None."""
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


def check_grid_size(path: str, rows: int, cols: int) -> None:
    """Spans multiply rows by columns; a hostile table is refused, not allocated."""
    if rows * cols > MAX_GRID_CELLS:
        raise InputError(path, "表格过大（单元格超过一百万个）", "table too large (over a million cells)")


class FlowBuilder:
    """Lays out paragraphs (one per line) and tables (one line per row, cells split by tabs).

    Records `blocks` ("段落 N" / "表 N 第 R 行第 C 列", 1-based) so a figure can be located.
    """

    def __init__(self, fold: Callable[[str], str] | None = None) -> None:
        self._fold = fold  # 繁体 → 简体, length-preserving (lint/readers/hanzi.py)
        self._parts: list[str] = []
        self._pos = 0
        self.blocks: list[tuple[int, str]] = []
        self.tables: list[Table] = []
        self._n_paras = 0
        self._above: list[str] = []  # paragraphs since the last table, newest last

    def paragraph(self, text: str, keep_tabs: bool = False) -> None:
        text = one_line(text, keep_tabs)
        if self._fold is not None:
            text = self._fold(text)
        self._n_paras += 1
        self.blocks.append((self._pos, f"段落 {self._n_paras}"))
        self._emit(text + "\n")
        if text:
            self._above.append(text)

    def table(self, grid: Grid, caption: str = "", header_rows: int | None = None) -> None:
        """Add a table; `header_rows` is given when the source marks it (HTML <thead>)."""
        fold = self._fold or (lambda t: t)
        rows = [[None if c is None else fold(one_line(c)) for c in row] for row in pad(grid)]
        caption = fold(caption)
        if not rows or not rows[0]:
            return
        cuts = block_cuts(rows)
        if cuts:  # one grid holding a 自评表's fund block and its indicator block: a table each
            for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(rows)], strict=True)):
                self._table(rows[a:b], caption if k == 0 else "", header_rows if k == 0 else None)
            return
        self._table(rows, caption, header_rows)

    def _table(self, rows: list[list[str | None]], caption: str, header_rows: int | None) -> None:
        n = len(self.tables) + 1
        start = self._pos
        cells: list[list[TableCell | None]] = []
        for r, row in enumerate(rows):
            cells.append(self._row(n, r, row))
        end = self._pos - 1
        headers = guess_header_rows(rows) if header_rows is None else header_rows
        above = self._above[-2:][::-1]
        title = caption or title_above(above)
        unit = guess_unit(rows, headers, [caption, *above] if caption else above)
        labels = guess_label_cols(rows, headers)
        self.tables.append(Table(cells, headers, labels, None, title, unit, start, end))
        self._above = []

    def _row(self, n: int, r: int, row: list[str | None]) -> list[TableCell | None]:
        """One line; positions after the row's last cell (covered by a span) add no tabs."""
        last = max((c for c, text in enumerate(row) if text is not None), default=-1)
        out: list[TableCell | None] = []
        for c, text in enumerate(row):
            if 0 < c <= last:
                self._emit("\t")
            if text is None:
                out.append(None)
                continue
            self.blocks.append((self._pos, f"表 {n} 第 {r + 1} 行第 {c + 1} 列"))
            out.append(TableCell(r, c, text, self._pos, self._pos + len(text)))
            self._emit(text)
        self._emit("\n")
        return out

    def _emit(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    def build(self, path: str, fmt: str) -> Document:
        return Document(path=path, text="".join(self._parts), fmt=fmt, tables=self.tables, blocks=self.blocks)
