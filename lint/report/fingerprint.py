"""Fingerprints: one stable key per finding, shared by SARIF partialFingerprints and the baseline.

A key says what the finding is about, never where it sits, so that an unrelated edit (a paragraph
added above, a page break moved) leaves it unchanged:

* the file (as the caller names it: relative to the working directory for SARIF, to the baseline
  file for a baseline) and the rule;
* the figures it involves (role, label, value, unit), order-free;
* for a finding without figures (numbering, years, template gaps), its anchor text: the words written
  where it points (a heading's marker and title, a year mention and what follows), never a line number;
* the expected and actual values it states.

Two findings that still agree on all of that (the same slip written twice) are told apart by their
order of appearance: the second gets `#2`. Every finding of a file therefore has its own key.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Sequence

from lint.model import FileResult, Finding

ANCHOR_CHARS = 40  # enough for a heading's marker and title; short enough to miss unrelated edits


def anchor_text(result: FileResult, finding: Finding) -> str:
    """The words written where a figure-less finding points, whitespace-free and NFKC-folded."""
    doc = result.document
    offset = finding.location.offset
    if doc is None or not 0 <= offset < len(doc.text):
        return ""
    end = doc.text.find("\n", offset)
    window = doc.text[offset : end if end >= 0 else len(doc.text)]
    folded = "".join(unicodedata.normalize("NFKC", window).split())
    return folded[:ANCHOR_CHARS]


def finding_key(result: FileResult, finding: Finding, path_key: str) -> str:
    figures = sorted(f"{role}\x1f{fig.label}\x1f{fig.value}\x1f{fig.unit}" for role, fig in finding.figures)
    anchor = "" if figures else anchor_text(result, finding)
    stated = f"{finding.expected or ''}\x1f{finding.actual or ''}"
    return "\x1e".join([path_key, finding.rule, *figures, anchor, stated])


def fingerprints(
    result: FileResult, path_key: str, findings: Sequence[Finding] | None = None
) -> dict[int, str]:
    """id(finding) → its fingerprint (32 hex digits), unique within the file. Repeats of one key are
    numbered in reading order (offset), so the numbering does not depend on how findings are sorted."""
    chosen = result.findings if findings is None else findings
    seen: Counter[str] = Counter()
    out: dict[int, str] = {}
    for f in sorted(chosen, key=lambda x: (x.location.offset, x.rule)):
        key = finding_key(result, f, path_key)
        seen[key] += 1
        data = key if seen[key] == 1 else f"{key}\x1d#{seen[key]}"
        out[id(f)] = hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
    return out
