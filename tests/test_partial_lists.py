"""A bare 其中 in a 说明 often names only the largest items; a count before its noun names how many
members a list has; an average over a wider set than the list cannot be checked from it."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

HEAD = "2024年度某县部门整体支出绩效自评报告\n"


def _found(body: str) -> list[tuple[str, str, str, list[str]]]:
    r = lint_text(HEAD + body + "\n")
    return [
        (f.rule, f.severity.label, f.figures[0][1].text, [x.text for _, x in f.figures])
        for f in r.findings
        if f.rule.startswith("FL2")
    ]


def test_count_of_members_is_no_total_and_a_wider_average_is_not_checked() -> None:
    text = "三个乡镇的新建数量分别为12个、15个、9个，全县五个乡镇平均新建11个。"
    assert serious(lint_text(HEAD + text + "\n")) == []


def test_count_of_members_with_values_of_another_unit() -> None:
    text = "五个监管所的抽检批次分别为210批、185批、240批、176批、199批，平均每所202批。"
    assert serious(lint_text(HEAD + text + "\n")) == []


def test_mean_of_the_listed_members_is_still_checked() -> None:
    found = _found("三个乡镇新建数量分别为12个、15个、9个，平均每个乡镇新建14个。")
    assert [(r, s, a) for r, s, a, _ in found] == [("FL241", "error", "12个")]


def test_count_closing_its_clause_is_still_a_total() -> None:
    found = _found("新建供水点30个，分别为甲镇12个、乙镇15个、丙镇9个。")
    assert [(r, s, t) for r, s, t, _ in found] == [("FL201", "error", "30个")]


def test_bare_qizhong_short_of_its_whole_is_a_warning_not_an_error() -> None:
    found = _found("本年机关运行经费支出60万元，其中办公费20万元，差旅费10万元。")
    assert found == [("FL203", "warning", "60万元", ["60万元", "20万元", "10万元"])]


def test_bare_qizhong_above_its_whole_is_an_error() -> None:
    found = _found("本年机关运行经费支出25万元，其中办公费20万元，差旅费10万元。")
    assert [(r, s) for r, s, _, _ in found] == [("FL201", "error")]


@pytest.mark.parametrize(
    "text, total",
    [
        ("本年支出合计1,845.60万元，其中：基本支出1,204.30万元，项目支出614.30万元。", "1,845.60万元"),
        ("基本支出512.30万元，其中：人员经费441.10万元，公用经费61.20万元。", "512.30万元"),
        (
            "“三公”经费支出18.50万元，其中：因公出国（境）费2.00万元，公务用车购置及运行维护费9.50万元，"
            "公务接待费5.00万元。",
            "18.50万元",
        ),
        (
            "项目支出620.00万元，其中文物保护经费210.00万元，公共文化服务经费180.00万元，其他经费150.00万元。",
            "620.00万元",
        ),
    ],
)
def test_known_complete_split_short_of_its_whole_stays_an_error(text: str, total: str) -> None:
    found = _found(text)
    assert [(r, s) for r, s, _, _ in found] == [("FL201", "error")]
    assert total in found[0][3]


def test_partial_lists_that_hold_raise_nothing() -> None:
    text = "项目支出430.20万元，其中食品安全抽检经费126.00万元，特种设备检验经费88.50万元。"
    assert _found(text) == [("FL203", "info", "430.20万元", ["430.20万元", "126.00万元", "88.50万元"])]
    assert (
        serious(lint_text(HEAD + "基本支出512.30万元，其中：人员经费441.10万元，公用经费71.20万元。\n")) == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "三个乡镇新建数量为12个、15个、9个，全县五个乡镇平均新建11个。",
        "三个乡镇分别新建12个、15个和9个，全县乡镇平均新建11个。",
    ],
)
def test_one_value_of_a_list_is_no_total_or_count_of_a_later_average(text: str) -> None:
    assert serious(lint_text(HEAD + text + "\n")) == []


def test_average_of_a_total_and_a_count_is_still_checked() -> None:
    found = _found("本年接待来访群众1,200人次，共计30批次，平均每批次50人次。")
    assert [(r, s) for r, s, _, _ in found] == [("FL241", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "政府采购支出总额1,286.54万元，其中：政府采购货物支出412.36万元、政府采购工程支出705.00万元、"
        "政府采购服务支出159.18万元。",
        "经自评，该项目总得分为93.6分，其中：预算执行率得分9.6分，产出指标得分47.5分，效益指标得分27.0分，"
        "满意度指标得分9.1分。",
    ],
)
def test_procurement_and_score_splits_short_of_their_whole_stay_serious(text: str) -> None:
    assert [f.rule for f in serious(lint_text(HEAD + text + "\n"))] == ["FL201"]


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # half of the whole left out, and no single slip of one figure explains it: the main items only
        ("机关运行经费支出58.60万元，其中办公费20.80万元，水电费14.30万元。", "info"),
        ("全年开展质量安全检查126次，其中食品企业42次，药品企业30次。", "info"),
        # two neighbouring digits of 办公费 swapped (21.40 → 12.40): one typo explains the gap
        ("机关运行经费支出58.60万元，其中办公费12.40万元，差旅费12.20万元，会议费25.00万元。", "warning"),
        # one digit of the whole changed (9,571 → 9,971)
        ("累计填报信息9,971条，其中职能清单36条，系统自查171条，目录梳理183条，数据目录9,181条。", "warning"),
        # the whole written ten times too large (the point moved one place)
        ("机关运行经费支出586.00万元，其中办公费21.40万元，差旅费12.20万元，会议费25.00万元。", "warning"),
        # a part written with a leading zero (9,181 → 0181): a digit lost
        ("累计填报信息9,571条，其中职能清单36条，系统自查171条，目录梳理183条，数据目录0181条。", "warning"),
        # a shortfall within 1% of the whole: a stale or mistyped part, not a left-out item
        ("累计填报信息9,571条，其中职能清单36条，系统自查171条，目录梳理183条，数据目录9,150条。", "warning"),
    ],
)
def test_bare_qizhong_shortfall_is_a_warning_only_where_one_slip_explains_it(
    text: str, severity: str
) -> None:
    """A bare 其中 list falling short of its whole by a gap no single typo-like edit of one figure (a
    digit changed, two neighbours swapped, the point moved) explains, and by more than 1% of the whole,
    most likely names only the main items: info. Where one slip explains it: a warning."""
    found = _found(text)
    assert [(rule, sev) for rule, sev, _, _ in found] == [("FL203", severity)]
