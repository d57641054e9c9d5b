"""A clause opened by 另有/此外/还有 names something beside the list before it, never one more part
of it: "实有人数33人，其中：行政人员24人，事业人员9人；另有退休人员11人" (retirees are not 实有人数)."""

from __future__ import annotations

from conftest import lint_text, serious

STAFF = "三、部门人员情况\n年末编制人数36人，实有人数33人，其中：行政人员24人，事业人员{b}人{sep}另有退休人员11人。\n"


def _serious(text: str) -> list[tuple[str, str, list[str]]]:
    return [(f.rule, f.figures[0][1].text, [x.text for _, x in f.figures]) for f in serious(lint_text(text))]


def test_additional_clause_after_semicolon_is_no_part() -> None:
    assert _serious(STAFF.format(b="9", sep="；")) == []


def test_additional_clause_after_comma_is_no_part() -> None:
    assert _serious(STAFF.format(b="9", sep="，")) == []


def test_list_before_the_additional_clause_is_still_checked() -> None:
    # parts above the whole (24 + 10 > 33): a bare 其中 falling short is only info (test_partial_lists)
    found = _serious(STAFF.format(b="10", sep="；"))
    assert [(r, t) for r, t, _ in found] == [("FL201", "33人")]
    assert found[0][2] == ["33人", "24人", "10人"]


RETIRED = "一、人员情况\n本单位核定编制71人，实有在编职工62人，其中管理人员8人，专业技术人员{b}人，工勤技能人员10人，退休职工28人。\n"


def test_retirees_after_a_complete_staff_list_are_beside_it() -> None:
    assert _serious(RETIRED.format(b="44")) == []


def test_retirees_counted_in_a_whole_that_needs_them() -> None:
    # "实有人员50人，其中在职42人，退休8人": here the retirees are a part, and a wrong one is found
    assert _serious("一、人员情况\n年末实有人员50人，其中在职42人，退休8人。\n") == []
    found = _serious("一、人员情况\n年末实有人员50人，其中在职42人，退休9人。\n")
    assert [(r, t) for r, t, _ in found] == [("FL201", "50人")]


def test_staff_list_short_of_its_total_is_still_checked() -> None:
    found = _serious(RETIRED.format(b="43"))
    assert [(r, t) for r, t, _ in found] == [("FL201", "62人")]


def test_additional_clause_that_completes_the_list_is_a_part() -> None:
    # "还有" may add the last item: 24 + 6 + 3 = 33, so the charitable reading takes it as a part
    text = "三、部门人员情况\n实有人数33人，其中：行政人员24人，事业人员6人，还有工勤人员3人。\n"
    assert _serious(text) == []
