"""PDF reader: seed text intact, figures inside their sentences, boxes right, tables found, bad input refused."""

from __future__ import annotations

import io
import re
import threading
import time
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from lint.errors import InputError
from lint.model import Document
from lint.readers import ReadOptions
from lint.readers import pdf as pdf_reader
from lint.readers.pdf import PdfTable, read_pdf
from lint.readers.pdf_lines import Glyph, Line, cluster_lines, line_break

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
SEED_TXT = FIX / "seed" / "report-2024.txt"
SEED_PDF = FIX / "pdf" / "seed-2024.pdf"
TABLE_PDF = FIX / "pdf" / "table-juesuan.pdf"
BAD = FIX / "pdf" / "bad"
CORPUS = ROOT.parent / "shared" / "corpus" / "shanghai-putuo"
CORPUS_PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万元|元|%|人|个|件|条)")
CJK_SPACE = re.compile(r"[\u4e00-\u9fff，。：；、（）] +[\u4e00-\u9fff，。：；、（）]")


def read(path: Path, **kw: object) -> Document:
    return read_pdf(path, str(path), ReadOptions(**kw))  # type: ignore[arg-type]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seed() -> Document:
    return read(SEED_PDF)


# --- text -------------------------------------------------------------------------------------------


def test_seed_text_equals_source_without_furniture(seed: Document) -> None:
    assert squash(seed.text) == squash(SEED_TXT.read_text(encoding="utf-8"))
    assert "—" not in seed.text  # "— N —" footers gone (the seed itself has no em dash)
    assert "零陵区行政审批服务局2024年度整体支出绩效自评报告" not in squash(seed.text)  # running header gone
    assert seed.fmt == "pdf"


def test_seed_every_figure_intact(seed: Document) -> None:
    want = Counter(FIGURE.findall(SEED_TXT.read_text(encoding="utf-8")))
    assert len(want) > 50
    assert Counter(FIGURE.findall(seed.text)) == want


def test_seed_no_spaces_inside_chinese(seed: Document) -> None:
    assert not CJK_SPACE.findall(seed.text)


def test_seed_paragraphs_keep_their_breaks(seed: Document) -> None:
    lines = seed.text.split("\n")
    assert "一、部门（单位）基本情况" in lines
    assert any(
        ln.startswith("（一）本部门为机关单位") and ln.endswith("营商环境与政务联动处置室。") for ln in lines
    )


def test_char_boxes_parallel_to_text(seed: Document) -> None:
    assert seed.char_boxes is not None
    assert len(seed.char_boxes) == len(seed.text)
    for ch, box in zip(seed.text, seed.char_boxes, strict=True):
        if ch == "\n":
            assert box is None


def _single_line_figures(doc: Document) -> list[tuple[str, int, int]]:
    assert doc.char_boxes is not None
    out = []
    for m in FIGURE.finditer(doc.text):
        boxes = [b for b in doc.char_boxes[m.start() : m.end()] if b]
        tops = [b[1][1] for b in boxes]
        if boxes and len({b[0] for b in boxes}) == 1 and max(tops) - min(tops) < 3:
            out.append((m.group(), m.start(), m.end()))
    return out


def test_location_gives_page_and_enclosing_bbox(seed: Document) -> None:
    figures = _single_line_figures(seed)
    assert len(figures) > 60
    pages = set()
    with pdfplumber.open(SEED_PDF) as pdf:
        for text, start, end in figures:
            loc = seed.location(start, end)
            assert loc.page is not None and loc.bbox is not None
            pages.add(loc.page)
            x0, top, x1, bottom = loc.bbox
            page = pdf.pages[loc.page - 1]
            got = page.within_bbox((x0 - 0.2, top - 0.2, x1 + 0.2, bottom + 0.2)).extract_text(
                x_tolerance_ratio=0.5
            )
            assert squash(got) == text, (text, loc)
    assert len(pages) >= 2  # figures on later pages map to later pages


def test_268_72_located_on_its_page(seed: Document) -> None:
    start = seed.text.index("268.72万元")
    loc = seed.location(start, start + len("268.72万元"))
    with pdfplumber.open(SEED_PDF) as pdf:
        hits = [p.page_number for p in pdf.pages if "268.72万元" in squash(p.extract_text())]
    assert loc.page == hits[0]


# --- baseline-shifted numbers (the corpus caizhengju p.21 defect, reproduced) -----------------------------


