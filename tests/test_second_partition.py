"""Two partitions of one total, the second after a ；: "全年共实施项目18个，其中：续建项目6个，新建项目
12个；完工项目15个，在建项目3个" (6 + 12 = 18 and 15 + 3 = 18), each checked on its own."""

from __future__ import annotations

from conftest import lint_text, serious

TEXT = "一、项目情况\n全年共实施项目18个，其中：续建项目{a}个，新建项目12个；完工项目15个，在建项目{b}个。\n"


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [(f.rule, [x.text for _, x in f.figures]) for f in serious(lint_text(text))]


def test_two_partitions_of_one_total() -> None:
    assert _found(TEXT.format(a="6", b="3")) == []


def test_wrong_second_partition_is_found() -> None:
    found = _found(TEXT.format(a="6", b="4"))
    assert [r for r, _ in found] == ["FL201"]
    assert found[0][1][0] == "18个" and "4个" in found[0][1]


def test_zero_parts_after_a_semicolon_stay_in_the_one_list() -> None:
    # one breakdown whose first part is the whole: the zero parts after the ；are parts, not a partition
    text = (
        "一、收入预算\n收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比上年预算减少2,389.52万元；"
        "事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n"
    )
    assert _found(text) == []


def test_wrong_first_partition_is_found() -> None:
    found = _found(TEXT.format(a="5", b="3"))
    assert [r for r, _ in found] == ["FL201"]
    assert found[0][1][:3] == ["18个", "5个", "12个"]


UNITS = "一、单位构成\n本部门下属单位共4个，其中行政单位1个，参照公务员法管理事业单位1个，其他事业单位{c}个；纳入本年度部门决算编制范围的单位共4个。\n"


def test_total_restated_after_a_complete_list_is_no_part() -> None:
    assert _found(UNITS.format(c="2")) == []


def test_list_short_of_its_total_before_the_restatement_is_found() -> None:
    found = _found(UNITS.format(c="3"))
    assert [r for r, _ in found] == ["FL201"]
    assert found[0][1][0] == "4个"
