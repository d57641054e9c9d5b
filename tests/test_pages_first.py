"""Issue 9 items 2 and 7: a PDF is located by page (and table cell), never by lines of its extracted
text; every finding has its own stable fingerprint; the baseline is readable, audited and reports
stale entries."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, catalog
from test_cli import run

from lint.engine import Options, lint_file
from lint.report.fingerprint import fingerprints

PDF = ROOT / "fixtures" / "pdf" / "broken-01-transposed-part.pdf"
TABLE_PDF = ROOT / "fixtures" / "tables" / "15-shared-frame-row-class-off.pdf"
TXT = ROOT / "fixtures" / "broken" / "01-transposed-part.txt"
LINE_REF = re.compile(r"第 ?\d+ ?行|line \d+|@ \d+:\d+|\.pdf:\d+")


def test_text_header_is_the_page_for_a_pdf_and_line_column_for_a_draft() -> None:
    out = run("check", "--no-color", str(PDF), str(TXT)).stdout
    pdf_heads = [ln for ln in out.splitlines() if ".pdf" in ln and " FL" in ln]
    assert pdf_heads and all(re.search(r"\.pdf 第\d+页: FL\d+", h) for h in pdf_heads)
    assert not any(LINE_REF.search(h) for h in pdf_heads)
    # the numbering finding names the other heading by its page, not its line of extracted text
    assert any("FL303" in h and "同一列表第2页的" in h for h in pdf_heads)
    assert re.search(r"01-transposed-part\.txt:51:48: FL201", out)
    assert "同一列表第33行的" in out  # a text draft keeps its lines


def test_table_cell_named_by_table_row_and_column() -> None:
    zh = run("check", "--no-color", str(TABLE_PDF)).stdout
    assert "--> 表“部门：某机关办公厅” 行“303 对个人和家庭的补助” 列“金额”" in zh
    assert "@ 第2页 表“部门：某机关办公厅” 行“30312 提租补贴” 列“金额”" in zh
    en = run("check", "--no-color", "--lang", "en", str(TABLE_PDF)).stdout
    assert "15-shared-frame-row-class-off.pdf page 1: FL402" in en
    assert "table “部门：某机关办公厅”, row “303 对个人和家庭的补助”, column “金额”" in en
    assert not LINE_REF.search(zh) and not LINE_REF.search(en.replace("\n", " "))


def test_github_junit_sarif_carry_the_page() -> None:
    gh = run("check", "-f", "github", str(TABLE_PDF), str(TXT)).stdout.splitlines()
    pdf = [ln for ln in gh if ".pdf" in ln]
    assert pdf and all("line=" not in ln and "第1页" in ln and not LINE_REF.search(ln) for ln in pdf)
    assert any("01-transposed-part.txt,line=51,col=48" in ln for ln in gh)
    junit = run("check", "-f", "junit", str(TABLE_PDF)).stdout
    assert 'name="FL402 code-hierarchy 第1页"' in junit
    assert 'message="第1页 表“部门：某机关办公厅” 行“303 对个人和家庭的补助” 列“金额”: ' in junit
    assert not re.search(r'line="\d+"', junit) and not LINE_REF.search(junit)
    sarif = json.loads(run("check", "-f", "sarif", "--lang", "en", str(TABLE_PDF)).stdout)
    res = sarif["runs"][0]["results"][0]
    assert res["message"]["text"].startswith(
        "page 1 table “部门：某机关办公厅”, row “303 对个人和家庭的补助”"
    )
    assert res["properties"]["page"] == 1
    assert (
        res["properties"]["tableCell"]
        == "table “部门：某机关办公厅”, row “303 对个人和家庭的补助”, column “金额”"
    )
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1  # code scanning needs it
    related = [r["message"]["text"] for r in res["relatedLocations"]]
    assert all("@ page " in t and not LINE_REF.search(t) for t in related)


def _fixture_files() -> list[Path]:
    skip = {"hostile", "bad"}
    exts = {".txt", ".md", ".pdf", ".docx", ".html"}
    return sorted(
        p
        for p in (ROOT / "fixtures").rglob("*")
        if p.suffix in exts and not skip & set(p.parts) and p.is_file()
    )


def test_fingerprints_unique_over_all_fixtures() -> None:
    files = _fixture_files()
    assert len(files) > 150
    total, prints = 0, set()
    for p in files:
        result = lint_file(str(p), catalog(), Options())
        fps = fingerprints(result, p.relative_to(ROOT).as_posix())
        assert len(fps) == len(result.findings)
        total += len(fps)
        prints |= set(fps.values())
    assert total > 300 and len(prints) == total


def test_fingerprint_of_a_figureless_finding_survives_an_unrelated_edit(tmp_path: Path) -> None:
    text = TXT.read_text("utf-8")
    before = lint_file(str(TXT), catalog(), Options())
    edited = tmp_path / "x.txt"
    # a paragraph inserted near the top moves every line below it
    lines = text.splitlines(keepends=True)
    edited.write_text("".join([*lines[:3], "本单位无新增说明事项。\n", *lines[3:]]), "utf-8")
    after = lint_file(str(edited), catalog(), Options())

    def by_rule(result: object) -> dict[str, list[str]]:
        fps = fingerprints(result, "same.txt")  # type: ignore[arg-type]
        out: dict[str, list[str]] = {}
        for f in result.findings:  # type: ignore[attr-defined]
            out.setdefault(f.rule, []).append(fps[id(f)])
        return {k: sorted(v) for k, v in out.items()}

    old, new = by_rule(before), by_rule(after)
    assert "FL303" in old and not any(f.figures for f in before.findings if f.rule == "FL303")
    assert old == new
    assert [f.location.line for f in after.findings if f.rule == "FL303"] != [
        f.location.line for f in before.findings if f.rule == "FL303"
    ]


def test_sarif_fingerprints_unique_on_a_batch() -> None:
    folders = [str(ROOT / "fixtures" / x) for x in ("structure", "broken", "precision")]
    sarif = json.loads(run("check", "-f", "sarif", *folders).stdout)
    prints = [r["partialFingerprints"]["fiscalLint/v2"] for r in sarif["runs"][0]["results"]]
    assert len(prints) > 40 and len(set(prints)) == len(prints)


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    shutil.copy(TXT, d / "决算.txt")
    shutil.copy(PDF, d / "决算.pdf")
    return d


def test_baseline_entries_are_readable_and_notes_survive_a_rewrite(tmp_path: Path) -> None:
    d = _folder(tmp_path)
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(d)).returncode == 0
    data = json.loads(base.read_text("utf-8"))
    entries = data["entries"]
    assert {e["path"] for e in entries} == {"reports/决算.txt", "reports/决算.pdf"}
    pdf = [e for e in entries if e["path"].endswith(".pdf")]
    assert pdf and all(e["page"] and e["line"] is None for e in pdf)
    first = next(e for e in entries if e["rule"] == "FL201" and e["path"].endswith(".txt"))
    assert (
        first["line"] == 51 and "人员经费268.72万元" in first["message"] and "268.72万元" in first["figures"]
    )
    assert all(set(e) >= {"fingerprint", "rule", "message", "note", "who", "when"} for e in entries)
    first["note"] = "经核实，系决算表口径差异，不作修改"
    first["who"], first["when"] = "张三", "2025-01-01"
    base.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert run("check", "--write-baseline", str(base), str(d)).returncode == 0
    again = json.loads(base.read_text("utf-8"))["entries"]
    kept = next(e for e in again if e["fingerprint"] == first["fingerprint"])
    assert (kept["note"], kept["who"], kept["when"]) == (
        "经核实，系决算表口径差异，不作修改",
        "张三",
        "2025-01-01",
    )
    checked = run("check", "--baseline", str(base), str(d))
    assert checked.returncode == 0 and "已记录的 6 个问题未再报告" in checked.stderr
    assert "不再出现" not in checked.stderr


def test_stale_entries_reported_with_a_count(tmp_path: Path) -> None:
    d = _folder(tmp_path)
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(d)).returncode == 0
    txt = d / "决算.txt"
    txt.write_text(txt.read_text("utf-8").replace("人员经费268.72", "人员经费268.63"), "utf-8")
    checked = run("check", "--baseline", str(base), str(d))
    assert "基线中有 1 条记录已不再出现" in checked.stderr
    assert "reports/决算.txt:51: FL201 人员经费268.72万元" in checked.stderr
    # an entry of a file that was not linted this time is not stale
    only_pdf = run("check", "--baseline", str(base), str(d / "决算.pdf"))
    assert "不再出现" not in only_pdf.stderr and only_pdf.returncode == 0
    en = run("check", "--lang", "en", "--baseline", str(base), str(d))
    assert "1 baseline entries no longer match any finding" in en.stderr


def test_format_one_baseline_still_honoured(tmp_path: Path) -> None:
    from lint.baseline import legacy_key

    d = _folder(tmp_path)
    result = lint_file(str(d / "决算.txt"), catalog(), Options())
    keys = [legacy_key("reports/决算.txt", f) for f in result.findings]
    base = tmp_path / "old.json"
    base.write_text(json.dumps({"tool": "fiscal-lint", "fingerprints": keys}), "utf-8")
    checked = run("check", "--baseline", str(base), str(d / "决算.txt"))
    assert checked.returncode == 0 and f"已记录的 {len(keys)} 个问题未再报告" in checked.stderr


@pytest.mark.parametrize("content", ["[]", '{"entries": [{"rule": "FL201"}]}', '{"entries": 3}', "{"])
def test_a_broken_baseline_is_one_clear_line(tmp_path: Path, content: str) -> None:
    base = tmp_path / "b.json"
    base.write_text(content, "utf-8")
    checked = run("check", "--baseline", str(base), str(TXT))
    assert checked.returncode == 2 and "not a fiscal-lint baseline file" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_entries_of_rules_not_run_are_not_stale(tmp_path: Path) -> None:
    d = _folder(tmp_path)
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(d)).returncode == 0
    for narrowed in (["--select", "FL2"], ["--ignore", "FL3"]):
        checked = run("check", *narrowed, "--baseline", str(base), str(d))
        assert checked.returncode == 0 and "不再出现" not in checked.stderr, checked.stderr
