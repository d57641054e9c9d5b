"""Shares of a whole the report never writes (issue 12 item 4): a complete list of 金额，占p% pairs
in one sentence implies its whole = Σ parts (FL214, a warning: the whole is inferred)."""

from __future__ import annotations

import pytest
from conftest import lint_text

HEAD = "2024年度部门决算情况说明\n"


def _found(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (f.rule, f.severity.label, f.figures[-1][1].text, f.expected or "")
        for f in lint_text(HEAD + text).findings
        if f.severity.label != "info"
    ]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # shares total 100 but two do not fit 294.10
        (
            "因公出国（境）费60.00万元，占三公经费的20.41%；公务用车购置及运行费170.50万元，占57.91%；"
            "公务接待费63.60万元，占21.68%。",
            [("57.91%", "57.97"), ("21.68%", "21.63")],
        ),
        # one share wrong (the total misses 100), the other two confirm the whole 26.49
        (
            "出国费2.45万元，占9.25%；公务用车费17.93万元，占67.86%；接待费6.11万元，占23.07%。",
            [("67.86%", "67.69")],
        ),
        (
            "基本支出800.00万元，占比80.00%，项目支出150.00万元，占比15.50%，经营支出50.00万元，占比5.00%。",
            [("15.50%", "15.00")],
        ),
    ],
)
def test_share_of_the_sum_of_parts(text: str, wrong: list[tuple[str, str]]) -> None:
    assert _found(text) == [("FL214", "warning", s, e) for s, e in wrong]


@pytest.mark.parametrize(
    "text",
    [
        "因公出国（境）费60.00万元，占20.40%；公务用车购置及运行费170.50万元，占57.97%；公务接待费63.60万元，占21.63%。",
        # 舍位平衡: shares forced to total exactly 100.00
        "出国费2.45万元，占9.25%；公务用车费17.93万元，占67.68%；接待费6.11万元，占23.07%。",
        # a partial list: shares of a larger whole (total 60%)
        "办公费30.00万元，占30.00%；印刷费20.00万元，占20.00%；邮电费10.00万元，占10.00%。",
        # two pairs only: not enough to infer a whole
        "基本支出800.00万元，占比80.00%，项目支出150.00万元，占比25.00%。",
    ],
)
def test_complete_partial_or_short_lists_are_clean(text: str) -> None:
    assert _found(text) == []


# -- shares of one named whole past 100%: the list cannot be partial (issue 12 item 4) ------------


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # two pairs: 24.80 ÷ 35.40 = 70.06%, not 72.05% (shares total 102%)
        (
            "公务用车购置及运行维护费24.80万元，占三公经费的72.05%；公务接待费10.60万元，占29.95%。",
            [("72.05%", "70.06")],
        ),
        # three pairs totalling 101%: 20.41% is one last-place unit off (rounding), 22.68% is wrong
        (
            "因公出国（境）费60.00万元，占三公经费的20.41%；公务用车购置及运行费170.50万元，占57.97%；"
            "公务接待费63.60万元，占22.68%。",
            [("22.68%", "21.63")],
        ),
        (
            "工资福利支出420.00万元，占基本支出的比重为84.00%，商品和服务支出90.00万元，占20.00%。",
            [("84.00%", "82.35"), ("20.00%", "17.65")],
        ),
    ],
)
def test_shares_of_one_named_whole_past_100_are_checked(text: str, wrong: list[tuple[str, str]]) -> None:
    assert _found(text) == [("FL214", "warning", s, e) for s, e in wrong]


@pytest.mark.parametrize(
    "text",
    [
        "公务用车购置及运行维护费24.80万元，占三公经费的70.05%；公务接待费10.60万元，占29.95%。",
        # two different wholes: never one list
        "工资福利支出300.00万元，占基本支出的60.00%；办公费50.00万元，占公用经费的50.00%。",
        # shares under 100% of a named whole: other parts may be unwritten
        "公务用车购置及运行维护费24.80万元，占三公经费的60.00%；公务接待费10.60万元，占25.00%。",
    ],
)
def test_named_whole_lists_that_fit_or_may_be_partial_are_clean(text: str) -> None:
    assert _found(text) == []
