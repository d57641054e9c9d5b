"""A 预算/决算 comparison stated in words (issue 12 item 2): "决算数大于预算数" against the two figures
of its sentence, with rounding; hedged words (基本持平) and sentences with other figures are left alone."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

HEAD = "2024年度部门决算情况说明\n"


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.figures[0][1].text, f.expected or "") for f in serious(lint_text(HEAD + text))]


@pytest.mark.parametrize(
    ("text", "figure", "actual"),
    [
        (
            "“三公”经费支出预算数为30.00万元，决算数为28.50万元，决算数大于预算数，主要原因是严格控制。",
            "28.50万元",
            "减少",
        ),
        (
            "行政运行年初预算为600.00万元，支出决算为615.88万元，决算数小于年初预算数的主要原因是追加经费。",
            "615.88万元",
            "增加",
        ),
        ("公务接待费预算12.00万元，决算10.40万元，决算数与预算数持平。", "10.40万元", "减少"),
        ("培训费年初预算8.00万元，实际支出9.30万元，执行数低于预算数。", "9.30万元", "增加"),
    ],
)
def test_words_against_figures(text: str, figure: str, actual: str) -> None:
    assert _found(text) == [("FL223", figure, actual)]


@pytest.mark.parametrize(
    "text",
    [
        "“三公”经费支出预算数为30.00万元，决算数为28.50万元，决算数小于预算数，主要原因是严格控制。",
        "公务接待费预算12.00万元，决算12.00万元，决算数与预算数持平。",
        # rounding: 12万元 may be 11.995–12.005
        "公务接待费预算12万元，决算12.00万元，决算数与预算数一致。",
        # hedged: a small difference of the writer's choosing
        "公务接待费预算12.00万元，决算11.80万元，决算数与预算数基本持平。",
        # a third money figure: which two are compared is not certain
        "会议费预算5.00万元，追加1.00万元，决算5.60万元，决算数大于预算数。",
        # only one figure in the sentence
        "机关服务（项）支出决算77.00万元，与年初预算持平。",
    ],
)
def test_agreeing_or_uncertain_comparisons_are_clean(text: str) -> None:
    assert _found(text) == []
