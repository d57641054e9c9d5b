"""Table checks (FL401–FL407): Markdown tables, the PDF table fixture and the seed in every format."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from conftest import flat

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
    # the 款 row 20805 is confirmed (the 类 row 208 = 20805 holds): the swapped 4.46 (→ 4.64) on
    # line 8 is the figure to fix, and the finding stands there; 20805 keeps its own place
    assert f.location.line == 8
    assert [x.location.line for r, x in f.figures if r == "total"] == [6]


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
        (f.rule, f.location.page, f.figures[0][1].text)
        for f in flat(broken.findings)
        if f.rule.startswith("FL4")
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


# --- 科目 paragraphs of the 说明 and their table rows (FL404) -------------------------------------

JUESUAN_ITEMS = """2024年度部门决算

一般公共预算财政拨款支出决算表
单位：万元

| 科目编码 | 科目名称 | 合计 |
|---|---|---|
| 201 | 一般公共服务支出 | 1,574.52 |
| 20106 | 财政事务 | 1,511.89 |
| 2010601 | 行政运行 | 1,511.89 |
| 20139 | 社会工作事务 | 62.63 |
| 2013901 | 行政运行 | 51.32 |
| 2013950 | 事业运行 | 11.31 |
| 合计 |  | 1,574.52 |

五、一般公共预算财政拨款支出决算情况说明
（三）一般公共预算财政拨款支出决算具体情况
1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。
主要用于：行政单位人员支出。全年预算为52.00万元，支出决算为{a}万元。
2、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部基本支出。年初预算为1560.05万元，支出决算为{b}万元。
3、一般公共服务支出（类）社会工作事务（款）机关服务（项）。主要用于：后勤。支出决算为{c}万元。
"""


def juesuan_items(a: str = "51.32", b: str = "1511.89", c: str = "9.99") -> str:
    return JUESUAN_ITEMS.format(a=a, b=b, c=c)


def test_item_paragraphs_agree_with_their_rows(catalog: Catalog) -> None:
    # 行政运行 is under 社会工作事务 and under 财政事务: each item resolves its own 类 → 款 → 项 row;
    # 机关服务 is in no table row and 全年/年初预算 have no column here: nothing to compare
    assert lint_md(juesuan_items(), catalog) == []


def test_item_paragraph_differs_from_its_row(catalog: Catalog) -> None:
    [f] = lint_md(juesuan_items(a="51.23"), catalog)
    assert f.rule == "FL404" and f.severity == Severity.ERROR
    assert [x.text for _, x in f.figures] == ["51.32", "51.23万元"]
    assert f.figures[0][1].table == (0, 5, 2)  # row 2013901, not 2010601 (行政运行 of 财政事务)
    assert f.expected == "51.32" and f.actual == "51.23"
    assert f.location.line == 19
    assert "社会工作事务-行政运行" in f.message


def test_item_paragraph_under_the_other_kuan(catalog: Catalog) -> None:
    [f] = lint_md(juesuan_items(b="1151.89"), catalog)
    assert f.rule == "FL404" and [x.text for _, x in f.figures] == ["1,511.89", "1151.89万元"]
    assert f.figures[0][1].table == (0, 3, 2) and f.location.line == 20


def test_item_paragraph_two_cents_off_is_a_slip_not_a_remainder(catalog: Catalog) -> None:
    """51.34 in the prose, 51.32 in the table, both to the cent: one fact written two ways. Its own
    rounding is inside the intervals, so two last-place units apart is an error, not 舍位平衡."""
    [f] = lint_md(juesuan_items(a="51.34"), catalog)
    assert f.rule == "FL404" and f.severity == Severity.ERROR
    assert lint_md(juesuan_items(a="51.33"), catalog) == []  # the intervals touch: rounding


def test_item_paragraph_name_alone_is_not_enough(catalog: Catalog) -> None:
    """A path whose 款 is not in the table is skipped, even though 行政运行 (the 项) is."""
    text = juesuan_items(a="99.99").replace("社会工作事务（款）行政运行", "人大事务（款）行政运行")
    assert lint_md(text, catalog) == []


def test_item_paragraph_tables_that_disagree_are_skipped(catalog: Catalog) -> None:
    """支出决算表 and the 一般公共预算 table disagree on the row: FL403's business, no FL404 from it."""
    other = """
支出决算表
单位：万元

| 科目编码 | 科目名称 | 本年支出合计 |
|---|---|---|
| 201 | 一般公共服务支出 | 1,584.52 |
| 20139 | 社会工作事务 | 72.63 |
| 2013901 | 行政运行 | 61.32 |
| 2013950 | 事业运行 | 11.31 |
| 20106 | 财政事务 | 1,511.89 |
| 2010601 | 行政运行 | 1,511.89 |
| 合计 |  | 1,584.52 |
"""
    text = juesuan_items(a="51.23").replace("2024年度部门决算\n", "2024年度部门决算\n" + other)
    found = [f for f in lint_md(text, catalog) if f.rule == "FL404"]
    assert found == []


