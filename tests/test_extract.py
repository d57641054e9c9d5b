"""Extraction patterns: what is a figure, its value, unit, label, qualifiers and role."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lint.extract import extract
from lint.model import Document, Figure
from lint.structure import analyse


def figures(text: str) -> list[Figure]:
    doc = Document(path="<t>", text=text, fmt="txt")
    return analyse(doc, extract(doc)).figures


def one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "dimension", "base"),
    [
        ("支出７３２．７４万元。", "732.74", "万元", "money", "7327400"),
        ("上年支出1,210.48万元。", "1210.48", "万元", "money", "12104800"),
        ("增长3.8 %。", "3.8", "%", "percent", "3.8"),
        ("人均13980 元。", "13980", "元", "money", "13980"),
        ("拨款10万，用于培训。", "10", "万", "money", "100000"),
        ("实有二十六人。", "26", "人", "people", "26"),
        ("服务群众2.3万人次。", "2.3", "万人次", "people", "23000"),
        ("资金5亿元。", "5", "亿元", "money", "500000000"),
        ("下降2个百分点。", "2", "个百分点", "points", "2"),
        ("得分95分。", "95", "分", "score", "95"),
    ],
)
def test_value_unit_dimension(text: str, value: str, unit: str, dimension: str, base: str) -> None:
    f = one(text)
    assert f.value == Decimal(value)
    assert f.unit == unit
    assert f.dimension == dimension
    assert f.base_value == Decimal(base)


def test_offsets_point_at_the_number_and_columns_are_one_based() -> None:
    text = "一、概况\n基本支出为332.11万元。"
    f = one(text)
    assert text[f.start : f.end] == "332.11万元"
    assert (f.location.line, f.location.column) == (2, 6)


def test_written_precision_and_document_precision() -> None:
    found = figures("甲1.25万元，乙3.50万元，丙2.20万元，租赁费5万元。")
    rent = found[-1]
    assert rent.decimals == 0
    assert rent.precision == 2  # SPEC §4: a 2-decimal 万元 document


@pytest.mark.parametrize(
    "text",
    [
        "2024年度部门决算。",
        "2025年7月16日",
        "财预〔2020〕10号文件",
        "全区12345公共服务热线。",
        "科目编码2013901。",
        "第3期培训班。",
        "一、部门基本情况",
        "（1）会议费",
        "4.财政拨款收入、支出分析",
        "按照“五个一”工作体系",
        "中央八项规定精神",
        "一次性补助",
    ],
)
def test_not_figures(text: str) -> None:
    assert [f.text for f in figures(text) if f.dimension in ("money", "percent", "people")] == []
    assert [
        f.text for f in figures(text) if f.dimension == "count" and f.value > 1 and "一" not in f.text
    ] == []


def test_negative_numbers_and_direction_words() -> None:
    found = figures("与上年相比减少477.74万元，降幅39.47%；收支差额-3.5万元。")
    diff, rate, neg = found
    assert (diff.role, diff.direction) == ("difference", -1)
    assert (rate.role, rate.direction) == ("rate", -1)
    assert neg.value == Decimal("-3.5")


@pytest.mark.parametrize(
    "text", ["约100万元。", "近5000家企业。", "100余万元。", "100多万元。", "50万元以上。", "30万元左右。"]
)
def test_approximate_figures_are_marked(text: str) -> None:
    assert one(text).qualifiers.approx


def test_labels_and_qualifiers() -> None:
    found = figures(
        "2024年决算收入支出为732.74万元，比年初预算收入支出477.33万元多255.41万元。"
        "“三公经费”预算安排0.79万元；三公经费实际支出0.14万元。商品服务支出296.52万元。"
    )
    by_text = {f.text: f for f in found}
    cur = by_text["732.74万元"]
    assert (cur.label, cur.qualifiers.stage, cur.qualifiers.period) == ("收入支出", "final", "current")
    base = by_text["477.33万元"]
    assert (base.label, base.role, base.qualifiers.stage) == ("收入支出", "base", "initial")
    assert by_text["0.79万元"].label == by_text["0.14万元"].label == "三公经费"
    assert by_text["0.79万元"].qualifiers.stage == "budget"
    assert by_text["0.14万元"].qualifiers.stage == "final"
    assert by_text["296.52万元"].label == "商品和服务支出"  # synonym from rules/vocabulary.toml


def test_fund_words_are_not_a_budget_stage() -> None:
    f = one("一般公共预算财政拨款基本支出105.58万元。")
    assert f.qualifiers.fund == "一般公共预算"
    assert f.qualifiers.stage != "budget"


def test_count_label_follows_the_number() -> None:
    found = figures("推动17个“高效办成一件事”事项全部进驻，共推动26个区直部门打通。")
    assert found[0].label == "高效办成一件事"
    assert found[1].label.startswith("区直部门")
