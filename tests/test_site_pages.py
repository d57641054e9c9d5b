"""Reports as they arrive from government sites: saved HTML pages and Word files (fixtures/site/).

The pages carry the site around the report (menus, breadcrumbs, bylines, 上一篇/下一篇, sidebars of
other articles with their own amounts, footers with phone and ICP numbers); the report year and stage
come from the title line, wherever it sits; a 科目编码 split into 类 | 款 | 项 columns, each row
writing only its own part, still gives every row its code. Goldens: fixtures/site/*.expected.json
(rule, line, severity, the figures named, and a text on that line), related findings included.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import catalog

from lint.engine import Options, lint_file
from lint.model import Finding, Severity
from lint.readers import read
from lint.readers.html import _parse, furniture_line, read_html

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "site"
REPORTS = sorted(p for p in SITE.iterdir() if p.suffix in (".html", ".docx"))


def _serious(findings: list[Finding]) -> list[tuple[str, int, str, list[str]]]:
    """(rule, line, severity, figure texts) of every error/warning, related findings included."""
    out = []
    for f in findings:
        for g in [f, *f.related]:
            if g.severity >= Severity.WARNING:
                out.append((g.rule, g.location.line, g.severity.label, [fig.text for _, fig in g.figures]))
    return out


def test_site_fixtures_exist() -> None:
    names = {p.name for p in REPORTS}
    assert {"juesuan-page.html", "juesuan-page-broken.html", "yusuan-page.html", "juesuan-word.docx"} <= names


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_site_golden(path: Path) -> None:
    golden = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    result = lint_file(str(path), catalog(), Options())
    assert result.status == "ok", result.error
    found = _serious(result.findings)
    want = {(g["rule"], g["line"]) for g in golden["findings"] if g["severity"] in ("error", "warning")}
    assert {(rule, line) for rule, line, _, _ in found} == want
    lines = read(str(path)).text.split("\n")
    for g in golden["findings"]:
        assert g["near"] in lines[g["line"] - 1]
        assert any(
            (rule, line, sev) == (g["rule"], g["line"], g["severity"])
            and all(t in texts for t in g["figures"])
            for rule, line, sev, texts in found
        ), (g, found)


# -- furniture --------------------------------------------------------------------------------------
def test_page_furniture_is_left_out() -> None:
    text = read(str(SITE / "juesuan-page.html")).text
    assert text.startswith("清源县市场监督管理局2024年度部门决算公开说明\n")
    for furniture in (
        "今天是",
        "首页",
        "当前位置",
        "浏览次数",
        "【打印】",
        "上一篇",
        "下一篇",
        "最新信息",
        "ICP",
        "0571",
    ):
        assert furniture not in text
    for other_article in ("1,508.00", "96.34%", "12.5%"):
        assert other_article not in text
    assert "一般行政管理事务\t500.00" in text  # the report's table is kept


def test_page_furniture_would_be_read_without_the_drop() -> None:
    """The same page read whole: the sidebar's and the 上一篇 link's amounts are there."""
    page = (SITE / "juesuan-page.html").read_text("utf-8")
    whole = _parse(page, "p.html", keep_furniture=True).text
    assert "1,508.00" in whole and "96.34%" in whole and "ICP" in whole


def test_header_inside_the_article_is_kept_nav_and_aside_are_not() -> None:
    text = read(str(SITE / "yusuan-page.html")).text
    assert text.startswith("河西区发展和改革局2025年部门预算公开\n")
    assert "2024年度部门决算公开" not in text and "相关文章" not in text and "3,180.00" not in text
    assert "日期：2025-02-10" not in text and "版权所有" not in text


def test_everything_marked_as_furniture_falls_back_to_the_whole_page() -> None:
    page = (
        '<html><body><div class="sidebar"><p>单位2024年度部门决算说明</p>'
        "<p>本年支出合计120.00万元，其中：基本支出80.00万元，项目支出40.00万元。</p></div></body></html>"
    )
    assert "本年支出合计120.00万元" in read_html(page.encode(), "s.html").text


def test_a_page_of_only_furniture_without_amounts_reads_as_left_out() -> None:
    page = '<html><body><nav><a href="/">首页</a><a href="/x">信息公开</a></nav><p>正文</p></body></html>'
    assert read_html(page.encode(), "n.html").text == "正文\n"


def test_link_lists_go_single_links_in_the_text_stay() -> None:
    page = (
        "<div><ul><li><a>甲局2023年决算（支出50.00万元）</a> 2024-09-01</li>"
        "<li><a>乙局2024年预算</a> 2025-01-20</li></ul>"
        '<p>详见<a href="#t">附表</a>，本年支出合计66.00万元。</p></div>'
    )
    text = read_html(page.encode(), "l.html").text
    assert "50.00万元" not in text and "乙局" not in text
    assert "详见附表，本年支出合计66.00万元。" in text


def test_a_table_cell_named_like_furniture_keeps_the_grid() -> None:
    page = (
        "<table><tr><td>项目</td><td>金额</td></tr>"
        '<tr><td class="side"><a>基本支出</a><a>更多</a></td><td>80.00</td></tr>'
        "<tr><td>合计</td><td>80.00</td></tr></table>"
    )
    doc = read_html(page.encode(), "t.html")
    assert [len(r) for r in doc.tables[0].cells] == [2, 2, 2]
    assert doc.tables[0].cells[1][1] is not None and doc.tables[0].cells[1][1].text == "80.00"


@pytest.mark.parametrize(
    "line",
    [
        "上一篇：县统计局2024年度部门决算",
        "下一篇：无",
        "当前位置：首页 > 政务公开",
        "浙ICP备10023456号-2 浙公网安备33012202000789号",
        "【打印】【关闭】",
        "【打印本页】 【关闭窗口】",
        "发布时间：2025-08-30 来源：县财政局 浏览次数：2,041",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "本年支出合计1,512.60万元，其中：基本支出968.40万元。",
        "一般公共预算财政拨款支出决算表",
        "报告日期：2025年3月10日",
        "项目资金来源：县级财政预算安排；项目实施时间：2024年1月至12月",
        "开展软件正版化检查，督促版权所有单位整改12家。",
        "小计",
    ],
)
def test_report_lines_are_not_furniture(line: str) -> None:
    assert not furniture_line(line)


def test_an_unclosed_head_does_not_hide_the_text_from_the_judgement() -> None:
    """Text after an unclosed <head> still counts: a long paragraph with two links is no link list."""
    words = "本年支出合计120.00万元，其中基本支出80.00万元。" * 3
    page = f"<html><head><title>t</title><body><div><a>甲</a><a>乙</a><p>{words}</p></div></body></html>"
    assert "本年支出合计120.00万元" in read_html(page.encode(), "h.html").text
    no_amount = "<html><head><body><div><a>甲</a><a>乙</a><p>这是正文的一段说明文字，没有数额。</p></div>"
    assert "这是正文" in read_html(no_amount.encode(), "h.html").text


def test_layout_tables_read_as_blocks_data_tables_inside_as_tables() -> None:
    doc = read(str(SITE / "juesuan-layout.html"))
    assert [(t.n_rows, t.n_cols) for t in doc.tables] == [(15, 7)]  # only the 一般公共预算 table
    assert "\n清源县市场监督管理局2024年度部门决算公开说明\n" in doc.text
    assert "首页" not in doc.text and "版权所有" not in doc.text


def test_a_data_table_with_a_small_table_in_a_cell_stays_one_table() -> None:
    page = (
        "<table><tr><td>项目</td><td>金额</td></tr>"
        "<tr><td>基本支出<table><tr><td>注</td></tr></table></td><td>80.00</td></tr>"
        "<tr><td>合计</td><td>80.00</td></tr></table>"
    )
    doc = read_html(page.encode(), "d.html")
    assert [(t.n_rows, t.n_cols) for t in doc.tables] == [(3, 2)]
