"""A 其中 list whose items each give two stages ("甲项目预算820.00万元，实际支出801.50万元；乙项目…") holds
parallel columns, not parts: the breakdown of the whole is the column of the whole's own stage (the
实际支出 when the whole is spending, the 调整预算 when it is an adjusted budget), and only when every
item gives one. A list after "。其中" may name only some items of its whole (an inferred whole): there
only a column that exceeds the whole is wrong; after "，其中" in the whole's own sentence the list is all."""

from __future__ import annotations

from conftest import lint_text, serious

from lint.model import Severity

SPENT = (
    "一、整体支出情况\n本部门整体支出{w}万元。其中甲项目预算820.00万元，实际支出801.50万元；"
    "乙项目预算410.00万元，实际支出398.20万元；丙项目预算160.00万元，实际支出158.30万元。\n"
)
ADJUSTED = (
    "一、预算调整情况\n2024年度调整预算合计{w}万元。其中，甲项目年初预算800.00万元，调整预算860.00万元；"
    "乙项目年初预算500.00万元，调整预算520.00万元；丙项目年初预算300.00万元，调整预算310.00万元。\n"
)
ENUM = (
    "一、项目资金\n三个项目全年执行数合计{w}万元。甲项目年初预算300.00万元、执行数291.60万元，"
    "乙项目年初预算200.00万元、执行数196.30万元，丙项目年初预算140.00万元、执行数137.50万元。\n"
)


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [(f.rule, [x.text for _, x in f.figures]) for f in serious(lint_text(text))]


def _hints(text: str) -> list[tuple[str, list[str]]]:
    return [(f.rule, [x.text for _, x in f.figures]) for f in lint_text(text).findings]


def test_spent_column_adds_up_to_the_whole() -> None:
    assert _found(SPENT.format(w="1358.00")) == []


def test_spent_column_over_the_whole_is_found_with_its_own_figures() -> None:
    found = _found(SPENT.format(w="1350.00"))
    assert [r for r, _ in found] == ["FL201"]
    assert found[0][1] == ["1350.00万元", "801.50万元", "398.20万元", "158.30万元"]


def test_spent_column_short_of_a_whole_it_is_all_of_is_hinted() -> None:
    # a bare 其中 may name only the largest items: a shortfall is the FL203 hint (checks/sum.py)
    found = _hints(SPENT.format(w="1368.00").replace("万元。其中", "万元，其中"))
    assert [r for r, _ in found] == ["FL203"]
    assert found[0][1] == ["1368.00万元", "801.50万元", "398.20万元", "158.30万元"]


def test_spent_column_short_of_an_inferred_whole_may_be_some_items() -> None:
    assert _found(SPENT.format(w="1368.00")) == []


def test_adjusted_column_adds_up() -> None:
    assert _found(ADJUSTED.format(w="1690.00")) == []
    assert _hints(ADJUSTED.format(w="1690.00").replace("万元。其中，", "万元，其中")) == []


def test_adjusted_column_over_the_whole_is_found() -> None:
    found = _found(ADJUSTED.format(w="1600.00"))
    assert [r for r, _ in found] == ["FL201"]
    assert found[0][1] == ["1600.00万元", "860.00万元", "520.00万元", "310.00万元"]


def test_adjusted_column_short_of_the_whole_is_found() -> None:
    found = _hints(ADJUSTED.format(w="1780.00").replace("万元。其中，", "万元，其中"))
    assert [r for r, _ in found] == ["FL203"]
    assert found[0][1] == ["1780.00万元", "860.00万元", "520.00万元", "310.00万元"]


def test_item_without_the_whole_stage_gives_no_breakdown() -> None:
    # 丙 gives only its budget: the spent column is not complete, so nothing is summed
    text = SPENT.format(w="1358.00").replace("，实际支出158.30万元", "")
    assert _found(text) == []


def test_budget_whole_over_pairs_is_quiet() -> None:
    text = SPENT.format(w="1390.00").replace("本部门整体支出", "本部门预算")
    assert _found(text) == []


def test_clean_enumeration_of_pairs_is_quiet() -> None:
    assert _found(ENUM.format(w="625.40")) == []


def test_severity_is_at_most_a_warning_or_error_never_info_only() -> None:
    found = serious(lint_text(SPENT.format(w="1350.00")))
    assert found and all(f.severity >= Severity.WARNING for f in found)


RESPECTIVE = (
    "一、整体支出\n本部门整体支出{w}万元，其中甲、乙、丙三个项目预算分别为820.00万元、410.00万元、"
    "160.00万元，实际支出分别为801.50万元、398.20万元、158.30万元。\n"
)


def test_second_respective_list_is_no_breakdown_of_the_first_lists_last_item() -> None:
    # "预算分别为A、B、C，实际支出分别为D、E、F": C ends a list of items; D, E, F are the other column
    assert _found(RESPECTIVE.format(w="1358.00")) == []


def test_respective_breakdown_of_a_lone_amount_still_holds() -> None:
    text = "一、支出\n本年支出合计1358.00万元，基本支出和项目支出分别为900.00万元、{p}万元。\n"
    assert _found(text.format(p="458.00")) == []
    assert [r for r, _ in _found(text.format(p="468.00"))] == ["FL201"]
