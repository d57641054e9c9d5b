"""Soft line breaks of text saved from a PDF (lint/extract/wraps.py)."""

from __future__ import annotations

from lint.extract.wraps import JOIN, soft_breaks, unwrap

WRAPPED = (
    "2024年部门全年预算1,486.20万元，全年执行1,452.67万元，其中：基本支出986.41万元，项目支\n"
    "出466.26万元。“三公”经费支出9.84万元，其中：因公出国（境）费0万元，公务接待费1.26万元，公务用\n"
    "车运行维护费8.58万元，较上年减少0.72万元，主要是压减公务接待批次和公务用车运行费用。\n"
    "二、国有资产情况\n"
    "截至2024年12月31日，本单位共有车辆5辆，其中：一般公务用车1辆、应急保障用车2辆、执法执勤\n"
    "用车2辆。\n"
)


def test_wrapped_lines_join_and_offsets_hold() -> None:
    text = unwrap(WRAPPED)
    assert len(text) == len(WRAPPED)
    # a word cut by the break is made whole; the joiner moves before the number, which stays put
    assert "项目支出" + JOIN + "466.26" in text
    assert text.index("466.26") == WRAPPED.index("466.26")
    assert "公务用车运行维护费" + JOIN + "8.58" in text
    assert "执法执勤用车" + JOIN + "2辆" in text
    # a line that ends a sentence, and a heading, keep their newline
    assert "批次和公务用车运行费用。\n二、" in text
    assert "国有资产情况\n截至" in text


def test_one_paragraph_a_line_and_table_rows_are_left_alone() -> None:
    paragraphs = "一、基本情况\n本部门内设机构7个。\n二、收支情况\n收入合计100.00万元。\n"
    assert soft_breaks(paragraphs) == []
    rows = "\n".join(["产出指标 数量指标 培训人次 ≥1500人次 1620人次 10 10"] * 6) + "\n"
    assert soft_breaks(rows) == []
    piped = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 |"] * 6)
    assert soft_breaks(piped) == []
