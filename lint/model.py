"""The data model every stage shares: Document → Figure → Relation → Finding.

Data flows one way: readers build a `Document`, extract turns it into `Figure`s, structure states
`Relation`s between figures, checks turn relations into `Finding`s, report renders findings.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from typing import TypeVar, overload

BBox = tuple[float, float, float, float]
CharBox = tuple[int, BBox]  # (page, bbox) of one character of a PDF's text


T = TypeVar("T")


class _Packed(Sequence[T]):
    """A sequence kept in flat arrays, read item by item as tuples: a subclass gives `__len__`, `_at`
    (one item, built on demand) and `_arrays` (what equal packed sequences hold alike)."""

    __slots__ = ()

    def _at(self, i: int) -> T:
        raise NotImplementedError

    def _arrays(self) -> tuple[object, ...]:
        raise NotImplementedError

    def _item(self, i: int) -> T:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._at(i)

    def __iter__(self) -> Iterator[T]:
        return (self._at(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._arrays() == other._arrays()
        if isinstance(other, Sequence):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Boxes(_Packed[BBox | None]):
    """The boxes of a run of characters (one PDF line or table cell), or None for an inserted space:
    four doubles and a flag a char instead of a tuple and four floats (~36 bytes instead of ~150).
    Why: every page's lines wait in memory until the whole document is read and assembled, and as
    tuples their boxes were most of a 500-page read's peak. Reads like a list of (x0, top, x1, bottom).
    Stored as doubles, as `CharBoxes` stores them: the values the document keeps are unchanged."""

    __slots__ = ("_flat", "_inked")

    def __init__(self, items: Iterable[BBox | None] = ()) -> None:
        self._flat = array("d")
        self._inked = bytearray()
        for box in items:
            if box is None:
                self._inked.append(0)
                self._flat.extend((0.0, 0.0, 0.0, 0.0))
            else:
                self._inked.append(1)
                self._flat.extend(box)

    @classmethod
    def packed(cls, flat: array[float], inked: bytearray) -> Boxes:
        """From four doubles a char (zeros where there is no box) and a 0/1 flag a char."""
        out = cls.__new__(cls)
        out._flat, out._inked = flat, inked
        return out

    @classmethod
    def joined(cls, runs: Iterable[Boxes]) -> Boxes:
        """Several runs one after the other (a cell's wrapped lines)."""
        out = cls()
        for run in runs:
            out._flat.extend(run._flat)
            out._inked.extend(run._inked)
        return out

    def pages(self, page: int) -> array[int]:
        """Per char: `page` where it has a box, 0 where not (CharBoxes' page column)."""
        out = array("i", [page]) * len(self._inked)
        if 0 in self._inked:
            for i, k in enumerate(self._inked):
                if not k:
                    out[i] = 0
        return out

    def __len__(self) -> int:
        return len(self._inked)

    def _at(self, i: int) -> BBox | None:
        if not self._inked[i]:
            return None
        f, j = self._flat, 4 * i
        return (f[j], f[j + 1], f[j + 2], f[j + 3])

    @overload
    def __getitem__(self, i: int) -> BBox | None: ...

    @overload
    def __getitem__(self, i: slice) -> Boxes: ...

    def __getitem__(self, i: int | slice) -> BBox | Boxes | None:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self._inked))
            if step == 1:
                stop = max(start, stop)
                return Boxes.packed(self._flat[4 * start : 4 * stop], self._inked[start:stop])
            return Boxes(self._at(k) for k in range(start, stop, step))
        return self._item(i)

    def _arrays(self) -> tuple[object, ...]:
        return (self._inked, self._flat)

    def __repr__(self) -> str:
        return f"Boxes({list(self)!r})"


