"""Self-evaluation scores (绩效自评表, issue 12 item 6): Σ指标得分 = 一级指标得分, Σ = 总分, 得分 ≤ 分值,
the prose 总分 = the table's, the grade matches its band, 执行率 × 分值 = 预算执行率得分."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import lint_source

from lint.catalog import Catalog, load_catalog
from lint.model import Finding, Severity
from lint.structure.scores import band
from lint.vocab import default_vocabulary


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def lint(text: str, catalog: Catalog, fmt: str = "md") -> list[Finding]:
    return lint_source(text, fmt)


def rules(found: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.rule, f.location.line) for f in found)


# --- Σ得分 = 总分 in several shapes -----------------------------------------------------------------

GFM = """| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 产出指标 | 完成培训人次 | 40 | 38 |
| 效益指标 | 就业率 | 40 | 36 |
| 满意度指标 | 学员满意度 | 20 | 19 |
| 合计 |  | 100 | 93 |
"""
PIPES = """一级指标 | 三级指标 | 分值 | 得分
产出指标 | 完成培训人次 | 40 | 38
效益指标 | 就业率 | 40 | 36
满意度指标 | 学员满意度 | 20 | 19
合计 | — | 100 | 93
"""
TABS = GFM.replace("|---|---|---|---|\n", "").replace(" | ", "\t").replace("| ", "").replace(" |", "")
TOTAL_WORDS = GFM.replace("| 合计 |", "| 总分 |")
SHAPES = {"gfm": (GFM, "md"), "pipes": (PIPES, "txt"), "tabs": (TABS, "txt"), "总分": (TOTAL_WORDS, "md")}


@pytest.mark.parametrize("name", SHAPES)
def test_score_total_clean(catalog: Catalog, name: str) -> None:
    text, fmt = SHAPES[name]
    assert lint(text, catalog, fmt) == []


@pytest.mark.parametrize("name", SHAPES)
def test_score_total_off_by_one_point(catalog: Catalog, name: str) -> None:
    text, fmt = SHAPES[name]
    broken = text.replace("36", "35", 1)  # one indicator loses a point; the 合计 still says 93
    found = lint(broken, catalog, fmt)
    assert [f.rule for f in found] == ["FL406"]
    line = 6 if fmt == "md" else 5  # the 合计 row
    assert found[0].location.line == line
    assert found[0].expected == "92.00" and found[0].actual == "93"


def test_decimal_total_with_whole_scores(catalog: Catalog) -> None:
    """9 beside 9.59 in one 得分 column is 9.00: a point missing from 95.59 is not rounding."""
    text = "\n".join(
        [
            "一级指标\t三级指标\t分值\t得分",
            "预算执行率\t—\t10\t9.59",
            "产出指标\t完成里程\t50\t48",
            "效益指标\t通行条件\t30\t28",
            "满意度指标\t群众满意度\t10\t9",
            "合计\t—\t100\t95.59",
        ]
    )
    assert rules(lint(text, catalog, "txt")) == [("FL406", 6)]
    assert lint(text.replace("95.59", "94.59"), catalog, "txt") == []


def test_fund_row_scored_in_its_own_table(catalog: Catalog) -> None:
    """The 年度资金总额 row of the fund table carries the 10 points the indicator rows leave out."""
    text = """| 项目资金 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
|---|---|---|---|---|---|
| 年度资金总额 | 50.00 | 45.00 | 10 | 90.00% | 9.00 |

| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 产出指标 | 维修道路 | 50 | 47 |
| 效益指标 | 通行时间缩短 | 40 | 38 |
| 总分 |  | 100 | 94.00 |
"""
    assert lint(text, catalog) == []
    assert rules(lint(text.replace("| 38 |", "| 36 |"), catalog)) == [("FL406", 9)]


def test_weights_that_leave_a_part_unscored_are_not_summed(catalog: Catalog) -> None:
    """Rows worth 90 of a 100-point total with no fund row to make up the rest: the reading is unclear."""
    text = "| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 产出指标 | 50 | 47 |\n| 效益指标 | 40 | 38 |\n| 总分 | 100 | 95 |\n"
    assert lint(text, catalog) == []


# --- the prose 总分 and the 一级指标 scores -----------------------------------------------------------

PROSE_TOTALS = [
    "本项目自评得分为{}分，评价等级为“优”。",
    "经综合评价，该项目绩效自评总分{}分，等级为优。",
    "项目最终得分{}分，自评结果为“优秀”。",
]


@pytest.mark.parametrize("sentence", PROSE_TOTALS)
def test_prose_total_agrees(catalog: Catalog, sentence: str) -> None:
    assert lint(GFM + "\n" + sentence.format("93"), catalog) == []


@pytest.mark.parametrize("sentence", PROSE_TOTALS)
def test_prose_total_differs(catalog: Catalog, sentence: str) -> None:
    found = lint(GFM + "\n" + sentence.format("95"), catalog)
    assert rules(found) == [("FL406", 8)]
    assert {r for r, _ in found[0].figures} == {"table", "prose"}


def test_level1_score_in_prose_is_the_sum_of_its_block(catalog: Catalog) -> None:
    text = """| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 产出指标（60分） | 完成户数 | 30 | 30 |
|  | 完成及时率 | 30 | 27 |
| 效益指标（40分） | 受益人数 | 40 | 38 |
| 合计 |  | 100 | 95 |

