"""The balance identity (issue 12 item 11): 年末结转结余 = 年初结转结余 + 收入 − 支出, in the 财政拨款
scope (exact, FL271) and over all funds (FL272: 结余分配 / 使用非财政拨款结余 may be left out when nil).
The scope of the four figures must match, and a missing subtracted part means no check at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, serious

from lint.extract import extract
from lint.model import Document, Finding

ROOT = Path(__file__).resolve().parent.parent
HEAD = "2024年度部门决算情况说明\n"


def _balance(text: str) -> list[Finding]:
    return [f for f in serious(lint_text(HEAD + text)) if f.rule in ("FL271", "FL272")]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        (
            "一、财政拨款收入支出决算总体情况\n财政拨款年初结转结余30.00万元，本年财政拨款收入900.00万元，"
            "本年财政拨款支出880.00万元，年末财政拨款结转结余60.00万元。",
            "60.00万元",
        ),
        (
            "二、财政拨款收支情况\n本年度财政拨款收入1,204.36万元。年初财政拨款结转和结余18.20万元。"
            "本年财政拨款支出1,190.04万元，年末财政拨款结转和结余23.52万元。",
            "23.52万元",
        ),
        (
            "三、财政拨款结转结余情况\n财政拨款年初结转和结余12.00万元；财政拨款收入310.50万元；"
            "财政拨款支出316.10万元；财政拨款年末结转和结余5.40万元。",
            "5.40万元",
        ),
    ],
)
def test_grant_balance_that_does_not_close_is_an_error(text: str, total: str) -> None:
    found = _balance(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.rule == "FL271"
    assert "grant_balance" in f.message
    roles = {r for r, _ in f.figures}
    assert roles == {"total", "part", "minus"}
    assert total in [g.text for r, g in f.figures if r == "total"]


@pytest.mark.parametrize(
    "text",
    [
        "一、财政拨款收入支出决算总体情况\n财政拨款年初结转结余30.00万元，本年财政拨款收入900.00万元，"
        "本年财政拨款支出880.00万元，年末财政拨款结转结余50.00万元。",
        # rounding: 12.005 + 310.495 − 316.105 may be 6.395 → 6.40
        "三、财政拨款\n年初财政拨款结转和结余12.00万元，本年财政拨款收入310.50万元，本年财政拨款支出316.10万元，"
        "年末财政拨款结转和结余6.40万元。",
        # the subtracted part is not written: nothing can be said
        "一、财政拨款\n财政拨款年初结转结余30.00万元，本年财政拨款收入900.00万元，年末财政拨款结转结余60.00万元。",
        # two scopes: all funds at the start, 财政拨款 at the end — never combined
        "一、收入支出决算总体情况\n年初结转和结余30.00万元，本年收入合计900.00万元，本年支出合计880.00万元。\n"
        "二、财政拨款收入支出决算总体情况\n年末财政拨款结转和结余60.00万元。",
        # all funds with a 结余分配 written: 150 + 1100 − 1080 − 10 = 160
        "一、收入支出决算总体情况\n本年收入合计1,100.00万元，本年支出合计1,080.00万元，结余分配10.00万元。"
        "年初结转和结余150.00万元，年末结转和结余160.00万元。",
        # budget stage (预算 reports carry 上年结转 as income, no 年末): not this identity's figures
        "一、收入支出预算总体情况\n2025年收入预算1,100.00万元，支出预算1,250.00万元，上年结转150.00万元。",
    ],
)
def test_balances_that_close_or_cannot_be_checked_are_clean(text: str) -> None:
    assert _balance(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "一、收入支出决算总体情况\n本年收入合计1,100.00万元，本年支出合计1,080.00万元。年初结转和结余150.00万元，"
        "年末结转和结余180.00万元。",
        "一、收入支出决算总体情况\n年末结转和结余180.00万元。年初结转结余150.00万元，本年收入合计1,100.00万元，"
        "本年支出合计1,080.00万元。",
    ],
)
def test_all_funds_balance_is_a_warning_naming_the_parts_it_assumed_nil(text: str) -> None:
    found = _balance(text)
    assert [f.rule for f in found] == ["FL272"]
    assert "结余分配" in found[0].message
    assert found[0].expected == "170.00"


@pytest.mark.parametrize(
    ("fixture", "old", "new", "figure"),
    [
        # a transposed closing balance in a Hunan 决算
        (
            "provinces/hunan-lanjiang-shuili-2019-juesuan.txt",
            "年末财政拨款结转和结余39.20万元",
            "年末财政拨款结转和结余39.02万元",
            "39.02万元",
        ),
        # a transposed spending figure in a Liaoning 决算: found, and named as the likely culprit
        (
            "provinces/liaoning-liaotun-jiaoyu-2017-juesuan.txt",
            "本年财政拨款支出24,382.91万元",
            "本年财政拨款支出24,382.19万元",
            "24,382.19万元",
        ),
    ],
)
def test_broken_fixture_balance_is_found_at_the_figure(fixture: str, old: str, new: str, figure: str) -> None:
    clean = (ROOT / "fixtures" / fixture).read_text(encoding="utf-8")
    assert old in clean
    before = {(f.rule, f.location.line) for f in serious(lint_text(clean))}
    found = [
        f for f in serious(lint_text(clean.replace(old, new))) if (f.rule, f.location.line) not in before
    ]
    assert [f.rule for f in found] == ["FL271"]
    assert figure in [g.text for _, g in found[0].figures]
    assert "grant_balance" in found[0].message
    if found[0].suggestion is not None and figure.startswith("24"):
        assert found[0].suggestion.suggested == "24382.91"


def test_optional_must_name_a_part(tmp_path: Path) -> None:
    from lint.catalog import Pack
    from lint.errors import RuleFileError
    from lint.identities import parse_identities

    entry = {"name": "bal", "total": ["甲"], "parts": [["乙"], ["−丙"]], "optional": ["丁"]}
    path = tmp_path / "p.toml"
    path.write_text(
        '[[identity]]\nname = "bal"\ntotal = ["甲"]\nparts = [["乙"], ["−丙"]]\noptional = ["丁"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as e:
        parse_identities(Pack(name="p", path=path, data={"identity": [entry]}))
    assert "'丁'" in str(e.value) and e.value.line_no == 5
    entry["optional"] = ["乙"]
    (ident,) = parse_identities(Pack(name="p", path=path, data={"identity": [entry]}))
    assert ident.optional == ("乙",)


# -- optional ("maybe") parts: tried with and without before reporting --------------------------

TOTALS = "2023年全市财政总决算说明\n一、一般公共预算\n收入总计500.00亿元。支出总计470.00亿元。"


def test_total_accounts_write_expenditure_before_the_year_end_balance() -> None:
    # 收入总计 = 支出总计 + 年终结转结余: the reading with the optional part holds
    assert _balance(TOTALS + "收支相抵，年终结转结余30.00亿元。") == []


def test_year_end_balance_that_fits_no_reading_is_an_error() -> None:
    found = _balance(TOTALS + "收支相抵，年终结转结余33.00亿元。")
    assert [f.rule for f in found] == ["FL271"]
    assert "grand_balance" in found[0].message
    assert {g.text for _, g in found[0].figures} == {"500.00亿元", "470.00亿元", "33.00亿元"}


def test_without_the_optional_part_the_two_totals_must_agree() -> None:
    found = _balance("一、收入支出决算总体情况\n收入总计500.00万元。支出总计470.00万元。")
    assert [f.rule for f in found] == ["FL271"]
    assert {g.text for _, g in found[0].figures} == {"500.00万元", "470.00万元"}


def test_a_total_that_includes_the_optional_part_is_read_with_it() -> None:
    # a 部门决算 whose 支出总计 already holds 年末…; a written optional part need not be left out
    text = "一、收入支出决算总体情况\n收入总计500.00万元，支出总计500.00万元。年终结转结余30.00万元。"
    assert _balance(text) == []


def test_fund_offset_is_an_optional_income_of_the_all_funds_balance() -> None:
    text = (
        "一、收入支出决算总体情况\n本年收入合计1,000.00万元，用事业基金弥补收支差额40.00万元，年初结转和结余100.00万元。"
        "本年支出合计1,090.00万元，年末结转和结余{end}万元。"
    )
    assert _balance(text.format(end="50.00")) == []
    found = _balance(text.format(end="60.00"))
    assert [f.rule for f in found] == ["FL272"]
    assert "40.00万元" in [g.text for _, g in found[0].figures]


def test_parts_listed_after_the_total_is_named_again_keep_their_own_labels() -> None:
    # "支出总计包括本年支出合计…": the part is 本年支出合计, not 支出总计包括支出合计
    text = (
        HEAD
        + "收入总计500.00万元，支出总计500.00万元。\n支出总计包括本年支出合计460.00万元、年末结转和结余40.00万元。"
    )
    labels = {f.text: f.label for f in extract(Document(path="<t>", text=text, fmt="txt")).figures}
    assert labels["460.00万元"] == "支出合计"
    assert _balance(text) == []
    found = _balance(text.replace("年末结转和结余40.00", "年末结转和结余50.00"))
    assert [f.rule for f in found] == ["FL271"]
    assert "expend_grand" in found[0].message


@pytest.mark.parametrize("word", ["年终结转", "结转下年"])
def test_the_year_end_carry_over_has_several_names(word: str) -> None:
    assert _balance(TOTALS + f"收支相抵，{word}30.00亿元。") == []
    assert [f.rule for f in _balance(TOTALS + f"收支相抵，{word}33.00亿元。")] == ["FL271"]


def test_two_different_year_end_figures_leave_the_identity_unread() -> None:
    # 年终结转结余 and its 其中 结转下年支出 are two readings of the part: no guess between them
    text = TOTALS + "收支相抵，年终结转结余30.00亿元，其中结转下年支出28.00亿元，净结余2.00亿元。"
    assert _balance(text) == []