YUSUAN_ITEMS = """2025年部门预算

2025年部门一般公共预算支出功能分类预算表
单位：元

| 功能分类科目编码 | 功能分类科目名称 | 合计 | 基本支出 | 项目支出 |
|---|---|---|---|---|
| 201 | 一般公共服务支出 | 58,169,501.84 | 11,919,501.84 | 46,250,000.00 |
| 20103 | 政府办公厅（室）及相关机构事务 | 58,169,501.84 | 11,919,501.84 | 46,250,000.00 |
| 2010301 | 行政运行 | 12,029,501.84 | 11,919,501.84 | 110,000.00 |
| 2010302 | 一般行政管理事务 | 46,140,000.00 |  | 46,140,000.00 |
| 合计 |  |  58,169,501.84 | 11,919,501.84 | 46,250,000.00 |

财政拨款支出主要内容如下：
1.“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目{a}万元，主要用于行政单位的基本支出。
2.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）”{b}万元，主要用于其他项目支出。2024年当年预算执行数为5,000.00万元，2025年预算安排{c}万元。
"""


def test_item_budget_in_yuan_table_agrees(catalog: Catalog) -> None:
    # 12,029,501.84元 = 1,202.95万元; 46,140,000.00元 = 4,614万元; 2024's 执行数 has no table column
    text = YUSUAN_ITEMS.format(a="1,202.95", b="4,614.00", c="4,614.00")
    assert lint_md(text, catalog) == []


def test_item_budget_in_yuan_table_differs(catalog: Catalog) -> None:
    text = YUSUAN_ITEMS.format(a="1,209.25", b="4,614.00", c="4,641.00")
    found = lint_md(text, catalog)
    assert [(f.rule, f.location.line, f.figures[1][1].text) for f in found] == [
        ("FL404", 15, "1,209.25万元"),
        ("FL404", 16, "4,641.00万元"),
    ]
    assert [f.figures[0][1].text for f in found] == ["12,029,501.84", "46,140,000.00"]
    assert found[0].expected == "1202.95" and found[0].actual == "1209.25"
    assert found[1].expected == "4614.00"


# --- fixtures/tables: table shapes that misread as errors, each with a genuinely broken variant ------

TABLE_FIXTURES = sorted(
    p for p in (ROOT / "fixtures/tables").iterdir() if p.suffix in (".md", ".html", ".pdf", ".txt", ".docx")
)


@pytest.mark.parametrize("path", TABLE_FIXTURES, ids=lambda p: p.name)
def test_table_fixture_golden(catalog: Catalog, path: Path) -> None:
    """Golden format of fixtures/realistic: the error+warning (rule, line) set is exact, and every entry
    is a finding of that rule, line and severity naming all its figures."""
    golden = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    result = lint_file(str(path), catalog, Options())
    assert result.status == "ok", result.error
    # a relation merged under the finding of its root cause (lint/checks/group.py) counts as reported
    findings = flat(result.findings)
    said = "\n".join(f"{f.rule} {f.location.line} {[x.text for _, x in f.figures]}" for f in findings)
    got = {(f.rule, f.location.line) for f in findings if f.severity >= Severity.WARNING}
    want = {(e["rule"], e["line"]) for e in golden["findings"] if e["severity"] != "info"}
    assert got == want, said
    # one finding per entry, naming exactly the entry's figures
    left = list(findings)
    for e in golden["findings"]:
        hit = next(
            (
                f
                for f in left
                if f.rule == e["rule"]
                and f.location.line == e["line"]
                and f.severity == Severity.parse(e["severity"])
                and sorted(_fold(t) for t in e["figures"]) == sorted(_fold(x.text) for _, x in f.figures)
            ),
            None,
        )
        assert hit is not None, (e, said)
        left.remove(hit)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


