"""An execution rate when the 全年预算 is only implied (issue 12 item 7, recall): "年初预算1,000.00万元，
年中追加200.00万元，实际支出1,080.00万元，预算执行率108.00%" — the rate names no base, so it is against
the 全年预算 = 年初 + 追加 (− 调减) = 1,200.00万元: 90.00%, not the 108.00% worked out on 年初."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度项目支出绩效自评报告\n一、项目资金情况\n"

CLEAN = [
    "本项目年初预算1,000.00万元，年中追加200.00万元，实际支出1,080.00万元，预算执行率90.00%。",
    "项目年初预算资金500.00万元，年中调增预算80.00万元，调减20.00万元，全年实际支出532.00万元，执行率95.00%。",
    "年初安排预算300.00万元，追加预算60.00万元，实际支出342.00万元，资金执行率95.00%。",
    # a rate that names 年初预算 is against 年初预算
    "本项目年初预算1,000.00万元，年中追加200.00万元，实际支出1,080.00万元，完成年初预算的108.00%。",
    # a 结转 may be one more term of the 全年预算: the clause does not give it whole, nothing is read
    "年初预算1,000.00万元，追加200.00万元，上年结转100.00万元，实际支出1,080.00万元，预算执行率83.08%。",
    # a rate on 年初 + 追加 without the 结转 is a reading some templates use: not reported
    "年初预算1,000.00万元，追加200.00万元，上年结转100.00万元，实际支出1,080.00万元，预算执行率90.00%。",
    "项目年初预算320.00万元，年中追加45.00万元，上年结转资金15.00万元，实际支出361.00万元，预算执行率95.00%。",
]

BROKEN = [
    # (text, the rate written, the rate on the full-year budget, the rate fits 年初 alone)
    (CLEAN[0].replace("90.00%", "108.00%"), "108.00%", "90.00", True),
    (CLEAN[1].replace("95.00%", "106.40%"), "106.40%", "95.00", True),
    (CLEAN[2].replace("95.00%", "97.50%"), "97.50%", "95.00", False),
    # the 全年预算 = 年初 + 追加 + 上年结转, none of it written as one figure (recall-left item 1)
    (CLEAN[4].replace("83.08%", "86.08%"), "86.08%", "83.08", False),
    (CLEAN[6].replace("95.00%", "96.00%"), "96.00%", "95.00", False),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN)
def test_execution_rates_on_the_implied_full_year_budget_raise_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "written", "right", "on_initial"), BROKEN)
def test_an_execution_rate_off_the_implied_full_year_budget_is_found(
    text: str, written: str, right: str, on_initial: bool
) -> None:
    found = _found(text)
    assert [f.rule for f in found] == ["FL231"], found
    f = found[0]
    assert f.severity.label == "warning"  # the base is implied, not written
    assert f.expected == right and f.actual == written.rstrip("%")
    roles = [r for r, _ in f.figures]
    assert roles.count("base") == 1 and "plus" in roles and "ratio" in roles
    assert (f.suggestion is not None and "年初预算" in f.suggestion.reason) == on_initial
