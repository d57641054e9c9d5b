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
