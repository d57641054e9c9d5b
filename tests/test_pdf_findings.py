"""Broken variants of the seed as PDF give the same findings as the text, each on its page with a
box that encloses the figure (the box is checked against pdfplumber's own text in that box)."""

from __future__ import annotations

import pdfplumber
import pytest
from conftest import ROOT, catalog, serious

from lint.engine import Options, lint_file

NAMES = ["01-transposed-part", "06-project-total-one-section", "15-rate-transposed", "18-average-wrong"]


@pytest.mark.parametrize("name", NAMES)
def test_pdf_variant_matches_text_and_locates_every_figure(name: str) -> None:
    pdf = ROOT / "fixtures" / "pdf" / f"broken-{name}.pdf"
    txt = ROOT / "fixtures" / "broken" / f"{name}.txt"
    from_pdf = serious(lint_file(str(pdf), catalog(), Options()))
    from_txt = serious(lint_file(str(txt), catalog(), Options()))
    assert from_pdf, "the broken PDF must give a finding"
    assert sorted(f.rule for f in from_pdf) == sorted(f.rule for f in from_txt)
    assert sorted(sorted(x.text for _, x in f.figures) for f in from_pdf) == sorted(
        sorted(x.text for _, x in f.figures) for f in from_txt
    )
    with pdfplumber.open(pdf) as doc:
        for f in from_pdf:
            for _, fig in f.figures:
                loc = fig.location
                assert loc.page is not None and loc.bbox is not None, fig.text
                page = doc.pages[loc.page - 1]
                x0, top, x1, bottom = loc.bbox
                inside = page.within_bbox((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_text()
                number = fig.text.rstrip("万元%人个件条")
                assert number[:3] in inside.replace("\n", ""), (fig.text, loc, inside)


def test_seed_pdf_page_of_a_known_figure() -> None:
    result = lint_file(str(ROOT / "fixtures" / "pdf" / "broken-01-transposed-part.pdf"), catalog(), Options())
    (finding,) = serious(result)
    part = next(x for _, x in finding.figures if x.text == "20.23万元")
    assert part.location.page == 2
