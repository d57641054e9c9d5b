"""Errors that reach the user as one clear line (never a traceback)."""

from __future__ import annotations


class FiscalLintError(Exception):
    """Base class: `str(e)` is the one line shown to the user."""


class InputError(FiscalLintError):
    """A file that could not be read. `reason_zh`/`reason_en` name the cause without the path."""

    def __init__(self, path: str, reason_zh: str, reason_en: str) -> None:
        self.path = path
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        super().__init__(f"{path}: {reason_en}")

    def line(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.reason_zh if lang == 'zh' else self.reason_en}"


class RuleFileError(FiscalLintError):
    """A broken rule pack or configuration file; names the file and, where known, the line/key."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line_no = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class UsageError(FiscalLintError):
    """Bad command-line usage (exit 2)."""
