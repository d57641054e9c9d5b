"""Table checks (FL401–FL407): Markdown tables, the PDF table fixture and the seed in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.catalog import Catalog, load_catalog
from lint.engine import Options, lint_document, lint_file
from lint.model import Finding, Severity
from lint.readers.markdown import parse_markdown_tables
from lint.readers.text import read_text

ROOT = Path(__file__).resolve().parent.parent
CODES = ["FL401", "FL402", "FL403", "FL404", "FL405", "FL406", "FL407"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def lint_md(text: str, catalog: Catalog) -> list[Finding]:
    doc = read_text(text.encode("utf-8"), "t.md", "md")
    parse_markdown_tables(doc)
    result = lint_document(doc, catalog, Options())
    assert result.status == "ok", result.error
    return [f for f in result.findings if f.rule.startswith("FL4")]


def test_rules_in_pack(catalog: Catalog) -> None:
    for code in CODES:
        rule = catalog.get(code)
        assert rule.family == "table"
        assert rule.doc_zh and rule.doc_en and rule.example_fail and rule.example_pass
        assert rule.severity == (Severity.INFO if code == "FL407" else Severity.ERROR)


@pytest.mark.parametrize("code", CODES)
def test_rule_examples(catalog: Catalog, code: str) -> None:
    rule = catalog.get(code)
    assert [f.rule for f in lint_md(rule.example_fail, catalog)] == [code]
    assert lint_md(rule.example_pass, catalog) == []


def test_column_total_finding(catalog: Catalog) -> None:
    [f] = lint_md(catalog.get("FL401").example_fail, catalog)
    assert [(r, x.text) for r, x in f.figures] == [
        ("total", "307.82"),
        ("part", "105.58"),
        ("part", "212.24"),
    ]
    assert f.expected == "317.82" and f.actual == "307.82"
    assert f.location.line == 5


def test_hierarchy_finding(catalog: Catalog) -> None:
    [f] = lint_md(catalog.get("FL402").example_fail, catalog)
    assert [x.text for _, x in f.figures] == ["10.82", "6.18", "4.46"]
    assert f.location.line == 6  # the 款 row 20805; the 类 row 208 = 20805 holds


def test_repeat_and_prose(catalog: Catalog) -> None:
    [f] = lint_md(catalog.get("FL403").example_fail, catalog)
    assert [x.text for _, x in f.figures] == ["307.82", "370.82"]
    [p] = lint_md(catalog.get("FL404").example_fail, catalog)
    assert [x.text for _, x in p.figures] == ["307.82", "370.82万元"]
    assert p.figures[1][1].table is None


def test_rounding_is_info(catalog: Catalog) -> None:
    [f] = lint_md(catalog.get("FL407").example_fail, catalog)
    assert f.severity == Severity.INFO and f.expected == "2940.07"


def test_blank_members_where_total_is_zero(catalog: Catalog) -> None:
    text = """单位：万元

| 项目 | 本年支出合计 | 基本支出 | 项目支出 |
|---|---|---|---|
| 合计 | 0.00 |  |  |
"""
    assert lint_md(text, catalog) == []


def test_carry_over_columns_are_not_parts(catalog: Catalog) -> None:
    text = """单位：万元

| 科目名称 | 年初结转和结余 | 本年收入 | 本年支出小计 | 基本支出 | 项目支出 | 年末结转和结余 |
|---|---|---|---|---|---|---|
| 合计 | 5.00 | 10.00 | 12.00 | 7.00 | 5.00 | 3.00 |
"""
    assert lint_md(text, catalog) == []


def test_nested_unnumbered_rows_are_not_summed(catalog: Catalog) -> None:
    text = """| 项目 | 金额（万元） |
|---|---:|
| 基本支出 | 332.11 |
| 人员经费 | 268.72 |
| 公用经费 | 63.39 |
| 项目支出 | 400.63 |
| 合计 | 732.74 |
"""
    assert lint_md(text, catalog) == []


def test_numbered_rows_and_grand_total(catalog: Catalog) -> None:
    text = """单位：万元

| 收入项目 | 决算数 | 支出项目 | 决算数 |
|---|---|---|---|
| 一、一般公共预算财政拨款收入 | 2,940.05 | 一、一般公共服务支出 | 2,106.66 |
| 二、其他收入 | 6.20 | 二、社会保障和就业支出 | 836.71 |
| 本年收入合计 | 2,946.25 | 本年支出合计 | 2,940.05 |
| 年初结转和结余 | 49.14 | 年末结转和结余 | 55.34 |
| 总计 | 2,995.39 | 总计 | 2,995.39 |
"""
    [f] = lint_md(text, catalog)
    assert f.rule == "FL401" and f.figures[0][1].text == "2,940.05" and f.figures[0][1].table == (0, 3, 3)
    assert [x.text for _, x in f.figures[1:]] == ["2,106.66", "836.71"]


def test_exec_rate_undefined_for_zero_budget(catalog: Catalog) -> None:
    text = """单位：万元

| 项目 | 全年预算数 | 全年执行数 | 执行率 |
|---|---|---|---|
| 年度资金总额 | 0.00 | 0.00 | 0.00% |
"""
    assert lint_md(text, catalog) == []


def test_pdf_table_fixture_excerpt_is_not_summed(catalog: Catalog) -> None:
    """table-juesuan.pdf lists 201 → 2010601 and 2080505 without 208: an excerpt, no relation."""
    result = lint_file(str(ROOT / "fixtures/pdf/table-juesuan.pdf"), catalog, Options())
    assert [f for f in result.findings if f.rule.startswith("FL4")] == []


def test_pdf_column_total_with_page(catalog: Catalog, tmp_path: Path) -> None:
    pdf = ROOT / "fixtures/corpus/shehui-gongzuobu-2024-juesuan.pdf"
    result = lint_file(str(pdf), catalog, Options())
    assert [f for f in result.findings if f.rule.startswith("FL4")] == []
    doc = result.document
    assert doc is not None
    # break the 支出决算表 合计 row (项目支出 202.24 → 212.24) and lint the same document again
    table = doc.tables[3]
    cell = table.cells[2][4]
    assert cell is not None and cell.text == "202.24"
    doc.text = doc.text[: cell.start] + "212.24" + doc.text[cell.end :]
    cell.text = "212.24"
    broken = lint_document(doc, catalog, Options())
    found = [
        (f.rule, f.location.page, f.figures[0][1].text) for f in broken.findings if f.rule.startswith("FL4")
    ]
    assert ("FL401", 8, "307.82") in found  # 本年支出合计 307.82 ≠ 105.58 + 212.24
    assert ("FL401", 8, "212.24") in found  # 合计 row ≠ Σ 类 rows


@pytest.mark.parametrize(
    "path",
    [
        "fixtures/seed/report-2024.txt",
        "fixtures/docx/seed-2024.docx",
        "fixtures/pdf/seed-2024.pdf",
        "fixtures/md/seed-2024.md",
        "fixtures/html/seed-2024.html",
    ],
)
def test_seed_clean(catalog: Catalog, path: str) -> None:
    result = lint_file(str(ROOT / path), catalog, Options())
    assert result.status == "ok"
    assert [f for f in result.findings if f.rule.startswith("FL4") and f.severity >= Severity.WARNING] == []
