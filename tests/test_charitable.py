"""Charitable reading (issue 7): a relation read from wording is reported only when no plausible
reading makes its figures agree. Each clean text below gave a false alarm before; each broken twin
keeps the same shape with one genuine error, which must still be found at the right figure."""

from __future__ import annotations

from pathlib import Path

from conftest import catalog, lint_text, serious

from lint.engine import Options, lint_file


def _serious(text: str) -> list[tuple[str, str]]:
    """(rule, first figure text) of every error/warning."""
    return [(f.rule, f.figures[0][1].text if f.figures else "") for f in serious(lint_text(text))]


def _rules(text: str) -> list[str]:
    return [f.rule for f in lint_text(text).findings]


# -- one label, two scopes ------------------------------------------------------------------------

SCOPES = """一、一般公共预算基本支出预算情况说明
（一）人员经费
（1）基本工资（款）支出520.00万元。
（二）公用经费
（1）办公费（款）支出110.00万元。用于购买办公用品。
（2）差旅费（款）支出200.00万元。用于职工出差。
二、一般公共预算机关运行经费支出预算说明
本部门机关运行经费支出预算3,348.98万元。其中：
（1）办公费（款）支出{office}万元。用于购买办公用品。
（2）差旅费（款）支出794.80万元。用于职工出差、委员视察。
"""


def test_same_item_under_two_scopes_is_two_quantities() -> None:
    # 机关运行经费's 办公费 includes project-funded spending; it is not 公用经费's 办公费
    assert _serious(SCOPES.format(office="167.03")) == []


def test_same_item_within_one_scope_still_repeats() -> None:
    text = SCOPES + "三、其他说明\n机关运行经费中，办公费（款）支出176.03万元。\n"
    found = _serious(text.format(office="167.03"))
    assert ("FL261", "176.03万元") in found or ("FL261", "167.03万元") in found


# -- "小于上年预算数X": X is the gap, not last year's figure ---------------------------------------

LESS_THAN = (
    "本单位2017年度会议费预算支出1305.25万元，本年数小于上年预算数403.75万元，"
    "原因是从会议费预算中调减403.75万元用于培训费开支。\n"
)


def test_comparative_gap_is_a_difference() -> None:
    assert _serious(LESS_THAN) == []


def test_comparative_gap_with_base_is_checked() -> None:
    text = "会议费预算支出1305.25万元，上年预算数为1709.00万元，本年数小于上年预算数430.75万元。\n"
    assert ("FL221", "430.75万元") in [(f.rule, f.figures[-1][1].text) for f in serious(lint_text(text))]


# -- 舍位平衡 and two-step rounding ----------------------------------------------------------------

BALANCED = """三、支出预算情况说明
本单位本年支出预算合计21,955.35万元，其中：
基本支出13,994.31万元，占{basic}%；
项目支出5,573.00万元，占25.38%；
单位预留机动经费2,388.04万元，占{reserve}%。
"""


def test_shares_balanced_to_100_are_rounding() -> None:
    text = BALANCED.format(basic="63.75", reserve="10.87")  # 63.7398 and 10.8768, total kept at 100.00
    assert _serious(text) == []
    # 63.7398 rounds to 63.74: balanced; 10.8768 written 10.87 may be truncated, so it holds as is
    assert [(f.rule, f.figures[-1][1].text) for f in lint_text(text).findings] == [("FL213", "63.75%")]


def test_share_off_and_total_not_100_is_an_error() -> None:
    text = BALANCED.format(basic="63.75", reserve="10.88")  # 100.01%: nothing balanced
    assert ("FL211", "13,994.31万元") in _serious(text)


def test_share_far_off_is_an_error_even_when_balanced() -> None:
    text = BALANCED.format(basic="64.74", reserve="9.88")
    assert ("FL211", "13,994.31万元") in _serious(text)


def test_restated_share_inherits_its_balanced_reading() -> None:
    text = (
        "本年收入预算合计21,955.35万元，其中：\n一般公共预算收入21,940.96万元，占99.94%；\n"
        "其他资金14.39万元，占0.06%。\n本年财政拨款21,940.96万元，占本年收入合计的99.94%。\n"
    )
    assert _serious(text) == []


# -- an item's rate against its own budget ---------------------------------------------------------

ITEM_RATE = (
    "“三公”经费年初预算30.00万元，决算12.60万元，完成预算的42.00%，其中：公务用车购置及运行维护费"
    "决算9.60万元，完成预算的{rate}%；公务接待费决算3.00万元，完成预算的21.43%。\n"
)


def test_item_rate_is_against_its_own_unstated_budget() -> None:
    assert _serious(ITEM_RATE.format(rate="60.00")) == []


