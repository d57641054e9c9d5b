"""The structure family: numbering per level (FL301–FL303), required sections (FL304), year (FL305)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.catalog import Catalog, load_catalog
from lint.checks import structure
from lint.checks.base import Context
from lint.engine import Options, lint_file
from lint.extract import extract
from lint.model import Document, Finding, Severity
from lint.structure import analyse
from lint.structure.layout import opening

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "fixtures" / "seed" / "report-2024.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def lint(text: str, catalog: Catalog) -> list[Finding]:
    doc = Document("t.txt", text, "txt")
    ctx = Context(analyse(doc, extract(doc)), catalog)
    return list(structure.run(ctx))


def codes(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- the seed -------------------------------------------------------------------------------


def test_seed_gives_only_the_two_style_infos(catalog: Catalog) -> None:
    found = lint(SEED, catalog)
    assert [(f.rule, f.severity, f.location.line) for f in found] == [
        ("FL303", Severity.INFO, 49),  # "4." beside "1．2．3．"
        ("FL303", Severity.INFO, 62),  # "(3)" beside "（1）（2）"
    ]
    assert "4." in found[0].message and "1．" in found[0].message
    assert "(3)" in found[1].message and "（1）" in found[1].message


def test_seed_end_to_end_through_the_engine(catalog: Catalog) -> None:
    result = lint_file(str(SEED_PATH), catalog, Options(select=["FL3"]))
    assert result.status == "ok"
    assert [(f.rule, f.location.line) for f in result.findings] == [("FL303", 49), ("FL303", 62)]


def test_seed_is_detected_as_whole_department_self_evaluation(catalog: Catalog) -> None:
    rt = structure.detect_type(opening(SEED), structure.report_types(catalog))
    assert rt is not None and rt.name == "部门整体支出绩效自评报告"
    assert len(rt.sections) == 10


# --- FL304 missing section ------------------------------------------------------------------


def test_dropping_section_seven_names_it(catalog: Catalog) -> None:
    text = replace_once(SEED, "七、存在的问题及原因分析\n", "")
    found = lint(text, catalog)
    missing = [f for f in found if f.rule == "FL304"]
    assert len(missing) == 1
    assert "存在的问题及原因分析" in missing[0].message
    assert missing[0].location.line == 1 and missing[0].severity == Severity.WARNING
    # 六、 is now followed by 八、: the gap is reported too, at the 八、 heading
    gaps = [f for f in found if f.rule == "FL301"]
    assert [g.location.line for g in gaps] == [line_of(text, "八、下一步改进措施")]
    assert "七、" in gaps[0].message


def test_empty_section_still_counts_as_present(catalog: Catalog) -> None:
    # "十、其他需要说明的情况 / 无" is a present section; dropping only its body changes nothing
    text = replace_once(SEED, "十、其他需要说明的情况\n\n无\n", "十、其他需要说明的情况\n")
    assert "FL304" not in codes(lint(text, catalog))


def test_a_text_that_only_names_the_type_is_not_held_to_the_template(catalog: Catalog) -> None:
    text = "2024年度某局整体支出绩效自评报告\n一、部门基本情况\n本单位无其他说明。\n"
    assert "FL304" not in codes(lint(text, catalog))


# --- FL301 / FL302 numbering ----------------------------------------------------------------


def test_renumbered_heading_is_one_gap_not_a_duplicate(catalog: Catalog) -> None:
    # 七、 九、 九、 十、: the first 九、 is the culprit (it should be 八、); the second 九、 is not
    # reported again as a duplicate.
    text = replace_once(SEED, "八、下一步改进措施", "九、下一步改进措施")
    found = lint(text, catalog)
    assert "FL302" not in codes(found)
    gaps = [f for f in found if f.rule == "FL301"]
    assert len(gaps) == 1
    assert gaps[0].location.line == line_of(text, "九、下一步改进措施")
    assert gaps[0].expected == "八、" and gaps[0].actual == "九、"
    assert "“八、”" in gaps[0].message


def test_skipped_number_is_a_gap(catalog: Catalog) -> None:
    text = "一、部门基本情况\n内容。\n二、收支情况\n内容。\n四、绩效情况\n内容。\n"
    found = lint(text, catalog)
    assert [(f.rule, f.location.line) for f in found] == [("FL301", 5)]
    assert "三、" in found[0].message


def seed_with_list(numbers: list[int]) -> str:
    """The seed's 职能 list (1、…8、) renumbered."""
    lines = SEED.split("\n")
    out: list[str] = []
    items = iter(numbers)
    for line in lines:
        if line[:2] in {f"{k}、" for k in range(1, 9)} and 15 <= len(out) + 1 <= 29:
            line = f"{next(items)}、{line[2:]}"
        out.append(line)
    return "\n".join(out)


