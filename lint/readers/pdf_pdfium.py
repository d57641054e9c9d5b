"""PDF pages through pdfium (pypdfium2): glyphs, boxes and ruling edges, ~10× faster than pdfminer.

Why: pdfminer's pure-Python content-stream parsing is ~86% of a PDF lint. pdfium gives the same glyphs;
boxes are rebuilt the way pdfminer builds them (x from the char origin and advance, y from the font's
descent and size), and path objects become the same edge dicts pdfplumber makes from LTLine/LTRect/
LTCurve, so pdfplumber's own table geometry (merge_edges → … → cells_to_tables) finds the same grids.

Whatever this reader cannot reproduce exactly is read by pdfplumber instead. A whole file: an xref
pdfium had to rebuild (pdfminer may call the file damaged) or any error opening it (pdfplumber names the
cause: encrypted, damaged …). One page (`iter_pages` yields a Fallback in its place): a page box not at
the origin or rotated, a glyph pdfium cannot map to Unicode, fake-bold duplicates, or a glyph pdfium's
text page drops.

Why glyphs get dropped: pdfium's text page skips every text object whose box has no width, and it boxes
a text object by its glyphs' outlines. A lone space has no outline (harmless: pdfminer's space glyphs
are not ink either), but so has every glyph of a font pdfium cannot draw: a non-embedded CJK font such
as STSong-Light with no system font to stand in for it. There a one-glyph object (a lone 无 in a table
cell) vanishes, while longer objects keep their text (their box spans the advances). The public API
gives no char codes for a skipped object, so such a page goes to pdfminer. A font pdfium cannot draw
shows in its kept chars: the text page pads an outline-less glyph's box to font size / 1000 points.
Fonts are told apart by base name and embedding, over
the whole document (a lone space in Times New Roman on a page with no other Times glyph is a space
if Times glyphs are drawn elsewhere).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from lint.readers.pdf_lines import Glyph, has_duplicates

Edge = dict[str, Any]
FontKey = tuple[bytes, bool]  # base font name, embedded

# pdfium page object types and path segment types (fpdf_edit.h)
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
REOPEN_PAGES = 50  # pages read from one opening of a document (memory: see iter_pages)


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
    blank: set[FontKey]  # fonts of text objects with no ink and no text in pdfium's text page
    drawn: dict[FontKey, bool]  # per font: pdfium drew every inked glyph of it on this page


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


def iter_pages(
    doc: Any, check: Callable[[], None], reopen: Callable[[], Any] | None = None
) -> Iterator[PageData | Fallback]:
    """Each page's data, or the reason pdfplumber must read that page; pdfium's page objects are
    closed as it goes. pdfium keeps every object it has parsed (fonts, resources, streams) until its
    document closes, ~0.15 MB a page: given `reopen`, the document is closed and opened afresh every
    REOPEN_PAGES pages, so a long report reads in bounded memory (`doc` itself is closed then too)."""
    current, n = doc, len(doc)
    try:
        for i in range(n):
            check()
            if reopen is not None and i and i % REOPEN_PAGES == 0:
                current.close()
                current = reopen()
                if len(current) != n:
                    raise Fallback("page count changed on reopening")
            page = current[i]
            try:
                got: PageData | Fallback = _read_page(page, i + 1)
            except Fallback as e:
                got = e
            finally:
                page.close()
            yield got
    finally:
        if current is not doc:
            current.close()


def settle(pages: list[PageData | Fallback]) -> list[PageData | Fallback]:
    """`dropped` applied to whole pages: those that may have lost a glyph become Fallbacks."""
    fonts = [(pg.blank, pg.drawn) if isinstance(pg, PageData) else None for pg in pages]
    lost = dropped(fonts)
    return [
        Fallback("glyph dropped by pdfium's text page") if i in lost else pg for i, pg in enumerate(pages)
    ]


def dropped(fonts: list[tuple[set[FontKey], dict[FontKey, bool]] | None]) -> set[int]:
    """Indexes of the pages (given as (blank, drawn) of each PageData) with a skipped text object in a
    font pdfium fails to draw somewhere in the document: the object may hold a real glyph, not a
    space. A font with no inked glyph in the text page anywhere counts as drawn if embedded (pdfium has
    its outlines: the object is blank) and not otherwise (pdfium may have nothing to draw it with)."""
    drawn: dict[FontKey, bool] = {}
    for got in fonts:
        if got is not None:
            for key, ok in got[1].items():
                drawn[key] = drawn.get(key, True) and ok
    return {
        i
        for i, got in enumerate(fonts)
        if got is not None and not all(drawn.get(key, key[1]) for key in got[0])
    }


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
        edges, ruled, images, zero, blank, spaces = _walk(page.raw, textpage, height)
        if zero:
            raise Fallback("glyph without Unicode")
        glyphs, unmapped, drawn = _glyphs(R, textpage, height)
        glyphs += spaces
    finally:
        R.FPDFText_ClosePage(textpage)
    if has_duplicates([{"text": g.text, "x0": g.x0, "top": g.top} for g in glyphs]):
        raise Fallback("fake-bold duplicates")
    inked = [g for g in glyphs if not g.text.isspace()]
    control = sum(1 for g in inked if any(ord(c) < 32 for c in g.text))
    tables = _tables(edges) if ruled else []
    return PageData(
        number, float(x1), height, glyphs, tables, len(inked), unmapped, control, images, blank, drawn
    )


def _font_key(R: Any, font: Any, buf: Any) -> FontKey:
    if not font:
        return (b"", False)
    n = R.FPDFFont_GetBaseFontName(font, buf, len(buf))
    return (bytes(buf.raw[: max(0, min(n, len(buf)) - 1)]), bool(R.FPDFFont_GetIsEmbedded(font)))


def _glyphs(R: Any, tp: Any, height: float) -> tuple[list[Glyph], int, dict[FontKey, bool]]:
    """Non-generated chars with pdfminer's box: x0 = origin, x1 = origin + advance, bottom = baseline
    + descent, top = bottom + size (size = font size × the char matrix's vertical scale); the count of
    unmapped chars; and per font whether pdfium drew (found an outline for) every inked glyph of it."""
    n = R.FPDFText_CountChars(tp)
    rect = R.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    mat = R.FS_MATRIX()
    fsize = ctypes.c_float()
    desc = ctypes.c_float()
    fonts: dict[int, tuple[float, float, FontKey]] = {}
    drawn: dict[FontKey, bool] = {}
    widths: dict[tuple[int, int, float], float] = {}
    gw = ctypes.c_float()
    name = ctypes.create_string_buffer(256)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    # the per-char loop makes ~8 native calls a glyph: the functions and the out-parameters' refs
    # are looked up and made once per page, not once per call
    byref, cast, void_p = ctypes.byref, ctypes.cast, ctypes.c_void_p
    box_refs = (byref(left), byref(right), byref(bottom), byref(top))
    rect_ref, ox_ref, oy_ref, mat_ref = byref(rect), byref(ox), byref(oy), byref(mat)
    get_unicode, get_object = R.FPDFText_GetUnicode, R.FPDFText_GetTextObject
    is_generated, map_error = R.FPDFText_IsGenerated, R.FPDFText_HasUnicodeMapError
    char_box, loose_box = R.FPDFText_GetCharBox, R.FPDFText_GetLooseCharBox
    char_origin, char_matrix = R.FPDFText_GetCharOrigin, R.FPDFText_GetMatrix
    out: list[Glyph] = []
    unmapped = 0
    for k in range(n):
        u = get_unicode(tp, k)
        ch = chr(u) if 0 < u < 0x110000 else ""
        obj = get_object(tp, k)
        if not obj:
            continue  # a generated space or line break
        if not ch:
            unmapped += 1
            continue
        space = ch.isspace()
        if space and is_generated(tp, k) == 1:
            continue
        if map_error(tp, k):
            unmapped += 1
        addr = cast(obj, void_p).value or 0
        got = fonts.get(addr)
        if got is None:
            R.FPDFTextObj_GetFontSize(obj, byref(fsize))
            font = R.FPDFTextObj_GetFont(obj)
            d = 0.0
            if font and R.FPDFFont_GetDescent(font, ctypes.c_float(1.0), byref(desc)):
                d = float(desc.value)
            got = (float(fsize.value), d, _font_key(R, font, name))
            fonts[addr] = got
        size_obj, d, face = got
        if not space:
            # an outline-less glyph's box is padded to (font size / 1000) pt high by the text page
            char_box(tp, k, *box_refs)
            outline = top.value - bottom.value > size_obj / 1000 + 0.01
            drawn[face] = drawn.get(face, True) and outline
        loose_box(tp, k, rect_ref)
        char_origin(tp, k, ox_ref, oy_ref)
        char_matrix(tp, k, mat_ref)
        size = size_obj * abs(mat.d) if mat.d else float(rect.top - rect.bottom)
        bottom_y = oy.value + d * size
        x0 = ox.value
        # x1 = origin + advance as pdfminer has it. The loose box has it, but for a font pdfium
        # substitutes (not embedded) it takes the stand-in glyph's ink: there the font's width for
        # the char (its /W entry) is asked for
        x1 = float(rect.right)
        if not face[1] and mat.a:
            wkey = (addr, u, size_obj)
            adv = widths.get(wkey)
            if adv is None:
                font = R.FPDFTextObj_GetFont(obj)
                ok = R.FPDFFont_GetGlyphWidth(font, u, ctypes.c_float(size_obj), byref(gw))
                adv = widths[wkey] = float(gw.value) if ok and gw.value > 0 else -1.0
            if adv > 0:
                x1 = x0 + adv * abs(mat.a)
        out.append(Glyph(ch, x0, height - (bottom_y + size), x1, height - bottom_y, size))
    return out, unmapped, drawn


def _walk(
    page: Any, textpage: Any, height: float
) -> tuple[list[Edge], bool, bool, bool, set[FontKey], list[Glyph]]:
    """Edges of every painted path (forms included), whether a line or rect exists (pdfplumber looks
    for tables only then), whether an image exists, whether a text object has an unmappable glyph, the
    fonts of text objects pdfium's text page skips (no width: blanks, or glyphs it cannot draw), and a
    space glyph at each of those objects (pdfminer keeps a lone space; the line builder reads it as a
    word gap: "13.56 %")."""
    import pypdfium2.raw as R

    edges: list[Edge] = []
    state = {"ruled": False, "images": False, "zero": False}
    blank: set[FontKey] = set()
    spaces: list[Glyph] = []
    fsize = ctypes.c_float()
    desc = ctypes.c_float()
    name = ctypes.create_string_buffer(256)
    buf = (ctypes.c_ushort * 4096)()
    box = [ctypes.c_float() for _ in range(4)]

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
            R.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box))
            if box[2].value - box[0].value < 0.01:  # pdfium's kSizeEpsilon: not in the text page
                font = R.FPDFTextObj_GetFont(obj)
                blank.add(_font_key(R, font, name))
                _a, b, c, d, e, f = _compose(_matrix(R, obj), ctm)
                R.FPDFTextObj_GetFontSize(obj, ctypes.byref(fsize))
                size = float(fsize.value) * abs(d)
                dy = 0.0
                if font and R.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(desc)):
                    dy = float(desc.value) * size
                if size > 0 and not (b or c):
                    bottom = height - (f + dy)
                    spaces.append(Glyph(" ", e, bottom - size, e, bottom, size))
                return
            # in the text page every glyph with a Unicode or a non-zero code gives a char: an
            # object giving none holds blanks only (a run of spaces the text page collapses)
            got = R.FPDFTextObj_GetText(obj, textpage, buf, ctypes.sizeof(buf))
            units = min(got // 2 - 1, len(buf))
            if any(buf[i] == 0 for i in range(units)):
                state["zero"] = True

    for j in range(R.FPDFPage_CountObjects(page)):
        visit(R.FPDFPage_GetObject(page, j), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    return edges, state["ruled"], state["images"], state["zero"], blank, spaces


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
