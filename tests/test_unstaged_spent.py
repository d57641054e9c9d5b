"""A 决算 report names what was spent without a stage word: "2023年度一般公共预算财政拨款支出3004.74万元，
年初预算2860.00万元，完成年初预算的105.06%". In a 决算 the bare 支出 is the 决算数, so it is the rate's
numerator; a rate that does not fit it is found. In a 预算 report a bare amount is a budget, never a
numerator. Texts in our own words."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

from lint.model import Finding

JUESUAN = "某县住房和城乡建设局2023年度部门决算公开说明\n"
YUSUAN = "某县住房和城乡建设局2024年部门预算公开说明\n"


def _rates(head: str, text: str) -> list[Finding]:
    return [f for f in serious(lint_text(head + text)) if f.rule.startswith("FL23")]


HOLDS = [
    # the budget written inside the rate's own words: "为年初预算2610.00万元的109.03%"
    "二、一般公共预算财政拨款支出决算情况\n2023年度一般公共预算财政拨款支出2845.61万元，为年初预算2610.00万元的"
    "109.03%。\n",
    "二、一般公共预算财政拨款支出决算情况\n2023年度一般公共预算财政拨款支出2845.61万元，完成年初预算12,610.00万元的"
    "22.57%。\n",
    "二、一般公共预算财政拨款支出决算情况\n2023年度一般公共预算财政拨款支出3004.74万元，年初预算2860.00万元，"
    "完成年初预算的105.06%。\n",
    "三、政府性基金预算财政拨款支出决算情况\n2023年度政府性基金预算财政拨款支出6217.43万元，全年预算数6850.00万元，"
    "预算执行率90.77%。\n",
    "四、国有资本经营预算财政拨款支出决算情况\n2023年度国有资本经营预算财政拨款支出286.50万元，全年预算数300.00万元，"
    "完成预算的95.50%。\n",
]


@pytest.mark.parametrize("text", HOLDS)
def test_a_rate_on_the_bare_spent_amount_that_holds_is_silent(text: str) -> None:
    assert _rates(JUESUAN, text) == []


BROKEN = [
    (
        "二、一般公共预算财政拨款支出决算情况\n2023年度一般公共预算财政拨款支出2845.61万元，为年初预算2610.00万元的"
        "109.30%。\n",
        "109.30%",
        "2845.61万元",
    ),
    (
        "二、一般公共预算财政拨款支出决算情况\n2023年度一般公共预算财政拨款支出3004.74万元，年初预算2860.00万元，"
        "完成年初预算的106.05%。\n",
        "106.05%",
        "3004.74万元",
    ),
    (
        "三、政府性基金预算财政拨款支出决算情况\n2023年度政府性基金预算财政拨款支出6217.43万元，全年预算数6850.00万元，"
        "预算执行率92.76%。\n",
        "92.76%",
        "6217.43万元",
    ),
]


@pytest.mark.parametrize(("text", "rate", "spent"), BROKEN)
def test_a_rate_that_does_not_fit_the_bare_spent_amount_is_found(text: str, rate: str, spent: str) -> None:
    (f,) = _rates(JUESUAN, text)
    figures = {role: g.text for role, g in f.figures}
    assert figures["ratio"] == rate
    assert figures["current"] == spent
    assert f.location.offset == (JUESUAN + text).index(rate)


def test_in_a_budget_report_a_bare_amount_is_no_numerator() -> None:
    text = (
        "二、一般公共预算拨款支出预算情况\n2024年一般公共预算拨款支出3004.74万元，年初预算2860.00万元，"
        "完成年初预算的106.05%。\n"
    )
    assert _rates(YUSUAN, text) == []


# a sentence of several items, each "决算X万元，为预算数Y万元的Z%", the second restating the first
SANGONG = (
    "二、“三公”经费财政拨款支出决算情况\n分项看，因公出国（境）费支出决算5.12万元，为预算数6.40万元的80.00%；"
    "公务用车购置及运行维护费支出决算18.45万元，为预算数22.50万元的82.00%，其中公务用车购置费决算0万元，"
    "公务用车运行维护费决算18.45万元，为预算数{base}万元的82.00%；公务接待费支出决算9.30万元，为预算数"
    "12.40万元的75.00%。\n"
)


def test_the_budget_written_in_the_rates_own_words_is_its_one_base() -> None:
    """ "为预算数42.60万元的82.80%": the base is the amount the rate's words carry; another item's budget
    in the same long sentence that would fit the rate is no other reading of it."""
    assert _rates(JUESUAN, SANGONG.format(base="22.50")) == []
    (f,) = _rates(JUESUAN, SANGONG.format(base="25.20"))
    figures = {role: g.text for role, g in f.figures if role != "alternative"}
    assert (figures["current"], figures["base"], figures["ratio"]) == ("18.45万元", "25.20万元", "82.00%")