def _shifted_baseline_pdf() -> bytes:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    y = 700.0
    x = 72.0
    for text, font, dy in [
        ("财政拨款收入支出总计", "STSong-Light", 0),
        ("0.3", "Times-Roman", -4.9),
        ("万元。", "STSong-Light", 0),
    ]:
        c.setFont(font, 12)
        c.drawString(x, y + dy, text)
        x += pdfmetrics.stringWidth(text, font, 12)
    c.setFont("STSong-Light", 12)
    c.drawString(72, y - 14, "与上年持平。")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_number_on_shifted_baseline_stays_in_sentence(tmp_path: Path) -> None:
    p = tmp_path / "shifted.pdf"
    p.write_bytes(_shifted_baseline_pdf())
    with pdfplumber.open(p) as pdf:
        assert "总计万元" in squash(pdf.pages[0].extract_text())  # plain pdfplumber splits it
    doc = read(p)
    assert doc.text.split("\n")[0] == "财政拨款收入支出总计0.3万元。"


def test_cluster_lines_prefers_bigger_overlapping_neighbour() -> None:
    cjk = [Glyph(ch, 96 + 12 * i, 183.05, 108 + 12 * i, 195.05, 12) for i, ch in enumerate("总计")]
    num = [Glyph(ch, 120 + 6 * i, 187.93, 126 + 6 * i, 199.93, 12) for i, ch in enumerate("0.3")]
    nxt = [Glyph(ch, 72 + 12 * i, 197.02, 84 + 12 * i, 209.02, 12) for i, ch in enumerate("支出总计减少")]
    lines = cluster_lines(cjk + num + nxt)
    assert ["".join(g.text for g in ln) for ln in lines] == ["总计0.3", "支出总计减少"]


# --- tables -----------------------------------------------------------------------------------------


def test_table_fixture_structure() -> None:
    doc = read(TABLE_PDF)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert (t.title, t.unit, t.page, t.header_rows, t.label_cols) == ("收入支出决算总表", "万元", 1, 2, 2)
    texts = [[c.text if c else None for c in row] for row in t.cells]
    assert texts[1] == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    assert texts[0] == [
        "科目编码",
        "科目名称",
        "本年支出",
        "本年支出",
        "本年支出",
    ]  # merged header forward-filled
    assert texts[2] == ["", "合计", "2,940.05", "2,336.91", "603.14"]
    assert texts[5] == [
        "2080505",
        "机关事业单位基本养老保险缴费支出",
        "160.75",
        "160.75",
        "",
    ]  # wrapped label joined
    assert texts[7][4] == "0.00" and texts[6][4] == ""  # empty stays distinct from zero


def test_table_cells_point_into_text_once() -> None:
    doc = read(TABLE_PDF)
    t = doc.tables[0]
    assert doc.char_boxes is not None
    for row in t.cells:
        for cell in row:
            assert cell is not None
            assert doc.text[cell.start : cell.end] == cell.text
            if cell.text:
                assert doc.char_boxes[cell.start] is not None
    merged = t.cells[0][3]
    assert merged is not None and t.cells[0][2] is not None and merged.start == t.cells[0][2].start
    assert doc.text.count("2,106.66") == 1  # the table's chars left the prose stream
    assert "2,940.05\t2,336.91\t603.14" in doc.text
    assert doc.text[t.start : t.end].count("\n") == len(t.cells) - 1
    assert doc.text.endswith("注：本表反映部门本年度各项支出情况。")


def _long_table_pdf() -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as RLTable

    rl_config.invariant = 1
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("t", fontName="STSong-Light", fontSize=14, leading=20)
    rows = [["项目", "金额"], ["科目", "决算数"]] + [[f"支出项目{i}", f"{i}.{i % 10}0"] for i in range(1, 61)]
    table = RLTable(rows, colWidths=[200, 100], repeatRows=2)
    table.setStyle(
        [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), "STSong-Light", 10)]
    )
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Paragraph("支出决算明细表", style), table])
    return buf.getvalue()


def test_table_continued_on_next_page_is_one_table(tmp_path: Path) -> None:
    p = tmp_path / "long.pdf"
    p.write_bytes(_long_table_pdf())
    doc = read(p)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert isinstance(t, PdfTable) and t.pages == [1, 2]
    assert t.n_rows == 62 and t.header_rows == 2 and t.title == "支出决算明细表"
    assert [c.text for c in t.cells[-1] if c] == ["支出项目60", "60.00"]
    assert doc.text.count("项目\t金额") == 1  # the repeated header is not rendered twice
    assert doc.char_boxes is not None
    last = t.cells[-1][1]
    assert last is not None
    assert doc.char_boxes[last.start] is not None and doc.char_boxes[last.start][0] == 2  # type: ignore[index]


