"""Which budget an execution rate is against (issue 12 item 7): 执行率 = 执行数 ÷ 全年预算数. When the
report names 全年预算 as the base but the rate fits another figure of the sentence (当年下达), the rate
is what is wrong, and the suggestion says which figure it was worked out on."""

from __future__ import annotations

from conftest import lint_text, serious

TEXT = (
    "2024年度部门整体支出绩效自评报告\n一、预算执行情况\n"
    "本年度年初预算1000.00万元，年中追加200.00万元，全年预算数1200.00万元，当年下达资金1100.00万元，"
    "全年执行数1056.00万元，预算执行率{rate}。\n"
)


def test_rate_on_the_wrong_base_names_that_base() -> None:
    found = serious(lint_text(TEXT.format(rate="96.00%")))
    assert [f.rule for f in found] == ["FL231"]
    s = found[0].suggestion
    assert s is not None
    assert (s.figure.text, s.suggested) == ("96.00%", "88.00%")
    assert "1100.00万元" in s.reason and "全年预算" in s.reason


def test_rate_on_the_full_year_budget_is_clean() -> None:
    assert serious(lint_text(TEXT.format(rate="88.00%"))) == []
