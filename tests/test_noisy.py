"""Noisy numbers (PDF text layers, OCR, copy-paste): read what can be read, and never let a number
read through noise carry a check."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import lint_source

from lint.extract import extract
from lint.model import Document, Figure
from lint.readers.text import read_text
from lint.structure import analyse

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "report-2024.txt"


def _read(text: str) -> Document:
    return read_text(text.encode("utf-8"), "t.txt")


def _figures(text: str) -> list[Figure]:
    doc = _read(text)
    return analyse(doc, extract(doc)).figures


def _one(text: str) -> Figure:
    found = _figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# -- noisy numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "noise"),
    [
        ("收入1 234.56万元。", "1234.56", "spaced"),
        ("收入1 234 567.89元。", "1234567.89", "spaced"),
        ("收入12 .5万元。", "12.5", "spaced"),
        ("收入为2 2.50万元。", "22.50", "spaced"),
        ("收入268.27¹万元。", "268.27", "footnote"),
        ("收入268.27[1]万元。", "268.27", "footnote"),
        ("收入268.27注1万元。", "268.27", "footnote"),
        ("收入¹268.27万元。", "268.27", "footnote"),
        ("收入1O5.00万元。", "105.00", "ocr"),
        ("收入2o.5万元。", "20.5", "ocr"),
        ("收入1〇5万元。", "105", "ocr"),
        ("收入1,O5O.00万元。", "1050.00", "ocr"),
        ("收入6,8\n60.00万元。", "6860.00", "cut"),
        ("收入１,２3４．５6万元。", "1234.56", None),  # full-width and half-width mixed: clean
        ("收入268.27万元¹。", "268.27", None),  # a mark after the unit does not touch the number
    ],
)
def test_noisy_number_is_read_and_marked_approximate(text: str, value: str, noise: str | None) -> None:
    fig = _one(text)
    assert fig.value == Decimal(value)
    assert fig.unit == "万元" or fig.unit == "元"
    assert fig.noise == noise
    assert fig.qualifiers.approx is (noise is not None)
    assert fig.label == "收入"


def test_cut_number_text_has_no_newline() -> None:
    assert _one("收入6,8\n60.00万元。").text == "6,860.00万元"


@pytest.mark.parametrize(
    "text",
    [
        "2024年 12月 收入",  # dates carry no unit
        "表1 2 3",  # no unit
        "合计 100\n200\n",  # a cell at a line end does not run on into the next line
    ],
)
def test_no_figure_made_of_noise(text: str) -> None:
    assert _figures(text) == []


def test_a_row_number_at_line_end_does_not_swallow_the_next_line() -> None:
    figs = _figures("合计 100\n200.00万元，其余0万元。")
    assert (figs[0].text, figs[0].noise) == ("200.00万元", None)


def test_seed_has_no_noisy_figure() -> None:
    doc = read_text(SEED.read_bytes(), str(SEED))
    assert doc.text == SEED.read_text("utf-8")
    assert all(f.noise is None for f in _figures(SEED.read_text("utf-8")))


# -- no check rests on a noisy figure ----------------------------------------------------------------


@pytest.mark.parametrize(
    "part",
    ["1O5.00", "1 05.00", "105.00¹", "105.00[1]", "1\n05.00"],
)
def test_a_noisy_part_never_makes_a_finding(part: str) -> None:
    # read cleanly, 105.00 would be a wrong part (100.00 + 105.00 ≠ 200.00): an error
    clean = "支出合计200.00万元，其中：基本支出100.00万元，项目支出105.00万元。"
    assert [f.rule for f in lint_source(clean)] == ["FL201"]
    assert lint_source(clean.replace("105.00", part)) == []


def test_a_noisy_total_or_rate_never_makes_a_finding() -> None:
    clean = "本年支出110.00万元，比上年100.00万元增加10.00万元，增长12.00%。"
    assert [f.rule for f in lint_source(clean)] == ["FL222"]
    for noisy in ("增长12 .00%", "增长1 2.00%", "增长12.0O%"):
        assert lint_source(clean.replace("增长12.00%", noisy)) == []


TABLE = """# 某单位2024年度部门决算说明

单位：万元

| 项目 | 金额 |
|---|---|
| 基本支出 | 105.00 |
| 项目支出 | 200.00 |
| 其他支出 | 1,000.00 |
| 合计 | 1305.00 |
"""


@pytest.mark.parametrize(
    ("clean", "noisy"), [("200.00", "2OO.00"), ("1,000.00", "1 000.00"), ("200.00", "200.00¹")]
)
def test_a_noisy_cell_is_read_and_never_checked(clean: str, noisy: str) -> None:
    assert lint_source(TABLE, "md") == []
    # a wrong column total is found with clean cells ...
    broken = TABLE.replace("1305.00", "1350.00")
    assert [f.rule for f in lint_source(broken, "md")] == ["FL401"]
    # ... and left alone when a cell it rests on is noisy (left out, the cell made a false total error)
    assert lint_source(broken.replace(f"| {clean} |", f"| {noisy} |"), "md") == []
    assert lint_source(TABLE.replace(f"| {clean} |", f"| {noisy} |"), "md") == []


def test_the_tail_of_a_number_cut_twice_is_noisy() -> None:
    fig = _figures("全年支出3 1 02.40万元。")[-1]
    assert fig.value == Decimal("2.40")
    assert fig.noise == "cut"


def test_a_leading_zero_alone_is_a_typo_not_noise() -> None:
    # the seed's 400.63 with two digits swapped: a genuine error the sum must still report
    fig = _one("项目支出040.63万元。")
    assert fig.value == Decimal("40.63") and fig.noise is None
