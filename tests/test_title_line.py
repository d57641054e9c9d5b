"""The report year and stage (预算/决算) come from the title line, wherever it sits: after a site's
date bar and menus, a Word cover dated the year after, a table of contents; a title broken after its
year is read with the next line; without a title, the first year of the opening as before."""

from __future__ import annotations

import pytest

from lint.extract.figures import FigureExtractor
from lint.extract.title import title_line


@pytest.mark.parametrize(
    ("text", "year", "stage"),
    [
        ("今天是2025年9月3日 星期三\n首页\n清源县某局2024年度部门决算公开说明\n一、概况", 2024, "final"),
        (
            "附件3\n公开日期：2025年8月30日\n目  录\n第二部分 2023年度部门决算情况说明……5\n某局2024年度部门决算\n",
            2024,
            "final",
        ),
        (
            "2024年度零陵区行政审批服务局\n\n整体支出绩效自评报告\n\n单位名称：（盖章）\n\n2025年7月16日\n",
            2024,
            "final",
        ),
        ("2025年12月2日 登录\n某区某局2025年部门预算公开\n一、2025年收支预算总体情况", 2025, "budget"),
        ("关于2024年预算执行情况的报告\n", 2024, "final"),
        ("本单位收支情况如下：\n2023年收入10.00万元。\n", 2023, None),  # no title: the first year, as before
    ],
)
def test_year_and_stage_from_the_title_line(text: str, year: int, stage: str | None) -> None:
    fx = FigureExtractor()
    assert fx.report_year(text) == year
    assert fx.default_stage(text) == stage


def test_contents_entries_headings_and_dates_are_not_titles() -> None:
    words = ["决算", "预算", "报告", "说明"]
    assert title_line("第二部分 2024年度部门决算情况说明……5\n", words) is None
    assert title_line("一、2024年度部门决算情况说明\n", words) is None
    assert title_line("今天是2025年9月3日 信息公开\n", words) is None
    assert title_line("2024年收入决算为120.00万元，比上年增加10.00万元。\n", words) is None


def test_a_title_without_a_stage_word_leaves_the_stage_to_the_opening() -> None:
    """预算绩效管理 names no stage: the 自评 in the opening lines decides, as before the title was read."""
    text = "河湾街道2024年度预算绩效管理工作情况说明\n一、绩效自评情况\n本单位对8个项目开展绩效自评。\n"
    fx = FigureExtractor()
    assert (fx.report_year(text), fx.default_stage(text)) == (2024, "final")
    assert fx.default_stage("某局2025年预算绩效目标说明\n一、总体情况\n") is None
