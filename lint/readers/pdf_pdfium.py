"""PDF pages through pdfium (pypdfium2): glyphs, boxes and ruling edges, ~10× faster than pdfminer.

Why: pdfminer's pure-Python content-stream parsing is ~86% of a PDF lint. pdfium gives the same glyphs;
boxes are rebuilt the way pdfminer builds them (x from the char origin and advance, y from the font's
descent and size), and path objects become the same edge dicts pdfplumber makes from LTLine/LTRect/
LTCurve, so pdfplumber's own table geometry (merge_edges → … → cells_to_tables) finds the same grids.

Whatever this reader cannot reproduce exactly returns None, and the caller reads the file with
pdfplumber instead: a page box not at the origin or rotated, an xref pdfium had to rebuild (pdfminer
may call the file damaged), a glyph pdfium cannot map to Unicode, fake-bold duplicates, or any error
opening the file (pdfplumber names the cause: encrypted, damaged …).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from lint.readers.pdf_lines import Glyph, has_duplicates

Edge = dict[str, Any]

# pdfium page object types and path segment types (fpdf_edit.h)
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2


class Fallback(Exception):
    """This file needs pdfplumber: pdfium's reading of it might differ."""


@dataclass
class PageData:
    """One page as the reader needs it: glyphs (pdfminer-like boxes), table cell groups, counts."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    tables: list[Any]
    inked: int
    unmapped: int
    control: int
    images: bool


@dataclass
class _Table:
    """What pdf_tables.extract_fragments reads of a pdfplumber Table: its cells and bbox."""

    cells: list[tuple[float, float, float, float]]
    bbox: tuple[float, float, float, float]


def open_document(source: Any, password: str | None) -> Any:
    """A PdfDocument, or Fallback when pdfium cannot open it or its xref had to be rebuilt."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as R

    try:
        doc = pdfium.PdfDocument(source, password=password or None)
    except Exception as e:
        raise Fallback(str(e)) from None
    if not R.FPDF_DocumentHasValidCrossReferenceTable(doc.raw):
        doc.close()
        raise Fallback("xref rebuilt")
    return doc


def iter_pages(doc: Any, check: Callable[[], None]) -> Iterator[PageData]:
    """Each page's data, closing pdfium's page objects as it goes."""
    for i in range(len(doc)):
        check()
        page = doc[i]
        try:
            yield _read_page(page, i + 1)
        finally:
            page.close()


def _read_page(page: Any, number: int) -> PageData:
    import pypdfium2.raw as R

    if page.get_rotation() % 360:
        raise Fallback("rotated page")
    x0, y0, x1, y1 = page.get_mediabox()
    if x0 != 0 or y0 != 0:
        raise Fallback("page box not at the origin")
    height = float(y1)
    textpage = R.FPDFText_LoadPage(page.raw)
    try:
        edges, ruled, images, zero = _walk(page.raw, textpage, height)
        if zero:
            raise Fallback("glyph without Unicode")
        glyphs, unmapped = _glyphs(R, textpage, height)
    finally:
        R.FPDFText_ClosePage(textpage)
    if has_duplicates([{"text": g.text, "x0": g.x0, "top": g.top} for g in glyphs]):
        raise Fallback("fake-bold duplicates")
    inked = [g for g in glyphs if not g.text.isspace()]
    control = sum(1 for g in inked if any(ord(c) < 32 for c in g.text))
    tables = _tables(edges) if ruled else []
    return PageData(number, float(x1), height, glyphs, tables, len(inked), unmapped, control, images)


