"""Repeats across units and rounding (issue 12 item 10): 亿元/万元/元 compared with each writing's own
rounding, so 4.73亿元 repeats 473,216,905.10元 and 4.37亿元 contradicts it."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

TEXT = (
    "2024年度部门整体支出绩效自评报告\n一、基本情况\n本年度部门整体支出{short}。\n二、预算执行\n"
    "部门整体支出实际支出{long}，预算执行率95.00%。\n"
)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("4.73亿元", "473,216,905.10元"),
        ("47,321.69万元", "473,216,905.10元"),
        ("4.7亿元", "47,321.69万元"),
        ("5亿元", "47,321.69万元"),
    ],
)
def test_same_figure_in_other_units_is_clean(short: str, long: str) -> None:
    assert serious(lint_text(TEXT.format(short=short, long=long))) == []


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("4.37亿元", "473,216,905.10元"),
        ("47,312.69万元", "473,216,905.10元"),
        ("4.6亿元", "47,321.69万元"),
    ],
)
def test_transposed_figure_in_other_units_is_found(short: str, long: str) -> None:
    found = serious(lint_text(TEXT.format(short=short, long=long)))
    assert [f.rule for f in found] == ["FL261"]
    assert {fig.text for _, fig in found[0].figures} == {short, long}
