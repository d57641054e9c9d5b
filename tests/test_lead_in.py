"""A "X中，" lead-in list (issue 12, recall): "收入总计中，本年收入合计A，年初结转和结余B；支出总计中，…"
breaks down X's amount written earlier in the paragraph. The clause may name only some of X's parts,
so parts falling short is no finding (the identities in rules/ decide completeness); parts exceeding X
are. The grand totals' lead-in does not narrow the labels after it: 本年收入合计 under 收入总计中 is the
report's own 本年收入合计, a repeat of the one written in the next section."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

ROOT = Path(__file__).resolve().parent.parent
HUNAN = ROOT / "fixtures" / "provinces" / "hunan-lanjiang-shuili-2019-juesuan.txt"
HEAD = "2023年度部门决算情况说明\n一、总体情况\n"

CLEAN = [
    # grand totals with their parts after "X中，", two lists in one sentence
    "2023年度收入总计860.40万元，支出总计860.40万元。收入总计中，本年收入合计802.15万元，"
    "年初结转和结余58.25万元；支出总计中，本年支出合计818.90万元，年末结转和结余41.50万元。",
    # "在X中：" with a colon, parts in another unit
    "本年度“三公”经费支出12.60万元，比上年减少1.10万元。在“三公”经费中：公务接待费32000.00元，"
    "公务用车运行维护费9.40万元。",
    # a list that names only some parts: short of the whole, never a finding
    "机关运行经费支出45.80万元，比上年减少2.10万元。机关运行经费中，办公费12.30万元，水电费6.50万元，"
    "差旅费4.20万元。",
]

BROKEN = [
    # (text, the whole, the part that makes the list exceed it)
    (
        "本年度“三公”经费支出12.60万元，比上年减少1.10万元。在“三公”经费中：公务接待费32000.00元，"
        "公务用车运行维护费9.90万元。",
        "12.60万元",
        "9.90万元",
    ),
    (
        "机关运行经费支出45.80万元，比上年减少2.10万元。机关运行经费中，办公费42.30万元，水电费6.50万元，"
        "差旅费4.20万元。",
        "45.80万元",
        "42.30万元",
    ),
    (
        "项目支出合计328.60万元。项目支出中，信息化运维经费210.00万元，专项业务经费126.40万元。",
        "328.60万元",
        "126.40万元",
    ),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN)
def test_lead_in_lists_that_hold_raise_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "whole", "part"), BROKEN)
def test_lead_in_list_exceeding_its_whole_is_found_at_the_whole(text: str, whole: str, part: str) -> None:
    found = [f for f in _found(text) if f.rule == "FL201"]
    assert len(found) == 1, found
    f = found[0]
    assert f.severity.label == "warning"  # the whole is found by its label: one inferred link
    assert [g.text for r, g in f.figures if r == "total"] == [whole]
    assert part in [g.text for r, g in f.figures if r == "part"]


def test_a_lead_in_with_no_amount_of_its_whole_before_it_reads_no_breakdown() -> None:
    # 机关运行经费 has no amount before its lead-in: nothing to add the parts up to
    text = "机关运行经费中，办公费42.30万元，水电费6.50万元。"
    assert _found(text) == []


def test_the_seed_and_the_hunan_report_are_unchanged(seed_text: str) -> None:
    assert serious(lint_text(seed_text)) == []
    findings = serious(lint_text(HUNAN.read_text("utf-8")))
    assert [f.rule for f in findings] == ["FL201"]  # the 公用经费 list the report itself gets wrong
    assert "公用经费45.63万元" in findings[0].message


@pytest.mark.parametrize(
    ("old", "new"), [("1286.45", "1286.54"), ("1286.45", "1286.42"), ("1301.84", "1301.89")]
)
def test_a_slip_in_the_grand_totals_lead_in_is_found_against_its_repeat(old: str, new: str) -> None:
    lines = HUNAN.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "收入总计中，" in line)
    lines[at] = lines[at].replace(old, new, 1)
    findings = flat(serious(lint_text("\n".join(lines))))
    repeats = [f for f in findings if f.rule == "FL261"]
    assert len(repeats) == 1, findings
    texts = sorted(g.text for _, g in repeats[0].figures)
    assert texts == sorted([f"{old}万元", f"{new}万元"])
    assert any(g.location.line == at + 1 and g.text == f"{new}万元" for _, g in repeats[0].figures)
