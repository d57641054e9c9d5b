"""Ruled tables from edges: pdfplumber's "lines" strategy with its default settings, step for step.

Why a port: pdfplumber's version copies a dict per edge at every snap and join and re-builds a set of
edge boxes for every pair of intersections it compares (most of a ruled page's reading time under the
pdfium reader), and importing it pulls in all of pdfminer. This one keeps each edge as five numbers,
gathers the edge boxes of each intersection once and looks up the points below and to the right of a
point by column and row; every arithmetic step (the snap's average and shift, the join's resize) is
the same, in the same order, so the cells are the same floats. tests/test_ruling.py holds it to
pdfplumber's own functions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from math import isfinite
from typing import Any

BBox = tuple[float, float, float, float]
Point = tuple[float, float]

SNAP = 3.0  # snap_x/y_tolerance
JOIN = 3.0  # join_x/y_tolerance
MIN_LENGTH = 3.0  # edge_min_length, after merging
MIN_LENGTH_PREFILTER = 1.0  # edge_min_length_prefilter
INTERSECTION = 3.0  # intersection_x/y_tolerance

# an edge: [x0, top, x1, bottom, length] (length: pdfplumber's "width" of a horizontal edge, "height" of
# a vertical one; kept as pdfplumber keeps it, not recomputed)
_X0, _TOP, _X1, _BOTTOM, _LEN = range(5)


def find_tables(edges: Iterable[Mapping[str, Any]]) -> list[list[BBox]] | None:
    """The cell groups pdfplumber's `cells_to_tables` gives for these edges (dicts with x0, top, x1,
    bottom, width, height and orientation "h"/"v", as pdfplumber makes them from lines and rects);
    None if a coordinate is not a finite number (NaN sorts and clusters by other rules: the caller
    asks pdfplumber itself)."""
    v: list[list[float]] = []
    h: list[list[float]] = []
    for e in edges:
        if e["orientation"] == "v" and e["height"] >= MIN_LENGTH_PREFILTER:
            v.append([e["x0"], e["top"], e["x1"], e["bottom"], e["height"]])
        elif e["orientation"] == "h" and e["width"] >= MIN_LENGTH_PREFILTER:
            h.append([e["x0"], e["top"], e["x1"], e["bottom"], e["width"]])
    if not all(isfinite(x) for e in (*v, *h) for x in e):
        return None
    # merge_edges: snapped, then grouped by line (every horizontal line before every vertical one),
    # joined within each line; then the length filter
    hs = [e for g in _groups(_snap(h, _TOP), _TOP) for e in _join(g, _X0, _X1) if e[_LEN] >= MIN_LENGTH]
    vs = [e for g in _groups(_snap(v, _X0), _X0) for e in _join(g, _TOP, _BOTTOM) if e[_LEN] >= MIN_LENGTH]
    return _tables(_cells(_intersections(vs, hs)))


def _cluster_index(values: list[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's make_cluster_dict: distinct values sorted, a new cluster past `tolerance` from the
    previous value."""
    out: dict[float, int] = {}
    last: float | None = None
    i = -1
    for x in sorted(set(values)):
        if last is None or x > last + tolerance:
            i += 1
        out[x] = i
        last = x
    return out


def _snap(edges: list[list[float]], key: int) -> list[list[float]]:
    """pdfplumber's snap_objects: clusters in order, each edge moved by (cluster average − its value)
    along its cross axis (x0 and x1 of a vertical edge, top and bottom of a horizontal one)."""
    if not edges:
        return []
    index = _cluster_index([e[key] for e in edges], SNAP)
    ordered = sorted(edges, key=lambda e: index[e[key]])  # stable: input order within a cluster
    out: list[list[float]] = []
    start = 0
    lo, hi = (_X0, _X1) if key == _X0 else (_TOP, _BOTTOM)
    while start < len(ordered):
        c = index[ordered[start][key]]
        end = start
        while end < len(ordered) and index[ordered[end][key]] == c:
            end += 1
        cluster = ordered[start:end]
        avg = sum(e[key] for e in cluster) / len(cluster)
        for e in cluster:
            d = avg - e[key]
            moved = list(e)
            moved[lo] = e[lo] + d
            moved[hi] = e[hi] + d
            out.append(moved)
        start = end
    return out


