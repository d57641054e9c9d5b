"""fixtures/structure: the structure family (FL301–FL306) on report shapes that gave false alarms, and on
genuine numbering, section and year errors.

Each fixtures/structure/X.txt has X.expected.json in the format of fixtures/realistic
({"why": …, "findings": [{"rule", "line", "figures", "severity"}]}), written from the shape of the text,
not from the linter's output. Only the structure family is compared here (the fixtures state no broken
arithmetic, so the other families have nothing to say about them):

* the (rule, line) of its error and warning findings equal the golden's error and warning entries;
* every golden entry (info included) is matched by a finding with the same rule, line and severity;
* further infos are allowed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.catalog import Catalog, load_catalog
from lint.engine import Options, lint_file
from lint.model import Severity

DIR = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
FIXTURES = sorted(DIR.glob("*.txt"))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_there_are_fixtures_for_every_rule() -> None:
    rules = set()
    for path in FIXTURES:
        golden = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
        rules |= {g["rule"] for g in golden["findings"]}
    assert {"FL301", "FL302", "FL304", "FL305"} <= rules
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_structure_fixture(catalog: Catalog, path: Path) -> None:
    golden = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    assert golden["why"]
    result = lint_file(str(path), catalog, Options(select=["FL3"]))
    assert result.status == "ok", result.error
    got = [(f.rule, f.location.line, f.severity.label) for f in result.findings]
    loud = sorted((r, ln) for r, ln, sev in got if Severity.parse(sev) >= Severity.WARNING)
    want = sorted(
        (g["rule"], g["line"])
        for g in golden["findings"]
        if Severity.parse(g["severity"]) >= Severity.WARNING
    )
    assert loud == want, got
    for g in golden["findings"]:
        assert (g["rule"], g["line"], g["severity"]) in got, (g, got)
