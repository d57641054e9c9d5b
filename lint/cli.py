"""The command line: thin typer commands over the engine. Exit codes: 0 clean, 1 findings at or
above --fail-on, 2 usage error or an unreadable input. No traceback ever reaches the user."""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from lint import __version__
from lint.catalog import load_catalog
from lint.config import Config, find_config, load_config
from lint.engine import Options, analyse_file, expand, lint_files
from lint.errors import FiscalLintError, InputError, UsageError
from lint.model import FileResult, Finding, Severity
from lint.readers import ReadOptions
from lint.report import FORMATS, emit, emit_figures_json

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


def _fingerprint(path: str, f: Finding) -> str:
    key = "|".join([Path(path).name, f.rule, *sorted(f"{r}:{x.label}:{x.value}" for r, x in f.figures)])
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _open_out(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{output}: cannot write: {e.strerror}") from None


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
    timeout: Annotated[float, typer.Option(help="Seconds allowed per PDF.")] = 60.0,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Pages allowed per PDF.")] = 2000,
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
    catalog = load_catalog([*cfg.rules, *(rules or [])])
    known = set(catalog.rules)
    for code in _codes(select) + _codes(ignore):
        if not any(k.startswith(code) for k in known):
            raise UsageError(f"unknown rule code {code!r} (see `fiscal-lint rules`)")
    opts = Options(
        lang=language,
        select=_codes(select) or cfg.select,
        ignore=_codes(ignore) + cfg.ignore,
        severity=cfg.severity,
        extra_tolerance=cfg.tolerance,
        read=ReadOptions(password=password, timeout=timeout, max_pages=max_pages),
    )
    files, missing = expand(paths)
    results = [
        FileResult(
            path=p,
            status="error",
            error="目录中没有可检查的报告" if language == "zh" else "no reports found in directory",
        )
        for p in missing
    ]
    results += lint_files(files, catalog, opts, jobs)
    known_prints = _read_baseline(baseline) if baseline else set()
    if known_prints:
        for r in results:
            r.findings = [f for f in r.findings if _fingerprint(r.path, f) not in known_prints]
    if write_baseline:
        _write_baseline(write_baseline, results)
    out = _open_out(output)
    try:
        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        emit(fmt, results, catalog, out, lang=language, color=use_color, version=__version__)
    finally:
        if out is not sys.stdout:
            out.close()
    for r in results:
        if r.status == "error" and fmt != "text":
            typer.echo(f"fiscal-lint: {r.path}: {r.error}", err=True)
    if any(r.status == "error" for r in results):
        raise typer.Exit(2)
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
    prints = sorted({_fingerprint(r.path, f) for r in results for f in r.findings})
    try:
        path.write_text(json.dumps({"tool": "fiscal-lint", "fingerprints": prints}, indent=2) + "\n", "utf-8")
    except OSError as e:
        raise UsageError(f"{path}: cannot write: {e.strerror}") from None


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="The report to read; - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per PDF.")] = 60.0,
) -> None:
    """List every figure with its label, value, unit, qualifiers and location."""
    if fmt not in ("table", "json", "csv"):
        raise UsageError("--format must be table, json or csv")
    opts = Options(read=ReadOptions(password=password, timeout=timeout))
    try:
        analysis = analyse_file(path, opts)
    except InputError as e:
        typer.echo(f"fiscal-lint: {e.line('zh')}", err=True)
        raise typer.Exit(2) from None
    figures = analysis.figures
    if fmt == "json":
        emit_figures_json([FileResult(path=path, status="ok", figures=figures)], sys.stdout, __version__)
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

    table = Table(*header[:-1], title=path)
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
    zh = lang == "zh"
    lines = [
        f"{rule.code} {rule.name} — {rule.summary(lang)}",
        f"{'严重程度' if zh else 'severity'}: {rule.severity.label}   {'类别' if zh else 'family'}: {rule.family}   {'规则包' if zh else 'pack'}: {rule.pack}",
        "",
        (rule.doc_zh if zh else rule.doc_en).strip() or rule.summary(lang),
    ]
    if rule.example_fail:
        lines += ["", ("不通过的例子：" if zh else "Fails:"), _indent(rule.example_fail)]
    if rule.example_pass:
        lines += ["", ("通过的例子：" if zh else "Passes:"), _indent(rule.example_pass)]
    if rule.source:
        lines += ["", ("依据：" if zh else "Source: ") + rule.source]
    typer.echo("\n".join(lines))


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip("\n").split("\n"))


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