def _groups(edges: list[list[float]], key: int) -> list[list[list[float]]]:
    """Edges on the same line (equal snapped coordinate), lines in increasing order, edges in their
    order within each."""
    ordered = sorted(edges, key=lambda e: e[key])
    out: list[list[list[float]]] = []
    for e in ordered:
        if out and out[-1][0][key] == e[key]:
            out[-1].append(e)
        else:
            out.append([e])
    return out


def _join(group: list[list[float]], lo: int, hi: int) -> list[list[float]]:
    """pdfplumber's join_edge_group: sorted by start, an edge starting within JOIN of the last one's
    end extends it (its length grows by the same difference, as pdfplumber's resize_object does)."""
    ordered = sorted(group, key=lambda e: e[lo])
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[lo] <= last[hi] + JOIN:
            if e[hi] > last[hi]:
                grown = list(last)
                if hi == _X1:
                    grown[_LEN] = e[hi] - last[_X0]
                else:
                    grown[_LEN] = last[_LEN] + (e[hi] - last[hi])
                grown[hi] = e[hi]
                joined[-1] = grown
        else:
            joined.append(e)
    return joined


_Crossings = dict[Point, tuple[set[BBox], set[BBox]]]


def _intersections(vs: list[list[float]], hs: list[list[float]]) -> _Crossings:
    """pdfplumber's edges_to_intersections: each point where a vertical edge meets a horizontal one
    (within INTERSECTION), with the boxes of the vertical and of the horizontal edges meeting there.
    The horizontal edges a vertical one can meet are narrowed by their top (bisect, 1 pt of slack);
    pdfplumber's own test decides."""
    hs = sorted(hs, key=lambda e: (e[_TOP], e[_X0]))
    tops = [e[_TOP] for e in hs]
    out: _Crossings = {}
    tol = INTERSECTION
    for v in sorted(vs, key=lambda e: (e[_X0], e[_TOP])):
        vx, vtop, vbottom = v[_X0], v[_TOP], v[_BOTTOM]
        vbox = (v[_X0], v[_TOP], v[_X1], v[_BOTTOM])
        lo = bisect_left(tops, vtop - tol - 1)
        hi = bisect_right(tops, vbottom + tol + 1)
        for h in hs[lo:hi]:
            htop = h[_TOP]
            if vtop <= htop + tol and vbottom >= htop - tol and vx >= h[_X0] - tol and vx <= h[_X1] + tol:
                got = out.get((vx, htop))
                if got is None:
                    got = out[(vx, htop)] = (set(), set())
                got[0].add(vbox)
                got[1].add((h[_X0], htop, h[_X1], h[_BOTTOM]))
    return out


def _cells(crossings: _Crossings) -> list[BBox]:
    """pdfplumber's intersections_to_cells: from each point (in sorted order), the first point below
    and the first to its right (nearest first) joined to it by an edge whose corner opposite exists
    and is joined to both."""
    points = sorted(crossings)
    columns: dict[float, list[float]] = {}
    rows: dict[float, list[float]] = {}
    for x, y in points:  # sorted by x then y: each column's ys and each row's xs come out sorted
        columns.setdefault(x, []).append(y)
        rows.setdefault(y, []).append(x)

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not crossings[p1][0].isdisjoint(crossings[p2][0]):
            return True
        return p1[1] == p2[1] and not crossings[p1][1].isdisjoint(crossings[p2][1])

    out: list[BBox] = []
    for pt in points[:-1]:
        x, y = pt
        ys = columns[x]
        xs = rows[y]
        below = [(x, b) for b in ys[bisect_right(ys, y) :]]
        right = [(r, y) for r in xs[bisect_right(xs, x) :]]
        found = _smallest(pt, below, right, crossings, connects)
        if found is not None:
            out.append(found)
    return out


def _smallest(
    pt: Point,
    below: list[Point],
    right: list[Point],
    crossings: _Crossings,
    connects: Any,
) -> BBox | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in crossings and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def _tables(cells: list[BBox]) -> list[list[BBox]]:
    """pdfplumber's cells_to_tables: cells grouped by shared corners, in its order, groups of more than
    one cell, sorted by their topmost-then-leftmost corner."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[BBox] = []
    tables: list[list[BBox]] = []
    while remaining:
        before = len(current)
        kept: list[BBox] = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            mine = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in mine):
                corners.update(mine)
                current.append(cell)
            else:
                kept.append(cell)
        remaining = kept
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
