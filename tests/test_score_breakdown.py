"""A prose 自评 breakdown of the 总分 (issue 12, recall): "总得分92分。其中：产出指标46分…" — 其中 after a
full stop opens a breakdown of the score the sentence before states, and the 自评 template awards whole
points ([scores] whole_points in rules/vocabulary.toml), so a one-point slip is found: 92 ≠ 91."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度项目支出绩效自评报告\n一、自评结论\n"

CLEAN = [
    "经自评，本项目总得分92分。其中：产出指标46分，效益指标27分，满意度指标9分，预算执行率10分。",
    "项目自评得分为88分，其中：预算执行率得分9分，产出指标得分42分，效益指标得分28分，满意度指标得分9分。",
    "本年度部门整体支出绩效自评综合得分95分，评价等级为“优”。其中，决策指标19分，过程指标18分，"
    "产出指标40分，效益指标18分。",
    # decimals: a written 94.6 stands for [94.55, 94.65]; parts written to a tenth add to 94.6
    "经自评，本项目总得分94.6分。其中：产出指标47.5分，效益指标28.1分，满意度指标9.0分，预算执行率10.0分。",
    # deductions are not parts of the 总分
    "经自评，本项目总得分92分。其中：产出指标扣3分，效益指标扣4分，满意度指标扣1分。",
    # two parts named of four: a partial list, never a finding
    "经自评，本项目总得分92分。其中：产出指标46分，效益指标27分。",
]

BROKEN = [
    # (text, the part whose point slipped, what the parts add to)
    (CLEAN[0].replace("产出指标46分", "产出指标45分"), "45分", "91"),
    (CLEAN[1].replace("效益指标得分28分", "效益指标得分29分"), "29分", "89"),
    (CLEAN[2].replace("过程指标18分", "过程指标17分"), "17分", "94"),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN)
def test_score_breakdowns_that_hold_raise_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "part", "sum_"), BROKEN)
def test_a_one_point_slip_in_a_prose_score_breakdown_is_found(text: str, part: str, sum_: str) -> None:
    found = _found(text)
    assert [f.rule for f in found] == ["FL201"], found
    f = found[0]
    assert f.expected == sum_
    assert part in [g.text for r, g in f.figures if r == "part"]
    assert len([g for r, g in f.figures if r == "part"]) == 4


def test_a_one_point_slip_with_a_decimal_score_stays_within_rounding() -> None:
    # 47.5 + 28.1 + 9 + 10 = 94.6: a template that writes decimals rounds, so 9 may be 8.5–9.5
    text = "经自评，本项目总得分94.6分。其中：产出指标47.5分，效益指标28.1分，满意度指标9分，预算执行率10分。"
    assert _found(text) == []


WEIGHTED = (
    "本局2024年度整体支出绩效自评得分93.50分，评价等级为“优”。其中：决策指标满分20分，得19.00分；"
    "过程指标满分20分，得18.50分；产出指标满分40分，得37.00分；效益指标满分20分，得19.00分。"
)


def test_weights_written_beside_the_scores_are_no_parts_of_the_total() -> None:
    # 20 + 19 + 20 + 18.5 + … = 193.50 was read as the parts before the weights were told apart
    assert _found(WEIGHTED) == []


def test_a_slip_in_scores_written_beside_their_weights_is_found() -> None:
    found = _found(WEIGHTED.replace("得19.00分。", "得18.00分。"))
    assert [f.rule for f in found] == ["FL201"], found
    f = found[0]
    assert f.expected == "92.50"
    assert [g.text for r, g in f.figures if r == "part"] == ["19.00分", "18.50分", "37.00分", "18.00分"]
