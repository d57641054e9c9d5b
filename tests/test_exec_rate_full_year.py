"""Issue 12 item 7, which budget an execution rate is against: 预算执行率 = 执行数 ÷ 全年预算数 (年初 + 调整/追加
+ 结转). When the report writes the 全年(调整后)预算 of the same subject and a rate naming no base fits only
the 年初预算, the rate was worked out on the wrong budget (a warning: the base is inferred). A rate that names
the 年初预算 (年初预算执行率, 完成年初预算的, 占年初预算的) or fits another written base stays silent. Also: a
lone "预算执行率为96.61%。" on its own line reads the amounts of the line just before it (same section).
Texts in our own words."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

from lint.model import Finding

HEAD = "2024年度某县项目支出绩效自评报告\n二、项目资金情况\n"


def _rates(text: str) -> list[Finding]:
    return [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL231"]


# -- (1) a rate that fits only the 年初预算 while the 全年预算 is written ------------------------------

ON_INITIAL = [
    # the 全年预算 in the sentence before the rate's
    "项目年初预算200.00万元，年中追加35.00万元，全年预算数235.00万元。截至年底实际支出228.62万元，"
    "预算执行率114.31%。",
    # all in the rate's own sentence
    "本项目年初预算数80.00万元，调整后预算数92.50万元，预算执行数90.65万元，预算执行率113.31%。",
    # a budget cut: the 全年预算 is written before the 年初预算
    "家庭医生签约服务项目全年预算为56.00万元，年初预算60.00万元。全年实际支出54.60万元，执行率为91.00%。",
    # 结转 is one more term of the 全年预算
    "上年结转15.00万元，年初预算150.00万元，年中追加10.00万元，全年预算数175.00万元，全年执行数168.30万元，"
    "预算执行率112.20%。",
]


@pytest.mark.parametrize("text", ON_INITIAL)
def test_a_rate_on_the_initial_budget_beside_the_full_year_budget_is_found(text: str) -> None:
    (f,) = _rates(text)
    assert f.severity.label == "warning"
    rate = next(g for r, g in f.figures if r == "ratio")
    base = next(g for r, g in f.figures if r == "base")
    assert base.qualifiers.stage == "adjusted"  # computed against the 全年预算
    assert f.location.offset == rate.location.offset
    assert f.suggestion is not None and "年初预算" in f.suggestion.reason
    assert "全年预算" in f.suggestion.reason


def test_the_finding_names_both_budgets_and_the_right_rate() -> None:
    (f,) = _rates(ON_INITIAL[0])
    assert f.expected == "97.29" and f.actual == "114.31"
    texts = [g.text for _, g in f.figures]
    assert "235.00万元" in texts and "200.00万元" in texts and "228.62万元" in texts
    assert f.suggestion is not None and f.suggestion.suggested == "97.29%"


NAMED_OR_RIGHT = [
    # the rate names the 年初预算 it is against
    "年初预算400.00万元，年中追加40.00万元，全年预算440.00万元。全年实际支出434.00万元，"
    "全年预算执行率98.64%，年初预算执行率108.50%。",
    "年初预算200.00万元，年中追加35.00万元，全年预算数235.00万元。实际支出228.62万元，占年初预算的114.31%，"
    "全年预算执行率97.29%。",
    "年初预算500.00万元，调整后预算530.00万元，支出决算510.20万元，完成年初预算的102.04%，预算执行率96.26%。",
    "项目年初预算200.00万元，年中追加35.00万元，全年预算数235.00万元。截至年底实际支出228.62万元，按年初预算计算，"
    "执行率为114.31%。",
    "项目年初预算200.00万元，年中追加35.00万元，全年预算数235.00万元。截至年底实际支出228.62万元，预算执行率"
    "114.31%（实际支出/年初预算）。",
    # the rate is against the 全年预算
    "项目年初预算200.00万元，年中追加35.00万元，全年预算数235.00万元。截至年底实际支出228.62万元，"
    "预算执行率97.29%。",
    # no 全年预算 written: the 年初预算 is the only budget there is
    "项目年初预算200.00万元。截至年底实际支出190.00万元，预算执行率95.00%。",
    # another project's 全年预算 on the line before is not this one's
    "甲项目全年预算数100.00万元，实际支出98.00万元，执行率98.00%。\n"
    "乙项目年初预算50.00万元，实际支出45.00万元，执行率90.00%。",
]


@pytest.mark.parametrize("text", NAMED_OR_RIGHT)
def test_a_rate_named_on_the_initial_budget_or_on_the_full_year_one_is_clean(text: str) -> None:
    assert _rates(text) == []


# -- (2) a rate alone on its own line ---------------------------------------------------------------

LONE = (
    "本项目全年预算数为326.80万元，其中年初预算300.00万元，年中追加26.80万元。截至年底实际支出312.45万元。\n"
    "预算执行率为{r}。"
)


def test_a_lone_rate_on_the_next_line_that_holds_is_clean() -> None:
    assert _rates(LONE.format(r="95.61%")) == []


@pytest.mark.parametrize("rate", ["96.51%", "104.15%"])
def test_a_wrong_lone_rate_on_the_next_line_is_found_at_the_rate(rate: str) -> None:
    text = LONE.format(r=rate)
    (f,) = _rates(text)
    assert f.severity.label == "warning" and f.expected == "95.61"
    assert f.location.offset == (HEAD + text).index(rate)
    assert f.location.line == 4


def test_a_lone_rate_reads_a_one_sentence_line_before() -> None:
    text = "2024年度部门全年预算数为2,356.40万元，全年执行数为2,298.12万元。\n部门预算执行率为{r}。"
    assert _rates(text.format(r="97.53%")) == []
    (f,) = _rates(text.format(r="96.53%"))
    assert f.expected == "97.53" and f.location.line == 4


@pytest.mark.parametrize(
    "text",
    [
        # a heading between the amounts and the rate: the rate is the heading's, not the line's
        "全年预算数为2,356.40万元，全年执行数为2,298.12万元，预算执行率为97.53%。\n（二）项目支出执行情况\n"
        "项目支出预算执行率为92.30%。",
        "全年预算数为2,356.40万元，全年执行数为2,298.12万元。\n（二）项目支出\n预算执行率为92.30%。",
        # the rate's line opens a numbered item of its own
        "全年预算数为2,356.40万元，全年执行数为2,298.12万元。\n（三）预算执行率为92.30%。",
        # a blank line between: another paragraph
        "全年预算数为2,356.40万元，全年执行数为2,298.12万元。\n\n预算执行率为92.30%。",
        # the line before gives a part's figures; the rate may be the whole's
        "项目全年预算数为500.00万元，实际支出475.00万元。\n其中：中央资金全年预算300.00万元，实际支出290.00万元。\n"
        "预算执行率为95.00%。",
        # two lines up: out of reach
        "全年预算数为2,356.40万元，全年执行数为2,298.12万元。\n本部门严格执行预算管理制度。\n预算执行率为92.30%。",
    ],
)
def test_a_lone_rate_past_a_heading_or_a_paragraph_reads_nothing(text: str) -> None:
    assert _rates(text) == []


# -- 上年结转 is one more term of the 全年预算 ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "本项目上年结转15.00万元，年初预算150.00万元，年中追加10.00万元，全年预算数175.00万元，"
        "全年执行数168.30万元，预算执行率96.17%。",
        "年初结转资金8.00万元，年初预算90.00万元，核减3.00万元，调整后预算95.00万元。",
    ],
)
def test_a_carryover_before_the_budgets_is_no_broken_adjusted_budget_identity(text: str) -> None:
    assert [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL271"] == []


def test_an_adjusted_budget_without_carryover_is_still_checked() -> None:
    text = "年初预算150.00万元，年中追加10.00万元，全年预算数175.00万元，全年执行数168.30万元。"
    (f,) = [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL271"]
    assert "175.00万元" in [g.text for _, g in f.figures]
