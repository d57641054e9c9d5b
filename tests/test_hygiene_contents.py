"""Issue 8 items 4 and 5: a figure the 说明 gives whose own table cell is blank (FL288), a contents
entry no heading matches (FL289), a heading cut short (FL290) — each only where the reading is certain."""

from __future__ import annotations

from pathlib import Path

from conftest import catalog, lint_text

from lint.engine import Options, lint_document
from lint.model import Finding
from lint.readers.markdown import parse_markdown_tables
from lint.readers.text import read_text


def lint_md(text: str) -> list[Finding]:
    doc = read_text(text.encode("utf-8"), "<t>.md", "md")
    parse_markdown_tables(doc)
    return lint_document(doc, catalog(), Options()).findings


def rules(found: list[Finding]) -> list[str]:
    return sorted(f.rule for f in found)


# --- FL288 a figure of the text, blank in its table ------------------------------------------------

SANGONG = """某局2024年度部门决算

财政拨款“三公”经费支出决算表

单位：万元

| 项目 | 合计 |  | 因公出国（境）费 |  | 公务接待费 |  |
|---|---|---|---|---|---|---|
|  | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 |
| 财政拨款“三公”经费 | {total} | 0.80 | 0 | 0 | {cell} | 0.80 |

七、财政拨款“三公”经费支出决算情况说明

2024年度“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.80万元。其中：公务接待费预算为{prose}，支出决算为0.80万元。
"""


def test_a_budget_the_text_gives_and_the_table_leaves_blank() -> None:
    found = lint_md(SANGONG.format(total="0.95", cell="", prose="0.95万元"))
    # the table's own row no longer adds up either (合计 0.95 of blank parts): that is FL401's
    assert rules(found) == ["FL288", "FL401"]
    f = next(f for f in found if f.rule == "FL288")
    assert f.severity.label == "warning" and f.figures[0][1].text == "0.95万元"
    assert "公务接待费/预算数" in f.message and "空白" in f.message
    assert f.location.line == SANGONG.count("\n") - 0  # the sentence of the 说明, the last line


def test_a_dash_or_xx_cell_is_blank_too() -> None:
    for cell in ("—", "XX", "-"):
        found = [
            f for f in lint_md(SANGONG.format(total="0.95", cell=cell, prose="0.95万元")) if f.rule == "FL288"
        ]
        assert len(found) == 1, cell
        assert f"“{cell}”" in found[0].message


def test_filled_zero_or_unlabelled_figures_pass() -> None:
    assert rules(lint_md(SANGONG.format(total="0.95", cell="0.95", prose="0.95万元"))) == []
    # the text's 0 agrees with a blank cell
    assert "FL288" not in rules(lint_md(SANGONG.format(total="0.95", cell="", prose="0万元")))


def test_last_years_figure_is_not_compared() -> None:
    last_year = SANGONG.format(total="0.95", cell="", prose="0.95万元").replace(
        "公务接待费预算为0.95万元", "上年公务接待费决算为0.95万元"
    )
    assert "FL288" not in rules(lint_md(last_year))


def test_stages_in_rows_and_an_ambiguous_cell() -> None:
    rows = """某局2023年度部门决算（节选）

财政拨款“三公”经费支出决算表

单位：万元

| 项目 | “三公”经费合计 | 因公出国（境）费 | 公务接待费 |
|---|---|---|---|
| 2023年预算数 | 8.00 | 0.00 | {cell} |
| 2023年决算数 | 5.85 | 0.00 | 5.85 |
| 2022年决算数 | 7.75 | 0.00 | 7.75 |

七、“三公”经费支出决算情况说明

公务接待费预算8.00万元，决算5.85万元。
"""
    found = [f for f in lint_md(rows.format(cell="—")) if f.rule == "FL288"]
    assert [(f.rule, f.actual) for f in found] == [("FL288", "—")]
    assert "2023年预算数" in found[0].message
    assert rules(lint_md(rows.format(cell="8.00"))) == []
    # two budget rows of this year (年初 and 调整) for a text that does not say which: no certain cell
    two = rows.replace("| 2023年决算数 |", "| 2023年调整预算数 | 8.00 | 0.00 | 8.00 |\n| 2023年决算数 |")
    two = two.replace("| 2023年预算数 |", "| 2023年年初预算数 |")
    assert "FL288" not in rules(lint_md(two.format(cell="—")))


# --- FL289 contents entries, FL290 cut headings -------------------------------------------------

REPORT = """某局2024年度部门决算
目录
第一部分 部门概况……………………1
第二部分 部门决算表……………………3
第三部分 部门决算情况说明……………………9
一、收入支出决算总体情况说明……………………9
二、“三公”经费支出决算情况说明……………………10
三、政府采购支出情况……………………11
第一部分 部门概况
本局为行政单位。
第二部分 部门决算表
收入支出决算总表
第三部分 部门决算情况说明
一、收入支出决算总体情况说明
本年收入合计100.00万元。
二、“三公”经费支出决算情况说明
本局无“三公”经费支出。
三、政府采购支出情况
本局无政府采购支出。
"""


