"""Two-column prose on a PDF page is read column by column (lint/readers/pdf_columns.py); unruled
tables and one-column pages are left as they are."""

from __future__ import annotations

from lint.model import BBox
from lint.readers.pdf_columns import split_columns
from lint.readers.pdf_lines import Line

LEFT, RIGHT, SIZE = 50.0, 545.0, 10.0


def _line(top: float, *segments: tuple[float, str]) -> Line:
    """A physical line: each segment's chars 10pt wide from its x0, segments joined by a space."""
    text: list[str] = []
    boxes: list[BBox | None] = []
    for n, (x0, s) in enumerate(segments):
        if n:
            text.append(" ")
            boxes.append(None)
        for i, ch in enumerate(s):
            text.append(ch)
            boxes.append((x0 + i * SIZE, top, x0 + (i + 1) * SIZE, top + SIZE))
    inked = [b for b in boxes if b is not None]
    return Line(1, "".join(text), boxes, inked[0][0], inked[-1][2], top, top + SIZE, SIZE)


def _prose_page() -> list[Line]:
    full = "甲" * 23  # a wrapped line of a 240pt column
    return [
        _line(40, (200, "某局部门预算说明")),
        _line(70, (LEFT, "一、收入情况"), (310, "三、三公经费")),
        _line(90, (LEFT, "收入合计" + full[4:]), (310, "三公经费" + full[4:])),
        _line(110, (LEFT, full), (310, full)),
        _line(130, (LEFT, "二、支出情况"), (310, "其中接待费")),
        _line(150, (LEFT, full), (310, "四、运行经费")),
        _line(170, (LEFT, "支出完"), (310, full)),
        _line(200, (LEFT, "五、资产情况" + "乙" * 40)),
    ]


def test_two_columns_are_read_one_after_the_other() -> None:
    lines = split_columns(_prose_page(), LEFT, RIGHT)
    ordered = [ln.text for ln in sorted(lines, key=lambda ln: ln.reading_top)]
    assert ordered[0] == "某局部门预算说明"
    assert ordered[1:3] == ["一、收入情况", "收入合计" + "甲" * 19]
    assert ordered.index("支出完") < ordered.index("三、三公经费") < ordered.index("四、运行经费")
    assert ordered[-1].startswith("五、资产情况")
    right = next(ln for ln in lines if ln.text == "三、三公经费")
    assert right.column is not None and right.column[0] == 310 and right.x0 == 310
    assert all(b is not None for b in right.boxes)  # the space at the cut is dropped
    left = next(ln for ln in lines if ln.text == "支出完")
    assert left.column is not None and left.column[1] == 50 + 23 * SIZE


def test_unruled_table_halves_are_not_columns() -> None:
    """收入 label … amount | 支出 label … amount: each half holds a wide gap, so it is no prose."""
    lines = [
        _line(
            70 + 20 * i,
            (LEFT, "一般公共预算拨款收入"),
            (220, "1,100.60"),
            (310, "一般公共服务支出"),
            (480, "500.00"),
        )
        for i in range(6)
    ]
    assert split_columns(lines, LEFT, RIGHT) == lines


def test_one_column_page_is_unchanged() -> None:
    lines = [_line(70 + 20 * i, (LEFT, "丙" * 49)) for i in range(8)]
    assert split_columns(lines, LEFT, RIGHT) is lines


def test_short_form_fields_side_by_side_are_not_columns() -> None:
    """单位名称：… 联系电话：… pairs fill neither half: no prose, no split."""
    lines = [_line(70 + 20 * i, (LEFT, "单位名称：某局"), (310, "联系人：某某")) for i in range(5)]
    assert split_columns(lines, LEFT, RIGHT) == lines


def _lines_run(lines: list[Line]) -> int:
    """Lines of pdf_columns.py executed by one split_columns call (counted, never timed)."""
    import sys
    from types import FrameType
    from typing import Any

    import lint.readers.pdf_columns as mod

    count = [0]

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename != mod.__file__:
            return None
        if event == "line":
            count[0] += 1
        return tracer

    sys.settrace(tracer)
    try:
        split_columns(lines, LEFT, RIGHT)
    finally:
        sys.settrace(None)
    return count[0]


def test_gutter_search_is_linear_in_the_lines() -> None:
    """A hostile page of thousands of two-part lines: finding the gutter must not compare every gap
    with every other (×8 the lines may cost at most ×10 the work)."""
    row = ((LEFT, "甲" * 12), (310, "乙" * 3))  # gutter 170–310
    small = [_line(70 + i, *row) for i in range(50)]
    big = [_line(70 + i, *row) for i in range(400)]
    assert _lines_run(big) <= 10 * _lines_run(small)
