"""Issue 12 item 6, a prose 总分 whose breakdown opens the next line: "本项目绩效自评综合得分91.5分，等级为
“优”。⏎各项得分：预算执行率9.3分，产出指标46.2分，效益指标27.0分，满意度指标9.0分。" — a line opened by
各项得分/分项得分 ([scores] prose_openers in rules/vocabulary.toml) lists the parts of the one 总分 of the
sentence before it, on the line before too."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

HEAD = "2024年度项目支出绩效自评报告\n二、自评结论\n"

CLEAN = [
    "本项目绩效自评综合得分91.5分，等级为“优”。\n各项得分：预算执行率9.3分，产出指标46.2分，效益指标27.0分，"
    "满意度指标9.0分。",
    "经自评，本部门整体支出绩效得分为88分，评价等级为“良”。分项得分：决策指标18分，过程指标17分，"
    "产出指标35分，效益指标18分。",
    "自评总分94.6分。\n各项得分如下：产出指标47.5分，效益指标28.1分，满意度指标9.0分，预算执行率10.0分。",
    # two parts of four: a partial list, never a finding
    "本项目绩效自评综合得分91.5分。\n各项得分：产出指标46.2分，效益指标27.0分。",
]

BROKEN = [
    (CLEAN[0].replace("综合得分91.5分", "综合得分92.5分"), "92.5分"),
    (CLEAN[1].replace("过程指标17分", "过程指标16分"), "16分"),
    (CLEAN[2].replace("效益指标28.1分", "效益指标28.7分"), "28.7分"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_score_lines_that_add_up_raise_nothing(text: str) -> None:
    assert flat(serious(lint_text(HEAD + text))) == []


@pytest.mark.parametrize(("text", "figure"), BROKEN)
def test_a_slip_in_a_score_line_is_found(text: str, figure: str) -> None:
    found = flat(serious(lint_text(HEAD + text)))
    assert [f.rule for f in found] == ["FL201"], found
    assert figure in [g.text for _, g in found[0].figures]
