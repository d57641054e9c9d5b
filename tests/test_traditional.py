"""Reports in traditional characters (issue 12 item 12): folded to simplified before reading, every
offset unchanged, so a 繁体 copy gets the findings of its simplified original at the same places."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.catalog import Catalog, load_catalog
from lint.engine import Options, lint_document, lint_file
from lint.model import Severity
from lint.readers.hanzi import fold, fold_document, is_traditional
from lint.readers.text import read_text

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [
    ("seed/report-2024.txt", "seed-2024.txt"),
    ("broken/01-transposed-part.txt", "01-transposed-part.txt"),
    ("broken/15-rate-transposed.txt", "15-rate-transposed.txt"),
    ("tables/28-text-tab-tables.txt", "28-text-tab-tables.txt"),
    ("tables/29-text-tab-tables-swapped.txt", "29-text-tab-tables-swapped.txt"),
    ("tables/31-md-flattened-pipes-fullwidth-swapped.md", "31-md-flattened-pipes-fullwidth-swapped.md"),
    ("tables/33-docx-word-and-tab-tables-swapped.docx", "33-docx-word-and-tab-tables-swapped.docx"),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _key(path: Path, catalog: Catalog) -> list[tuple[str, str, int, int, str | None, str | None]]:
    result = lint_file(str(path), catalog, Options())
    assert result.status == "ok", result.error
    return [
        (f.rule, f.severity.label, f.location.line, f.location.column, f.expected, f.actual)
        for f in result.findings
    ]


@pytest.mark.parametrize(("simplified", "traditional"), PAIRS, ids=[p[1] for p in PAIRS])
def test_traditional_copy_has_the_same_findings(catalog: Catalog, simplified: str, traditional: str) -> None:
    assert _key(ROOT / "fixtures/traditional" / traditional, catalog) == _key(
        ROOT / "fixtures" / simplified, catalog
    )


# Own phrasings: a breakdown, a share and a change, each written in 繁体 with its simplified twin.
PHRASES = [
    "本年支出決算數為320.50萬元，其中：基本支出210.30萬元，項目支出110.20萬元。",
    "「三公」經費支出30.00萬元，其中：公務接待費12.00萬元，佔「三公」經費的40.00%。",
    "本年收入合計為845.60萬元，較上年的800.00萬元增加45.60萬元，增長5.70%。",
]
BROKEN = [
    "本年支出決算數為320.50萬元，其中：基本支出201.30萬元，項目支出110.20萬元。",
    "「三公」經費支出30.00萬元，其中：公務接待費12.00萬元，佔「三公」經費的44.00%。",
    "本年收入合計為845.60萬元，較上年的800.00萬元增加45.60萬元，增長7.50%。",
]


def _serious(text: str, catalog: Catalog) -> list[tuple[str, int]]:
    doc = fold_document(read_text(text.encode("utf-8"), "t.txt", "txt"))
    result = lint_document(doc, catalog, Options())
    return [(f.rule, f.location.column) for f in result.findings if f.severity >= Severity.WARNING]


@pytest.mark.parametrize("text", PHRASES)
def test_traditional_phrasing_clean(catalog: Catalog, text: str) -> None:
    assert is_traditional(text)
    assert _serious(text, catalog) == []


@pytest.mark.parametrize(("text", "rule"), list(zip(BROKEN, ["FL201", "FL211", "FL222"], strict=True)))
def test_traditional_phrasing_broken_is_found(catalog: Catalog, text: str, rule: str) -> None:
    found = _serious(text, catalog)
    assert [r for r, _ in found] == [rule]
    # the column is the one of the simplified twin: offsets survive the fold
    assert found == _serious(fold(text), catalog)


def test_fold_keeps_length_and_lines() -> None:
    text = "一、部門預算\n單位：萬元\n決算數\t預算數\n"
    out = fold(text)
    assert out == "一、部门预算\n单位：万元\n决算数\t预算数\n"
    assert len(out) == len(text)


def test_simplified_text_is_left_as_it_is() -> None:
    text = "乾隆年间修建的水利工程，于2024年完成维修，预算120.00万元。"
    doc = fold_document(read_text(text.encode("utf-8"), "t.txt", "txt"))
    assert doc.text == text and doc.original is None


def test_reader_shows_the_original_line(catalog: Catalog) -> None:
    path = ROOT / "fixtures/traditional/01-transposed-part.txt"
    result = lint_file(str(path), catalog, Options())
    assert result.document is not None and result.document.original is not None
    [f] = [f for f in result.findings if f.rule == "FL201"]
    line = result.document.source_line(f.location.line)
    assert "萬元" in line and line == path.read_text(encoding="utf-8").split("\n")[f.location.line - 1]
    assert result.document.text[f.location.offset : f.location.offset + 6] == "268.72"


def test_traditional_table_reads_its_unit(catalog: Catalog) -> None:
    text = (
        "支出決算表（單位：萬元）\n科目名稱\t本年支出合計\t基本支出\t項目支出\n"
        "教育支出\t318.46\t207.15\t111.31\n衛生健康支出\t92.70\t92.70\t0.00\n"
    )
    doc = fold_document(read_text(text.encode("utf-8"), "t.txt", "txt"))
    from lint.readers.texttables import parse_text_tables

    parse_text_tables(doc)
    assert [t.unit for t in doc.tables] == ["万元"]


def test_without_the_conversion_library_the_text_is_read_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    from lint.readers import hanzi

    monkeypatch.setattr(hanzi, "_converter", lambda: None)
    monkeypatch.setattr(hanzi, "_char", lambda ch: ch)
    doc = fold_document(read_text(PHRASES[0].encode("utf-8"), "t.txt", "txt"))
    assert doc.text == PHRASES[0] and doc.original is None
