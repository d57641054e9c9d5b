"""“三公”经费合计 is the 三公经费 of the identity: a total written after its three items is checked."""

from __future__ import annotations

from conftest import lint_text, serious

TEXT = (
    "一、“三公”经费\n因公出国（境）费支出0万元，公务接待费支出1.20万元（国内接待1.20万元，外事接待0万元），"
    "公务用车购置及运行维护费支出2.30万元（购置0万元，运行维护2.30万元）。“三公”经费{word}{total}万元。\n"
)


def test_sangong_heji_that_adds_up_is_quiet() -> None:
    assert serious(lint_text(TEXT.format(word="合计", total="3.50"))) == []
    assert serious(lint_text(TEXT.format(word="支出合计", total="3.50"))) == []


def test_sangong_heji_off_its_items_is_found() -> None:
    found = serious(lint_text(TEXT.format(word="合计", total="3.80")))
    assert [f.rule for f in found] == ["FL271"]
    assert found[0].figures[0][1].text == "3.80万元"
    assert found[0].location.line == 2
