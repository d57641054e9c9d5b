"""A label glossed in brackets ("城乡社区支出（国有土地使用权出让收入安排的支出）21,840.00万元") is too long
to keep whole; cutting it must not leave the gloss's tail with its closing bracket ("支出)") as a label:
two glossed items of one list would then read as one fact written twice (FL261). Texts in our own words."""

from __future__ import annotations

from conftest import lint_text, serious

from lint.extract.labels import label_reader
from lint.vocab import default_vocabulary


def test_a_cut_gloss_leaves_no_closing_bracket_in_the_label() -> None:
    reader = label_reader(default_vocabulary())
    for clause in (
        "其中：城乡社区支出（国有土地使用权出让收入安排的支出）",
        "；交通运输支出（车辆通行费安排的支出）",
    ):
        label = reader.read(clause).label
        assert ")" not in label and "）" not in label, label


def test_two_glossed_items_of_one_list_are_not_repeats() -> None:
    text = (
        "某市交通运输局2025年部门预算\n二、政府性基金预算支出情况\n"
        "2025年政府性基金预算拨款支出28,640.00万元。其中：城乡社区支出（国有土地使用权出让收入安排的支出）"
        "21,840.00万元；交通运输支出（车辆通行费安排的支出）6,800.00万元。\n"
    )
    assert [f for f in serious(lint_text(text)) if f.rule == "FL261"] == []
