"""One line per finding (`path:page-or-line: CODE severity message`), for a terminal full of files
or a grep: PDFs are located by page (a PDF has no lines), text drafts by line:column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lint.catalog import Catalog
from lint.model import FileResult, Finding
from lint.report._common import (
    count,
    one_line,
    safe,
    sorted_findings,
    summary_line,
    tr,
)
from lint.report.options import current


def where(finding: Finding, lang: str) -> str:
    """`第9页` / `p9` for a figure located on a page, else `line:column`."""
    loc = finding.location
    if loc.page is not None:
        return f"第{loc.page}页" if lang == "zh" else f"p{loc.page}"
    return f"{loc.line}:{loc.column}"


def line(path: str, finding: Finding, lang: str) -> str:
    text = f"{safe(path)}:{where(finding, lang)}: {finding.rule} {finding.severity.label} {one_line(finding.message)}"
    if finding.related:
        codes = " ".join(r.rule for r in finding.related)
        text += (
            f"（{tr(lang, 'see_also')} {codes}）" if lang == "zh" else f" ({tr(lang, 'see_also')} {codes})"
        )
    return text


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    """Every finding on one line, then the summary and each unreadable file on its own line."""
    for result in results:
        for finding in sorted_findings(result):
            out.write(line(result.path, finding, lang) + "\n")
    if current().quiet:
        return
    for result in results:
        if result.status == "error":
            out.write(
                tr(lang, "unreadable", path=safe(result.path), reason=one_line(result.error or "")) + "\n"
            )
    out.write(summary_line(count(results), lang) + "\n")
