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


# -- "甲、乙、丙等N个" (issue 12 item 5): 等 closes a complete list or means "and others" ---------------


def _etc(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule, f.figures[0][1].text, f.expected or "")
        for f in serious(lint_text(HEAD + text))
        if f.rule in ("FL251", "FL252")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # one name short of the count: a warning (等 may still mean "and others")
        (
            "本单位管辖城东幼儿园、城西幼儿园、城南幼儿园、城北幼儿园、河东幼儿园、河西幼儿园、湖畔幼儿园、"
            "山前幼儿园、江南幼儿园、新区幼儿园等十一所幼儿园。",
            ("FL252", "十一所", "10"),
        ),
        ("下设办公室、财务科、人事科、业务科等五个科室，负责日常工作。", ("FL252", "五个", "4")),
        (
            "街道下辖城关社区、河口社区、新集社区、白沙社区、柳林社区、石门社区等7个社区。",
            ("FL252", "7个", "6"),
        ),
        # 和 may join two names, so 人事科和业务科 is read as two: still one short
        ("下设办公室、财务科、人事科和业务科等五个科室。", ("FL252", "五个", "3")),
        # more names than the count is wrong whatever 等 means: an error
        ("下设办公室、财务科、人事科、业务科、后勤科等4个科室。", ("FL251", "4个", "5")),
        ("项目覆盖甲村、乙村、丙村、丁村等共两个行政村。", ("FL251", "两个", "4")),
    ],
)
def test_count_after_etc_list(text: str, found: tuple[str, str, str]) -> None:
    assert _etc(text) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "下设办公室、财务科、人事科、业务科等4个科室。",
        "城东幼儿园、城西幼儿园、城南幼儿园等十一所幼儿园纳入补助范围。",  # a sample of eleven
        "已实现营业执照、机动车驾驶证等122类证照电子化。",  # two names before 等: never a full list
        "全年召开党组会、办公会、专题会等12次会议。",
        "对2022、2023、2024年等3个年度的项目开展评价。",  # numbers in the list: not names
        "分为初等、中等、高等3个层次。",  # 高等 is a word, not 等
    ],
)
def test_etc_lists_that_fit_or_are_samples_are_clean(text: str) -> None:
    assert _etc(text) == []


def test_seed_list_rewritten_with_etc_is_checked_at_its_count(seed_text: str) -> None:
    """The seed's seven 内设机构 written as "甲、乙……等7个内设机构": clean as written, one name
    removed is a warning at 7个, one name added an error."""
    names = (
        "办公室（财务室、政工室）、数据资源与规划室、数字经济与基础设施建设室、数字政务室、"
        "政务服务与审批制度改革室、社会信用体系建设管理室、营商环境与政务联动处置室"
    )
    stated = "内设机构为7个：" + names + "。"
    assert stated in seed_text
    rewritten = seed_text.replace(stated, "设有" + names + "等7个内设机构。")
    assert _etc_whole(rewritten) == []
    short = rewritten.replace("、数字政务室", "")
    assert _etc_whole(short) == [("FL252", "7个", "6")]
    extra = rewritten.replace("、数字政务室", "、数字政务室、综合执法室")
    assert _etc_whole(extra) == [("FL251", "7个", "8")]


def _etc_whole(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule, f.figures[0][1].text, f.expected or "")
        for f in serious(lint_text(text))
        if f.rule in ("FL251", "FL252")
    ]
