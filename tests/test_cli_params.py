"""`lint.cli_params`: a value passed through as given is exactly what typer's own coercion returns, for
every parameter of every command, and a plain `check --format json` never imports pydantic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import SEED_PATH

from lint.cli import app

_coercion = pytest.importorskip("typer._coercion")
cli_params = pytest.importorskip("lint.cli_params")

ROOT = Path(__file__).resolve().parent.parent

# values a command line, a default or an environment variable hands a parameter
SAMPLES: list[Any] = [None, "json", "", "3", "2.5", "zh", "a\udcff", 2000, 1024, 0, 2.5, ("x.pdf", "y"), ()]


def _params() -> list[tuple[str, Any]]:
    root = typer.main.get_command(app)
    ctx = root.make_context("fiscal-lint", ["--help"], resilient_parsing=True)
    out = [("root", p) for p in root.get_params(ctx)]
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        out += [(name, p) for p in cmd.get_params(cmd.make_context(name, [], resilient_parsing=True))]
    return out


def _coerce(runtime: Any, value: Any, param: Any) -> Any:
    try:
        return ("ok", runtime.coerce(value, param=param, ctx=None))
    except Exception as e:
        return ("error", type(e).__name__)


@pytest.mark.parametrize(("command", "param"), _params(), ids=lambda x: getattr(x, "name", x))
def test_as_given_agrees_with_typer(command: str, param: Any) -> None:
    ours = param.get_runtime_param()
    assert isinstance(ours, cli_params._AsGiven), command
    theirs = _coercion.build_runtime_param(param.type_descriptor)
    for value in [*SAMPLES, param.default]:
        got, want = _coerce(ours, value, param), _coerce(theirs, value, param)
        assert got == want and type(got[1]) is type(want[1]), (command, param.name, value)


def test_plain_check_does_not_import_pydantic() -> None:
    probe = (
        "import sys; sys.argv = ['fiscal-lint', *sys.argv[1:]]\n"
        "from lint.cli import main\n"
        "try:\n    main()\n"
        "finally:\n    sys.stderr.write('PYDANTIC=%s\\n' % ('pydantic' in sys.modules))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe, "check", "--format", "json", "--sort", "page", str(SEED_PATH)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    assert "PYDANTIC=False" in r.stderr
