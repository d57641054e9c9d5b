"""DOCX, HTML and Markdown readers: text kept whole, tables found in place, bad input refused."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from lint.errors import InputError
from lint.model import Document, Table
from lint.readers import docx as docx_reader
from lint.readers import read
from lint.readers.html import read_html
from lint.readers.markdown import parse_markdown_tables
from lint.readers.tables import find_unit, guess_header_rows, guess_label_cols, is_numeric

FIX = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIX / "seed" / "report-2024.txt"
SEEDS = {
    "docx": FIX / "docx" / "seed-2024.docx",
    "html": FIX / "html" / "seed-2024.html",
    "md": FIX / "md" / "seed-2024.md",
}
TABLE = [
    ["项目", "金额（万元）"],
    ["基本支出", "332.11"],
    ["人员经费", "268.72"],
    ["公用经费", "63.39"],
    ["项目支出", "400.63"],
    ["合计", "732.74"],
]
NOT_DOCX = "不是可读的 Word 文件（.docx）"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def without_tables(doc: Document) -> str:
    """The document text with table spans and the "单位：万元" line cut out."""
    text, pos = [], 0
    for t in doc.tables:
        text.append(doc.text[pos : t.start])
        pos = t.end
    text.append(doc.text[pos:])
    lines = "".join(text).split("\n")
    return "\n".join(re.sub(r"^#{1,6}\s+", "", line) for line in lines if line.strip() != "单位：万元")


def cell_texts(table: Table) -> list[list[str | None]]:
    return [[c.text if c else None for c in row] for row in table.cells]


def assert_offsets(doc: Document) -> None:
    for table in doc.tables:
        for row in table.cells:
            for cell in row:
                if cell is not None:
                    assert doc.text[cell.start : cell.end] == cell.text


@pytest.fixture(scope="module", params=sorted(SEEDS))
def seed_doc(request: pytest.FixtureRequest) -> Document:
    return read(str(SEEDS[request.param]))


# -- the seed in three formats ----------------------------------------------------------------------
def test_seed_paragraphs_kept_whole(seed_doc: Document) -> None:
    assert len(seed_doc.tables) == 1
    assert squash(without_tables(seed_doc)) == squash(SEED.read_text(encoding="utf-8"))


def test_seed_table_found_in_place(seed_doc: Document) -> None:
    (table,) = seed_doc.tables
    assert cell_texts(table) == TABLE
    assert (table.header_rows, table.label_cols, table.unit) == (1, 1, "万元")
    assert table.title == ""  # the paragraph above is prose ("…732.74万元，…。"), not the table's title
    assert seed_doc.text[: table.start].rstrip().endswith("单位：万元")
    assert seed_doc.text[table.end :].lstrip().lstrip("# ").startswith("二、一般公共预算支出情况")
    assert_offsets(seed_doc)
    assert table.cells[5][1] is not None
    assert seed_doc.text[table.cells[5][1].start :].startswith("732.74")


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_seed_table_rows_are_tab_separated_lines(fmt: str) -> None:
    doc = read(str(SEEDS[fmt]))
    (table,) = doc.tables
    assert doc.text[table.start : table.end].split("\n") == ["\t".join(r) for r in TABLE]


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_location_names_paragraph_and_cell(fmt: str) -> None:
    doc = read(str(SEEDS[fmt]))
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    # "段落 N" counts the seed's paragraphs, plus the "单位：万元" paragraph inserted before the table.
    n = next(i for i, ln in enumerate(lines) if "268.27万元，包括" in ln) + 2
    loc = doc.location(doc.text.index("268.27万元，包括"))
    assert loc.where == f"段落 {n}"
    assert doc.line_text(loc.line).startswith("（1）工资福利支出")
    cell = doc.tables[0].cells[4][1]
    assert cell is not None and cell.text == "400.63"
    assert doc.location(cell.start, cell.end).where == "表 1 第 5 行第 2 列"
    assert doc.location(doc.text.index("合计\t732.74")).where == "表 1 第 6 行第 1 列"
    after = doc.text.index("二、一般公共预算支出情况")
    assert doc.location(after).where == f"段落 {lines.index('二、一般公共预算支出情况') + 2}"


# -- DOCX -------------------------------------------------------------------------------------------
def _new_docx():  # type: ignore[no-untyped-def]
    import docx

    return docx.Document()


def test_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    document = _new_docx()
    document.add_paragraph("表1 支出表")
    t = document.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "合并标题"
    t.cell(0, 2).text = "金额"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "支出"
    for (r, c), v in {(1, 1): "基本", (1, 2): "1.00", (2, 1): "项目", (2, 2): "2.00"}.items():
        t.cell(r, c).text = v
    document.add_paragraph("表后段落")
    path = tmp_path / "merged.docx"
    document.save(str(path))
    doc = read(str(path))
    (table,) = doc.tables
    assert cell_texts(table) == [["合并标题", None, "金额"], ["支出", "基本", "1.00"], [None, "项目", "2.00"]]
    assert (table.header_rows, table.label_cols, table.title) == (1, 2, "表1 支出表")
    assert_offsets(doc)
    assert doc.text.endswith("表后段落\n")
    assert doc.location(doc.text.index("表后段落")).where == "段落 2"


def test_docx_reads_insertions_and_content_controls_not_deletions(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = _new_docx()
    p = document.add_paragraph("收入")
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>732.74</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>999</w:delText></w:r></w:del>'))
    p.add_run("万元")
    sdt = f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    document.element.body.insert(1, parse_xml(sdt))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read(str(path)).text == "收入732.74万元\n控件中的段落\n"


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_bytes((FIX / "docx/bad/not-a-docx.docx").read_bytes()), id="random"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_bytes(SEEDS["docx"].read_bytes()[:20000]), id="truncated"),
        pytest.param(lambda p: _zip(p, {"hello.txt": b"hi"}), id="zip-without-document-xml"),
        pytest.param(lambda p: _zip(p, {"word/document.xml": b"<not xml"}), id="no-content-types"),
        pytest.param(lambda p: p.write_text("<html>not word</html>"), id="html-named-docx"),
    ],
)
def test_bad_docx_is_one_input_error(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(InputError) as e:
        read(str(path))
    assert (e.value.reason_zh, e.value.reason_en) == (NOT_DOCX, "not a readable Word file (.docx)")
    assert e.value.path == str(path)


@pytest.mark.parametrize("name", ["not-a-docx.docx", "empty.docx"])
def test_committed_bad_fixtures_are_refused(name: str) -> None:
    with pytest.raises(InputError) as e:
        read(str(FIX / "docx" / "bad" / name))
    assert e.value.reason_zh == NOT_DOCX


def test_legacy_doc_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    with pytest.raises(InputError) as e:
        read(str(path))
    assert ".doc" in e.value.reason_zh and ".docx" in e.value.reason_zh
    assert "not supported" in e.value.reason_en


def test_encrypted_docx_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(InputError) as e:
        read(str(path))
    assert "加密" in e.value.reason_zh and "encrypted" in e.value.reason_en


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_XML", 10_000)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * 20_000)
    with pytest.raises(InputError) as e:
        read(str(path))
    assert "zip bomb" in e.value.reason_en


# -- HTML -------------------------------------------------------------------------------------------
def test_hostile_html_drops_script_keeps_escaped_text() -> None:
    doc = read(str(FIX / "html" / "hostile.html"))
    for hidden in ("alert(1)", "alert(2)", "alert(4)", "111.11", "222.22", "333.33", "444.44", "555.55"):
        assert hidden not in doc.text
    assert "说明：<b>粗体</b> 是转义的文字" in doc.text
    assert "<script>alert(3)</script> 也是文字" in doc.text
    assert doc.text.endswith("最后一段。\n")
    (table,) = doc.tables
    assert table.n_cols == 1000  # colspan=100000 clamped as browsers do
    assert cell_texts(table)[1][:2] == ["跨到表尾", "1.00 内嵌 2.00"]
    assert cell_texts(table)[2][:2] == [None, "3.00"]  # rowspan=0 runs to the end of the table
    assert_offsets(doc)


def test_html_spans_become_none_positions() -> None:
    page = (
        "<p>表2 收支表</p><table><caption>收支明细</caption><thead><tr><th colspan=2>项目</th><th>金额</th></tr>"
        "<tr><th colspan=3>单位：万元</th></tr></thead>"
        "<tr><td rowspan=2>支出</td><td>基本</td><td>1,210.48</td><tr><td>项目</td><td>（2.00）</td></table>"
    )
    doc = read_html(page.encode(), "t.html")
    (table,) = doc.tables
    assert cell_texts(table) == [
        ["项目", None, "金额"],
        ["单位：万元", None, None],
        ["支出", "基本", "1,210.48"],
        [None, "项目", "（2.00）"],
    ]
    assert (table.header_rows, table.label_cols, table.title, table.unit) == (2, 2, "收支明细", "万元")
    assert doc.text == "表2 收支表\n项目\t\t金额\n单位：万元\n支出\t基本\t1,210.48\n\t项目\t（2.00）\n"
    assert_offsets(doc)


def test_html_blocks_entities_and_whitespace() -> None:
    page = "<div>一、概况<br>收入&nbsp;732.74&#19975;元</div><ul><li>甲&amp;乙</li><li>丙</li></ul>尾"
    doc = read_html(page.encode(), "t.html")
    assert doc.text == "一、概况\n收入 732.74万元\n甲&乙\n丙\n尾\n"
    assert doc.location(doc.text.index("732.74")).where == "段落 2"


def test_gbk_html_with_meta_charset_decodes() -> None:
    page = '<html><head><meta charset="GBK"></head><body><p>收入732.74万元</p></body></html>'
    assert "收入732.74万元" in read_html(page.encode("gbk"), "g.html").text
    # These GBK bytes are also valid UTF-8 (they spell 收入): only the declaration says which.
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>鏀跺叆</p>'
    assert read_html(page.encode("gbk"), "g.html").text == "鏀跺叆\n"
    assert read_html("<p>鏀跺叆</p>".encode("gbk"), "g.html").text == "收入\n"


def test_broken_markup_declaration_is_not_fatal() -> None:
    # The stdlib parser raises AssertionError on "<![坏]>"; browsers skip it. Word's
    # conditional sections (<![if …]>) keep the text between them.
    page = "<p>前文<![坏]></p><p><![if !supportLists]>1、<![endif]>后文 1.00</p>"
    assert read_html(page.encode(), "b.html").text == "前文\n1、后文 1.00\n"


def test_binary_html_is_input_error() -> None:
    with pytest.raises(InputError):
        read_html(b"\x00\x01\x02" * 100, "x.html")


# -- Markdown ---------------------------------------------------------------------------------------
def md(text: str) -> Document:
    doc = Document(path="t.md", text=text, fmt="md")
    parse_markdown_tables(doc)
    return doc


@pytest.mark.parametrize(
    "table",
    [
        "| 项目 | 金额 |\n|:---|---:|\n| 基本支出 | 332.11 |\n| 项目支出 | 400.63 |",
        "项目 | 金额\n--- | ---\n基本支出 | 332.11\n项目支出 | 400.63",
        "| 项目 | 金额\n|---|---\n| 基本支出 | 332.11\n| 项目支出 | 400.63",
    ],
    ids=["pipes", "no-outer-pipes", "leading-pipes-only"],
)
def test_markdown_tables_with_and_without_outer_pipes(table: str) -> None:
    doc = md(f"前文\n\n单位：万元\n\n{table}\n\n后文 1.00\n")
    (t,) = doc.tables
    assert cell_texts(t) == [["项目", "金额"], ["基本支出", "332.11"], ["项目支出", "400.63"]]
    assert (t.header_rows, t.label_cols, t.unit, t.title) == (1, 1, "万元", "前文")
    assert doc.text[t.start : t.end] == table
    assert_offsets(doc)


def test_markdown_escaped_pipe_ragged_rows_and_code_fences() -> None:
    text = (
        "```\n| 不 | 是 |\n|---|---|\n```\n\n"
        "| 项目 | 说明 | 金额 |\n|---|---|---|\n| a \\| b | 短 |\n| c | d | 1.00 | 多余 |\n"
    )
    doc = md(text)
    (t,) = doc.tables
    assert cell_texts(t) == [["项目", "说明", "金额"], ["a \\| b", "短", None], ["c", "d", "1.00"]]
    assert_offsets(doc)


def test_markdown_needs_matching_delimiter_row() -> None:
    assert md("| a | b |\n|---|\n| 1 | 2 |\n").tables == []
    assert md("a | b\n\n---\n").tables == []


def test_md_file_goes_through_table_parser(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("| 项目 | 金额 |\n|---|---|\n| 合计 | 732.74 |\n", encoding="utf-8")
    doc = read(str(path))
    assert doc.fmt == "md" and cell_texts(doc.tables[0]) == [["项目", "金额"], ["合计", "732.74"]]
    txt = tmp_path / "r.txt"
    txt.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert read(str(txt)).tables == []


# -- shared guessing helpers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,210.48", True),
        ("-3.5", True),
        ("（12.3）", True),
        ("７３２．７４", True),
        ("１，２１０．４８", True),
        ("36.61%", True),
        ("23人", True),
        (" 0 ", True),
        ("—", False),
        ("-", False),
        ("", False),
        ("项目", False),
        ("1,21", False),
        ("1.2.3", False),
        ("2024年预算", False),
    ],
)
def test_is_numeric(cell: str, expected: bool) -> None:
    assert is_numeric(cell) is expected


def test_guess_header_rows_and_label_cols() -> None:
    two_headers = [["项目", "本年", None], [None, "预算", "决算"], ["支出", "1.00", "2.00"]]
    assert guess_header_rows(two_headers) == 2
    assert guess_header_rows([["项目", "2023", "2024年"], ["支出", "1", "2"]]) == 1
    assert guess_header_rows([["1.00", "2.00"]]) == 0
    assert guess_header_rows([["说明"], ["文字"]]) == 1
    serial = [["序号", "项目", "金额"], ["1", "基本支出", "—"], ["2", "项目支出", "400.63"]]
    assert guess_label_cols(serial, 1) == 2
    assert guess_label_cols([["项目", "金额"], ["合计", "-"], ["支出", "3"]], 1) == 1


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("单位：万元", "万元"),
        ("（金额单位: 元）", "元"),
        ("表1 单位：亿元", "亿元"),
        ("收入732.74万元", None),
    ],
)
def test_find_unit(text: str, unit: str | None) -> None:
    assert find_unit(text) == unit
