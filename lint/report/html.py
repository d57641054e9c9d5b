"""One self-contained HTML page (inline CSS, no script, nothing external). All report text is escaped."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote

from lint.catalog import Catalog
from lint.model import FileResult, Finding, Severity
from lint.report._common import (
    count,
    describe_arithmetic,
    describe_related,
    describe_suggestion,
    finding_place,
    fmt_value,
    line_spans,
    place,
    role_name,
    safe,
    sorted_findings,
    summary_line,
    tr,
)
from lint.report.crop import page_crop
from lint.report.options import current

_CSS = """
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
.finding{border-left:4px solid #999;padding:.3em .8em;margin:1em 0}
.error{border-color:#c62828}.warning{border-color:#ef6c00}.info{border-color:#1565c0}
.sev{font-weight:bold}.error .sev{color:#c62828}.warning .sev{color:#ef6c00}.info .sev{color:#1565c0}
pre{background:#f6f6f6;padding:.4em;white-space:pre-wrap}mark{background:#ffe082}
.unreadable{color:#c62828}img.crop{max-width:100%;border:1px solid #ccc}
mark.culprit{background:#ef9a9a;outline:2px solid #c62828}tr.culprit td{background:#ffebee}
nav.filters a{margin-right:.8em}.flt{display:block;height:0}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def e(text: object) -> str:
    """Escape any report text for HTML (content and attribute values)."""
    return html.escape(safe(str(text)), quote=True)


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    title = tr(lang, "title")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        '<head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(_CSP)}">',
        f"<title>{e(title)}</title><style>{_CSS}{_filter_css(results)}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p>fiscal-lint {e(version)} · {e(summary_line(count(results), lang))}</p>",
        _summary_table(results, lang),
        *_filters(results, lang),
        "<main>",
    ]
    for i, result in enumerate(results):
        parts.append(_file_section(result, lang, i))
    parts.append("</main></body></html>")
    out.write("\n".join(parts) + "\n")


_CSS_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


def _rules(results: Sequence[FileResult]) -> list[str]:
    """The rule codes that fired and can be used as CSS class names (a custom pack's odd code is not)."""
    return sorted({f.rule for r in results for f in r.findings if _CSS_SAFE.match(f.rule)})


def _filter_css(results: Sequence[FileResult]) -> str:
    """Filters without a script: each filter link targets an empty anchor placed before <main>, and
    `#only-X:target ~ main` hides every finding that is not X (severity or rule)."""
    rules = _rules(results)
    keys = [s.label for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] + rules
    css = [f"#only-{k}:target~main .finding:not(.{k}){{display:none}}" for k in keys]
    css += [f"#only-{k}:target~nav a[href='#only-{k}']{{font-weight:bold}}" for k in keys]
    return "".join(css)


def _filters(results: Sequence[FileResult], lang: str) -> list[str]:
    rules = _rules(results)
    sevs = [s.label for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    anchors = [f'<span class="flt" id="only-{k}"></span>' for k in [*sevs, *rules]]
    links = [f'<a href="#all">{e(tr(lang, "all"))}</a>']
    links += [f'<a href="#only-{k}">{e(tr(lang, k))}</a>' for k in sevs]
    links += [f'<a href="#only-{k}"><code>{e(k)}</code></a>' for k in rules]
    label = f"<strong>{e(tr(lang, 'filter'))}</strong> "
    return [*anchors, f'<nav class="filters" id="all">{label}{" ".join(links)}</nav>']


def _summary_table(results: Sequence[FileResult], lang: str) -> str:
    heads = [tr(lang, k) for k in ("file", "status", "error", "warning", "info")]
    rows = ["<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>"]
    for r in results:
        sev = [f.severity for f in r.findings]
        if r.status == "error":
            status = f'<td class="unreadable">{e(tr(lang, "status_error"))}: {e(r.error or "")}</td>'
        else:
            status = f"<td>{e(tr(lang, 'status_ok'))}</td>"
        counts = "".join(
            f"<td>{sev.count(s)}</td>" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        rows.append(f'<tr><td><a href="#file-{len(rows)}">{e(r.path)}</a></td>{status}{counts}</tr>')
    rows.append("</table>")
    return "\n".join(rows)


def _file_section(result: FileResult, lang: str, index: int) -> str:
    parts = [f'<section id="file-{index + 1}"><h2>{e(result.path)}</h2>']
    if result.status == "error":
        parts.append(f'<p class="unreadable">{e(tr(lang, "status_error"))}: {e(result.error or "")}</p>')
    elif not result.findings:
        parts.append(f"<p>{e(tr(lang, 'no_findings'))}</p>")
    else:
        found = sorted_findings(result)
        parts.extend(_finding(result, f, lang) for f in found if f.severity > Severity.INFO)
        infos = [f for f in found if f.severity == Severity.INFO]
        if infos:  # infos collapsed: the errors are what a reviewer opens the report for
            parts.append(f"<details><summary>{e(tr(lang, 'info'))} ({len(infos)})</summary>")
            parts.extend(_finding(result, f, lang) for f in infos)
            parts.append("</details>")
    parts.append("</section>")
    return "\n".join(parts)


def _finding(result: FileResult, finding: Finding, lang: str) -> str:
    loc = finding.location
    where = finding_place(result, finding, lang)
    sev = finding.severity.label
    parts = [
        f'<div class="finding {sev} {e(finding.rule)}">',
        f'<p><span class="sev">{e(tr(lang, sev))}</span> <code>{e(finding.rule)}</code> '
        f"{e(finding.name)} · {e(where)}</p>",
        f"<p>{e(finding.message)}</p>",
    ]
    if loc.page is not None and result.path.lower().endswith(".pdf"):
        href = _pdf_href(result.path) + f"#page={loc.page}"
        parts.append(f'<p><a href="{e(href)}">{e(tr(lang, "page", n=loc.page))}</a></p>')
        boxes = [
            fig.location.bbox
            for _, fig in finding.figures
            if fig.location.page == loc.page and fig.location.bbox
        ]
        picture = page_crop(result.path, loc.page, [b for b in boxes if b is not None])
        if picture:
            parts.append(f'<img class="crop" alt="{e(tr(lang, "page", n=loc.page))}" src="{e(picture)}">')
    source = _source(result, finding)
    if source:
        parts.append(f"<pre>{source}</pre>")
    if finding.figures:
        parts.append(_figures_table(result, finding, lang))
    arithmetic = describe_arithmetic(finding, lang)
    if arithmetic:
        parts.append(f"<p>{e(tr(lang, 'arithmetic'))}: <code>{e(arithmetic)}</code></p>")
    suggestion = describe_suggestion(finding, lang)
    if suggestion:
        parts.append(f"<p>{e(tr(lang, 'suggestion'))}: {e(suggestion)}</p>")
    if finding.related:
        items = "".join(f'<li class="related">{e(describe_related(r, lang))}</li>' for r in finding.related)
        parts.append(f"<p>{e(tr(lang, 'related'))}:</p><ul>{items}</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _pdf_href(path: str) -> str:
    """The PDF's address relative to the folder the report is written to (-o), so the link works
    wherever that folder is opened from; relative to the working directory when printed to stdout."""
    folder = current().output_dir
    target = path
    if folder is not None:
        try:
            target = os.path.relpath(os.path.abspath(path), folder)
        except ValueError:  # another drive (Windows)
            target = os.path.abspath(path)
    return quote(PurePath(target).as_posix())


def _culprits(finding: Finding) -> set[int]:
    """id() of the figures the finding suggests changing (one culprit, or tied candidates)."""
    named = [finding.suggestion] if finding.suggestion else finding.candidates
    return {id(s.figure) for s in named}


def _source(result: FileResult, finding: Finding) -> str:
    """The finding's source line, escaped, with its figures in <mark>."""
    line = finding.location.line
    if result.document is None or line < 1:
        return ""
    try:
        text = safe(result.document.source_line(line))
    except IndexError:
        return ""
    out, pos = [], 0
    culprits = _culprits(finding)
    for start, end, role, fig in line_spans(finding, line, len(text)):
        out.append(e(text[pos:start]))
        cls = ' class="culprit"' if id(fig) in culprits else ""
        out.append(f'<mark{cls} title="{e(role)}">{e(text[start:end])}</mark>')
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def _figures_table(result: FileResult, finding: Finding, lang: str) -> str:
    keys = ("role", "label", "value", "unit", "location")
    rows = ["<table><tr>" + "".join(f"<th>{e(tr(lang, k))}</th>" for k in keys) + "</tr>"]
    culprits = _culprits(finding)
    for role, fig in finding.figures:
        cells = (
            role_name(role, lang),
            fig.label,
            fmt_value(fig),
            fig.unit,
            place(fig.location, lang, result.document, fig),
        )
        tr_open = '<tr class="culprit">' if id(fig) in culprits else "<tr>"
        rows.append(tr_open + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    rows.append("</table>")
    return "\n".join(rows)
