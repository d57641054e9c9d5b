"""PDF chars → physical lines → prose, by geometry only (the PDF reader's text half).

pdfplumber's own `extract_text()` groups chars by exact `top`; real reports set digits in a Latin font on
another baseline (corpus caizhengju p.21: "总计 万元。⏎2024 0.3"), so lines here are built by vertical
overlap of char boxes, then sorted by x, and joined geometrically (see `line_break`).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

from lint.model import BBox, Boxes

# A line ending in one of these ends its paragraph. Not ；: a list of 科目 with their shares runs on
# across full-width lines ("…326.72万元，占11.11%；⏎卫生健康支出（类）60.99万元，占2.07%；").
BREAK_AFTER = "。！？：!?"
# "— 3 —", "- 3 -", "第 3 页", "第3页 共25页", "3/25", "Page 3", bare "3".
PAGE_NO_RE = re.compile(
    r"[-—–－_~\s]*(?:第\s*)?(?:page\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－_~\s]*",
    re.IGNORECASE,
)
TOP_BAND = 0.07  # share of the page height that holds running headers
BOTTOM_BAND = 0.07
PAGE_NO_BAND = 0.12  # page numbers sit a little further in (GB/T 9704: 7 mm under the text block)


class Glyph(NamedTuple):
    """One drawn char, reduced to what the reader needs (pdfplumber dicts are ~1 KB each)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)  # a long report's lines all wait for assembly: no __dict__ each
class Line:
    """A physical line of prose with one box (or None for an inserted space) per text character."""

    page: int
    text: str
    boxes: Sequence[BBox | None]  # Boxes from build_line
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    # a line of one column of a two-column page (pdf_columns): that column's left and right edge, and
    # where it is read (the right-hand column after the left-hand one); None on a one-column page
    column: tuple[float, float] | None = None
    order: float | None = None

    @property
    def reading_top(self) -> float:
        return self.top if self.order is None else self.order


def is_cjk(ch: str) -> bool:
    """Ideographs and full-width punctuation: no space is ever inserted next to them."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2E80 <= o <= 0x2FDF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
        or ch in "“”‘’—…·"
    )


def to_glyphs(chars: Iterable[dict[str, Any]]) -> list[Glyph]:
    return [
        Glyph(
            c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]), float(c["size"])
        )
        for c in chars
        if c.get("text")
    ]


def has_duplicates(chars: Sequence[dict[str, Any]]) -> bool:
    """Cheap fake-bold probe (~0.3 ms/page); `dedupe_chars()` costs ~35 ms/page, so run it only if this fires."""
    seen: set[tuple[str, int, int]] = set()
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        if key in seen and not c["text"].isspace():
            return True
        seen.add(key)
    return False


def glyphs_have_duplicates(glyphs: Sequence[Glyph]) -> bool:
    """`has_duplicates` for glyphs (no dict per glyph)."""
    seen: set[tuple[str, int, int]] = set()
    for g in glyphs:
        key = (g.text, round(g.x0), round(g.top))
        if key in seen and not g.text.isspace():
            return True
        seen.add(key)
    return False


def _initial_clusters(glyphs: list[Glyph], tol: float = 2.5) -> list[list[Glyph]]:
    """Group chars whose `top` agrees within `tol` (same font, same baseline)."""
    clusters: list[list[Glyph]] = []
    anchor = float("-inf")
    for g in sorted(glyphs, key=lambda g: g.top):
        if clusters and g.top - anchor <= tol:
            clusters[-1].append(g)
        else:
            clusters.append([g])
            anchor = g.top
    return clusters


def _band(cluster: list[Glyph]) -> tuple[float, float]:
    tops = sorted(g.top for g in cluster)
    bottoms = sorted(g.bottom for g in cluster)
    return tops[len(tops) // 2], bottoms[len(bottoms) // 2]


def _overlap_ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(min(a[1] - a[0], b[1] - b[0]), 0.1)


def _collide(a: list[Glyph], b: list[Glyph]) -> bool:
    """True when two clusters draw over each other horizontally (then they are distinct lines)."""
    spans = sorted([(g.x0, g.x1, 0) for g in a] + [(g.x0, g.x1, 1) for g in b])
    last_end = [float("-inf"), float("-inf")]
    for x0, x1, side in spans:
        other = last_end[1 - side]
        if other - x0 > 0.3 * max(x1 - x0, 0.1):
            return True
        last_end[side] = max(last_end[side], x1)
    return False


def cluster_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Lines by vertical overlap: a small cluster on a shifted baseline joins the bigger neighbour it overlaps
    by ≥ half its height, unless their chars collide. Each line comes back sorted by x."""
    clusters = _initial_clusters(glyphs)
    bands = [_band(c) for c in clusters]
    parent = list(range(len(clusters)))
    for i, c in enumerate(clusters):
        best, best_ratio = -1, 0.5
        for j in (i - 1, i + 1):
            if not 0 <= j < len(clusters):
                continue
            bigger = len(clusters[j]) > len(c) or (len(clusters[j]) == len(c) and j < i)
            ratio = _overlap_ratio(bands[i], bands[j])
            if bigger and ratio >= best_ratio and not _collide(c, clusters[j]):
                best, best_ratio = j, ratio
        if best >= 0:
            parent[i] = best
    groups: dict[int, list[Glyph]] = {}
    for i, c in enumerate(clusters):
        root = i
        for _ in range(len(clusters)):
            if parent[root] == root:
                break
            root = parent[root]
        groups.setdefault(root, []).extend(c)
    lines = [sorted(groups[k], key=lambda g: g.x0) for k in sorted(groups, key=lambda k: bands[k][0])]
    return lines


