"""Issue 12 item 2 (recall): a per-fund execution rate whose fund budget is a part of an earlier
bracketed breakdown ("全年预算500.00万元（其中财政拨款400.00万元、其他资金100.00万元）…财政拨款执行率…").
The part is a budget as its total is, and a rate whose own words name a spent amount's label is that
amount against the label's one budget, also across a sentence end. Before, the fund's budget was not
yet a budget when the rate was read, and the rate went unchecked."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度项目支出绩效自评报告\n一、项目基本情况\n"

CLEAN = [
    "本项目全年预算500.00万元（其中财政拨款400.00万元、其他资金100.00万元），全年执行450.00万元，"
    "其中财政拨款执行380.00万元，财政拨款执行率95.00%。",
    "项目全年预算数为820.00万元（其中：财政拨款资金700.00万元，自筹资金120.00万元）。截至年底实际支出"
    "779.00万元，其中财政拨款资金665.00万元，资金执行率95.00%，财政拨款资金执行率95.00%。",
    "调整后预算300.00万元（含财政拨款240.00万元，单位资金60.00万元），实际支出282.00万元，"
    "其中财政拨款228.00万元，单位资金54.00万元，财政拨款执行率为95.00%。",
]

# (text, the figure changed)
BROKEN = [
    (CLEAN[0].replace("95.00%", "93.00%"), "93.00%"),
    (CLEAN[1].replace("执行率95.00%。", "执行率96.00%。"), "96.00%"),
    (CLEAN[2].replace("228.00", "282.00"), "282.00万元"),
]

# The rate names no label of an amount: it is the whole's, read as before.
UNRELATED = [
    "项目全年预算数为820.00万元（其中：财政拨款资金700.00万元，自筹资金120.00万元）。截至年底实际支出"
    "779.00万元，其中财政拨款资金665.00万元，执行率95.00%。",
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN + UNRELATED)
def test_a_fund_rate_that_holds_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "changed"), BROKEN)
def test_a_wrong_fund_rate_is_found(text: str, changed: str) -> None:
    found = _found(text)
    assert found, "the fund's rate was not checked"
    assert all(f.rule in ("FL201", "FL221", "FL231", "FL233") for f in found), found
    assert any(changed in [g.text for _, g in f.figures] and f.rule != "FL201" for f in found), found
