"""Measure fiscal-lint on a blind set of reports: counts only, so the set stays unseen.

Each report NAME.txt/.md in the folder has NAME.answer.json: {"genuine": [{"line": N, ...}]}. A
finding (error or warning) at a genuine line is a hit; every other error/warning is a false alarm.
Prints one line per report and the totals; never the findings' text.

    python bench/holdout.py /path/to/holdout
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lint.catalog import load_catalog
from lint.engine import Options, lint_file
from lint.model import Severity


def main(folder: str) -> int:
    catalog = load_catalog()
    reports = sorted(p for p in Path(folder).iterdir() if p.suffix in (".txt", ".md"))
    false_alarms = hits = genuine = 0
    for path in reports:
        answer = json.loads(path.with_name(path.stem + ".answer.json").read_text("utf-8"))
        lines = {g["line"] for g in answer.get("genuine", [])}
        result = lint_file(str(path), catalog, Options())
        serious = [f for f in result.findings if f.severity >= Severity.WARNING]
        found = {f.location.line for f in serious} & lines
        wrong = [f for f in serious if f.location.line not in lines]
        false_alarms += len(wrong)
        hits += len(found)
        genuine += len(lines)
        print(f"{path.name}: {len(wrong)} false alarm(s), {len(found)}/{len(lines)} genuine found")
    print(
        f"total: {len(reports)} reports, {false_alarms} false errors/warnings, {hits}/{genuine} genuine found"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
