"""A 人均 whose sentence gives no count: "人员经费742.18万元，人均人员经费13.25万元" divides by the staff
counted in an earlier paragraph (在职人员56人). The count is inferred, so any people count written before
(在职, 行政, 事业, 编制…) that gives the average clears it, and one that none gives is a warning only.
Texts in our own words."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

from lint.model import Finding

HEAD = (
    "某区民政局2023年度部门整体支出绩效自评报告\n"
    "一、部门基本情况\n"
    "本局内设4个股室，下属2个事业单位。年末在职人员56人，其中行政人员21人、事业人员35人。\n"
    "二、部门整体支出情况\n"
    "2023年度实际支出12305.77万元，其中：基本支出835.62万元，项目支出11470.15万元。\n"
)


def _averages(text: str) -> list[Finding]:
    return [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL241"]


HOLDS = [
    "基本支出中，人员经费742.18万元，人均人员经费13.25万元；公用经费93.44万元，人均公用经费1.67万元。\n",
    # per 行政人员 only: another count written before is a plausible reading
    "人员经费742.18万元，人均人员经费35.34万元。\n",
    # no noun after 人均: nothing names the total, nothing is checked
    "人员经费742.18万元，人均20.00万元。\n",
]


@pytest.mark.parametrize("text", HOLDS, ids=["staff", "other-count", "no-noun"])
def test_an_average_some_earlier_count_gives_is_silent(text: str) -> None:
    assert _averages(text) == []


def test_an_average_no_earlier_count_gives_is_a_warning_at_the_average() -> None:
    text = (
        "基本支出中，人员经费742.18万元，人均人员经费14.25万元；公用经费93.44万元，人均公用经费1.67万元。\n"
    )
    (f,) = _averages(text)
    assert f.severity.label == "warning"
    figures = {role: g.text for role, g in f.figures}
    assert figures["average"] == "14.25万元"
    assert figures["total"] == "742.18万元"
    assert figures["count"] == "56人"
    assert f.location.offset == (HEAD + text).index("14.25万元")


def test_an_average_over_the_staff_and_the_retired_together_is_silent() -> None:
    head = (
        "某区民政局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n年末在职人员40人，离退休人员10人。\n"
        "二、部门整体支出情况\n"
    )
    text = "人员经费500.00万元，人均人员经费10.00万元。\n"
    assert [f for f in serious(lint_text(head + text)) if f.rule == "FL241"] == []


def test_without_any_earlier_count_nothing_is_checked() -> None:
    text = "人员经费742.18万元，人均人员经费14.25万元。\n"
    head = "某区民政局2023年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
    assert [f for f in serious(lint_text(head + text)) if f.rule == "FL241"] == []
