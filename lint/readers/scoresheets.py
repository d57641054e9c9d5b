"""自评表 flattened by a PDF-to-text copy: one line a row, cells split by single spaces, merged cells
left out ("数量指标 高标准农田建设面积 ≥2.5万亩 2.6万亩 10 10" under a header of eight columns).

Spaces split words as well as cells, so `texttables` (which wants a steady column count) leaves these
alone. A score sheet has one thing to hold on to: its header names a 分值 column and, right after it,
a 得分 column (header words from ``[scores]`` in rules/vocabulary.toml), and every indicator row
writes those two as a pair of plain numbers. Each row is aligned on that pair: the words before it
fill the label and target columns from the right (a merged 一级指标 stays blank, as in the PDF), the
words after it the note columns. Rows without the pair (a heading row of its own) are left out;
short wrapped fragments ("响", "标准") are skipped; a sentence or a numbered heading ends the sheet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.model import Document
from lint.readers.markdown import Span, span_table, split_lines

_TOKEN = re.compile(r"\S+")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+)"
)
_PERCENT = re.compile(r"\d+(?:\.\d+)?[%％]")
MAX_FRAGMENT = 16  # characters of a wrapped cell fragment on a line of its own


@lru_cache(maxsize=1)
def _headers() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from lint.vocab import default_vocabulary

    sv = default_vocabulary().scores
    return tuple(sv.max_headers), tuple(sv.score_headers), tuple(sv.total_rows)


def _tokens(line: str, base: int) -> list[Span]:
    return [(m.group(0), base + m.start(), base + m.end()) for m in _TOKEN.finditer(line)]


def _header_span(tokens: list[Span]) -> tuple[int, int] | None:
    """Columns (a, b) of the 分值 and the 得分 header when 得分 follows 分值 with at most one column
    between (项目资金 … 分值 执行率 得分)."""
    maxes, scores, _ = _headers()
    words = [t[0] for t in tokens]
    for a in range(len(words) - 1):
        if words[a] in maxes:
            for b in (a + 1, a + 2):
                if b < len(words) and words[b] in scores:
                    return a, b
    return None


def _numeric(word: str) -> bool:
    return bool(_PLAIN.fullmatch(word) or _PERCENT.fullmatch(word))


def _row(tokens: list[Span], n: int, a: int, b: int) -> list[Span | None] | None:
    """The row's cells under a header of n columns whose 分值 is column a and 得分 column b, or None
    when the row writes no plain 分值 … 得分 run."""
    width = b - a + 1
    after_room = n - (b + 1)
    for j in range(len(tokens) - width, -1, -1):
        run = [t[0] for t in tokens[j : j + width]]
        if not (_PLAIN.fullmatch(run[0]) and _PLAIN.fullmatch(run[-1]) and all(_numeric(w) for w in run)):
            continue
        before, after = tokens[:j], tokens[j + width :]
        if after and after_room == 0:
            continue
        cells: list[Span | None] = [None] * n
        for i, t in enumerate(tokens[j : j + width]):
            cells[a + i] = t
        if len(before) == 1 and before[0][0].startswith(_headers()[2]):
            cells[0] = before[0]  # "总分 100 98.71": the total row names itself in the first column
        elif before:
            if len(before) > a:  # more words than label columns: the first column took a space
                head = before[: len(before) - a + 1]
                before = [
                    (" ".join(t[0] for t in head), head[0][1], head[-1][2]),
                    *before[len(before) - a + 1 :],
                ]
            for i, t in enumerate(reversed(before)):
                cells[a - 1 - i] = t
        if after:
            if len(after) > after_room:
                tail = after[after_room - 1 :]
                after = [*after[: after_room - 1], (" ".join(t[0] for t in tail), tail[0][1], tail[-1][2])]
            for i, t in enumerate(after):
                cells[b + 1 + i] = t
        return cells
    return None


def parse_score_sheets(doc: Document) -> None:
    """Append a Table for every single-space flattened score sheet not already read as a table."""
    taken = [(t.start, t.end) for t in doc.tables]
    lines = split_lines(doc.text)
    i = 0
    while i < len(lines):
        text, pos = lines[i]
        if any(a <= pos <= b for a, b in taken):
            i += 1
            continue
        header = _tokens(text, pos)
        span = _header_span(header) if len(header) >= 3 else None
        if span is None:
            i += 1
            continue
        n = len(header)
        rows: list[list[Span | None]] = [list(header)]
        end = pos + len(text)
        j = i + 1
        while j < len(lines):
            line, lpos = lines[j]
            if not line.strip() or _NUMBERED.match(line) or any(a <= lpos <= b for a, b in taken):
                break
            tokens = _tokens(line, lpos)
            if _header_span(tokens) is not None:
                break  # the next sheet
            cells = _row(tokens, n, *span)
            if cells is not None:
                rows.append(cells)
                end = lpos + len(line)
            elif "。" in line or (len(tokens) == 1 and len(line.strip()) > MAX_FRAGMENT):
                break  # a sentence: the sheet is over
            # else a row with no scores (其中：财政拨款 … — —) or a wrapped fragment ("响", "标准")
            j += 1
        if len(rows) >= 2:
            table = span_table(rows, [], pos, end)
            table.header_rows = 1
            doc.tables.append(table)
            taken.append((pos, end))
        i = j
    doc.tables.sort(key=lambda t: t.start)