class CharBoxes(_Packed[CharBox | None]):
    """Per character of a PDF's text, (page, bbox) or None, kept in two flat arrays (a page number,
    0 for None, and four doubles per char) instead of two tuples and four floats per char: ~36 bytes
    a char instead of ~230, which is most of a long report's memory. Reads like a list of tuples."""

    __slots__ = ("_boxes", "_pages")

    def __init__(self, items: Iterable[CharBox | None] = ()) -> None:
        self._pages = array("i")
        self._boxes = array("d")
        for item in items:
            if item is None:
                self.add_none(1)
            else:
                self.add(item[0], [item[1]])

    def add_none(self, n: int) -> None:
        """n characters with no box (inserted separators)."""
        self._pages.extend(array("i", [0]) * n)
        self._boxes.extend(array("d", [0.0]) * (4 * n))

    def add(self, page: int, boxes: Iterable[BBox | None]) -> None:
        """Characters of `page` (≥ 1) with these boxes (None: no box)."""
        pages, flat = self._pages, self._boxes
        if isinstance(boxes, Boxes):  # the same values, copied array to array
            pages.extend(boxes.pages(page))
            flat.extend(boxes._flat)
            return
        for b in boxes:
            if b is None:
                pages.append(0)
                flat.extend((0.0, 0.0, 0.0, 0.0))
            else:
                pages.append(page)
                flat.extend(b)

    def __len__(self) -> int:
        return len(self._pages)

    def _at(self, i: int) -> CharBox | None:
        page = self._pages[i]
        if not page:
            return None
        b = self._boxes
        j = 4 * i
        return (page, (b[j], b[j + 1], b[j + 2], b[j + 3]))

    @overload
    def __getitem__(self, i: int) -> CharBox | None: ...

    @overload
    def __getitem__(self, i: slice) -> list[CharBox | None]: ...

    def __getitem__(self, i: int | slice) -> CharBox | list[CharBox | None] | None:
        if isinstance(i, slice):
            return [self._at(k) for k in range(*i.indices(len(self._pages)))]
        return self._item(i)

    def first_page(self, start: int, end: int) -> int | None:
        """The page of the first char in [start, end) that has a box (no tuple made per char)."""
        for page in self._pages[start:end]:
            if page:
                return page
        return None

    def extent(self, start: int, end: int) -> CharBox | None:
        """The first boxed char's page in [start, end) and the box around that page's chars there, read
        from the arrays (a finding's location; a table row's line is long)."""
        start, end, _ = slice(start, end).indices(len(self._pages))
        page = self.first_page(start, end)
        if page is None:
            return None
        pages, flat = self._pages[start:end], self._boxes
        if pages.count(page) == len(pages):  # every char boxed, on one page: four strided slices
            a, b = 4 * start, 4 * end
            return (
                page,
                (
                    min(flat[a:b:4]),
                    min(flat[a + 1 : b : 4]),
                    max(flat[a + 2 : b : 4]),
                    max(flat[a + 3 : b : 4]),
                ),
            )
        at = [4 * (start + i) for i, p in enumerate(pages) if p == page]
        return (
            page,
            (
                min(flat[j] for j in at),
                min(flat[j + 1] for j in at),
                max(flat[j + 2] for j in at),
                max(flat[j + 3] for j in at),
            ),
        )

    def _arrays(self) -> tuple[object, ...]:
        return (self._pages, self._boxes)

    def __repr__(self) -> str:
        return f"CharBoxes({len(self)} chars)"


