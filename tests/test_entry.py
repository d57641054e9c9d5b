"""The console script's tiny entry point (issue 10): `--version` answers without the engine, and every
other command line behaves exactly as `lint.cli.main`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lint import __version__

ROOT = Path(__file__).resolve().parent.parent

# runs the entry point, then reports which heavy modules it imported (after its SystemExit)
PROBE = """
import sys
from lint.entry import main
sys.argv = ["fiscal-lint", *sys.argv[1:]]
try:
    main()
finally:
    heavy = sorted(m for m in ("typer", "rich", "lint.cli", "lint.engine", "lint.catalog", "pdfplumber") if m in sys.modules)
    sys.stderr.write("IMPORTED=" + ",".join(heavy) + "\\n")
"""


def _entry(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv[0] = 'fiscal-lint'; from lint.cli import main; main()",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_pyproject_console_script_is_the_tiny_entry_point() -> None:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    scripts = text.split("[project.scripts]\n", 1)[1].split("\n\n", 1)[0]
    assert scripts.strip() == 'fiscal-lint = "lint.entry:main"'


def test_version_prints_without_importing_the_engine() -> None:
    r = _entry("--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"fiscal-lint {__version__}\n"
    assert "IMPORTED=\n" in r.stderr  # no typer, rich, engine, catalogue or pdfplumber


def test_version_output_is_the_same_as_the_full_cli() -> None:
    fast, full = _entry("--version"), _cli("--version")
    assert (fast.returncode, fast.stdout) == (full.returncode, full.stdout)


def test_other_command_lines_go_to_the_full_cli(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("本年支出合计100.00万元，其中：基本支出60.00万元，项目支出41.00万元。\n", "utf-8")
    for args in (("check", "--format", "json", str(p)), ("--version", "check"), ("--nope",), ()):
        fast, full = _entry(*args), _cli(*args)
        assert (fast.returncode, fast.stdout) == (full.returncode, full.stdout), args
        assert fast.stderr.split("IMPORTED=")[0] == full.stderr, args
    assert "lint.cli" in _entry("check", str(p)).stderr.split("IMPORTED=")[1]


def test_checking_a_pdf_with_pdfium_leaves_pdfplumber_unimported() -> None:
    """pdfplumber (all of pdfminer) is only for the pages pdfium cannot read exactly: the parent does
    not preload it for the default reader, and does for `--reader pdfplumber`. rich is for the text
    report only."""
    pdf = str(ROOT / "fixtures" / "pdf" / "seed-2024.pdf")
    fast = _entry("check", "--format", "json", pdf)
    assert fast.returncode in (0, 1), fast.stderr
    assert "pdfplumber" not in fast.stderr.split("IMPORTED=")[1]
    assert "rich" not in fast.stderr.split("IMPORTED=")[1]  # the text report's alone
    ref = _entry("check", "--format", "json", "--reader", "pdfplumber", pdf)
    assert "pdfplumber" in ref.stderr.split("IMPORTED=")[1]
    assert ref.stdout == fast.stdout
