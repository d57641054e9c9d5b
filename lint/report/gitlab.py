"""GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
severity, location.path, location.lines.begin) that GitLab shows in merge requests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TextIO

from lint.catalog import Catalog
from lint.model import FileResult, Severity
from lint.report._common import json_text, one_line, rel_posix, scrubbed, sorted_findings, tr
from lint.report.fingerprint import fingerprints

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(results: Sequence[FileResult], lang: str) -> list[dict[str, object]]:
    """One issue per finding; fingerprints are the shared ones (lint/report/fingerprint.py), so GitLab,
    SARIF and the baseline agree on what counts as the same finding."""
    out: list[dict[str, object]] = []
    for r in results:
        path = rel_posix(r.path)
        if r.status == "error":
            description = tr(lang, "unreadable", path=path, reason=one_line(r.error or ""))
            digest = hashlib.sha256(f"{path}|unreadable".encode()).hexdigest()
            out.append(_issue(description, "fiscal-lint/unreadable", digest, "critical", path, 1))
            continue
        prints = fingerprints(r, path)
        for f in sorted_findings(r):
            where = f" ({tr(lang, 'page', n=f.location.page)})" if f.location.page else ""
            text = f"{f.rule} {f.name}{where}: {one_line(f.message)}"
            check = f"{f.rule}-{f.name}"
            out.append(_issue(text, check, prints[id(f)], _SEVERITY[f.severity], path, f.location.line))
    return out


def _issue(text: str, check: str, digest: str, severity: str, path: str, line: int) -> dict[str, object]:
    return {
        "description": text,
        "check_name": check,
        "fingerprint": digest,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": max(1, line)}},
    }


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    out.write(json_text(scrubbed(issues(results, lang))) + "\n")
