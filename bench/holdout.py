"""Measure fiscal-lint on a blind set of reports: counts only, so the set stays unseen.

Each report NAME.txt/.md/.docx/.html/.pdf in the folder has NAME.answer.json naming its genuine
errors, each in one of three ways:

- {"line": N}: a line of a text or Markdown file;
- {"text": "…"}: a short unique text near the wrong figure, found (whitespace ignored) in the text
  fiscal-lint reads from the report, standing for the lines it covers (a Word or HTML paragraph, a
  table row);
- {"page": N, "text": "…"}: a PDF's lines are the reader's, not the author's: the text must stand on
  the finding's page, on the same read line and within `WINDOW` characters of it.

A finding (error or warning) whose location, or the location of any figure it involves, points at a
genuine error is a hit; every other error/warning is a false alarm. Prints one line per report and
the totals; never the findings' text. With --at only the finding's own location counts (where a
reviewer, a CI annotation and a grader look), not the other figures it lists.

    python bench/holdout.py /path/to/holdout [--at]
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

SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")
WINDOW = 40  # characters either side of a PDF finding that its genuine text must fall in


def _squeeze(s: str) -> str:
    return "".join(s.split())


def text_lines(text: str, needle: str) -> set[int]:
    """The 1-based lines of `text` that the first occurrence of `needle` covers, whitespace ignored
    on both sides (a table row reads as tab-separated cells); empty when it does not occur."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[i] for i in keep)
    want = _squeeze(needle)
    at = compact.find(want) if want else -1
    if at < 0:
        return set()
    first, last = keep[at], keep[at + len(want) - 1]
    return set(range(text.count("\n", 0, first) + 1, text.count("\n", 0, last) + 2))


def _locations(f: Finding, own: bool = False) -> Iterable[Location]:
    yield f.location
    if not own:
        for _, fig in f.figures:
            yield fig.location


def _near_on_page(loc: Location, g: dict[str, Any], text: str) -> bool:
    if loc.page != g["page"]:
        return False
    start = max(0, loc.offset - WINDOW, text.rfind("\n", 0, loc.offset) + 1)
    end = text.find("\n", loc.offset)
    end = min(loc.offset + WINDOW, len(text) if end < 0 else end)
    return _squeeze(g["text"]) in _squeeze(text[start:end])


def _matcher(g: dict[str, Any], text: str, name: str) -> Any:
    """A test of one location against the genuine error g."""
    if "line" in g:
        return lambda loc: loc.line == int(g["line"])
    if "page" in g:
        return lambda loc: _near_on_page(loc, g, text)
    lines = text_lines(text, g["text"])
    if not lines:
        raise SystemExit(f"{name}: answer text not found: {g['text']}")
    return lambda loc: loc.line in lines


def score(result: FileResult, genuine: list[dict[str, Any]], own: bool = False) -> tuple[int, int]:
    """(false alarms, genuine errors found) of one linted report against its answers; `own`: only
    the finding's own location counts."""
    text = result.document.text if result.document is not None else ""
    tests = [_matcher(g, text, result.path) for g in genuine]
    serious = [f for f in result.findings if f.severity >= Severity.WARNING]

    def at(f: Finding, test: Any) -> bool:
        return any(test(loc) for loc in _locations(f, own))

    found = sum(1 for t in tests if any(at(f, t) for f in serious))
    wrong = sum(1 for f in serious if not any(at(f, t) for t in tests))
    return wrong, found


def main(folder: str, own: bool = False) -> int:
    catalog = load_catalog()
    reports = sorted(p for p in Path(folder).iterdir() if p.suffix in SUFFIXES)
    false_alarms = hits = genuine = 0
    for path in reports:
        answer = json.loads(path.with_name(path.stem + ".answer.json").read_text("utf-8"))
        wanted = list(answer.get("genuine", []))
        result = lint_file(str(path), catalog, Options())
        genuine += len(wanted)
        if result.status != "ok":
            print(f"{path.name}: not read ({result.error})")
            continue
        wrong, found = score(result, wanted, own)
        false_alarms += wrong
        hits += found
        print(f"{path.name}: {wrong} false alarm(s), {found}/{len(wanted)} genuine found")
    print(
        f"total: {len(reports)} reports, {false_alarms} false errors/warnings, {hits}/{genuine} genuine found"
    )
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(next(a for a in args if a != "--at"), "--at" in args))
