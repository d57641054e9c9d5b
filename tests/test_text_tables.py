"""Tables written as text (tabs, "|" lines, runs of spaces) in .txt, .md and Word bodies (issue 12 item 9):
read into the same table model as PDF tables, so FL401–FL407 find a wrong cell in them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_source

from lint.catalog import Catalog, load_catalog
from lint.engine import Options, lint_file
from lint.model import Finding, Severity
from lint.readers.markdown import parse_markdown_tables
from lint.readers.text import read_text
from lint.readers.texttables import parse_text_tables

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def lint_text(text: str, catalog: Catalog, fmt: str = "txt") -> list[Finding]:
    return lint_source(text, fmt)


def tables_of(text: str, fmt: str = "txt") -> list[list[list[str]]]:
    doc = read_text(text.encode("utf-8"), f"t.{fmt}", fmt)
    if fmt == "md":
        parse_markdown_tables(doc)
    parse_text_tables(doc, markdown=fmt == "md")
    return [[[c.text if c else "" for c in row] for row in t.cells] for t in doc.tables]


# Each phrasing: (clean text, the same text with one part's digits swapped and its totals unchanged).
TAB = "单位：万元\n项目\t预算数\t决算数\n合计\t40.00\t35.60\n办公费\t25.00\t21.20\n印刷费\t15.00\t14.40\n"
PIPE = "单位：万元\n项目 | 预算数 | 决算数\n合计 | 40.00 | 35.60\n办公费 | 25.00 | 21.20\n印刷费 | 15.00 | 14.40\n"
PIPE_BORDERED = (
    "单位：万元\n| 项目 | 预算数 | 决算数 |\n| 合计 | 40.00 | 35.60 |\n| 办公费 | 25.00 | 21.20 |\n"
    "| 印刷费 | 15.00 | 14.40 |\n"
)
SPACES = "单位：万元\n项目      预算数    决算数\n合计      40.00     35.60\n办公费    25.00     21.20\n印刷费    15.00     14.40\n"
FULL_WIDTH = (
    "单位：万元\n项目\u3000\u3000预算数\u3000\u3000决算数\n合计\u3000\u3000４０．００\u3000\u3000３５．６０\n"
    "办公费\u3000\u3000２５．００\u3000\u3000２１．２０\n印刷费\u3000\u3000１５．００\u3000\u3000１４．４０\n"
)
PHRASINGS = {
    "tab": TAB,
    "pipe": PIPE,
    "pipe-bordered": PIPE_BORDERED,
    "spaces": SPACES,
    "full-width": FULL_WIDTH,
}


def _swap(text: str) -> str:
    out = text.replace("21.20", "12.20").replace("２１．２０", "１２．２０")
    assert out != text
    return out


@pytest.mark.parametrize("name", PHRASINGS)
def test_text_table_clean(catalog: Catalog, name: str) -> None:
    text = PHRASINGS[name]
    assert len(tables_of(text)) == 1
    assert lint_text(text, catalog) == []


@pytest.mark.parametrize("name", PHRASINGS)
def test_text_table_swapped_part_is_found_at_the_swapped_part(catalog: Catalog, name: str) -> None:
    [f] = lint_text(_swap(PHRASINGS[name]), catalog)
    assert f.rule == "FL401"
    # at the swapped 12.20 (line 4), the figure to fix; the 合计 row's 35.60 keeps its own place
    assert f.location.line == 4
    assert f.suggestion is not None and f.suggestion.figure.location == f.location
    assert [x.location.line for r, x in f.figures if r == "total"] == [3]
    texts = [x.text.replace("１２．２０", "12.20") for _, x in f.figures]
    assert "12.20" in texts
    assert f.expected == "26.60"


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_flattened_self_evaluation_table_in_pipes(catalog: Catalog, fmt: str) -> None:
    text = (
        "项目资金执行情况（单位：万元）\n"
        "资金来源 | 全年预算数 | 全年执行数 | 执行率\n"
        "上级补助 | 80.00 | 76.00 | 95.00%\n"
        "本级安排 | 20.00 | 19.00 | 95.00%\n"
        "合计 | 100.00 | 95.00 | 95.00%\n"
    )
    assert lint_text(text, catalog, fmt) == []
    broken = text.replace("| 76.00 |", "| 67.00 |")
    # the 执行率 computed from the mistyped cell and the 合计 it no longer adds to: one root cause,
    # both placed at the mistyped cell (line 3), the 合计 row keeping its own place among the figures
    [f] = lint_text(broken, catalog, fmt)
    assert {(x.rule, x.location.line) for x in (f, *f.related)} == {("FL405", 3), ("FL401", 3)}
    assert [x.location.line for r in (f, *f.related) for role, x in r.figures if role == "total"] == [5]
    assert f.suggestion is not None and (f.suggestion.figure.text, f.suggestion.suggested) == (
        "67.00",
        "76.00",
    )


def test_row_total_unchanged_after_a_transposed_part_names_the_part(catalog: Catalog) -> None:
    text = (
        "支出决算表（单位：万元）\n"
        "科目名称\t本年支出合计\t基本支出\t项目支出\n"
        "教育支出\t318.46\t207.15\t111.31\n"
        "卫生健康支出\t92.70\t92.70\t0.00\n"
    )
    assert lint_text(text, catalog) == []
    [f] = lint_text(text.replace("111.31", "111.13"), catalog)
    assert f.rule == "FL401" and f.location.line == 3
    assert f.suggestion is not None
    assert (f.suggestion.figure.text, f.suggestion.suggested) == ("111.13", "111.31")


def test_qizhong_rows_nest_under_the_row_above(catalog: Catalog) -> None:
    text = (
        "单位：万元\n"
        "项目\t决算数\n"
        "合计\t30.00\n"
        "因公出国（境）费\t0.00\n"
        "公务用车购置及运行维护费\t18.00\n"
        "  其中：公务用车购置费\t0.00\n"
        "        公务用车运行维护费\t18.00\n"
        "公务接待费\t12.00\n"
    )
    assert lint_text(text, catalog) == []
    [f] = lint_text(text.replace("公务接待费\t12.00", "公务接待费\t21.00"), catalog)
    assert f.rule == "FL401" and f.location.line == 3


def test_unnumbered_nesting_without_qizhong_is_read_every_way(catalog: Catalog) -> None:
    text = "单位：万元\n项目\t金额\n基本支出\t60.00\n人员经费\t45.00\n公用经费\t15.00\n项目支出\t40.00\n合计\t100.00\n"
    assert lint_text(text, catalog) == []  # 基本支出 = 人员 + 公用 is one plausible nesting
    assert [f.rule for f in lint_text(text.replace("合计\t100.00", "合计\t110.00"), catalog)] == ["FL401"]


def test_prose_is_no_table() -> None:
    prose = (
        "2024年本单位严格执行预算，  全年支出120.00万元。\n"
        "其中基本支出80.00万元，  项目支出40.00万元。\n"
        "上述资金均按规定用途使用，  未发现挤占挪用。\n"
    )
    assert tables_of(prose) == []
    # a table of contents with tab leaders holds page numbers, not a table's body
    toc = "目录\n一、部门概况\n二、收支情况\n"
    assert tables_of(toc) == []


def test_markdown_code_block_and_pipe_tables_are_left_alone() -> None:
    text = (
        "```\n项目 | 金额\n合计 | 10.00\n办公费 | 9.00\n```\n\n"
        "| 项目 | 金额 |\n|---|---|\n| 合计 | 10.00 |\n| 办公费 | 10.00 |\n"
    )
    assert len(tables_of(text, "md")) == 1  # the GFM table once; the code block never


def test_offsets_point_at_the_cells() -> None:
    doc = read_text(TAB.encode("utf-8"), "t.txt", "txt")
    parse_text_tables(doc)
    [table] = doc.tables
    for row in table.cells:
        for cell in row:
            assert cell is not None and doc.text[cell.start : cell.end] == cell.text


@pytest.mark.parametrize(
    ("name", "broken"),
    [("32-docx-word-and-tab-tables.docx", False), ("33-docx-word-and-tab-tables-swapped.docx", True)],
)
def test_word_table_and_tab_typed_paragraphs(catalog: Catalog, name: str, broken: bool) -> None:
    result = lint_file(str(ROOT / "fixtures/tables" / name), catalog, Options())
    assert result.status == "ok"
    assert result.document is not None and len(result.document.tables) == 2
    serious = [f for f in result.findings if f.severity >= Severity.WARNING]
    if not broken:
        assert serious == []
        return
    where = sorted({f.location.where or "" for f in serious})
    assert any(w.startswith("表 1") for w in where)  # the Word table's 合计 cell
    assert any(w.startswith("段落") for w in where)  # a tab-typed paragraph


@pytest.mark.parametrize("sep", [" | ", "\t", "｜"])
def test_word_paragraphs_flattened_into_a_table(catalog: Catalog, tmp_path: Path, sep: str) -> None:
    """A 自评表 pasted into Word as one paragraph per row, cells split by "|", tabs or "｜"."""
    import docx

    rows = [
        ("一级指标", "三级指标", "分值", "得分"),
        ("产出指标", "完成巡查次数", "50", "46"),
        ("效益指标", "隐患整改率", "40", "37"),
        ("满意度指标", "群众满意度", "10", "9"),
        ("合计", "—", "100", "92"),
    ]
    for broken in (False, True):
        document = docx.Document()
        document.add_paragraph("项目绩效自评表")
        for row in rows:
            cells = [("39" if broken and row[0] == "效益指标" and c == 3 else t) for c, t in enumerate(row)]
            document.add_paragraph(sep.join(cells))
        path = tmp_path / f"flat-{broken}.docx"
        document.save(str(path))
        result = lint_file(str(path), catalog, Options())
        assert result.status == "ok" and result.document is not None
        assert len(result.document.tables) == 1
        serious = [f for f in result.findings if f.severity >= Severity.WARNING]
        if not broken:
            assert serious == []
        else:
            assert [(f.rule, f.location.where) for f in serious] == [("FL406", "段落 6")]


def test_single_space_score_sheet_aligns_rows_on_their_scores() -> None:
    """A 自评表 copied out of a PDF: merged cells left out, rows aligned on the 分值 … 得分 run."""
    from lint.model import Document
    from lint.readers.scoresheets import parse_score_sheets

    text = (
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
        "产出指标 数量指标 培训人次 ≥1500人次 1620人次 10 10\n"
        "质量指标 抽检合格率 ≥98% 97.5% 10 9 个别批次不合格\n"
        "响\n"
        "总分 100 98\n"
    )
    doc = Document(path="x.txt", text=text, fmt="txt")
    parse_score_sheets(doc)
    assert len(doc.tables) == 1
    rows = [[c.text if c else None for c in row] for row in doc.tables[0].cells]
    assert rows[1] == ["产出指标", "数量指标", "培训人次", "≥1500人次", "1620人次", "10", "10", None]
    assert rows[2] == [None, "质量指标", "抽检合格率", "≥98%", "97.5%", "10", "9", "个别批次不合格"]
    assert rows[3] == ["总分", None, None, None, None, "100", "98", None]


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_a_sentence_above_a_table_is_not_its_title(fmt: str) -> None:
    """A finding names a table by its title: a prose sentence just above is no title."""
    sep = "|" if fmt == "md" else "\t"
    rows = [["指标", "分值", "得分"], ["产出", "60", "55"], ["总分", "60", "55"]]
    body = "\n".join(("| " + " | ".join(r) + " |") if fmt == "md" else sep.join(r) for r in rows[:1])
    if fmt == "md":
        body += "\n| --- | --- | --- |\n" + "\n".join("| " + " | ".join(r) + " |" for r in rows[1:])
    else:
        body += "\n" + "\n".join(sep.join(r) for r in rows[1:])

    def title(above: str) -> str:
        doc = read_text((above + body + "\n").encode("utf-8"), f"t.{fmt}", fmt)
        if fmt == "md":
            parse_markdown_tables(doc)
        parse_text_tables(doc, markdown=fmt == "md")
        [table] = doc.tables
        return table.title

    assert title("全年共开展培训1,260人次，合格率92%，就业转化率68%。\n") == ""
    assert title("项目绩效自评表\n") == "项目绩效自评表"


def test_prose_total_against_an_untitled_score_table_names_the_cell_once() -> None:
    text = (
        "全年开展培训1,260人次，合格率92%。\n\n"
        "| 指标 | 分值 | 得分 |\n| --- | --- | --- |\n| 产出指标 | 60 | 55 |\n| 效益指标 | 40 | 30 |\n"
        "| 总分 | 100 | 85 |\n\n本项目自评得分86分，等级为“良”。\n"
    )
    [finding] = [f for f in lint_source(text, "md") if f.rule == "FL406"]
    assert "与自评表「总分｜得分」 85 不一致" in finding.message
