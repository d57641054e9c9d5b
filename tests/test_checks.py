"""One passing and one failing case per check kind, on short reports in varied phrasing."""

from __future__ import annotations

import pytest
from conftest import lint_text, serious

from lint.model import FileResult


def codes(result: FileResult) -> list[str]:
    return sorted(f.rule for f in result.findings)


def test_sum_nested_breakdown_passes_and_a_wrong_part_fails() -> None:
    good = "本年支出合计100.00万元，其中：基本支出60.00万元，其中人员经费50.00万元、公用经费10.00万元；项目支出40.00万元。"
    assert codes(lint_text(good)) == []
    bad = good.replace("公用经费10.00", "公用经费11.00")
    r = lint_text(bad)
    assert codes(r) == ["FL201"]
    f = r.findings[0]
    assert f.figures[0][1].text == "60.00万元"  # the total named first
    assert {x.text for _, x in f.figures} == {"60.00万元", "50.00万元", "11.00万元"}
    assert f.expected == "61.00" and f.actual == "60.00"


def test_sum_rounding_is_never_an_error() -> None:
    # 382.17 + 8.38 + 190.89 = 581.44, printed 581.45 (梧州 2021): inside the intervals
    assert serious(lint_text("支出581.45万元，其中：甲382.17万元，乙8.38万元，丙190.89万元。")) == []


def test_sum_one_unit_off_is_info() -> None:
    # parts written to the cent in 元 add to 1.00万元; the total says 1.01万元: one last-place unit
    r = lint_text("合计1.01万元，其中：甲5000.00元，乙5000.00元。")
    assert codes(r) == ["FL202"] and r.findings[0].severity.label == "info"
    # three units off is an error where the list is certainly the whole: 分别为, or parts above the whole
    assert codes(lint_text("合计1.03万元，分别为：甲5000.00元，乙5000.00元。")) == ["FL201"]
    assert codes(lint_text("合计0.97万元，其中：甲5000.00元，乙5000.00元。")) == ["FL201"]


def test_sum_partial_list_short_of_total_is_not_an_error() -> None:
    assert codes(lint_text("项目支出500万元，主要用于：物业管理费33万元、网络维护费79万元等。")) == []
    r = lint_text("项目支出50万元，主要用于：物业管理费33万元、网络维护费79万元。")
    assert codes(r) == ["FL201"]  # parts exceed the whole even in a partial list


def test_sum_short_list_introduced_by_han_is_a_warning() -> None:
    # domain.md §1: 其中/包括 with an amount for every item is the whole breakdown; 含 may name some
    # 包括 with an amount for every item is the whole breakdown
    assert codes(lint_text("项目支出200万元，包括：物业管理费33万元、网络维护费79万元。")) == ["FL201"]
    r = lint_text("项目支出200万元，含物业管理费33万元、网络维护费79万元。")
    assert codes(r) == ["FL203"]
    assert codes(
        lint_text("项目支出200万元，其中：物业管理费33万元、网络维护费79万元、其他支出80万元。")
    ) == ["FL201"]


def test_share_and_shares_total() -> None:
    good = "本年支出合计307.82万元，其中：基本支出105.58万元，占34.30%；项目支出202.24万元，占65.70%。"
    assert codes(lint_text(good)) == []
    r = lint_text(good.replace("34.30%", "43.30%"))
    assert "FL211" in codes(r)
    f = next(x for x in r.findings if x.rule == "FL211")
    assert f.expected == "34.30" and f.suggestion is not None and f.suggestion.suggested == "34.30"


def test_truncated_share_is_accepted() -> None:
    # 29.42 / 307.82 = 9.5575% printed 9.55% (社会工作部): truncation, not an error
    text = "支出307.82万元，其中：甲278.40万元，占90.44%；乙29.42万元，占9.55%。"
    assert serious(lint_text(text)) == []


def test_change_difference_rate_and_direction() -> None:
    good = "2024年收入732.74万元，与上年收入1210.48万元相比减少477.74万元，降幅39.47%。"
    assert codes(lint_text(good)) == []
    assert codes(lint_text(good.replace("减少477.74", "减少487.74"))) == ["FL221"]
    assert codes(lint_text(good.replace("39.47%", "39.74%"))) == ["FL222"]
    r = lint_text(good.replace("相比减少", "相比增加"))
    assert "FL223" in codes(r)


def test_rate_with_base_derived_from_current_and_difference() -> None:
    good = "机关运行经费支出110.00万元，比上年增加10.00万元，增长10.00%。"
    assert codes(lint_text(good)) == []
    assert codes(lint_text(good.replace("增长10.00%", "增长9.09%"))) == ["FL222"]


