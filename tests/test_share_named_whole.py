""" "授予中小企业合同金额598.36万元，占政府采购支出总额的93.09%，其中授予小微企业合同金额431.20万元，占67.08%":
the second 占 names no whole. The part is inside 中小企业's breakdown, but the sentence has just named its
whole (政府采购支出总额), and templates write the 小微 share of that total; either whole is a plausible
reading, so only a share that fits neither is found. Texts in our own words."""

from __future__ import annotations

from conftest import lint_text, serious

HEAD = "某小学2023年度单位决算\n二、政府采购支出情况\n"


def _shares(text: str) -> list:  # type: ignore[type-arg]
    return [f for f in serious(lint_text(HEAD + text)) if f.rule.startswith("FL21")]


BODY = (
    "2023年度政府采购支出总额642.80万元，其中：政府采购货物支出215.60万元、政府采购工程支出318.00万元、"
    "政府采购服务支出109.20万元。授予中小企业合同金额598.36万元，占政府采购支出总额的93.09%，"
    "其中授予小微企业合同金额431.20万元，占{}。\n"
)


def test_a_bare_share_of_the_whole_the_sentence_named_is_silent() -> None:
    assert _shares(BODY.format("67.08%")) == []


def test_a_bare_share_of_its_breakdown_total_is_silent() -> None:
    assert _shares(BODY.format("72.06%")) == []


def test_a_bare_share_that_fits_neither_whole_is_found() -> None:
    (f,) = _shares(BODY.format("76.08%"))
    assert {role: g.text for role, g in f.figures}["share"] == "76.08%"
