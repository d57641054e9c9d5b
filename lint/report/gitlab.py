"""GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
severity, location.path, location.lines.begin) that GitLab shows in merge requests."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from lint.catalog import Catalog
from lint.model import FileResult, Finding, Severity
from lint.report._common import json_text, one_line, rel_posix, scrubbed, sorted_findings, tr

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _key(path: str, f: Finding) -> str:
    """What the finding is about, not where: the file, the rule and its figures (or its message)."""
    figures = sorted(f"{role}:{fig.label}:{fig.value}:{fig.unit}" for role, fig in f.figures)
    return "|".join([path, f.rule, *(figures or [f.message])])


def issues(results: Sequence[FileResult], lang: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    seen: Counter[str] = Counter()
    for r in results:
        path = rel_posix(r.path)
        if r.status == "error":
            description = tr(lang, "unreadable", path=path, reason=one_line(r.error or ""))
            findings: list[tuple[str, str, str, int]] = [("unreadable", description, "critical", 1)]
        else:
            findings = []
            for f in sorted_findings(r):
                where = f" ({tr(lang, 'page', n=f.location.page)})" if f.location.page else ""
                text = f"{f.rule} {f.name}{where}: {one_line(f.message)}"
                findings.append((_key(path, f), text, _SEVERITY[f.severity], f.location.line))
        for (key, text, severity, line), f2 in zip(findings, _checks(r), strict=True):
            seen[key] += 1
            digest = hashlib.sha256(f"{key}#{seen[key]}".encode()).hexdigest()
            out.append(
                {
                    "description": text,
                    "check_name": f2,
                    "fingerprint": digest,
                    "severity": severity,
                    "location": {"path": path, "lines": {"begin": max(1, line)}},
                }
            )
    return out


def _checks(r: FileResult) -> list[str]:
    if r.status == "error":
        return ["fiscal-lint/unreadable"]
    return [f"{f.rule}-{f.name}" for f in sorted_findings(r)]


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
