"""结转结余率 (issue 12 item 11): a rate whose base the report leaves unsaid holds when any base a
template uses gives it; a rate none gives is a warning (FL232) at the rate."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, serious

from lint.catalog import Pack
from lint.errors import RuleFileError
from lint.identities import parse_rates

ROOT = Path(__file__).resolve().parent.parent
HEAD = "2024年度部门整体支出绩效自评报告\n一、预算执行情况\n"


def _rates(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule, f.figures[0][1].text, f.expected or "")
        for f in serious(lint_text(HEAD + text))
        if f.rule == "FL232"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "本年度全年预算数1,200.00万元，实际支出1,140.00万元。年末结转结余60.00万元，结转结余率5.00%。",
        # on income: 60.00 ÷ 1,150.00
        "本年收入合计1,150.00万元，本年支出合计1,140.00万元，年末结转和结余60.00万元，结转结余率5.22%。",
        # on spending: 60.00 ÷ 1,140.00
        "本年收入合计1,150.00万元，本年支出合计1,140.00万元，年末结转和结余60.00万元，结转结余率5.26%。",
        # the rate in another paragraph than its figures: not read
        "本年收入合计1,150.00万元，年末结转和结余60.00万元。\n结转结余率9.00%。",
        # no base in the paragraph
        "年末结转结余60.00万元，结转结余率9.00%。",
    ],
)
def test_rates_some_base_gives_or_that_cannot_be_checked_are_clean(text: str) -> None:
    assert _rates(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "本年度全年预算数1,200.00万元，实际支出1,140.00万元。年末结转结余60.00万元，结转结余率6.00%。",
            ("FL232", "6.00%", "5.00"),
        ),
        (
            "结转结余总额为86.40万元，资金总额为1,440.00万元，结转结余率为8.60%，控制在合理范围内。",
            ("FL232", "8.60%", "6.00"),
        ),
    ],
)
def test_a_rate_no_base_gives_is_a_warning(text: str, found: tuple[str, str, str]) -> None:
    assert _rates(text) == [found]


def test_rate_added_to_a_hunan_juesuan_paragraph() -> None:
    """The Hunan fixture's 收入支出 paragraph with a 结转结余率 appended: 48.13 ÷ 1,286.45 = 3.74%."""
    path = ROOT / "fixtures" / "provinces" / "hunan-lanjiang-shuili-2019-juesuan.txt"
    clean = path.read_text(encoding="utf-8")
    anchor = "年末结转和结余48.13万元。"
    assert anchor in clean
    before = {(f.rule, f.location.line) for f in serious(lint_text(clean))}

    def new(text: str) -> list[tuple[str, str]]:
        return [
            (f.rule, f.figures[0][1].text)
            for f in serious(lint_text(text))
            if (f.rule, f.location.line) not in before
        ]

    assert new(clean.replace(anchor, anchor + "结转结余率3.74%。")) == []
    assert new(clean.replace(anchor, anchor + "结转结余率4.37%。")) == [("FL232", "4.37%")]


def test_defined_rate_needs_a_base(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    entry = {"name": "r", "rate": ["甲率"], "numerator": ["甲"]}
    with pytest.raises(RuleFileError) as e:
        parse_rates(Pack(name="p", path=path, data={"defined_rate": [entry]}))
    assert "bases" in str(e.value)
