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
    found = _serious(STAFF.format(b="8", sep="；"))
    assert [(r, t) for r, t, _ in found] == [("FL201", "33人")]
    assert found[0][2] == ["33人", "24人", "8人"]
