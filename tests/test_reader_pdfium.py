"""The pdfium reader against the pdfplumber reference: every PDF fixture gives the same figures (value,
page, box within 2 pt), hostile and bad PDFs the same one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, catalog

from lint.engine import Options, lint_file
from lint.errors import InputError
from lint.readers import ReadOptions, read

SHARED = ROOT.parent / "shared" / "corpus"
PDFS = sorted(
    [*ROOT.glob("fixtures/corpus/*.pdf"), *ROOT.glob("fixtures/pdf/*.pdf"), *SHARED.glob("**/*.pdf")]
)
BAD = sorted([*ROOT.glob("fixtures/pdf/bad/*.pdf"), *ROOT.glob("fixtures/hostile/*.pdf")])


def _figures(path: Path, reader: str) -> list[tuple[str, int | None, tuple[float, ...] | None]]:
    opts = Options(read=ReadOptions(reader=reader), isolate=False)
    result = lint_file(str(path), catalog(), opts)
    assert result.status == "ok", result.error
    out = []
    for f in result.figures:
        loc = f.location
        out.append((str(f.value), loc.page, tuple(loc.bbox) if loc.bbox else None))
    return out


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_both_readers_give_the_same_figures(path: Path) -> None:
    ref = _figures(path, "pdfplumber")
    got = _figures(path, "pdfium")
    assert ref, "a fixture with no figures proves nothing"
    assert [(v, p) for v, p, _ in got] == [(v, p) for v, p, _ in ref]
    for (_, _, a), (_, _, b) in zip(got, ref, strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 2.0


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_both_readers_refuse_bad_pdfs_alike(path: Path) -> None:
    reasons = []
    for reader in ("pdfplumber", "pdfium"):
        with pytest.raises(InputError) as info:
            read(str(path), ReadOptions(reader=reader, timeout=60))
        reasons.append(info.value.reason_en)
    assert reasons[0] == reasons[1]


def test_the_pdfium_reader_opens_an_encrypted_pdf_with_its_password() -> None:
    doc = read(
        str(ROOT / "fixtures/pdf/bad/encrypted-user123.pdf"), ReadOptions(password="user123", reader="pdfium")
    )
    assert "Revenue 732.74, expenditure 1210.48" in doc.text


def test_cli_formats_are_the_report_formats() -> None:
    """cli.py names the formats without importing the report modules (start-up time)."""
    from lint import cli, report

    assert cli.FORMATS == report.FORMATS


def test_cli_refuses_an_unknown_reader() -> None:
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-c", "from lint.cli import main; main()", "check", "--reader", "pdfminer", "x.txt"],
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 2 and b"--reader must be pdfplumber or pdfium" in r.stderr
