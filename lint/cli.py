"""The command line: thin typer commands over the engine. Exit codes: 0 clean, 1 findings at or
above --fail-on, 2 usage error or an unreadable input. No traceback ever reaches the user."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from lint import __version__
from lint.catalog import load_catalog, rule_doc
from lint.config import Config, find_config, load_config
from lint.engine import Options, expand, extract_file, lint_files, shown
from lint.errors import FiscalLintError, UsageError
from lint.model import FileResult, Finding, Severity
from lint.readers import ReadOptions
from lint.report import FORMATS, emit, emit_figures_json
from lint.report._common import safe
from lint.worker import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, MIN_MEMORY_MB, PER_PAGE, Limits

MAX_TIMEOUT = 86_400.0  # a day: beyond that a number is a typo (1e300), not a deadline
MAX_MEMORY_MB = 1024 * 1024

app = typer.Typer(
    name="fiscal-lint",
    help="财政报告一致性检查 / consistency linter for Chinese fiscal reports.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fiscal-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """财政报告一致性检查 / consistency linter for Chinese fiscal reports."""


def _codes(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [c.strip().upper() for c in v.split(",") if c.strip()]
    return out


def _fingerprint(path: str, f: Finding, base: Path) -> str:
    """A finding's key in a baseline: its file relative to the baseline file (so that a baseline of one
    folder's 部门决算.pdf does not silence another folder's), the rule and the figures."""
    where = _relative(path, base)
    key = "|".join([where, f.rule, *sorted(f"{r}:{x.label}:{x.value}" for r, x in f.figures)])
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _relative(path: str, base: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve().parent)).as_posix()
    except (OSError, ValueError):
        return Path(path).as_posix()


TIMEOUT_HELP = f"Seconds allowed per file, over every stage (default: {DEFAULT_TIMEOUT:g} plus {PER_PAGE:g} per PDF page)."
MEMORY_HELP = f"Memory (MB of address space) allowed per file (default {DEFAULT_MEMORY_MB})."


def _limits(timeout: float | None, max_memory: int) -> Limits:
    """--timeout and --max-memory, validated: a limit that is no limit (inf, nan, ≤ 0) is refused."""
    if timeout is not None and not (math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT):
        raise UsageError(
            f"--timeout must be a number of seconds between 0 and {MAX_TIMEOUT:g}, not {timeout:g}"
        )
    if not MIN_MEMORY_MB <= max_memory <= MAX_MEMORY_MB:
        raise UsageError(f"--max-memory must be between {MIN_MEMORY_MB} and {MAX_MEMORY_MB} (MB)")
    return Limits(timeout=timeout, memory_mb=max_memory)


def _check_output(output: Path | None, inputs: list[str]) -> None:
    """Before any work: -o must be writable and must not be one of the inputs (never overwrite a report)."""
    if output is None:
        return
    name = shown(str(output))
    try:
        target = output.resolve()
        for p in inputs:
            if p != "-" and (Path(p).resolve() == target or (output.exists() and output.samefile(p))):
                raise UsageError(f"{name}: --output names an input file; refusing to overwrite it")
        if output.is_dir():
            raise UsageError(f"{name}: cannot write: is a directory")
        if output.exists():
            if not os.access(output, os.W_OK):
                raise UsageError(f"{name}: cannot write: permission denied")
        elif not output.parent.is_dir():
            raise UsageError(f"{name}: cannot write: no such directory")
        elif not os.access(output.parent, os.W_OK):
            raise UsageError(f"{name}: cannot write: permission denied")
    except OSError as e:
        raise UsageError(f"{name}: cannot write: {e.strerror or type(e).__name__}") from None


def _open_out(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{shown(str(output))}: cannot write: {e.strerror}") from None


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to lint; - for stdin.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rule codes/prefixes (FL2,FL261).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule codes/prefixes.")] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="error | warning | info (default error).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="Configuration file (fiscal-lint.toml / pyproject.toml).")
    ] = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule pack (TOML).")] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Ignore findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record current findings.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Files linted in parallel.")] = 1,
    lang: Annotated[str | None, typer.Option(help="Message language: zh (default) or en.")] = None,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    timeout: Annotated[float | None, typer.Option(help=TIMEOUT_HELP)] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Pages allowed per PDF.")] = 2000,
    max_memory: Annotated[int, typer.Option("--max-memory", help=MEMORY_HELP)] = DEFAULT_MEMORY_MB,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report.")] = None,
) -> None:
    """Lint reports and print every place where they contradict themselves."""
    cfg = _config(config, paths)
    language = lang or cfg.lang or "zh"
    if language not in ("zh", "en"):
        raise UsageError("--lang must be zh or en")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    threshold = Severity.parse(fail_on) if fail_on else (cfg.fail_on or Severity.ERROR)
    limits = _limits(timeout, max_memory)
    if max_pages < 1:
        raise UsageError("--max-pages must be at least 1")
    catalog = load_catalog([*cfg.rules, *(rules or [])])
    known = set(catalog.rules)
    for code in _codes(select) + _codes(ignore):
        if not any(k.startswith(code) for k in known):
            raise UsageError(f"unknown rule code {code!r} (see `fiscal-lint rules`)")
    cfg.check_codes(known)
    for what in catalog.overridden:
        typer.echo(f"fiscal-lint: note: built-in rule {what} redefined (override = true)", err=True)
    opts = Options(
        lang=language,
        select=_codes(select) or cfg.select,
        ignore=_codes(ignore) + cfg.ignore,
        severity=cfg.severity,
        extra_tolerance=cfg.tolerance,
        read=ReadOptions(password=password, timeout=limits.timeout or 0, max_pages=max_pages),
        limits=limits,
    )
    files, results = expand(paths, language)
    _check_output(output, files)
    results += lint_files(files, catalog, opts, jobs)
    for r in results:
        r.path = shown(r.path)
    known_prints = _read_baseline(baseline) if baseline else set()
    if known_prints and baseline is not None:
        suppressed = 0
        for r in results:
            kept = [f for f in r.findings if _fingerprint(r.path, f, baseline) not in known_prints]
            suppressed += len(r.findings) - len(kept)
            r.findings = kept
        said = (
            f"基线中已记录的 {suppressed} 个问题未再报告（{baseline}）"
            if language == "zh"
            else f"{suppressed} known findings suppressed by the baseline ({baseline})"
        )
        typer.echo(f"fiscal-lint: {said}", err=True)
    if write_baseline:
        _write_baseline(write_baseline, results)
    out = _open_out(output)
    try:
        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        emit(fmt, results, catalog, out, lang=language, color=use_color, version=__version__)
        if out is not sys.stdout:
            out.close()
    except OSError as e:
        where = shown(str(output)) if output is not None else "<stdout>"
        raise UsageError(f"{where}: cannot write: {e.strerror or type(e).__name__}") from None
    for r in results:
        if r.status == "error" and fmt != "text":
            typer.echo(f"fiscal-lint: {r.path}: {r.error}", err=True)
    if any(r.status == "error" for r in results):
        raise typer.Exit(2)
    if write_baseline:
        return  # recording the known findings is the point of the run, not a failure
    if any(f.severity >= threshold for r in results for f in r.findings):
        raise typer.Exit(1)


def _config(path: Path | None, paths: list[str]) -> Config:
    if path is not None:
        return load_config(path)
    first = next((Path(p) for p in paths if p != "-"), Path.cwd())
    found = find_config(first if first.exists() else Path.cwd())
    return load_config(found) if found else Config()


def _read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text("utf-8"))
        return {str(x) for x in data["fingerprints"]}
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{path}: not a fiscal-lint baseline file") from None


def _write_baseline(path: Path, results: list[FileResult]) -> None:
    prints = sorted({_fingerprint(r.path, f, path) for r in results for f in r.findings})
    try:
        path.write_text(json.dumps({"tool": "fiscal-lint", "fingerprints": prints}, indent=2) + "\n", "utf-8")
    except OSError as e:
        raise UsageError(f"{path}: cannot write: {e.strerror}") from None


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="The report to read; - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    timeout: Annotated[float | None, typer.Option(help=TIMEOUT_HELP)] = None,
    max_memory: Annotated[int, typer.Option("--max-memory", help=MEMORY_HELP)] = DEFAULT_MEMORY_MB,
) -> None:
    """List every figure with its label, value, unit, qualifiers and location."""
    if fmt not in ("table", "json", "csv"):
        raise UsageError("--format must be table, json or csv")
    limits = _limits(timeout, max_memory)
    opts = Options(read=ReadOptions(password=password, timeout=limits.timeout or 0), limits=limits)
    result = extract_file(path, opts)
    if result.status == "error":
        typer.echo(f"fiscal-lint: {shown(path)}: {result.error}", err=True)
        raise typer.Exit(2)
    figures = result.figures
    if fmt == "json":
        result.path = shown(result.path)
        emit_figures_json([result], sys.stdout, __version__)
        return
    rows = [
        [
            str(f.location.line),
            str(f.location.column),
            "" if f.location.page is None else str(f.location.page),
            f.text,
            str(f.value),
            f.unit,
            f.dimension,
            f.label,
            f.raw_label.partition("｜")[2] if f.table is not None else "",
            f.role,
            f.qualifiers.stage or "",
            f.qualifiers.period or "",
            f.qualifiers.fund or "",
            "约" if f.qualifiers.approx else "",
            " > ".join(f.section),
        ]
        for f in figures
    ]
    rows = [[safe(cell) for cell in row] for row in rows]  # the report's ESC/BEL/U+202E stay inert
    header = [
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
    ]
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(header)
        w.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*header[:-1], title=safe(shown(path)))
    for row in rows:
        table.add_row(*row[:-1])
    Console(highlight=False).print(table)


@app.command("rules")
def list_rules(
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule pack (TOML).")] = None,
    lang: Annotated[str, typer.Option(help="zh or en")] = "zh",
) -> None:
    """The rule catalogue: code, slug, severity, family, pack."""
    catalog = load_catalog(rules or [])
    for code in sorted(catalog.rules):
        r = catalog.rules[code]
        typer.echo(
            f"{r.code}  {r.name:<22} {r.severity.label:<8} {r.family:<10} {r.pack:<14} {r.summary(lang)}"
        )


@app.command("rule")
def show_rule(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. FL201, or its slug.")],
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule pack (TOML).")] = None,
    lang: Annotated[str, typer.Option(help="zh or en")] = "zh",
) -> None:
    """One rule's documentation."""
    catalog = load_catalog(rules or [])
    rule = catalog.rules.get(code.upper()) or next(
        (r for r in catalog.rules.values() if r.name == code), None
    )
    if rule is None:
        raise UsageError(f"unknown rule {code!r} (see `fiscal-lint rules`)")
    typer.echo(rule_doc(rule, lang))


def main() -> None:
    """Console entry point: typer, with every error turned into one line and exit code 2."""
    try:
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except FiscalLintError as e:
        typer.echo(f"fiscal-lint: {e}", err=True)
        sys.exit(2)
    except typer.Abort:
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:
        show = getattr(e, "show", None)
        if callable(show) and hasattr(e, "exit_code"):  # typer's usage errors (unknown option, …)
            show()
            sys.exit(2)
        typer.echo(f"fiscal-lint: internal error: {type(e).__name__}: {e}", err=True)
        sys.exit(2)
