"""One finding per root cause (lint/checks/group.py): relations one change repairs are one finding."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

from conftest import ROOT, catalog, lint_source, serious
from test_tables import juesuan_items

from lint.checks.group import merge
from lint.engine import Options, lint_file
from lint.model import Finding, Location, Severity
from lint.report import emit
from lint.report.sarif import build

BROKEN = ROOT / "fixtures" / "broken"


def _lint(path: Path, **kw: object) -> list[Finding]:
    result = lint_file(str(path), catalog(), Options(**kw))  # type: ignore[arg-type]
    assert result.status == "ok", result.error
    return serious(result)


def test_a_wrong_share_and_the_shares_total_are_one_finding() -> None:
    # 36.61% written 36.16%: the share is wrong (FL211) and the shares add to 99.55% (FL212)
    [f] = _lint(BROKEN / "04-share-miscomputed.txt")
    assert (f.rule, f.severity) == ("FL211", Severity.ERROR)
    assert f.suggestion is not None and (f.suggestion.figure.text, f.suggestion.suggested) == (
        "36.16%",
        "36.61",
    )
    assert [(r.rule, r.severity, r.location.line) for r in f.related] == [("FL212", Severity.WARNING, 39)]


def test_a_wrong_part_seen_by_its_sum_and_its_share_is_one_finding() -> None:
    [f] = _lint(BROKEN / "05-share-stale.txt")
    assert {f.rule, *(r.rule for r in f.related)} == {"FL201", "FL211"}
    assert f.suggestion is not None and f.suggestion.suggested == "167.5"


def test_a_table_cell_seen_by_its_total_and_by_the_prose_is_one_finding() -> None:
    # 行政运行 51.32 typed 51.23 in the table: the 款 row no longer adds up (FL402) and the 说明 that
    # says 51.32 disagrees with the row (FL404); changing the cell back repairs both
    text = juesuan_items().replace("| 2013901 | 行政运行 | 51.32 |", "| 2013901 | 行政运行 | 51.23 |")
    numeric = [f for f in lint_source(text, "md") if f.rule.startswith("FL4")]
    [f] = numeric
    assert {f.rule, *(r.rule for r in f.related)} == {"FL402", "FL404"}
    assert f.suggestion is not None and (f.suggestion.figure.text, f.suggestion.suggested) == (
        "51.23",
        "51.32",
    )


def test_a_table_rate_computed_from_a_wrong_cell_is_the_same_finding() -> None:
    # 118.20 for 112.80 (digits swapped): its 执行率 94.00% (FL405) and the 合计 (FL401) both fail
    path = ROOT / "fixtures" / "tables" / "31-md-flattened-pipes-fullwidth-swapped.md"
    found = _lint(path)
    [f] = [f for f in found if f.suggestion is not None and f.suggestion.figure.text == "118.20"]
    assert {f.rule, *(r.rule for r in f.related)} == {"FL401", "FL405"}
    assert f.suggestion.suggested == "112.80"


def test_an_ignored_rule_is_not_merged_away() -> None:
    # with FL211 ignored, the shares-total stands on its own, at its own severity
    [f] = _lint(BROKEN / "04-share-miscomputed.txt", ignore=["FL211"])
    assert (f.rule, f.severity, f.related) == ("FL212", Severity.WARNING, [])


def _bare(rule: str, severity: Severity, offset: int) -> Finding:
    return Finding(rule, "x", severity, rule, Location(1, offset + 1, offset), [], candidates=[])


def test_the_merged_finding_keeps_the_highest_severity() -> None:
    from lint.model import Figure, Qualifiers, Suggestion

    fig = Figure(
        1,
        "5万元",
        Decimal(5),
        "万元",
        "money",
        Decimal(10000),
        0,
        0,
        "x",
        "x",
        Qualifiers(),
        (),
        0,
        3,
        Location(1, 1, 0),
    )
    warn, err, other = (
        _bare("FL212", Severity.WARNING, 0),
        _bare("FL211", Severity.ERROR, 9),
        _bare("FL201", Severity.ERROR, 5),
    )
    for f in (warn, err):
        f.figures = [("share", fig)]
        f.suggestion = Suggestion(fig, "5", "6", "")
    other.figures = [("total", fig)]
    other.suggestion = Suggestion(fig, "5", "7", "")  # another change: another cause
    out = merge([warn, other, err])
    assert out == [other, err]  # the warning, which came first, is listed under the error
    assert err.related == [warn] and err.severity == Severity.ERROR and other.related == []


def test_related_relations_reach_every_output() -> None:
    result = lint_file(str(BROKEN / "04-share-miscomputed.txt"), catalog(), Options())
    outputs = {}
    for fmt in ("json", "text", "html", "concise", "github", "junit"):
        buf = io.StringIO()
        emit(fmt, [result], catalog(), buf, version="0")
        outputs[fmt] = buf.getvalue()
    data = json.loads(outputs["json"])
    [f] = [x for x in data["files"][0]["findings"] if x["severity"] == "error"]
    assert [r["rule"] for r in f["related"]] == ["FL212"]
    assert f["related"][0]["severity"] == "warning" and f["related"][0]["figures"]
    assert data["summary"]["errors"] == 1 and data["summary"]["warnings"] == 0
    assert (
        "  + 同一原因: FL212 [警告] 各分项占比合计 99.55%，应为 100% @ 39:47" in outputs["text"].splitlines()
    )
    assert '<li class="related">FL212 [警告]' in outputs["html"]
    assert "FL211 error" in outputs["concise"] and "（另见 FL212）" in outputs["concise"]
    # a CI annotation and a JUnit failure list the relation of the same cause, and the figure to change
    [gh] = [x for x in outputs["github"].splitlines() if "FL211" in x.split("::")[1]]
    assert "%0A+ 同一原因: FL212 [警告] 各分项占比合计 99.55%25，应为 100%25 @ 39:47" in gh
    assert "建议" in gh or "→" in gh
    [case] = [
        c
        for c in ET.fromstring(outputs["junit"]).iter("testcase")
        if (c.get("name") or "").startswith("FL211")
    ]
    failure = case.find("failure")
    assert failure is not None and "+ 同一原因: FL212 [警告] 各分项占比合计 99.55%" in (failure.text or "")
    sarif = build([result], catalog(), lang="zh", version="0")
    [res] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FL211"]  # type: ignore[index]
    texts = [r["message"]["text"] for r in res["relatedLocations"]]
    assert any(t.startswith("FL212 [警告]") for t in texts)
    related = [r for r in res["relatedLocations"] if r["message"]["text"].startswith("FL212")]
    assert related[0]["physicalLocation"]["region"]["startLine"] == 39


def test_a_related_relation_in_a_pdf_is_placed_by_its_page() -> None:
    from lint.report._common import describe_related

    f = _bare("FL212", Severity.WARNING, 0)
    f.location = Location(339, 17, 0, page=9)
    assert describe_related(f, "zh").endswith("@ 第9页")
    assert describe_related(f, "en").endswith("@ page 9")