class Severity(IntEnum):
    """Ordered so that `max()` picks the most serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (info, warning, error)") from None


@dataclass(frozen=True)
class Location:
    """Where a piece of text came from. line/column are 1-based, offset 0-based in Document.text."""

    line: int
    column: int
    offset: int
    page: int | None = None
    bbox: BBox | None = None
    where: str | None = None  # DOCX/HTML: "段落 12" or "表 2 第 3 行第 4 列"
    # the offset in the file's own text where the reader rejoined wrapped lines (Document.source)
    file_offset: int | None = None

    @property
    def shown_offset(self) -> int:
        """The offset machine output gives: into the file as written, for text read as written."""
        return self.offset if self.file_offset is None else self.file_offset

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "offset": self.shown_offset,
            "page": self.page,
            "bbox": list(self.bbox) if self.bbox else None,
        }


@dataclass
class TableCell:
    row: int
    col: int
    text: str
    start: int  # offset of the cell text in Document.text
    end: int


@dataclass
class Table:
    """A table as rows of cells; header rows and the label column are identified by the reader."""

    cells: list[list[TableCell | None]]
    header_rows: int = 1
    label_cols: int = 1
    page: int | None = None
    title: str = ""
    unit: str | None = None  # "万元" when the table declares 单位：万元
    start: int = 0
    end: int = 0

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.cells), default=0)


@dataclass
class Document:
    """A report as text plus the map from text offsets back to the source file."""

    path: str
    text: str
    fmt: str
    tables: list[Table] = field(default_factory=list)
    # PDF only: per character of `text`, (page, bbox) or None for inserted separators.
    char_boxes: Sequence[CharBox | None] | None = None  # CharBoxes from the reader
    # DOCX/HTML: sorted (start offset, description) of the block each span came from.
    blocks: list[tuple[int, str]] = field(default_factory=list)
    # the text as the file wrote it, when the reader folded it (繁体 → 简体, same length); else None
    original: str | None = None
    # A hard-wrapped text file whose wrapped lines the reader rejoined (readers/unwrap.py): the file's
    # own text, and (offset in `text`, source chars removed just before it). Locations, line numbers and
    # quoted lines are the file's; `text_line_col` gives the line of `text` (what layout reads).
    source: str | None = None
    cuts: list[tuple[int, int]] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _text_starts: list[int] = field(default_factory=list, repr=False)
    _cut_at: list[int] = field(default_factory=list, repr=False)
    _cut_sum: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._text_starts = _starts(self.text)
        self._line_starts = _starts(self.source) if self.source is not None else self._text_starts
        total = 0
        for at, n in self.cuts:
            total += n
            self._cut_at.append(at)
            self._cut_sum.append(total)

    def source_offset(self, offset: int) -> int:
        """The offset in the file's own text of `text[offset]`."""
        if not self._cut_at:
            return offset
        k = bisect.bisect_right(self._cut_at, offset)
        return offset + (self._cut_sum[k - 1] if k else 0)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file as written."""
        offset = self.source_offset(offset)
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def text_line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in `text` (the same as line_col unless the reader rejoined lines)."""
        idx = bisect.bisect_right(self._text_starts, offset) - 1
        return idx + 1, offset - self._text_starts[idx] + 1

    def source_line_number(self, text_line: int) -> int:
        """The file's line number of a line of `text` (its first character's)."""
        if not 1 <= text_line <= len(self._text_starts):
            return text_line
        return self.line_col(self._text_starts[text_line - 1])[0]

    def line_text(self, line: int) -> str:
        """A line of the file (folded to simplified characters, unless the reader rejoined its lines)."""
        if self.source is not None:
            return self._source_text(line)
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]

    def _source_text(self, line: int) -> str:
        assert self.source is not None
        start = self._line_starts[line - 1]
        end = self.source.find("\n", start)
        return self.source[start : end if end >= 0 else len(self.source)]

    def source_line(self, line: int) -> str:
        """A line as the file wrote it (in traditional characters if it was), for showing to a reader."""
        if self.source is not None:
            return self._source_text(line)
        text = self.line_text(line)
        if self.original is None:
            return text
        start = self._line_starts[line - 1]
        return self.original[start : start + len(text)]

    def page_of_line(self, line: int) -> int | None:
        """The PDF page a line of the extracted text was read from (None for other formats)."""
        if not self.char_boxes or not 1 <= line <= len(self._line_starts):
            return None
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        end = end if end >= 0 else len(self.text)
        if isinstance(self.char_boxes, CharBoxes):
            return self.char_boxes.first_page(start, end)
        for box in self.char_boxes[start:end]:
            if box is not None:
                return box[0]
        return None

    def location(self, start: int, end: int | None = None) -> Location:
        end = start + 1 if end is None else max(end, start + 1)
        line, col = self.line_col(start)
        page: int | None = None
        bbox: BBox | None = None
        if self.char_boxes:
            got = _extent(self.char_boxes, start, end)
            if got is not None:
                page, (x0, top, x1, bottom) = got
                bbox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
        where = None
        if self.blocks:
            i = bisect.bisect_right(self.blocks, start, key=lambda b: b[0]) - 1
            if i >= 0:
                where = self.blocks[i][1]
        file_offset = self.source_offset(start) if self.cuts else None
        return Location(line, col, start, page, bbox, where, file_offset)


def _extent(char_boxes: Sequence[CharBox | None], start: int, end: int) -> CharBox | None:
    """The first boxed char's page in [start, end) and the box around that page's chars there."""
    if isinstance(char_boxes, CharBoxes):
        return char_boxes.extent(start, end)
    boxes = [b for b in char_boxes[start:end] if b is not None]
    if not boxes:
        return None
    page = boxes[0][0]
    same = [b[1] for b in boxes if b[0] == page]
    return (
        page,
        (min(b[0] for b in same), min(b[1] for b in same), max(b[2] for b in same), max(b[3] for b in same)),
    )


@dataclass(frozen=True)
class Qualifiers:
    """What a label means: stage (预算/决算…), period (本年/上年/a year), fund scope, approximation."""

    stage: str | None = None  # budget | initial | adjusted | final
    period: str | None = None  # "current", "previous", or a year "2023"
    fund: str | None = None  # 财政拨款, 一般公共预算, 政府性基金 …
    approx: bool = False  # 约/近/余/左右: never used in a check
    # 同口径/可比/剔除…因素: a rate or difference on a restated basis, not between the raw figures written
    restated: bool = False

    def key(self) -> tuple[str | None, str | None, str | None]:
        return (self.stage, self.period, self.fund)


