"""A progress bar for batches, on stderr and only when stderr is a terminal: a reviewer running a
folder of twenty PDFs sees the work move, while pipes, CI logs and stdout reports stay clean."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from lint.model import FileResult
from lint.report._common import safe, tr


@contextmanager
def progress(total: int, lang: str, enabled: bool) -> Iterator[Callable[[FileResult], None] | None]:
    """Yields a callback to call once per finished file, or None when no bar is shown (disabled,
    a single file, or stderr not a terminal)."""
    if not enabled or total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False, markup=False)
    bar = Progress(
        TextColumn(tr(lang, "progress")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=console,
        transient=True,
    )
    with bar:
        task = bar.add_task("", total=total)

        def done(result: FileResult) -> None:
            bar.update(task, advance=1, description=safe(result.path)[-60:])

        yield done
