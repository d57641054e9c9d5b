"""Helpers shared by the emitters: ordering, counts, paths, wording, sanitising."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from lint.model import Document, Figure, FileResult, Finding, Location, Severity, Table

# C0/C1 controls (except tab/newline), bidi marks, embeddings, overrides and isolates, and the Unicode
# line/paragraph separators: hostile in terminals, logs, CI annotations and rendered pages.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What json.dumps(ensure_ascii=False) leaves raw of the above (it escapes C0 itself), and lone
# surrogates (a file name that is not UTF-8 would make the output unencodable).
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass(frozen=True)
class Counts:
    files: int
    errors: int
    warnings: int
    infos: int
    unreadable: int = 0


def _page_key(f: Finding) -> tuple[int, int, int, str]:
    return (f.location.page or 0, f.location.offset, -int(f.severity), f.rule)


def sorted_findings(result: FileResult) -> list[Finding]:
    """Most serious first, then by position (Finding.sort_key); with --sort page in reading order."""
    from lint.report.options import current

    key = _page_key if current().sort == "page" else Finding.sort_key
    return sorted(result.findings, key=key)


def count(results: Sequence[FileResult]) -> Counts:
    sev = [f.severity for r in results for f in r.findings]
    return Counts(
        files=len(results),
        errors=sev.count(Severity.ERROR),
        warnings=sev.count(Severity.WARNING),
        infos=sev.count(Severity.INFO),
        unreadable=sum(1 for r in results if r.status == "error"),
    )


def rel_posix(path: str) -> str:
    """The path relative to the working directory where possible, with '/' separators."""
    if path == "-":
        return path
    p = Path(path)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return p.as_posix()
    return PurePath(path).as_posix()


def safe(text: str) -> str:
    """Replace control and bidi-override characters one for one (offsets stay valid)."""
    return _UNSAFE.sub("\ufffd", text.replace("\t", " "))


def json_text(data: object) -> str:
    """JSON with every control and bidi character written as a \\u escape: the strings are exactly
    what the report holds (a JSON contract), and the file is inert when shown in a terminal or a diff."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def scrubbed(data: object) -> object:
    """Every string in a JSON-like structure through safe(): for formats a web page renders to a
    reader (SARIF in code scanning, GitLab in a merge request), where a U+202E would reorder text."""
    if isinstance(data, str):
        return safe(data)
    if isinstance(data, dict):
        return {k: scrubbed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [scrubbed(v) for v in data]
    return data


def one_line(text: str) -> str:
    return " ".join(safe(text.replace("\r", " ").replace("\n", " ")).split())


def primary_figure(finding: Finding) -> Figure | None:
    """The figure the finding is anchored at, if any."""
    for _, fig in finding.figures:
        if fig.start == finding.location.offset:
            return fig
    return None


def fmt_value(fig: Figure) -> str:
    return format(fig.value, "f")


_TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "page": "第{n}页",
        "table_cell": "表“{table}” 行“{row}” 列“{col}”",
        "table_n": "表{n}",
        "row_n": "第{n}行",
        "col_n": "第{n}列",
        "arithmetic": "算式",
        "suggestion": "建议",
        "expected": "应为 {e}，实为 {a}",
        "suggest": "{label} {current} → {suggested}（{reason}）",
        "summary": "共 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
        "unreadable_count": "，{n} 个文件无法读取",
        "rule": "规则",
        "count": "数量",
        "statistics": "按规则统计",
        "files_table": "各文件结果",
        "progress": "检查",
        "unreadable": "错误：{path}: {reason}",
        "no_findings": "未发现问题",
        "figures": "涉及数字",
        "file": "文件",
        "status": "状态",
        "status_ok": "已检查",
        "status_error": "无法读取",
        "title": "fiscal-lint 检查报告",
        "role": "角色",
        "label": "项目",
        "value": "数值",
        "unit": "单位",
        "location": "位置",
        "all": "全部",
        "filter": "筛选：",
        "related": "同一原因",
        "likely": "疑误",
        "see_also": "另见",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "info": "info",
        "page": "page {n}",
        "table_cell": "table “{table}”, row “{row}”, column “{col}”",
        "table_n": "table {n}",
        "row_n": "row {n}",
        "col_n": "column {n}",
        "arithmetic": "arithmetic",
        "suggestion": "suggestion",
        "expected": "expected {e}, found {a}",
        "suggest": "{label} {current} → {suggested} ({reason})",
        "summary": "{files} {files_w}: {errors} {errors_w}, {warnings} {warnings_w}, {infos} {infos_w}",
        "unreadable_count": ", {n} unreadable",
        "rule": "rule",
        "count": "count",
        "statistics": "findings per rule",
        "files_table": "results per file",
        "progress": "linting",
        "unreadable": "error: {path}: {reason}",
        "no_findings": "no findings",
        "figures": "figures involved",
        "file": "file",
        "status": "status",
        "status_ok": "checked",
        "status_error": "unreadable",
        "title": "fiscal-lint report",
        "role": "role",
        "label": "label",
        "value": "value",
        "unit": "unit",
        "location": "location",
        "all": "all",
        "filter": "filter:",
        "related": "same cause",
        "likely": "likely wrong",
        "see_also": "also",
    },
}