其中产出指标得分57分，效益指标得分38分。
"""
    assert lint(text, catalog) == []
    found = lint(text.replace("产出指标得分57分", "产出指标得分58分"), catalog)
    assert rules(found) == [("FL406", 8)]
    assert sorted(x.text for _, x in found[0].figures) == ["27", "30", "58分"]


# --- the grade --------------------------------------------------------------------------------------

GRADE_SENTENCES = ["评价等级为“{}”。", "自评等级：{}。", "绩效评价结果为{}。", "自评等次为「{}」。"]


@pytest.mark.parametrize("sentence", GRADE_SENTENCES)
@pytest.mark.parametrize(
    ("total", "right", "wrong"), [("93", "优", "良"), ("85", "良", "优"), ("72", "中", "良")]
)
def test_grade_matches_its_band(catalog: Catalog, sentence: str, total: str, right: str, wrong: str) -> None:
    table = GFM.replace("| 合计 |  | 100 | 93 |", f"| 合计 |  | 100 | {total} |")
    if total != "93":
        table = table.replace("| 38 |", f"| {int(total) - 55} |")  # the items still add up
    assert lint(table + "\n" + sentence.format(right), catalog) == []
    found = lint(table + "\n" + sentence.format(wrong), catalog)
    assert [f.rule for f in found] == ["FL408"]
    assert found[0].expected == right and found[0].actual == wrong


def test_grade_words_in_other_senses_are_not_grades(catalog: Catalog) -> None:
    text = GFM + "\n自评结果中，满意度指标得分较高；考核结果为差异化拨付提供依据。\n"
    assert lint(text, catalog) == []


def test_bands_are_data() -> None:
    sv = default_vocabulary().scores
    assert band(Decimal("90"), sv) == "优"
    assert band(Decimal("89.99"), sv) == "良"
    assert band(Decimal("60"), sv) == "中"
    assert band(Decimal("59.5"), sv) == "差"


def test_grade_without_a_table_uses_the_prose_total(catalog: Catalog) -> None:
    assert lint("本项目绩效自评得分88.5分，评价等级为“良”。", catalog, "txt") == []
    assert [f.rule for f in lint("本项目绩效自评得分88.5分，评价等级为“优”。", catalog, "txt")] == ["FL408"]


# --- 执行率 × 分值 = 预算执行率得分 -----------------------------------------------------------------

RATE_TABLES = {
    "fund table": (
        "| 项目资金 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n|---|---|---|---|---|---|\n"
        "| 年度资金总额 | 80.00 | 70.00 | 10 | 87.50% | {} |\n"
    ),
    "indicator row": (
        "| 一级指标 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|\n| 预算执行率 | 87.50% | 10 | {} |\n"
        "| 产出指标 | — | 90 | 85 |\n| 合计 | — | 100 | {} |\n"
    ),
}


@pytest.mark.parametrize("name", RATE_TABLES)
def test_exec_rate_score(catalog: Catalog, name: str) -> None:
    template = RATE_TABLES[name]
    good = template.format("8.75", "93.75")
    assert lint(good, catalog) == []
    found = lint(template.format("8.57", "93.57"), catalog)
    assert [(f.rule, f.severity) for f in found] == [("FL409", Severity.WARNING)]
    assert found[0].expected == "8.75"


def test_exec_rate_above_100_is_capped(catalog: Catalog) -> None:
    text = RATE_TABLES["fund table"].replace("70.00", "83.36").replace("87.50%", "104.20%").format("10.00")
    assert lint(text, catalog) == []


def test_traditional_score_table(catalog: Catalog) -> None:
    """A 繁体 自評表: folded, then read like any other."""
    text = (
        GFM.replace("指标", "指標")
        .replace("满意度", "滿意度")
        .replace("分值", "分值")
        .replace("合计", "合計")
    )
    text += "\n本項目自評得分93分，評價等級為「優」。\n"
    assert lint(text, catalog) == []
    assert [f.rule for f in lint(text.replace("「優」", "「良」"), catalog)] == ["FL408"]


# --- 产出指标（50分）: the weight a 一级指标 cell writes ----------------------------------------------

WEIGHT_NOTES = ["（50分）", "(50分)", "（５０分）", "（50 分）"]


@pytest.mark.parametrize("note", WEIGHT_NOTES)
def test_block_weight_note(catalog: Catalog, note: str) -> None:
    text = f"""| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 产出指标{note} | 完成户数 | 30 | 30 |
|  | 完成及时率 | 20 | 18 |
| 效益指标（50分） | 受益人数 | 50 | 47 |
| 合计 |  | 100 | 95 |
"""
    assert lint(text, catalog) == []
    found = lint(text.replace("| 20 | 18 |", "| 25 | 18 |").replace("| 100 | 95 |", "| 105 | 95 |"), catalog)
    assert rules(found) == [("FL406", 3)]  # the 产出指标 cell: 30 + 25 ≠ 50
    assert found[0].figures[0][1].role == "weight"


def test_several_projects_grades_are_left_alone(catalog: Catalog) -> None:
    """A 部门整体 report listing its projects' grades: no single 总分 they all belong to."""
    text = (
        GFM + "\n甲项目自评得分95分，评价等级为“优”；乙项目自评得分84分，评价等级为“良”。"
        "本部门自评得分93分，评价等级为“优”。\n"
    )
    assert [f.rule for f in lint(text, catalog)] == []
