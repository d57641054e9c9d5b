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
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from lint.readers.pdf_lines import Glyph, glyphs_have_duplicates
from lint.readers.ruling import find_tables

Edge = dict[str, Any]
FontKey = tuple[bytes, bool]  # base font name, embedded

# pdfium page object types and path segment types (fpdf_edit.h)
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
_CONTROL = re.compile(r"[\x00-\x1f]")  # a control char in a glyph's text: a broken font map
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


class _Api:
    """The pdfium functions the page walk calls, re-bound with every handle and out-parameter as a
    plain address (c_void_p). Why: ctypes converts an int far faster than pypdfium2's typed pointer
    classes, and the walk makes ~5 native calls per glyph and ~4 per path segment; out-parameters are
    allocated once and passed by address. Same native functions, same arguments, same results."""

    if TYPE_CHECKING:  # the functions are set by name below (FPDFText_GetUnicode → Text_GetUnicode)

        def __getattr__(self, name: str) -> Any: ...

    def __init__(self) -> None:
        import pypdfium2.raw as R

        def bind(name: str) -> Any:
            fn = getattr(R, name)
            ptr = ctypes._Pointer  # the base of every ctypes pointer type

            def conv(t: Any) -> Any:
                return ctypes.c_void_p if isinstance(t, type) and issubclass(t, ptr) else t

            proto = ctypes.CFUNCTYPE(conv(fn.restype), *map(conv, fn.argtypes))
            return proto(ctypes.cast(fn, ctypes.c_void_p).value or 0)

        for name in (
            "FPDFText_LoadPage",
            "FPDFText_ClosePage",
            "FPDFText_CountChars",
            "FPDFText_GetUnicode",
            "FPDFText_GetTextObject",
            "FPDFText_IsGenerated",
            "FPDFText_HasUnicodeMapError",
            "FPDFText_GetCharBox",
            "FPDFText_GetLooseCharBox",
            "FPDFText_GetCharOrigin",
            "FPDFText_GetMatrix",
            "FPDFTextObj_GetFontSize",
            "FPDFTextObj_GetFont",
            "FPDFTextObj_GetText",
            "FPDFFont_GetDescent",
            "FPDFFont_GetBaseFontName",
            "FPDFFont_GetIsEmbedded",
            "FPDFFont_GetGlyphWidth",
            "FPDFPage_CountObjects",
            "FPDFPage_GetObject",
            "FPDFPageObj_GetType",
            "FPDFPageObj_GetBounds",
            "FPDFPageObj_GetMatrix",
            "FPDFFormObj_CountObjects",
            "FPDFFormObj_GetObject",
            "FPDFPath_GetDrawMode",
            "FPDFPath_CountSegments",
            "FPDFPath_GetPathSegment",
            "FPDFPathSegment_GetPoint",
            "FPDFPathSegment_GetType",
            "FPDFPathSegment_GetClose",
        ):
            setattr(self, name.replace("FPDF", "", 1), bind(name))
        self.rect = R.FS_RECTF()
        self.matrix = R.FS_MATRIX()
        self.doubles = (ctypes.c_double * 6)()
        self.floats = (ctypes.c_float * 4)()
        self.ints = (ctypes.c_int * 2)()
        self.name = ctypes.create_string_buffer(256)
        self.units = (ctypes.c_ushort * 4096)()
        self.at_rect = ctypes.addressof(self.rect)
        self.at_matrix = ctypes.addressof(self.matrix)
        self.at_doubles = [ctypes.addressof(self.doubles) + 8 * i for i in range(6)]
        self.at_floats = [ctypes.addressof(self.floats) + 4 * i for i in range(4)]
        self.at_ints = [ctypes.addressof(self.ints) + 4 * i for i in range(2)]
        self.at_name = ctypes.addressof(self.name)
        self.at_units = ctypes.addressof(self.units)
        self.fonts: dict[int, tuple[FontKey, float]] = {}  # per page: see _font_info


_API: _Api | None = None


def preload() -> None:
    """pypdfium2 imported (pdfium initialised) and the native calls bound, before workers fork."""
    _api()


def _api() -> _Api:
    global _API
    if _API is None:
        _API = _Api()
    return _API


def _read_page(page: Any, number: int) -> PageData:
    if page.get_rotation() % 360:
        raise Fallback("rotated page")
    x0, y0, x1, y1 = page.get_mediabox()
    if x0 != 0 or y0 != 0:
        raise Fallback("page box not at the origin")
    height = float(y1)
    api = _api()
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value or 0
    api.fonts.clear()
    textpage = api.Text_LoadPage(raw)
    if not textpage:
        raise Fallback("no text page")
    try:
        edges, ruled, images, zero, blank, spaces = _walk(api, raw, textpage, height)
        if zero:
            raise Fallback("glyph without Unicode")
        glyphs, unmapped, drawn = _glyphs(api, textpage, height)
        glyphs += spaces
    finally:
        api.Text_ClosePage(textpage)
    if glyphs_have_duplicates(glyphs):
        raise Fallback("fake-bold duplicates")
    inked = [g for g in glyphs if not g.text.isspace()]
    control = 0
    if _CONTROL.search("".join(g.text for g in inked)):  # rare: then count the glyphs holding one
        control = sum(1 for g in inked if _CONTROL.search(g.text))
    tables = _tables(edges) if ruled else []
    return PageData(
        number, float(x1), height, glyphs, tables, len(inked), unmapped, control, images, blank, drawn
    )


