"""Two-column prose on a PDF page → each column read top to bottom (the PDF reader's layout half).

Lines are built across the whole page width, so two columns of prose side by side come out as one
line holding two unrelated half-sentences ("…收入预算总计1,250.60万元，其中：一般公 2024年“三公”经费…"),
and sums and shares are read across the columns. A stretch of consecutive lines is two columns when a
common vertical gutter near the middle of the page splits every one of them (or leaves it wholly on one
side), at least `MIN_SPLIT` lines have text on both sides, and each side reads as wrapped prose: one run
of text with no wide gap inside (an unruled table's label … amount … label … amount is no prose) that
fills its column on a third of the lines (at least two). Such lines are cut at the gutter; the right-hand column is read
after the left-hand one, and each part carries its column's edges for the paragraph joining.
"""

from __future__ import annotations

from dataclasses import replace

from lint.model import BBox
from lint.readers.pdf_lines import Line

MIN_SPLIT = 3  # lines with text on both sides of the gutter
MIN_GUTTER = 8.0  # points of white between the columns
CENTRE = (0.3, 0.7)  # the gutter lies in this share of the text width
FULL = 0.6  # a wrapped prose line fills this share of its column; headings and paragraph ends do not
WIDE_GAP = 2.5  # × font size: a gap this wide inside a line is a column gap (as in pdf_lines)


def _gaps(line: Line) -> list[tuple[float, float, int]]:
    """Wide gaps inside a line: (right edge before, left edge after, index of the first char after)."""
    out: list[tuple[float, float, int]] = []
    prev: BBox | None = None
    for i, box in enumerate(line.boxes):
        if box is None:
            continue
        if prev is not None and box[0] - prev[2] > WIDE_GAP * max(line.size, 1.0):
            out.append((prev[2], box[0], i))
        prev = box
    return out


def _side(line: Line, x: float) -> str:
    """Where a line lies against the gutter x: "L", "R", "both" (one wide gap across x) or "cross"."""
    if line.x1 <= x:
        return "L"
    if line.x0 >= x:
        return "R"
    gaps = _gaps(line)
    if len(gaps) == 1 and gaps[0][0] < x < gaps[0][1]:
        return "both"
    return "cross"


def _gutter(lines: list[Line], left: float, right: float) -> float | None:
    """The x in the middle of the text width that most lines leave a wide gap across: one sweep over
    the gaps' edges, so a hostile page of many lines costs n log n, not n²."""
    lo, hi = left + CENTRE[0] * (right - left), left + CENTRE[1] * (right - left)
    events: list[tuple[float, int]] = []
    for ln in lines:
        gaps = _gaps(ln)
        if len(gaps) == 1 and gaps[0][1] - gaps[0][0] >= MIN_GUTTER:
            a, b = max(gaps[0][0], lo), min(gaps[0][1], hi)
            if a < b:
                events += [(a, 1), (b, -1)]
    events.sort()  # at one x a gap closes (-1) before the next opens (+1): open intervals
    best, best_n, n = None, 0, 0
    for i, (x, d) in enumerate(events):
        n += d
        if d == 1 and n > best_n:
            best, best_n = (x + events[i + 1][0]) / 2, n  # an opening is always followed by its close
    return best if best_n >= MIN_SPLIT else None


def _part(line: Line, a: int, b: int, edges: tuple[float, float]) -> Line:
    """The chars [a, b) of a line as a line of its own column (inserted spaces at the cut dropped)."""
    text, boxes = line.text[a:b], line.boxes[a:b]
    while text and text[0] == " " and boxes[0] is None:
        text, boxes = text[1:], boxes[1:]
    while text and text[-1] == " " and boxes[-1] is None:
        text, boxes = text[:-1], boxes[:-1]
    inked = [bx for bx in boxes if bx is not None]
    return replace(line, text=text, boxes=boxes, x0=inked[0][0], x1=inked[-1][2], column=edges)


def split_columns(lines: list[Line], left: float, right: float) -> list[Line]:
    """The page's lines with each two-column stretch cut at its gutter (see the module docstring);
    `order` puts the right-hand column after the left-hand one. Unchanged when no stretch qualifies."""
    x = _gutter(lines, left, right)
    if x is None:
        return lines
    sides = [_side(ln, x) for ln in lines]
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if sides[i] == "cross":
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and sides[j] != "cross":
            j += 1
        out.extend(_stretch(lines[i:j], sides[i:j], x, left, right))
        i = j
    return out


def _stretch(lines: list[Line], sides: list[str], x: float, left: float, right: float) -> list[Line]:
    """Lines none of which crosses the gutter x: two columns when enough of them are prose on both sides."""
    if sides.count("both") < MIN_SPLIT:
        return lines
    lefts: list[Line] = []
    rights: list[Line] = []
    for ln, side in zip(lines, sides, strict=True):
        if side == "both":
            k = _gaps(ln)[0][2]
            lefts.append(_part(ln, 0, k, (left, x)))
            rights.append(_part(ln, k, len(ln.text), (x, right)))
        elif side == "L":
            lefts.append(replace(ln, column=(left, x)))
        else:
            rights.append(replace(ln, column=(x, right)))
    if not (_prose(lefts, x - left) and _prose(rights, right - x)):
        return lines
    col_left = min(ln.x0 for ln in lefts)
    col_right = max(ln.x1 for ln in lefts)
    r_left = min(ln.x0 for ln in rights)
    r_right = max(ln.x1 for ln in rights)
    lefts = [replace(ln, column=(col_left, col_right)) for ln in lefts]
    rights = [replace(ln, column=(r_left, r_right)) for ln in rights]
    last = max(ln.top for ln in lefts)
    step = 1e-3
    rights = [replace(ln, order=last + step * (n + 1)) for n, ln in enumerate(rights)]
    return sorted([*lefts, *rights], key=lambda ln: (ln.top, ln.x0))


def _prose(lines: list[Line], width: float) -> bool:
    """No line of a column holds a wide gap (a table row would) and a third of them (two at least)
    fill it: wrapped prose, among short headings and paragraph ends."""
    if any(_gaps(ln) for ln in lines):
        return False
    full = sum(1 for ln in lines if ln.x1 - ln.x0 >= FULL * width)
    return full >= max(2, len(lines) / 3)
