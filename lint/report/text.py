"""Terminal output (rich): ruff-style diagnostics with the source line and carets under the figures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from lint.catalog import Catalog
from lint.model import FileResult, Finding, Severity
from lint.report._common import (
    cell_place,
    count,
    describe_arithmetic,
    describe_figure,
    describe_suggestion,
    header,
    line_spans,
    one_line,
    primary_figure,
    safe,
    sorted_findings,
    summary_line,
    tr,
)
from lint.report.batch import print_tail
from lint.report.options import current

_SEV_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    """Every finding as a diagnostic, then a summary line and one line per unreadable file."""
    console = Console(
        file=out,
        force_terminal=color,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )
    shown = current()
    for result in results:
        for finding in sorted_findings(result):
            for line in diagnostic(result, finding, lang):
                console.print(line)
            console.print()
    if shown.quiet:
        return  # diagnostics only; unreadable files are still named, on stderr, by the command
    print_tail(console, results, lang, shown.statistics)
    console.print(Text(summary_line(count(results), lang), style="bold"))
    for result in results:
        if result.status == "error":
            reason = one_line(result.error or "")
            console.print(Text(tr(lang, "unreadable", path=safe(result.path), reason=reason), style="red"))


def diagnostic(result: FileResult, finding: Finding, lang: str) -> list[Text]:
    """The lines of one diagnostic, as rich Text (never parsed as markup)."""
    loc = finding.location
    head = Text()
    head.append(f"{header(result, finding, lang)}:", style="bold")
    head.append(f" {finding.rule} ")
    head.append(f"[{finding.severity.label}]", style=_SEV_STYLE[finding.severity])
    head.append(f" {finding.name} ", style="dim")
    head.append(one_line(finding.message))
    lines = [head]
    cell = cell_place(result.document, primary_figure(finding), lang) if loc.page is not None else None
    if cell:
        lines.append(Text(f"  --> {one_line(cell)}", style="dim"))

    shown: set[int] = set()
    source = _source_line(result, loc.line)
    if source is not None:
        spans = line_spans(finding, loc.line, len(source))
        shown = {id(fig) for *_, fig in spans}
        if not spans and 1 <= loc.column <= len(source):
            carets = _caret_line(source, [(loc.column - 1, loc.column)])
            roles = ""
        else:
            carets = _caret_line(source, [(s, e) for s, e, *_ in spans])
            roles = ", ".join(role for _, _, role, _ in spans)
        gutter = " " * len(str(loc.line))
        lines.append(Text(f"{gutter} |", style="blue"))
        src = Text(f"{loc.line} | ", style="blue")
        src.append(source)
        lines.append(src)
        if carets:
            marks = Text(f"{gutter} | ", style="blue")
            marks.append(carets + (f" {roles}" if roles else ""), style=_SEV_STYLE[finding.severity])
            lines.append(marks)

    for role, fig in finding.figures:
        if id(fig) not in shown:
            lines.append(Text(f"  ↳ {one_line(describe_figure(role, fig, lang, result.document))}"))
    arithmetic = describe_arithmetic(finding, lang)
    if arithmetic:
        lines.append(Text(f"  = {tr(lang, 'arithmetic')}: {one_line(arithmetic)}"))
    suggestion = describe_suggestion(finding, lang)
    if suggestion:
        lines.append(Text(f"  = {tr(lang, 'suggestion')}: {one_line(suggestion)}", style="green"))
    return lines


def _source_line(result: FileResult, line: int) -> str | None:
    if result.document is None or line < 1:
        return None
    try:
        return safe(result.document.source_line(line))
    except IndexError:
        return None


def _caret_line(source: str, spans: list[tuple[int, int]]) -> str:
    """Carets under each span, columns measured in terminal cells (CJK characters are 2 wide)."""
    out = ""
    for start, end in spans:
        pad = cell_len(source[:start]) - cell_len(out)
        out += " " * max(pad, 0) + "^" * max(1, cell_len(source[start:end]))
    return out
