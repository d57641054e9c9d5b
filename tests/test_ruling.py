"""`ruling.find_tables` is pdfplumber's table geometry (lines strategy, default settings) step for
step: the same cell groups, as the same floats, on generated grids and on every ruled page of the PDFs
the tests read."""

from __future__ import annotations

from itertools import cycle, pairwise
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.readers import pdf_pdfium
from lint.readers.ruling import find_tables

SHARED = ROOT.parent / "shared" / "corpus"
PDFS = sorted([*ROOT.glob("fixtures/**/*.pdf"), *SHARED.glob("**/*.pdf")])


def _edge(orientation: str, a: float, b: float, at: float, kind: str = "line") -> dict[str, Any]:
    """An edge as the pdfium reader builds it (pdf_pdfium._edge), from a span a–b at one coordinate."""
    lo, hi = min(a, b), max(a, b)
    if orientation == "h":
        return dict(pdf_pdfium._edge(kind, lo, at, hi, at, orientation))
    return dict(pdf_pdfium._edge(kind, at, lo, at, hi, orientation))


def _grid(xs: list[float], ys: list[float], jitter: list[float]) -> list[dict[str, Any]]:
    """A ruled table whose rules are drawn as pieces, slightly off (snap and join both have work)."""
    edges = []
    j = cycle(jitter)
    for y in ys:
        for a, b in pairwise(xs):
            edges.append(_edge("h", a + next(j), b + next(j), y + next(j)))
    for x in xs:
        for a, b in pairwise(ys):
            edges.append(_edge("v", a + next(j), b + next(j), x + next(j)))
    return edges


coords = st.lists(st.floats(0, 600, allow_nan=False).map(lambda v: round(v * 4) / 4), min_size=2, max_size=7)
shake = st.lists(st.sampled_from([0.0, 0.0, 0.25, -0.5, 1.5, -2.75, 3.0, 4.0]), min_size=1, max_size=9)
loose = st.lists(
    st.tuples(
        st.sampled_from(["h", "v"]),
        st.floats(0, 300).map(lambda v: round(v, 1)),
        st.floats(0, 300).map(lambda v: round(v, 1)),
        st.floats(0, 300).map(lambda v: round(v, 1)),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(coords, coords, shake, loose)
def test_the_port_gives_pdfplumbers_cells(
    xs: list[float], ys: list[float], jitter: list[float], extra: Any
) -> None:
    edges = _grid(sorted(xs), sorted(ys), jitter) + [_edge(o, a, b, at) for o, a, b, at in extra]
    assert find_tables(edges) == pdf_pdfium.plumber_tables(edges)


def test_a_non_finite_coordinate_is_left_to_pdfplumber() -> None:
    edges = _grid([0.0, 50.0, 100.0], [0.0, 20.0, 40.0], [0.0])
    assert find_tables(edges) is not None
    assert find_tables([*edges, _edge("h", 0.0, float("inf"), 10.0)]) is None


def _ruled_pages(path: Path) -> list[list[dict[str, Any]]]:
    """The edges of each page of `path` that has a line or rect, as the pdfium reader collects them."""
    try:
        doc = pdf_pdfium.open_document(str(path), None)
    except pdf_pdfium.Fallback:
        return []
    out = []
    api = pdf_pdfium._api()
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                import ctypes

                raw = ctypes.cast(page.raw, ctypes.c_void_p).value
                tp = api.Text_LoadPage(raw)
                try:
                    edges, ruled, *_ = pdf_pdfium._walk(api, raw, tp, float(page.get_mediabox()[3]))
                finally:
                    api.Text_ClosePage(tp)
                if ruled:
                    out.append(edges)
            finally:
                page.close()
    finally:
        doc.close()
    return out


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_ruled_page_gives_pdfplumbers_cells(path: Path) -> None:
    for edges in _ruled_pages(path):
        assert find_tables(edges) == pdf_pdfium.plumber_tables(edges)
