"""Fuzzing (issue 11 item 7): generated report text, mutated PDF/DOCX/HTML fixtures, rule packs and
configurations. Whatever comes in, a file ends as findings or one line naming its cause, never as an
internal error or a traceback, and every output format stays valid.

Short here (a bounded, derandomised number of examples, no per-example deadline); `bench/fuzz.py`
runs the same properties for many more examples with FISCAL_LINT_FUZZ_EXAMPLES set and records the
results in bench/FUZZ.md.
"""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
from conftest import ROOT, catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.catalog import load_catalog
from lint.config import load_config
from lint.engine import Options, lint_document, lint_file, lint_files
from lint.errors import FiscalLintError
from lint.model import Document, FileResult
from lint.report import FORMATS, emit
from lint.worker import Limits, isolation_available

LONG_RUN = int(os.environ.get("FISCAL_LINT_FUZZ_EXAMPLES", "0"))


def budget(examples: int) -> settings:
    """`examples` in CI (derandomised: the same inputs every run); FISCAL_LINT_FUZZ_EXAMPLES in bench/."""
    return settings(
        max_examples=LONG_RUN or examples,
        deadline=None,
        derandomize=not LONG_RUN,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# -- report text -----------------------------------------------------------------------------------
# Pieces of real fiscal prose, numbers in every written form, and the characters hostile input uses.
WORDS = [
    *("本年支出合计", "基本支出", "项目支出", "人员经费", "公用经费", "“三公”经费", "因公出国（境）费"),
    *("公务接待费", "公务用车购置及运行费", "财政拨款", "年初预算", "决算数", "上年", "其中：", "包括"),
    *("分别为", "占", "的", "比上年", "增加", "减少", "增长", "下降", "平均每人", "个：", "、", "，"),
    *("。", "；", "\n", "\n\n", "一、", "（二）", "3．", "(4)", "合计", "小计", "|", "\t", "---"),
    *("万元", "元", "亿元", "%", "人", "个", "项", "......", "…", "<!--", "<td>", "〔2024〕", "12345热线"),
]
NUMBERS = st.one_of(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False).map(str),
    st.integers(min_value=0, max_value=10**30).map(str),
    st.integers(min_value=0, max_value=10**6).map(lambda n: f"{n:,}.00"),
    st.text("０１２３４５６７８９．", min_size=1, max_size=12),
    st.text("零一二三四五六七八九十百千万亿两", min_size=1, max_size=8),
    st.text("0123456789.,", min_size=1, max_size=60),
)
HOSTILE_CHARS = st.sampled_from(
    ["\x00", "\x1b", "\x07", "\u202e", "\u2066", "\ufeff", "\ud7ff", "\U0001f4b0"]
)
PIECES = st.one_of(st.sampled_from(WORDS), NUMBERS, HOSTILE_CHARS, st.text(max_size=6))
REPORTS = st.lists(PIECES, max_size=120).map("".join)


def _lints_cleanly(result: FileResult, text: str | None = None) -> None:
    """Findings, or one line naming the cause; never an internal error."""
    if result.status == "error":
        assert result.error and "\n" not in result.error
        assert "internal" not in result.error and "内部错误" not in result.error, result.error
        return
    for f in result.findings:
        if text is not None:
            assert 0 <= f.location.offset <= len(text)
        for _, fig in f.figures:
            assert fig.value.is_finite()


@budget(60)
@given(REPORTS)
def test_generated_report_text_lints_cleanly(text: str) -> None:
    doc = Document(path="fuzz.txt", text=text, fmt="txt")
    result = lint_document(doc, catalog(), Options(lang="en", isolate=False))
    assert result.status == "ok", result.error
    _lints_cleanly(result, text)


@budget(15)
@given(REPORTS, st.sampled_from(FORMATS))
def test_every_format_renders_generated_text(text: str, fmt: str) -> None:
    doc = Document(path="fuzz.txt", text=text, fmt="txt")
    result = lint_document(doc, catalog(), Options(lang="en", isolate=False))
    out = io.StringIO()
    emit(fmt, [result], catalog(), out, lang="en", version="0")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out.getvalue())
    out.getvalue().encode("utf-8")  # no lone surrogate: the output can be written


@budget(60)
@given(
    REPORTS,
    st.sampled_from(["txt", "md", "html"]),
    st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]),
)
def test_generated_files_of_each_text_format_lint_cleanly(
    tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str, encoding: str
) -> None:
    path = tmp_path_factory.mktemp("text") / f"fuzz.{suffix}"
    path.write_bytes(text.encode(encoding, "replace"))
    _lints_cleanly(lint_file(str(path), catalog(), Options(lang="en", isolate=False)))


