"""Labels read as written (issue 12 item 13 and the hebei-style 收支总表 prose): a defined term keeps
its name, a 、 joins names into one label, money flowing the other way is never inherited, and a
trailing total is one whose written words say 合计/总计."""

from __future__ import annotations

from conftest import lint_text, serious

from lint.extract import extract
from lint.model import Document, Figure
from lint.structure import analyse


def figures(text: str) -> list[Figure]:
    doc = Document(path="<t>", text=text, fmt="txt")
    return analyse(doc, extract(doc)).figures


def _labels(text: str) -> list[str]:
    return [f.label for f in figures(text) if f.dimension == "money"]


def test_defined_term_with_a_period_word_keeps_its_name() -> None:
    # 本年收入 is a defined term (本年收入合计), not the generic 收入 inheriting 年初结转和结余
    labels = _labels("年初结转和结余100.00万元，本年收入1200.00万元，本年支出1150.00万元。")
    assert labels[1] != labels[0]
    assert "收入" in labels[1]
    assert "支出" in labels[2]


def test_generic_expense_never_inherits_an_income_label() -> None:
    labels = _labels("本部门本年收入35.20万元，支出35.00万元，主要用于日常办公。")
    assert labels[0] != labels[1]
    assert "收入" not in labels[1]


def test_enumeration_comma_joins_one_project_name() -> None:
    found = [
        f
        for f in figures("政务中心大楼及设备改造、维护项目支出47.00万元，较上年减少2.00万元。")
        if f.value == 47
    ]
    assert len(found) == 1
    assert "政务中心大楼" in found[0].label
    assert "维护" in found[0].label


def test_enumeration_comma_after_a_figure_still_starts_a_new_label() -> None:
    labels = _labels("办公费12.00万元、印刷费8.00万元。")
    assert labels[0] != labels[1]
    assert "印刷费" in labels[1] and "办公费" not in labels[1]


# A 收支总表 in prose: 本年支出 is named 本年支出合计 canonically but is no trailing 合计 of the
# figures before it; read as one, 1100 + 50 ≠ 1150 would be a false FL201.
BALANCE = """2024年度收入支出决算总体情况说明
年初结转和结余50.00万元，本年收入1200.00万元，本年支出{spend}万元，年末结转和结余{left}万元。
"""


def test_this_year_expense_is_not_a_trailing_total() -> None:
    assert serious(lint_text(BALANCE.format(spend="1150.00", left="100.00"))) == []


TOTALLED = "2024年度支出决算情况说明\n基本支出800.00万元，项目支出{project}万元，本年支出合计1150.00万元。\n"


def test_a_written_total_is_still_a_trailing_total() -> None:
    assert serious(lint_text(TOTALLED.format(project="350.00"))) == []
    found = serious(lint_text(TOTALLED.format(project="360.00")))
    assert [f.rule for f in found] == ["FL201"]
    assert {fig.text for _, fig in found[0].figures} >= {"360.00万元", "1150.00万元"}


def test_a_fund_opening_the_sentence_is_the_fund_of_its_bare_figures() -> None:
    found = figures("非财政拨款资金年初结转20.00万元，本年收入35.20万元，支出35.00万元，年末结转20.20万元。")
    assert [f.qualifiers.fund for f in found] == ["非财政拨款"] * 4


def test_a_named_sibling_keeps_its_own_fund() -> None:
    found = figures("财政拨款收入2046.38万元，其他收入35.20万元。本年收入100.00万元。")
    assert [f.qualifiers.fund for f in found] == ["财政拨款", None, None]
