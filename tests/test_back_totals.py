"""Issue 12 item 3 (recall): a total that opens its sentence and points back — "三项合计18.00万元",
"以上合计…", "共计…" — totals the amounts written in the sentence before it (the last n when it says
how many). Before, a 合计 with fewer than two amounts in its own sentence was never checked."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度部门决算情况说明\n一、一般公共预算财政拨款基本支出情况\n"

CLEAN = [
    "办公费12.50万元，印刷费3.20万元，邮电费1.30万元。三项合计17.00万元。",
    "购置电脑20台，金额10.00万元；购置打印机5台，金额2.00万元；购置空调8台，金额4.00万元。以上合计16.00万元。",
    "差旅费8.40万元，维修（护）费2.60万元。共计11.00万元，比上年减少1.20万元。",
    "培训费6.00万元，会议费3.50万元，劳务费1.25万元。上述各项共计10.75万元。",
    # two earlier sentences: 三项 reaches back past the sentence boundary
    "水费1.10万元，电费4.30万元。物业管理费9.60万元。以上三项合计15.00万元。",
]

# (text, the figure changed)
BROKEN = [
    (CLEAN[0].replace("17.00", "18.00"), "18.00万元"),
    (CLEAN[1].replace("16.00万元", "20.00万元"), "20.00万元"),
    (CLEAN[2].replace("11.00", "11.90"), "11.90万元"),
    (CLEAN[3].replace("3.50", "3.05"), "3.05万元"),
    (CLEAN[4].replace("9.60", "6.90"), "6.90万元"),
]

# Not a back reference: the total is no sentence opener, or names a thing of its own.
UNRELATED = [
    "办公费12.50万元，印刷费3.20万元。合计支出中，基本支出40.00万元。",
    "办公费12.50万元，印刷费3.20万元。本年支出合计300.00万元。",
    "办公费12.50万元，印刷费3.20万元。\n合计60.00万元。",
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN + UNRELATED)
def test_a_back_total_that_adds_up_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "changed"), BROKEN)
def test_a_slip_under_a_back_total_is_found(text: str, changed: str) -> None:
    found = _found(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.rule == "FL201"
    assert changed in [g.text for _, g in f.figures]
