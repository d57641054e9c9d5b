"""Hard-wrapped text (a PDF saved as text): paragraphs rejoined for reading, locations the file's own."""

from __future__ import annotations

from lint.model import Document
from lint.readers.text import read_text

WRAPPED = (
    "某县农业农村局2022年度部门决算公开说明\n"
    "三、支出决算情况说明\n"
    "本年支出合计2,151.02万元，其中：基本支出1,120.57万元，占本年支出合计的\n"
    "52.09%；项目支出1,030.45万元，占本年支出合计的47.91%。项目支出主要用于农\n"
    "- 1 -\n"
    "某县农业农村局2022年度部门决算公开说明\n"
    "田水利设施维护、动物疫病防控和农村人居环境整治等方面，以及乡村公共服务设施的\n"
    "日常运行维护和农业技术推广服务等支出，全年共完成项目十二个，均已验收。\n"
    "四、财政拨款“三公”经费支出决算情况说明\n"
    "2022年度“三公”经费财政拨款支出决算为9.86万元，其中：因公出国（境）费0万\n"
    "元，公务用车购置及运行维护费6.40万元，公务接待费3.46万元。\n"
    "一般公共预算财政拨款支出决算表\n"
    "科目编码 科目名称 合计 基本支出 项目支出\n"
    "2130101 行政运行 1120.57 1120.57\n"
    "2130104 事业运行 1030.45 1030.45\n"
    "- 2 -\n"
)


def _doc(text: str) -> Document:
    return read_text(text.encode("utf-8"), "x.txt")


def test_wrapped_sentence_is_one_line_of_text() -> None:
    doc = _doc(WRAPPED)
    assert "占本年支出合计的52.09%；" in doc.text
    # the page number and running header inside the sentence are gone from what the checks read
    assert "主要用于农田水利" in doc.text
    assert "支出决算为9.86万元，其中：因公出国（境）费0万元，公务用车" in doc.text


def test_locations_are_the_files() -> None:
    doc = _doc(WRAPPED)
    at = doc.text.index("52.09%")
    assert doc.location(at).line == 4 and doc.location(at).column == 1
    at = doc.text.index("田水利")
    assert doc.location(at).line == 7 and doc.location(at).column == 1
    at = doc.text.index("6.40万元")
    line, col = doc.line_col(at)
    assert WRAPPED.split("\n")[line - 1][col - 1 :].startswith("6.40万元")
    assert doc.source_line(4).startswith("52.09%；项目支出")
    # a line of the read text maps back to the file's line it starts on
    n = doc.text[: doc.text.index("四、财政拨款")].count("\n") + 1
    assert doc.source_line_number(n) == 9


def test_headings_table_rows_and_page_numbers_stay_apart() -> None:
    lines = _doc(WRAPPED).text.split("\n")
    assert "四、财政拨款“三公”经费支出决算情况说明" in lines
    assert "2130101 行政运行 1120.57 1120.57" in lines
    assert "2130104 事业运行 1030.45 1030.45" in lines
    assert "科目编码 科目名称 合计 基本支出 项目支出" in lines


def test_text_typed_one_paragraph_a_line_is_left_alone() -> None:
    typed = "\n".join(
        [
            "一、收入支出决算总体情况说明",
            "2022年度收入总计2,318.46万元，支出总计2,318.46万元。",
            "本年收入合计2,204.16万元，其中：财政拨款收入2,150.86万元，占本年收入合计的97.58%；其他收入53.30万元。",
            "二、支出决算情况说明",
            "本年支出合计2,151.02万元，其中：基本支出1,120.57万元，项目支出1,030.45万元。",
            "三、其他",
            "本部门无政府性基金预算财政拨款支出，也无国有资本经营预算财政拨款支出。",
            "四、名词解释",
            "财政拨款收入：指本级财政当年拨付的资金。",
        ]
    )
    doc = _doc(typed)
    assert doc.text == typed
    assert doc.source is None and doc.cuts == []


def test_numbers_set_apart_in_prose_do_not_make_a_table_row() -> None:
    """pdfplumber sets a Latin run apart from 汉字 ("预算 5499.06 万元"): still prose, still rejoined."""
    spaced = "\n".join(
        [
            "一、关于 2023 年部门收支总体情况说明",
            "2023年本部门收入预算 5499.06 万元，支出预算 5499.06 万元。与上年相比，收支预",
            "算总计各增加 288.36 万元，增长 5.53% ，主要原因是基层医疗卫生机构人员经费增",
            "加，以及公共卫生服务项目和疾病预防控制项目的补助标准均有所提高。",
            "支出预算中：基本支出 3902.17 万元，占 70.96% ，主要用于保障机构正常运转和人",
            "员工资；项目支出 1596.89 万元，占 29.04% ，主要用于公共卫生服务和疾病防控",
            "等方面的支出，其中基层医疗卫生机构的基本公共卫生服务补助为主要部分。",
            "二、关于 2023 年财政拨款收支预算情况的说明",
            "2023年财政拨款收支预算总数为 4210.66 万元，全部为一般公共预算拨款，比上年增",
            "加 206.48 万元，主要原因是人员经费和基本公共卫生服务补助经费增加。",
        ]
    )
    doc = _doc(spaced)
    assert "支出预算 5499.06 万元。与上年相比，收支预算总计各增加 288.36 万元" in doc.text
    assert "占 70.96% ，主要用于保障机构正常运转和人员工资；" in doc.text
    assert doc.source_line(6).startswith("员工资；项目支出")


def test_a_numbered_title_as_wide_as_the_block_keeps_its_line() -> None:
    narrow = "\n".join(
        [
            "三、一般公共预算财政拨款支出决算情况说明",
            "（一）一般公共预算财政拨款支出决算总体情况",
            "2022年度一般公共预算财政拨款支出1536.27万元，占本",
            "年支出合计的98.96%。与2021年度相比，一般公共预算财",
            "政拨款支出减少73.78万元，降低4.58%。主要原因是民族",
            "团结进步示范创建补助资金减少。",
            "（二）一般公共预算财政拨款支出决算具体情况说明",
            "2022年度一般公共预算财政拨款支出年初预算为1402.00",
            "万元，支出决算为1536.27万元，完成年初预算的",
            "109.58%。",
        ]
    )
    lines = _doc(narrow).text.split("\n")
    assert "（一）一般公共预算财政拨款支出决算总体情况" in lines
    assert "（二）一般公共预算财政拨款支出决算具体情况说明" in lines
    assert (
        "2022年度一般公共预算财政拨款支出1536.27万元，占本年支出合计的98.96%。与2021年度相比，一般公共预算财政拨款支出减少73.78万元，降低4.58%。主要原因是民族团结进步示范创建补助资金减少。"
        in lines
    )


def test_machine_output_offsets_index_the_file() -> None:
    doc = _doc(WRAPPED)
    at = doc.text.index("田水利")
    loc = doc.location(at)
    shown = loc.as_json()["offset"]
    assert isinstance(shown, int) and WRAPPED[shown:].startswith("田水利")
    assert loc.offset == at  # inside, offsets stay the read text's


def test_a_line_beside_one_page_number_is_content_not_a_running_header() -> None:
    text = WRAPPED.replace(
        "- 2 -\n", "- 2 -\n单位：万元\n支出决算表\n单位：万元\n2130101 行政运行 1120.57 1120.57\n"
    )
    lines = _doc(text).text.split("\n")
    assert lines.count("单位：万元") == 2
    assert "某县农业农村局2022年度部门决算公开说明" not in _doc(WRAPPED).text.split("\n")[1:]