def test_a_complete_report_passes() -> None:
    assert not {"FL289", "FL290"} & set(rules(lint_text(REPORT).findings))


def test_an_entry_missing_from_the_body_is_reported_at_the_entry() -> None:
    text = REPORT.replace("三、政府采购支出情况\n本局无政府采购支出。\n", "")
    found = [f for f in lint_text(text).findings if f.rule == "FL289"]
    assert [(f.location.line, f.actual, f.severity.label) for f in found] == [
        (8, "三、政府采购支出情况", "warning")
    ]


def test_two_column_contents_joined_entries_and_wrapped_headings_match() -> None:
    text = """某局2024年度部门决算
目录
一、部门基本情况……1    二、收入支出决算总体情况说明……2
三、“三公”经费支出决算情况说明……3四、政府采购支出情况……4
一、部门基本情况
本局为行政单位。
二、收入支出决算总体
情况说明
本年收入合计100.00万元。
三、“三公”经费支出决算情况说明
本局无“三公”经费支出。
四、政府采购支出情况
本局无政府采购支出。
"""
    assert not {"FL289", "FL290"} & set(rules(lint_text(text).findings))
    dropped = text.replace("四、政府采购支出情况\n本局无政府采购支出。\n", "")
    assert [f.actual for f in lint_text(dropped).findings if f.rule == "FL289"] == ["四、政府采购支出情况"]


def test_reworded_headings_and_the_units_own_name_are_charitable() -> None:
    text = REPORT.replace("三、政府采购支出情况\n本局", "三、政府采购支出的情况\n本局").replace(
        "第一部分 部门概况\n本局", "第一部分 某某局概况\n本局"
    )
    assert "FL289" not in rules(lint_text(text).findings)


def test_too_many_missing_entries_is_a_contents_published_apart() -> None:
    text = REPORT.split("第一部分 部门概况\n本局")[0] + "第一部分 部门概况\n本局为行政单位。\n"
    assert "FL289" not in rules(lint_text(text).findings)


def test_a_heading_cut_short_is_reported_once_at_the_heading() -> None:
    text = REPORT.replace("三、政府采购支出情况\n本局", "三、政府采购支出情\n本局")
    found = [f for f in lint_text(text).findings if f.rule in ("FL289", "FL290")]
    assert [(f.rule, f.location.line, f.expected) for f in found] == [("FL290", 18, "政府采购支出情况")]


def test_a_heading_cut_inside_its_last_word_without_contents() -> None:
    head = "某局2024年度部门决算\n一、部门基本情况\n本局为行政单位。\n"
    cut = head + "二、国有资产占用情况说\n本局共有车辆1辆。\n"
    found = [f for f in lint_text(cut).findings if f.rule == "FL290"]
    assert [(f.location.line, f.actual, f.expected) for f in found] == [
        (4, "二、国有资产占用情况说", "二、国有资产占用情况说明")
    ]
    # a title ending at a word boundary is whole; a heading wrapped onto the next line is whole
    assert "FL290" not in rules(lint_text(head + "二、国有资产占用情况\n本局共有车辆1辆。\n").findings)
    assert "FL290" not in rules(lint_text(head + "二、国有资产占用情况说\n明\n本局共有车辆1辆。\n").findings)


def test_a_hostile_contents_is_read_quickly_and_quietly() -> None:
    import time

    entries = "".join(f"第{n}项 某某工作情况说明{n}……{n}\n" for n in range(1, 3000))
    text = "某局2024年度部门决算\n目录\n" + entries + "一、部门基本情况\n本局为行政单位。\n" * 2000
    t0 = time.perf_counter()
    found = lint_text(text).findings
    assert time.perf_counter() - t0 < 30
    assert not {"FL289", "FL290"} & {f.rule for f in found}


def test_a_user_pack_adds_slots_and_endings(tmp_path: Path) -> None:
    from lint.catalog import load_catalog
    from lint.errors import RuleFileError
    from lint.model import Document

    pack = tmp_path / "mine.toml"
    pack.write_text('[headings]\nendings = ["工作|总结"]\n', encoding="utf-8")
    text = "某局2024年度部门决算\n一、部门基本情况\n本局为行政单位。\n二、年度工作总\n全年完成任务。\n"
    doc = Document(path="<t>", text=text, fmt="txt")
    assert "FL290" not in rules(lint_document(doc, catalog(), Options()).findings)
    found = lint_document(doc, load_catalog([pack]), Options()).findings
    assert [(f.rule, f.expected) for f in found if f.rule == "FL290"] == [("FL290", "二、年度工作总结")]
    bad = tmp_path / "bad.toml"
    bad.write_text('[[table_slot]]\ntable = "三公"\n', encoding="utf-8")
    try:
        load_catalog([bad])
    except RuleFileError as e:
        assert "table_slot" in str(e)
    else:
        raise AssertionError("a table_slot without a label must be refused")
