"""The command line as a user and a CI job see it: exit codes, bad input, formats, options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_PATH

BROKEN = "本年支出合计100.00万元，其中：基本支出60.00万元，项目支出41.00万元。\n"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_seed_is_clean_exit_0() -> None:
    r = run("check", str(SEED_PATH))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 个错误" in r.stdout


def test_finding_exits_1_and_json_follows_the_contract(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(BROKEN, "utf-8")
    r = run("check", "--format", "json", str(p))
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert set(data) == {"tool", "files", "summary"}
    assert data["tool"]["name"] == "fiscal-lint"
    (f,) = data["files"]
    assert f["status"] == "ok" and f["error"] is None
    (finding,) = f["findings"]
    assert finding["rule"] == "FL201" and finding["name"] == "sum-mismatch" and finding["severity"] == "error"
    assert finding["location"] == {"line": 1, "column": 7, "offset": 6, "page": None, "bbox": None}
    assert [x["text"] for x in finding["figures"]] == ["100.00万元", "60.00万元", "41.00万元"]
    assert [x["role"] for x in finding["figures"]] == ["total", "part", "part"]
    assert finding["expected"] == "101.00" and finding["actual"] == "100.00"
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_fail_on_select_ignore(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("合计1.01万元，其中：甲5000.00元，乙5000.00元。\n", "utf-8")  # FL202 info only
    assert run("check", str(p)).returncode == 0
    assert run("check", "--fail-on", "info", str(p)).returncode == 1
    q = tmp_path / "b.txt"
    q.write_text(BROKEN, "utf-8")
    assert run("check", "--ignore", "FL201", str(q)).returncode == 0
    assert run("check", "--select", "FL26", str(q)).returncode == 0
    assert run("check", "--select", "FL2", str(q)).returncode == 1
    bad = run("check", "--select", "XX999", str(q))
    assert bad.returncode == 2 and "XX999" in bad.stderr


def test_bad_inputs_exit_2_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BROKEN, "utf-8")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 8)
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes("预算".encode("utf-16-le") + b"\xff\xfe\x00\x81" * 50)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    r = run("check", "--format", "json", str(missing), str(garbage), str(undecodable), str(empty), str(good))
    assert r.returncode == 2
    data = json.loads(r.stdout)
    status = {Path(f["path"]).name: f["status"] for f in data["files"]}
    assert status == {
        "missing.txt": "error",
        "garbage.txt": "error",
        "latin.txt": "error",
        "empty.txt": "ok",
        "good.txt": "ok",
    }
    good_file = next(f for f in data["files"] if f["path"].endswith("good.txt"))
    assert [x["rule"] for x in good_file["findings"]] == ["FL201"]
    for f in data["files"]:
        if f["status"] == "error":
            assert f["error"] and "\n" not in f["error"] and f["findings"] == []
    err_lines = [line for line in r.stderr.splitlines() if line]
    assert len(err_lines) == 3 and all("fiscal-lint:" in line for line in err_lines)
    assert "Traceback" not in r.stderr + r.stdout


def test_text_report_of_a_missing_file_names_it() -> None:
    r = run("check", "no/such/report.txt")
    assert r.returncode == 2
    assert "no/such/report.txt" in r.stdout + r.stderr and "Traceback" not in r.stderr


def test_encodings_bom_gb18030_crlf(tmp_path: Path) -> None:
    text = SEED_PATH.read_text("utf-8")
    for name, data in {
        "gb.txt": text.replace("\n", "\r\n").encode("gb18030"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
    }.items():
        p = tmp_path / name
        p.write_bytes(data)
        r = run("check", "--format", "json", str(p))
        assert r.returncode == 0, name
        found = json.loads(r.stdout)["files"][0]["findings"]
        assert [f for f in found if f["severity"] != "info"] == []
    p = tmp_path / "gb-broken.txt"
    p.write_bytes(BROKEN.replace("\n", "\r\n").encode("gb18030"))
    assert run("check", str(p)).returncode == 1


def test_directory_walk_and_empty_directory(tmp_path: Path) -> None:
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text(BROKEN, "utf-8")
    (d / "b.md").write_text("# 说明\n\n无数字。\n", "utf-8")
    (d / "ignore.bin").write_bytes(b"\x00\x01")
    r = run("check", "--format", "json", str(d))
    assert r.returncode == 1
    assert sorted(Path(f["path"]).name for f in json.loads(r.stdout)["files"]) == ["a.txt", "b.md"]
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert run("check", str(empty)).returncode == 2


def test_stdin() -> None:
    r = run("check", "-", stdin=BROKEN.encode("utf-8"))
    assert r.returncode == 1 and "FL201" in r.stdout


def test_english_messages() -> None:
    r = run("check", "--lang", "en", "-", stdin=BROKEN.encode("utf-8"))
    assert ("sum of its parts" in r.stdout and "1 files" not in r.stdout) or "file" in r.stdout


def test_rules_and_rule_docs() -> None:
    r = run("rules")
    assert r.returncode == 0
    assert "FL201" in r.stdout and "sum-mismatch" in r.stdout
    doc = run("rule", "FL201")
    assert doc.returncode == 0 and "其中" in doc.stdout
    en = run("rule", "sum-mismatch", "--lang", "en")
    assert "breakdown" in en.stdout
    assert run("rule", "FL999").returncode == 2


def test_extract_lists_every_figure(tmp_path: Path) -> None:
    r = run("extract", "--format", "json", str(SEED_PATH))
    assert r.returncode == 0
    figures = json.loads(r.stdout)["files"][0]["figures"]
    texts = [f["text"] for f in figures]
    assert "268.72万元" in texts and "139.4元" in texts and "7个" in texts
    assert all("2024" not in t for t in texts)
    csv_out = run("extract", "--format", "csv", "--lang", "en", str(SEED_PATH))
    assert csv_out.stdout.lstrip("\ufeff").splitlines()[0].startswith("file,line,col,page,text")
    assert run("extract", str(tmp_path / "missing.txt")).returncode == 2


def test_baseline_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(BROKEN, "utf-8")
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(p)).returncode == 0
    again = run("check", "--baseline", str(base), str(p))
    assert again.returncode == 0
    assert "基线中已记录的 1 个问题未再报告" in again.stderr


def test_baseline_of_one_folder_does_not_silence_a_same_named_file_in_another(tmp_path: Path) -> None:
    a, b = tmp_path / "甲局", tmp_path / "乙局"
    a.mkdir()
    b.mkdir()
    (a / "部门决算.txt").write_text(BROKEN, "utf-8")
    (b / "部门决算.txt").write_text(BROKEN, "utf-8")
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(a / "部门决算.txt")).returncode == 0
    assert run("check", "--baseline", str(base), str(a / "部门决算.txt")).returncode == 0
    assert run("check", "--baseline", str(base), str(b / "部门决算.txt")).returncode == 1


def test_config_file_severity_and_ignore(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(BROKEN, "utf-8")
    (tmp_path / "fiscal-lint.toml").write_text('severity = { FL201 = "warning" }\n', "utf-8")
    assert run("check", str(p)).returncode == 0
    (tmp_path / "fiscal-lint.toml").write_text("bogus = 1\n", "utf-8")
    r = run("check", str(p))
    assert r.returncode == 2 and "fiscal-lint.toml" in r.stderr and "bogus" in r.stderr


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "html"])
def test_every_format_renders(tmp_path: Path, fmt: str) -> None:
    p = tmp_path / "r.txt"
    p.write_text(BROKEN, "utf-8")
    r = run("check", "--format", fmt, str(p))
    assert r.returncode == 1 and "FL201" in r.stdout


def test_jobs_gives_the_same_result(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"r{i}.txt").write_text(BROKEN if i % 2 else SEED_PATH.read_text("utf-8"), "utf-8")
    one = run("check", "--format", "json", "--jobs", "1", str(tmp_path))
    two = run("check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_shell_completion_is_offered_and_completes() -> None:
    """Issue 9 item 6: typer's completion options, and the completion protocol answering."""
    import os

    helped = run("--help").stdout
    assert "--install-completion" in helped and "--show-completion" in helped
    env = {
        **os.environ,
        "_FISCAL_LINT_COMPLETE": "complete_bash",
        "COMP_WORDS": "fiscal-lint ch",
        "COMP_CWORD": "1",
    }
    script = Path(sys.executable).parent / "fiscal-lint"  # the installed console script
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["check"]