def test_list_with_a_repeated_four_is_a_duplicate_at_the_second_four(catalog: Catalog) -> None:
    text = seed_with_list([1, 2, 3, 4, 4, 5, 6, 7])  # 岳阳: 1, 2, 3, 4, 4, 5
    found = [f for f in lint(text, catalog) if f.rule in ("FL301", "FL302")]
    assert [(f.rule, f.location.line) for f in found] == [("FL302", 23)]
    assert "4、" in found[0].message and "21" in found[0].message


def test_duplicate_that_stands_for_the_missing_number_says_so(catalog: Catalog) -> None:
    text = seed_with_list([1, 2, 3, 4, 4, 6, 7, 8])  # the second 4 should be 5
    found = [f for f in lint(text, catalog) if f.rule in ("FL301", "FL302")]
    assert [(f.rule, f.location.line, f.expected) for f in found] == [("FL302", 23, "5、")]


def test_numbering_restarts_under_each_parent(catalog: Catalog) -> None:
    text = (
        "一、甲\n（一）子甲\n1．a\n2．b\n（二）子乙\n1．c\n2．d\n"
        "二、乙\n（一）子丙\n1．e\n（二）子丁\n（三）子戊\n"
    )
    assert lint(text, catalog) == []


def test_list_continuing_after_an_interruption_is_one_list(catalog: Catalog) -> None:
    text = "一、甲\n1、第一项。\n说明文字。\n表格说明：无。\n2、第二项。\n一段正文。\n3、第三项。\n"
    assert lint(text, catalog) == []


def test_items_written_inside_a_paragraph_count(catalog: Catalog) -> None:
    # （二） runs on in the line of （一） (as pdfplumber joins lines); 2．3． are inside a paragraph
    text = (
        "一、主要职能\n（一）负责会计管理工作。（二）负责非税收入管理。\n（三）负责国库管理。\n"
        "二、改进措施\n主要包括：1．加强预算管理；2．严格财政纪律；\n3．强化绩效管理。\n"
    )
    assert lint(text, catalog) == []


def test_a_gap_outside_the_inline_list_is_still_found(catalog: Catalog) -> None:
    text = "一、甲\n（一）子甲。\n（三）子丙，（四）不算。\n"
    found = lint(text, catalog)
    assert [(f.rule, f.location.line) for f in found] == [("FL301", 3)]


def test_numbered_table_notes_restart(catalog: Catalog) -> None:
    text = (
        "一、收入支出决算总表\n注：\n1．本表反映总收支。\n2．单位为万元。\n"
        "二、收入决算表\n注：\n1．本表反映各项收入。\n2．单位为万元。\n"
        "三、支出决算表\n注：1．本表反映各项支出。\n"
    )
    assert lint(text, catalog) == []


def test_table_rows_are_not_headings(catalog: Catalog) -> None:
    text = (
        "一、收入支出决算总表\n项目\t决算数\t项目\t决算数\n"
        "一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66\n"
        "二、政府性基金预算财政拨款收入\t\t二、外交支出\t\n"
        "\t\t十九、住房保障支出\t445.69\n"
        "二、收入决算表\n"
    )
    assert lint(text, catalog) == []


JUESUAN = """上海市普陀区某局2024年度部门决算
目录
第一部分 某局概况
一、主要职能
二、部门决算单位构成
第二部分 某局2024年度部门决算表
一、收入支出决算总表
二、收入决算表
第三部分 某局2024年度部门决算情况说明
一、收入支出决算总体情况说明
二、财政拨款“三公”经费支出决算情况说明
三、其他重要事项的情况说明
第四部分 名词解释
第一部分 某局概况
一、主要职能
负责全区有关工作。
二、部门决算单位构成
本部门仅有本级一个单位。
第二部分 某局2024年度部门决算表
收入支出决算总表
收入决算表
第三部分 某局2024年度部门决算情况说明
一、收入支出决算总体情况说明
某局2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计持平。
二、财政拨款“三公”经费支出决算情况说明
某局2024年度无“三公”经费财政拨款支出。
三、其他重要事项的情况说明
（一）政府采购支出情况
某局2024年度无政府采购支出。
（二）国有资产占有使用情况说明
截至2024年12月31日，某局共有车辆0辆。
第四部分 名词解释
一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。
二、基本支出：指单位为保障机构正常运转而发生的各项支出。
"""


def test_juesuan_with_a_table_of_contents_is_clean(catalog: Catalog) -> None:
    rt = structure.detect_type(opening(JUESUAN), structure.report_types(catalog))
    assert rt is not None and rt.name == "部门决算"
    assert lint(JUESUAN, catalog) == []


def test_juesuan_table_of_contents_without_a_heading_is_also_skipped(catalog: Catalog) -> None:
    text = replace_once(JUESUAN, "目录\n", "")
    assert lint(text, catalog) == []


