"""Recall of phrasings real reports use that were read but not checked (session recall-left), each
with its charitable readings kept and the clean seed untouched. Written in our own words."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度部门整体支出绩效自评报告\n一、部门整体支出情况\n"


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


def _texts(f: Finding) -> list[str]:
    return [g.text for _, g in f.figures]


# -- a 全年预算 with its stages in brackets after it: 全年预算数X（年初预算A，年中追加B） -------------------
BRACKET_CLEAN = [
    "部门全年预算数1,258.50万元（年初预算1,096.20万元，年中追加162.30万元），全年实际支出1,214.70万元，预算执行率96.52%。",
    "全年预算300.00万元（年初预算280.00万元，追加预算30.00万元，调减10.00万元），实际支出291.00万元。",
    # a carryover in the bracket may be one more term: read as written, it still adds up
    "全年预算数1,273.50万元（年初预算1,096.20万元，年中追加162.30万元，上年结转15.00万元），实际支出1,214.70万元。",
    # a bracket of a spent amount that names the budget beside it is no breakdown of the 全年预算
    "全年预算数500.00万元，实际支出480.00万元（年初预算460.00万元，年中追加30.00万元）。",
    # 其中 may list only some adjustments: left alone
    "全年预算数520.00万元（其中：年初预算460.00万元，年中追加30.00万元），实际支出480.00万元。",
]


@pytest.mark.parametrize("text", BRACKET_CLEAN)
def test_a_full_year_budget_with_its_stages_in_brackets_that_add_up_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "total", "expected"),
    [
        (BRACKET_CLEAN[0].replace("1,258.50", "1,268.50"), "1,268.50万元", "1258.50"),
        (BRACKET_CLEAN[1].replace("30.00万元，调减", "40.00万元，调减"), "300.00万元", "310.00"),
    ],
)
def test_a_full_year_budget_whose_bracketed_stages_do_not_add_up_is_found(
    text: str, total: str, expected: str
) -> None:
    found = [f for f in _found(text) if f.rule == "FL271"]
    assert len(found) == 1, _found(text)
    assert total in _texts(found[0]) and "年初预算" in found[0].message
    assert found[0].expected == expected


# -- what was saved against the budget: 比预算节约X / 较预算节约X / 结余X = budget − spent -------------------
SAVED_CLEAN = [
    "项目全年预算资金86.00万元，实际支出78.35万元，比预算节约7.65万元，预算执行率91.10%。",
    "本年预算安排40.00万元，实际支出36.80万元，较预算节约3.20万元。",
    "项目预算52.00万元，实际支出49.18万元，结余2.82万元，已按规定上缴财政。",
    # 节约 of another item (a purchase against its ceiling price) is no difference of these two
    "项目预算52.00万元，实际支出49.18万元。通过公开招标，设备采购较控制价节约资金4.20万元。",
    # a 结余 of the year's accounts (年末结转和结余) is its own figure, not budget − spent
    "全年预算52.00万元，实际支出49.18万元，年末结转和结余12.30万元。",
]


@pytest.mark.parametrize("text", SAVED_CLEAN)
def test_savings_against_the_budget_that_hold_raise_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "saved"),
    [
        (SAVED_CLEAN[0].replace("7.65万元", "7.56万元"), "7.56万元"),
        (SAVED_CLEAN[1].replace("3.20万元", "2.30万元"), "2.30万元"),
        (SAVED_CLEAN[2].replace("2.82万元", "2.28万元"), "2.28万元"),
    ],
)
def test_savings_against_the_budget_that_do_not_hold_are_found(text: str, saved: str) -> None:
    found = _found(text)
    assert len(found) == 1, found
    assert saved in _texts(found[0])


# -- a lone 执行率 right after a heading that names it, or right after a 其中 line ----------------------
LONE_CLEAN = [
    "（一）资金安排\n本项目全年预算146.00万元，截至12月31日实际支出138.70万元。\n（二）预算执行率\n执行率为95.00%。",
    "全年预算资金980.00万元，全年实际支出931.00万元。\n其中：乡镇卫生院支出570.40万元，村卫生室支出360.60万元。\n"
    "执行率为95.00%。",
    # a heading that names something else opens a new subject: its rate is not read from before it
    "（一）资金安排\n本项目全年预算146.00万元，实际支出138.70万元。\n（二）资金到位情况\n到位率为90.00%。",
    "（一）资金安排\n本项目全年预算146.00万元，实际支出138.70万元。\n（二）绩效目标完成情况\n完成率为96.00%。",
    # a 其中 line with budgets of its own: the rate may be a part's, nothing is read
    "全年预算资金980.00万元，实际支出931.00万元。\n其中：中央资金预算600.00万元，支出588.00万元。\n执行率为98.00%。",
]
LONE_BROKEN = [
    (LONE_CLEAN[0].replace("95.00%", "96.00%"), "96.00%"),
    (LONE_CLEAN[1].replace("95.00%", "96.00%"), "96.00%"),
]


@pytest.mark.parametrize("text", LONE_CLEAN)
def test_a_lone_rate_after_a_heading_or_a_breakdown_line_that_holds_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "rate"), LONE_BROKEN)
def test_a_lone_rate_after_a_heading_or_a_breakdown_line_is_checked(text: str, rate: str) -> None:
    found = _found(text)
    assert [f.rule for f in found] == ["FL231"], found
    assert found[0].severity.label == "warning" and found[0].expected == "95.00"
    assert rate in _texts(found[0])


# -- one amount written in 亿元 and in 万元/元 under two labels that name it ------------------------------
UNITS_CLEAN = [
    "2024年度，本部门整体支出1.36亿元。\n（一）预算执行情况\n全年预算14,120.00万元，全年实际支出13,560.25万元，"
    "预算执行率96.04%。",
    "部门整体支出4.73亿元。\n（一）支出决算情况\n全年实际支出473,216,905.10元。",
    # income in 亿元 beside spending in 万元: two facts
    "全年部门收入1.52亿元，全年实际支出13,560.25万元。",
    # several things called 实际支出 (each project's): which one the 亿元 restates is not said
    "本部门整体支出1.36亿元。甲项目预算9,000.00万元，实际支出8,800.00万元；乙项目预算5,000.00万元，"
    "实际支出4,760.25万元。",
    # one project's 实际支出 near the size of the whole: its sentence names the project
    "本部门整体支出1.36亿元。\n（一）重点项目\n公路养护项目预算12,000.00万元，实际支出11,760.25万元。",
]


@pytest.mark.parametrize("text", UNITS_CLEAN)
def test_an_amount_restated_in_yi_that_agrees_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "other"),
    [
        (UNITS_CLEAN[0].replace("1.36亿元", "1.26亿元"), "1.26亿元", "13,560.25万元"),
        (UNITS_CLEAN[1].replace("4.73亿元", "4.37亿元"), "4.37亿元", "473,216,905.10元"),
        # the year written before the label: its normalised label names it
        (
            "2024年度部门整体支出0.62亿元。\n（一）支出情况\n全年实际支出5,812.40万元。",
            "0.62亿元",
            "5,812.40万元",
        ),
    ],
)
def test_an_amount_restated_in_yi_that_disagrees_is_found(text: str, wrong: str, other: str) -> None:
    found = _found(text)
    assert [f.rule for f in found] == ["FL261"], found
    assert found[0].severity.label == "warning"  # two labels read as one fact: an inferred link
    assert _texts(found[0]) == [wrong, other]


# -- families that already read right: kept by a test ---------------------------------------------------
def test_one_figure_for_both_grand_totals_is_checked_on_each_side() -> None:
    text = (
        "2024年度收入、支出总计均为2,146.80万元。本年收入合计1,892.30万元，年初结转和结余254.50万元。"
        "本年支出合计1,978.20万元，年末结转和结余168.60万元。"
    )
    assert _found(text) == []
    assert _found(text.replace("168.60", "186.60"))
    assert _found(text.replace("254.50", "245.50"))


def test_a_total_written_after_its_parts_closes_the_list() -> None:
    text = "政府采购支出：货物类86.40万元、工程类120.35万元、服务类54.20万元，合计260.95万元。"
    assert _found(text) == []
    (f,) = _found(text.replace("260.95", "266.95"))
    assert f.rule == "FL201" and "266.95万元" in _texts(f)
    # a 合计 of some of the items (a different list) is no total of the whole list
    near = text + "其中工程类、服务类合计174.55万元。"
    assert _found(near) == []


def test_a_total_closing_a_lead_in_list_is_its_total() -> None:
    # "X中，a、b，共计T": the 共计 closes the list the lead-in opened (it restates X's amount)
    text = "本年支出合计930.00万元，其中基本支出520.00万元、项目支出410.00万元。基本支出中，人员经费456.30万元、公用经费63.70万元，共计520.00万元。"
    assert _found(text) == []
    found = _found(text.replace("共计520.00", "共计502.00"))
    assert [f.rule for f in found] == ["FL201"], found
    assert "502.00万元" in _texts(found[0]) and "456.30万元" in _texts(found[0])