# --- PDF: a table's last row drawn in the next table's frame ----------------------------------------


def _frag(page: int, bbox: tuple[float, float, float, float], xs: list[float], rows: list[list[str | None]]):
    from lint.readers.pdf_tables import CellText, TableFrag

    cells = [[None if t is None else CellText(t, [None] * len(t)) for t in row] for row in rows]
    return TableFrag(page, bbox, xs, cells)


def test_frame_shared_with_next_table_is_split_at_its_title() -> None:
    """Jiangsu 2017: page 15 draws 30312 提租补贴 (the last row of page 14's table) in the frame of
    财政拨款政府性基金支出预算表, whose column lines differ and whose frame is 4.4pt wider."""
    from lint.readers.pdf_tables import map_columns, split_captions

    prev = _frag(14, (28.1, 72.2, 562.7, 715.1), [28.1, 140.2, 309.3], [["30311", "住房公积金", "494.22"]])
    frame = _frag(
        15,
        (28.2, 72.2, 567.1, 480.3),
        [28.2, 140.2, 224.4, 309.2, 393.6],
        [
            ["30312", "提租补贴", None, "1,018.01", None],
            ["财政拨款政府性基金支出预算表", None, None, None, None],
            ["部门：", None, "某机关", None, "单位：万元"],
            ["功能科目代码", None, "功能科目名称", None, "金额"],
        ],
    )
    assert map_columns(prev, frame) is None  # the frame as a whole is another table
    right = {(0, 0): 140.2, (0, 1): 309.2, (0, 3): 567.1, (1, 0): 567.1}
    first, second = split_captions(frame, [72.2, 94.2, 116.2, 138.2, 160.2], right)
    assert first.texts() == [["30312", "提租补贴", "1,018.01"]]
    assert first.xs == [28.2, 140.2, 309.2] and first.bbox == (28.2, 72.2, 567.1, 94.2)
    assert map_columns(prev, first) == [0, 1, 2]  # continues page 14's table
    assert second.texts()[0] == ["财政拨款政府性基金支出预算表", None, None]
    assert second.xs == [28.2, 224.4, 393.6] and second.bbox[1] == 94.2


def test_title_in_first_row_is_no_split() -> None:
    from lint.readers.pdf_tables import split_captions

    frame = _frag(3, (28, 72, 560, 200), [28, 200], [["支出预算总表", None], ["合计", "13,649.07"]])
    assert split_captions(frame, [72, 94, 116]) == [frame]


# --- PDF: a 自评表 grid holding a fund block and an indicator block ----------------------------------

_FUND = [
    ["项目名称", None, "某项目", None, None, None],
    ["项目资金", "年初预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100.00", "95.00", "10", "95.00%", "9.5"],
    ["年度总体目标", None, "按期完成", None, None, None],
]


def test_score_grid_is_split_at_the_indicator_header() -> None:
    """The indicator block's header row (no number, names 分值 and 得分) starts a table of its own, so
    its 得分 is not read under the fund block's 执行率."""
    from lint.readers.pdf_tables import split_captions

    rows = [
        *_FUND,
        ["一级指标", "二级指标", "三级指标", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "完成数", "50", "48", ""],
        ["总分", None, None, "100", "57.5", ""],
    ]
    frame = _frag(1, (40, 100, 560, 240), [40, 120, 200, 300, 400, 480], rows)
    fund, indicators = split_captions(frame, [100 + 20 * i for i in range(8)])
    assert fund.texts() == [[c for c in r] for r in _FUND]
    assert indicators.texts()[0] == ["一级指标", "二级指标", "三级指标", "分值", "得分", "偏差原因"]
    assert indicators.texts()[-1] == ["总分", None, None, "100", "57.5", ""]
    assert indicators.bbox[1] == 180