# What a figure is in its relation, as a reviewer says it (Finding.figures roles).
_ROLES: dict[str, tuple[str, str]] = {
    "total": ("总数", "total"),
    "part": ("分项", "part"),
    "minus": ("减项", "minus"),
    "whole": ("总数", "whole"),
    "share": ("占比", "share"),
    "current": ("本期", "current"),
    "base": ("基数", "base"),
    "difference": ("增减额", "difference"),
    "rate": ("增减率", "rate"),
    "ratio": ("比率", "ratio"),
    "average": ("平均数", "average"),
    "count": ("数量", "count"),
    "figure": ("此处", "here"),
    "repeat": ("另处", "elsewhere"),
    "a": ("此处", "here"),
    "b": ("另处", "elsewhere"),
    "alternative": ("另一基数", "other base"),
    "plus": ("调增", "addition"),  # an addition to a 年初预算 that makes the 全年预算 (ratio)
    "budget": ("预算数", "budget"),
    "actual": ("决算数", "actual"),
    "max": ("分值", "max points"),
    "score": ("得分", "score"),
    "prose": ("正文", "prose"),
    "table": ("表格", "table"),
    "word": ("文字", "word"),
    "change": ("增减", "change"),
}


def role_name(role: str, lang: str) -> str:
    """A figure's role in the reader's language; an unknown role is shown as the engine names it."""
    names = _ROLES.get(role)
    if names is None:
        return role
    return names[0] if lang == "zh" else names[1]


def tr(lang: str, key: str, **values: object) -> str:
    """A UI string in `lang` (zh, anything else is English) with `{name}` fields filled."""
    table = _TEXTS["zh" if lang == "zh" else "en"]
    return table[key].format(**values) if values else table[key]


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def summary_line(counts: Counts, lang: str) -> str:
    """The closing line; unreadable files are counted in it (they are part of the batch)."""
    extra = tr(lang, "unreadable_count", n=counts.unreadable) if counts.unreadable else ""
    return _summary(counts, lang) + extra


def _summary(counts: Counts, lang: str) -> str:
    return tr(
        lang,
        "summary",
        files=counts.files,
        errors=counts.errors,
        warnings=counts.warnings,
        infos=counts.infos,
        files_w=_plural(counts.files, "file"),
        errors_w=_plural(counts.errors, "error"),
        warnings_w=_plural(counts.warnings, "warning"),
        infos_w=_plural(counts.infos, "info"),
    )


def page_suffix(fig: Figure, lang: str) -> str:
    page = fig.location.page
    return f" ({tr(lang, 'page', n=page)})" if page is not None else ""


def paged(loc: Location) -> bool:
    """A PDF location: it has a page, and its line/column (of the extracted text) mean nothing to a reader."""
    return loc.page is not None


def _cell_text(table: Table, r: int, c: int) -> str:
    if 0 <= r < len(table.cells) and 0 <= c < len(table.cells[r]):
        cell = table.cells[r][c]
        return one_line(cell.text) if cell is not None else ""
    return ""


def cell_place(doc: Document | None, fig: Figure | None, lang: str) -> str | None:
    """`表“title” 行“row label” 列“column header”` for a figure read from a table cell, else None."""
    if doc is None or fig is None or fig.table is None:
        return None
    ti, r, c = fig.table
    if not 0 <= ti < len(doc.tables):
        return None
    table = doc.tables[ti]
    title = one_line(table.title) or tr(lang, "table_n", n=ti + 1)
    row = " ".join(t for t in (_cell_text(table, r, k) for k in range(table.label_cols)) if t)
    heads: list[str] = []
    for h in range(table.header_rows):
        t = _cell_text(table, h, c)
        if t and t not in heads:
            heads.append(t)
    col = "｜".join(heads)
    return tr(
        lang,
        "table_cell",
        table=title,
        row=row or tr(lang, "row_n", n=r + 1),
        col=col or tr(lang, "col_n", n=c + 1),
    )


