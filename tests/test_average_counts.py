"""Averages on the right count (issue 12 item 8): 人均 over 在职, 退休 or both is each a plausible
reading; an average per 人次 that was worked out per 批次 is wrong, and the finding says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, serious

from lint.model import Finding

ROOT = Path(__file__).resolve().parent.parent
HEAD = "2024年度部门决算情况说明\n一、部门基本情况\n"


def _averages(text: str) -> list[Finding]:
    return [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL241"]


@pytest.mark.parametrize(
    "text",
    [
        "人员经费500.00万元，在职人员40人，退休人员10人，人均12.50万元。",  # per 在职
        "人员经费500.00万元，在职人员40人，退休人员10人，人均10.00万元。",  # per 在职 + 退休
        "本单位共有在职人员40人、离退休人员10人，人员经费500.00万元，人均10.00万元。",
        "本单位在职职工32人，离退休人员8人，人员经费支出416.00万元，人均13.00万元。",
        "公务接待费3.15万元，共接待9批次63人次，平均每批次0.35万元。",
        "公务接待费3.15万元，共接待9批次63人次，平均每人次0.05万元。",
    ],
)
def test_an_average_on_any_plausible_count_is_clean(text: str) -> None:
    assert _averages(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人员经费500.00万元，在职人员40人，退休人员10人，人均11.00万元。", "12.50"),
        ("本单位共有在职人员40人、离退休人员10人，人员经费500.00万元，人均11.00万元。", "12.50"),
        ("本单位在职职工32人，离退休人员8人，人员经费支出416.00万元，人均12.00万元。", "13.00"),
    ],
)
def test_an_average_on_no_count_is_an_error_against_the_first_count(text: str, expected: str) -> None:
    (f,) = _averages(text)
    assert f.expected == expected
    assert f.suggestion is None or "计）" not in f.suggestion.reason  # no other unit fits


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("公务接待费3.15万元，共接待9批次63人次，平均每人次0.35万元。", "批次"),
        ("公务接待费3.15万元，共接待9批次63人次，人均0.35万元。", "批次"),
        ("接待费用1.80万元，接待来访12批次、45人次，平均每批次0.04万元。", "人次"),
    ],
)
def test_an_average_worked_out_on_the_other_count_says_which(text: str, per: str) -> None:
    (f,) = _averages(text)
    assert f.suggestion is not None
    assert f.suggestion.figure.text == f.figures[2][1].text
    assert f"按{per}计" in f.suggestion.reason


def test_broken_guangdong_reception_average_is_found_per_batch() -> None:
    """The Guangdong 三公 fixture's 人均接待费 replaced by 10.04万元 ÷ 42批次."""
    path = ROOT / "fixtures" / "provinces" / "guangdong-yunling-shichangjianguan-2023-sangong.txt"
    clean = path.read_text(encoding="utf-8")
    assert "人均接待费315.72元" in clean
    assert [f for f in serious(lint_text(clean)) if f.rule == "FL241"] == []
    found = [f for f in serious(lint_text(clean.replace("人均接待费315.72元", "人均接待费2390.48元")))]
    assert [f.rule for f in found] == ["FL241"]
    assert found[0].figures[2][1].text == "2390.48元"
    assert found[0].suggestion is not None and "42批次" in found[0].suggestion.reason
