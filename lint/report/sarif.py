"""SARIF 2.1.0 output: one run, rules[] from the codes that fired, unreadable files as notifications."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from lint.catalog import Catalog, rule_doc
from lint.model import FileResult, Finding, Location, Severity
from lint.report._common import (
    cell_place,
    describe_arithmetic,
    describe_figure,
    describe_related,
    describe_suggestion,
    finding_place,
    json_text,
    paged,
    primary_figure,
    rel_posix,
    scrubbed,
    sorted_findings,
    tr,
)
from lint.report.fingerprint import fingerprints

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# v2: unique per finding (figure-less findings anchored on their words; repeats numbered)
FINGERPRINT_KEY = "fiscalLint/v2"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    out.write(json_text(scrubbed(build(results, catalog, lang=lang, version=version))) + "\n")


def build(results: Sequence[FileResult], catalog: Catalog, *, lang: str, version: str) -> dict[str, object]:
    """The SARIF log as a dict."""
    rule_index: dict[str, int] = {}
    rules: list[dict[str, object]] = []
    sarif_results: list[dict[str, object]] = []
    notifications: list[dict[str, object]] = []
    for result in results:
        if result.status == "error":
            notifications.append(_notification(result))
            continue
        prints = fingerprints(result, rel_posix(result.path))
        for finding in sorted_findings(result):
            if finding.rule not in rule_index:
                rule_index[finding.rule] = len(rules)
                rules.append(_rule(finding, catalog, lang))
            sarif_results.append(
                _result(result, finding, rule_index[finding.rule], lang, prints[id(finding)])
            )
    driver: dict[str, object] = {"name": "fiscal-lint"}
    if version:
        driver["version"] = version
    driver["rules"] = rules
    run: dict[str, object] = {
        "tool": {"driver": driver},
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def artifact_uri(path: str) -> str:
    """A relative posix URI where possible (what code scanning needs), else a file: URI."""
    rel = rel_posix(path)
    if Path(rel).is_absolute():
        return Path(rel).as_uri()
    return quote(rel, safe="/")


def _rule(finding: Finding, catalog: Catalog, lang: str) -> dict[str, object]:
    level = LEVELS[finding.severity]
    rule_def = catalog.rules.get(finding.rule)
    if rule_def is None:
        return {"id": finding.rule, "name": finding.name, "defaultConfiguration": {"level": level}}
    summary = rule_def.summary(lang)
    doc = (rule_def.doc_zh or rule_def.doc_en) if lang == "zh" else (rule_def.doc_en or rule_def.doc_zh)
    doc = doc.strip() or summary
    return {
        "id": rule_def.code,
        "name": rule_def.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": rule_doc(rule_def, lang), "markdown": rule_doc(rule_def, lang, markdown=True)},
        "defaultConfiguration": {"level": LEVELS[rule_def.severity]},
        "properties": {"tags": [rule_def.family], "family": rule_def.family, "pack": rule_def.pack},
    }


def _physical(path: str, loc: Location, length: int | None) -> dict[str, object]:
    region: dict[str, object] = {
        "startLine": max(loc.line, 1),
        "startColumn": max(loc.column, 1),
        "charOffset": max(loc.shown_offset, 0),
    }
    if length:
        region["charLength"] = length
    return {"artifactLocation": {"uri": artifact_uri(path)}, "region": region}


def _where(loc: Location) -> dict[str, object]:
    props: dict[str, object] = {}
    if loc.page is not None:
        props["page"] = loc.page
    if loc.bbox is not None:
        props["bbox"] = list(loc.bbox)
    if loc.where:
        props["where"] = loc.where
    return props


def _result(result: FileResult, finding: Finding, index: int, lang: str, print_: str) -> dict[str, object]:
    """One result. For a PDF the message starts with the page (and table cell) and properties carry
    page, bbox and that place; the region (lines of the extracted text) stays because code scanning
    needs a startLine, but nobody should have to read it."""
    path = result.path
    primary = primary_figure(finding)
    length = primary.end - primary.start if primary else None
    props = _where(finding.location)
    message = finding.message
    if paged(finding.location):
        where = finding_place(result, finding, lang)
        props["place"] = where
        cell = cell_place(result.document, primary, lang)
        if cell:
            props["tableCell"] = cell
        message = f"{where}: {message}"
    extra = {
        "expected": finding.expected,
        "actual": finding.actual,
        "arithmetic": describe_arithmetic(finding, lang),
        "suggestion": describe_suggestion(finding, lang),
    }
    props.update({k: v for k, v in extra.items() if v is not None})
    related = []
    for i, (role, fig) in enumerate(finding.figures):
        rel: dict[str, object] = {
            "id": i,
            "physicalLocation": _physical(path, fig.location, fig.end - fig.start),
            "message": {"text": describe_figure(role, fig, lang, result.document)},
        }
        if fig.location.page is not None or fig.location.bbox is not None:
            rel["properties"] = _where(fig.location)
        related.append(rel)
    # the other relations of the same root cause (lint/checks/group.py), each at its own place
    for other in finding.related:
        other_fig = primary_figure(other)
        rel = {
            "id": len(related),
            "physicalLocation": _physical(
                path, other.location, other_fig.end - other_fig.start if other_fig else None
            ),
            "message": {"text": describe_related(other, lang)},
        }
        if other.location.page is not None or other.location.bbox is not None:
            rel["properties"] = _where(other.location)
        related.append(rel)
    out: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(path, finding.location, length)}],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
    }
    if related:
        out["relatedLocations"] = related
    if props:
        out["properties"] = props
    return out


def _notification(result: FileResult) -> dict[str, object]:
    reason = result.error or tr("en", "status_error")
    return {
        "level": "error",
        "message": {"text": f"{result.path}: {reason}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)}}}],
    }
