"""The command line: thin typer commands over the engine. Exit codes: 0 clean, 1 findings at or
above --fail-on, 2 usage error or an unreadable input. No traceback ever reaches the user."""

from __future__ import annotations

import csv
import math
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, TextIO

import typer

from lint import __version__
from lint.cli_params import Command, Group
from lint.config import READERS, Config, find_config, load_config
from lint.errors import FiscalLintError, UsageError
from lint.model import FileResult, Finding, Severity
from lint.readers import ReadOptions
from lint.worker import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, MIN_MEMORY_MB, PER_PAGE, Limits, default_jobs

# the engine, the rule catalogue and the report modules (rich) are imported by the commands that use
# them, so `--version` and `--help` start in a fraction of the time (issue 10)
FORMATS = (
    "text",
    "concise",
    "json",
    "sarif",
    "github",
    "gitlab",
    "junit",
    "html",
)  # == lint.report.FORMATS (tested)
MAX_TIMEOUT = 86_400.0  # a day: beyond that a number is a typo (1e300), not a deadline
MAX_MEMORY_MB = 1024 * 1024

app = typer.Typer(
    name="fiscal-lint",
    cls=Group,
    help="财政报告一致性检查 / consistency linter for Chinese fiscal reports.",
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
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


TIMEOUT_HELP = f"Seconds allowed per file, over every stage (default: {DEFAULT_TIMEOUT:g} plus {PER_PAGE:g} per PDF page)."
MEMORY_HELP = f"Memory (MB of address space) allowed per file (default {DEFAULT_MEMORY_MB})."


JOBS_HELP = "Files linted in parallel (default: the CPUs available to this process)."
READER_HELP = "PDF reader: pdfium (default; pages it might read differently go to pdfminer) or pdfplumber (the reference)."


def _reader(name: str | None) -> str:
    """--reader / the config's reader, validated."""
    if name is None:
        return "pdfium"
    if name not in READERS:
        raise UsageError(f"--reader must be pdfplumber or pdfium, not {name!r}")
    return name


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
    from lint.engine import shown

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
        from lint.engine import shown

        raise UsageError(f"{shown(str(output))}: cannot write: {e.strerror}") from None


@app.command(cls=Command)
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
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP)] = None,
    lang: Annotated[str | None, typer.Option(help="Message language: zh (default) or en.")] = None,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    timeout: Annotated[float | None, typer.Option(help=TIMEOUT_HELP)] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Pages allowed per PDF.")] = 2000,
    max_memory: Annotated[int, typer.Option("--max-memory", help=MEMORY_HELP)] = DEFAULT_MEMORY_MB,
    reader: Annotated[str | None, typer.Option("--reader", help=READER_HELP)] = None,
    color: Annotated[
        bool | None,
        typer.Option(
            "--color/--no-color", help="Colour the text report (default: NO_COLOR, FORCE_COLOR, tty)."
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Diagnostics only: no progress, table or summary.")
    ] = False,
    min_severity: Annotated[
        str | None, typer.Option("--min-severity", help="Hide findings below info | warning | error.")
    ] = None,
    sort: Annotated[
        str, typer.Option("--sort", help="Order of findings: severity (default) or page.")
    ] = "severity",
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings are reported.")
    ] = False,
) -> None:
    """Lint reports and print every place where they contradict themselves."""
    from lint.catalog import load_catalog
    from lint.engine import Options, expand, lint_files, shown, wanted
    from lint.progress import progress
    from lint.report import emit
    from lint.report.options import SORTS, Presentation

    cfg = _config(config, paths)
    language = lang or cfg.lang or "zh"
    if language not in ("zh", "en"):
        raise UsageError("--lang must be zh or en")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    threshold = Severity.parse(fail_on) if fail_on else (cfg.fail_on or Severity.ERROR)
    floor = Severity.parse(min_severity) if min_severity else Severity.INFO
    if sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}")
    limits = _limits(timeout, max_memory)
    if max_pages < 1:
        raise UsageError("--max-pages must be at least 1")
    pdf_reader = _reader(reader or cfg.reader)
    catalog = load_catalog([*cfg.rules, *(rules or [])])
    known = set(catalog.rules)
    for code in _codes(select) + _codes(ignore):
        if not any(k.startswith(code) for k in known):
            raise UsageError(f"unknown rule code {code!r} (see `fiscal-lint rules`)")
    cfg.check_codes(known)
    for what in catalog.overridden:
        kind = "" if what.startswith("identity ") else "rule "
        typer.echo(f"fiscal-lint: note: built-in {kind}{what} redefined (override = true)", err=True)
    opts = Options(
        lang=language,
        select=_codes(select) or cfg.select,
        ignore=_codes(ignore) + cfg.ignore,
        severity=cfg.severity,
        extra_tolerance=cfg.tolerance,
        read=ReadOptions(
            password=password, timeout=limits.timeout or 0, max_pages=max_pages, reader=pdf_reader
        ),
        limits=limits,
    )
    files, results = expand(paths, language)
    files = [f for f in files if not cfg.excluded(f)]
    _check_output(output, files)
    with progress(len(files), language, enabled=not quiet) as on_done:
        results += lint_files(files, catalog, opts, jobs or default_jobs(), on_done)
    for r in results:
        r.path = shown(r.path)

    def visible(r: FileResult, f: Finding) -> bool:
        return f.severity >= floor and not any(f.rule.startswith(c) for c in cfg.ignored_for(r.path))

    _baseline(baseline, write_baseline, results, visible, lambda rule: wanted(rule, opts), language)
    for r in results:
        r.findings = [f for f in r.findings if visible(r, f)]
    out = _open_out(output)
    try:
        use_color = _colour(color, output is None and sys.stdout.isatty())
        where = str(output.resolve().parent) if output is not None else None
        shown_as = Presentation(sort=sort, quiet=quiet, statistics=statistics, output_dir=where)
        emit(
            fmt,
            results,
            catalog,
            out,
            lang=language,
            color=use_color,
            version=__version__,
            presentation=shown_as,
        )
        if out is not sys.stdout:
            out.close()
    except OSError as e:
        where = shown(str(output)) if output is not None else "<stdout>"
        raise UsageError(f"{where}: cannot write: {e.strerror or type(e).__name__}") from None
    for r in results:
        if r.status == "error" and (fmt != "text" or quiet):
            typer.echo(f"fiscal-lint: {_line(r.path)}: {_line(r.error or '')}", err=True)
    if statistics and fmt != "text":
        from lint.report.batch import statistics_lines  # rich: only when asked for

        for line in statistics_lines(results):
            typer.echo(line, err=True)
    if any(r.status == "error" for r in results):
        raise typer.Exit(2)
    if write_baseline:
        return  # recording the known findings is the point of the run, not a failure
    if not exit_zero and any(f.severity >= threshold for r in results for f in r.findings):
        raise typer.Exit(1)


