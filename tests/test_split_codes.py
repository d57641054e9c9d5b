"""A 科目编码 split into 类 | 款 | 项 columns where each row writes only its own part: a 款 row leaves
类 blank, a 项 row 类 and 款. Each row inherits the blank leading parts from the rows above, so the
科目 levels (类 = Σ款, 款 = Σ项) are checked as in a table that writes whole codes."""

from __future__ import annotations

from pathlib import Path

from conftest import catalog

from lint.engine import Options, lint_file
from lint.model import Severity

ROWS = [
    ("", "", "", "合计", "300.00"),
    ("208", "", "", "社会保障和就业支出", "180.00"),
    ("", "05", "", "行政事业单位养老支出", "180.00"),
    ("", "", "05", "机关事业单位基本养老保险缴费支出", "{a}"),
    ("", "", "06", "机关事业单位职业年金缴费支出", "60.00"),
    ("221", "", "", "住房保障支出", "120.00"),
    ("", "02", "", "住房改革支出", "120.00"),
    ("", "", "01", "住房公积金", "120.00"),
]


def _page(a: str) -> str:
    head = (
        '<tr><td colspan="3">科目编码</td><td rowspan="2">科目名称</td><td>本年支出</td></tr>'
        "<tr><td>类</td><td>款</td><td>项</td><td>合计</td></tr>"
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS).format(a=a)
    return (
        "<html><body><p>某单位2024年度部门决算说明</p><p>一般公共预算财政拨款支出决算表</p>"
        f"<p>单位：万元</p><table>{head}{body}</table></body></html>"
    )


def _serious(tmp_path: Path, a: str) -> list[tuple[str, str]]:
    path = tmp_path / "t.html"
    path.write_text(_page(a), encoding="utf-8")
    result = lint_file(str(path), catalog(), Options())
    out = []
    for f in result.findings:
        for g in [f, *f.related]:
            if g.severity >= Severity.WARNING:
                out.append((g.rule, g.message))
    return out


def test_split_codes_clean(tmp_path: Path) -> None:
    assert _serious(tmp_path, "120.00") == []


def test_split_codes_item_level_sum(tmp_path: Path) -> None:
    found = _serious(tmp_path, "102.00")
    rules = {rule for rule, _ in found}
    assert "FL402" in rules
    message = next(m for rule, m in found if rule == "FL402" and "20805 " in m)
    assert "180.00" in message and "162.00" in message  # 款 20805 = 102.00 + 60.00 written as 180.00
    assert "2080505" in message and "2080506" in message
