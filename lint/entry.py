"""The console script's entry point, kept tiny: `fiscal-lint --version` answers from the package's
version string alone, without importing typer, the engine or the rule catalogue (issue 10: start-up
≤ 0.15 s). Every other command line goes unchanged to `lint.cli.main`."""

from __future__ import annotations

import sys

from lint import __version__


def main() -> None:
    """`fiscal-lint`: the version on its own, else the full command line."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"fiscal-lint {__version__}\n")
        sys.stdout.flush()
        sys.exit(0)
    from lint.cli import main as cli_main

    cli_main()