def test_item_rate_against_its_own_stated_budget_is_checked() -> None:
    text = "公务用车购置及运行维护费年初预算16.00万元。\n" + ITEM_RATE.format(rate="66.00")
    assert ("FL231", "9.60万元") in [(f.rule, f.figures[0][1].text) for f in serious(lint_text(text))] or any(
        f.rule == "FL231" and any(x.text == "66.00%" for _, x in f.figures) for f in serious(lint_text(text))
    )
    assert _serious("公务用车购置及运行维护费年初预算16.00万元。\n" + ITEM_RATE.format(rate="60.00")) == []


def test_group_rate_is_still_checked() -> None:
    text = ITEM_RATE.format(rate="60.00").replace("完成预算的42.00%", "完成预算的24.00%")
    assert any(f.rule == "FL231" for f in serious(lint_text(text)))


LEAD_INS = (
    "基本支出中，工资福利支出600.00万元，商品和服务支出150.00万元。"
    "项目支出中，工资福利支出20.00万元，商品和服务支出{goods}万元。\n"
)


def test_lead_in_scopes_the_sentence() -> None:
    assert _serious(LEAD_INS.format(goods="280.00")) == []


def test_same_lead_in_still_repeats() -> None:
    text = LEAD_INS.format(goods="280.00") + "在项目支出中，商品和服务支出208.00万元。\n"
    assert ("FL261", "208.00万元") in _serious(text)


TWO_FUNDS = """一、收支预算总体情况
支出预算总计1,250.00万元，其中：基本支出800.00万元，项目支出450.00万元。收入预算总计1,250.00万元，其中：一般公共预算拨款收入1,100.00万元，政府性基金预算拨款收入150.00万元。
二、一般公共预算支出情况
一般公共预算支出1,100.00万元。其中：基本支出800.00万元；项目支出300.00万元。
"""


def test_a_fund_s_figure_is_not_the_department_s_when_a_second_fund_has_money() -> None:
    assert _serious(TWO_FUNDS) == []


def test_with_one_fund_the_department_s_figure_is_the_fund_s() -> None:
    one_fund = """一、收支预算总体情况
支出预算总计1,100.00万元，其中：基本支出800.00万元，项目支出300.00万元。
二、一般公共预算支出情况
一般公共预算支出1,100.00万元。其中：基本支出800.00万元；项目支出{project}万元。
"""
    assert _serious(one_fund.format(project="300.00")) == []
    assert ("FL261", "330.00万元") in _serious(one_fund.format(project="330.00"))


# -- severity follows certainty ---------------------------------------------------------------------


def test_share_of_a_whole_named_in_another_paragraph_is_a_warning() -> None:
    text = "一、总体情况\n本年支出合计800.00万元。\n\n二、支出结构\n基本支出500.00万元，占本年支出合计的65.00%。\n"
    found = [f for f in serious(lint_text(text)) if f.rule == "FL211"]
    assert [(f.severity.label, f.certainty) for f in found] == [("warning", "inferred")]
    same = "本年支出合计800.00万元，其中：基本支出500.00万元，占65.00%；项目支出300.00万元，占37.50%。\n"
    found = [f for f in serious(lint_text(same)) if f.rule == "FL211"]
    assert [(f.severity.label, f.certainty) for f in found] == [("error", "explicit")]


def test_change_whose_current_is_in_another_sentence_is_a_warning() -> None:
    text = "公务接待费支出12.00万元。与上年相比，公务接待费减少3.00万元，下降25.00%。\n"
    found = [f for f in serious(lint_text(text)) if f.rule == "FL222"]
    assert [(f.severity.label, f.certainty) for f in found] == [("warning", "inferred")]


# -- a report on year Y may present Y+1's draft -----------------------------------------------------

DRAFT = """关于某县2023年预算执行情况和2024年预算草案的报告

一、{year}年预算执行情况

全县一般公共预算支出完成245,000万元，为调整预算的96.10%。调整预算为254,942万元。

二、2024年预算草案

2024年全县一般公共预算支出安排250,000万元。
"""


def test_next_year_draft_heading_is_not_a_wrong_year() -> None:
    assert _serious(DRAFT.format(year="2023")) == []


def test_execution_heading_naming_another_year_is_still_flagged() -> None:
    assert [r for r, _ in _serious(DRAFT.format(year="2022"))] == ["FL305"]


# -- shapes from reports of other provinces (own wording) -------------------------------------------


def test_the_base_of_a_completion_rate_is_not_the_current_of_a_change() -> None:
    text = (
        "本单位“三公”经费支出决算26.40万元，为全年预算数30.00万元的88.00%；与上年决算数相比增加"
        "{diff}万元，增长{rate}%。\n"
    )
    assert _serious(text.format(diff="2.40", rate="10.00")) == []  # 2.40 / (26.40 − 2.40)
    assert ("FL222", "26.40万元") in _serious(text.format(diff="2.40", rate="9.09"))


def test_the_base_of_a_completion_rate_is_not_a_breakdown_total() -> None:
    text = (
        "公务用车购置及运行维护费决算12.00万元，为预算数15.00万元的80.00%，其中公务用车购置费决算0万元，"
        "公务用车运行维护费决算{run}万元。\n"
    )
    assert _serious(text.format(run="12.00")) == []
    assert ("FL201", "12.00万元") in _serious(text.format(run="13.00"))


