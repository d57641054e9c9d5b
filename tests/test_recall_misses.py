"""Issue 12 recall misses (session recall-misses): relations a reviewer checks by hand that were read
but not checked, each with its charitable readings kept. Written in our own words."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度项目支出绩效自评报告\n一、项目基本情况\n"


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


# -- a rate's budget alternatives carried from the sentence before stay alternatives ------------------
FILLER = "本项目围绕年度重点任务，" + "统筹安排资金用于设备更新、人员培训和日常运维，" * 18


def test_carried_budget_alternatives_keep_the_rate_charitable() -> None:
    # 225.40 ÷ 230.00 = 98.00%: the rate fits the 年初预算 carried as an alternative from the sentence
    # before; the 全年预算 there stands more than the look-back's reach away, which must not drop the
    # alternatives already carried
    text = f"全年预算248.60万元，{FILLER}其中年初预算230.00万元。全年实际支出225.40万元，执行率为98.00%。"
    assert [f for f in _found(text) if f.rule == "FL231"] == []


def test_the_same_rate_reads_the_same_near_or_far() -> None:
    near = "全年预算248.60万元，本项目统筹安排资金，其中年初预算230.00万元。全年实际支出225.40万元，执行率为98.00%。"
    assert [f for f in _found(near) if f.rule == "FL231"] == []


# -- a figure cut by a line break (text saved from a PDF, typed with hard returns) --------------------
CUT_CLEAN = [
    "本年项目支出2610.5万元，与上年相比减少了642.3\n万元，减少19.75%，主要原因是建设项目完工。",
    "本年基本支出283.56万元，其中：人员经费\n245.16万元，公用经费38.40万元。",
    "本年基本支出283.56万元，包括人员经费\n245.16万元、公用经费38.40万元。",
]
CUT_BROKEN = [
    (CUT_CLEAN[0].replace("19.75%", "18.85%"), "FL222", "18.85%"),
    (CUT_CLEAN[1].replace("245.16", "235.16"), "FL201", "283.56万元"),
    (CUT_CLEAN[2].replace("38.40", "28.40"), "FL201", "283.56万元"),
]


@pytest.mark.parametrize("text", CUT_CLEAN)
def test_a_relation_cut_by_a_line_break_that_holds_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "rule", "at"), CUT_BROKEN)
def test_a_relation_cut_by_a_line_break_is_checked(text: str, rule: str, at: str) -> None:
    found = [f for f in _found(text) if f.rule == rule]
    assert len(found) == 1, found
    assert at in [g.text for _, g in found[0].figures]


def test_a_heading_before_an_amount_line_is_no_cut() -> None:
    # a label line without an amount of its own before it is a heading or a table cell, not a cut
    text = "（一）基本支出\n283.56万元，主要用于人员经费和公用经费。\n人员经费\n300.00万元。"
    assert _found(text) == []
