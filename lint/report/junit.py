"""JUnit XML: one testsuite per file, one testcase per finding (errors and warnings fail)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from lint.catalog import Catalog
from lint.model import FileResult, Finding, Severity
from lint.report._common import (
    describe_arithmetic,
    describe_related,
    describe_suggestion,
    finding_place,
    header,
    paged,
    safe,
    sorted_findings,
    tr,
)

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    """Text XML can carry, with control and bidi characters from the report made inert."""
    return _NOT_XML.sub("\ufffd", safe(text))


def _details(result: FileResult, finding: Finding, lang: str) -> str:
    lines = [f"{header(result, finding, lang)}: {finding.rule} [{finding.severity.label}] {finding.name}"]
    if paged(finding.location):
        lines.append(finding_place(result, finding, lang))
    lines.append(finding.message)
    for extra in (describe_arithmetic(finding, lang), describe_suggestion(finding, lang)):
        if extra:
            lines.append(extra)
    lines += [f"+ {tr(lang, 'related')}: {describe_related(r, lang)}" for r in finding.related]
    return _x("\n".join(lines))


def _case(suite: ET.Element, name: str, path: str, line: int | None = None) -> ET.Element:
    attrs = {"name": _x(name), "classname": _x(path), "file": _x(path)}
    if line is not None:
        attrs["line"] = str(line)
    return ET.SubElement(suite, "testcase", attrs)


def _finding_case(suite: ET.Element, result: FileResult, finding: Finding, lang: str) -> int:
    """Add the testcase for one finding; 1 if it is a failure (error or warning), else 0. A PDF's
    testcase is named by its page (a PDF has no lines), a text draft's by line:column."""
    loc = finding.location
    if paged(loc):
        name = f"{finding.rule} {finding.name} {tr(lang, 'page', n=loc.page)}"
        case = _case(suite, name, result.path)
    else:
        case = _case(suite, f"{finding.rule} {finding.name} {loc.line}:{loc.column}", result.path, loc.line)
    details = _details(result, finding, lang)
    if finding.severity < Severity.WARNING:
        ET.SubElement(case, "system-out").text = details
        return 0
    message = finding.message
    if paged(loc):
        message = f"{finding_place(result, finding, lang)}: {message}"
    attrs = {"message": _x(message), "type": f"{finding.rule} {finding.severity.label}"}
    ET.SubElement(case, "failure", attrs).text = details
    return 1


def _suite(result: FileResult, lang: str) -> tuple[ET.Element, int, int, int]:
    """The testsuite for one file, with its (tests, failures, errors) counts."""
    suite = ET.Element("testsuite", {"name": _x(result.path)})
    failures = errors = 0
    if result.status == "error":
        reason = result.error or tr(lang, "status_error")
        case = _case(suite, "read", result.path)
        ET.SubElement(case, "error", {"message": _x(reason), "type": "unreadable"}).text = _x(reason)
        errors = 1
    elif not result.findings:
        _case(suite, tr(lang, "no_findings"), result.path)
    else:
        for finding in sorted_findings(result):
            failures += _finding_case(suite, result, finding, lang)
    tests = len(suite)
    suite.attrib.update(tests=str(tests), failures=str(failures), errors=str(errors), skipped="0")
    return suite, tests, failures, errors


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    root = ET.Element("testsuites", {"name": "fiscal-lint"})
    totals = [0, 0, 0]
    for result in results:
        suite, *counts = _suite(result, lang)
        root.append(suite)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    root.attrib.update(tests=str(totals[0]), failures=str(totals[1]), errors=str(totals[2]))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
