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
    # the seed has no table of contents promising the section: info (templates differ, issue 7)
    assert missing[0].location.line == 1 and missing[0].severity == Severity.INFO
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


def test_a_part_the_body_does_not_print_is_only_info(catalog: Catalog) -> None:
    # the 第二部分 (the tables) of a 部门预决算 is often published on its own: a reviewer does not
    # call it missing, so the gap at the level of 第X部分 is info (issue 7, class 4)
    text = JUESUAN.replace("第二部分 某局2024年度部门决算表\n收入支出决算总表", "收入支出决算总表")
    found = lint(text, catalog)
    assert [(f.rule, f.severity) for f in found] == [("FL301", Severity.INFO)]
    assert "第二部分" in found[0].message


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
        ("FL304", Severity.INFO),  # a warning only where the section is certainly required
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


# --- issue 7, class 4: numbering that is not a heading list ----------------------------------


def test_tasks_numbered_straight_through_the_headings_are_one_list(catalog: Catalog) -> None:
    text = (
        "三、主要工作任务\n（一）维护安全\n1.依法打击犯罪。\n2.参与安保维稳。\n"
        "（二）服务大局\n3.开展公益诉讼。\n4.保护生态环境。\n5.强化法律监督。\n"
        "（三）深化改革\n6.落实司法责任制。\n"
    )
    assert lint(text, catalog) == []


def test_tasks_numbered_through_level_one_headings(catalog: Catalog) -> None:
    text = "一、稳定生产\n1.完成播种。\n2.建设农田。\n二、发展产业\n3.培育企业。\n4.建设基地。\n三、改善环境\n5.改厕。\n"
    assert lint(text, catalog) == []


def test_a_running_list_that_skips_a_number_is_a_gap_at_the_skip(catalog: Catalog) -> None:
    text = "一、甲\n（一）子甲\n1.a。\n2.b。\n（二）子乙\n4.c。\n5.d。\n"
    found = lint(text, catalog)
    assert [(f.rule, f.location.line, f.expected) for f in found] == [("FL301", 6, "3.")]


def test_a_list_under_a_new_parent_far_from_the_last_number_still_starts_late(catalog: Catalog) -> None:
    # 1.–2. under （一）, then 9. under （二）: too far to be the same running list
    text = "一、甲\n（一）子甲\n1.a。\n2.b。\n（二）子乙\n9.c。\n"
    assert [(f.rule, f.location.line) for f in lint(text, catalog)] == [("FL301", 6)]


def test_table_notes_after_a_numbered_list_are_not_its_items(catalog: Catalog) -> None:
    text = (
        "一、收入\n1．财政拨款收入612.30万元。\n2．其他收入18.40万元。\n"
        "注：1.本表反映各项收入。\n2.本表以万元为单位。\n3.本表不含代管资金。\n"
        "二、支出\n1．基本支出。\n注：\n1.本表反映支出。\n2.单位为万元。\n"
    )
    found = [f for f in lint(text, catalog) if f.rule != "FL303"]
    assert found == []


def test_a_note_without_items_does_not_swallow_the_list_after_it(catalog: Catalog) -> None:
    # "注：本表…。" has no items: the 1.2.4. after it are a list of their own, with a gap
    text = "一、收入\n注：本表反映各项收入。\n1.甲。\n2.乙。\n4.丁。\n"
    assert [(f.rule, f.location.line) for f in lint(text, catalog)] == [("FL301", 5)]


def test_numbered_table_rows_with_amounts_are_not_headings(catalog: Catalog) -> None:
    text = (
        "一、基本支出决算情况说明\n项目 决算数 预算数\n1.工资福利支出 268.27 250.10\n"
        "2.商品和服务支出 46.52 48.00\n5.资本性支出 12.00 12.00\n二、项目支出决算情况说明\n"
    )
    assert lint(text, catalog) == []


