"""bench/holdout.py scores a finding against the genuine error: by line for text and Markdown, by a
text near the wrong figure for Word and HTML (a paragraph, a table row), by page + nearby text for PDF."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import holdout

from lint.catalog import load_catalog
from lint.engine import Options, lint_file

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "report-2024.txt"
SITE = Path(__file__).resolve().parent.parent / "fixtures" / "site"


def test_text_lines_ignore_whitespace_and_cover_rows() -> None:
    text = "标题\n一般行政管理事务\t530.00\t\t500.00\n下一行\n"
    assert holdout.text_lines(text, "一般行政管理事务 530.00") == {2}
    assert holdout.text_lines(text, "500.00 下一行") == {2, 3}
    assert holdout.text_lines(text, "不在文中") == set()


def _folder(tmp_path: Path, files: dict[str, Path | str], answers: dict[str, object]) -> Path:
    for name, source in files.items():
        target = tmp_path / name
        if isinstance(source, Path):
            target.write_bytes(source.read_bytes())
        else:
            target.write_text(source, encoding="utf-8")
    for stem, answer in answers.items():
        (tmp_path / f"{stem}.answer.json").write_text(json.dumps(answer, ensure_ascii=False), "utf-8")
    return tmp_path


def test_html_and_docx_scored_by_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(
        tmp_path,
        {
            "a.html": SITE / "yusuan-page-broken.html",
            "b.docx": SITE / "juesuan-word-broken.docx",
            "c.html": SITE / "yusuan-page.html",
        },
        {
            "a": {"genuine": [{"text": "“三公”经费预算15.60万元"}]},
            "b": {"genuine": [{"text": "一般行政管理事务"}]},
            "c": {"genuine": []},
        },
    )
    holdout.main(str(folder))
    out = capsys.readouterr().out
    assert "a.html: 0 false alarm(s), 1/1 genuine found" in out
    assert "b.docx: 0 false alarm(s), 1/1 genuine found" in out
    assert "c.html: 0 false alarm(s), 0/0 genuine found" in out
    assert "total: 3 reports, 0 false errors/warnings, 2/2 genuine found" in out


def test_a_text_elsewhere_makes_the_finding_a_false_alarm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(
        tmp_path,
        {"a.html": SITE / "yusuan-page-broken.html"},
        {"a": {"genuine": [{"text": "机关运行经费预算120.00万元"}]}},
    )
    holdout.main(str(folder))
    assert "a.html: 1 false alarm(s), 0/1 genuine found" in capsys.readouterr().out


def test_text_reports_still_scored_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = SEED.read_text("utf-8").split("\n")
    n = next(i for i, s in enumerate(lines) if "基本工资104.32万元" in s)
    lines[n] = lines[n].replace("基本工资104.32万元", "基本工资104.23万元")
    folder = _folder(tmp_path, {"r.txt": "\n".join(lines)}, {"r": {"genuine": [{"line": n + 1}]}})
    holdout.main(str(folder))
    assert "r.txt: 0 false alarm(s), 1/1 genuine found" in capsys.readouterr().out


def test_an_answer_text_not_in_the_report_is_refused(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, {"a.html": SITE / "yusuan-page.html"}, {"a": {"genuine": [{"text": "没有这句话"}]}}
    )
    with pytest.raises(SystemExit, match="answer text not found"):
        holdout.main(str(folder))


ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "fixtures/tables/15-shared-frame-row-class-off.pdf"  # one error: 303 ≠ its 科目 on page 1


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return lint_file(str(PDF), load_catalog(), Options(isolate=False))


def test_pdf_hit_by_page_and_text(result) -> None:  # type: ignore[no-untyped-def]
    assert holdout.score(result, [{"page": 1, "text": "对个人和家庭的补助"}]) == (0, 1)


def test_pdf_wrong_page_is_a_miss_and_a_false_alarm(result) -> None:  # type: ignore[no-untyped-def]
    assert holdout.score(result, [{"page": 2, "text": "对个人和家庭的补助"}]) == (1, 0)


def test_pdf_text_on_another_row_is_a_miss(result) -> None:  # type: ignore[no-untyped-def]
    # 工资福利支出 is on page 1 and a few rows above, never on the finding's own row
    assert holdout.score(result, [{"page": 1, "text": "工资福利支出"}]) == (1, 0)


def test_clean_answer_counts_every_serious_finding(result) -> None:  # type: ignore[no-untyped-def]
    assert holdout.score(result, []) == (1, 0)


def test_main_scores_pdf_and_text_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.pdf").write_bytes(PDF.read_bytes())
    (tmp_path / "a.answer.json").write_text(
        json.dumps({"genuine": [{"page": 1, "text": "对个人和家庭的补助"}]}), "utf-8"
    )
    seed = ROOT / "fixtures/seed/report-2024.txt"
    (tmp_path / "b.txt").write_text(seed.read_text("utf-8"), "utf-8")
    (tmp_path / "b.answer.json").write_text(json.dumps({"genuine": [{"line": 3}]}), "utf-8")
    assert holdout.main(str(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "a.pdf: 0 false alarm(s), 1/1 genuine found" in out
    assert "b.txt: 0 false alarm(s), 0/1 genuine found" in out
    assert "total: 2 reports, 0 false errors/warnings, 1/2 genuine found" in out


def test_at_counts_only_the_findings_own_location(tmp_path: Path) -> None:
    # a stated tie (700.00 or 470.00 or 280.00) stands at its total on line 3; the genuine slip is on
    # line 4: any figure of the finding hits it, but its own location does not
    text = "某县图书馆2024年度部门决算说明\n\n本年支出合计700.00万元，其中：\n基本支出470.00万元，项目支出280.00万元。\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    result = lint_file(str(path), load_catalog(), Options(isolate=False))
    assert holdout.score(result, [{"line": 4}]) == (0, 1)
    assert holdout.score(result, [{"line": 4}], own=True) == (1, 0)
    assert holdout.score(result, [{"line": 3}], own=True) == (0, 1)
