"""GitHub Actions workflow commands: one `::error|warning|notice` annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lint.catalog import Catalog
from lint.model import FileResult, Finding, Severity
from lint.report._common import (
    describe_arithmetic,
    describe_related,
    describe_suggestion,
    finding_place,
    paged,
    rel_posix,
    safe,
    sorted_findings,
    tr,
)

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message (the part after `::`), as @actions/core does; then control and bidi characters
    from the report are made inert (an ESC would reach the log viewer, a U+202E the annotation)."""
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value (file=, title=): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, props: dict[str, object], message: str) -> str:
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{kind} {joined}::{escape_data(message)}"


def annotation(result: FileResult, finding: Finding, lang: str) -> str:
    """A text draft is annotated at its line and column; a PDF (it has no lines) at file level, with
    its page (and table cell) in the title and the message."""
    loc = finding.location
    props: dict[str, object] = {"file": rel_posix(result.path)}
    title = f"fiscal-lint {finding.rule} {finding.name}"
    message = finding.message
    if paged(loc):
        where = finding_place(result, finding, lang)
        title += f" {tr(lang, 'page', n=loc.page)}"
        message = f"{where}: {message}"
    else:
        props.update(line=loc.line, col=loc.column)
    props["title"] = title
    # the arithmetic, the figure to change (or the stated tie), and the relations of the same cause
    extras = [describe_arithmetic(finding, lang), describe_suggestion(finding, lang)]
    extras += [f"+ {tr(lang, 'related')}: {describe_related(r, lang)}" for r in finding.related]
    for extra in extras:
        if extra:
            message += "\n" + extra
    return command(COMMANDS[finding.severity], props, message)


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    for result in results:
        if result.status == "error":
            props: dict[str, object] = {"file": rel_posix(result.path), "title": "fiscal-lint"}
            out.write(command("error", props, f"{result.path}: {result.error or 'unreadable'}") + "\n")
            continue
        for finding in sorted_findings(result):
            out.write(annotation(result, finding, lang) + "\n")
