"""Hostile input (issue 11): deadlines and memory caps per file, sniffed formats, BOM-decoded text,
validated configuration and file names that are not UTF-8. Each error is one line naming the file,
and the rest of the batch is linted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEED_PATH, catalog

from lint.config import load_config
from lint.engine import Options, bounded, lint_file, lint_files, shown
from lint.errors import RuleFileError
from lint.model import FileResult
from lint.worker import (
    DEFAULT_TIMEOUT,
    MAX_BUSY,
    PER_PAGE,
    Limits,
    Overrun,
    busy,
    default_jobs,
    isolation_available,
    run_bounded,
)

HOSTILE = ROOT / "fixtures" / "hostile"
BROKEN = "本年支出合计100.00万元，其中：基本支出60.00万元，项目支出41.00万元。\n"
needs_fork = pytest.mark.skipif(not isolation_available(), reason="needs fork and resource")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", *args],
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def _sleep_or_square(x: int) -> int:
    if x < 0:
        time.sleep(30)
    return x * x


# -- the worker: deadline, memory, crash -----------------------------------------------------------
@needs_fork
def test_a_worker_past_its_deadline_is_killed_and_the_others_finish() -> None:
    start = time.monotonic()
    out = dict(run_bounded([2, -1, 3], _sleep_or_square, Limits(timeout=0.5), jobs=2))
    assert time.monotonic() - start < 10
    assert out[0] == 4 and out[2] == 9
    assert isinstance(out[1], Overrun) and out[1].kind == "timeout"
    assert "\n" not in out[1].reason("en") and "timed out" in out[1].reason("en")


def test_the_automatic_deadline_grows_with_pages_and_load_a_given_one_does_not() -> None:
    auto = Limits()
    assert auto.allowed(0) == DEFAULT_TIMEOUT
    assert auto.allowed(500) == DEFAULT_TIMEOUT + 500 * PER_PAGE
    assert auto.allowed(500, busy=3.0) == 3 * auto.allowed(500)  # a runner shared three ways
    assert auto.allowed(500, busy=100.0) == MAX_BUSY * auto.allowed(500)  # a hostile file gains ≤ 4×
    assert auto.allowed(500, busy=0.2) == auto.allowed(500)  # an idle machine does not shrink it
    assert Limits(timeout=7.0).allowed(500, busy=3.0) == 7.0


def test_load_and_jobs_come_from_this_process_s_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "sched_getaffinity"):
        assert default_jobs() == len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "getloadavg", lambda: (6.0 * default_jobs(), 0.0, 0.0))
    assert busy() == MAX_BUSY
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5 * default_jobs(), 0.0, 0.0))
    assert busy() == 1.5
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert busy() == 1.0


def _hog(_: int) -> int:
    blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB, far over the cap
    return len(blocks)


@needs_fork
def test_a_worker_over_its_memory_cap_is_reported_not_fatal() -> None:
    out = dict(run_bounded([0], _hog, Limits(timeout=20, memory_mb=256)))
    assert isinstance(out[0], Overrun) and out[0].kind in ("memory", "crash")


def _slow_or_lint(path: str, data: bytes | None) -> FileResult:
    if path.endswith("slow.txt"):
        time.sleep(30)
    return lint_file(path, catalog(), Options(lang="en"), data)


@needs_fork
def test_a_batch_reports_the_overrun_file_in_one_line_and_lints_the_rest(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    bad = tmp_path / "bad.txt"
    slow.write_text(BROKEN, "utf-8")
    bad.write_text(BROKEN, "utf-8")
    opts = Options(lang="en", limits=Limits(timeout=0.5))
    # the catalogue and the patterns compiled on first use, in this process, so that each worker inherits
    # them and its 0.5 s is the lint alone (a busy 2-core runner stretched it past that)
    lint_file(str(SEED_PATH), catalog(), Options(lang="en"))
    results = bounded([str(slow), str(SEED_PATH), str(bad)], _slow_or_lint, opts)
    assert [r.status for r in results] == ["error", "ok", "ok"]
    assert results[0].error and "timed out" in results[0].error and "\n" not in results[0].error
    assert results[2].findings


@needs_fork
def test_forked_workers_are_cheap() -> None:
    paths = [str(SEED_PATH)] * 4
    opts = Options()
    lint_files(paths[:1], catalog(), opts)  # warm the imports
    start = time.monotonic()
    isolated = lint_files(paths, catalog(), opts)
    t_isolated = time.monotonic() - start
    start = time.monotonic()
    inline = lint_files(paths, catalog(), Options(isolate=False))
    t_inline = time.monotonic() - start
    assert [len(r.findings) for r in isolated] == [len(r.findings) for r in inline]
    assert t_isolated - t_inline < 4 * 0.25  # well under a quarter second per file for the fork


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("flate-bomb.pdf", "bomb"),
        ("cid-widths-bomb.pdf", "text layer"),
        ("docx-xml-bomb.docx", "bomb"),
    ],
)
def test_hostile_fixtures_are_one_line_errors_and_the_batch_goes_on(name: str, words: str) -> None:
    r = run("check", "--lang", "en", "--format", "json", str(HOSTILE / name), str(SEED_PATH))
    assert r.returncode == 2, r.stderr
    files = json.loads(r.stdout)["files"]
    assert files[0]["status"] == "error" and words in files[0]["error"]
    assert "\n" not in files[0]["error"]
    assert files[1]["status"] == "ok"
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and name in lines[0]


# -- content sniffing and encodings ----------------------------------------------------------------
def test_a_pdf_renamed_txt_is_read_as_pdf_not_passed_clean(tmp_path: Path) -> None:
    fake = tmp_path / "report.txt"
    fake.write_bytes((HOSTILE / "cid-widths-bomb.pdf").read_bytes())
    r = lint_file(str(fake), catalog(), Options(lang="en"))
    assert r.status == "error" and r.error and "text layer" in r.error


def test_a_zip_renamed_txt_goes_to_the_word_reader(tmp_path: Path) -> None:
    fake = tmp_path / "report.txt"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    r = lint_file(str(fake), catalog(), Options(lang="en"))
    assert r.status == "error" and r.error and "\n" not in r.error


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_text_with_a_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / "r.txt"
    bom = "\ufeff" if encoding.endswith("-be") else ""
    p.write_bytes((bom + BROKEN).encode(encoding))
    utf8 = tmp_path / "u.txt"
    utf8.write_text(BROKEN, "utf-8")
    got = lint_file(str(p), catalog(), Options(isolate=False))
    want = lint_file(str(utf8), catalog(), Options(isolate=False))
    assert got.status == "ok", got.error
    assert [f.rule for f in got.findings] == [f.rule for f in want.findings] != []


# -- configuration ---------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "-1"])
def test_tolerance_that_is_no_tolerance_is_rejected(tmp_path: Path, value: str) -> None:
    cfg = tmp_path / "fiscal-lint.toml"
    number = {"inf": "inf", "nan": "nan", "-inf": "-inf", "-1": "-1"}[value]
    cfg.write_text(f"tolerance = {number}\n", "utf-8")
    with pytest.raises(RuleFileError):
        load_config(cfg)


def test_unknown_codes_in_config_are_rejected(tmp_path: Path) -> None:
    cfg = tmp_path / "fiscal-lint.toml"
    cfg.write_text('select = ["FL999X"]\n', "utf-8")
    loaded = load_config(cfg)
    with pytest.raises(RuleFileError, match="FL999X"):
        loaded.check_codes(set(catalog().rules))


def test_cli_rejects_a_timeout_that_is_no_limit() -> None:
    for value in ("inf", "nan", "0", "-3"):
        r = run("check", "--timeout", value, str(SEED_PATH))
        assert r.returncode == 2, value
        assert b"--timeout" in r.stderr


# -- file names that are not UTF-8 -----------------------------------------------------------------
def test_shown_turns_undecodable_bytes_into_escapes() -> None:
    name = os.fsdecode(b"r\xff\xfe.txt")
    assert shown(name) == "r\\xff\\xfe.txt"
    assert shown("报告.txt") == "报告.txt"


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names")
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_non_utf8_file_names_do_not_break_json_or_sarif(tmp_path: Path, fmt: str) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xff.txt"
    with open(raw, "wb") as f:
        f.write(BROKEN.encode("utf-8"))
    r = subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", "check", "--format", fmt, raw],
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout.decode("utf-8"))
    want = "bad%5Cxff.txt" if fmt == "sarif" else "bad\\\\xff.txt"  # the escape, URI-quoted in SARIF
    assert data and want in r.stdout.decode("utf-8")


# -- rule packs and the output file ----------------------------------------------------------------
def _fl201_pack(tmp_path: Path, header: str) -> Path:
    generic = (ROOT / "rules" / "generic.toml").read_text("utf-8")
    start = generic.index('[[rule]]\ncode = "FL201"')
    block = generic[start : generic.index("[[rule]]", start + 1)]
    pack = tmp_path / "bureau.toml"
    pack.write_text(header + "\n" + block, "utf-8")
    return pack


def test_a_user_pack_redefines_a_builtin_rule_only_when_it_says_override(tmp_path: Path) -> None:
    from lint.catalog import load_catalog

    with pytest.raises(RuleFileError, match="override"):
        load_catalog([_fl201_pack(tmp_path, '[pack]\nname = "bureau"\n')])
    catalog_ = load_catalog([_fl201_pack(tmp_path, '[pack]\nname = "bureau"\noverride = true\n')])
    assert any("FL201" in what for what in catalog_.overridden)
    with pytest.raises(RuleFileError, match="built-in"):
        load_catalog([_fl201_pack(tmp_path, '[pack]\nname = "generic"\noverride = true\n')])


def test_output_naming_an_input_is_refused_before_any_work(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(BROKEN, "utf-8")
    r = run("check", "-o", str(report), str(report))
    assert r.returncode == 2
    assert b"refusing to overwrite" in r.stderr
    assert report.read_text("utf-8") == BROKEN


# -- found by the audit: overlong numbers, overlong paths ------------------------------------------
def test_a_25_digit_run_is_no_figure_and_no_internal_error(tmp_path: Path) -> None:
    big = "1234567890123456789012345"
    report = tmp_path / "r.txt"
    report.write_text(
        f"本年支出合计{big}.00万元，其中：基本支出{big[:-1]}4.99万元，项目支出1.02万元。\n"
        f"占比为{big}%。共有{'一亿' * 6}个项目。\n" + BROKEN,
        "utf-8",
    )
    r = lint_file(str(report), catalog(), Options(lang="en", isolate=False))
    assert r.status == "ok", r.error
    assert all(len(str(abs(f.value)).replace(".", "").lstrip("0")) <= 16 for f in r.figures)
    assert any(f.rule.startswith("FL2") for f in r.findings)  # the ordinary sentence is still checked


def test_an_overlong_path_is_its_own_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    long_name = "报" * 2000 + ".txt"  # longer than any file system allows
    r = run("check", "--lang", "en", "--format", "json", long_name, str(SEED_PATH), cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    files = json.loads(r.stdout)["files"]
    assert files[0]["status"] == "error" and "too long" in files[0]["error"]
    assert files[1]["status"] == "ok"
    assert len(r.stderr.decode().strip().splitlines()) == 1


def test_a_user_identity_replaces_a_built_in_one_only_when_it_says_override(tmp_path: Path) -> None:
    from lint.catalog import load_catalog

    identity = (
        '[[identity]]\nname = "income_total"\nkind = "warning"\n'
        'total = ["本年收入合计"]\nparts = [["财政拨款收入"], ["其他收入"]]\n'
    )
    pack = tmp_path / "bureau.toml"
    pack.write_text('[pack]\nname = "bureau"\n\n' + identity, "utf-8")
    with pytest.raises(RuleFileError, match=r"income_total.*override"):
        load_catalog([pack])
    pack.write_text('[pack]\nname = "bureau"\noverride = true\n\n' + identity, "utf-8")
    assert "identity income_total (pack 'bureau')" in load_catalog([pack]).overridden
    r = run("check", "--rules", str(pack), str(SEED_PATH))
    assert r.returncode == 0, r.stderr
    assert b"identity income_total (pack 'bureau') redefined" in r.stderr
    new = tmp_path / "extra.toml"  # a new identity of its own name is an extension, said nothing of
    new.write_text(identity.replace("income_total", "bureau_income"), "utf-8")
    assert load_catalog([new]).overridden == []
