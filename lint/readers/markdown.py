"""Markdown: GitHub pipe tables found in place, so figures in them keep their row and column.

The text is not rewritten: cell offsets point at the cell text as written (escapes included).
Tables inside fenced or indented code blocks are left alone, as GitHub renders them as code.
"""

from __future__ import annotations

import re

from lint.model import Document, Table, TableCell
from lint.readers.tables import (
    Grid,
    block_cuts,
    guess_header_rows,
    guess_label_cols,
    guess_unit,
    title_above,
)

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_DELIM_CELL = re.compile(r":?-+:?")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")

Span = tuple[str, int, int]  # cell text, start, end offsets in the document


def parse_markdown_tables(doc: Document) -> None:
    """Append a Table to `doc.tables` for every pipe table (header row, |---| row, body rows)."""
    lines = split_lines(doc.text)
    i = 0
    fence: str | None = None
    while i < len(lines):
        text = lines[i][0]
        fence = fence_state(text, fence)
        if fence is None and i + 1 < len(lines) and _is_header(text, lines[i + 1][0]):
            i = _take_table(doc, lines, i)
            continue
        i += 1


def split_lines(text: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((line, pos))
        pos += len(line) + 1
    return out


def fence_state(line: str, fence: str | None) -> str | None:
    """The open code fence after `line` (``` or ~~~ run), or None outside code."""
    m = _FENCE.match(line)
    if fence is None:
        return m.group(1) if m else None
    if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip():
        return None
    return fence


def _is_header(line: str, delim: str) -> bool:
    """GFM: a row with pipes, then a delimiter row with the same number of cells."""
    if "|" not in line or "|" not in delim or _indent(line) >= 4 or _indent(delim) >= 4:
        return False
    cells = _split(delim, 0)
    if not cells or not all(_DELIM_CELL.fullmatch(c[0]) for c in cells):
        return False
    return len(_split(line, 0)) == len(cells)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _take_table(doc: Document, lines: list[tuple[str, int]], i: int) -> int:
    """Build the table starting at line i; return the index of the first line after it."""
    header = _split(*lines[i])
    rows: list[list[Span | None]] = [list(header)]
    j = i + 2
    while j < len(lines) and lines[j][0].strip() and "|" in lines[j][0] and not _FENCE.match(lines[j][0]):
        cells: list[Span | None] = list(_split(*lines[j])[: len(header)])
        rows.append(cells + [None] * (len(header) - len(cells)))
        j += 1
    # row r is on line i + r + 1 (the delimiter line follows the header); a 自评表 written as one
    # table holding a fund block and an indicator block becomes a table per block (tables.block_cuts)
    line_of = [i, *range(i + 2, j)]
    cuts = block_cuts([[c[0] if c else None for c in row] for row in rows])
    for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(rows)], strict=True)):
        first, last = lines[line_of[a]], lines[line_of[b - 1]]
        above = lines_above(lines, i) if k == 0 else []
        doc.tables.append(span_table(rows[a:b], above, first[1], last[1] + len(last[0])))
    return j


def span_table(rows: list[list[Span | None]], above: list[str], start: int, end: int) -> Table:
    grid: Grid = [[c[0] if c else None for c in row] for row in rows]
    cells: list[list[TableCell | None]] = [
        [TableCell(r, c, s[0], s[1], s[2]) if s else None for c, s in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    header_rows = max(1, guess_header_rows(grid))
    title = title_above(above)
    unit = guess_unit(grid, header_rows, above)
    return Table(cells, header_rows, guess_label_cols(grid, header_rows), None, title, unit, start, end)


def lines_above(lines: list[tuple[str, int]], i: int) -> list[str]:
    """Up to two non-blank lines just above the table, nearest first, heading marks removed."""
    out: list[str] = []
    for text, _ in reversed(lines[max(0, i - 4) : i]):
        if text.lstrip().startswith("|") or "\t" in text.strip():
            break  # the row of a table just above (pipe or tab): no title of this one
        if text.strip():
            out.append(_HEADING.sub("", text).strip())
        if len(out) == 2:
            break
    return out


def _split(line: str, base: int) -> list[Span]:
    """Cells of a pipe row, trimmed, with offsets; `\\|` is a literal pipe, not a border."""
    bars = _bar_positions(line)
    bounds = [-1, *bars, len(line)]
    segments = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    if bars and not line[: bars[0]].strip():
        segments = segments[1:]
    if bars and not line[bars[-1] + 1 :].strip():
        segments = segments[:-1]
    out: list[Span] = []
    for a, b in segments:
        raw = line[a:b]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        out.append((text, base + a + lead, base + a + lead + len(text)))
    return out


def _bar_positions(line: str) -> list[int]:
    out: list[int] = []
    escaped = False
    for k, ch in enumerate(line):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            out.append(k)
    return out
