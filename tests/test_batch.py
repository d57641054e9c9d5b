"""Batches as a reviewer runs them: a per-file table, per-rule statistics, unreadable files counted,
--quiet, --min-severity, --sort page, --exit-zero, NO_COLOR/FORCE_COLOR and the progress callback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import ROOT, catalog
from test_cli import run

from lint.engine import Options, lint_files

BROKEN = ROOT / "fixtures" / "broken"


def _batch(tmp_path: Path) -> Path:
    d = tmp_path / "batch"
    d.mkdir()
    shutil.copy(BROKEN / "01-transposed-part.txt", d / "a.txt")
    shutil.copy(BROKEN / "15-rate-transposed.txt", d / "b.txt")
    (d / "c.pdf").write_bytes(b"\x00\x01 not a pdf")
    return d


def test_table_statistics_and_unreadable_count(tmp_path: Path) -> None:
    r = run("check", "--statistics", str(_batch(tmp_path)))
    assert r.returncode == 2, r.stderr
    out = r.stdout
    assert "各文件结果" in out and "a.txt" in out and "c.pdf" in out and "无法读取" in out
    assert "按规则统计" in out and "FL201" in out and "FL222" in out
    assert out.rstrip().splitlines()[-2].endswith("1 个文件无法读取")
    assert "Traceback" not in r.stderr


def test_quiet_prints_diagnostics_only(tmp_path: Path) -> None:
    r = run("check", "-q", "--lang", "en", str(_batch(tmp_path)))
    assert "FL201" in r.stdout
    assert "results per file" not in r.stdout and "unreadable" not in r.stdout.splitlines()[-1:]
    assert "c.pdf" in r.stderr  # the unreadable file is still named


def test_min_severity_hides_and_sort_page_orders(tmp_path: Path) -> None:
    d = _batch(tmp_path)
    r = run("check", "--format", "json", "--min-severity", "error", str(d / "a.txt"))
    sevs = {f["severity"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert sevs == {"error"}
    by_sev = json.loads(run("check", "--format", "json", str(d / "a.txt")).stdout)
    by_page = json.loads(run("check", "--format", "json", "--sort", "page", str(d / "a.txt")).stdout)
    offsets = [f["location"]["offset"] for f in by_page["files"][0]["findings"]]
    assert offsets == sorted(offsets)
    assert by_sev["files"][0]["findings"][0]["severity"] == "error"
    assert offsets != [f["location"]["offset"] for f in by_sev["files"][0]["findings"]]
    bad = run("check", "--sort", "size", str(d / "a.txt"))
    assert bad.returncode == 2 and "--sort" in bad.stderr


def test_exit_zero_and_statistics_beside_json(tmp_path: Path) -> None:
    a = _batch(tmp_path) / "a.txt"
    r = run("check", "--exit-zero", "--format", "json", "--statistics", str(a))
    assert r.returncode == 0
    json.loads(r.stdout)  # stdout stays valid JSON; statistics go to stderr
    assert "FL201" in r.stderr
    assert run("check", str(a)).returncode == 1


def test_no_color_and_force_color(tmp_path: Path) -> None:
    a = _batch(tmp_path) / "a.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    forced = _run_env(["check", str(a)], {**env, "FORCE_COLOR": "1"})
    assert "\x1b[" in forced
    assert "\x1b[" not in _run_env(["check", str(a)], {**env, "FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in _run_env(["check", str(a)], env)  # not a terminal
    assert "\x1b[" in _run_env(["check", "--color", str(a)], {**env, "NO_COLOR": "1"})


def _run_env(args: list[str], env: dict[str, str]) -> str:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout


def test_progress_callback_once_per_file(tmp_path: Path) -> None:
    d = _batch(tmp_path)
    seen: list[str] = []
    paths = sorted(str(p) for p in d.iterdir())
    results = lint_files(paths, catalog(), Options(), 2, lambda r: seen.append(Path(r.path).name))
    assert sorted(seen) == ["a.txt", "b.txt", "c.pdf"]
    assert [r.status for r in results] == ["ok", "ok", "error"]


def test_gitlab_code_quality(tmp_path: Path) -> None:
    r = run("check", "--format", "gitlab", str(_batch(tmp_path)))
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) >= 3
    for issue in data:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in data}) == len(data)
    assert any(i["check_name"] == "FL201-sum-mismatch" and i["severity"] == "major" for i in data)
    assert any(i["location"]["path"].endswith("c.pdf") and i["severity"] == "critical" for i in data)


def test_config_exclude_and_per_file_ignores(tmp_path: Path) -> None:
    d = _batch(tmp_path)
    (d / "c.pdf").unlink()
    (d / "old").mkdir()
    shutil.copy(d / "a.txt", d / "old" / "z.txt")
    (tmp_path / "fiscal-lint.toml").write_text(
        'exclude = ["batch/old/**"]\n[per-file-ignores]\n"b.txt" = ["FL222"]\n', "utf-8"
    )
    data = json.loads(run("check", "--format", "json", str(d)).stdout)
    names = {Path(f["path"]).name: {x["rule"] for x in f["findings"]} for f in data["files"]}
    assert set(names) == {"a.txt", "b.txt"}  # old/z.txt excluded
    assert "FL222" not in names["b.txt"] and "FL201" in names["a.txt"]
    (tmp_path / "fiscal-lint.toml").write_text('[per-file-ignores]\n"*.txt" = ["XX1"]\n', "utf-8")
    bad = run("check", str(d))
    assert bad.returncode == 2 and "XX1" in bad.stderr and "Traceback" not in bad.stderr


def test_glob_match() -> None:
    from lint.config import glob_match

    assert glob_match("drafts/**", "drafts/a/b.pdf")
    assert glob_match("**/*.md", "x/y/z.md") and glob_match("**/*.md", "z.md")
    assert glob_match("*.md", "deep/in/z.md") and not glob_match("*.md", "z.mdx")
    assert not glob_match("drafts/*.pdf", "drafts/a/b.pdf")


def test_extract_ledger_several_paths_bom_zh_headers_and_filters(tmp_path: Path) -> None:
    pdf = ROOT / "fixtures" / "pdf" / "table-juesuan.pdf"
    r = subprocess_bytes("extract", "--format", "csv", str(pdf), str(BROKEN / "01-transposed-part.txt"))
    assert r.startswith("\ufeff".encode())
    import csv
    import io

    rows = list(csv.reader(io.StringIO(r.decode("utf-8-sig"))))
    assert rows[0][:5] == ["文件", "行", "列", "页", "原文"] and "表格" in rows[0]
    files = {row[0] for row in rows[1:]}
    assert len(files) == 2
    table_col = rows[0].index("表格")
    assert any(row[table_col].startswith("表 1") for row in rows[1:] if row[0].endswith(".pdf"))
    en = run("extract", "--format", "csv", "--lang", "en", "--label", "合计", "--page", "1", str(pdf))
    body = list(csv.DictReader(io.StringIO(en.stdout.lstrip("\ufeff"))))
    assert body and all(x["page"] == "1" and "合计" in x["label"] + x["column"] for x in body)
    js = json.loads(run("extract", "--format", "json", "--label", "合计", str(pdf)).stdout)
    figs = js["files"][0]["figures"]
    assert len(figs) == len(body)
    assert set(figs[0]["ledger"]) == set(next(iter(body)))  # every CSV field is in the JSON
    assert figs[0]["table"]["row_label"] is not None and figs[0]["ledger"]["table"].startswith("表 1")
    bad = run("extract", "--page", "x", str(pdf))
    assert bad.returncode == 2 and "--page" in bad.stderr


def subprocess_bytes(*args: str) -> bytes:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", *args], capture_output=True, timeout=120
    ).stdout
