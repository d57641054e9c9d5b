"""绩效自评 prose around the fund figures (prec-ziping): "执行数中，A，B，C" lists the parts of the 全年执行数
written just before, whose label is all qualifier (its stage says what it is); an execution rate's
spent amount is the one written before it, never a 未执行/结余 remainder that follows it."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度某县农村供水项目绩效自评报告\n一、资金执行情况\n"

CLEAN = [
    # the rate is 执行数 ÷ 全年预算数; the 未执行 remainder after it is no numerator
    "项目全年预算数为260.00万元，全年执行数247.00万元，执行率95.00%，未执行部分13.00万元已按规定收回。",
    # a stage-only lead-in whose parts hold (exactly, and short of the whole)
    "全年预算数640.00万元，全年执行数608.00万元，执行率95.00%。执行数中，工程建设支出520.50万元，"
    "设备购置支出61.30万元，管护补助支出26.20万元。",
    "全年预算数640.00万元，全年执行数608.00万元，执行率95.00%。执行数中，工程建设支出520.50万元，"
    "设备购置支出61.30万元。",
    # shares of the execution that add to 100%
    "全年预算数3,260.50万元，全年执行数3,178.99万元，预算执行率97.50%。执行数中，基本支出2,215.30万元，"
    "占69.69%；项目支出963.69万元，占30.31%。",
    # 全年预算 glossed by its 年初 and 追加, a breakdown of the 执行数 later in the sentence
    "2024年部门全年预算数8,652.30万元（年初预算7,980.00万元，年中追加672.30万元），全年执行数8,393.73万元，"
    "预算执行率97.01%。其中：基本支出5,120.44万元，项目支出3,273.29万元。",
    "2024年部门全年预算数8,652.30万元（年初预算7,980.00万元，年中追加672.30万元），全年执行数8,393.73万元，"
    "预算执行率97.01%，其中：基本支出5,120.44万元，项目支出3,273.29万元。",
    # 其中 before an adjustment: the adjustments named may be some of them
    "年初预算7,980.00万元，全年预算数8,752.30万元，其中年中追加672.30万元。",
]

BROKEN = [
    # (text, a figure the finding must name)
    (
        "全年预算数640.00万元，全年执行数608.00万元，执行率95.00%。执行数中，工程建设支出520.50万元，"
        "设备购置支出61.30万元，管护补助支出28.20万元。",
        "608.00万元",
    ),
    (
        "全年预算数3,260.50万元，全年执行数3,178.99万元，预算执行率97.50%。执行数中，基本支出2,215.30万元，"
        "占69.69%；项目支出963.69万元，占31.31%。",
        "31.31%",
    ),
    (
        "2024年年初预算7,980.00万元，年中追加627.30万元，全年预算数8,652.30万元，全年执行数8,393.73万元，"
        "预算执行率97.01%，其中：基本支出5,120.44万元，项目支出3,273.29万元。",
        "627.30万元",
    ),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN)
def test_fund_prose_that_holds_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "figure"), BROKEN)
def test_fund_prose_that_fails_is_found(text: str, figure: str) -> None:
    found = _found(text)
    assert found, text
    assert any(figure in [f.text for _, f in x.figures] for x in found)
