"""Terminal output (rich): ruff-style diagnostics with the source line and carets under the figures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from lint.catalog import Catalog
from lint.model import Figure, FileResult, Finding, Severity
from lint.report._common import (
    cell_place,
    count,
    describe_arithmetic,
    describe_figure,
    describe_related,
    describe_suggestion,
    header,
    line_spans,
    one_line,
    primary_figure,
    role_name,
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
    sev_style = _SEV_STYLE[finding.severity]
    head = Text()
    head.append(f"{header(result, finding, lang)}:", style="bold")
    head.append(f" {finding.rule} ")
    head.append(f"[{finding.severity.label}]", style=sev_style)
    head.append(f" {finding.name} ", style="dim")
    head.append(one_line(finding.message))
    lines = [head]
    cell = cell_place(result.document, primary_figure(finding), lang) if loc.page is not None else None
    if cell:
        lines.append(Text(f"  --> {one_line(cell)}", style="dim"))

    culprit = finding.suggestion.figure if finding.suggestion is not None else None
    shown: set[int] = set()
    blocks = _snippet_lines(result, finding)
    width = len(str(max((n for n, _, _ in blocks), default=loc.line)))
    gutter = " " * width
    if blocks:
        lines.append(Text(f"{gutter} |", style="blue"))
    for number, source, spans in blocks:
        if not spans:
            column = loc.column - 1
            spans = [(column, column + 1, "", None)] if 0 <= column < len(source) else []
        text, marks = window(source, [(s, e) for s, e, *_ in spans])
        src = Text(f"{number:>{width}} | ", style="blue")
        src.append(text)
        figs = [fig for *_, fig in spans]
        pages = {f.location.page for f in figs if f is not None} - {loc.page, None}
        if pages:  # a figure on another page than the finding's
            src.append(f"  ({tr(lang, 'page', n=min(p for p in pages if p is not None))})", style="dim")
        lines.append(src)
        shown |= {id(f) for f in figs if f is not None}
        labels = [
            _mark_label(role, fig is not None and fig is culprit, lang) if fig is not None else ""
            for _, _, role, fig in spans
        ]
        kinds = ["^" if fig is None or culprit is None or fig is culprit else "-" for *_, fig in spans]
        for row in marker_rows(text, marks, kinds, labels):
            out = Text(f"{gutter} | ", style="blue")
            out.append(row, style=sev_style)
            lines.append(out)

    for role, fig in finding.figures:
        if id(fig) not in shown:
            lines.append(Text(f"  ↳ {one_line(describe_figure(role, fig, lang, result.document))}"))
    arithmetic = describe_arithmetic(finding, lang)
    if arithmetic:
        lines.append(Text(f"  = {tr(lang, 'arithmetic')}: {one_line(arithmetic)}"))
    suggestion = describe_suggestion(finding, lang)
    if suggestion:
        lines.append(Text(f"  = {tr(lang, 'suggestion')}: {one_line(suggestion)}", style="green"))
    for other in finding.related:
        lines.append(Text(f"  + {tr(lang, 'related')}: {describe_related(other, lang)}"))
        more = describe_arithmetic(other, lang)
        if more:
            lines.append(Text(f"      {tr(lang, 'arithmetic')}: {one_line(more)}", style="dim"))
    return lines


MAX_SNIPPET_LINES = 4  # source lines shown per finding; figures on further lines are listed (↳)


def _snippet_lines(result: FileResult, finding: Finding) -> list[tuple[int, str, list[Span]]]:
    """(line number, source line, the finding's figures on it): the finding's own line first,
    then every other line a figure of it stands on, in reading order."""
    numbers = [finding.location.line]
    for _, fig in sorted(finding.figures, key=lambda rf: rf[1].start):
        if fig.location.line not in numbers:
            numbers.append(fig.location.line)
    out: list[tuple[int, str, list[Span]]] = []
    for n in numbers[:MAX_SNIPPET_LINES]:
        source = _source_line(result, n)
        if source is None:
            continue
        spans: list[Span] = [(s, e, role, fig) for s, e, role, fig in line_spans(finding, n, len(source))]
        if spans or n == finding.location.line:
            out.append((n, source, spans))
    return out


Span = tuple[int, int, str, "Figure | None"]


def _mark_label(role: str, culprit: bool, lang: str) -> str:
    name = role_name(role, lang)
    if not culprit:
        return name
    return f"{name}（{tr(lang, 'likely')}）" if lang == "zh" else f"{name} ({tr(lang, 'likely')})"


def _source_line(result: FileResult, line: int) -> str | None:
    if result.document is None or line < 1:
        return None
    try:
        return safe(result.document.source_line(line))
    except IndexError:
        return None


# -- the snippet window -----------------------------------------------------------------------
WIDE = 100  # a line of at most this many cells is shown whole
BEFORE = 16  # characters of label kept before a figure ("其中工资福利支出为" …)
AFTER = 4  # characters kept after a figure
JOIN = 12  # two pieces closer than this are shown as one
STOPS = "。；！？;!?"
ELLIPSIS = "…"


def window(source: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The part of a source line a reader needs: the whole line when it is short; else, around each
    figure, its clause back to the sentence start (at most BEFORE characters), pieces joined with
    "…". Returns the text and each span's (start, end) in it, in the same order."""
    if not spans or cell_len(source) <= WIDE:
        return source, list(spans)
    pieces: list[list[int]] = []
    for start, end in sorted(spans):
        stop = max(source.rfind(c, 0, start) for c in STOPS)
        lo = max(0, start - BEFORE, stop + 1)
        ends = [i for c in STOPS if (i := source.find(c, end)) >= 0]
        hi = min(len(source), end + AFTER, (min(ends) + 1) if ends else len(source))
        hi = max(hi, end)
        if pieces and lo - pieces[-1][1] <= JOIN:
            pieces[-1][1] = max(pieces[-1][1], hi)
        else:
            pieces.append([lo, hi])
    text = ""
    where: list[tuple[int, int]] = []  # (source start of the piece, its start in text)
    for lo, hi in pieces:
        if lo > 0 and not text.endswith(ELLIPSIS):
            text += ELLIPSIS
        where.append((lo, len(text)))
        text += source[lo:hi]
        if hi < len(source):
            text += ELLIPSIS
    marks: list[tuple[int, int]] = []
    for start, end in spans:
        lo, at = next((lo, at) for lo, at in reversed(where) if lo <= start)
        marks.append((at + start - lo, at + end - lo))
    return text, marks


def marker_rows(text: str, marks: list[tuple[int, int]], kinds: list[str], labels: list[str]) -> list[str]:
    """Markers under each span (columns in terminal cells: CJK characters are 2 wide) and each span's
    label: on the marker row itself for one span; else in one row under the markers when the labels
    fit between the spans, else one row per span, rustc-style, with a bar down from each span."""
    if not marks:
        return []
    order = sorted(range(len(marks)), key=lambda i: marks[i])
    cols = [cell_len(text[: marks[i][0]]) for i in order]
    row = ""
    for i, col in zip(order, cols, strict=True):
        start, end = marks[i]
        row += " " * max(col - cell_len(row), 0) + kinds[i] * max(1, cell_len(text[start:end]))
    names = [labels[i] for i in order]
    if not any(names):
        return [row]
    if len(order) == 1:
        return [f"{row} {names[0]}"]
    fits = all(cols[k] + cell_len(names[k]) < cols[k + 1] for k in range(len(cols) - 1))
    if fits:
        line = ""
        for col, name in zip(cols, names, strict=True):
            line += " " * max(col - cell_len(line), 0) + name
        return [row, line]
    rows = [f"{row} {names[-1]}"]
    for k in range(len(cols) - 2, -1, -1):
        line = ""
        for j in range(k):
            line += " " * max(cols[j] - cell_len(line), 0) + "|"
        line += " " * max(cols[k] - cell_len(line), 0) + names[k]
        rows.append(line)
    return rows