def test_rate_from_zero_base_is_info() -> None:
    text = "收入支出总计307.82万元。与2023年度相比，收入支出总计增加307.82万元，增长100.00%。"
    r = lint_text(text)
    assert codes(r) == ["FL224"] and serious(r) == []


def test_ratio_against_the_budget_it_names() -> None:
    good = "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。"
    assert codes(lint_text(good)) == []
    assert codes(lint_text(good.replace("98.69%", "96.69%"))) == ["FL231"]
    # the corpus case: the rate fits 全年预算 but the text names 年初预算 (which is 0)
    wrong_base = "支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。"
    r = lint_text(wrong_base)
    assert codes(r) == ["FL231"]
    s = r.findings[0].suggestion
    assert s is not None and "321.02" in s.reason
    assert (s.current, s.suggested) == ("年初预算0万元", "全年预算321.02万元")


def test_average() -> None:
    good = "三公经费决算支出为0.14万元，接待考察人员10人，平均每人139.4元。"
    assert codes(lint_text(good)) == []
    assert codes(lint_text(good.replace("139.4元", "193.4元"))) == ["FL241"]
    assert codes(lint_text(good.replace("10人", "12人"))) == ["FL241"]


def test_count_enumeration() -> None:
    good = "内设机构为3个：办公室（财务室、政工室）、数据资源室、数字政务室。"
    assert codes(lint_text(good)) == []
    r = lint_text(good.replace("3个", "4个"))
    assert codes(r) == ["FL251"] and r.findings[0].expected == "3"
    assert codes(lint_text("下设4个科室：办公室、财务室等。")) == []  # 等: an open list


def test_repeat_same_label_same_qualifiers() -> None:
    text = "一、概况\n项目支出为400.63万元。\n二、项目支出情况\n项目支出为410.63万元。"
    r = lint_text(text)
    assert codes(r) == ["FL261"]
    assert {x.text for _, x in r.findings[0].figures} == {"400.63万元", "410.63万元"}


def test_repeat_never_equates_budget_and_final() -> None:
    text = "三公经费预算支出为0.79万元。\n三公经费决算支出为0.14万元。\n上年三公经费支出为0.50万元。"
    assert codes(lint_text(text)) == []


def test_blank_placeholder_is_info() -> None:
    r = lint_text("基本支出105.58万元，占 %，比上年减少 万元。")
    assert codes(r) == ["FL281", "FL281"]
    assert serious(r) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_in_both_languages(lang: str) -> None:
    r = lint_text("支出100.00万元，其中：甲60.00万元，乙50.00万元。", lang=lang)
    msg = r.findings[0].message
    assert ("各项之和" in msg) if lang == "zh" else ("sum of its parts" in msg)


def test_culprit_is_the_figure_that_disagrees_with_its_repeat() -> None:
    text = (
        "一、概况\n项目支出为400.63万元，其中：物业管理费33.08万元，网络维护费367.55万元。\n"
        "二、项目支出情况\n项目支出为400.63万元，其中：物业管理费33.08万元，网络维护费376.55万元。\n"
    )
    r = lint_text(text)
    fl201 = next(f for f in r.findings if f.rule == "FL201")
    assert fl201.suggestion is not None
    assert (fl201.suggestion.current, fl201.suggestion.suggested) == ("376.55", "367.55")
    assert fl201.location.line == 4 and fl201.suggestion.figure.location.line == 4


def test_repeat_names_the_minority_writing() -> None:
    text = "一、甲\n项目支出为400.63万元。\n二、乙\n项目支出为400.63万元。\n三、丙\n项目支出为410.63万元。\n"
    (f,) = [x for x in lint_text(text).findings if x.rule == "FL261"]
    assert f.location.line == 6
    assert f.suggestion is not None and f.suggestion.suggested == "400.63"


# False alarms found by a precision review of realistic reports (fixtures/realistic/); each must stay quiet.
QUIET = [
    "编制52人，其中行政编制30人、事业编制22人，实有人数49人。",
    "编制数52人，其中：行政编制30人，事业编制22人；实有人数49人。",
    "一般公共服务支出（类）1234.56万元，其中行政运行（项）1034.56万元、事业运行（项）200.00万元；"
    "社会保障和就业支出（类）156.78万元。",
    "“三公”经费支出8.64万元，上年为9.12万元，减少0.48万元，下降5.26%。",
    "绩效自评报告\n上年结转资金15.60万元，全年执行数245.25万元。",
    "开展绩效自评，涉及资金322.67万元。开展部门评价，涉及资金45.00万元。",
    "绩效自评\n项目总投资655.5万元，分别为：中央财政资金450.0万元、省级财政资金120.0万元、县级配套资金85.5万元。"
    "实际支出648.9万元，其中中央财政资金450.0万元，省级财政资金118.6万元，县级配套资金80.3万元。",
    "本部门共有干部职工58人，其中党员42人，女性23人，大专以上学历55人。",
    "参保人数5.63万人，较上年增加2100人，参保率提高1.8个百分点。",
    "全年实际支出1796.78万元，年中追加预算248.36万元，第四季度支付占全年的41%。",
    "年中追加预算248.36万元，占年初预算的15.92%；三是支付进度前慢后快，第四季度支付占全年的41%。",
    "全年发放低保金4862.35万元，惠及15321人，月人均补助水平264.5元。",
    "“三公”经费预算为18.00万元，决算为14.62万元。与上年相比，“三公”经费减少1.73万元，下降10.58%。",
]


