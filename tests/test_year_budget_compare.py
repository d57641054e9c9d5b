"""A 决算 compares its figure with the last year's and with its own year's budget in one sentence:
"比上年决算数下降34.3%；比2022年年初预算数46.00万元减少4.50万元" (a 2022 report). The report year
followed by a budget word is the plan the year is measured against, not a year-on-year comparison
with the wrong year (FL305). Texts in our own words."""

from __future__ import annotations

from conftest import lint_text, serious

HEAD = (
    "某镇2022年度“三公”经费决算情况说明\n"
    "按照县政府推进预决算公开的要求，现将本镇2022年度“三公”经费决算情况公布如下：\n"
)


def _years(text: str) -> list[str]:
    return [f.location.line for f in serious(lint_text(HEAD + text)) if f.rule == "FL305"]


def test_the_report_years_budget_is_no_wrong_year() -> None:
    text = (
        "经比较，2022年度“三公”经费决算41.50万元，比上年决算数下降34.2%；"
        "比2022年年初预算数46.00万元减少4.50万元，下降9.8%。\n"
    )
    assert _years(text) == []


def test_a_comparison_with_the_report_year_itself_is_still_found() -> None:
    text = "经比较，2022年度“三公”经费决算41.50万元，比上年决算数下降34.2%，比2022年减少21.60万元。\n"
    assert _years(text) == [3]
