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
