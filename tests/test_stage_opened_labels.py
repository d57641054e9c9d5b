"""Issue 12 item 5 (recall): labels opened by 全年 and the verbs 核增/核减.

"全年财政拨款支出320.00万元" is the 财政拨款支出 of the year (全年 names the period, no thing), so the
balance identity finds it; "年中核增30.00万元，核减20.00万元" are adjustments of the 年初预算 (核增 was
read as nothing, so a correct 调整后预算 was reported), and 核减 keeps its verb: the amount's label is
empty as after 调减, never "根据上级文件核"."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.extract.figures import extract
from lint.extract.labels import LabelReader
from lint.model import Document, Finding
from lint.vocab import default_vocabulary

HEAD = "2024年度部门决算情况说明\n一、收入支出决算总体情况\n"

CLEAN = [
    "年初财政拨款结转和结余50.00万元，全年财政拨款收入300.00万元，全年财政拨款支出310.00万元，"
    "年末财政拨款结转和结余40.00万元。",
    "全年财政拨款收入512.70万元，全年财政拨款支出500.50万元；年初财政拨款结转结余6.20万元，"
    "2024年末财政拨款结转结余18.40万元。",
    "年初预算100.00万元，年中核增30.00万元，核减20.00万元，调整后预算110.00万元。",
    "年初预算860.00万元，根据上级文件核减60.00万元，调整后预算800.00万元。",
    "年初预算420.00万元，执行中核增55.50万元，调整后预算475.50万元。",
]

# (text, the figure changed, the identity that finds it)
BROKEN = [
    (CLEAN[0].replace("310.00", "290.00"), "290.00万元", "grant_balance"),
    (CLEAN[1].replace("500.50", "505.00"), "505.00万元", "grant_balance"),
    (CLEAN[2].replace("110.00", "115.00"), "115.00万元", "adjusted_budget"),
    (CLEAN[3].replace("800.00", "790.00"), "790.00万元", "adjusted_budget"),
    (CLEAN[4].replace("55.50", "65.50"), "65.50万元", "adjusted_budget"),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize(
    ("clause", "label"),
    [
        ("全年财政拨款支出", "财政拨款支出"),
        ("全年财政拨款收入", "财政拨款收入"),
        ("全年一般公共预算财政拨款支出", "一般公共预算财政拨款支出"),
    ],
)
def test_a_leading_quannian_is_no_part_of_the_label(clause: str, label: str) -> None:
    vocab = default_vocabulary()
    info = LabelReader(vocab).read(clause)
    assert info.label == vocab.canonical(label)


def test_quannian_before_a_stage_word_keeps_the_stage() -> None:
    info = LabelReader(default_vocabulary()).read("全年预算数")
    assert info.stage == "adjusted"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("根据上级文件核减20.00万元。", ""),
        ("年中核增30.00万元。", ""),
        # a decrease word that is the whole verb keeps what was cut
        ("公用经费压减5.00万元。", "公用经费"),
        ("办公费减少2.00万元。", "办公费"),
    ],
)
def test_an_action_verb_is_not_split_by_its_change_marker(sentence: str, label: str) -> None:
    doc = Document(path="<test>", text=sentence, fmt="txt")
    assert [f.label for f in extract(doc).figures] == [label]


@pytest.mark.parametrize("text", CLEAN)
def test_quannian_labels_and_hezeng_raise_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "changed", "identity"), BROKEN)
def test_a_slip_among_quannian_or_hezeng_figures_is_found(text: str, changed: str, identity: str) -> None:
    found = _found(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.rule in ("FL271", "FL272") and identity in f.message
    assert changed in [g.text for _, g in f.figures]
