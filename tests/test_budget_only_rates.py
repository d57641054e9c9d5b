"""Issue 12 item 1 (recall): an execution rate after a budget written only as "年初预算1,200.00万元" /
"全年预算…": what was spent may be written "已支出", "累计支出", "截至年底支出" (a final amount, as
实际支出 is), and the 全年预算 may stand alone in the sentence before the rate's own. Before, neither
reading found the rate's figures and a wrong rate went unreported."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度项目支出绩效自评报告\n一、项目基本情况\n"

CLEAN = [
    "年初预算1,200.00万元，已支出1,080.00万元，预算执行率90.00%。",
    "年初预算1,200.00万元，截至年底支出1,080.00万元，预算执行率为90.00%。",
    "全年预算640.00万元，累计支出608.00万元，执行率95.00%。",
    "全年预算1,200.00万元。截至12月31日，实际支出1,080.00万元，预算执行率90.00%。",
    "本项目调整后预算250.00万元。全年执行237.50万元，执行率95.00%。",
]

# (text, the figure changed)
BROKEN = [
    (CLEAN[0].replace("90.00%", "95.00%"), "95.00%"),
    (CLEAN[1].replace("1,080.00", "1,008.00"), "1,008.00万元"),
    (CLEAN[2].replace("95.00%", "59.00%"), "59.00%"),
    (CLEAN[3].replace("90.00%", "99.00%"), "99.00%"),
    (CLEAN[4].replace("95.00%", "92.00%"), "92.00%"),
]

# The sentence before gives no single 全年预算: the rate's base is unsaid, nothing is read.
UNREAD = [
    "该项目年初预算800.00万元，年中追加400.00万元。全年实际支出1,080.00万元，预算执行率90.00%。",
    "该项目年初预算800.00万元。全年实际支出1,080.00万元，预算执行率90.00%。",
    "全年预算1,200.00万元，上年结转60.00万元。实际支出1,080.00万元，预算执行率85.71%。",
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN + UNREAD)
def test_a_rate_after_a_budget_only_figure_that_holds_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "changed"), BROKEN)
def test_a_wrong_rate_after_a_budget_only_figure_is_found(text: str, changed: str) -> None:
    found = _found(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.rule in ("FL221", "FL231", "FL233")
    assert changed in [g.text for _, g in f.figures]
