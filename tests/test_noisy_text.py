"""Noisy text files (PDF text layers, OCR, copy-paste): page furniture dropped, spaced-out letters
closed, every location still the file's own."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from lint.extract import extract
from lint.model import Document
from lint.readers.cuts import compose, delete_spans
from lint.readers.furniture import drop_furniture
from lint.readers.spacing import close_spacing
from lint.readers.text import read_text
from lint.structure import analyse


def _read(text: str) -> Document:
    return read_text(text.encode("utf-8"), "t.txt")


# -- cuts ----------------------------------------------------------------------------------------


def _source_offsets(source: str, spans: list[tuple[int, int]]) -> list[int]:
    gone = {i for a, b in spans for i in range(a, b)}
    return [i for i in range(len(source)) if i not in gone]


def test_delete_spans_maps_every_kept_character_back() -> None:
    source = "0123456789abcdef"
    spans = [(0, 2), (5, 6), (6, 9), (15, 16)]
    edited = delete_spans(source, spans)
    assert edited.text == "2349abcde"
    doc = Document(path="t", text=edited.text, fmt="txt", source=source, cuts=edited.cuts)
    assert [doc.source_offset(i) for i in range(len(edited.text))] == _source_offsets(source, spans)


@pytest.mark.parametrize("seed", range(20))
def test_two_edits_compose_into_one_map(seed: int) -> None:
    rng = random.Random(seed)
    source = "".join(rng.choice("ab \n") for _ in range(60))

    def spans(n: int) -> list[tuple[int, int]]:
        picks = sorted(rng.sample(range(n), min(n, 12)))
        return [(a, b) for a, b in zip(picks[::2], picks[1::2], strict=False)]

    s1 = spans(len(source))
    first = delete_spans(source, s1)
    s2 = spans(len(first.text))
    second = delete_spans(first.text, s2)
    doc = Document(
        path="t", text=second.text, fmt="txt", source=source, cuts=compose(first.cuts, second.cuts)
    )
    kept1 = _source_offsets(source, s1)
    kept2 = _source_offsets(first.text, s2)
    assert [doc.source_offset(i) for i in range(len(second.text))] == [kept1[j] for j in kept2]


# -- spaced-out letters -----------------------------------------------------------------------------

SPACED = "一、支出\n项 目 支 出 4 0 0 . 6 3 万 元 ， 增 长 1 2 . 5 % 。\n"


def test_spaced_out_letters_are_closed() -> None:
    assert close_spacing(SPACED).text == "一、支出\n项目支出400.63万元，增长12.5%。\n"


@pytest.mark.parametrize(
    "line",
    [
        "人员 5 3 2 1",  # single-digit cells of a row: no 汉字 in the run
        "a b c d e",  # Latin letters
        "合 计",  # too short a run
        "本年支出 1,210.48 万元，增长 3.8 %。",  # numbers set apart in prose, words whole
    ],
)
def test_what_is_not_spaced_out_is_left_alone(line: str) -> None:
    assert close_spacing(line).text == line


def test_closed_figures_are_exact_and_located_in_the_file() -> None:
    doc = _read(SPACED)
    figs = analyse(doc, extract(doc)).figures
    assert [(f.text, f.value, f.noise) for f in figs] == [
        ("400.63万元", Decimal("400.63"), None),
        ("12.5%", Decimal("12.5"), None),
    ]
    line = SPACED.split("\n")[1]
    assert figs[0].location.line == 2 and line[figs[0].location.column - 1 :].startswith("4 0 0")
    assert line[figs[1].location.column - 1 :].startswith("1 2 . 5")
    assert figs[0].label == "项目支出"


# -- page furniture --------------------------------------------------------------------------------

TITLE = "某县林业局2024年度部门决算说明"


@pytest.mark.parametrize(
    "furniture", ["- 2 -", "—2—", "第 2 页", "第2页 共9页", "2/9", f"{TITLE}  第 2 页 共 9 页", TITLE]
)
def test_page_furniture_inside_a_sentence_is_dropped_and_the_halves_join(furniture: str) -> None:
    text = f"{TITLE}\n\n支出合计30.00万元，其中：甲10.00万元，\n{furniture}\n乙20.00万元。\n"
    doc = _read(text)
    assert "其中：甲10.00万元，乙20.00万元。" in doc.text
    at = doc.text.index("乙")
    assert doc.location(at).line == 5 and doc.location(at).column == 1


def test_furniture_between_paragraphs_keeps_the_paragraph_break() -> None:
    text = f"{TITLE}\n一、收入\n收入10.00万元。\n- 2 -\n二、支出\n支出10.00万元。\n"
    assert _read(text).text == f"{TITLE}\n一、收入\n收入10.00万元。\n二、支出\n支出10.00万元。\n"


def test_inline_page_number_is_dropped() -> None:
    text = "差旅费3.00万元， - 3 - 邮电费4.00万元，第 3 页 共 20 页水电费5.00万元。"
    assert drop_furniture(text).text == "差旅费3.00万元， 邮电费4.00万元，水电费5.00万元。"


@pytest.mark.parametrize(
    "text",
    [
        "详见第3页。\n收入10.00万元。",  # a reference to a page, not a page number
        "合计\n3\n收入10.00万元。",  # a bare number on its line may be a cell
        "得分80 - 90 - 100分。",  # a range written with dashes
        "短标题\n短标题\n收入10.00万元。",  # a short first line is no running header
    ],
)
def test_what_is_not_furniture_stays(text: str) -> None:
    assert drop_furniture(text).text == text


def test_the_title_itself_stays() -> None:
    text = f"{TITLE}\n收入10.00万元。\n"
    assert _read(text).text == text
