"""The pipeline for one file: read → extract → structure → check. Never raises for bad input."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lint.catalog import Catalog
from lint.checks import run_checks
from lint.checks.base import Context
from lint.errors import InputError
from lint.extract import extract
from lint.model import Document, FileResult, Finding, Severity
from lint.readers import ReadOptions, is_supported, read
from lint.structure import Analysis, analyse


@dataclass
class Options:
    lang: str = "zh"
    select: list[str] = field(default_factory=list)  # code prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # per-code overrides
    extra_tolerance: Decimal = Decimal(0)
    read: ReadOptions = field(default_factory=ReadOptions)


def wanted(code: str, opts: Options) -> bool:
    if opts.select and not any(code.startswith(s) for s in opts.select):
        return False
    return not any(code.startswith(s) for s in opts.ignore)


def analyse_file(path: str, opts: Options) -> Analysis:
    doc = read(path, opts.read)
    return analyse(doc, extract(doc))


def lint_file(path: str, catalog: Catalog, opts: Options) -> FileResult:
    try:
        doc = read(path, opts.read)
    except InputError as e:
        return FileResult(path=path, status="error", error=e.reason_zh if opts.lang == "zh" else e.reason_en)
    return lint_document(doc, catalog, opts)


def lint_document(doc: Document, catalog: Catalog, opts: Options) -> FileResult:
    """Lint one read document. A bug in a stage becomes this file's error, never the batch's end."""
    try:
        return _lint_document(doc, catalog, opts)
    except RecursionError:
        reason = (
            "内部错误：文档结构过深" if opts.lang == "zh" else "internal error: document nested too deeply"
        )
    except Exception as e:
        name = f"{type(e).__name__}: {e}".splitlines()[0]
        reason = (
            f"内部错误（请报告此问题）：{name}"
            if opts.lang == "zh"
            else f"internal error (please report): {name}"
        )
    return FileResult(path=doc.path, status="error", error=reason)


def _lint_document(doc: Document, catalog: Catalog, opts: Options) -> FileResult:
    path = doc.path
    vocab = catalog.vocabulary
    analysis = analyse(doc, extract(doc, vocab), vocab)
    ctx = Context(analysis, catalog, opts.lang, opts.extra_tolerance)
    findings = [_override(f, opts) for f in run_checks(ctx) if wanted(f.rule, opts)]
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=path, status="ok", findings=findings, figures=analysis.figures, document=analysis.document
    )


def _override(f: Finding, opts: Options) -> Finding:
    sev = opts.severity.get(f.rule)
    if sev is not None:
        f.severity = sev
    return f


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to lint (directories walked for supported files) and paths that name nothing usable."""
    files: list[str] = []
    missing: list[str] = []
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(str(x) for x in path.rglob("*") if x.is_file() and is_supported(x))
            if found:
                files.extend(found)
            else:
                missing.append(p)
        else:
            files.append(p)
    return files, missing


# -- several files ------------------------------------------------------------------------
_WORKER: tuple[Catalog, Options] | None = None


def _init_worker(catalog: Catalog, opts: Options) -> None:
    global _WORKER
    _WORKER = (catalog, opts)


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER is not None
    return _slim(lint_file(path, *_WORKER))


def _slim(result: FileResult) -> FileResult:
    """What the reports need: findings and the text of the document, not every figure or box."""
    result.figures = []
    if result.document is not None:
        result.document.char_boxes = None
    return result


def lint_files(paths: list[str], catalog: Catalog, opts: Options, jobs: int = 1) -> list[FileResult]:
    """Lint files in the given order. With jobs > 1 the catalogue and options go to each worker once,
    and the largest files start first so one long PDF does not finish last."""
    if jobs <= 1 or len(paths) < 2:
        return [_slim(lint_file(p, catalog, opts)) for p in paths]
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
    chunk = max(1, len(paths) // (4 * jobs))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(catalog, opts)) as pool:
        done = list(pool.map(_lint_in_worker, [paths[i] for i in order], chunksize=chunk))
    results: list[FileResult] = [FileResult(path="", status="ok")] * len(paths)
    for i, r in zip(order, done, strict=True):
        results[i] = r
    return results


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0