def _glyphs(R: Any, tp: Any, height: float) -> tuple[list[Glyph], int]:
    """Non-generated chars with pdfminer's box: x0 = origin, x1 = origin + advance, bottom = baseline
    + descent, top = bottom + size (size = font size × the char matrix's vertical scale)."""
    n = R.FPDFText_CountChars(tp)
    rect = R.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    mat = R.FS_MATRIX()
    fsize = ctypes.c_float()
    desc = ctypes.c_float()
    fonts: dict[int, tuple[float, float]] = {}
    out: list[Glyph] = []
    unmapped = 0
    prev_obj = None
    prev_i = -1
    for k in range(n):
        u = R.FPDFText_GetUnicode(tp, k)
        ch = chr(u) if 0 < u < 0x110000 else ""
        obj = R.FPDFText_GetTextObject(tp, k)
        if not obj:
            continue  # a generated space or line break
        if not ch:
            unmapped += 1
            continue
        if ch.isspace() and R.FPDFText_IsGenerated(tp, k) == 1:
            continue
        if R.FPDFText_HasUnicodeMapError(tp, k):
            unmapped += 1
        addr = ctypes.cast(obj, ctypes.c_void_p).value or 0
        got = fonts.get(addr)
        if got is None:
            R.FPDFTextObj_GetFontSize(obj, ctypes.byref(fsize))
            font = R.FPDFTextObj_GetFont(obj)
            d = 0.0
            if font and R.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(desc)):
                d = float(desc.value)
            got = (float(fsize.value), d)
            fonts[addr] = got
        size_obj, d = got
        R.FPDFText_GetLooseCharBox(tp, k, ctypes.byref(rect))
        R.FPDFText_GetCharOrigin(tp, k, ctypes.byref(ox), ctypes.byref(oy))
        R.FPDFText_GetMatrix(tp, k, ctypes.byref(mat))
        size = size_obj * abs(mat.d) if mat.d else float(rect.top - rect.bottom)
        bottom_y = oy.value + d * size
        x0 = ox.value
        x1 = float(rect.right)
        # pdfium's loose box may take a width the font's /W array overrides; the next glyph of the
        # same text object starts where this one's advance ends
        if prev_obj is not None and prev_obj == addr and out:
            g = out[prev_i]
            if g.x0 < x0 < g.x1 and abs(g.bottom - (height - bottom_y)) < 0.01:
                out[prev_i] = g._replace(x1=x0)
        out.append(Glyph(ch, x0, height - (bottom_y + size), x1, height - bottom_y, size))
        prev_obj, prev_i = addr, len(out) - 1
    return out, unmapped


def _walk(page: Any, textpage: Any, height: float) -> tuple[list[Edge], bool, bool, bool]:
    """Edges of every painted path (forms included), whether a line or rect exists (pdfplumber looks
    for tables only then), whether an image exists, and whether a text object has an unmappable glyph."""
    import pypdfium2.raw as R

    edges: list[Edge] = []
    state = {"ruled": False, "images": False, "zero": False}
    buf = (ctypes.c_ushort * 4096)()

    def visit(obj: Any, ctm: tuple[float, ...]) -> None:
        t = R.FPDFPageObj_GetType(obj)
        if t == _PATH:
            state["ruled"] |= _path_edges(R, obj, ctm, height, edges)
        elif t == _IMAGE:
            state["images"] = True
        elif t == _FORM:
            m = _matrix(R, obj)
            inner = _compose(m, ctm)
            for j in range(R.FPDFFormObj_CountObjects(obj)):
                visit(R.FPDFFormObj_GetObject(obj, j), inner)
        elif t == _TEXT:
            got = R.FPDFTextObj_GetText(obj, textpage, buf, ctypes.sizeof(buf))
            units = got // 2 - 1
            if units <= 0 or (units < len(buf) and any(buf[i] == 0 for i in range(units))):
                state["zero"] = True

    for j in range(R.FPDFPage_CountObjects(page)):
        visit(R.FPDFPage_GetObject(page, j), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    return edges, state["ruled"], state["images"], state["zero"]


def _matrix(R: Any, obj: Any) -> tuple[float, ...]:
    m = R.FS_MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (row-vector convention, as in PDF)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _path_edges(R: Any, obj: Any, ctm: tuple[float, ...], height: float, edges: list[Edge]) -> bool:
    """pdfminer's paint_path: one subpath per moveto; ml(h) → line, a closed axis-aligned 4-point loop
    → rect, anything else → curve; then pdfplumber's line/rect/curve → edges. True if a line or rect."""
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    if R.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) and not (
        fill.value or stroke.value
    ):
        return False
    a, b, c, d, e, f = _compose(_matrix(R, obj), ctm)
    x = ctypes.c_float()
    y = ctypes.c_float()
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    ops = ""
    pts: list[tuple[float, float]] = []
    pending_bezier = 0
    for i in range(R.FPDFPath_CountSegments(obj)):
        seg = R.FPDFPath_GetPathSegment(obj, i)
        R.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = float(x.value), float(y.value)
        pt = (a * px + c * py + e, b * px + d * py + f)
        kind = R.FPDFPathSegment_GetType(seg)
        if kind == _MOVETO:
            if ops:
                subpaths.append((ops, pts))
            ops, pts = "m", [pt]
            pending_bezier = 0
        elif kind == _LINETO:
            ops += "l"
            pts.append(pt)
        elif kind == _BEZIERTO:
            pending_bezier += 1
            if pending_bezier == 3:
                ops += "c"
                pts.append(pt)
                pending_bezier = 0
        else:
            continue
        if R.FPDFPathSegment_GetClose(seg) and ops:
            ops += "h"
            pts.append(pts[0])
    if ops:
        subpaths.append((ops, pts))
    ruled = False
    for shape, p in subpaths:
        ruled |= _shape_edges(shape, p, height, edges)
    return ruled


