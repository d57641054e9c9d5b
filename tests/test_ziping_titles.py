"""A text table's title is a line above it, but never the last row of a table just above (prec-ziping):
a 自评表's fund block written tab-separated above its indicator block names no table, and a finding that
named the indicator table by that row read as nonsense to a reviewer."""

from __future__ import annotations

from conftest import flat, lint_source

FUND = (
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t260.00\t260.00\t247.00\t10\t95.00%\t9.50\n"
)
SHEET = (
    "一级指标\t二级指标\t三级指标\t分值\t得分\n"
    "产出指标\t数量指标\t培训人次\t50\t50\n"
    "效益指标\t社会效益指标\t就业率\t30\t28\n"
    "满意度指标\t服务对象满意度指标\t学员满意度\t10\t9\n"
    "总分\t\t\t100\t97.50\n"
)


def _messages(text: str) -> list[str]:
    return [f.message for f in flat(lint_source(text))]


def test_a_row_of_the_table_above_is_no_title() -> None:
    found = _messages("某项目绩效自评报告\n二、项目支出绩效自评表\n" + FUND + "\n" + SHEET)
    assert len(found) == 1 and "97.50" in found[0]
    assert "年度资金总额" not in found[0], found
