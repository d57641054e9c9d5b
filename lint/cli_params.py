"""Typer without pydantic for the values that need no conversion (issue 10: start-up).

Typer ≥ 0.2x coerces every option's value through a pydantic TypeAdapter built on first use: a plain
`check --format json FILE` imports pydantic and builds ~20 adapters (~0.15 s of CPU, a fifth of the
whole command on a 25-page report) only to hand back the strings and defaults it was given. Here a
value that is already of its option's plain type (a str for `str`, a default int for an unbounded
`int`, a list of str for `list[str]`, None for anything) is returned as is, which is what typer's
adapter returns for it; every other value (a number or a path typed on the command line, …) goes
through typer's own coercion, built then. `tests/test_cli_params.py` holds the two to the same result.

Typer versions without this machinery (before 0.2x) get their plain command class.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import typer.core

try:
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer.core import _TyperParameter
except ImportError:  # an older typer: nothing to skip
    RuntimeParam = None  # type: ignore[assignment,misc]


def as_given(annotation: Any, info: Any, value: Any) -> bool:
    """Whether typer's coercion (no custom parser) returns `value` unchanged, a tuple of str as a list."""
    if annotation is str:
        return type(value) is str
    if annotation is int or annotation is float:
        unbounded = info.min is None and info.max is None
        return unbounded and type(value) is annotation
    if annotation == list[str]:
        return isinstance(value, (list, tuple)) and all(type(v) is str for v in value)
    return False


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _AsGiven(RuntimeParam):
        """A parameter's coercion: the value as given where that is what typer would return, else
        typer's own (its pydantic adapter, built on the first value that needs it)."""

        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            info = self.parameter_info
            if info.parser is None and as_given(self.annotation, info, value):
                return list(value) if self.annotation == list[str] else value
            real = build_runtime_param(self.descriptor)
            return real._coerce_value(value, param=param, ctx=ctx)

    def _install(params: list[Any]) -> None:
        """Give each plain parameter `_AsGiven`. These are typer internals: where a later typer shapes
        them otherwise, the parameter keeps typer's own coercion (slower start-up, same result)."""
        for p in params:
            try:
                if isinstance(p, _TyperParameter) and p._runtime_param is None:
                    d = p.type_descriptor
                    if d.file_annotation is None:
                        p._runtime_param = _AsGiven(
                            parameter_info=d.parameter_info, annotation=d.annotation, descriptor=d
                        )
            except (AttributeError, TypeError):
                continue

    class Command(typer.core.TyperCommand):
        """typer's command, its parameters (the help option too) coerced by `_AsGiven`."""

        def get_params(self, ctx: Any) -> list[Any]:
            params: list[Any] = super().get_params(ctx)
            _install(params)
            return params

    class Group(typer.core.TyperGroup):
        """typer's group (the root: --version, --install-completion, …), coerced by `_AsGiven`."""

        def get_params(self, ctx: Any) -> list[Any]:
            params: list[Any] = super().get_params(ctx)
            _install(params)
            return params

else:  # pragma: no cover - older typer
    Command = typer.core.TyperCommand  # type: ignore[misc,assignment]
    Group = typer.core.TyperGroup  # type: ignore[misc,assignment]
