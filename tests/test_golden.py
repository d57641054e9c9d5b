"""Golden tests: every fixture report against the findings a careful reviewer expects.

Each fixture `X.txt` under fixtures/broken, fixtures/reports (and the seed) has a hand-written
`X.expected.json`:

    {"why": "<the edit / the planted errors>",
     "findings": [{"rule": "FL201", "line": 51, "figures": ["268.72万元", "20.23万元"], "severity": "error"}, ...]}

The goldens are written from the edit, never copied from the linter's output. For each fixture:

* the set of (rule, line) of the linter's error+warning findings equals the golden's error+warning
  entries exactly (no missed error, no false alarm);
* every golden entry (info included) is matched by its own finding with the same rule, line and
  severity that names every listed figure text (any order; extra figures allowed);
* extra info findings are allowed;
* a relation listed as related under the finding of its root cause (lint/checks/group.py) counts
  as reported, with its own rule, line and severity; and no two error/warning findings left at the
  top share one suggested change (one finding per root cause).

Where the engine disagrees with a golden, the case is marked xfail(strict=True) in KNOWN_BUGS with
the precise bug; fix the engine, then delete the entry (strict: a fixed bug fails the xfail).
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from lint.catalog import load_catalog
from lint.checks.group import cause
from lint.engine import Options, lint_file
from lint.model import Finding, Severity

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
SEED = FIX / "seed" / "report-2024.txt"

# The seed's golden lives beside its byte-identical copy (fixtures/seed/ holds only the seed).
GOLDEN_OVERRIDE = {SEED: FIX / "broken" / "00-seed-copy.expected.json"}

# fixture path relative to fixtures/  ->  the engine bug that makes it disagree with its golden.
KNOWN_BUGS: dict[str, str] = {
    "provinces/h3-sd_xianji_yusuan_zhixing.txt": (
        "missed FL261 at L35: 2023年一般公共预算收入 is 286453万元 on L10 ('全县一般公共预算收入完成…') and 286435万元 on "
        "L35 ('在2023年完成286435万元的基础上'); the two labels are not read as one quantity."
    ),
    "provinces/heilongjiang-beilin-2023-yusuan-zhixing-baogao.txt": (
        "missed FL211 at L14: '民生支出277,615万元，占一般公共预算支出的81.53%' names its whole "
        "(一般公共预算支出 341,276, stated on L13 as 支出完成) by a label the whole's figure does not carry."
    ),
    "broken/10-total-one-place.txt": (
        "(a) false FL222 at L31: with 减少477.74 written, the rate is checked against the computed difference 486.74 "
        "(1210.48-723.74) and the message says '477.74 ÷ 1210.48 = 40.21%' (wrong arithmetic; 477.74/1210.48 = 39.47%, "
        "which is what is written); the wrong difference is already FL221. (b) missed FL261 at L31: 收入723.74 (预算执行（决算）收入) "
        "vs 决算收入支出732.74 on L35/L39 and 财政拨款收入支出732.74 on L51 are not treated as one quantity (domain R25)."
    ),
    "reports/yusuan-2025.txt": (
        "(a) false FL201 at L17: nested '（其中公务用车购置费0万元，公务用车运行维护费8.40万元）' does not close at '）', "
        "公务接待费4.20 becomes a part of 公务用车购置及运行维护费8.40. (b) missed FL222 at L5: '收入预算较上年增加941.00万元，"
        "同比增长5.13%' names its current value (收入预算总计18,652.30万元) in the previous sentence; the change is not "
        "linked, so the rate (expected 941.00/17,711.30 = 5.31%) is never checked (same sentence works)."
    ),
}


def fixtures() -> list[Path]:
    found = sorted((FIX / "broken").glob("*.txt")) + sorted((FIX / "reports").glob("*.txt"))
    for folder in ("realistic", "precision", "provinces", "noisy"):
        found += sorted(p for p in (FIX / folder).iterdir() if p.suffix in (".txt", ".md"))
    return [*found, SEED]


def golden_path(path: Path) -> Path:
    return GOLDEN_OVERRIDE.get(path, path.with_name(path.stem + ".expected.json"))


def _id(path: Path) -> str:
    return str(path.relative_to(FIX))


def _params() -> list[object]:
    out = []
    for p in fixtures():
        marks = []
        reason = KNOWN_BUGS.get(_id(p))
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        out.append(pytest.param(p, id=_id(p), marks=marks))
    return out


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _describe(findings: list[Finding]) -> str:
    return "\n".join(
        f"  {f.rule} {f.severity.label} line {f.location.line}: {[fig.text for _, fig in f.figures]} {f.message}"
        for f in findings
    )


def flatten(findings: list[Finding]) -> list[Finding]:
    """Each finding followed by the related relations merged into it."""
    return [x for f in findings for x in (f, *f.related)]


def _names(finding: Finding, figures: list[str]) -> bool:
    texts = [_norm(fig.text) for _, fig in finding.figures]
    return all(_norm(t) in texts for t in figures)


def _assign(expected: list[dict], findings: list[Finding]) -> list[dict]:
    """Match each expected entry to a distinct finding; return the entries left unmatched (max matching)."""
    cands = [
        [
            i
            for i, f in enumerate(findings)
            if f.rule == e["rule"]
            and f.location.line == e["line"]
            and f.severity == Severity.parse(e["severity"])
            and _names(f, e["figures"])
        ]
        for e in expected
    ]
    match: dict[int, int] = {}  # finding index -> expected index

    def augment(j: int, seen: set[int]) -> bool:
        for i in cands[j]:
            if i in seen:
                continue
            seen.add(i)
            if i not in match or augment(match[i], seen):
                match[i] = j
                return True
        return False

    for j in range(len(expected)):
        augment(j, set())
    matched = set(match.values())
    return [e for j, e in enumerate(expected) if j not in matched]


def test_every_fixture_has_a_golden() -> None:
    missing = [_id(p) for p in fixtures() if not golden_path(p).is_file()]
    assert not missing, f"fixtures without X.expected.json: {missing}"
    for p in fixtures():
        g = json.loads(golden_path(p).read_text(encoding="utf-8"))
        assert isinstance(g.get("why"), str) and g["why"].strip(), f"{_id(p)}: golden needs a 'why'"
        for e in g["findings"]:
            assert set(e) == {"rule", "line", "figures", "severity"}, (_id(p), e)
            assert e["severity"] in ("error", "warning", "info"), (_id(p), e)


def test_broken_fixtures_are_up_to_date() -> None:
    """fixtures/broken/*.txt are exactly what make_broken.py generates from the current seed."""
    proc = subprocess.run(
        [sys.executable, str(FIX / "make_broken.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_seed_copy_is_the_seed() -> None:
    assert (FIX / "broken" / "00-seed-copy.txt").read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("path", _params())
def test_golden(path: Path, catalog) -> None:
    golden = json.loads(golden_path(path).read_text(encoding="utf-8"))
    expected: list[dict] = golden["findings"]
    result = lint_file(str(path), catalog, Options())
    assert result.status == "ok", result.error
    findings = flatten(result.findings)
    causes = [c for f in result.findings if (c := cause(f)) is not None]
    assert len(causes) == len(set(causes)), "two findings for one root cause:\n" + _describe(result.findings)
    shown = f"\nwhy: {golden['why']}\nlinter said:\n{_describe(findings) or '  (nothing)'}"

    got_ew = {(f.rule, f.location.line) for f in findings if f.severity >= Severity.WARNING}
    want_ew = {(e["rule"], e["line"]) for e in expected if e["severity"] in ("error", "warning")}
    assert got_ew == want_ew, (
        f"missed: {sorted(want_ew - got_ew)}  unexpected: {sorted(got_ew - want_ew)}" + shown
    )

    unmatched = _assign(expected, findings)
    assert not unmatched, f"no finding with this rule, line, severity and figures: {unmatched}" + shown
