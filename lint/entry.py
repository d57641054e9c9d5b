"""The console script's entry point, kept tiny: `fiscal-lint --version` answers from the package's
version string alone, without importing typer, the engine or the rule catalogue (issue 10: start-up
≤ 0.15 s). Every other command line goes unchanged to `lint.cli.main`."""

from __future__ import annotations

import gc
import sys

from lint import __version__


def main() -> None:
    """`fiscal-lint`: the version on its own, else the full command line."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"fiscal-lint {__version__}\n")
        sys.stdout.flush()
        sys.exit(0)
    from lint.cli import main as cli_main

    try:
        cli_main()
    finally:
        # the process ends here: the collector's passes at shutdown would walk every object of the
        # imports, the catalogue and the compiled patterns (~0.05–0.1 s of CPU) for memory the OS takes
        # back anyway. Files are closed by the command itself; the standard streams are still flushed.
        gc.freeze()
