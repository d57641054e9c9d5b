"""Counts stated before the noun they count (issue 12 item 5): "内设5个科室，分别为：…",
"下辖七个服务站：…", in Chinese numerals; a 和/及 that may join two names is read charitably."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

HEAD = "2024年度部门决算情况说明\n一、部门基本情况\n"


def _counts(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule, f.figures[0][1].text, f.expected or "")
        for f in serious(lint_text(HEAD + text))
        if f.rule == "FL251"
    ]


@pytest.mark.parametrize(
    ("text", "figure", "listed"),
    [
        ("本部门内设5个科室，分别为：办公室、财务科、人事科、业务科。", "5个", "4"),
        ("下辖七个服务站：东城站、西城站、南城站、北城站、新区站、高新站。", "七个", "6"),
        ("共有两所学校，包括：第一小学、第二小学、第三小学。", "两所", "3"),
        # 与 inside a name is no joint: six names for 7
        ("内设机构7个：办公室、规划室、建设室、审批与服务室、信用室、营商与联动室。", "7个", "6"),
        (
            "中心设十二个项目组分别为甲组、乙组、丙组、丁组、戊组、己组、庚组、辛组、壬组、癸组、子组。",
            "十二个",
            "11",
        ),
    ],
)
def test_count_before_its_noun_is_checked(text: str, figure: str, listed: str) -> None:
    assert _counts(text) == [("FL251", figure, listed)]


@pytest.mark.parametrize(
    "text",
    [
        "本部门内设4个科室，分别为：办公室、财务科、人事科、业务科。",
        "下辖六个服务站：东城站、西城站、南城站、北城站、新区站、高新站。",
        "本部门内设3个科室，分别为：办公室、财务科和人事科。",
        "完成5个项目，包括道路维修、绿化养护等。",
        # the list ends at the comma: the amounts after it are not items
        "项目支出包括3个项目，分别为甲经费、乙经费、丙经费，支出分别为62.00万元、38.36万元、54.00万元。",
        "所属单位10家：甲医院、乙医院、丙中心，以及7家社区卫生服务站。",
    ],
)
def test_matching_or_open_lists_are_clean(text: str) -> None:
    assert _counts(text) == []