@pytest.mark.parametrize("text", QUIET)
def test_realistic_phrasing_raises_no_false_alarm(text: str) -> None:
    assert serious(lint_text(text)) == []


def test_the_same_phrasing_still_catches_real_errors() -> None:
    assert codes(lint_text("“三公”经费支出8.64万元，上年为9.12万元，减少0.48万元，下降5.62%。")) == ["FL222"]
    assert codes(lint_text("编制52人，其中行政编制30人、事业编制23人，实有人数49人。")) == ["FL201"]
    no_base = "年中追加预算248.36万元，占年初预算的15.29%；另有结余。"  # no 年初预算 figure to divide by
    assert codes(lint_text(no_base)) == []
    r = lint_text("年初预算1560.00万元，年中追加预算248.36万元，占年初预算的15.29%。")
    assert codes(r) == ["FL211"]


def test_recall_parts_after_a_semicolon_and_bracketed_breakdowns() -> None:
    # bench/RECALL.md causes 3 and 4: a part after ；that reads like the others stays a part, and a
    # （其中…） list inside a breakdown is a breakdown of its own
    text = "收入预算15621.11万元，其中：财政拨款收入15621.11万元；事业收入0.00万元；事业单位经营收入2.00万元；其他收入0.00万元。"
    assert codes(lint_text(text)) == ["FL201"]
    nested = (
        "三公经费12.60万元，其中：出国费0万元；公务用车购置及运行维护费8.40万元"
        "（其中公务用车购置费0万元，公务用车运行维护费8.04万元）；公务接待费4.20万元。"
    )
    r = lint_text(nested)
    assert codes(r) == ["FL201"]
    assert {x.text for _, x in r.findings[0].figures} == {"8.40万元", "0万元", "8.04万元"}
    assert serious(lint_text(nested.replace("8.04万元）", "8.40万元）"))) == []


def test_adjusted_budget_identity_stated_in_one_sentence() -> None:
    good = "2024年部门年初预算1000.00万元，年中追加200.00万元，调减50.00万元，调整后预算1150.00万元。"
    assert serious(lint_text(good)) == []
    r = lint_text(good.replace("调整后预算1150.00", "调整后预算1105.00"))
    assert codes(r) == ["FL271"]
    f = r.findings[0]
    assert [(role, x.text) for role, x in f.figures] == [
        ("total", "1105.00万元"),
        ("part", "1000.00万元"),
        ("part", "200.00万元"),
        ("minus", "50.00万元"),
    ]
    assert f.suggestion is not None and f.suggestion.suggested == "1150.00"
    # only some adjustments named (其中): no identity
    assert codes(lint_text("年初预算1000.00万元，全年预算1250.00万元，其中追加200.00万元。")) == []


def test_recall_latent_shares_and_rates() -> None:
    """bench/RECALL.md latent-share cases, each once linked and once broken."""
    colon = (
        "一般公共预算财政拨款支出307.82万元，主要用于以下方面：\n"
        "一般公共服务支出（类）264.87万元，占86.50%；住房保障支出（类）42.95万元，占13.95%。"
    )
    assert "FL211" in codes(lint_text(colon))
    assert serious(lint_text(colon.replace("86.50%", "86.05%"))) == []
    prefixed = "2023年度本部门政府采购支出总额为1,286.54万元。授予中小企业合同金额1,102.37万元，占政府采购支出总额的58.68%。"
    assert codes(lint_text(prefixed)) == ["FL211"]
    this_year = (
        "2023年度本年支出合计2,014.53万元，其中一般公共预算财政拨款支出1,860.42万元，占本年支出合计的92.53%。"
    )
    assert codes(lint_text(this_year)) == ["FL211"]
    assert serious(lint_text(this_year.replace("92.53%", "92.35%"))) == []
    later_base = "“三公”经费支出决算为42,360.00元，完成预算的84.27%，预算为50,000.00元。"
    assert codes(lint_text(later_base)) == ["FL231"]
    assert serious(lint_text(later_base.replace("84.27%", "84.72%"))) == []
