"""Issue 12 item 7, the budget on the line before: "（一）预算安排。年初预算480.00万元，年中追加预算60.00万元，
全年预算数540.00万元。\n（二）预算执行。全年执行数512.30万元，预算执行率96.73%" — the rate names no base and
its paragraph no budget, so it is against the one 全年预算 of the two lines before (a warning: an inferred
base); like a rate read against the sentence before (fixtures/precision/p3-05), it holds when it fits any
budget written there but the 年初预算 beside the 全年预算 (预算执行率 = 执行数 ÷ 全年预算数: a rate naming no
base that fits only the 年初预算 was worked out on the wrong budget, tests/test_exec_rate_full_year.py)."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

from lint.model import Finding

HEAD = "2024年度部门整体支出绩效自评报告\n二、预算执行情况\n"


def _rates(text: str) -> list[Finding]:
    return [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL231"]


# -- the budget on the line before, under its own heading -------------------------------------------

LINE_BEFORE = (
    "（一）预算安排。年初预算480.00万元，年中追加预算60.00万元，全年预算数540.00万元。\n"
    "（二）预算执行。全年执行数512.30万元，预算执行率{r}。"
)


@pytest.mark.parametrize("rate", ["96.73%", "94.78%", "9.49%"])
def test_a_rate_under_its_own_heading_is_against_the_full_year_budget_of_the_line_before(rate: str) -> None:
    (f,) = _rates(LINE_BEFORE.format(r=rate))
    assert (f.location.line, f.severity.label, f.expected) == (4, "warning", "94.87")


def test_a_rate_on_the_full_year_budget_of_the_line_before_is_clean() -> None:
    assert _rates(LINE_BEFORE.format(r="94.87%")) == []
    text = "全年预算数为300.00万元。\n截至12月31日，已支出285.00万元，资金执行率为95.00%。"
    assert _rates(text) == []


def test_a_rate_on_the_initial_budget_of_the_line_before_is_against_the_full_year_one() -> None:
    # 512.30 ÷ 480.00 = 106.73%: worked out on the 年初预算 written beside the 全年预算数540.00
    (f,) = _rates(LINE_BEFORE.format(r="106.73%"))
    assert (f.location.line, f.severity.label, f.expected) == (4, "warning", "94.87")
    assert f.suggestion is not None and "年初预算480.00万元" in f.suggestion.reason


def test_two_full_year_budgets_on_the_lines_before_leave_the_rate_unread() -> None:
    text = (
        "甲项目全年预算数100.00万元。\n乙项目全年预算数200.00万元。\n实际支出150.00万元，预算执行率60.00%。"
    )
    assert _rates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "（一）资金安排。调整后预算为1,400.00万元。\n（二）资金使用。截至年底实际支出1,302.00万元，预算执行率为{r}。",
        "全年预算数80.00万元，已全部下达。\n全年实际支出76.50万元，执行率{r}。",
    ],
)
def test_other_phrasings_of_a_budget_on_the_line_before(text: str) -> None:
    full = "1,400.00" if "1,400" in text else "80.00"
    right = "93.00%" if full == "1,400.00" else "95.63%"
    assert _rates(text.format(r=right)) == []
    (f,) = _rates(text.format(r="99.30%"))
    assert f.severity.label == "warning" and full + "万元" in [g.text for _, g in f.figures]
