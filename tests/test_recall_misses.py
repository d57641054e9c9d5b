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