def _font_key(api: _Api, font: int | None) -> FontKey:
    if not font:
        return (b"", False)
    got = api.fonts.get(font)
    if got is None:
        got = api.fonts[font] = _font_info(api, font)
    return got[0]


def _descent(api: _Api, font: int | None) -> float:
    """The font's descent per unit of font size (0 without a font)."""
    if not font:
        return 0.0
    got = api.fonts.get(font)
    if got is None:
        got = api.fonts[font] = _font_info(api, font)
    return got[1]


def _font_info(api: _Api, font: int) -> tuple[FontKey, float]:
    """A font's key and descent, asked once per font handle and page (`api.fonts`, emptied per page:
    a handle lives as long as its page's document, and the text objects of a page share a few)."""
    buf = api.name
    n = api.Font_GetBaseFontName(font, api.at_name, len(buf))
    key = (bytes(buf.raw[: max(0, min(n, len(buf)) - 1)]), bool(api.Font_GetIsEmbedded(font)))
    descent = float(api.floats[0]) if api.Font_GetDescent(font, 1.0, api.at_floats[0]) else 0.0
    return key, descent


def _glyphs(api: _Api, tp: int, height: float) -> tuple[list[Glyph], int, dict[FontKey, bool]]:
    """Non-generated chars with pdfminer's box: x0 = origin, x1 = origin + advance, bottom = baseline
    + descent, top = bottom + size (size = font size × the char matrix's vertical scale); the count of
    unmapped chars; and per font whether pdfium drew (found an outline for) every inked glyph of it.
    What is the same for every char of one text object (font, size, descent, the char matrix: pdfium
    gives each char its object's text matrix) is asked once per object."""
    n = api.Text_CountChars(tp)
    rect, dbl, flt = api.rect, api.doubles, api.floats
    at_rect, at_d, at_f = api.at_rect, api.at_doubles, api.at_floats
    objects: dict[int, tuple[float, float, FontKey, float, float, int]] = {}
    drawn: dict[FontKey, bool] = {}
    widths: dict[tuple[int, int, float], float] = {}
    get_unicode, get_object = api.Text_GetUnicode, api.Text_GetTextObject
    is_generated, map_error = api.Text_IsGenerated, api.Text_HasUnicodeMapError
    char_box, loose_box, char_origin = api.Text_GetCharBox, api.Text_GetLooseCharBox, api.Text_GetCharOrigin
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
        got = objects.get(obj)
        if got is None:
            api.TextObj_GetFontSize(obj, at_f[0])
            size_obj = float(flt[0])
            font = api.TextObj_GetFont(obj)
            mat = api.matrix
            api.Text_GetMatrix(tp, k, api.at_matrix)
            got = objects[obj] = (
                size_obj,
                _descent(api, font),
                _font_key(api, font),
                mat.a,
                mat.d,
                font or 0,
            )
        size_obj, d, face, ma, md, font = got
        if not space and drawn.get(face, True):
            # an outline-less glyph's box is padded to (font size / 1000) pt high by the text page
            char_box(tp, k, at_d[0], at_d[1], at_d[2], at_d[3])
            drawn[face] = dbl[3] - dbl[2] > size_obj / 1000 + 0.01
        elif not space:
            drawn[face] = False
        loose_box(tp, k, at_rect)
        char_origin(tp, k, at_d[4], at_d[5])
        size = size_obj * abs(md) if md else float(rect.top - rect.bottom)
        bottom_y = dbl[5] + d * size
        x0 = dbl[4]
        # x1 = origin + advance as pdfminer has it. The loose box has it, but for a font pdfium
        # substitutes (not embedded) it takes the stand-in glyph's ink: there the font's width for
        # the char (its /W entry) is asked for
        x1 = float(rect.right)
        if not face[1] and ma:
            wkey = (obj, u, size_obj)
            adv = widths.get(wkey)
            if adv is None:
                ok = api.Font_GetGlyphWidth(font or None, u, size_obj, at_f[1])
                adv = widths[wkey] = float(flt[1]) if ok and flt[1] > 0 else -1.0
            if adv > 0:
                x1 = x0 + adv * abs(ma)
        out.append(Glyph(ch, x0, height - (bottom_y + size), x1, height - bottom_y, size))
    return out, unmapped, drawn