def test_a_two_column_table_read_across_is_not_a_heading_list(catalog: Catalog) -> None:
    text = "一、支出\n1.一般公共服务\n4.社会保障\n2.公共安全\n5.卫生健康\n3.教育\n6.住房保障\n二、其他\n"
    assert lint(text, catalog) == []


def test_swapped_headings_with_prose_between_are_still_reported(catalog: Catalog) -> None:
    # the same numbers as a table read across, but each heading has its paragraph: a real hierarchy
    text = "".join(f"（{n}）标题{n}\n本节说明第{n}项工作的开展情况。\n" for n in "一四二五三六")
    # each of （一）…（六） once, out of order: one order finding at the first misplaced heading
    assert [(f.rule, f.actual) for f in lint(text, catalog)] == [("FL307", "（四）")]


def test_contents_entries_ending_in_a_stop_are_contents(catalog: Catalog) -> None:
    text = (
        "2019年度某院预算公开\n目录\n第一部分 部门概况\n一、主要职能。\n二、主要工作任务。\n"
        "第二部分 预算表\n一、收支预算总表\n二、收入预算总表三、支出预算总表\n"
        "第一部分 部门概况\n一、主要职能\n本院依法审判案件。\n二、主要工作任务\n推进执行攻坚。\n"
    )
    doc = Document("t.txt", text, "txt")
    layout = analyse(doc, extract(doc)).layout
    assert [ln.number for ln in layout.lines if ln.toc] == list(range(2, 9))
    assert lint(text, catalog) == []


# --- issue 7, class 5: template assumptions ----------------------------------------------------

YUSUAN = """某市档案馆{year}年部门预算
第一部分 部门概况
一、主要职能
负责全市档案工作。
第二部分 {year}年部门预算情况说明
一、收支预算总体情况
{year}年收入预算总计386.50万元。
二、“三公”经费预算情况说明
{year}年“三公”经费预算2.40万元。
三、政府采购预算情况
{year}年政府采购预算36.00万元。
第三部分 名词解释
基本支出：指人员支出和公用支出。
"""


def test_a_section_the_template_of_that_year_lacks_is_info(catalog: Catalog) -> None:
    found = [f for f in lint(YUSUAN.format(year=2018), catalog) if f.rule == "FL304"]
    assert [(f.severity, f.expected) for f in found] == [(Severity.INFO, "国有资产占用情况")]


def test_a_section_every_template_of_that_year_has_is_still_info(catalog: Catalog) -> None:
    # templates differ by province: the template alone never makes a section certain (issue 7)
    found = [f for f in lint(YUSUAN.format(year=2019), catalog) if f.rule == "FL304"]
    assert [(f.severity, f.expected) for f in found] == [(Severity.INFO, "国有资产占用情况")]


CONTENTS = """目录
第一部分 部门概况
第二部分 {year}年部门预算情况说明
一、收支预算总体情况
二、“三公”经费预算情况说明
三、政府采购预算情况
四、国有资产占用情况
第三部分 名词解释
"""


def test_a_section_the_report_s_own_contents_promise_is_a_warning(catalog: Catalog) -> None:
    head, body = YUSUAN.format(year=2019).split("\n", 1)
    text = head + "\n" + CONTENTS.format(year=2019) + body
    found = [f for f in lint(text, catalog) if f.rule == "FL304"]
    assert [(f.severity, f.expected) for f in found] == [(Severity.WARNING, "国有资产占用情况")]


def test_a_section_without_since_is_never_more_than_info(catalog: Catalog) -> None:
    text = YUSUAN.format(year=2024).replace("第三部分 名词解释\n基本支出：指人员支出和公用支出。\n", "")
    text += "四、国有资产占用情况\n截至2023年12月31日，共有车辆2辆。\n"
    found = [f for f in lint(text, catalog) if f.rule == "FL304"]
    assert [(f.severity, f.expected) for f in found] == [(Severity.INFO, "名词解释")]