def _colour(flag: bool | None, tty: bool) -> bool:
    """--color/--no-color first, then NO_COLOR (no-color.org), then FORCE_COLOR, then the terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return tty


def _config(path: Path | None, paths: list[str]) -> Config:
    if path is not None:
        return load_config(path)
    first = next((Path(p) for p in paths if p != "-"), Path.cwd())
    try:
        exists = first.exists()
    except (OSError, ValueError):  # a name too long or with a NUL: that path's own error, later
        exists = False
    found = find_config(first if exists else Path.cwd())
    return load_config(found) if found else Config()


def _baseline(
    known: Path | None,
    record: Path | None,
    results: list[FileResult],
    visible: Callable[[FileResult, Finding], bool],
    ran: Callable[[str], bool],
    lang: str,
) -> None:
    """--write-baseline records every shown finding; --baseline drops the known ones and reports, on
    stderr, how many were suppressed and which entries no longer match anything (stale)."""
    from lint import baseline as bl
    from lint.report._common import one_line

    if record is not None:
        shown_only = [replace(r, findings=[f for f in r.findings if visible(r, f)]) for r in results]
        bl.write(record, shown_only)
    if known is None:
        return
    applied = bl.apply(bl.read(known), known, results, visible, ran)
    zh = lang == "zh"
    said = (
        f"基线中已记录的 {applied.suppressed} 个问题未再报告（{known}）"
        if zh
        else f"{applied.suppressed} known findings suppressed by the baseline ({known})"
    )
    typer.echo(f"fiscal-lint: {said}", err=True)
    if applied.stale:
        n = len(applied.stale)
        head = (
            f"基线中有 {n} 条记录已不再出现（问题已改正或文字已改动），可用 --write-baseline 更新："
            if zh
            else f"{n} baseline entries no longer match any finding (fixed, or the text changed); "
            "refresh with --write-baseline:"
        )
        typer.echo(f"fiscal-lint: {head}", err=True)
        for entry in applied.stale[:STALE_SHOWN]:
            typer.echo(f"  {one_line(bl.describe(entry, lang))}", err=True)
        if n > STALE_SHOWN:
            typer.echo(f"  … (+{n - STALE_SHOWN})", err=True)


STALE_SHOWN = 20


@app.command(cls=Command)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Reports or folders to read; - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")] = None,
    lang: Annotated[str, typer.Option(help="Headers: zh (default) or en.")] = "zh",
    page: Annotated[list[str] | None, typer.Option("--page", help="Only these pages: 3, 3-5, 3,7.")] = None,
    label: Annotated[
        list[str] | None, typer.Option("--label", help="Only figures whose label contains TEXT.")
    ] = None,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    timeout: Annotated[float | None, typer.Option(help=TIMEOUT_HELP)] = None,
    max_memory: Annotated[int, typer.Option("--max-memory", help=MEMORY_HELP)] = DEFAULT_MEMORY_MB,
    reader: Annotated[str | None, typer.Option("--reader", help=READER_HELP)] = None,
) -> None:
    """List every figure with its label, value, unit, qualifiers and location: a ledger."""
    from lint.engine import Options, expand, extract_file, shown
    from lint.ledger import Filters, parse_pages

    if fmt not in ("table", "json", "csv"):
        raise UsageError("--format must be table, json or csv")
    if lang not in ("zh", "en"):
        raise UsageError("--lang must be zh or en")
    try:
        filters = Filters(pages=parse_pages(page or []), labels=tuple(label or ()))
    except ValueError:
        raise UsageError("--page takes page numbers: 3, 3-5 or 3,7") from None
    limits = _limits(timeout, max_memory)
    read_opts = ReadOptions(password=password, timeout=limits.timeout or 0, reader=_reader(reader))
    opts = Options(lang=lang, read=read_opts, limits=limits)
    files, results = expand(paths, lang)
    _check_output(output, files)
    results += [extract_file(p, opts) for p in files]
    for r in results:
        r.path = shown(r.path)
        r.figures = [f for f in r.figures if filters.keep(f)]
        if r.status == "error":
            typer.echo(f"fiscal-lint: {_line(r.path)}: {_line(r.error or '')}", err=True)
    out = _open_out(output) if fmt != "csv" else None
    try:
        if fmt == "json":
            assert out is not None
            _extract_json(results, out, lang)
        elif fmt == "csv":
            _extract_csv(results, output, lang)
        else:
            assert out is not None
            _extract_table(results, out, lang)
        if out is not None and out is not sys.stdout:
            out.close()
    except OSError as e:
        where = shown(str(output)) if output is not None else "<stdout>"
        raise UsageError(f"{where}: cannot write: {e.strerror or type(e).__name__}") from None
    if any(r.status == "error" for r in results):
        raise typer.Exit(2)


def _extract_json(results: list[FileResult], out: TextIO, lang: str) -> None:
    from lint.ledger import json_figure
    from lint.report._common import json_text
    from lint.report.json import envelope

    data = envelope(results, __version__, figures=True)
    files = data["files"]
    assert isinstance(files, list)
    for entry, r in zip(files, results, strict=True):
        if r.status == "ok":
            entry["figures"] = [json_figure(r.path, r.document, f, lang) for f in r.figures]
    out.write(json_text(data) + "\n")


def _extract_csv(results: list[FileResult], output: Path | None, lang: str) -> None:
    """UTF-8 with a BOM, so Excel and WPS on Windows open the Chinese text as written."""
    if output is None:
        stream = sys.stdout
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        text = _csv_text(results, lang)
        if buffer is not None:
            buffer.write(("\ufeff" + text).encode("utf-8"))
            buffer.flush()
        else:
            stream.write("\ufeff" + text)
        return
    output.write_text(_csv_text(results, lang), encoding="utf-8-sig", newline="")


def _csv_text(results: list[FileResult], lang: str) -> str:
    import io

    from lint.ledger import FIELDS, headers, record

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(headers(lang))
    for r in results:
        for f in r.figures:
            row = record(r.path, r.document, f, lang)
            w.writerow([row[k] for k in FIELDS])
    return buf.getvalue()


def _extract_table(results: list[FileResult], out: TextIO, lang: str) -> None:
    """One table of prose figures per file, then one per report table (cells under their table)."""
    from rich.console import Console
    from rich.table import Table

    from lint.ledger import FIELDS, headers, record
    from lint.report._common import safe

    console = Console(file=out, highlight=False, markup=False, emoji=False, soft_wrap=False)
    cols = ["page", "line", "col", "text", "label", "column", "stage", "period", "fund"]
    names = dict(zip(FIELDS, headers(lang), strict=True))
    for r in results:
        if r.status == "error":
            continue
        groups: dict[str, list[dict[str, str]]] = {}
        for f in r.figures:
            row = record(r.path, r.document, f, lang)
            groups.setdefault(row["table"], []).append(row)
        for name, rows in groups.items():
            title = safe(r.path) + (f" · {name}" if name else (" · 正文" if lang == "zh" else " · prose"))
            table = Table(*[names[k] for k in cols], title=title, title_justify="left")
            for row in rows:
                table.add_row(*[row[k] for k in cols])
            console.print(table)


@app.command("rules", cls=Command)
def list_rules(
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule pack (TOML).")] = None,
    lang: Annotated[str, typer.Option(help="zh or en")] = "zh",
) -> None:
    """The rule catalogue: code, slug, severity, family, pack."""
    from lint.catalog import load_catalog

    catalog = load_catalog(rules or [])
    for code in sorted(catalog.rules):
        r = catalog.rules[code]
        typer.echo(
            f"{r.code}  {r.name:<22} {r.severity.label:<8} {r.family:<10} {r.pack:<14} {r.summary(lang)}"
        )


@app.command("rule", cls=Command)
def show_rule(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. FL201, or its slug.")],
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule pack (TOML).")] = None,
    lang: Annotated[str, typer.Option(help="zh or en")] = "zh",
) -> None:
    """One rule's documentation."""
    from lint.catalog import load_catalog, rule_doc

    catalog = load_catalog(rules or [])
    rule = catalog.rules.get(code.upper()) or next(
        (r for r in catalog.rules.values() if r.name == code), None
    )
    if rule is None:
        raise UsageError(f"unknown rule {code!r} (see `fiscal-lint rules`)")
    typer.echo(rule_doc(rule, lang))


def _line(text: str) -> str:
    """One line, with control and bidi characters from a file name or a report made inert."""
    from lint.report._common import one_line

    return one_line(text)


def main() -> None:
    """Console entry point: typer, with every error turned into one line and exit code 2."""
    try:
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except FiscalLintError as e:
        typer.echo(f"fiscal-lint: {_line(str(e))}", err=True)
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
        typer.echo(f"fiscal-lint: internal error: {type(e).__name__}: {_line(str(e))}", err=True)
        sys.exit(2)
