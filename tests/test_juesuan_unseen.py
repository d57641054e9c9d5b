"""Shapes of 部门决算 公开说明 from templates the project had not seen (own wording): the 财政拨款
totals sentence that names its fund once for both sides, and the change written as a sentence of
its own after the amount it compares."""

from __future__ import annotations

from conftest import lint_source, lint_text, serious

# "财政拨款收入总计X，支出总计X": the fund opens the sentence and is the scope of both totals; the
# department's own 支出总计 (all funds) is written only as "收入、支出总计均为…".
GRANTS = """### 一、收入支出决算总体情况说明
2023年度收入、支出总计均为1,013.10万元。
### 二、收入决算情况说明
2023年度本年收入合计902.42万元，其中：财政拨款收入889.65万元；其他收入12.77万元。另有上年结转和结余110.68万元。
### 三、支出决算情况说明
2023年度本年支出合计892.55万元，其中：基本支出427.09万元；项目支出465.46万元。年末结转和结余{end}万元。
### 四、财政拨款收入支出决算总体情况说明
2023年度财政拨款收入总计978.19万元，支出总计978.19万元。
其中年初财政拨款结转和结余88.54万元，本年财政拨款收入889.65万元；本年财政拨款支出809.31万元，年末财政拨款结转和结余168.88万元。
"""


def test_grant_totals_sentence_names_its_fund_once_for_both_sides() -> None:
    assert [(f.rule, f.message) for f in lint_source(GRANTS.format(end="120.55"), "md")] == []


def test_the_department_grand_total_is_still_checked() -> None:
    both = "收入、支出总计均为1,013.10万元"
    text = GRANTS.format(end="120.55").replace(both, "收入总计1,013.10万元，支出总计{spent}万元")
    assert lint_source(text.format(spent="1,013.10"), "md") == []  # was a repeat of 支出总计
    found = lint_source(text.format(spent="1,031.10"), "md")
    assert [f.rule for f in found] == ["FL271"]
    assert {fig.text for _, fig in found[0].figures} == {"1,013.10万元", "1,031.10万元"}


# "X支出1213.13万元，占…%。比上年减少140.13万元，下降10.35%": the change opens its own sentence and
# names no subject; it compares the one amount of the sentence before.
OWN_SENTENCE = (
    "一、总体情况\n2023年度一般公共预算财政拨款支出1213.13万元，占本年支出合计的84.22%。"
    "比上年减少140.13万元，下降{rate}%，主要原因是人员调资。\n"
)


def test_change_in_its_own_sentence_compares_the_amount_before() -> None:
    assert serious(lint_text(OWN_SENTENCE.format(rate="10.35"))) == []
    found = serious(lint_text(OWN_SENTENCE.format(rate="12.45")))
    assert [(f.rule, f.severity.label) for f in found] == [("FL222", "warning")]
    assert {fig.text for _, fig in found[0].figures} >= {"1213.13万元", "140.13万元", "12.45%"}
    assert found[0].location.line == 2


# A change after "预算为A，支出决算为B，完成预算的p%。" compares what was spent (B), never the budget.
SPENT = (
    "一、三公经费\n2023年度“三公”经费财政拨款支出预算为13.58万元，支出决算为10.88万元，完成预算的80.12%。"
    "较上年减少1.75万元，下降{rate}%。\n"
)


def test_change_after_budget_and_spending_compares_the_spending() -> None:
    assert serious(lint_text(SPENT.format(rate="13.86"))) == []
    found = serious(lint_text(SPENT.format(rate="16.86")))
    assert [f.rule for f in found] == ["FL222"]
    assert {fig.text for _, fig in found[0].figures} >= {"10.88万元", "1.75万元", "16.86%"}


def test_a_sentence_with_several_spent_amounts_gives_no_subject() -> None:
    text = (
        "一、支出\n本年支出合计800.00万元，其中基本支出500.00万元，项目支出300.00万元。"
        "较上年增加50.00万元，增长9.99%。\n"
    )
    assert serious(lint_text(text)) == []


# "部门收入预算3,421.22万元。其中：一般公共预算拨款…，占收入预算的95.45%": the share names its whole
# without the 部门 its total carries; it is the breakdown's own total.
NAMED_WHOLE = (
    "一、收入预算\n2025年部门收入预算3,421.22万元，比2024年预算3,104.77万元增加316.45万元，增长10.19%。"
    "其中：一般公共预算拨款3,265.40万元，占收入预算的{share}%；政府性基金预算拨款120.00万元，占3.51%；"
    "上年结转资金35.82万元，占1.05%。\n"
)


def test_share_naming_its_whole_without_the_department_prefix() -> None:
    assert serious(lint_text(NAMED_WHOLE.format(share="95.45"))) == []
    found = serious(lint_text(NAMED_WHOLE.format(share="94.45")))
    assert [(f.rule, f.severity.label) for f in found] == [("FL211", "error")]
    assert {fig.text for _, fig in found[0].figures} == {"3,421.22万元", "3,265.40万元", "94.45%"}


def test_share_naming_another_whole_is_not_the_breakdown_s() -> None:
    # 项目支出's part as a share of 支出 (all spending) is no share of 项目支出
    text = (
        "一、支出\n本年支出合计1,000.00万元，其中项目支出400.00万元。项目支出中，"
        "设备购置200.00万元，占支出的20.00%；维修100.00万元，占支出的10.00%。\n"
    )
    assert serious(lint_text(text)) == []