# --- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.pdf", "not a readable PDF"),
        ("random-bytes.pdf", "not a readable PDF"),
        ("html-named.pdf", "not a readable PDF"),
        ("truncated-half.pdf", "not a readable PDF (damaged or truncated)"),
        ("image-only.pdf", "no text layer (scanned?)"),
        ("encrypted-user123.pdf", "encrypted PDF: pass --password"),
    ],
)
def test_bad_input_raises_input_error(name: str, reason: str) -> None:
    path = BAD / name
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.reason_en == reason
    assert info.value.path == str(path)
    assert info.value.reason_zh  # a Chinese line for the default --lang zh


def test_encrypted_opens_with_password() -> None:
    doc = read(BAD / "encrypted-user123.pdf", password="user123")
    assert "Revenue 732.74, expenditure 1210.48" in doc.text


def test_encrypted_wrong_password_names_it() -> None:
    with pytest.raises(InputError, match="password given is wrong"):
        read(BAD / "encrypted-user123.pdf", password="nope")


def test_broken_font_map_is_refused(tmp_path: Path) -> None:
    """pdfminer cannot map an encrypted STSong-Light page: it yields (cid:N), which must not pass.
    pdfium decrypts and maps it, so the (default) pdfium reader reads the text as written."""
    from reportlab import rl_config
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "cid.pdf"
    c = canvas.Canvas(str(p), encrypt=StandardEncryption("u", "o"))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "本年收入合计2946.25万元，其中财政拨款收入2940.05万元。")
    c.showPage()
    c.save()
    with pytest.raises(InputError) as info:
        read(p, password="u", reader="pdfplumber")
    assert info.value.reason_en == "text layer unusable (broken font map)"
    assert read(p, password="u", reader="pdfium").text.strip() == (
        "本年收入合计2946.25万元，其中财政拨款收入2940.05万元。"
    )


def test_page_limit() -> None:
    with pytest.raises(InputError, match=r"too many pages \(\d+, limit 1\)"):
        read(SEED_PDF, max_pages=1)


def test_timeout_between_pages() -> None:
    with pytest.raises(InputError) as info:
        read(SEED_PDF, timeout=1e-6)
    assert info.value.reason_zh.startswith("处理超时")


