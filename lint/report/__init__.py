"""Report emitters: one module per output format, each a dumb mapper over the same model.

Every module has `emit(results, catalog, out, *, lang, color, version)`; `emit()` here dispatches.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, TextIO

from lint.catalog import Catalog
from lint.errors import UsageError
from lint.model import FileResult
from lint.report.json import emit_figures_json
from lint.report.options import Presentation, presenting

FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit", "html")

__all__ = ["FORMATS", "emit", "emit_figures_json"]


class Emitter(Protocol):
    def __call__(
        self,
        results: Sequence[FileResult],
        catalog: Catalog,
        out: TextIO,
        *,
        lang: str = ...,
        color: bool = ...,
        version: str = ...,
    ) -> None: ...


def _emitter(fmt: str) -> Emitter | None:
    """The format's module, imported when asked for (issue 10: rich only for the text report)."""
    if fmt not in FORMATS:
        return None
    module = importlib.import_module(f"lint.report.{fmt}")
    got: Emitter = module.emit
    return got


def emit(
    fmt: str,
    results: list[FileResult],
    catalog: Catalog,
    out: TextIO,
    *,
    lang: str = "zh",
    color: bool = False,
    version: str,
    presentation: Presentation | None = None,
) -> None:
    """Render `results` (files in the given order, findings most serious first) as `fmt` to `out`."""
    emitter = _emitter(fmt)
    if emitter is None:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    with presenting(presentation or Presentation()):
        emitter(results, catalog, out, lang=lang, color=color, version=version)
