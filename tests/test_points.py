"""Percentage points (issue 12 item 1): the difference of two shares written in one sentence, its
size (FL221) and its direction (FL223); a points figure without both shares is left alone."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

HEAD = "2024年度部门决算情况说明\n"


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.figures[-1][1].text, f.expected or "") for f in serious(lint_text(HEAD + text))]


@pytest.mark.parametrize(
    ("text", "rule", "figure", "expected"),
    [
        ("人员经费占比由上年2.35%降至2.08%，比上年上升0.27个百分点。", "FL223", "0.27个百分点", "减少"),
        ("公用经费占86.42%，比上年84.90%提高1.25个百分点。", "FL221", "1.25个百分点", "1.52"),
        ("预算执行率从91.35%提高到95.60%，提高了4.52个百分点。", "FL221", "4.52个百分点", "4.25"),
        ("项目支出占比为30.10%，较2023年的32.40%下降3.20个百分点。", "FL221", "3.20个百分点", "2.30"),
        ("基本支出占比由68.00%升至70.50%，下降2.50个百分点。", "FL223", "2.50个百分点", "增加"),
    ],
)
def test_wrong_points_are_found(text: str, rule: str, figure: str, expected: str) -> None:
    assert _found(text) == [(rule, figure, expected)]


@pytest.mark.parametrize(
    "text",
    [
        "人员经费占比由上年2.35%降至2.08%，比上年下降0.27个百分点。",
        "公用经费占86.42%，比上年84.90%提高1.52个百分点。",
        "预算执行率从91.35%提高到95.60%，提高了4.25个百分点。",
        "项目支出占比为30.1%，较2023年的32.4%下降2.3个百分点。",
        # rounding: 70.30 − 68.69 = 1.61, written to one decimal
        "执行率为70.30%，比上年68.69%提高1.6个百分点。",
        # no base share in the sentence: nothing to compare
        "公用经费占比86.42%，比上年提高1.25个百分点。",
        # two shares of different things, then points about a third
        "基本支出占70.00%，项目支出占30.00%，其中专项资金比上年提高5.00个百分点。",
    ],
)
def test_consistent_or_unreadable_points_are_clean(text: str) -> None:
    assert _found(text) == []


# the base share after the points, named by its period: "B%，同比增加N个百分点，上年该比重为A%"
BASE_AFTER = [
    "财政拨款收入占比为90.00%，同比增加1.80个百分点，上年该比重为88.20%。",
    "项目支出占比为35.20%，比上年下降1.30个百分点，上年为36.50%。",
    "预算执行率97.40%，较上年提高2.1个百分点（2023年为95.30%）。",
]


@pytest.mark.parametrize("text", BASE_AFTER)
def test_a_base_share_written_after_the_points_holds(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "figure"),
    [
        (BASE_AFTER[0].replace("增加1.80", "增加0.80"), "FL221", "0.80个百分点"),
        (BASE_AFTER[1].replace("下降1.30", "上升1.30"), "FL223", "1.30个百分点"),
    ],
)
def test_a_slip_against_a_base_share_after_the_points_is_found(text: str, rule: str, figure: str) -> None:
    assert [(r, f) for r, f, _ in _found(text)] == [(rule, figure)]
