"""An average reads the counts of its own ；-clause first: "会议费支出3.20万元，…参会人员320人次；培训费
支出7.20万元，…培训人员180人次，人均400.00元" is 7.20万元 ÷ 180人次, not the 会议费's 320人次."""

from __future__ import annotations

from conftest import lint_text, serious

TEXT = (
    "三、会议费和培训费支出情况\n"
    "2023年度会议费支出3.20万元，召开会议6个，参会人员320人次；"
    "培训费支出7.20万元，组织培训4次，培训人员180人次，人均{avg}元。\n"
)


def test_average_of_its_own_clause() -> None:
    assert serious(lint_text(TEXT.format(avg="400.00"))) == []


def test_wrong_average_of_its_own_clause_is_found() -> None:
    found = serious(lint_text(TEXT.format(avg="440.00")))
    assert [f.rule for f in found] == ["FL241"]
    texts = [x.text for _, x in found[0].figures]
    assert texts[:3] == ["7.20万元", "180人次", "440.00元"]
    assert found[0].location.line == 2
