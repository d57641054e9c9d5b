"""Issue 8 "done when": a corpus 决算 with one of each hygiene problem put in is reported once per
problem, on the page the problem is on, and nothing else changes.

fixtures/corpus/broken-shehui-gongzuobu-2024-juesuan.pdf is the committed corpus PDF with one page
appended by fixtures/make_pdf_fixtures.py (make_corpus_broken); the original pages are copied as they
are, so every finding of the original must come back unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.catalog import Catalog, load_catalog
from lint.engine import Options, lint_file
from lint.model import Finding

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
ORIGINAL = CORPUS / "shehui-gongzuobu-2024-juesuan.pdf"
BROKEN = CORPUS / "broken-shehui-gongzuobu-2024-juesuan.pdf"
LAST_PAGE = 25  # the appended page: the original has 24

# one finding per problem put in: (rule, severity, what it points at)
EXPECTED = [
    ("FL282", "error", "XXX万元"),
    ("FL283", "error", "增加（减少）"),
    ("FL284", "info", None),
    ("FL285", "warning", "医疗卫生与计划生育支出"),
    ("FL288", "warning", ""),  # the 预算数 cell of the 三公 table (page 14) is blank
    ("FL289", "warning", "档案工作"),
    ("FL290", "warning", "国有资产占用情况说"),
    ("FL305", "error", "截至2023年12月31日"),
    ("FL307", "warning", "2、"),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _key(f: Finding) -> tuple[str, str, int | None, str]:
    return (f.rule, f.severity.label, f.location.page, f.message)


def test_each_problem_put_in_is_reported_once_on_its_page_and_nothing_else(catalog: Catalog) -> None:
    original = lint_file(str(ORIGINAL), catalog, Options())
    broken = lint_file(str(BROKEN), catalog, Options())
    assert original.status == broken.status == "ok"
    before = sorted(_key(f) for f in original.findings)
    assert before, "the original has findings of its own to compare"
    assert all(f.location.page is not None and f.location.page < LAST_PAGE for f in original.findings)
    old = [f for f in broken.findings if f.location.page != LAST_PAGE]
    new = sorted((f for f in broken.findings if f.location.page == LAST_PAGE), key=lambda f: f.rule)
    # every finding of the original pages comes back unchanged
    assert sorted(_key(f) for f in old) == before
    assert [(f.rule, f.severity.label) for f in new] == [(r, s) for r, s, _ in EXPECTED]
    for f, (_, _, actual) in zip(new, EXPECTED, strict=True):
        if actual is not None:
            assert f.actual == actual
        assert f.location.bbox is not None  # located on the page, not just in the text
    blank = next(f for f in new if f.rule == "FL288")
    assert "三公" in blank.message and "预算数" in blank.message and "0.95万元" in blank.message
