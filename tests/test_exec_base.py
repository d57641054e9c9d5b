"""Which budget an execution rate is against (issue 12 item 7): 预算执行率 = 执行数 ÷ 全年预算数. When
the report also gives 年初预算, 本年收入 or 当年下达 and the rate fits one of those instead, the finding
says which figure the rate was worked out on and which it should be."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, serious

from lint.model import Finding

ROOT = Path(__file__).resolve().parent.parent
HEAD = "2024年度项目支出绩效自评报告\n一、项目资金情况\n"


def _rates(text: str) -> list[Finding]:
    return [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL231"]


@pytest.mark.parametrize(
    ("text", "used"),
    [
        (
            "本年度全年预算数1,200.00万元，本年收入1,100.00万元，实际支出1,080.00万元，预算执行率98.18%。",
            "1,100.00万元",
        ),
        (
            "年初预算1,000.00万元，全年预算1,200.00万元，决算支出1,080.00万元，预算执行率108.00%。",
            "1,000.00万元",
        ),
        (
            "全年预算数1,200.00万元（其中年初预算1,000.00万元，调整预算200.00万元），实际支出1,080.00万元，"
            "预算执行率108.00%。",
            "1,000.00万元",
        ),
        (
            "项目全年预算数1,200.00万元，其中当年财政拨款1,000.00万元、上年结转200.00万元，实际支出1,080.00万元，"
            "执行率108.00%。",
            "1,000.00万元",
        ),
    ],
)
def test_a_rate_on_the_wrong_budget_names_the_one_it_used(text: str, used: str) -> None:
    (f,) = _rates(text)
    assert f.expected == "90.00"
    assert f.suggestion is not None
    assert f.suggestion.figure.text == f.actual + "%" or f.suggestion.figure.role == "ratio"
    assert used in f.suggestion.reason and "全年预算数" in f.suggestion.reason


@pytest.mark.parametrize(
    "text",
    [
        # the 调整预算 inside the brackets is the adjustment, not the base
        "全年预算数1,200.00万元（其中年初预算1,000.00万元，调整预算200.00万元），实际支出1,080.00万元，预算执行率90.00%。",
        "本年度全年预算数1,200.00万元，本年收入1,100.00万元，实际支出1,080.00万元，预算执行率90.00%。",
        # 全年预算 is not written: the rate on 年初预算 cannot be called wrong
        "年初预算1,000.00万元，年中追加预算200.00万元，全年支出1,080.00万元，预算执行率108.00%。",
    ],
)
def test_rates_on_the_full_year_budget_or_without_one_are_clean(text: str) -> None:
    assert _rates(text) == []


def test_broken_selfeval_rate_on_the_initial_budget_is_found() -> None:
    path = ROOT / "fixtures" / "reports" / "project-selfeval-2024.txt"
    clean = path.read_text(encoding="utf-8")
    assert "预算执行率为95.90%" in clean
    broken = clean.replace("预算执行率为95.90%", "预算执行率为106.93%")  # 342.17 ÷ 320.00
    found = [f for f in serious(lint_text(broken)) if f.rule == "FL231"]
    assert len(found) == 1
    assert found[0].expected == "95.90"
    assert found[0].suggestion is not None and "320.00万元" in found[0].suggestion.reason


# -- the 全年预算 on the line before; a bare 预算 that may mean either budget ------------------------


def test_execution_rate_holds_against_the_full_year_budget_on_the_line_before() -> None:
    text = "本项目全年预算数为640.00万元。\n年初预算600.00万元，全年执行628.16万元，预算执行率{r}。"
    assert _rates(text.format(r="98.2%")) == []
    found = _rates(text.format(r="92.8%"))
    assert [(f.location.line, f.severity.label) for f in found] == [(4, "warning")]


def test_the_look_back_is_two_lines() -> None:
    # a full-year budget four lines up belongs to something else: the rate is read as before
    text = "甲项目全年预算数为640.00万元。\n说明一。\n说明二。\n说明三。\n年初预算600.00万元，全年执行628.16万元，预算执行率98.2%。"
    assert [f.location.line for f in _rates(text)] == [7]


def test_a_bare_budget_word_may_mean_the_adjusted_budget_of_its_sentence() -> None:
    text = "培训经费调整预算为85.00万元，年初预算70.00万元，实际支出83.30万元，完成预算的{r}。"
    assert _rates(text.format(r="98.0%")) == []
    assert _rates(text.format(r="119.0%")) == []
    assert [f.location.line for f in _rates(text.format(r="90.7%"))] == [3]


def test_a_named_initial_budget_is_still_the_base() -> None:
    text = "培训经费调整预算为85.00万元，年初预算70.00万元，实际支出83.30万元，完成年初预算的98.0%。"
    assert [f.location.line for f in _rates(text)] == [3]
