"""The README's commands are the ones CI runs, and its rule table matches the catalogue."""

from __future__ import annotations

import re

from conftest import ROOT, catalog


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(python3 -m venv[^\n]+)\n```", readme)


def test_ci_runs_the_readme_test_command_exactly() -> None:
    install, test = _commands()
    assert "fiscal-lint check fixtures/seed/report-2024.txt" in install
    assert "pytest" in test and "mypy" in test and "ruff" in test
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test in ci.splitlines()


def test_readme_rule_table_lists_every_rule() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| (FL\d{3}) \| ([a-z-]+) \|", readme, re.M))
    assert rows == {code: rule.name for code, rule in catalog().rules.items()}
