"""Labels that are only an action (调整为/追加/调增) or a target bound (≥/≤) name no thing of their own:
figures of different items must not meet as repeats (FL261), while a real repeat still does."""

from __future__ import annotations

from conftest import lint_text, serious

from lint.extract import extract
from lint.model import Document

HEAD = "关于某县2024年预算执行情况的报告\n一、一般公共预算\n"


def _repeats(text: str) -> list[tuple[int, list[str]]]:
    return [
        (f.location.line, sorted(g.text for _, g in f.figures))
        for f in serious(lint_text(HEAD + text))
        if f.rule == "FL261"
    ]


def _labels(text: str) -> dict[str, tuple[str, str | None]]:
    doc = Document(path="<t>", text=HEAD + text, fmt="txt")
    return {f.text: (f.label, f.qualifiers.stage) for f in extract(doc).figures}


ADJUSTED = (
    "一般公共预算收入年初预算为9,600万元，年中调整为9,850万元。\n"
    "一般公共预算支出年初预算为21,400万元，年中调整为23,180万元。\n"
)


def test_adjusted_to_is_the_adjusted_budget_of_the_sentence_subject() -> None:
    labels = _labels(ADJUSTED)
    assert labels["9,850万元"] == ("一般公共预算收入", "adjusted")
    assert labels["23,180万元"] == ("一般公共预算支出", "adjusted")


def test_two_items_adjusted_in_two_sentences_are_not_a_repeat() -> None:
    assert _repeats(ADJUSTED) == []


def test_an_adjusted_budget_written_again_differently_is_a_repeat() -> None:
    text = ADJUSTED + "二、小结\n一般公共预算支出调整预算为23,810万元。"
    assert _repeats(text) == [(6, ["23,180万元", "23,810万元"])]


def test_a_label_ending_in_an_action_names_nothing() -> None:
    # the thing adjusted is the subject of another sentence; "年内根据财力状况下调" is no name of it
    assert _labels("年内根据财力状况下调180万元。")["180万元"][0] == ""


def test_targets_with_different_measure_words_are_not_repeats() -> None:
    text = "产出数量指标目标值≥2,400户，产出数量指标目标值≥8个。\n年度指标实际完成值为2,436户；年度指标实际完成值为8个。"
    assert _repeats(text) == []
    labels = _labels(text)
    assert labels["2,400户"][0] == "产出数量指标目标值"


def test_a_count_written_twice_differently_with_one_measure_word_is_a_repeat() -> None:
    text = "全县完成农村改厕户数为2,436户。\n二、小结\n全县完成农村改厕户数为2,463户。"
    assert [line for line, _ in _repeats(text)] == [5]
