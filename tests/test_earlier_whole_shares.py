"""Issue 12 item 4 (recall): a share whose whole is named only in an earlier sentence. A bare 占 of a
part outside any breakdown is a share of the one amount of the sentence before it (same paragraph,
period and side, larger than the part) — an inferred link, so a mismatch is a warning; and "占三公经费
支出的比重为…" names its whole (比重 after the whole is no other subject)."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度部门决算情况说明\n一、“三公”经费支出情况\n"

CLEAN = [
    "2024年度“三公”经费财政拨款支出20.50万元。因公出国（境）费0万元；公务接待费3.20万元，占15.61%。",
    "2024年三公经费支出20.50万元，比上年减少1.00万元，主要是压减接待。其中，公务接待费3.20万元，占15.61%。",
    "三公经费支出20.50万元。公务接待费3.20万元，占三公经费支出的比重为15.61%。",
    "本年支出合计640.00万元。基本支出512.00万元，占80.00%。",
]

# (text, the figure changed, severity)
BROKEN = [
    (CLEAN[0].replace("15.61%", "18.61%"), "18.61%", "warning"),
    (CLEAN[1].replace("3.20", "3.02"), "3.02万元", "warning"),
    (CLEAN[2].replace("15.61%", "15.16%"), "15.16%", "error"),
    (CLEAN[3].replace("80.00%", "85.00%"), "85.00%", "warning"),
]

# No single plausible whole before: nothing is read.
UNREAD = [
    # two amounts in the sentence before
    "三公经费支出20.50万元，机关运行经费支出48.00万元。公务接待费3.20万元，占10.00%。",
    # the amount before is smaller than the part: no whole of it
    "公务接待费3.20万元。公务用车运行维护费17.30万元，占84.39%。",
    # a new paragraph
    "三公经费支出20.50万元。\n公务接待费3.20万元，占10.00%。",
    # income before an outgo share
    "本年收入合计640.00万元。基本支出512.00万元，占79.00%。",
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN + UNREAD)
def test_a_share_of_an_earlier_whole_that_holds_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "changed", "severity"), BROKEN)
def test_a_wrong_share_of_an_earlier_whole_is_found(text: str, changed: str, severity: str) -> None:
    found = _found(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.rule == "FL211" and f.severity.label == severity
    assert changed in [g.text for _, g in f.figures]
