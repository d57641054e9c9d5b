"""Configuration: `[tool.fiscal-lint]` in pyproject.toml or a `fiscal-lint.toml`, found upward.

Keys (all optional): select, ignore (lists of code prefixes), severity ({code = "info"|…}),
rules (extra packs, paths relative to the config file), tolerance (extra, in 元), lang, fail-on,
exclude (globs of files never linted) and per-file-ignores ({glob = [codes]}); globs are relative to
the config file's folder, `**` crosses folders, and a glob without "/" matches a file name anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lint.catalog import load_toml
from lint.errors import RuleFileError
from lint.model import Severity

KEYS = {
    "select",
    "ignore",
    "severity",
    "rules",
    "tolerance",
    "lang",
    "fail-on",
    "exclude",
    "per-file-ignores",
    "reader",
}


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: list[Path] = field(default_factory=list)
    tolerance: Decimal = Decimal(0)
    lang: str | None = None
    fail_on: Severity | None = None
    reader: str | None = None  # PDF reader: pdfium (default) or pdfplumber
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)

    def _relative(self, path: str) -> str:
        p = Path(path).resolve()
        if self.path is not None:
            try:
                return p.relative_to(self.path.parent.resolve()).as_posix()
            except ValueError:
                pass
        return p.as_posix()

    def excluded(self, path: str) -> bool:
        return path != "-" and any(glob_match(g, self._relative(path)) for g in self.exclude)

    def ignored_for(self, path: str) -> list[str]:
        """Rule code prefixes ignored for this file by per-file-ignores."""
        if path == "-":
            return []
        rel = self._relative(path)
        return [c for g, codes in self.per_file_ignores.items() if glob_match(g, rel) for c in codes]

    def check_codes(self, known: set[str]) -> None:
        """Codes in select/ignore/severity must name rules, as on the command line: an unknown code in
        `select` would otherwise switch every check off, silently."""
        for key, codes in (
            ("select", self.select),
            ("ignore", self.ignore),
            ("severity", list(self.severity)),
            ("per-file-ignores", [c for cs in self.per_file_ignores.values() for c in cs]),
        ):
            for code in codes:
                if not any(k.startswith(code.upper()) for k in known):
                    raise RuleFileError(
                        str(self.path), f"{key}: unknown rule code {code!r} (see `fiscal-lint rules`)"
                    )


def glob_match(glob: str, rel: str) -> bool:
    """gitignore-like: `*` and `?` stay within a folder, `**` crosses folders; a glob without "/"
    matches the file name or any folder name on the path."""
    if "/" not in glob.strip("/"):
        return any(re.fullmatch(_glob_regex(glob.strip("/")), part) for part in rel.split("/"))
    return re.fullmatch(_glob_regex(glob.strip("/")), rel) is not None


def _glob_regex(glob: str) -> str:
    out, i = "", 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif glob.startswith("**", i):
            out, i = out + ".*", i + 2
        elif glob[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif glob[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(glob[i]), i + 1
    return out


def find_config(start: Path) -> Path | None:
    """The nearest fiscal-lint.toml or pyproject.toml with [tool.fiscal-lint]; a folder or file that
    cannot be looked at (permission, a name too long) is passed over, not a crash of the whole run."""
    try:
        start = start.resolve()
        dirs = [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]
    except (OSError, ValueError, RuntimeError):
        return None
    for d in dirs:
        for name in ("fiscal-lint.toml", "pyproject.toml"):
            p = d / name
            try:
                if p.is_file() and (
                    name != "pyproject.toml" or "[tool.fiscal-lint]" in p.read_text("utf-8", "replace")
                ):
                    return p
            except (OSError, ValueError):
                continue
    return None


def load_config(path: Path) -> Config:
    data = load_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("fiscal-lint", {}) if isinstance(tool, dict) else {}
    else:
        table = data
    if not isinstance(table, dict):
        raise RuleFileError(str(path), "[tool.fiscal-lint] must be a table")
    unknown = set(table) - KEYS
    if unknown:
        raise RuleFileError(
            str(path), f"unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(KEYS))}"
        )
    cfg = Config(path=path)
    cfg.select = [c.strip().upper() for c in _list(table, "select", path)]
    cfg.ignore = [c.strip().upper() for c in _list(table, "ignore", path)]
    cfg.rules = [(path.parent / p).resolve() for p in _list(table, "rules", path)]
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise RuleFileError(str(path), 'severity must be a table of CODE = "info|warning|error"')
    try:
        cfg.severity = {str(k).upper(): Severity.parse(str(v)) for k, v in sev.items()}
        if "fail-on" in table:
            cfg.fail_on = Severity.parse(str(table["fail-on"]))
    except ValueError as e:
        raise RuleFileError(str(path), str(e)) from None
    cfg.exclude = _list(table, "exclude", path)
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise RuleFileError(str(path), 'per-file-ignores must be a table of "glob" = ["CODE", …]')
    cfg.per_file_ignores = {str(g): [c.strip().upper() for c in _list(pfi, str(g), path)] for g in pfi}
    if "tolerance" in table:
        cfg.tolerance = _tolerance(table["tolerance"], path)
    if "lang" in table:
        if table["lang"] not in ("zh", "en"):
            raise RuleFileError(str(path), "lang must be zh or en")
        cfg.lang = str(table["lang"])
    if "reader" in table:
        if table["reader"] not in READERS:
            raise RuleFileError(str(path), "reader must be pdfplumber or pdfium")
        cfg.reader = str(table["reader"])
    return cfg


READERS = ("pdfplumber", "pdfium")


MAX_TOLERANCE = Decimal(10) ** 12  # 元; a wider tolerance is a typo that switches every check off


def _tolerance(value: object, path: Path) -> Decimal:
    """Finite, ≥ 0 and not absurd: inf would silence every check, NaN break them, a negative one
    invent errors."""
    why = "tolerance must be a finite number of 元, 0 or more"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RuleFileError(str(path), why)
    try:
        tol = Decimal(str(value).strip())
    except InvalidOperation:
        raise RuleFileError(str(path), why) from None
    if not tol.is_finite() or tol < 0 or tol > MAX_TOLERANCE:
        raise RuleFileError(str(path), f"{why} (at most {MAX_TOLERANCE:,}), not {value!r}")
    return tol


def _list(table: dict[str, object], key: str, path: Path) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(str(path), f"{key} must be a list of strings")
    return list(value)
