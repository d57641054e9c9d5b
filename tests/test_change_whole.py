"""A change written after a breakdown may be the whole's: "“三公”经费预算12.80万元，其中公务接待费4.80万元，
公务用车运行维护费8.00万元，与上年相比减少1.20万元，下降8.57%" (1.20 ÷ 14.00, not ÷ 9.20)."""

from __future__ import annotations

from conftest import lint_text, serious

SANGONG = (
    "二、“三公”经费预算\n"
    "2024年“三公”经费预算12.80万元，其中公务接待费4.80万元，公务用车运行维护费8.00万元，"
    "与上年相比减少1.20万元，下降{rate}%。\n"
)


def _serious(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.figures[0][1].text if f.figures else "") for f in serious(lint_text(text))]


def test_change_of_the_whole_after_its_parts() -> None:
    assert _serious(SANGONG.format(rate="8.57")) == []


def test_change_of_the_last_part_still_reads() -> None:
    assert _serious(SANGONG.format(rate="13.04")) == []


def test_rate_fitting_neither_reading_is_an_error() -> None:
    found = serious(lint_text(SANGONG.format(rate="9.57")))
    assert [f.rule for f in found] == ["FL222"]
    texts = [x.text for _, x in found[0].figures]
    assert "9.57%" in texts and "1.20万元" in texts
    assert found[0].location.line == 2


def test_rate_nearest_the_whole_names_the_whole() -> None:
    # 9.57% is one slip from the whole's 8.57%, far from the last part's 13.04%: the finding says so
    found = serious(lint_text(SANGONG.format(rate="9.57")))
    texts = [x.text for _, x in found[0].figures]
    assert "12.80万元" in texts and "8.00万元" not in texts
    assert found[0].suggestion is not None and found[0].suggestion.suggested == "8.57"


def test_rate_nearest_the_last_part_names_the_part() -> None:
    found = serious(lint_text(SANGONG.format(rate="14.04")))
    assert [f.rule for f in found] == ["FL222"]
    texts = [x.text for _, x in found[0].figures]
    assert "8.00万元" in texts and "12.80万元" not in texts
    assert found[0].suggestion is not None and found[0].suggestion.suggested == "13.04"