def _needs_space(prev: Glyph, g: Glyph) -> bool:
    """A gap becomes one space only between non-CJK chars (words, numbers), or when it is a column gap."""
    gap = g.x0 - prev.x1
    size = max(min(prev.size, g.size), 1.0)
    if gap > 2.5 * size:
        return True
    return gap > 0.5 * size and not is_cjk(prev.text[-1]) and not is_cjk(g.text[0])


def build_line(page: int, glyphs: list[Glyph]) -> Line | None:
    """Text of one physical line (no spaces next to CJK; real space glyphs kept between Latin words)."""
    texts: list[str] = []
    flat: list[float] = []  # four per char (zeros for an inserted space), packed into Boxes
    has_box = bytearray()
    prev: Glyph | None = None
    saw_space = False
    for g in glyphs:
        if g.text.isspace():
            saw_space = True
            continue
        if prev is not None and (_needs_space(prev, g) or (saw_space and not _cjk_pair(prev, g))):
            texts.append(" ")
            flat += (0.0, 0.0, 0.0, 0.0)
            has_box.append(0)
        saw_space = False
        box = (g.x0, g.top, g.x1, g.bottom)
        for ch in g.text:
            texts.append(ch)
            flat += box
            has_box.append(1)
        prev = g
    if not texts:
        return None
    top, bottom = _band(glyphs)
    sizes = sorted(g.size for g in glyphs)
    inked = [g for g in glyphs if not g.text.isspace()]
    boxes = Boxes.packed(array("d", flat), has_box)
    return Line(page, "".join(texts), boxes, inked[0].x0, inked[-1].x1, top, bottom, sizes[len(sizes) // 2])


def _cjk_pair(a: Glyph, b: Glyph) -> bool:
    return is_cjk(a.text[-1]) or is_cjk(b.text[0])


def page_lines(page: int, glyphs: list[Glyph]) -> list[Line]:
    out: list[Line] = []
    for group in cluster_lines(glyphs):
        line = build_line(page, group)
        if line is not None:
            out.append(line)
    return out


def line_pitch(lines: Sequence[Line]) -> float:
    """The page's usual baseline-to-baseline distance: double-spaced reports (社会工作部: 31 pt for
    15 pt type) must not read every line as a new paragraph."""
    steps = sorted(
        round(b.top - a.top, 1) for a, b in pairwise(lines) if 0 < b.top - a.top < 4 * max(a.size, 1.0)
    )
    return steps[len(steps) // 2] if len(steps) >= 3 else 0.0


def line_break(
    a: Line, b: Line, right_edge: float, left_edge: float, same_page: bool, pitch: float = 0.0
) -> str:
    """Separator between consecutive prose lines: keep the break after 。！？：； , after a line that stops
    well short of the right edge, before an indented line, at a font-size change or a paragraph gap;
    otherwise join with "" (a space only between two Latin letters)."""
    if a.text[-1] in BREAK_AFTER:
        return "\n"
    if a.x1 < right_edge - 4 * a.size:
        return "\n"
    if b.x0 > left_edge + 1.5 * b.size:
        return "\n"
    if abs(a.size - b.size) > 1.0:
        return "\n"
    if same_page and (b.top - a.top > 1.5 * pitch if pitch else b.top - a.bottom > 0.8 * max(a.size, b.size)):
        return "\n"
    if a.text[-1].isascii() and a.text[-1].isalpha() and b.text[0].isascii() and b.text[0].isalpha():
        return " "
    return ""


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def find_furniture(pages: Sequence[tuple[float, list[Line]]]) -> list[set[int]]:
    """Per page, indexes of lines that are running headers/footers or page numbers.

    A header/footer is a line in the top/bottom band whose text (digits masked) recurs in the band on
    at least two pages and ≥30% of them; a page number is a first/last line matching PAGE_NO_RE near the edge.
    """
    counts: Counter[str] = Counter()
    banded: list[list[tuple[int, str]]] = []
    for height, lines in pages:
        here: list[tuple[int, str]] = []
        for idx in _edge_indexes(lines):
            ln = lines[idx]
            if ln.top < TOP_BAND * height or ln.bottom > (1 - BOTTOM_BAND) * height:
                here.append((idx, _furniture_key(ln.text)))
        banded.append(here)
        counts.update({key for _, key in here})
    need = max(2, int(0.3 * len(pages) + 0.999))
    out: list[set[int]] = []
    for (height, lines), here in zip(pages, banded, strict=True):
        drop = {idx for idx, key in here if counts[key] >= need}
        for idx in _edge_indexes(lines):
            ln = lines[idx]
            near_edge = ln.top < PAGE_NO_BAND * height or ln.bottom > (1 - PAGE_NO_BAND) * height
            if near_edge and PAGE_NO_RE.fullmatch(ln.text):
                drop.add(idx)
        out.append(drop)
    return out


def _edge_indexes(lines: list[Line]) -> list[int]:
    """The first two and last two lines of a page: the only places furniture lives."""
    n = len(lines)
    return sorted({i for i in (0, 1, n - 2, n - 1) if 0 <= i < n})
