"""Issue 12 item 2, "增长" with a fall against a bare 预算: "公务接待费年初预算3.00万元，支出决算2.50万元，比
预算增长16.67%". The rate names its base by the word 预算 alone; in a sentence with one budget (年初, 全年 or
调整后) and one other amount that budget is the base, so direction and size are checked (FL223/FL222). With
two budgets in the sentence the word may mean either: nothing is read."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

HEAD = "2024年度部门决算情况说明\n三、“三公”经费支出情况\n"


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.figures[-1][1].text) for f in serious(lint_text(HEAD + text))]


@pytest.mark.parametrize(
    ("text", "rule", "rate"),
    [
        (
            "公务接待费年初预算3.00万元，支出决算2.50万元，比预算增长16.67%，主要是接待次数增加。",
            "FL223",
            "16.67%",
        ),
        ("培训费全年预算8.00万元，实际支出9.20万元，较预算下降15.00%。", "FL223", "15.00%"),
        ("会议费调整后预算为12.00万元，决算为10.80万元，比预算数减少12.00%。", "FL222", "12.00%"),
        ("印刷费预算5.00万元，决算4.60万元，较预算数节约了8.80%。", "FL222", "8.80%"),
    ],
)
def test_a_rate_against_the_one_budget_of_its_sentence_is_checked(text: str, rule: str, rate: str) -> None:
    assert _found(text) == [(rule, rate)]


@pytest.mark.parametrize(
    "text",
    [
        "公务接待费年初预算3.00万元，支出决算2.50万元，比预算减少16.67%，主要是严控接待。",
        "培训费全年预算8.00万元，实际支出9.20万元，较预算增长15.00%。",
        "会议费调整后预算为12.00万元，决算为10.80万元，比预算数减少10.00%。",
        # two budgets: 预算 may mean either (10.80 ÷ 12.00 − 1 = −10.00%, 10.80 ÷ 11.00 − 1 = −1.82%)
        "会议费年初预算11.00万元，调整后预算为12.00万元，决算为10.80万元，比预算减少1.82%。",
        "会议费年初预算11.00万元，调整后预算为12.00万元，决算为10.80万元，比预算减少10.00%。",
    ],
)
def test_agreeing_or_ambiguous_rates_on_a_bare_budget_are_clean(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("培训费年初预算3.00万元，支出决算2.50万元，比预算增加0.50万元。", "FL223"),
        ("会议费全年预算12.00万元，实际支出13.10万元，较预算数减少1.10万元。", "FL223"),
        ("印刷费调整后预算为5.00万元，决算为4.40万元，比预算减少0.50万元。", "FL221"),
    ],
)
def test_a_difference_against_the_one_budget_of_its_sentence_is_checked(text: str, rule: str) -> None:
    assert [r for r, _ in _found(text)] == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "培训费年初预算3.00万元，支出决算2.50万元，比预算减少0.50万元。",
        "会议费全年预算12.00万元，实际支出13.10万元，较预算数增加1.10万元。",
        # two budgets: 预算 may mean either
        "会议费年初预算11.00万元，调整后预算为12.00万元，决算为10.80万元，比预算减少0.20万元。",
    ],
)
def test_agreeing_or_ambiguous_differences_on_a_bare_budget_are_clean(text: str) -> None:
    assert _found(text) == []
