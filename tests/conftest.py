"""Shared helpers: lint a text in-process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from lint.catalog import Catalog, load_catalog
from lint.checks.base import Context
from lint.engine import Options, lint_document
from lint.extract.figures import extract
from lint.model import Document, FileResult, Finding, Severity
from lint.readers import read
from lint.readers.hanzi import fold_document
from lint.readers.markdown import parse_markdown_tables
from lint.readers.text import read_text
from lint.readers.texttables import parse_text_tables
from lint.structure import analyse

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "fixtures" / "seed" / "report-2024.txt"
_CATALOG: Catalog | None = None


def catalog() -> Catalog:
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = load_catalog()
    return _CATALOG


def lint_text(text: str, lang: str = "zh") -> FileResult:
    return lint_document(Document(path="<test>", text=text, fmt="txt"), catalog(), Options(lang=lang))


def lint_source(text: str, fmt: str = "txt") -> list[Finding]:
    """Errors and warnings of a text read as a file of `fmt` is read: 繁体 folded, text tables parsed."""
    doc = fold_document(read_text(text.encode("utf-8"), f"t.{fmt}", fmt))
    if fmt == "md":
        parse_markdown_tables(doc)
    parse_text_tables(doc, markdown=fmt == "md")
    result = lint_document(doc, catalog(), Options())
    assert result.status == "ok", result.error
    return [f for f in result.findings if f.severity >= Severity.WARNING]


def flat(findings: list[Finding]) -> list[Finding]:
    """Each finding followed by the relations merged under it as one root cause (checks/group.py)."""
    return [x for f in findings for x in (f, *f.related)]


def serious(result: FileResult) -> list:  # type: ignore[type-arg]
    return [f for f in result.findings if f.severity.label in ("error", "warning")]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text("utf-8")


def check_context(path: Path) -> Context:
    """The checks' context of a file, read, extracted and analysed as `lint_file` does."""
    doc = read(str(path), Options().read)
    vocab = catalog().vocabulary
    return Context(analyse(doc, extract(doc, vocab), vocab), catalog())


def finding_keys(findings: list[Finding]) -> list[tuple[object, ...]]:
    """Findings as comparable keys: rule, severity, the figures by role and id, the message."""
    return sorted(
        (f.rule, f.severity.label, tuple(sorted((r, x.id) for r, x in f.figures)), f.message)
        for f in findings
    )