def test_a_type_not_named_in_the_title_block_is_info(catalog: Catalog) -> None:
    # the type is named only in a sentence of the opening, not in the title block
    text = (
        "某市档案馆2024年工作情况\n本说明按部门预算公开的要求编写。\n"
        + YUSUAN.format(year=2024).split("\n", 1)[1]
    )
    found = [f for f in lint(text, catalog) if f.rule == "FL304"]
    assert found and all(f.severity == Severity.INFO for f in found)


def test_an_excerpt_is_not_held_to_the_template(catalog: Catalog) -> None:
    text = YUSUAN.format(year=2024).replace("部门预算\n", "部门预算（节选）\n", 1)
    assert "FL304" not in codes(lint(text, catalog))


def test_matter_told_in_prose_or_a_titled_paragraph_is_present(catalog: Catalog) -> None:
    text = YUSUAN.format(year=2024) + "另：截至2023年12月31日，本馆共有车辆1辆。\n"
    assert "FL304" not in codes(lint(text, catalog))
    titled = YUSUAN.format(year=2024) + "（一）国有资产占用情况。本馆无车辆。\n"
    assert "FL304" not in codes(lint(titled, catalog))


def test_juesuan_states_assets_at_the_end_of_its_own_year(catalog: Catalog) -> None:
    text = replace_once(JUESUAN, "截至2024年12月31日", "截至2023年12月31日")
    found = lint(text, catalog)
    assert [(f.rule, f.location.line) for f in found] == [("FL305", line_of(text, "截至2023年12月31日"))]
    assert "截至2024年12月31日" in found[0].message


def test_an_earlier_asset_date_as_a_term_of_comparison_passes(catalog: Catalog) -> None:
    text = replace_once(JUESUAN, "某局共有车辆0辆。", "某局共有车辆2辆，比截至2023年12月31日减少1辆。")
    assert "FL305" not in codes(lint(text, catalog))


def test_budget_names_last_years_final_accounts_and_its_own_comparison(catalog: Catalog) -> None:
    text = (
        "某局2022年部门预算\n第一部分 部门概况\n本局2020年启动的项目本年继续实施。\n"
        "第二部分 2022年部门预算情况说明\n一、“三公”经费预算情况说明\n"
        "（一）2022年“三公”经费预算情况\n2022年“三公”经费预算数为24.00万元，比2021年预算数减少2.00万元。\n"
        "（二）2021年“三公”经费决算情况\n2021年“三公”经费决算数为21.36万元，比2020年决算数减少1.24万元。\n"
        "二、国有资产占用情况\n截至2021年12月31日，本部门共有车辆12辆。截至上年末，共有设备3台。\n"
    )
    assert "FL305" not in codes(lint(text, catalog))
    # a comparison whose own sentence is about the report year must still name the previous year
    wrong = text.replace("比2021年预算数减少2.00万元", "比2020年预算数减少2.00万元")
    assert [f.location.line for f in lint(wrong, catalog) if f.rule == "FL305"] == [7]


# --- FL307 order --------------------------------------------------------------------------------

ORDER_HEAD = "上海市某某局2024年度部门决算\n一、部门基本情况\n本单位为行政单位。\n二、收入支出情况\n"


def test_two_before_one_is_one_order_finding_not_a_gap(catalog: Catalog) -> None:
    text = ORDER_HEAD + "2、收入情况\n收入100.00万元。\n1、支出情况\n支出100.00万元。\n3、结余情况\n无。\n"
    found = lint(text, catalog)
    assert [(f.rule, f.location.line, f.expected) for f in found] == [("FL307", 5, "1、")]
    assert found[0].severity == Severity.WARNING


def test_ten_before_nine_is_reported_at_ten(catalog: Catalog) -> None:
    items = "".join(f"{n}、事项{n}\n内容。\n" for n in [1, 2, 3, 4, 5, 6, 7, 8, 10, 9, 11])
    found = lint(ORDER_HEAD + items, catalog)
    assert [(f.rule, f.actual, f.expected) for f in found] == [("FL307", "10、", "9、")]
    assert found[0].location.line == line_of(ORDER_HEAD + items, "10、事项10")


