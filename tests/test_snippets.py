"""Readable text diagnostics (issue 9 item 3): a window of the sentence, role names, the culprit
marked apart, intervals as the report writes its figures, words for what cannot be computed, and
the one-line concise format."""

from __future__ import annotations

import io

from conftest import ROOT, catalog, lint_text
from rich.cells import cell_len

from lint.engine import Options, lint_file
from lint.model import FileResult
from lint.report import emit
from lint.report.text import marker_rows, window

BROKEN = ROOT / "fixtures" / "broken"


def _render(fmt: str, result: FileResult, lang: str = "zh") -> list[str]:
    out = io.StringIO()
    emit(fmt, [result], catalog(), out, lang=lang, version="0")
    return out.getvalue().splitlines()


def _at_cell(text: str, cell: int) -> str:
    """The text from terminal cell `cell` on."""
    for i in range(len(text) + 1):
        if cell_len(text[:i]) >= cell:
            return text[i:]
    return ""


def test_a_long_paragraph_is_cut_to_the_figures_and_markers_stay_under_them() -> None:
    result = lint_file(str(BROKEN / "04-share-miscomputed.txt"), catalog(), Options())
    lines = _render("text", result)
    i = next(k for k, t in enumerate(lines) if "FL211 [error]" in t)
    source, marks, names = lines[i + 2], lines[i + 3], lines[i + 4]
    assert source.startswith("39 | ") and source.endswith("…")
    full = (BROKEN / "04-share-miscomputed.txt").read_text("utf-8").splitlines()[38]
    assert cell_len(full) > 150 and cell_len(source) < 100  # the paragraph, not the whole of it
    # under each run of markers, the source row shows that figure
    runs = [(k, c) for k, c in enumerate(marks) if c in "^-" and (k == 0 or marks[k - 1] != c)]
    cells = [cell_len(marks[:k]) for k, _ in runs]
    assert [_at_cell(source, c)[:6] for c in cells] == ["732.74", "268.27", "36.16%"]
    assert [c for _, c in runs] == ["-", "-", "^"]  # the culprit apart
    assert names.split()[1:] == ["总数", "分项", "占比（疑误）"]
    assert [_at_cell(names, c)[:2] for c in cells] == ["总数", "分项", "占比"]


def test_english_output_names_roles_in_english() -> None:
    result = lint_file(str(BROKEN / "04-share-miscomputed.txt"), catalog(), Options(lang="en"))
    text = "\n".join(_render("text", result, "en"))
    assert "share (likely wrong)" in text and "whole" in text and "总数" not in text


def test_window_keeps_a_short_line_whole_and_joins_near_figures() -> None:
    assert window("本年支出合计732.74万元。", [(6, 14)]) == ("本年支出合计732.74万元。", [(6, 14)])
    line = "甲" * 80 + "。其中乙项支出12.00万元，丙项支出13.00万元；" + "丁" * 80
    a, b = line.index("12.00"), line.index("13.00")
    text, marks = window(line, [(a, a + 7), (b, b + 7)])
    assert text == "…其中乙项支出12.00万元，丙项支出13.00万元；…"
    assert [text[s:e] for s, e in marks] == ["12.00万元", "13.00万元"]
    far = "说明：金额12.00万元" + "，" + "戊" * 120 + "，合计13.00万元。"
    a, b = far.index("12.00"), far.index("13.00")
    text, marks = window(far, [(a, a + 7), (b, b + 7)])
    assert text.count("…") == 1 and [text[s:e] for s, e in marks] == ["12.00万元", "13.00万元"]


def test_labels_that_do_not_fit_get_one_row_each() -> None:
    text = "甲1乙2丙3"
    marks = [(1, 2), (3, 4), (5, 6)]
    rows = marker_rows(text, marks, ["-", "-", "^"], ["基数", "本期", "增减率（疑误）"])
    assert rows == [
        "  -  -  ^ 增减率（疑误）",
        "  |  本期",
        "  基数",
    ]
    wide = marker_rows("甲甲甲1乙乙乙乙乙2", [(3, 4), (9, 10)], ["-", "^"], ["总数", "分项"])
    assert wide == ["      -          ^", "      总数       分项"]


def test_a_decrease_shows_its_intervals_as_written() -> None:
    [rate] = [
        f
        for f in lint_file(str(BROKEN / "15-rate-transposed.txt"), catalog(), Options()).findings
        if f.rule == "FL222"
    ]
    assert (
        rate.arithmetic is not None and "区间 [39.466, 39.468] 与 [39.735, 39.75] 不相交" in rate.arithmetic
    )
    text = (BROKEN / "00-seed-copy.txt").read_text("utf-8").replace("减少477.74万元", "减少486.74万元")
    [diff] = [f for f in lint_text(text).findings if f.rule == "FL221"]
    assert diff.arithmetic is not None
    assert diff.arithmetic.startswith(
        "1210.48万元 − 732.74万元 = 477.74万元；区间 [477.73, 477.75] 与 [486.735, 486.745]"
    )


def test_a_rate_on_a_zero_base_says_so_in_words() -> None:
    [f] = [
        f
        for f in lint_text("某项目全年预算数0万元，全年执行数12.00万元，预算执行率100.00%。").findings
        if f.rule == "FL231"
    ]
    assert "基数为0，无法计算" in f.message and "—" not in f.message and f.expected is None
    [en] = [
        f
        for f in lint_text("某项目全年预算数0万元，全年执行数12.00万元，预算执行率100.00%。", "en").findings
        if f.rule == "FL231"
    ]
    assert "undefined (the base is 0)" in en.message


def test_prose_against_a_yuan_table_shows_intervals_in_wan() -> None:
    from conftest import lint_source
    from test_tables import juesuan_items

    text = juesuan_items(a="51.23")  # the table below in 元, the 说明 in 万元
    for wan, yuan in [("1,574.52", "15,745,200"), ("1,511.89", "15,118,900"), ("62.63", "626,300")]:
        text = text.replace(wan, yuan)
    text = (
        text.replace("| 51.32 |", "| 513,200 |").replace("11.31", "113,100").replace("单位：万元", "单位：元")
    )
    [f] = [f for f in lint_source(text, "md") if f.rule == "FL404"]
    assert f.arithmetic is not None
    assert f.arithmetic.endswith("区间 [51.31995, 51.32005] 与 [51.225, 51.235] 不相交")


def test_concise_is_one_line_a_finding_with_the_page_for_pdfs() -> None:
    txt = lint_file(str(BROKEN / "04-share-miscomputed.txt"), catalog(), Options())
    lines = _render("concise", txt)
    assert lines[0] == (
        "fixtures/broken/04-share-miscomputed.txt:39:47: FL211 error 工资福利支出268.27万元 占 收入支出732.74万元 "
        "的比例应为 36.61%，文中写作 36.16%（另见 FL212）"
    ) or lines[0].endswith("文中写作 36.16%（另见 FL212）")
    assert len(lines) == len(txt.findings) + 1 and lines[-1].startswith("共 1 个文件")
    pdf = lint_file(
        str(ROOT / "fixtures" / "pdf" / "broken-06-project-total-one-section.pdf"), catalog(), Options()
    )
    first = _render("concise", pdf)[0]
    assert ":第3页: FL201 error " in first
    assert ":p3: FL201 error " in _render("concise", pdf, "en")[0]
