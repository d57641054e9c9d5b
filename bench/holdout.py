"""Measure fiscal-lint on a blind set of reports: counts only, so the set stays unseen.

Each report NAME.txt/.md/.docx/.html in the folder has NAME.answer.json:
{"genuine": [{"line": N} | {"text": "<short unique text near the wrong figure>"}]}. A "line" names a
line of a text or Markdown file; a "text" is found (whitespace ignored) in the text fiscal-lint reads
from the report, in any format, and stands for the lines it covers: a Word or HTML paragraph, a table
row. A finding (error or warning) whose location or any of whose figures is on a genuine line is a hit;
every other error/warning is a false alarm. Prints one line per report and the totals; never the
findings' text.

    python bench/holdout.py /path/to/holdout
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from lint.catalog import load_catalog
from lint.engine import Options, lint_file
from lint.model import Finding, Severity
from lint.readers import read

SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm")


def text_lines(text: str, needle: str) -> set[int]:
    """The 1-based lines of `text` that the first occurrence of `needle` covers, whitespace ignored
    on both sides (a table row reads as tab-separated cells); empty when it does not occur."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[i] for i in keep)
    want = "".join(needle.split())
    at = compact.find(want) if want else -1
    if at < 0:
        return set()
    first, last = keep[at], keep[at + len(want) - 1]
    return set(range(text.count("\n", 0, first) + 1, text.count("\n", 0, last) + 2))


def genuine_lines(path: Path, answer: dict[str, Any]) -> list[set[int]]:
    """One set of lines per genuine error; a text not found in the report is a broken answer file."""
    out: list[set[int]] = []
    text: str | None = None
    for g in answer.get("genuine", []):
        if "line" in g:
            out.append({int(g["line"])})
            continue
        if text is None:
            text = read(str(path)).text
        lines = text_lines(text, g["text"])
        if not lines:
            raise SystemExit(f"{path.name}: answer text not found: {g['text']}")
        out.append(lines)
    return out


def finding_lines(f: Finding) -> set[int]:
    return {f.location.line} | {fig.location.line for _, fig in f.figures}


def score(path: Path, findings: list[Finding]) -> tuple[int, int, int]:
    """(false alarms, genuine found, genuine) for one report."""
    answer = json.loads(path.with_name(path.stem + ".answer.json").read_text("utf-8"))
    genuine = genuine_lines(path, answer)
    serious = [f for f in findings if f.severity >= Severity.WARNING]
    found = sum(1 for lines in genuine if any(finding_lines(f) & lines for f in serious))
    wrong = [f for f in serious if not any(finding_lines(f) & lines for lines in genuine)]
    return len(wrong), found, len(genuine)


def main(folder: str) -> int:
    catalog = load_catalog()
    reports = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in SUFFIXES)
    false_alarms = hits = genuine = 0
    for path in reports:
        result = lint_file(str(path), catalog, Options())
        wrong, found, total = score(path, result.findings)
        false_alarms += wrong
        hits += found
        genuine += total
        status = "" if result.status == "ok" else " (not read)"
        print(f"{path.name}: {wrong} false alarm(s), {found}/{total} genuine found{status}")
    print(
        f"total: {len(reports)} reports, {false_alarms} false errors/warnings, {hits}/{genuine} genuine found"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
