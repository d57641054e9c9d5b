"""Issue 8: what a hurried draft leaves behind — placeholders, template wording, stray punctuation,
retired category names — and that a figure written as a placeholder is never checked."""

from __future__ import annotations

from pathlib import Path

from conftest import catalog, lint_text, serious

from lint.catalog import load_catalog
from lint.engine import Options, lint_document
from lint.model import Document, FileResult

TITLE = "上海市某某局2024年度部门决算\n"


def codes(result: FileResult) -> list[str]:
    return sorted(f.rule for f in result.findings)


def test_placeholder_in_the_seed_is_reported_and_not_summed(seed_text: str) -> None:
    # the new user: a template sentence pasted into the sample report
    text = seed_text.replace(
        "商品服务支出296.52万元，占总收入支出的40.47%", "商品服务支出XXX万元，占总收入支出的XX%"
    )
    assert text != seed_text
    r = lint_text(text)
    found = serious(r)
    assert [(f.rule, f.severity.label) for f in found] == [("FL282", "error")]
    f = found[0]
    assert f.actual == "XXX万元" and "XX%" in f.message  # one finding for the line, naming both
    assert f.location.line == text[: text.index("XXX万元")].count("\n") + 1


def test_a_breakdown_with_a_placeholder_part_is_not_checked() -> None:
    text = TITLE + "本年支出合计100.00万元，其中：基本支出60.00万元，项目支出XXX万元，经营支出x万元。"
    r = lint_text(text)
    assert codes(r) == ["FL282"]
    assert "x万元" in r.findings[0].message
    # the same breakdown with the figure filled in wrongly is still checked
    assert "FL201" in codes(lint_text(text.replace("XXX万元", "30.00万元").replace("x万元", "5.00万元")))


def test_a_placeholder_total_or_share_is_not_checked() -> None:
    r = lint_text(
        TITLE + "本年收入合计XX万元，其中：财政拨款收入60.00万元，占XX%；其他收入40.00万元，占40.00%。"
    )
    assert [f.rule for f in serious(r)] == ["FL282"]


def test_names_written_as_placeholders_are_info_only() -> None:
    r = lint_text("上海市XX局2024年度部门决算\n×××同志负责本单位预算工作。本年支出合计100.00万元。")
    assert codes(r) == ["FL286", "FL286"]
    assert serious(r) == []


def test_latin_words_products_and_single_marks_are_no_placeholders() -> None:
    text = (
        TITLE + "购置X射线安检机1台，应对COVID-19疫情支出10.00万元。执行率得分=执行率×分值。"
        "采购XXL号工作服。规格为3×4米。"
    )
    assert codes(lint_text(text)) == []


def test_either_or_wording_is_an_error_and_instructions_are_info() -> None:
    text = TITLE + "与2023年度相比，支出总计增加(减少)20.00万元，增长（下降）5.00%。（如持平作持平表述）"
    r = lint_text(text)
    assert codes(r) == ["FL283", "FL287"]
    leftover = next(f for f in r.findings if f.rule == "FL283")
    assert leftover.severity.label == "error" and leftover.actual == "增加(减少)"  # half-width brackets too
    assert "增长（下降）" in leftover.message
    assert next(f for f in r.findings if f.rule == "FL287").severity.label == "info"


def test_an_empty_reason_is_an_error() -> None:
    r = lint_text(TITLE + "机关运行经费支出20.00万元，比2023年度增加2.00万元。主要原因是。")
    assert [(f.rule, f.severity.label) for f in r.findings] == [("FL283", "error")]


def test_filled_in_wording_passes() -> None:
    text = TITLE + "与2023年度相比，支出总计增加20.00万元，增长5.00%，主要原因是人员增加。决算数大于预算数。"
    assert codes(lint_text(text)) == []


def test_stray_punctuation_and_unclosed_brackets_are_info() -> None:
    r = lint_text(TITLE + "本年收入合计100.00万元。。\n主要用于办公设备购置（含软件，共计5台。\n其他……等。")
    assert codes(r) == ["FL284", "FL284"]
    assert all(f.severity.label == "info" for f in r.findings)
    assert {f.location.line for f in r.findings} == {2, 3}


def test_hygiene_leaves_tables_and_contents_alone() -> None:
    text = (
        TITLE
        + "目录\n一、收入支出决算总体情况说明……3\n"
        + "| 项目 | 决算数 |\n| --- | --- |\n| 增加（减少） | XX |\n\n"
        + "一、收入支出决算总体情况说明\n本年收入合计100.00万元。\n"
    )
    from lint.readers.markdown import parse_markdown_tables
    from lint.readers.text import read_text

    doc = read_text(text.encode("utf-8"), "<t>", "md")
    parse_markdown_tables(doc)
    r = lint_document(doc, catalog(), Options())
    assert not any(f.rule in ("FL282", "FL283", "FL284", "FL286") for f in r.findings)


def test_retired_category_names_only_after_they_were_retired() -> None:
    body = "医疗卫生与计划生育支出（类）20.00万元。医疗卫生与计划生育支出主要用于体检。\n"
    r = lint_text("2024年度某局部门决算\n" + body)
    assert [(f.rule, f.severity.label) for f in r.findings] == [("FL285", "warning")]  # once per name
    assert r.findings[0].expected == "卫生健康支出"
    assert codes(lint_text("2018年度某局部门决算\n" + body)) == []


def test_a_user_pack_adds_placeholders_phrases_and_categories(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[placeholders]\nchars = "□"\n'
        '[[template_phrase]]\ntext = "（据实填写）"\nkind = "instruction"\n'
        '[[retired_category]]\nname = "旧科目支出"\nretired = 2020\ncurrent = "新科目支出"\n',
        encoding="utf-8",
    )
    cat = load_catalog([pack])
    text = TITLE + "项目支出□□万元（据实填写）。旧科目支出10.00万元。"
    doc = Document(path="<t>", text=text, fmt="txt")
    assert sorted(f.rule for f in lint_document(doc, cat, Options()).findings) == ["FL282", "FL285", "FL287"]


def test_the_2019_renames_of_culture_and_resources_are_known() -> None:
    body = "文化体育与传媒支出（类）新闻出版广播影视（款）20.00万元。资源勘探信息等支出（类）5.00万元。\n"
    r = lint_text("2019年度某局部门决算\n" + body)
    assert [(f.rule, f.actual, f.expected) for f in r.findings] == [
        ("FL285", "文化体育与传媒支出", "文化旅游体育与传媒支出"),
        ("FL285", "新闻出版广播影视", "新闻出版电影、广播电视"),
        ("FL285", "资源勘探信息等支出", "资源勘探工业信息等支出"),
    ]
    assert codes(lint_text("2018年度某局部门决算\n" + body)) == []
    # the current names hold no retired name inside them
    current = "文化旅游体育与传媒支出（类）20.00万元。资源勘探工业信息等支出（类）5.00万元。\n"
    assert codes(lint_text("2024年度某局部门决算\n" + current)) == []
