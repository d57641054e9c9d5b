"""The pipeline for one file: read → extract → structure → check. Never raises for bad input."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from lint.catalog import Catalog
from lint.checks import run_checks
from lint.checks.base import Context
from lint.checks.causes import place
from lint.checks.group import merge
from lint.errors import InputError
from lint.extract import extract
from lint.model import Document, FileResult, Finding, Severity
from lint.readers import SUFFIXES, ReadOptions, is_supported, read, read_stdin
from lint.structure import Analysis, analyse
from lint.worker import Limits, Overrun, isolation_available, run_bounded


@dataclass
class Options:
    lang: str = "zh"
    select: list[str] = field(default_factory=list)  # code prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # per-code overrides
    extra_tolerance: Decimal = Decimal(0)
    read: ReadOptions = field(default_factory=ReadOptions)
    limits: Limits = field(default_factory=Limits)
    isolate: bool = True  # each file in its own worker process, under `limits` (where fork exists)


def wanted(code: str, opts: Options) -> bool:
    if opts.select and not any(code.startswith(s) for s in opts.select):
        return False
    return not any(code.startswith(s) for s in opts.ignore)


def analyse_file(path: str, opts: Options, data: bytes | None = None) -> Analysis:
    doc = read(path, opts.read, data)
    return analyse(doc, extract(doc))


def lint_file(path: str, catalog: Catalog, opts: Options, data: bytes | None = None) -> FileResult:
    """Lint one file in this process (no deadline but the PDF reader's own). `data`: stdin's bytes."""
    try:
        doc = read(path, opts.read, data)
    except InputError as e:
        return _error(path, e.reason_zh if opts.lang == "zh" else e.reason_en)
    return lint_document(doc, catalog, opts)


def _error(path: str, reason: str) -> FileResult:
    return FileResult(path=path, status="error", error=reason)


def lint_document(doc: Document, catalog: Catalog, opts: Options) -> FileResult:
    """Lint one read document. A bug in a stage becomes this file's error, never the batch's end."""
    try:
        return _lint_document(doc, catalog, opts)
    except MemoryError:
        raise  # the worker reports the memory cap
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
    findings = merge(findings)  # after --select/--ignore and overrides: a dropped rule is not merged
    findings = place(ctx, findings)  # after merge: the one that speaks for a group is chosen by its anchor
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=path, status="ok", findings=findings, figures=analysis.figures, document=analysis.document
    )


def _override(f: Finding, opts: Options) -> Finding:
    sev = opts.severity.get(f.rule)
    if sev is not None:
        f.severity = sev
    return f


def expand(paths: list[str], lang: str = "zh") -> tuple[list[str], list[FileResult]]:
    """Files to lint (directories walked for supported files), and one error result for each path
    that names nothing usable: a missing path, a folder without reports, a folder that cannot be read
    (each unreadable subfolder too: a walk never skips silently)."""
    files: list[str] = []
    errors: list[FileResult] = []
    zh = lang == "zh"
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        try:
            is_dir = os.path.isdir(p)
        except (OSError, ValueError):
            is_dir = False
        if not is_dir:
            files.append(p)  # the reader names whatever is wrong with it
            continue
        found: list[str] = []

        def unreadable(e: OSError, top: str = p) -> None:
            why = e.strerror or type(e).__name__
            where = e.filename if isinstance(e.filename, str) else top
            errors.append(_error(where, f"无法读取目录：{why}" if zh else f"cannot read directory: {why}"))

        for root, dirs, names in os.walk(p, onerror=unreadable):
            dirs.sort()
            found += [os.path.join(root, n) for n in names if is_supported(Path(n))]
        found = [f for f in found if os.path.isfile(f)]
        if found:
            files.extend(sorted(found))
        elif not any(e.path == p for e in errors):
            errors.append(_error(p, "目录中没有可检查的报告" if zh else "no reports found in directory"))
    return files, errors


def shown(path: str) -> str:
    """A file name as every output writes it: bytes that are not UTF-8 (kept by Python as surrogate
    escapes) become \\xNN, so JSON, SARIF and XML stay valid and the name stays recognisable."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# -- several files ------------------------------------------------------------------------
def _slim(result: FileResult) -> FileResult:
    """What the reports need: findings and the text of the document, not every figure or box."""
    result.figures = []
    if result.document is not None:
        result.document.char_boxes = None
    return result


def _preload(paths: list[str], reader: str = "pdfium") -> None:
    """Import the readers the batch needs once, in the parent, so each forked worker has them.
    pdfplumber (with all of pdfminer, ~0.1 s) only for `--reader pdfplumber`: the pdfium reader
    needs it for the rare page or file pdfium cannot read exactly, and imports it then."""
    formats = {SUFFIXES.get(Path(p).suffix.lower(), "txt") for p in paths}
    if "pdf" in formats:
        from lint.readers import pdf, pdf_guard, pdf_pdfium  # noqa: F401

        if reader == "pdfplumber":
            import pdfplumber  # noqa: F401

            pdf_guard.install()
        else:
            pdf_pdfium.preload()
    if "docx" in formats:
        import docx  # noqa: F401

        from lint.readers import docx as _docx  # noqa: F401
    if "html" in formats:
        from lint.readers import html  # noqa: F401
    if "md" in formats:
        from lint.readers import markdown  # noqa: F401


WARM_UP = "一、收入支出决算总体情况\n2024年度收入总计1,000.00万元，比上年增加100.00万元，增长11.1%。\n"


def _warm(catalog: Catalog, opts: Options) -> None:
    """Lint a two-line text once in the parent before workers fork: the patterns every lint compiles
    on first use (the `regex` module compiles in Python) are then inherited by each worker instead of
    compiled again in each. Its result is dropped (lint_document turns a failure into a result)."""
    lint_document(Document(path="<warm-up>", text=WARM_UP, fmt="txt"), catalog, opts)


def _stdin(paths: list[str], lang: str) -> bytes | FileResult | None:
    """stdin's bytes, read once in the parent (a worker cannot read it), or its error."""
    if "-" not in paths:
        return None
    try:
        return read_stdin()
    except InputError as e:
        return _error("-", e.reason_zh if lang == "zh" else e.reason_en)


def bounded(
    paths: list[str],
    work: Callable[[str, bytes | None], FileResult],
    opts: Options,
    jobs: int = 1,
    order: list[int] | None = None,
    on_done: Callable[[FileResult], None] | None = None,
    again: Callable[[str, bytes | None], FileResult] | None = None,
) -> list[FileResult]:
    """Run `work(path, stdin)` for every path, each in a worker process under `opts.limits`; a worker
    that overruns or dies becomes that file's one-line error and the others go on.

    `again`: a second try, in a fresh worker, for a file whose worker died or hit the memory cap (not
    a timeout): pdfium aborts the process when an allocation fails under the cap (a decompression
    bomb), where pdfminer's guarded reader names the cause."""
    results = [_error(p, "") for p in paths]
    todo = list(order if order is not None else range(len(paths)))
    stdin = _stdin(paths, opts.lang)
    if isinstance(stdin, FileResult):
        for i in [i for i in todo if paths[i] == "-"]:
            results[i] = stdin
        todo = [i for i in todo if paths[i] != "-"]
        stdin = None
    data = stdin

    def one(i: int) -> FileResult:
        return work(paths[i], data if paths[i] == "-" else None)

    def retry(i: int) -> FileResult:
        assert again is not None
        return again(paths[i], data if paths[i] == "-" else None)

    _preload(paths, opts.read.reader)
    # the parent's objects (modules, catalogue, compiled patterns) out of the collector's sight while
    # workers run: a worker's collections would otherwise walk them all and so copy every page they sit
    # on (copy-on-write after fork), ~0.1 s of CPU per file; unfrozen after, so nothing is kept for good
    gc.freeze()
    try:
        for i, outcome in run_bounded(list(range(len(paths))), one, opts.limits, jobs, todo):
            if again is not None and isinstance(outcome, Overrun) and outcome.kind != "timeout":
                outcome = next(iter(run_bounded(list(range(len(paths))), retry, opts.limits, 1, [i])))[1]
            if isinstance(outcome, FileResult):
                results[i] = outcome
            elif isinstance(outcome, Overrun):
                results[i] = _error(paths[i], outcome.reason(opts.lang))
            else:
                why = (
                    f"内部错误（请报告此问题）：{outcome}"
                    if opts.lang == "zh"
                    else f"internal error (please report): {outcome}"
                )
                results[i] = _error(paths[i], why)
            if on_done is not None:
                on_done(results[i])
    finally:
        gc.unfreeze()
    for r in results:
        r.path = shown(r.path)
    return results


_WORKER: tuple[Catalog, Options] | None = None


def _init_worker(catalog: Catalog, opts: Options) -> None:
    global _WORKER
    _WORKER = (catalog, opts)


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER is not None
    return _slim(lint_file(path, *_WORKER))


def lint_files(
    paths: list[str],
    catalog: Catalog,
    opts: Options,
    jobs: int = 1,
    on_done: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Lint files, results in the given order, each file in its own bounded worker process (at most
    `jobs` at a time; with jobs > 1 the largest files start first so one long PDF does not finish
    last). Without fork (Windows) files are linted in-process, in a process pool for jobs > 1."""
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i])) if jobs > 1 else None
    if opts.isolate and isolation_available():
        inner = replace(opts, read=replace(opts.read, timeout=0))  # the worker's deadline is the one

        def work(path: str, data: bytes | None) -> FileResult:
            return _slim(lint_file(path, catalog, inner, data))

        def again(path: str, data: bytes | None) -> FileResult:
            return _slim(lint_file(path, catalog, _reference(inner), data))

        retry = again if inner.read.reader != "pdfplumber" else None
        _warm(catalog, inner)
        return bounded(paths, work, opts, jobs, order, on_done, retry)
    done_one = on_done or (lambda r: None)
    if jobs <= 1 or len(paths) < 2:
        out = []
        for p in paths:
            out.append(_slim(lint_file(p, catalog, opts)))
            done_one(out[-1])
        return out
    assert order is not None
    from concurrent.futures import ProcessPoolExecutor  # only here, where fork is missing (Windows)

    chunk = max(1, len(paths) // (4 * jobs))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(catalog, opts)) as pool:
        done = list(pool.map(_lint_in_worker, [paths[i] for i in order], chunksize=chunk))
    results: list[FileResult] = [FileResult(path="", status="ok")] * len(paths)
    for i, r in zip(order, done, strict=True):
        results[i] = r
        done_one(r)
    return results


def extract_file(path: str, opts: Options) -> FileResult:
    """Every figure of one file, read under the same deadline and memory cap as `check`."""

    def work(p: str, data: bytes | None) -> FileResult:
        try:
            analysis = analyse_file(p, inner, data)
        except InputError as e:
            return _error(p, e.reason_zh if opts.lang == "zh" else e.reason_en)
        doc = analysis.document
        doc.char_boxes = None  # figures carry their boxes; the ledger needs the tables' titles
        return FileResult(path=p, status="ok", figures=analysis.figures, document=doc)

    if not (opts.isolate and isolation_available()):
        inner = opts
        return work(path, None)
    inner = replace(opts, read=replace(opts.read, timeout=0))

    def again(p: str, data: bytes | None) -> FileResult:
        nonlocal inner
        inner = _reference(inner)
        return work(p, data)

    return bounded([path], work, opts, again=again if inner.read.reader != "pdfplumber" else None)[0]


def _reference(opts: Options) -> Options:
    """The same options with the reference PDF reader (pdfplumber)."""
    return replace(opts, read=replace(opts.read, reader="pdfplumber"))


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except (OSError, ValueError):
        return 0
