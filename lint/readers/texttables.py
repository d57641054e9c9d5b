"""Tables written as lines of text: cells split by tabs, by "|" (a 自评表 flattened by a mirror site or
pasted without Markdown's |---| row), or by runs of two or more spaces (a table typed in a text editor).

Each block becomes a `Table` in place, like a Markdown pipe table, so the table checks (FL401–FL407)
read it exactly as they read a PDF or Word table. The text is not rewritten: cell offsets point at the
cell text as written. Only the shape is guessed here, never the figures: a block is a table when it
looks like one — two or more rows (three when split by spaces) of two or more short cells, a steady
column count, and numbers in its body. Lines inside an existing table or a Markdown code block are
left alone.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lint.model import Document
from lint.readers.markdown import Span, fence_state, lines_above, span_table, split_lines
from lint.readers.tables import block_cuts, find_unit, is_numeric

_PIPE = re.compile(r"[|｜]")
_SPACES = re.compile(r"(?: {2,}|[\u3000\t]+ *)(?=\S)")
_DELIM = re.compile(r":?-{2,}:?")
_UNIT_NOTE = re.compile(r"[（(]?\s*(?:金额)?单位\s*[:：][^）)]*[）)]?")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")

MAX_CELL = 40  # characters; a longer "cell" is a sentence, and its line is prose
MAX_SPACE_CELL = 24  # cells of a space-split line are shorter still: prose may hold double spaces


@dataclass
class _Row:
    kind: str  # tab | pipe | space
    cells: list[Span]
    line: int  # index into the document's lines


def parse_text_tables(doc: Document, markdown: bool = False) -> None:
    """Append a Table to `doc.tables` for every block of separated lines that looks like a table."""
    taken = [(t.start, t.end) for t in doc.tables]
    lines = split_lines(doc.text)
    fence: str | None = None
    block: list[_Row] = []
    found: list[list[_Row]] = []
    for i, (text, pos) in enumerate(lines):
        if markdown:
            was = fence
            fence = fence_state(text, fence)
            if was is not None or fence is not None:
                found += _close(block)
                block = []
                continue
        inside = any(a <= pos <= b for a, b in taken)
        row = None if inside else _split(text, pos, i)
        if row is None or (block and row.kind != block[0].kind):
            found += _close(block)
            block = [row] if row is not None else []
            continue
        block.append(row)
    found += _close(block)
    for rows in found:
        first, last = lines[rows[0].line], lines[rows[-1].line]
        spans: list[list[Span | None]] = [list(r.cells) for r in rows]
        width = max(len(r) for r in spans)
        spans = [r + [None] * (width - len(r)) for r in spans]
        above = lines_above(lines, rows[0].line)
        table = span_table(spans, above, first[1], last[1] + len(last[0]))
        if above and find_unit(above[0]) and _UNIT_NOTE.sub("", above[0]).strip().endswith("表"):
            table.title = above[0]  # 支出决算表（单位：万元）: a title that also declares the unit
        doc.tables.append(table)
    doc.tables.sort(key=lambda t: t.start)


def _split(line: str, base: int, index: int) -> _Row | None:
    """The line's cells and how they are separated, or None for a line that is no table row."""
    if not line.strip() or _HEADING.match(line):
        return None
    if "\t" in line:
        return _row(
            "tab", _cells(line, base, [(m.start(), m.end()) for m in re.finditer(r"\t", line)]), index
        )
    if _PIPE.search(line):
        bars = [(m.start(), m.end()) for m in _PIPE.finditer(line)]
        cells = _cells(line, base, bars)
        if bars and not line[: bars[0][0]].strip():
            cells = cells[1:]
        if bars and not line[bars[-1][1] :].strip():
            cells = cells[:-1]
        if cells and all(_DELIM.fullmatch(c[0]) for c in cells):
            return None  # Markdown's |---|---| row: a border, not a row
        return _row("pipe", cells, index)
    seps = [(m.start(), m.end()) for m in _SPACES.finditer(line) if line[: m.start()].strip()]
    if not seps:
        return None  # one cell: no row (most prose lines end here)
    cells = _cells(line, base, seps)
    if any(len(c[0]) > MAX_SPACE_CELL for c in cells):
        return None
    return _row("space", cells, index)


def _row(kind: str, cells: list[Span], index: int) -> _Row | None:
    if len(cells) < 2 or any(len(c[0]) > MAX_CELL for c in cells):
        return None
    return _Row(kind, cells, index)


def _cells(line: str, base: int, seps: list[tuple[int, int]]) -> list[Span]:
    """Cells between separators, trimmed, with their offsets in the document."""
    bounds = [0]
    for a, b in seps:
        bounds += [a, b]
    bounds.append(len(line))
    out: list[Span] = []
    for k in range(0, len(bounds), 2):
        a, b = bounds[k], bounds[k + 1]
        raw = line[a:b]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        out.append((text, base + a + lead, base + a + lead + len(text)))
    return out


def _close(block: list[_Row]) -> list[list[_Row]]:
    """The block as a table, or nothing when it does not look like one. A 自评表 written as one block
    (fund rows, then 一级指标 … 分值 得分 rows) is a table per block, as in a Word or PDF grid: the
    columns of the two blocks mean different things (`tables.block_cuts`)."""
    if len(block) < 2:
        return []  # (no cut either: a block is cut only after its first row)
    cuts = block_cuts([[c[0] for c in r.cells] for r in block])
    if cuts:
        bounds = [0, *cuts, len(block)]
        return [t for a, b in itertools.pairwise(bounds) for t in _close(block[a:b])]
    if len(block) < (3 if block and block[0].kind == "space" else 2):
        return []
    widths = [len(r.cells) for r in block]
    if block[0].kind == "space" and len(set(widths[1:])) > 1:
        return []  # spaces split words as well as cells: only a steady column count is a table
    if max(widths) > 2 * min(widths) + 1:
        return []
    numeric_rows = sum(1 for r in block[1:] if any(is_numeric(c[0]) for c in r.cells[1:]))
    if numeric_rows < (2 if block[0].kind == "space" else 1):
        return []
    return [block]