def _walk(
    api: _Api, page: int, textpage: int, height: float
) -> tuple[list[Edge], bool, bool, bool, set[FontKey], list[Glyph]]:
    """Edges of every painted path (forms included), whether a line or rect exists (pdfplumber looks
    for tables only then), whether an image exists, whether a text object has an unmappable glyph, the
    fonts of text objects pdfium's text page skips (no width: blanks, or glyphs it cannot draw), and a
    space glyph at each of those objects (pdfminer keeps a lone space; the line builder reads it as a
    word gap: "13.56 %")."""
    edges: list[Edge] = []
    state = {"ruled": False, "images": False, "zero": False}
    blank: set[FontKey] = set()
    spaces: list[Glyph] = []
    box, at_box = api.floats, api.at_floats
    units = api.units

    def visit(obj: int, ctm: tuple[float, ...]) -> None:
        t = api.PageObj_GetType(obj)
        if t == _PATH:
            state["ruled"] |= _path_edges(api, obj, ctm, height, edges)
        elif t == _IMAGE:
            state["images"] = True
        elif t == _FORM:
            inner = _compose(_matrix(api, obj), ctm)
            for j in range(api.FormObj_CountObjects(obj)):
                visit(api.FormObj_GetObject(obj, j), inner)
        elif t == _TEXT:
            api.PageObj_GetBounds(obj, *at_box)
            if box[2] - box[0] < 0.01:  # pdfium's kSizeEpsilon: not in the text page
                font = api.TextObj_GetFont(obj)
                blank.add(_font_key(api, font))
                _a, b, c, d, e, f = _compose(_matrix(api, obj), ctm)
                api.TextObj_GetFontSize(obj, at_box[0])
                size = float(box[0]) * abs(d)
                dy = _descent(api, font) * size
                if size > 0 and not (b or c):
                    bottom = height - (f + dy)
                    spaces.append(Glyph(" ", e, bottom - size, e, bottom, size))
                return
            # in the text page every glyph with a Unicode or a non-zero code gives a char: an
            # object giving none holds blanks only (a run of spaces the text page collapses)
            got = api.TextObj_GetText(obj, textpage, api.at_units, ctypes.sizeof(units))
            n = min(got // 2 - 1, len(units))
            if n > 0 and 0 in units[:n]:
                state["zero"] = True

    for j in range(api.Page_CountObjects(page)):
        visit(api.Page_GetObject(page, j), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    return edges, state["ruled"], state["images"], state["zero"], blank, spaces


def _matrix(api: _Api, obj: int) -> tuple[float, ...]:
    m = api.matrix
    if not api.PageObj_GetMatrix(obj, api.at_matrix):
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


def _path_edges(api: _Api, obj: int, ctm: tuple[float, ...], height: float, edges: list[Edge]) -> bool:
    """pdfminer's paint_path: one subpath per moveto; ml(h) → line, a closed axis-aligned 4-point loop
    → rect, anything else → curve; then pdfplumber's line/rect/curve → edges. True if a line or rect."""
    ints, at_i = api.ints, api.at_ints
    if api.Path_GetDrawMode(obj, at_i[0], at_i[1]) and not (ints[0] or ints[1]):
        return False
    a, b, c, d, e, f = _compose(_matrix(api, obj), ctm)
    xy, at_x, at_y = api.floats, api.at_floats[0], api.at_floats[1]
    get_segment, get_point = api.Path_GetPathSegment, api.PathSegment_GetPoint
    get_kind, get_close = api.PathSegment_GetType, api.PathSegment_GetClose
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    ops = ""
    pts: list[tuple[float, float]] = []
    pending_bezier = 0
    for i in range(api.Path_CountSegments(obj)):
        seg = get_segment(obj, i)
        get_point(seg, at_x, at_y)
        px, py = float(xy[0]), float(xy[1])
        pt = (a * px + c * py + e, b * px + d * py + f)
        kind = get_kind(seg)
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
        if get_close(seg) and ops:
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
    """pdfplumber's lines strategy with its default settings, on our edges (`ruling`: the same steps
    without pdfplumber's per-edge dict copies; pdfplumber's own functions where it declines)."""
    groups = find_tables(edges)
    if groups is None:
        groups = plumber_tables(edges)
    out: list[_Table] = []
    for group in groups:
        bbox = (
            min(c[0] for c in group),
            min(c[1] for c in group),
            max(c[2] for c in group),
            max(c[3] for c in group),
        )
        out.append(_Table(list(group), bbox))
    return out


def plumber_tables(edges: list[Edge]) -> list[list[tuple[float, float, float, float]]]:
    """The cell groups of pdfplumber's own table geometry (the reference `ruling` is held to)."""
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
    return [list(group) for group in cells_to_tables(intersections_to_cells(points))]