@dataclass(eq=False)
class Figure:
    """One quantity written in the report, exact as written. Compared by identity: two figures
    with the same value are still two places in the report."""

    id: int
    text: str  # source text, e.g. "268.72万元"
    value: Decimal  # value in its written unit (signed)
    unit: str  # 万元, 元, %, 人, 个 …
    dimension: str  # money | percent | points | people | count | score | other
    scale: Decimal  # multiply value by scale to get the base unit (元 for money)
    decimals: int  # decimals as written
    precision: int  # decimals the figure stands for (document convention; ≥ decimals)
    label: str  # normalised noun phrase
    raw_label: str
    qualifiers: Qualifiers
    section: tuple[str, ...]
    start: int  # offset of the number's first character
    end: int  # offset after the unit
    location: Location
    role: str = "amount"  # amount | difference | rate | share | average | base | ratio | other
    direction: int = 0  # +1 增加/增长, −1 减少/下降, 0 none, for difference/rate figures
    exact: bool = False  # counts of people/items are exact integers
    scoped: bool = False  # the label is narrowed by a preceding clause ("…中标的，采购金额X")
    table: tuple[int, int, int] | None = None  # (table index, row, col)
    placeholder: bool = False  # written as a template placeholder ("XXX万元"): not a figure at all
    # read through noise (ocr | spaced | cut | footnote: extract/figures.py): approximate, never checked
    noise: str | None = None

    @property
    def base_value(self) -> Decimal:
        return self.value * self.scale

    def as_json(self, role: str | None = None) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "label": self.label,
            "value": str(self.value),
            "unit": self.unit,
        }
        if role is not None:
            out["role"] = role
        out["location"] = self.location.as_json()
        if self.table is not None:
            row_label, _, column_label = self.raw_label.partition("｜")
            out["table"] = {
                "index": self.table[0],
                "page": self.location.page,
                "row": self.table[1],
                "column": self.table[2],
                "row_label": row_label,
                "column_label": column_label,
            }
        return out


@dataclass
class Relation:
    """A relation the report states (or an identity implies) between figures.

    `members` are (role, figure) pairs: total/part, part/whole/share, current/base/difference/rate,
    total/count/average, … ; `data` holds kind-specific facts (direction, listed items, marker).
    """

    kind: str  # sum | share | change | ratio | average | count | repeat | identity
    members: list[tuple[str, Figure]]
    anchor: int  # text offset the relation is reported at
    data: dict[str, object] = field(default_factory=dict)
    # How sure the reading is (SPEC §4): "explicit" — the wording links every figure in one
    # sentence; "inferred" — one link is inferred (a whole or current found by its label in another
    # sentence, a base the rate does not name). A failing inferred relation is a warning, not an error.
    certainty: str = "explicit"

    def role(self, name: str) -> Figure | None:
        for r, f in self.members:
            if r == name:
                return f
        return None

    def roles(self, name: str) -> list[Figure]:
        return [f for r, f in self.members if r == name]


@dataclass
class Suggestion:
    figure: Figure
    current: str
    suggested: str
    reason: str

    def as_json(self) -> dict[str, object]:
        return {
            "figure": self.figure.as_json(),
            "current": self.current,
            "suggested": self.suggested,
            "reason": self.reason,
        }


@dataclass
class Finding:
    rule: str  # FL201
    name: str  # sum-mismatch
    severity: Severity
    message: str
    location: Location
    figures: list[tuple[str, Figure]]
    expected: str | None = None
    actual: str | None = None
    arithmetic: str | None = None
    suggestion: Suggestion | None = None
    certainty: str = "explicit"  # of the reading behind it: explicit | inferred
    # equally likely culprits when no single figure can be named (lint/checks/causes.py)
    candidates: list[Suggestion] = field(default_factory=list)
    # other failing relations the same change repairs: one root cause, one finding (checks/group.py)
    related: list[Finding] = field(default_factory=list)
    # where the relation is reported when no single figure is to blame (a stated tie), if not
    # `location`: a check may place a finding at its own culprit, which the culprit search can overrule
    anchor: Location | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (-int(self.severity), self.location.offset, self.rule)

    def as_json(self) -> dict[str, object]:
        return {
            **self.related_json(),
            "expected": self.expected,
            "actual": self.actual,
            "suggestion": self.suggestion.as_json() if self.suggestion else None,
            "confidence": self.certainty,
            "candidates": [c.as_json() for c in self.candidates],
            "related": [r.related_json() for r in self.related],
        }

    def related_json(self) -> dict[str, object]:
        """A relation listed under the finding that speaks for its root cause."""
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "location": self.location.as_json(),
            "figures": [f.as_json(role) for role, f in self.figures],
            "arithmetic": self.arithmetic,
        }


@dataclass
class FileResult:
    path: str
    status: str  # ok | error
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    document: Document | None = None


def _starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts
