"""The culprit chosen over all relations at once (lint/checks/causes.py)."""

from __future__ import annotations

from conftest import SEED_PATH, lint_text, serious

SEED = SEED_PATH.read_text("utf-8")


def _top(text: str) -> tuple[str, str] | None:
    for f in serious(lint_text(text)):
        if f.suggestion is not None:
            return f.suggestion.figure.text, f.suggestion.suggested
    return None


def test_a_figure_in_two_failing_relations_is_named() -> None:
    # 1210.48 written 1201.48 breaks both 1201.48 − 732.74 = 477.74 and 477.74 ÷ 1201.48 = 39.47%;
    # only changing it back repairs both (the difference would repair one and break the rate)
    text = SEED.replace("上年收入支出1210.48万元", "上年收入支出1201.48万元")
    assert _top(text) == ("1201.48万元", "1210.48")


def test_a_part_seen_by_its_share_and_its_sum_is_named() -> None:
    text = SEED.replace("资本性支出167.5万元", "资本性支出176.5万元")
    assert _top(text) == ("176.5万元", "167.5")


def test_a_figure_other_sources_confirm_is_never_suggested() -> None:
    # 732.74 is written five times; the change sentence's base 477.33 is the odd one
    text = SEED.replace("年初预算收入支出477.33万元", "年初预算收入支出477.38万元")
    for f in serious(lint_text(text)):
        for s in ([f.suggestion] if f.suggestion else []) + f.candidates:
            assert "732.74" not in s.figure.text


def test_equally_good_culprits_are_a_tie_not_a_guess() -> None:
    # 255.41 or 477.33 could each repair 732.74 − 477.33 = 255.41: the tool names both, picks none
    text = SEED.replace("多255.41万元", "多255.51万元")
    (f,) = serious(lint_text(text))
    assert f.suggestion is None
    assert {c.figure.text for c in f.candidates} >= {"255.51万元"}
    assert len(f.candidates) >= 2


def test_a_tie_is_shown_as_such() -> None:
    from lint.report._common import describe_suggestion

    text = SEED.replace("多255.41万元", "多255.51万元")
    (f,) = serious(lint_text(text))
    said = describe_suggestion(f, "zh")
    assert said is not None and "无法确定" in said and "255.51 → 255.41" in said


def test_a_short_figure_its_own_label_confirms_twice_is_not_a_candidate() -> None:
    # 公用经费 45.63 ≠ Σ items 45.81: 差旅费5.64 (→5.46) or 维修费3.20 (→3.02) could be the slip, but
    # 公务用车运行维护费6.75 is written again, under the same label, in the 三公 section (with its
    # 决算 6.75): two other places confirm it, so it is never offered as the figure to change
    from conftest import ROOT

    path = ROOT / "fixtures" / "provinces" / "hunan-lanjiang-shuili-2019-juesuan.txt"
    (f,) = serious(lint_text(path.read_text("utf-8")))
    offered = [(c.figure.text, c.suggested) for c in f.candidates]
    assert offered == [("5.64万元", "5.46"), ("3.20万元", "3.02")]
