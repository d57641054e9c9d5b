"""Presentation choices that every emitter honours without each emitter's signature changing:
the order of findings (--sort), --quiet and --statistics. The dispatcher sets them for one emit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

SORTS = ("severity", "page")


@dataclass(frozen=True)
class Presentation:
    sort: str = "severity"  # severity: most serious first; page: in reading order (page, position)
    quiet: bool = False  # diagnostics only: no summary, no per-file table
    statistics: bool = False  # per-rule counts at the end of the text report
    output_dir: str | None = None  # folder of -o FILE: links in the HTML report are relative to it


_DEFAULT = Presentation()
_CURRENT: ContextVar[Presentation | None] = ContextVar("presentation", default=None)


def current() -> Presentation:
    return _CURRENT.get() or _DEFAULT


@contextmanager
def presenting(p: Presentation) -> Iterator[None]:
    token = _CURRENT.set(p)
    try:
        yield
    finally:
        _CURRENT.reset(token)
