"""预算执行率 scored by bands (prec-ziping): many provinces score the execution rate by bands ("执行率≥95%
得10分，90%（含）至95%得8分") rather than rate × 分值. Where the report states such a rule, in its prose or
in the row's 评分标准 cell, a score below rate × 分值 is the band's, no finding; with no rule stated the
template's rate × 分值 stands (a warning, FL409)."""

from __future__ import annotations

from conftest import flat, lint_source

SHEET = (
    "2024年度某区社区养老服务补助项目绩效自评报告\n\n一、项目绩效自评表\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "预算执行率\t—\t—\t100%\t{rate}\t10\t{score}\n"
    "产出指标\t数量指标\t服务老人数\t≥1500人\t1560人\t30\t30\n"
    "\t质量指标\t服务合格率\t≥95%\t96%\t20\t20\n"
    "效益指标\t社会效益指标\t居家养老覆盖率\t≥60%\t62%\t20\t20\n"
    "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t91%\t20\t20\n"
    "合计\t\t\t\t\t100\t{total}\n\n"
    "二、{note}本项目自评得分{total}分，等级为优。\n"
)

MD_SHEET = """## 2024年度某县林业局部门整体支出绩效自评报告

| 一级指标 | 三级指标 | 实际完成值 | 分值 | 评分标准 | 得分 |
|---|---|---|---|---|---|
| 过程 | 预算执行率 | 92.40% | 10 | 执行率≥95%得10分，90%（含）-95%得8分，低于90%不得分 | 8 |
| 产出 | 重点工作完成率 | 98% | 50 | 按完成比例计分 | 49 |
| 效益 | 群众满意度 | 93% | 40 | ≥90%得满分 | 40 |
| 合计 |  |  | 100 |  | 97 |
"""


def _codes(text: str, fmt: str = "txt") -> list[str]:
    return [f.rule for f in flat(lint_source(text, fmt))]


def test_band_rule_in_prose_explains_a_lower_score() -> None:
    note = "预算执行率按区间计分，执行率在90%（含）至95%之间的得8分。"
    assert _codes(SHEET.format(rate="92.40%", score="8", total="98", note=note)) == []


def test_band_rule_in_the_rows_criterion_cell_explains_a_lower_score() -> None:
    assert _codes(MD_SHEET, "md") == []


def test_without_a_band_rule_the_template_formula_stands() -> None:
    assert _codes(SHEET.format(rate="85.00%", score="9.5", total="99.5", note="")) == ["FL409"]


def test_a_stated_score_is_no_band_rule() -> None:
    """ "预算执行率85.00%，得9.5分" states the score; it sets no band."""
    note = "预算执行率85.00%，得9.5分。"
    assert _codes(SHEET.format(rate="85.00%", score="9.5", total="99.5", note=note)) == ["FL409"]


GRADED = (
    "2024年度某区社区养老服务补助项目绩效自评报告\n\n一、项目绩效自评表\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "预算执行率\t—\t—\t100%\t92.40%\t10\t9.24\n"
    "产出指标\t数量指标\t服务老人数\t≥1500人\t1460人\t30\t25\n"
    "\t质量指标\t服务合格率\t≥95%\t90%\t20\t16\n"
    "效益指标\t社会效益指标\t居家养老覆盖率\t≥60%\t55%\t20\t17\n"
    "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t88%\t20\t18\n"
    "合计\t\t\t\t\t100\t85.24\n\n"
    "二、评分规则：{rule}\n"
    "三、本项目自评得分85.24分，评价等级为{grade}。\n"
)
NATIONAL = "自评总分90分（含）以上的，评价等级为优；80分（含）至90分的，评价等级为良；60分（含）至80分的为中；60分以下为差。"
LOCAL = "总分85分（含）以上为优，70分（含）至85分为良，60分（含）至70分为中，60分以下为差。"


def _graded(rule: str, grade: str) -> list[tuple[str, int]]:
    found = flat(lint_source(GRADED.format(rule=rule, grade=grade)))
    return [(f.rule, f.location.line) for f in found]


def test_a_restated_grading_rule_states_no_grade() -> None:
    """The rule's "90分以上的，评价等级为优" is no claim about this 总分; the report's own claim is."""
    assert _graded(NATIONAL, "良") == []
    assert _graded(NATIONAL, "优") == [("FL408", 13)]


def test_the_reports_own_bands_decide_its_grade() -> None:
    """A report that states 85分以上为优 grades 85.24 优 rightly; 良 is then the slip."""
    assert _graded(LOCAL, "优") == []
    assert _graded(LOCAL, "良") == [("FL408", 13)]


FUND = (
    "2024年度某县乡村公益性岗位补贴项目绩效自评表\n"
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t300.00\t318.00\t302.10\t10\t{rate}\t{score}\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t开发岗位数\t≥800个\t835个\t50\t50\n"
    "效益指标\t社会效益指标\t就业稳定\t稳定\t稳定\t30\t29\n"
    "满意度指标\t服务对象满意度指标\t上岗人员满意度\t≥90%\t95%\t10\t10\n"
    "总分\t\t\t\t\t100\t{total}\n"
)


def test_a_miswritten_rate_is_one_finding_not_two() -> None:
    """97.00% beside 302.10 ÷ 318.00 = 95.00% and a score 9.5 that is 95.00% × 10: the rate is the slip
    (FL405); the score was worked out right and is no second finding."""
    found = flat(lint_source(FUND.format(rate="97.00%", score="9.5", total="98.5")))
    assert [f.rule for f in found] == ["FL405"]


def test_a_score_that_fits_no_rate_is_still_found() -> None:
    found = flat(lint_source(FUND.format(rate="95.00%", score="8.5", total="97.5")))
    assert [f.rule for f in found] == ["FL409"]