# -- mutated binary fixtures, each in its bounded worker ---------------------------------------------
SEEDS = {
    "pdf": ROOT / "fixtures" / "pdf" / "seed-2024.pdf",
    "docx": ROOT / "fixtures" / "tables" / "32-docx-word-and-tab-tables.docx",
    "html": ROOT / "fixtures" / "html" / "seed-2024.html",
}


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """Flip, insert, delete or truncate a few byte ranges of a real file."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if kind == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 512))]
        elif kind == "truncate":
            del out[at:]
        else:
            out[at:at] = out[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 200))
    return bytes(out)


@st.composite
def mutated_docx(draw: st.DrawFn) -> bytes:
    """A DOCX whose document.xml is mutated but still zipped: the XML reader is reached."""
    with zipfile.ZipFile(SEEDS["docx"]) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["word/document.xml"] = draw(mutated(members["word/document.xml"]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buf.getvalue()


needs_fork = pytest.mark.skipif(not isolation_available(), reason="needs fork and resource")
BOUNDED = Options(lang="en", limits=Limits(timeout=30, memory_mb=1024))


def _bounded_lint(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("mutated") / f"fuzz.{suffix}"
    path.write_bytes(data)
    (result,) = lint_files([str(path)], catalog(), BOUNDED)
    _lints_cleanly(result)


@needs_fork
@budget(8)
@given(mutated(SEEDS["pdf"].read_bytes()))
def test_mutated_pdfs_end_in_findings_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    _bounded_lint(tmp_path_factory, data, "pdf")


@needs_fork
@budget(8)
@given(mutated(SEEDS["docx"].read_bytes()))
def test_mutated_docx_files_end_in_findings_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    _bounded_lint(tmp_path_factory, data, "docx")


@needs_fork
@budget(8)
@given(mutated_docx())
def test_docx_with_mutated_xml_end_in_findings_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    _bounded_lint(tmp_path_factory, data, "docx")


@needs_fork
@budget(8)
@given(mutated(SEEDS["html"].read_bytes()))
def test_mutated_html_ends_in_findings_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    _bounded_lint(tmp_path_factory, data, "html")


# -- rule packs and configurations -----------------------------------------------------------------
KEYS = ["code", "name", "family", "severity", "summary_zh", "summary_en", "message_zh", "message_en"]
VALUES = st.one_of(
    st.sampled_from(["FL201", "FL999", "sum", "error", "bogus", "generic", "x-y", "", "nan", "inf"]),
    st.text(max_size=10),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
)


def _toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(v), repr(v))
    if isinstance(v, str):
        return json.dumps(v)
    return json.dumps(v)


PACK_TABLES = st.dictionaries(st.sampled_from([*KEYS, "override", "other"]), VALUES, max_size=9)
# a complete rule, often with a built-in code: the case the override guard is for
COMPLETE_RULES = st.fixed_dictionaries(
    {
        "code": st.sampled_from(["FL201", "FL301", "FL950"]),
        "name": st.sampled_from(["sum-mismatch", "my-check"]),
        "family": st.sampled_from(["sum", "share"]),
        "severity": st.sampled_from(["info", "warning", "error"]),
        **{k: st.just("说明 text") for k in KEYS[4:]},
    }
)


@budget(60)
@given(
    st.dictionaries(st.sampled_from(["name", "override", "lang"]), VALUES, max_size=3),
    st.lists(st.one_of(PACK_TABLES, COMPLETE_RULES), max_size=3),
    st.sampled_from(["synonyms", "identity", "rule", "rule", "junk"]),
)
def test_generated_rule_packs_load_or_say_why(
    tmp_path_factory: pytest.TempPathFactory,
    meta: dict[str, object],
    tables: list[dict[str, object]],
    key: str,
) -> None:
    lines = ["[pack]", *(f"{k} = {_toml_value(v)}" for k, v in meta.items())]
    for t in tables:
        lines += [f"[[{key}]]", *(f"{k} = {_toml_value(v)}" for k, v in t.items())]
    pack = tmp_path_factory.mktemp("pack") / "fuzz.toml"
    pack.write_text("\n".join(lines) + "\n", "utf-8")
    try:
        loaded = load_catalog([pack])
    except FiscalLintError as e:
        assert str(e) and "\n" not in str(e)
        return
    builtin = catalog()
    for code, rule in builtin.rules.items():  # a pack changes a built-in rule only when it says so
        if loaded.rules[code] != rule:
            assert any(code in what for what in loaded.overridden)


CONFIG_KEYS = ["tolerance", "select", "ignore", "severity", "lang", "reader", "exclude", "per-file-ignores"]


@budget(60)
@given(st.dictionaries(st.sampled_from(CONFIG_KEYS), VALUES, max_size=5))
def test_generated_configs_load_or_say_why(
    tmp_path_factory: pytest.TempPathFactory, table: dict[str, object]
) -> None:
    cfg = tmp_path_factory.mktemp("cfg") / "fiscal-lint.toml"
    cfg.write_text("\n".join(f"{k} = {_toml_value(v)}" for k, v in table.items()) + "\n", "utf-8")
    try:
        loaded = load_config(cfg)
        loaded.check_codes(set(catalog().rules))
    except FiscalLintError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert loaded.tolerance.is_finite() and loaded.tolerance >= 0
