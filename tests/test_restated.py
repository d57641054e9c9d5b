"""Changes on a restated basis (同口径/可比口径/剔除…因素, rules/vocabulary.toml [qualifiers] restated)
are not the change between the raw figures written beside them: never checked against that pair."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

from lint.extract import extract
from lint.model import Document

HEAD = "关于2024年预算执行情况的报告\n一、一般公共预算\n"


def _changes(text: str) -> list[str]:
    return [
        f"{f.rule}:{f.location.line}" for f in serious(lint_text(HEAD + text)) if f.rule.startswith("FL22")
    ]


@pytest.mark.parametrize(
    "said",
    [
        "剔除留抵退税因素后同口径增长7.9%",
        "按可比口径计算，增长7.9%",
        "扣除一次性因素后增长7.9%",
        "可比增长7.9%",
    ],
)
def test_a_restated_rate_is_not_checked_against_the_raw_pair(said: str) -> None:
    assert _changes(f"收入完成26.48亿元，比上年25.60亿元增长3.4%，{said}。") == []


def test_the_raw_rate_beside_it_is_still_checked() -> None:
    assert _changes("收入完成26.48亿元，比上年25.60亿元增长4.3%，同口径增长7.9%。") == ["FL222:3"]


def test_a_plain_rate_that_does_not_fit_is_still_an_error() -> None:
    assert _changes("收入完成26.48亿元，比上年25.60亿元增长7.9%。") == ["FL222:3"]


def test_a_restated_difference_is_not_checked_but_the_raw_one_is() -> None:
    text = "基金收入8.40亿元，比上年9.10亿元减收0.70亿元，扣除上年一次性收入后同口径增收0.35亿元。"
    assert _changes(text) == []
    assert _changes(text.replace("减收0.70", "减收0.60")) == ["FL221:3"]


def test_restated_is_a_qualifier_of_the_figure_only_after_its_word() -> None:
    doc = Document(path="<t>", text=HEAD + "收入26.48亿元，增长3.4%，同口径增长7.9%。", fmt="txt")
    figs = {f.text: f.qualifiers.restated for f in extract(doc).figures}
    assert figs == {"26.48亿元": False, "3.4%": False, "7.9%": True}