def test_timeout_stops_a_hanging_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that never finishes (pure-Python loop, as in pdfminer) is interrupted, not waited for."""

    def hang(page: object, stats: object) -> None:
        while True:
            time.sleep(0.001)

    monkeypatch.setattr(pdf_reader, "_read_page", hang)
    monkeypatch.setattr(pdf_reader.pdf_pdfium, "_read_page", hang)
    for reader in ("pdfplumber", "pdfium"):
        t0 = time.monotonic()
        with pytest.raises(InputError, match=r"timed out after 0.3 s"):
            read(SEED_PDF, timeout=0.3, reader=reader)
        assert time.monotonic() - t0 < 2.0
        time.sleep(0.2)
        assert not [t for t in threading.enumerate() if t.name == "fiscal-lint-pdf"]


def test_unexpected_exception_becomes_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(page: object, stats: object) -> None:
        raise KeyError("Resources")

    monkeypatch.setattr(pdf_reader, "_read_page", boom)
    with pytest.raises(InputError, match=r"damaged or truncated\): KeyError"):
        read(SEED_PDF, reader="pdfplumber")
    # pdfium failing unexpectedly hands the file to pdfplumber, which names the cause
    monkeypatch.setattr(pdf_reader.pdf_pdfium, "_read_page", boom)
    with pytest.raises(InputError, match=r"damaged or truncated\): KeyError"):
        read(SEED_PDF, reader="pdfium")


def test_a_bomb_on_a_page_pdfminer_reads_for_pdfium_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """seed-2024.pdf's page 5 goes to pdfminer under the pdfium reader; its stream guard's BaseException
    must become the one-line error, as under pdfplumber, never a traceback."""
    from lint.readers import pdf_guard

    def bomb(page: object, stats: object) -> None:
        raise pdf_guard.StreamBomb

    monkeypatch.setattr(pdf_reader, "_read_page", bomb)
    for reader in ("pdfplumber", "pdfium"):
        with pytest.raises(InputError, match="decompression bomb"):
            read(SEED_PDF, reader=reader)


def test_header_check_before_parsing(tmp_path: Path) -> None:
    p = tmp_path / "fake.pdf"
    p.write_bytes(b"PK\x03\x04" + bytes(2000))
    with pytest.raises(InputError) as info:
        read(p)
    assert info.value.reason_zh == "不是可读的 PDF 文件"


# --- real reports (shared corpus) ----------------------------------------------------------------------

needs_corpus = pytest.mark.skipif(not CORPUS_PDFS, reason="shared corpus not present")


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Document]:
    return {p.name: read(p) for p in CORPUS_PDFS}


@needs_corpus
def test_caizhengju_p21_sentence_intact(corpus_docs: dict[str, Document]) -> None:
    doc = corpus_docs["caizhengju-2024-juesuan.pdf"]
    sentence = (
        "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。"
    )
    start = doc.text.index(sentence)
    figure = start + sentence.index("0.3万元")
    assert doc.location(figure, figure + 5).page == 21
    assert (
        "2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。" in doc.text
    )


@needs_corpus
@pytest.mark.parametrize("name", [p.name for p in CORPUS_PDFS])
def test_corpus_figures_stay_in_sentences(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    assert not re.findall(r"[\u4e00-\u9fff](?:万元|%)", doc.text)  # a figure that left its sentence
    assert not re.findall(r"\n[\d.,%]+\n", doc.text)  # … and landed on a line of its own
    assert not CJK_SPACE.findall(doc.text.replace(" 单位", "单位"))


@needs_corpus
@pytest.mark.parametrize("name", [p.name for p in CORPUS_PDFS])
def test_corpus_every_page_table_found(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    assert doc.char_boxes is not None
    found: Counter[int] = Counter(p for t in doc.tables if isinstance(t, PdfTable) for p in t.pages)
    mine: dict[int, Counter[str]] = {}
    headers: dict[int, set[str]] = {}
    for t in doc.tables:
        for p in t.pages[1:] if isinstance(t, PdfTable) else []:
            headers[p] = {squash(c.text) for row in t.cells[: t.header_rows] for c in row if c}
        seen = set()
        for row in t.cells:
            for cell in row:
                if cell and cell.text and (cell.start, cell.end) not in seen:
                    seen.add((cell.start, cell.end))
                    page = doc.char_boxes[cell.start][0]  # type: ignore[index]
                    mine.setdefault(page, Counter())[squash(cell.text)] += 1
    with pdfplumber.open(CORPUS / name) as pdf:
        for page in pdf.pages:
            tables = [t for t in page.find_tables() if len({c[0] for c in t.cells}) >= 2]
            want = Counter(
                squash(c)
                for t in tables
                for row in t.extract(x_tolerance_ratio=0.5)
                for c in row
                if c and squash(c)
            )
            assert found[page.page_number] == len(tables), page.page_number
            got = mine.get(page.page_number, Counter())
            assert not got - want, page.page_number
            # the only cells not in the Document are a continuation page's repeated header rows
            assert set(want - got) <= headers.get(page.page_number, set()), page.page_number
            page.close()
    assert any(t.unit for t in doc.tables) and all(t.n_cols >= 2 for t in doc.tables)


def test_double_spaced_lines_stay_one_sentence() -> None:
    """社会工作部 sets 15 pt type 31 pt apart: the gap between lines is no paragraph break, so a
    number broken from its unit ("增加307.82⏎万元") or its clause must be joined again."""
    pdf = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "shehui-gongzuobu-2024-juesuan.pdf"
    text = read_pdf(pdf, str(pdf), ReadOptions()).text
    assert "年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。" in text
    assert "一般公共预算财政拨款支出增加307.82万元，增长100.00%。" in text
    # paragraphs still start on their own line
    assert "\n（三）一般公共预算财政拨款支出决算具体情况\n" in text


def _line(text: str, x0: float, x1: float, top: float) -> Line:
    return Line(1, text, [None] * len(text), x0, x1, top, top + 15, 15.0)


def test_a_full_line_ending_in_semicolon_runs_on() -> None:
    """caizhengju p21: "…326.72万元，占11.11%；⏎卫生健康支出（类）60.99万元，占2.07%；" is one list."""
    a = _line("社会保障和就业支出（类）326.72万元，占11.11%；", 76.6, 518.7, 100)
    b = _line("卫生健康支出（类）60.99万元，占2.07%；", 76.6, 400.0, 131)
    assert line_break(a, b, right_edge=520.0, left_edge=76.6, same_page=True, pitch=31.0) == ""
    c = _line("主要用于以下方面：", 106.6, 518.7, 162)
    assert line_break(c, b, right_edge=520.0, left_edge=76.6, same_page=True, pitch=31.0) == "\n"
