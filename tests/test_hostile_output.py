"""Control and bidi characters from a report or a file name never reach any output raw (issue 11
item 6): an ESC repaints a terminal or a CI log, a U+202E reorders what a reviewer reads. Each format
keeps its own rules: JSON keeps the exact text as \\u escapes, XML drops what XML 1.0 cannot carry,
the others show U+FFFD in their place. Tested per format, through the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

# ESC, BEL, BS, VT, FF, DEL, a C1 control, LRM/RLM, embeddings/overrides, isolates, line separator
HOSTILE = "\x1b\x07\x08\x0b\x0c\x7f\x85\u200e\u200f\u202a\u202e\u2066\u2069\u2028"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A broken sum whose labels carry the hostile characters (each finding shows its figures' labels).
REPORT = (
    "本年支出合计100.00万元，其中：基本\x1b[31m支出\u202e60.00万元，项目\u2066支出\u200f41.00万元。\n"
    "“三公”经费合计10.00万元，其中：因公出国\x07费\x850.00万元，公务接待\x0b费\x0c5.00万元，"
    "公务用车\x7f费\u20284.00万元。\n"
    + "本部门严格执行预算，按规定公开决算信息。\n"
    * 100  # prose enough that it reads as text
)
NAME = "报告\x1b[2J\u202etxt.md"  # a file name that repaints a terminal and reverses its tail


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", *args],
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-output")
    (root / "report.txt").write_text(REPORT, "utf-8")
    if sys.platform == "linux":
        (root / NAME).write_text(REPORT, "utf-8")
        (root / ("坏" + NAME)).write_bytes(b"\x00\x01\x02\x03" * 64)  # unreadable: a line on stderr
    return root


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _inert(text: str, what: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in RAW.findall(text)})
    assert not found, f"{what} carries {found}"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit", "html"])
def test_check_output_is_inert_in_every_format(folder: Path, fmt: str) -> None:
    r = run("check", "--lang", "en", "--format", fmt, *_files(folder), cwd=folder)
    assert r.returncode in (1, 2), r.stderr
    out = r.stdout.decode("utf-8")
    assert "FL2" in out, out[:500]
    _inert(out, fmt)
    _inert(r.stderr.decode("utf-8"), f"{fmt} stderr")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)  # still valid JSON
    if fmt == "json":
        labels = [
            fig["label"] for f in json.loads(out)["files"] for d in f["findings"] for fig in d["figures"]
        ]
        assert any("\u202e" in label or "\x1b" in label for label in labels), "JSON keeps the exact text"
        assert "\\u202e" in out
    if fmt == "junit":
        ET.fromstring(out.split("\n", 1)[1])  # well-formed XML 1.0
    if fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines())
    if fmt == "html":
        assert "\ufffd" in out  # shown as a replacement, not dropped without trace


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_extract_output_is_inert_in_every_format(folder: Path, fmt: str) -> None:
    r = run("extract", "--lang", "en", "--format", fmt, *_files(folder), cwd=folder)
    out = r.stdout.decode("utf-8-sig").replace("\r\n", "\n")  # CSV's own line ends
    assert "100.00" in out
    _inert(out, f"extract {fmt}")
    _inert(r.stderr.decode("utf-8"), f"extract {fmt} stderr")
    if fmt == "json":
        json.loads(out)


def test_junit_drops_what_xml_cannot_carry(tmp_path: Path) -> None:
    from lint.report.junit import _x

    cleaned = _x("a\x00b\x0bc\ud800d\ufffee\x1bf\u202eg")
    ET.fromstring(f"<t a='{cleaned}'>{cleaned}</t>")
    _inert(cleaned, "junit text")
