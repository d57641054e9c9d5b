"""bench/holdout.py scores text reports by line and PDF reports by page + nearby text."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from lint.catalog import load_catalog
from lint.engine import Options, lint_file

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "fixtures/tables/15-shared-frame-row-class-off.pdf"  # one error: 303 ≠ its 科目 on page 1


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("holdout", ROOT / "bench/holdout.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return lint_file(str(PDF), load_catalog(), Options(isolate=False))


def test_pdf_hit_by_page_and_text(result) -> None:  # type: ignore[no-untyped-def]
    assert _bench().score(result, [{"page": 1, "text": "对个人和家庭的补助"}]) == (0, 1)


def test_pdf_wrong_page_is_a_miss_and_a_false_alarm(result) -> None:  # type: ignore[no-untyped-def]
    assert _bench().score(result, [{"page": 2, "text": "对个人和家庭的补助"}]) == (1, 0)


def test_pdf_text_on_another_row_is_a_miss(result) -> None:  # type: ignore[no-untyped-def]
    # 工资福利支出 is on page 1 and a few rows above, never on the finding's own row
    assert _bench().score(result, [{"page": 1, "text": "工资福利支出"}]) == (1, 0)


def test_clean_answer_counts_every_serious_finding(result) -> None:  # type: ignore[no-untyped-def]
    assert _bench().score(result, []) == (1, 0)


def test_main_scores_pdf_and_text_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.pdf").write_bytes(PDF.read_bytes())
    (tmp_path / "a.answer.json").write_text(
        json.dumps({"genuine": [{"page": 1, "text": "对个人和家庭的补助"}]}), "utf-8"
    )
    seed = ROOT / "fixtures/seed/report-2024.txt"
    (tmp_path / "b.txt").write_text(seed.read_text("utf-8"), "utf-8")
    (tmp_path / "b.answer.json").write_text(json.dumps({"genuine": [{"line": 3}]}), "utf-8")
    assert _bench().main(str(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "a.pdf: 0 false alarm(s), 1/1 genuine found" in out
    assert "b.txt: 0 false alarm(s), 0/1 genuine found" in out
    assert "total: 2 reports, 0 false errors/warnings, 1/2 genuine found" in out
