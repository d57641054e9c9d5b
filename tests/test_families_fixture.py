"""The issue-12 families fixture (fixtures/realistic/20-…): clean as written, and each family found
at the right figure when one figure of it is broken the way drafts go wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, serious

FIXTURE = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "realistic"
    / "20-shuiwu-zhengti-ziping-families.txt"
)


def test_fixture_is_clean() -> None:
    assert serious(lint_text(FIXTURE.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("old", "new", "rule", "figure"),
    [
        # balance identity: the year's grant income transposed (the closing balance is also repeated, so
        # a slip there is the repeat rule's)
        ("本年财政拨款收入1,860.50万元", "本年财政拨款收入1,806.50万元", "FL271", "1,806.50万元"),
        # 结转结余率 on no base
        ("结转结余率1.65%", "结转结余率1.56%", "FL232", "1.56%"),
        # execution rate
        ("预算执行率98.35%", "预算执行率98.53%", "FL231", "98.53%"),
        # 等N: one name short
        ("城关、河西、北山、南湖等4个", "城关、河西、北山、南湖等5个", "FL252", "5个"),
        # count in words
        ("内设五个股室", "内设六个股室", "FL251", "六个"),
        # average over 在职 + 离退休
        ("人均21.00万元", "人均12.00万元", "FL241", "12.00万元"),
        # average per 人次 worked out per 批次
        ("人均接待费225.00元", "人均接待费1200.00元", "FL241", "1200.00元"),
        # implied whole
        ("占85.16%", "占86.15%", "FL214", "86.15%"),
        # percentage points
        ("下降0.91个百分点", "下降0.19个百分点", "FL221", "0.19个百分点"),
        # stated comparison
        ("决算数小于预算数", "决算数大于预算数", "FL223", "2.16万元"),
        # rate on an unwritten base
        ("下降8.18%", "下降8.81%", "FL222", "8.81%"),
    ],
)
def test_broken_family_is_found_at_the_figure(old: str, new: str, rule: str, figure: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    found = serious(lint_text(text.replace(old, new)))
    assert rule in [f.rule for f in found], [(f.rule, f.message) for f in found]
    hit = [f for f in found if f.rule == rule]
    assert any(figure in [g.text for _, g in f.figures] for f in hit), [(f.rule, f.message) for f in hit]