def test_respective_shares_pair_in_order() -> None:
    text = "本年支出合计500.00万元，基本支出和项目支出分别为300.00万元和200.00万元，分别占{a}%和{b}%。\n"
    assert _serious(text.format(a="60.00", b="40.00")) == []
    assert ("FL211", "300.00万元") in _serious(text.format(a="40.00", b="60.00"))


def test_a_gloss_in_brackets_opens_no_list() -> None:
    text = "项目支出中，工资福利支出48.00万元（主要为编外人员劳务报酬），商品和服务支出65.00万元。\n"
    assert _serious(text) == []


def test_a_marker_whose_list_has_no_amounts_opens_none() -> None:
    text = (
        "基本支出800.00万元，其中：人员经费700.00万元，包括工资福利支出和对个人和家庭的补助；"
        "公用经费{pub}万元，包括商品和服务支出。公用经费中，办公费20.00万元，差旅费10.00万元。\n"
    )
    assert _serious(text.format(pub="100.00")) == []
    assert ("FL201", "800.00万元") in _serious(text.format(pub="110.00"))


def test_a_total_added_on_to_an_earlier_figure_is_not_checked_alone() -> None:
    text = (
        "全县一般公共预算收入完成50,000万元。\n"
        "加上上级补助收入30,000万元、调入资金5,000万元，转移性收入合计35,000万元，收入总计85,000万元。\n"
    )
    assert _serious(text) == []
    assert ("FL201", "36,000万元") in _serious(text.replace("合计35,000", "合计36,000"))


def test_an_execution_rate_reads_its_own_clause() -> None:
    text = (
        "某局2024年度部门整体支出绩效自评报告\n"
        "其中甲项目预算1,900.00万元，实际支出1,860.00万元，执行率{a}%；乙项目预算1,150.00万元，"
        "实际支出1,108.19万元，执行率96.36%。\n"
    )
    assert _serious(text.format(a="97.89")) == []
    assert [r for r, _ in _serious(text.format(a="96.89"))] == ["FL231"]


def test_a_listed_item_that_is_itself_a_count() -> None:
    text = "本部门包括局机关本级和所属事业单位7家：甲中心、乙站，以及5家乡镇服务中心。\n"
    assert _serious(text) == []
    assert ("FL251", "3家") in _serious("本部门所属事业单位3家：甲中心、乙站。\n")


def test_the_adjusted_budget_written_after_追加_is_not_an_adjustment() -> None:
    text = (
        "年初预算5,180.00万元，年中追加后调整预算5,612.00万元，支出决算5,474.30万元，完成调整预算的97.55%。\n"
    )
    assert _serious(text) == []


def test_a_其中_column_is_a_sub_column_of_its_left_neighbour(tmp_path: Path) -> None:
    def md(text: str) -> list[str]:
        path = tmp_path / "sangong.md"
        path.write_text("## 三公经费预算情况\n\n" + text, encoding="utf-8")
        return [
            f.rule for f in lint_file(str(path), catalog(), Options()).findings if f.severity.label != "info"
        ]

    table = (
        "| 年度 | 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 其中：购置费 | 其中：运行维护费 | 公务接待费 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 2021年预算 | {total} | 0.00 | 14.20 | 0.00 | 14.20 | 4.40 |\n"
        "| 2020年预算 | 20.67 | 0.00 | 15.78 | 0.00 | 15.78 | 4.89 |\n"
    )
    assert md(table.format(total="18.60")) == []
    assert md(table.format(total="18.80")) == ["FL401"]


def test_a_figure_referred_back_to_is_no_part() -> None:
    text = "政府性基金安排的公务用车运行维护费18.60万元，主要为执法车辆运行支出，未计入上述1,286.40万元。\n"
    assert _serious(text) == []


def test_a_合计_opening_a_lead_in_list_is_not_a_trailing_total() -> None:
    text = (
        "收入总计1349.97万元，支出总计1349.97万元。收入总计中，本年收入合计1286.45万元，年初结转和结余63.52万元；"
        "支出总计中，本年支出合计1301.84万元，年末结转和结余48.13万元。\n"
    )
    assert _serious(text) == []


def test_a_breakdown_by_a_key_is_its_own_scope() -> None:
    text = (
        "部门收入预算1,800.00万元，其中：一般公共预算拨款1,500.00万元，政府性基金预算拨款300.00万元。\n"
        "政府采购预算320.00万元。\n按资金来源划分，一般公共预算拨款240.00万元，政府性基金预算拨款80.00万元。\n"
    )
    assert _serious(text) == []


def test_a_part_does_not_inherit_its_total_s_label() -> None:
    text = (
        "收入总计4135.42万元，其中本年收入3920.77万元，年初结转和结余214.65万元。"
        "支出总计4135.42万元，其中本年支出3915.78万元，年末结转和结余219.64万元。\n"
    )
    assert _serious(text) == []
