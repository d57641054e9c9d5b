"""The report emitters, on FileResults built by hand from the model (no readers, no rule packs)."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len

from lint.catalog import Catalog, RuleDef
from lint.errors import UsageError
from lint.model import (
    Document,
    Figure,
    FileResult,
    Finding,
    Location,
    Qualifiers,
    Severity,
    Suggestion,
)
from lint.report import FORMATS, emit, emit_figures_json
from lint.report._common import rel_posix
from lint.report.fingerprint import fingerprints
from lint.report.github import escape_data, escape_property

SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")
VERSION = "9.9.9"

TEXT = (
    "一、部门决算情况\n"
    "本年支出合计732.74万元，其中基本支出332.11万元。\n"
    "项目支出400.53万元。\n"
    "“三公”经费0.14万元，平均每人139.4元。\n"
)


def _rule(code: str, name: str, family: str, severity: Severity) -> RuleDef:
    return RuleDef(
        code=code,
        name=name,
        family=family,
        severity=severity,
        pack="test",
        summary_zh=f"{name} 摘要",
        summary_en=f"{name} summary",
        message_zh="{label}",
        message_en="{label}",
        doc_zh=f"{name} 的说明文档",
        doc_en=f"{name} documentation",
    )


CATALOG = Catalog(
    packs=[],
    rules={
        r.code: r
        for r in (
            _rule("FL201", "sum-mismatch", "sum", Severity.ERROR),
            _rule("FL301", "average-mismatch", "average", Severity.WARNING),
            _rule("FL501", "repeat-rounding", "repeat", Severity.INFO),
            _rule("FL999", "unused-rule", "text", Severity.ERROR),
        )
    },
)


def _figure(
    doc: Document, number: str, unit: str, label: str, *, nth: int = 0, page: int | None = None
) -> Figure:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(number + unit, start + 1)
    end = start + len(number + unit)
    loc = doc.location(start, end)
    if page is not None:
        loc = Location(loc.line, loc.column, loc.offset, page, (10.0, 20.0, 30.0, 40.0))
    return Figure(
        id=start,
        text=number + unit,
        value=Decimal(number),
        unit=unit,
        dimension="money",
        scale=Decimal(10000 if unit == "万元" else 1),
        decimals=2,
        precision=2,
        label=label,
        raw_label=label,
        qualifiers=Qualifiers(),
        section=("一",),
        start=start,
        end=end,
        location=loc,
    )


def _seed() -> list[FileResult]:
    doc = Document(path="reports/决算.txt", text=TEXT, fmt="txt")
    total = _figure(doc, "732.74", "万元", "支出合计")
    basic = _figure(doc, "332.11", "万元", "基本支出")
    project = _figure(doc, "400.53", "万元", "项目支出", page=2)
    three = _figure(doc, "0.14", "万元", "“三公”经费")
    avg = _figure(doc, "139.4", "元", "平均每人")
    sum_err = Finding(
        rule="FL201",
        name="sum-mismatch",
        severity=Severity.ERROR,
        message="支出合计732.74万元 ≠ 各项之和 732.64万元（差 0.10万元）",
        location=total.location,
        figures=[("total", total), ("part", basic), ("part", project)],
        expected="732.64",
        actual="732.74",
        arithmetic="332.11 + 400.53 = 732.64 ≠ 732.74",
        suggestion=Suggestion(project, "400.53", "400.63", "数字 5/6 疑似笔误"),
    )
    avg_warn = Finding(
        rule="FL301",
        name="average-mismatch",
        severity=Severity.WARNING,
        message="平均每人139.4元 与 0.14万元/10人 不符",
        location=avg.location,
        figures=[("average", avg), ("total", three)],
        expected="140",
        actual="139.4",
        arithmetic="1400 / 10 = 140 ≠ 139.4",
    )
    info = Finding(
        rule="FL501",
        name="repeat-rounding",
        severity=Severity.INFO,
        message="基本支出 尾差",
        location=basic.location,
        figures=[("repeat", basic)],
    )
    # Deliberately out of order: the emitters sort most serious first.
    ok = FileResult(path="reports/决算.txt", status="ok", findings=[info, avg_warn, sum_err], document=doc)
    clean = FileResult(
        path="reports/clean.txt", status="ok", document=Document("reports/clean.txt", "无数字。", "txt")
    )
    bad = FileResult(path="reports/broken.pdf", status="error", error="not a readable PDF")
    return [ok, clean, bad]


def _hostile() -> list[FileResult]:
    text = "说明<script>alert(1)</script>金额5.00万元，100%, a:b\n"
    doc = Document(path="evil, a:b.txt", text=text, fmt="txt")
    fig = _figure(doc, "5.00", "万元", "金额<b>")
    finding = Finding(
        rule="FL201",
        name="sum-mismatch",
        severity=Severity.ERROR,
        message="<script>alert(1)</script> 100% [bold]x[/bold]\nsecond line",
        location=fig.location,
        figures=[("total", fig)],
        arithmetic="<script>alert(1)</script>",
    )
    return [FileResult(path="evil, a:b.txt", status="ok", findings=[finding], document=doc)]


def _render(fmt: str, results: list[FileResult] | None = None, **kw: object) -> str:
    out = io.StringIO()
    emit(fmt, _seed() if results is None else results, CATALOG, out, version=VERSION, **kw)  # type: ignore[arg-type]
    return out.getvalue()


# ---------------------------------------------------------------- api


def test_formats_and_unknown_format() -> None:
    assert FORMATS == ("text", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
    for fmt in FORMATS:
        assert _render(fmt).strip()
    with pytest.raises(UsageError, match="yaml"):
        _render("yaml")


# ---------------------------------------------------------------- json


LOCATION_KEYS = {"line", "column", "offset", "page", "bbox"}
SPEC_FINDING_KEYS = {
    "rule",
    "name",
    "severity",
    "message",
    "location",
    "figures",
    "expected",
    "actual",
    "suggestion",
}


def test_json_envelope_matches_spec() -> None:
    raw = _render("json")
    assert "支出合计" in raw  # ensure_ascii=False
    assert raw.startswith('{\n  "tool"')  # indent=2
    data = json.loads(raw)
    assert list(data) == ["tool", "files", "summary"]
    assert data["tool"] == {"name": "fiscal-lint", "version": VERSION}
    assert data["summary"] == {"files": 3, "errors": 1, "warnings": 1, "infos": 1}
    files = data["files"]
    assert [f["path"] for f in files] == ["reports/决算.txt", "reports/clean.txt", "reports/broken.pdf"]
    for f in files:
        assert set(f) == {"path", "status", "error", "findings"}
    ok, clean, bad = files
    assert (ok["status"], ok["error"]) == ("ok", None)
    assert (clean["status"], clean["error"], clean["findings"]) == ("ok", None, [])
    assert (bad["status"], bad["error"], bad["findings"]) == ("error", "not a readable PDF", [])

    assert [x["severity"] for x in ok["findings"]] == ["error", "warning", "info"]
    first = ok["findings"][0]
    # the model adds the arithmetic shown and how certain the reading is
    assert set(first) == SPEC_FINDING_KEYS | {"arithmetic", "confidence", "candidates", "related"}
    assert first["related"] == []
    assert first["confidence"] in ("explicit", "inferred")
    assert (first["rule"], first["name"], first["expected"], first["actual"]) == (
        "FL201",
        "sum-mismatch",
        "732.64",
        "732.74",
    )
    assert set(first["location"]) == LOCATION_KEYS
    offset = TEXT.index("732.74")
    assert first["location"] == {
        "line": 2,
        "column": offset - TEXT.index("本年") + 1,
        "offset": offset,
        "page": None,
        "bbox": None,
    }
    assert [(g["role"], g["label"], g["value"], g["unit"]) for g in first["figures"]] == [
        ("total", "支出合计", "732.74", "万元"),
        ("part", "基本支出", "332.11", "万元"),
        ("part", "项目支出", "400.53", "万元"),
    ]
    for g in first["figures"]:
        assert {"text", "label", "value", "unit", "role", "location"} <= set(g)
        assert isinstance(g["value"], str)
    assert first["figures"][2]["location"]["page"] == 2
    assert first["figures"][2]["location"]["bbox"] == [10.0, 20.0, 30.0, 40.0]
    sug = first["suggestion"]
    assert set(sug) == {"figure", "current", "suggested", "reason"}
    assert (sug["current"], sug["suggested"], sug["figure"]["label"]) == ("400.53", "400.63", "项目支出")
    assert ok["findings"][1]["suggestion"] is None


def test_figures_json_envelope() -> None:
    results = _seed()
    results[0].figures = [fig for _, fig in results[0].findings[2].figures]
    out = io.StringIO()
    emit_figures_json(results, out, VERSION)
    data = json.loads(out.getvalue())
    assert data["tool"] == {"name": "fiscal-lint", "version": VERSION}
    assert [set(f) for f in data["files"]] == [{"path", "status", "error", "figures"}] * 3
    assert [g["label"] for g in data["files"][0]["figures"]] == ["支出合计", "基本支出", "项目支出"]
    assert "role" not in data["files"][0]["figures"][0]
    assert data["files"][2]["status"] == "error"


# ---------------------------------------------------------------- sarif


def test_sarif_validates_and_maps_results() -> None:
    log = json.loads(_render("sarif"))
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("fiscal-lint", VERSION)
    assert "informationUri" not in driver
    assert [r["id"] for r in driver["rules"]] == ["FL201", "FL301", "FL501"]  # only codes that fired
    assert driver["rules"][0]["shortDescription"]["text"] == "sum-mismatch 摘要"
    assert driver["rules"][0]["fullDescription"]["text"] == "sum-mismatch 的说明文档"
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == ["error", "warning", "note"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("FL201", "error"),
        ("FL301", "warning"),
        ("FL501", "note"),
    ]
    assert [r["ruleIndex"] for r in results] == [0, 1, 2]
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "reports/%E5%86%B3%E7%AE%97.txt"
    assert loc["region"]["startLine"] == 2
    assert loc["region"]["charOffset"] == TEXT.index("732.74")
    assert loc["region"]["charLength"] == len("732.74万元")
    assert results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert run["columnKind"] == "unicodeCodePoints"
    related = results[0]["relatedLocations"]
    assert related[2]["properties"] == {"page": 2, "bbox": [10.0, 20.0, 30.0, 40.0]}
    fps = [r["partialFingerprints"]["fiscalLint/v2"] for r in results]
    assert len(set(fps)) == 3
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and notes[0]["level"] == "error"
    assert "reports/broken.pdf" in notes[0]["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprint_is_stable_and_ignores_position() -> None:
    seed = _seed()[0]
    finding = sorted(seed.findings, key=Finding.sort_key)[0]

    def fp(f: Finding, path: str = seed.path) -> str:
        return fingerprints(replace(seed, findings=[f]), rel_posix(path))[id(f)]

    base = fp(finding)
    assert base == fp(finding, "./" + seed.path)
    moved = replace(
        finding, figures=list(reversed(finding.figures)), location=replace(finding.location, line=99)
    )
    assert base == fp(moved)
    assert base != fp(replace(finding, rule="FL202"))
    assert base != fp(finding, "other.txt")


# ---------------------------------------------------------------- github


def test_github_annotations() -> None:
    lines = _render("github").splitlines()
    col = TEXT.index("732.74") - TEXT.index("本年") + 1
    assert lines[0] == (
        f"::error file=reports/决算.txt,line=2,col={col},title=fiscal-lint FL201 sum-mismatch::"
        "支出合计732.74万元 ≠ 各项之和 732.64万元（差 0.10万元）%0A332.11 + 400.53 = 732.64 ≠ 732.74"
        "%0A项目支出 400.53 → 400.63（数字 5/6 疑似笔误）"  # the figure to change, as in every other format
    )
    assert lines[1].startswith("::warning file=reports/决算.txt,line=4,")
    assert lines[2].startswith("::notice file=reports/决算.txt,line=2,")
    assert (
        lines[3]
        == "::error file=reports/broken.pdf,title=fiscal-lint::reports/broken.pdf: not a readable PDF"
    )
    assert len(lines) == 4


def test_github_escaping() -> None:
    assert escape_data("100%\r\na") == "100%25%0D%0Aa"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    (line,) = _render("github", _hostile()).splitlines()
    assert line.startswith("::error file=evil%2C a%3Ab.txt,line=1,")
    message = line.split("::", 2)[2]
    assert "100%25" in message and "%0Asecond line" in message
    assert "\n" not in line


# ---------------------------------------------------------------- junit


def test_junit_counts() -> None:
    root = ET.fromstring(_render("junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["reports/决算.txt", "reports/clean.txt", "reports/broken.pdf"]
    ok, clean, bad = suites
    assert (ok.get("tests"), ok.get("failures"), ok.get("errors")) == ("3", "2", "0")
    assert len(ok.findall("testcase/failure")) == 2
    failure = ok.find("testcase/failure")
    assert failure is not None and failure.get("type") == "FL201 error"
    assert "332.11 + 400.53 = 732.64 ≠ 732.74" in (failure.text or "")
    info_cases = [c for c in ok.findall("testcase") if c.find("system-out") is not None]
    assert len(info_cases) == 1 and (info_cases[0].get("name") or "").startswith("FL501")
    (clean_case,) = clean.findall("testcase")
    assert list(clean_case) == [] and clean.get("failures") == "0"
    error = bad.find("testcase/error")
    assert error is not None and error.get("message") == "not a readable PDF"


def test_junit_survives_control_characters() -> None:
    results = _hostile()
    results[0].findings[0].message = "bad\x00byte\x1b[31m"
    root = ET.fromstring(_render("junit", results))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and "\x00" not in (failure.get("message") or "")


# ---------------------------------------------------------------- html


def test_html_escapes_hostile_text() -> None:
    page = _render("html", _hostile() + _seed())
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "金额&lt;b&gt;" in page and "<b>" not in page
    assert '<mark title="total">5.00万元</mark>' in page
    assert "http://" not in page and "https://" not in page  # self-contained
    assert '<html lang="zh-CN">' in page
    assert "not a readable PDF" in page


def test_html_marks_figures_and_shows_arithmetic() -> None:
    page = _render("html", lang="en")
    assert '<html lang="en">' in page
    assert '<mark title="total">732.74万元</mark>' in page and '<mark title="part">332.11万元</mark>' in page
    assert "332.11 + 400.53 = 732.64 ≠ 732.74" in page
    assert "400.53 → 400.63" in page
    assert page.index("FL201") < page.index("FL301") < page.index("FL501")


# ---------------------------------------------------------------- text


def test_text_diagnostic_with_cjk_carets() -> None:
    out = _render("text")
    assert "\x1b[" not in out  # no colour in CI logs
    lines = out.splitlines()
    col = TEXT.index("732.74") - TEXT.index("本年") + 1
    head = f"reports/决算.txt:2:{col}: FL201 [error] sum-mismatch 支出合计732.74万元 ≠ 各项之和 732.64万元（差 0.10万元）"
    i = lines.index(head)
    assert lines[i + 1].strip() == "|"
    source, marks, names = lines[i + 2], lines[i + 3], lines[i + 4]
    assert source == "2 | 本年支出合计732.74万元，其中基本支出332.11万元。"
    # "2 | " + 6 CJK characters (12 cells) before the figure: markers start at cell 16. Figures that
    # are not the culprit are marked "-", the culprit "^" (on its own line, 3, below).
    assert marks.index("-") == 4 + 12 == cell_len(source[: source.index("732.74")])
    assert re.findall(r"-+", marks) == ["-" * cell_len("732.74万元"), "-" * cell_len("332.11万元")]
    assert cell_len(marks[: marks.rindex(" -") + 1]) == cell_len(source[: source.index("332.11")])
    # role names in Chinese, each under its own figure
    assert names.split() == ["|", "总数", "分项"]
    assert cell_len(names[: names.index("分项")]) == cell_len(source[: source.index("332.11")])
    # the culprit's line (page 2, the finding is on page 1) with its own marker, named apart
    assert lines[i + 5] == "3 | 项目支出400.53万元。  (第2页)"
    assert lines[i + 6] == "  |         ^^^^^^^^^^ 分项（疑误）"
    assert "  = 算式: 332.11 + 400.53 = 732.64 ≠ 732.74" in lines
    assert "  = 建议: 项目支出 400.53 → 400.63（数字 5/6 疑似笔误）" in lines
    assert (
        lines.index(head)
        < next(k for k, t in enumerate(lines) if "FL301" in t)
        < next(k for k, t in enumerate(lines) if "FL501" in t)
    )


def test_text_summary_zh_and_en() -> None:
    zh = _render("text").splitlines()
    assert zh[-2:] == [
        "共 3 个文件：1 个错误，1 个警告，1 条提示，1 个文件无法读取",
        "错误：reports/broken.pdf: not a readable PDF",
    ]
    en = _render("text", lang="en").splitlines()
    assert en[-2:] == [
        "3 files: 1 error, 1 warning, 1 info, 1 unreadable",
        "error: reports/broken.pdf: not a readable PDF",
    ]
    assert "  |         ^^^^^^^^^^ part (likely wrong)" in en
    assert "  |             total                   part" in en
    clean = _render("text", [_seed()[1]], lang="en").splitlines()
    assert clean == ["1 file: 0 errors, 0 warnings, 0 infos"]


def test_text_is_not_markup_and_colour_is_optional() -> None:
    out = _render("text", _hostile())
    assert "[bold]x[/bold]" in out and "second line" in out
    assert "<script>alert(1)</script>" in out  # plain text: printed as written, on one line
    assert "\x1b[" in _render("text", color=True)
    results = _hostile()
    results[0].findings[0].message = "evil\x1b]0;title\x07 text"
    assert "\x1b" not in _render("text", results, color=False)


def test_sarif_help_is_the_rule_documentation_in_markdown() -> None:
    from lint.catalog import load_catalog, rule_doc
    from lint.report.sarif import build

    catalog = load_catalog()
    finding = next(f for r in _seed() for f in r.findings if f.rule == "FL201")
    log = build([FileResult("a.txt", "ok", findings=[finding])], catalog, lang="zh", version="")
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    md = rule["help"]["markdown"]
    assert md.startswith("## FL201 sum-mismatch")
    assert "不通过的例子" in md and "```text" in md
    assert rule["help"]["text"] == rule_doc(catalog.get("FL201"), "zh")
