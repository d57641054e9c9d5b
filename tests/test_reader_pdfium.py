"""The pdfium reader against the pdfplumber reference: every PDF fixture gives the same figures (value,
page, box within 2 pt), hostile and bad PDFs the same one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, catalog

from lint.engine import Options, lint_file
from lint.errors import InputError
from lint.readers import ReadOptions, pdf_pdfium, read

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


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_both_readers_give_the_same_text_tables_and_boxes(path: Path) -> None:
    """The whole Document, not just its figures: the same text (every space included), the same table
    cells, and every char box within 2 pt."""
    ref = read(str(path), ReadOptions(reader="pdfplumber"))
    got = read(str(path), ReadOptions(reader="pdfium"))
    assert ref.text == got.text
    cells = [[[c.text if c else None for c in row] for row in t.cells] for t in ref.tables]
    assert cells == [[[c.text if c else None for c in row] for row in t.cells] for t in got.tables]
    assert len(ref.char_boxes) == len(got.char_boxes)
    for a, b in zip(ref.char_boxes, got.char_boxes, strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert a[0] == b[0]
            assert max(abs(x - y) for x, y in zip(a[1], b[1], strict=True)) <= 2.0


def _pdfium_pages(path: Path) -> list[pdf_pdfium.PageData | pdf_pdfium.Fallback]:
    doc = pdf_pdfium.open_document(str(path), None)
    try:
        return pdf_pdfium.settle(list(pdf_pdfium.iter_pages(doc, lambda: None)))
    finally:
        doc.close()


def test_only_the_page_with_a_dropped_glyph_goes_to_pdfminer() -> None:
    """seed-2024.pdf sets its text in STSong-Light, not embedded; with no CJK system font pdfium has no
    outline for it, so the one-glyph object 无 on page 5 has no width and pdfium's text page drops it.
    That page alone is read by pdfminer (and 无 is in the text); the other five by pdfium."""
    pages = _pdfium_pages(ROOT / "fixtures/pdf/seed-2024.pdf")
    assert [i + 1 for i, pg in enumerate(pages) if isinstance(pg, pdf_pdfium.Fallback)] == [5]
    doc = read(str(ROOT / "fixtures/pdf/seed-2024.pdf"), ReadOptions(reader="pdfium"))
    assert doc.text.rstrip().endswith("其他需要说明的情况\n无")


def test_blank_text_objects_send_no_page_to_pdfminer() -> None:
    """Lone spaces (no ink, so no width either) are everywhere in real reports; a page goes to pdfminer
    only when pdfium may have lost a real glyph. Over every PDF fixture, pdfium reads ≥ 95% of pages."""
    total = fallback = 0
    for path in PDFS:
        pages = _pdfium_pages(path)
        total += len(pages)
        fallback += sum(1 for pg in pages if isinstance(pg, pdf_pdfium.Fallback))
    assert total >= 100
    assert fallback <= 0.05 * total, (fallback, total)


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


def test_reopening_every_few_pages_reads_the_same_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """pdfium keeps what it parsed until the document closes: iter_pages reopens it every REOPEN_PAGES
    pages (bounded memory on a long report) and reads exactly what one opening reads."""
    path = str(ROOT / "fixtures/pdf/seed-2024.pdf")
    once = _pdfium_pages(ROOT / "fixtures/pdf/seed-2024.pdf")
    assert len(once) >= 5
    monkeypatch.setattr(pdf_pdfium, "REOPEN_PAGES", 2)
    opened: list[object] = []

    def reopen() -> object:
        opened.append(pdf_pdfium.open_document(path, None))
        return opened[-1]

    doc = pdf_pdfium.open_document(path, None)
    try:
        again = pdf_pdfium.settle(list(pdf_pdfium.iter_pages(doc, lambda: None, reopen)))
    finally:
        doc.close()
    assert len(opened) == (len(once) - 1) // 2
    assert [type(p) for p in again] == [type(p) for p in once]
    for a, b in zip(once, again, strict=True):
        if isinstance(a, pdf_pdfium.PageData) and isinstance(b, pdf_pdfium.PageData):
            assert (a.glyphs, a.number, a.inked) == (b.glyphs, b.number, b.inked)
            assert [t.cells for t in a.tables] == [t.cells for t in b.tables]


def test_a_long_pdf_reads_the_same_across_reopenings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole reader with a reopening before every page: the same Document, read by pdfium (never
    handed whole to pdfplumber because a reopening went wrong)."""
    import lint.readers.pdf as pdf_reader

    path = str(ROOT / "fixtures/pdf/seed-2024.pdf")
    ref = read(path, ReadOptions(reader="pdfium"))
    pages = len(_pdfium_pages(ROOT / "fixtures/pdf/seed-2024.pdf"))
    monkeypatch.setattr(pdf_pdfium, "REOPEN_PAGES", 1)
    opens: list[int] = []
    real_open = pdf_pdfium.open_document

    def counted(source: object, password: str | None) -> object:
        opens.append(1)
        return real_open(source, password)

    def no_whole_file(*args: object) -> None:
        raise AssertionError("the whole file went to pdfplumber")

    monkeypatch.setattr(pdf_pdfium, "open_document", counted)
    monkeypatch.setattr(pdf_reader, "_read_pdfplumber", no_whole_file)
    got = read(path, ReadOptions(reader="pdfium"))
    assert len(opens) == pages >= 5  # one opening, then one before each later page
    assert (got.text, got.char_boxes) == (ref.text, ref.char_boxes)