def test_top_level_out_of_order(catalog: Catalog) -> None:
    text = "上海市某某局2024年度部门决算\n二、部门基本情况\n本单位为行政单位。\n一、收支情况\n收入100.00万元。\n三、其他\n无。\n"
    assert [(f.rule, f.actual) for f in lint(text, catalog)] == [("FL307", "二、")]


def test_order_leaves_gaps_repeats_and_new_lists_to_their_rules(catalog: Catalog) -> None:
    gap = ORDER_HEAD + "2、收入情况\n收入。\n1、支出情况\n支出。\n4、结余情况\n无。\n"
    assert "FL307" not in codes(lint(gap, catalog))
    two_lists = ORDER_HEAD + "1、收入\n收入。\n2、支出\n支出。\n1、结余\n无。\n2、其他\n无。\n"
    assert codes(lint(two_lists, catalog)) == []


def test_a_budget_heading_naming_last_years_budget_is_reported(catalog: Catalog) -> None:
    head = "上海市某某局2025年度部门预算\n一、部门主要职能\n本单位为行政单位。\n"
    stale = head + "二、2024年度部门预算编制说明\n收入预算100.00万元。\n"
    found = [f for f in lint(stale, catalog) if f.rule == "FL305"]
    assert [(f.location.line, f.severity) for f in found] == [(4, Severity.WARNING)]
    # the budget of its own year, a plan for a later year, and last year's execution are left alone
    for title in ("2025年度部门预算编制说明", "2026年预算编制思路", "2024年度预算执行情况"):
        assert "FL305" not in codes(lint(head + f"二、{title}\n收入预算100.00万元。\n", catalog)), title


def test_an_unnumbered_body_title_naming_last_year_is_reported(catalog: Catalog) -> None:
    head = "上海市某某局2024年度部门决算\n一、部门基本情况\n本单位为行政单位。\n"
    stale = head + "2023年度部门决算情况说明\n本年收入合计100.00万元。\n"
    found = [f for f in lint(stale, catalog) if f.rule == "FL305"]
    assert [(f.location.line, f.actual) for f in found] == [(4, "2023年度部门决算情况说明")]
    # a title naming the report's own year is left alone
    assert "FL305" not in codes(lint(head + "2024年度部门决算情况说明\n本年收入合计100.00万元。\n", catalog))


# --- FL305 severity: error only where the wording can only mean 本年 -------------------------------


def test_juesuan_year_is_an_error_where_only_this_year_is_meant(catalog: Catalog) -> None:
    as_of = replace_once(JUESUAN, "截至2024年12月31日", "截至2023年12月31日")
    assert [(f.rule, f.severity) for f in lint(as_of, catalog)] == [("FL305", Severity.ERROR)]
    head = "上海市某某局2024年度部门决算\n一、部门基本情况\n本单位为行政单位。\n"
    title = head + "2023年度部门决算情况说明\n本年收入合计100.00万元。\n"
    assert [(f.rule, f.severity) for f in lint(title, catalog)] == [("FL305", Severity.ERROR)]


def test_juesuan_comparison_and_other_reports_keep_the_warning(catalog: Catalog) -> None:
    # another base is a plausible reading of a comparison; a 预算 or 自评 names other years in its matter
    compared = replace_once(JUESUAN, "与2023年度相比", "与2022年度相比")
    assert [(f.rule, f.severity) for f in lint(compared, catalog)] == [("FL305", Severity.WARNING)]
    gloss = replace_once(SEED, "与上年收入支出1210.48万元相比", "与上年（2022年）收入支出1210.48万元相比")
    assert [f.severity for f in lint(gloss, catalog) if f.rule == "FL305"] == [Severity.WARNING]
