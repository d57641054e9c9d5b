"""Hostile runs grow the work linearly (issue 11 item 2), counted and never timed.

The work of linting one file is counted in two units that do not depend on the machine or its load:
lines of Python executed in lint/ (a quadratic loop shows here), and characters handed to compiled
patterns, both lint's own and html.parser's (a search from every position to the end of the text
shows here: the unclosed `<!--` case, and any look-back that re-scans a growing slice). Each case is
linted at ×1 and ×8 its size; the extra work over a tiny input of the same shape may grow at most 10×
(linear is 8×, quadratic 64×). What this cannot see is backtracking inside one regex call; bench/
times that.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest
import regex
from conftest import catalog

from lint.engine import Options, lint_file

LINT_DIR = str(Path(__file__).resolve().parent.parent / "lint")
PATTERN_TYPES = (re.Pattern, type(regex.compile("x")))


class _Counted:
    """A compiled pattern that adds the length of the text each call may scan to a shared tally."""

    def __init__(self, pattern: Any, tally: list[int]) -> None:
        self._p = pattern
        self._tally = tally

    def _scan(self, string: Any, pos: int = 0, endpos: int | None = None) -> None:
        end = len(string) if endpos is None else min(endpos, len(string))
        self._tally[0] += max(0, end - (pos or 0))

    def _call(self, name: str, string: Any, *args: Any, **kw: Any) -> Any:
        self._scan(string, *args[:2], **{k: v for k, v in kw.items() if k in ("pos", "endpos")})
        return getattr(self._p, name)(string, *args, **kw)

    def search(self, string: Any, *args: Any, **kw: Any) -> Any:
        return self._call("search", string, *args, **kw)

    def match(self, string: Any, *args: Any, **kw: Any) -> Any:
        return self._call("match", string, *args, **kw)

    def fullmatch(self, string: Any, *args: Any, **kw: Any) -> Any:
        return self._call("fullmatch", string, *args, **kw)

    def findall(self, string: Any, *args: Any, **kw: Any) -> Any:
        return self._call("findall", string, *args, **kw)

    def split(self, string: Any, *args: Any, **kw: Any) -> Any:
        self._scan(string)
        return self._p.split(string, *args, **kw)

    def finditer(self, string: Any, *args: Any, **kw: Any) -> Iterator[Any]:
        self._scan(string, *args[:2], **{k: v for k, v in kw.items() if k in ("pos", "endpos")})
        for m in self._p.finditer(string, *args, **kw):
            self._tally[0] += m.end() - m.start()  # overlapping matches are work too
            yield m

    def sub(self, repl: Any, string: Any, *args: Any, **kw: Any) -> Any:
        self._scan(string)
        return self._p.sub(repl, string, *args, **kw)

    def subn(self, repl: Any, string: Any, *args: Any, **kw: Any) -> Any:
        self._scan(string)
        return self._p.subn(repl, string, *args, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)


def _modules() -> list[ModuleType]:
    names = [n for n in sys.modules if n == "lint" or n.startswith("lint.")]
    return [sys.modules[n] for n in [*names, "html.parser", "_markupbase"] if n in sys.modules]


def work(path: Path) -> int:
    """Lines of lint/ executed plus characters given to patterns, linting `path` in this process."""
    tally = [0]
    patched: list[tuple[ModuleType, str, Any]] = []
    for mod in _modules():
        for name, value in list(vars(mod).items()):
            if isinstance(value, PATTERN_TYPES):
                patched.append((mod, name, value))
                setattr(mod, name, _Counted(value, tally))

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        if event == "line":
            tally[0] += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        return local if frame.f_code.co_filename.startswith(LINT_DIR) else None

    sys.settrace(tracer)
    try:
        result = lint_file(str(path), catalog(), Options(isolate=False))
    finally:
        sys.settrace(None)
        for mod, name, value in patched:
            setattr(mod, name, value)
    assert result.status == "ok", result.error
    return tally[0]


# name: (suffix, text for n units); n = 0 is the baseline of the same shape
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": ("txt", lambda n: "支出合计" + "7" * (300 * n) + "万元。\n"),
    "full-width digits": ("txt", lambda n: "支出合计" + "７" * (300 * n) + "万元。\n"),
    "chinese numerals": ("txt", lambda n: "在职人员" + "二十六" * (100 * n) + "人。\n"),
    "digits and points": ("txt", lambda n: "支出" + "1." * (200 * n) + "万元。\n"),
    "inline numbering": ("txt", lambda n: "".join(f"{i % 9 + 1}." for i in range(300 * n)) + "\n"),
    "bracketed numbering": ("txt", lambda n: "".join(f"（{i % 9 + 1}）项目" for i in range(100 * n)) + "\n"),
    "toc leaders": ("txt", lambda n: "一、部门基本情况" + "." * (600 * n) + "1\n"),
    "toc ellipses": ("txt", lambda n: "二、收入支出决算总体情况" + "…" * (600 * n) + "3\n"),
    "deeply nested breakdowns": (
        "txt",
        lambda n: "".join(f"项目{i}支出100.00万元，其中：" for i in range(200 * n)) + "。\n",
    ),
    "shares in one sentence": (
        "txt",
        lambda n: "，".join(f"项目{i}占{i % 90 + 1}%" for i in range(200 * n)) + "。\n",
    ),
    "amounts in one sentence": (
        "txt",
        lambda n: "，".join(f"项目{i}为{i}.00万元" for i in range(30 * n)) + "。\n",
    ),
    "markdown table rows": (
        "md",
        lambda n: "| 项目 | 金额 |\n|---|---|\n" + "".join(f"| 科目{i} | {i}.00 |\n" for i in range(30 * n)),
    ),
    "html comment openers": ("html", lambda n: "<p>支出1.00万元</p>" + "<!--" * (400 * n)),
    "html unclosed tags": ("html", lambda n: "<p>支出1.00万元</p>" + "<a " * (400 * n)),
    "html unclosed attributes": ("html", lambda n: "<p>支出1.00万元</p>" + '<a b="' * (400 * n)),
    "html marked sections": ("html", lambda n: "<p>支出1.00万元</p>" + "<![CDATA[" * (300 * n) + "]>"),
}


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Lint each format once first: lazy imports and pattern compiles are not the input's work."""
    root = tmp_path_factory.mktemp("warm")
    for suffix in ("txt", "md", "html"):
        path = root / f"warm.{suffix}"
        path.write_text("<p>本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%。</p>\n", "utf-8")
        work(path)


@pytest.mark.parametrize("name", list(CASES))
def test_work_grows_linearly(tmp_path: Path, name: str, warm: None) -> None:
    suffix, make = CASES[name]
    counts = []
    for n in (0, 1, 8):
        path = tmp_path / f"case{n}.{suffix}"
        path.write_text(make(n), "utf-8")
        counts.append(work(path))
    base, one, eight = counts
    assert one > base, "the ×1 input must cost something more than the baseline"
    assert eight - base <= 10 * (one - base), f"{name}: work {base} / {one} / {eight} at ×0/×1/×8"
