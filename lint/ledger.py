"""`fiscal-lint extract` as a ledger a reviewer opens in Excel/WPS: one row per figure with the same
fields in CSV, JSON and the terminal table, headers in Chinese or English, table cells grouped under
the table they belong to, and filters by page and label."""

from __future__ import annotations

from dataclasses import dataclass

from lint.model import Document, Figure
from lint.report._common import safe

FIELDS = (
    "file",
    "line",
    "col",
    "page",
    "text",
    "value",
    "unit",
    "dimension",
    "label",
    "column",
    "role",
    "stage",
    "period",
    "fund",
    "approx",
    "section",
    "table",
    "table_row",
    "table_col",
)
_ZH = {
    "file": "文件",
    "line": "行",
    "col": "列",
    "page": "页",
    "text": "原文",
    "value": "数值",
    "unit": "单位",
    "dimension": "量纲",
    "label": "项目",
    "column": "栏目",
    "role": "角色",
    "stage": "阶段",
    "period": "期间",
    "fund": "资金口径",
    "approx": "约数",
    "section": "章节",
    "table": "表格",
    "table_row": "表中行",
    "table_col": "表中列",
}


def headers(lang: str) -> list[str]:
    return [_ZH[k] for k in FIELDS] if lang == "zh" else list(FIELDS)


@dataclass(frozen=True)
class Filters:
    pages: frozenset[int] = frozenset()  # empty: every page
    labels: tuple[str, ...] = ()  # substrings of the label or column label (any); empty: all

    def keep(self, f: Figure) -> bool:
        if self.pages and f.location.page not in self.pages:
            return False
        column = f.raw_label.partition("｜")[2] if f.table is not None else ""
        return not self.labels or any(x in f.label or x in column for x in self.labels)


def parse_pages(values: list[str]) -> frozenset[int]:
    """`3`, `3-5`, `3,7` → page numbers; ValueError on anything else."""
    pages: set[int] = set()
    for v in values:
        for part in v.split(","):
            lo, _, hi = part.strip().partition("-")
            a, b = int(lo), int(hi or lo)
            if a < 1 or b < a or b - a > 100_000:
                raise ValueError(part)
            pages.update(range(a, b + 1))
    return frozenset(pages)


def table_name(doc: Document | None, f: Figure, lang: str) -> str:
    """`表 2 收入支出决算总表` for a table cell, "" for prose."""
    if f.table is None:
        return ""
    idx = f.table[0]
    title = ""
    if doc is not None and 0 <= idx < len(doc.tables):
        title = doc.tables[idx].title.strip()
    head = f"表 {idx + 1}" if lang == "zh" else f"table {idx + 1}"
    return f"{head} {title}".strip()


def record(path: str, doc: Document | None, f: Figure, lang: str) -> dict[str, str]:
    """Every field of one figure, as text (control characters made inert)."""
    q = f.qualifiers
    row = {
        "file": path,
        "line": str(f.location.line),
        "col": str(f.location.column),
        "page": "" if f.location.page is None else str(f.location.page),
        "text": f.text,
        "value": str(f.value),
        "unit": f.unit,
        "dimension": f.dimension,
        "label": f.label,
        "column": f.raw_label.partition("｜")[2] if f.table is not None else "",
        "role": f.role,
        "stage": q.stage or "",
        "period": q.period or "",
        "fund": q.fund or "",
        "approx": ("约" if lang == "zh" else "yes") if q.approx else "",
        "section": " > ".join(f.section),
        "table": table_name(doc, f, lang),
        "table_row": "" if f.table is None else str(f.table[1]),
        "table_col": "" if f.table is None else str(f.table[2]),
    }
    return {k: safe(v) for k, v in row.items()}


def json_figure(path: str, doc: Document | None, f: Figure, lang: str) -> dict[str, object]:
    """The SPEC §6 figure object plus every ledger field under its own key (fields added, none renamed)."""
    out = f.as_json()
    out["ledger"] = record(path, doc, f, lang)
    return out