def place(loc: Location, lang: str, doc: Document | None = None, fig: Figure | None = None) -> str:
    """Where a reader finds it: `第9页` (and the table cell) for a PDF, `line:column` for a text draft,
    `line:column (where)` for DOCX/HTML blocks."""
    if paged(loc):
        cell = cell_place(doc, fig, lang)
        page = tr(lang, "page", n=loc.page)
        return f"{page} {cell}" if cell else page
    if loc.where:
        return f"{loc.line}:{loc.column} ({loc.where})"
    return f"{loc.line}:{loc.column}"


def finding_place(result: FileResult, finding: Finding, lang: str) -> str:
    """The finding's place, with the table cell of its anchor figure when that was read from a table."""
    return place(finding.location, lang, result.document, primary_figure(finding))


def header(result: FileResult, finding: Finding, lang: str) -> str:
    """`file.pdf 第9页` for a PDF, `file.txt:28:5` for a text draft (ruff/grep style)."""
    loc = finding.location
    if paged(loc):
        return f"{safe(result.path)} {tr(lang, 'page', n=loc.page)}"
    return f"{safe(result.path)}:{loc.line}:{loc.column}"


def describe_figure(role: str, fig: Figure, lang: str, doc: Document | None = None) -> str:
    """`role label value unit @ 第N页 [table cell]` for a PDF, `… @ line:col` otherwise."""
    loc = fig.location
    where = place(loc, lang, doc, fig) if paged(loc) else f"{loc.line}:{loc.column}"
    return f"{role} {fig.label} {fmt_value(fig)} {fig.unit} @ {where}"
    return f"{role_name(role, lang)} {fig.label} {fmt_value(fig)} {fig.unit} @ {loc.line}:{loc.column}{page_suffix(fig, lang)}"


def describe_suggestion(finding: Finding, lang: str) -> str | None:
    s = finding.suggestion
    if s is None and finding.candidates and len({id(c.figure) for c in finding.candidates}) == 1:
        # one figure is wrong; only its value is open (0.14万元 ÷ 10人 is 135–145元 per person)
        c = finding.candidates[0]
        values = "、".join(x.suggested for x in finding.candidates)
        if lang == "zh":
            return f"{c.figure.label}{c.current} 有误；正确值无法确定，可能为 {values}"
        return f"{c.figure.label} {c.current} is wrong; its value cannot be told: one of {values.replace('、', ', ')}"
    if s is None and finding.candidates:
        each = "；".join(f"{c.figure.label}{c.current} → {c.suggested}" for c in finding.candidates)
        if lang == "zh":
            return f"以下任一处改动都能使关系成立，无法确定是哪一个写错：{each}"
        return f"any one of these changes repairs the relations; which one is wrong cannot be told: {each}"
    if s is None:
        return None
    return tr(
        lang, "suggest", label=s.figure.label, current=s.current, suggested=s.suggested, reason=s.reason
    )


def describe_related(finding: Finding, lang: str) -> str:
    """One relation merged under its root cause: `FL212 [警告] message @ 39:134`, or `@ 第2页` in a PDF."""
    loc = finding.location
    # a PDF has pages, not lines: its extracted text's line:column would point nowhere a reader can go
    where = tr(lang, "page", n=loc.page) if paged(loc) else f"{loc.line}:{loc.column}"
    sev = tr(lang, finding.severity.label)
    return f"{finding.rule} [{sev}] {one_line(finding.message)} @ {where}"


def describe_arithmetic(finding: Finding, lang: str) -> str | None:
    """The arithmetic, or expected/actual when no arithmetic was written out."""
    if finding.arithmetic:
        return finding.arithmetic
    if finding.expected is not None and finding.actual is not None:
        return tr(lang, "expected", e=finding.expected, a=finding.actual)
    return None


def line_spans(finding: Finding, line: int, line_len: int) -> list[tuple[int, int, str, Figure]]:
    """(start, end, role, figure) of the finding's figures on `line`, as 0-based columns, no overlaps."""
    spans: list[tuple[int, int, str, Figure]] = []
    for role, fig in finding.figures:
        if fig.location.line != line:
            continue
        start = fig.location.column - 1
        end = min(line_len, start + max(1, fig.end - fig.start))
        if 0 <= start < line_len:
            spans.append((start, end, role, fig))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, str, Figure]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept
