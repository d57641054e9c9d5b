"""The end of a text report for a batch: one row per file (so a reviewer sees at a glance which of
forty reports to open first) and, with --statistics, the count of findings per rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from lint.model import FileResult, Severity
from lint.report._common import one_line, safe, tr


def file_table(results: Sequence[FileResult], lang: str) -> Table:
    """File, status, errors, warnings, infos; an unreadable file shows its reason."""
    table = Table(title=tr(lang, "files_table"), title_justify="left", show_lines=False)
    for key in ("file", "status", "error", "warning", "info"):
        table.add_column(tr(lang, key), justify="right" if key in ("error", "warning", "info") else "left")
    for r in results:
        sev = [f.severity for f in r.findings]
        if r.status == "error":
            status = f"{tr(lang, 'status_error')}: {one_line(r.error or '')}"
            cells = ["-", "-", "-"]
        else:
            status = tr(lang, "status_ok")
            cells = [str(sev.count(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        table.add_row(safe(r.path), status, *cells, style="red" if r.status == "error" else None)
    return table


def rule_counts(results: Sequence[FileResult]) -> list[tuple[str, str, Severity, int]]:
    """(rule, name, severity, count), most frequent first."""
    seen: Counter[tuple[str, str, Severity]] = Counter(
        (f.rule, f.name, f.severity) for r in results for f in r.findings
    )
    return sorted(((k[0], k[1], k[2], n) for k, n in seen.items()), key=lambda x: (-x[3], x[0]))


def statistics_table(results: Sequence[FileResult], lang: str) -> Table:
    table = Table(title=tr(lang, "statistics"), title_justify="left")
    table.add_column(tr(lang, "count"), justify="right")
    table.add_column(tr(lang, "rule"))
    table.add_column("")
    table.add_column(tr(lang, "status").replace("状态", "严重程度") if lang == "zh" else "severity")
    for code, name, sev, n in rule_counts(results):
        table.add_row(str(n), code, name, tr(lang, sev.label))
    return table


def statistics_lines(results: Sequence[FileResult]) -> list[str]:
    """Plain `count  CODE  slug` lines (stderr beside a machine format)."""
    return [f"{n:>6}  {code}  {name}" for code, name, _, n in rule_counts(results)]


def print_tail(console: Console, results: Sequence[FileResult], lang: str, statistics: bool) -> None:
    if len(results) > 1:
        console.print(file_table(results, lang))
    if statistics:
        console.print(statistics_table(results, lang))
