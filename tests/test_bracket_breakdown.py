"""A bracket right after a part's amount glosses that part, its figures are no parts of the list:
"基本支出900.00万元，其中人员经费800.00万元（工资福利支出700.00万元，对个人和家庭的补助100.00万元），
公用经费100.00万元"."""

from __future__ import annotations

from conftest import lint_text, serious

TEXT = (
    "一、基本支出\n基本支出900.00万元，其中人员经费800.00万元（工资福利支出700.00万元，"
    "对个人和家庭的补助100.00万元），公用经费{b}万元。\n"
)


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [(f.rule, [x.text for _, x in f.figures]) for f in serious(lint_text(text))]


def test_bracketed_figures_are_no_parts_of_the_outer_list() -> None:
    assert _found(TEXT.format(b="100.00")) == []


def test_outer_list_is_still_checked() -> None:
    assert _found(TEXT.format(b="110.00")) == [("FL201", ["900.00万元", "800.00万元", "110.00万元"])]


def test_one_bracketed_figure_is_no_breakdown() -> None:
    # "（上年110.00万元）" beside a part is a comparand, not a part of it
    text = (
        "一、基本支出\n基本支出900.00万元，其中人员经费800.00万元（上年810.00万元），公用经费100.00万元。\n"
    )
    assert _found(text) == []
