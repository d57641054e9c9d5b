"""A school's 生均 is a per-person average like 人均: "安排资助资金62.40万元，资助学生520人，生均资助1,200元"
divides the amount by the students counted. A 生均 standard with nothing to divide ("生均公用经费每生每年
1,150元的标准") is left alone. Texts in our own words."""

from __future__ import annotations

from conftest import lint_text, serious

HEAD = "某县中学2024年度单位决算公开说明\n三、公用经费保障情况\n"
BODY = (
    "按照生均公用经费每生每年1,150元的标准，全年拨付学校公用经费277.84万元；"
    "另安排家庭经济困难学生资助资金62.40万元，资助学生520人，生均资助{}元。\n"
)


def _averages(text: str) -> list:  # type: ignore[type-arg]
    return [f for f in serious(lint_text(HEAD + text)) if f.rule == "FL241"]


def test_a_per_student_average_that_holds_is_silent() -> None:
    assert _averages(BODY.format("1,200")) == []


def test_a_per_student_average_that_does_not_hold_is_found() -> None:
    text = BODY.format("1,250")
    (f,) = _averages(text)
    figures = {role: g.text for role, g in f.figures}
    assert figures == {"total": "62.40万元", "count": "520人", "average": "1,250元"}
    assert f.location.offset == (HEAD + text).index("1,250元")


def test_an_average_naming_another_total_than_the_sentences_amount_is_not_read_against_it() -> None:
    # 人均公用经费 names 公用经费: the 本年支出合计 before the count is no total of it
    for text in (
        "2023年本年支出合计2,310.00万元，在校学生1,582人，生均公用经费720元。\n",
        "本年支出合计2,310.00万元，在职教职工118人，人均公用经费2.15万元。\n",
    ):
        assert _averages(text) == []


def test_an_average_naming_its_total_is_still_checked() -> None:
    text = "全年拨付公用经费113.90万元，在校学生1,582人，生均公用经费750元。\n"
    (f,) = _averages(text)
    assert {role: g.text for role, g in f.figures}["total"] == "113.90万元"


def test_an_average_per_a_counted_unit_names_its_total_after_the_unit() -> None:
    # 平均每人次 + 接待费(用): the noun comes after the unit the average is per
    for avg in ("平均每人次接待费550.00元", "平均每人次接待费用550.00元"):
        text = f"2024年度公务接待费支出4.20万元，全年接待来访15批次、共84人次，{avg}。\n"
        (f,) = _averages(text)
        assert {role: g.text for role, g in f.figures}["total"] == "4.20万元"