def test_juesuan_part_heading_without_its_number_is_info_with_a_hint(catalog: Catalog) -> None:
    # as in the published Shanghai template: the body's part 2 heading lost "第二部分" — the part is
    # there, only its number is not, so this is FL306 (info), not a gap (FL301)
    text = JUESUAN.replace(
        "第二部分 某局2024年度部门决算表\n收入支出决算总表", "某局2024年度部门决算表\n收入支出决算总表"
    )
    found = lint(text, catalog)
    assert [(f.rule, f.severity.label, f.location.line) for f in found] == [
        (
            "FL306",
            "info",
            line_of(text, "第三部分 某局2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n某局"),
        )
    ]
    assert "第二部分" in found[0].message and "没有编号" in found[0].message


def test_a_part_truly_missing_is_still_a_gap(catalog: Catalog) -> None:
    text = JUESUAN.replace("第二部分 某局2024年度部门决算表\n收入支出决算总表", "收入支出决算总表")
    assert [f.rule for f in lint(text, catalog)] == ["FL301"]


def test_juesuan_missing_procurement_is_reported(catalog: Catalog) -> None:
    text = replace_once(JUESUAN, "（一）政府采购支出情况\n某局2024年度无政府采购支出。\n", "")
    text = text.replace("（二）国有资产", "（一）国有资产")
    found = lint(text, catalog)
    assert [(f.rule, f.location.line) for f in found] == [("FL304", 1)]
    assert "政府采购" in found[0].message


# --- FL305 year -----------------------------------------------------------------------------


def test_heading_naming_the_previous_year_is_a_year_mismatch(catalog: Catalog) -> None:
    text = replace_once(SEED, "六、部门整体支出绩效情况", "六、2023年度部门整体支出绩效情况")
    found = [f for f in lint(text, catalog) if f.rule == "FL305"]
    assert [f.location.line for f in found] == [77]
    assert "2023年度" in found[0].message and "2024" in found[0].message


def test_previous_year_glossed_with_the_wrong_year(catalog: Catalog) -> None:
    text = replace_once(SEED, "与上年收入支出1210.48万元相比", "与上年（2022年）收入支出1210.48万元相比")
    found = [f for f in lint(text, catalog) if f.rule == "FL305"]
    assert len(found) == 1 and found[0].location.line == 31
    assert "2022" in found[0].message and "2023" in found[0].message


def test_previous_year_glossed_correctly_passes(catalog: Catalog) -> None:
    text = replace_once(SEED, "与上年收入支出1210.48万元相比", "与上年（2023年）收入支出1210.48万元相比")
    assert "FL305" not in codes(lint(text, catalog))


def test_report_dated_inside_the_report_year(catalog: Catalog) -> None:
    text = replace_once(SEED, "2025年7月16日", "2024年7月16日")
    found = [f for f in lint(text, catalog) if f.rule == "FL305"]
    assert [f.location.line for f in found] == [7]


def test_juesuan_comparison_with_the_wrong_year(catalog: Catalog) -> None:
    text = replace_once(JUESUAN, "与2023年度相比", "与2022年度相比")
    found = lint(text, catalog)
    assert [(f.rule, f.location.line) for f in found] == [("FL305", line_of(text, "与2022年度相比"))]


def test_narrative_years_are_not_checked(catalog: Catalog) -> None:
    # "2021年雪亮工程" in the seed, and a heading about next year's plan
    text = replace_once(SEED, "八、下一步改进措施", "八、2025年下一步改进措施")
    assert "FL305" not in codes(lint(text, catalog))
    assert "2021年雪亮工程" in SEED


# --- the rule pack --------------------------------------------------------------------------


def test_rules_have_docs_and_examples(catalog: Catalog) -> None:
    for code, severity in [
        ("FL301", Severity.WARNING),
        ("FL302", Severity.WARNING),
        ("FL303", Severity.INFO),
        ("FL304", Severity.WARNING),
        ("FL305", Severity.WARNING),
    ]:
        rule = catalog.get(code)
        assert rule.family == "structure" and rule.severity == severity
        assert rule.doc_zh and rule.doc_en and rule.example_fail and rule.example_pass


@pytest.mark.parametrize("code", ["FL301", "FL302", "FL303", "FL304", "FL305"])
def test_rule_examples_fail_and_pass(catalog: Catalog, code: str) -> None:
    rule = catalog.get(code)
    assert code in codes(lint(rule.example_fail.strip() + "\n", catalog))
    assert code not in codes(lint(rule.example_pass.strip() + "\n", catalog))


def test_report_types_in_the_pack(catalog: Catalog) -> None:
    names = [rt.name for rt in structure.report_types(catalog)]
    assert names == ["部门整体支出绩效自评报告", "项目支出绩效自评报告", "部门决算", "部门预算"]
    for rt in structure.report_types(catalog):
        assert rt.detect and rt.sections and 1 <= rt.min_present <= len(rt.sections)
