"""Measure fiscal-lint on a blind set of reports: counts only, so the set stays unseen.

Each report NAME.txt/.md/.pdf in the folder has NAME.answer.json. Text reports name their genuine
errors by line: {"genuine": [{"line": N, ...}]}. A PDF's lines are the reader's, not the author's, so
PDF reports name them by page and a short text near the error: {"genuine": [{"page": N, "text": "…"}]}.
A finding (error or warning) is a hit when its location, or the location of a figure it involves, is
at a genuine line (text), or on the genuine page with that text on the same line of the read text
and within `WINDOW` characters of it (PDF: one table row, or a stretch of a paragraph); every other
error/warning is a false alarm. Prints one line per report and the totals; never the findings'
text.

    python bench/holdout.py /path/to/holdout
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lint.catalog import load_catalog
from lint.engine import Options, lint_file
from lint.model import FileResult, Finding, Location, Severity

SUFFIXES = (".txt", ".md", ".pdf")
WINDOW = 40  # characters either side of a PDF finding that its genuine text must fall in


def _locations(f: Finding) -> Iterable[Location]:
    yield f.location
    for _, fig in f.figures:
        yield fig.location


def _squeeze(s: str) -> str:
    return "".join(s.split())


def _at(f: Finding, g: dict[str, Any], text: str) -> bool:
    """Whether finding f points at the genuine error g."""
    if "line" in g:
        return f.location.line == g["line"]
    want = _squeeze(g["text"])
    for loc in _locations(f):
        if loc.page == g["page"]:
            start = max(0, loc.offset - WINDOW, text.rfind("\n", 0, loc.offset) + 1)
            end = text.find("\n", loc.offset)
            end = min(loc.offset + WINDOW, len(text) if end < 0 else end)
            if want in _squeeze(text[start:end]):
                return True
    return False


def score(result: FileResult, genuine: list[dict[str, Any]]) -> tuple[int, int]:
    """(false alarms, genuine errors found) of one linted report against its answers."""
    text = result.document.text if result.document is not None else ""
    serious = [f for f in result.findings if f.severity >= Severity.WARNING]
    found = sum(1 for g in genuine if any(_at(f, g, text) for f in serious))
    wrong = sum(1 for f in serious if not any(_at(f, g, text) for g in genuine))
    return wrong, found


def main(folder: str) -> int:
    catalog = load_catalog()
    reports = sorted(p for p in Path(folder).iterdir() if p.suffix in SUFFIXES)
    false_alarms = hits = genuine = 0
    for path in reports:
        answer = json.loads(path.with_name(path.stem + ".answer.json").read_text("utf-8"))
        wanted = list(answer.get("genuine", []))
        result = lint_file(str(path), catalog, Options())
        if result.status != "ok":
            print(f"{path.name}: not read ({result.error})")
            genuine += len(wanted)
            continue
        wrong, found = score(result, wanted)
        false_alarms += wrong
        hits += found
        genuine += len(wanted)
        print(f"{path.name}: {wrong} false alarm(s), {found}/{len(wanted)} genuine found")
    print(
        f"total: {len(reports)} reports, {false_alarms} false errors/warnings, {hits}/{genuine} genuine found"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
