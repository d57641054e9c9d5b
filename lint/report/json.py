"""JSON output: exactly the SPEC §6 envelope (a stable contract other tools depend on)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from lint.catalog import Catalog
from lint.model import FileResult
from lint.report._common import count, json_text, sorted_findings


def _tool(version: str) -> dict[str, object]:
    return {"name": "fiscal-lint", "version": version}


def _file(result: FileResult, key: str, items: list[dict[str, object]]) -> dict[str, object]:
    ok = result.status != "error"
    return {
        "path": result.path,
        "status": "ok" if ok else "error",
        "error": None if ok else (result.error or "unreadable"),
        key: items if ok else [],
    }


def envelope(results: Sequence[FileResult], version: str, *, figures: bool = False) -> dict[str, object]:
    """The JSON document as a dict: findings per file, or (for extract) figures per file."""
    c = count(results)
    if figures:
        files = [_file(r, "figures", [f.as_json() for f in r.figures]) for r in results]
    else:
        files = [_file(r, "findings", [f.as_json() for f in sorted_findings(r)]) for r in results]
    return {
        "tool": _tool(version),
        "files": files,
        "summary": {"files": c.files, "errors": c.errors, "warnings": c.warnings, "infos": c.infos},
    }


def _dump(data: dict[str, object], out: TextIO) -> None:
    out.write(json_text(data) + "\n")


def emit(
    results: Sequence[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str = "",
) -> None:
    _dump(envelope(results, version), out)


def emit_figures_json(results: Sequence[FileResult], out: TextIO, version: str) -> None:
    """`extract --format json`: the same envelope with "figures" in place of "findings"."""
    _dump(envelope(results, version, figures=True), out)
