"""A finding stands at the figure to fix when one change decides (lint/checks/causes.py `place`).

A reviewer, a GitHub annotation and a grader look at the finding's location: a sum whose wrong part
is on the next line, or a repeat whose first-written value is the slip, must point there; a stated
tie points at the relation's anchor (its total), since no single figure is to blame.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

from conftest import SEED_PATH, catalog, lint_text, serious

from lint.engine import Options, lint_document
from lint.model import Document, FileResult
from lint.report import emit

SEED = SEED_PATH.read_text("utf-8")

# A breakdown continued on the next line; the shares decide that 基本支出 is the slip (470 → 420).
NEXT_LINE = (
    "某县图书馆2024年度部门决算说明\n"
    "\n"
    "本年支出合计700.00万元，其中：\n"
    "基本支出470.00万元，占支出合计的60.00%；项目支出280.00万元，占支出合计的40.00%。\n"
)

# The same, without the shares: the total or either part may be the slip (a stated tie).
TIE = (
    "某县图书馆2024年度部门决算说明\n"
    "\n"
    "本年支出合计700.00万元，其中：\n"
    "基本支出470.00万元，项目支出280.00万元。\n"
)

# 培训收入 is written 130.50 in the breakdown (the slip: the total needs 103.50) and 103.50 below.
REPEAT_FIRST = (
    "某区职业学校2024年度部门决算说明\n"
    "\n"
    "本年收入合计903.50万元，其中：\n"
    "财政拨款收入760.00万元，培训收入130.50万元，其他收入40.00万元。\n"
    "\n"
    "二、培训收入情况\n"
    "本年培训收入103.50万元，主要为社会培训项目收费。\n"
)


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_seed_stays_clean() -> None:
    assert serious(lint_text(SEED)) == []


def test_a_part_on_the_next_line_is_where_the_finding_stands() -> None:
    (f,) = serious(lint_text(NEXT_LINE))
    assert f.suggestion is not None and f.suggestion.figure.text == "470.00万元"
    assert f.suggestion.suggested == "420.00"
    assert f.location.line == _line(NEXT_LINE, "基本支出470.00") == 4
    assert f.location.offset == NEXT_LINE.index("470.00万元")
    # the total keeps its own place among the figures
    totals = [x for role, x in f.figures if role == "total"]
    assert [x.location.line for x in totals] == [3]


def test_a_stated_tie_keeps_the_anchor() -> None:
    (f,) = serious(lint_text(TIE))
    assert f.suggestion is None and len(f.candidates) >= 2
    assert f.location.line == 3
    assert f.location.offset == TIE.index("700.00万元")


def test_a_tie_overruling_the_checks_own_guess_goes_back_to_the_anchor() -> None:
    # 320.00 looks like a swap of 230.00, so the sum check alone would name it; but 700.00 → 790.00
    # is as likely a slip, and the search states the tie: the finding stands at the total again
    text = TIE.replace("项目支出280.00万元", "项目支出320.00万元")
    (f,) = serious(lint_text(text))
    assert f.suggestion is None
    assert {c.figure.text for c in f.candidates} == {"700.00万元", "320.00万元"}
    assert f.location.line == 3 and f.location.offset == text.index("700.00万元")


def test_a_repeat_whose_first_value_is_the_slip_stands_at_it() -> None:
    (f,) = serious(lint_text(REPEAT_FIRST))
    assert f.suggestion is not None and f.suggestion.figure.text == "130.50万元"
    assert f.location.line == 4
    repeats = [x for x in f.related if x.rule == "FL261"]
    assert len(repeats) == 1
    (r,) = repeats
    # told from the slip: 此处 is the 130.50 of line 4, the other place line 7
    assert r.location.line == 4 and r.location.offset == REPEAT_FIRST.index("130.50万元")
    assert r.message == "培训收入 在此处为 130.50万元，但在第7行为 103.50万元"
    assert [(role, x.text) for role, x in r.figures] == [("figure", "130.50万元"), ("repeat", "103.50万元")]
    assert (r.expected, r.actual) == ("103.50", "130.50")


def test_a_repeat_whose_later_value_is_the_slip_is_unchanged() -> None:
    text = REPEAT_FIRST.replace("培训收入130.50万元", "培训收入103.50万元").replace(
        "本年培训收入103.50万元", "本年培训收入130.50万元"
    )
    (f,) = serious(lint_text(text))
    assert f.rule == "FL261" and f.location.line == 7
    assert f.message == "培训收入 在此处为 130.50万元，但在第4行为 103.50万元"


def _render(fmt: str, text: str) -> str:
    result = lint_document(Document(path="r.txt", text=text, fmt="txt"), catalog(), Options())
    assert isinstance(result, FileResult) and result.status == "ok"
    out = io.StringIO()
    emit(fmt, [result], catalog(), out, version="test")
    return out.getvalue()


def test_machine_formats_point_at_the_culprit() -> None:
    (run,) = json.loads(_render("sarif", NEXT_LINE))["runs"]
    (res,) = [r for r in run["results"] if r["level"] in ("error", "warning")]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 4 and region["charOffset"] == NEXT_LINE.index("470.00万元")
    gh = [ln for ln in _render("github", NEXT_LINE).splitlines() if ln.startswith(("::error", "::warning"))]
    assert len(gh) == 1 and ",line=4," in gh[0]
    root = ET.fromstring(_render("junit", NEXT_LINE))
    failing = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert [c.get("line") for c in failing] == ["4"]
    js = json.loads(_render("json", NEXT_LINE))
    assert "anchor" not in json.dumps(js)  # the contract's fields are unchanged


# The total is written wrong (14.30 → 14.80, one digit) and its rate worked out from it, so the only
# one-figure repair is a new number for 公务接待费 (4.70 → 5.20): no slip of the pen, weaker evidence
# than the wording; the finding stays at the total, where the check put it.
RATE_FROM_WRONG_TOTAL = (
    "某镇人民政府2024年度部门决算说明\n"
    "\n"
    "2024年度“三公”经费财政拨款支出预算为20.00万元，支出决算为14.80万元，完成预算的74.00%。其中：\n"
    "因公出国（境）费支出决算为0万元；\n"
    "公务用车购置及运行维护费支出决算为9.60万元，其中公务用车购置费0万元，公务用车运行维护费9.60万元；\n"
    "公务接待费支出决算为4.70万元，共接待15批次、90人次。\n"
)


def test_a_new_number_for_a_part_leaves_the_finding_at_the_total() -> None:
    found = serious(lint_text(RATE_FROM_WRONG_TOTAL))
    assert found, "the three parts (14.30) do not make the total 14.80"
    total_line = _line(RATE_FROM_WRONG_TOTAL, "14.80万元")
    assert {f.location.line for f in found} == {total_line}