def _shape_edges(shape: str, pts: list[tuple[float, float]], height: float, edges: list[Edge]) -> bool:
    if not shape.startswith("m"):
        return False
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if shape in ("mlh", "ml"):
        (xa, ya), (xb, yb) = pts[0], pts[1]
        top, bottom = height - max(ya, yb), height - min(ya, yb)
        edges.append(_edge("line", min(xa, xb), top, max(xa, xb), bottom, "h" if top == bottom else "v"))
        return True
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if pts[0] == pts[4] and square:
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = height - max(y0, y2), height - min(y0, y2)
            edges.append(_edge("rect_edge", left, top, right, top, "h"))
            edges.append(_edge("rect_edge", left, bottom, right, bottom, "h"))
            edges.append(_edge("rect_edge", left, top, left, bottom, "v"))
            edges.append(_edge("rect_edge", right, top, right, bottom, "v"))
            return True
    for (xa, ya), (xb, yb) in pairwise(pts):
        orient = "v" if xa == xb else ("h" if ya == yb else None)
        if orient is not None:
            top, bottom = height - max(ya, yb), height - min(ya, yb)
            edges.append(_edge("curve_edge", min(xa, xb), top, max(xa, xb), bottom, orient))
    return False


def _edge(kind: str, x0: float, top: float, x1: float, bottom: float, orientation: str) -> Edge:
    return {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def _tables(edges: list[Edge]) -> list[_Table]:
    """pdfplumber's lines strategy with its default settings, on our edges."""
    from pdfplumber.table import (
        TableSettings,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )
    from pdfplumber.utils import filter_edges

    s = TableSettings.resolve(None)
    v = filter_edges(edges, "v", min_length=s.edge_min_length_prefilter)
    h = filter_edges(edges, "h", min_length=s.edge_min_length_prefilter)
    merged = merge_edges(
        list(v) + list(h),
        snap_x_tolerance=s.snap_x_tolerance,
        snap_y_tolerance=s.snap_y_tolerance,
        join_x_tolerance=s.join_x_tolerance,
        join_y_tolerance=s.join_y_tolerance,
    )
    merged = filter_edges(merged, min_length=s.edge_min_length)
    points = edges_to_intersections(merged, s.intersection_x_tolerance, s.intersection_y_tolerance)
    cells = intersections_to_cells(points)
    out: list[_Table] = []
    for group in cells_to_tables(cells):
        bbox = (
            min(c[0] for c in group),
            min(c[1] for c in group),
            max(c[2] for c in group),
            max(c[3] for c in group),
        )
        out.append(_Table(list(group), bbox))
    return out