def test_score_header_words_come_from_the_rules() -> None:
    """权重/评分 are 分值/得分 words of [scores] in rules/vocabulary.toml; 备注 alone is not."""
    from lint.readers.pdf_tables import split_captions

    head = ["一级指标", "二级指标", "三级指标", "权重", "评分", "备注"]
    rows = [*_FUND, head, ["产出指标", "数量指标", "完成数", "50", "48", ""]]
    frame = _frag(1, (40, 100, 560, 220), [40, 120, 200, 300, 400, 480], rows)
    assert len(split_captions(frame, [100 + 20 * i for i in range(7)])) == 2
    rows[4] = ["一级指标", "二级指标", "三级指标", "目标", "完成", "备注"]
    frame = _frag(1, (40, 100, 560, 220), [40, 120, 200, 300, 400, 480], rows)
    assert split_captions(frame, [100 + 20 * i for i in range(7)]) == [frame]


def test_score_header_rows_on_top_are_no_split() -> None:
    """A header of two rows before any figure (评价内容 over 分值 得分) stays one header."""
    from lint.readers.pdf_tables import split_captions

    rows = [
        ["一级指标", "二级指标", "评价内容", None, None],
        [None, None, "指标值", "分值", "得分"],
        ["产出指标", "数量指标", "≥30个", "50", "48"],
        ["一级指标", "二级指标", "说明", "分值", "得分"],  # a repeated header row after figures does cut
        ["效益指标", "社会效益", "≥90%", "50", "45"],
    ]
    frame = _frag(1, (40, 100, 560, 200), [40, 120, 200, 300, 400], rows)
    pieces = split_captions(frame, [100 + 20 * i for i in range(6)])
    assert [p.texts()[0][0] for p in pieces] == ["一级指标", "一级指标"]
    assert len(pieces[0].rows) == 3


def test_flow_table_holding_two_score_blocks_becomes_two_tables() -> None:
    """DOCX/HTML: a 自评表 grid is laid out as one text, but its blocks are two tables with their own
    header rows (the indicator block's 分值 is not read under the fund block's 执行率)."""
    from lint.readers.tables import FlowBuilder

    b = FlowBuilder()
    b.table(
        [
            ["项目资金", "年初预算数", "分值", "执行率", "得分"],
            ["年度资金总额", "100.00", "10", "95.00%", "9.5"],
            ["一级指标", "三级指标", "指标值", "分值", "得分"],
            ["产出指标", "完成数", "≥30个", "90", "88"],
            ["总分", None, None, "100", "97.5"],
        ]
    )
    doc = b.build("x.docx", "docx")
    assert [len(t.cells) for t in doc.tables] == [2, 3]
    assert [t.header_rows for t in doc.tables] == [1, 1]
    assert doc.tables[1].cells[0][3] is not None and doc.tables[1].cells[0][3].text == "分值"
    assert doc.text.count("\n") == 5  # still one line a row


def test_flow_table_with_one_score_block_is_one_table() -> None:
    from lint.readers.tables import FlowBuilder

    b = FlowBuilder()
    b.table([["一级指标", "分值", "得分"], ["产出指标", "50", "48"], ["效益指标", "50", "45"]])
    assert len(b.build("x.docx", "docx").tables) == 1


def test_markdown_table_holding_two_score_blocks_becomes_two_tables() -> None:
    from lint.readers import ReadOptions, read

    doc = read(str(ROOT / "fixtures/tables/48-ziping-md-one-table.md"), ReadOptions())
    fund, indicators = doc.tables
    assert len(fund.cells) == 2 and len(indicators.cells) == 6  # header, 4 indicators, 总分
    assert doc.text[indicators.start :].startswith("| 一级指标 |")
    assert doc.text[: indicators.start].endswith("|  |\n")  # the fund row's line ends just before
    assert doc.text[fund.start : fund.end].splitlines()[-1].startswith("| 年度资金总额 |")
    assert indicators.end == doc.text.index("\n", doc.text.index("| 总分 |"))
