"""Averages on the right count (issue 12 item 8): "9批次63人次，平均每批次…" is per 批次, "人均" per 人次;
an average naming no unit may be per any count of its sentence."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

HEAD = "2024年度部门决算情况说明\n公务接待费支出决算6.30万元，共接待9批次63人次，"


def _found(tail: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.figures[-1][1].text, f.expected or "") for f in serious(lint_text(HEAD + tail))]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("人均接待费用0.70万元。", [("FL241", "0.70万元", "0.10")]),
        ("平均每批次0.10万元。", [("FL241", "0.10万元", "0.70")]),
        ("平均每批次0.70万元。", []),
        ("人均接待费用0.10万元。", []),
        ("平均0.70万元。", []),
        ("平均0.50万元。", [("FL241", "0.50万元", "0.10")]),
    ],
)
def test_average_per_the_count_it_names(tail: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(tail) == expected
