"""Real published reports: the error/warning findings equal the hand-verified goldens.

Each fixtures/corpus/<name>.expected.json lists every error/warning finding (rule, page) with the
arithmetic verified by hand ("why"); genuine inconsistencies the linter misses are under "missed" and
are not asserted. caizhengju (3.7 MB), the two 预算 PDFs and the five Jiangsu 部门预算 PDFs are read from
../shared/corpus when present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.catalog import Catalog, load_catalog
from lint.engine import Options, lint_file
from lint.model import Severity

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
SHARED = ROOT.parent / "shared" / "corpus" / "shanghai-putuo"
JIANGSU = ROOT.parent / "shared" / "corpus" / "jiangsu"
NAMES = [
    "caizhengju-2024-juesuan",
    "shehui-gongzuobu-2024-juesuan",
    "template-bumen-juesuan",
    "wanli-jiedao-2024-yusuan",
    "qu-zhengfu-bangongshi-2025-yusuan",
    "gaoyuan-2018-yusuan",
    "jianchayuan-2018-yusuan",
    "renda-2017-yusuan",
    "shengweiban-2017-yusuan",
    "zhengxie-2017-yusuan",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _pdf(name: str) -> Path | None:
    for p in (CORPUS / f"{name}.pdf", SHARED / f"{name}.pdf", JIANGSU / f"{name}.pdf"):
        if p.is_file():
            return p
    return None


@pytest.mark.parametrize("name", NAMES)
def test_corpus_golden(catalog: Catalog, name: str) -> None:
    pdf = _pdf(name)
    if pdf is None:
        pytest.skip(f"{name}.pdf not available")
    golden = json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))
    result = lint_file(str(pdf), catalog, Options())
    assert result.status == "ok", result.error
    got = sorted((f.rule, f.location.page) for f in result.findings if f.severity >= Severity.WARNING)
    want = sorted((g["rule"], g["page"]) for g in golden["findings"])
    assert got == want
    for g in golden["findings"]:
        assert g["why"]
