"""A per-vehicle average (车均/平均每辆) is an average, never one more part of the breakdown before it:
"公务用车运行维护费4.60万元，年末保有量3辆，车均运行费用1.53万元" (4.60 ÷ 3)."""

from __future__ import annotations

from conftest import lint_text, serious

CAR = (
    "一、“三公”经费\n公务用车购置及运行维护费12.60万元，其中：公务用车购置费8.00万元，购置车辆1辆；"
    "公务用车运行维护费4.60万元，年末保有量3辆，{word}{avg}万元。\n"
)


def test_per_vehicle_average_is_no_part() -> None:
    assert serious(lint_text(CAR.format(word="车均运行费用", avg="1.53"))) == []
    assert serious(lint_text(CAR.format(word="平均每辆", avg="1.53"))) == []


def test_wrong_per_vehicle_average_is_found() -> None:
    found = serious(lint_text(CAR.format(word="车均运行费用", avg="1.73")))
    assert [f.rule for f in found] == ["FL241"]
    texts = [x.text for _, x in found[0].figures]
    assert texts[:3] == ["4.60万元", "3辆", "1.73万元"]
