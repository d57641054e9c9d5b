"""What every check kind shares: the context it runs in and how it builds a Finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Protocol

from lint.catalog import Catalog
from lint.model import Document, Figure, Finding, Location, Relation, Severity, Suggestion
from lint.structure import Analysis


@dataclass
class Context:
    analysis: Analysis
    catalog: Catalog
    lang: str = "zh"
    extra_tolerance: Decimal = Decimal(0)  # widen every interval by this many base units
    _repeats: dict[int, list[Figure]] | None = field(default=None, repr=False)
    # what a check works out from the document alone, never from a figure's value: kept for the
    # re-runs of the culprit search (lint/checks/causes.py), which change one value at a time
    memo: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def repeats(self) -> dict[int, list[Figure]]:
        """figure id → every prose figure stating the same fact (used to name culprits)."""
        if self._repeats is None:
            from lint.checks.repeat import repeat_groups, scope_clusters

            groups = repeat_groups(self.analysis.figures, self.analysis.generic_labels)
            clusters = [c for figs in groups.values() for c in scope_clusters(figs, self.analysis.scopes)]
            self._repeats = {f.id: figs for figs in clusters for f in figs}
        return self._repeats


@dataclass
class Unit:
    """A piece of a numeric check that reads the values of the figures `reads` (ids) alone: the
    culprit search (lint/checks/recheck.py) re-runs it only when it changes one of them. `reads` need
    not hold a figure a suggestion merely names (a repeat elsewhere): a re-run is judged by which
    findings it yields (rule, figures, severity), never by their messages."""

    reads: frozenset[int]
    run: Callable[[], Iterable[Finding]]


class Recheck(Protocol):
    """A check kind's findings worked out again after one figure's value changed (causes.py)."""

    def findings(self, changed: Figure) -> list[Finding]: ...


class Units:
    """A kind's units run once at the document's values, then only those reading a changed figure."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.found = [list(u.run()) for u in units]
        self.all = [f for fs in self.found for f in fs]
        self.reading: dict[int, list[int]] = {}  # figure id → the units reading it
        for i, u in enumerate(units):
            for fid in u.reads:
                self.reading.setdefault(fid, []).append(i)

    def findings(self, changed: Figure) -> list[Finding]:
        again = self.reading.get(changed.id, [])
        if not again:
            return self.all
        old = {id(f) for i in again for f in self.found[i]}
        kept = [f for f in self.all if id(f) not in old] if old else list(self.all)
        return kept + [f for i in again for f in self.units[i].run()]


def figures_of(rel: Relation) -> frozenset[int]:
    """Every figure a relation holds: its members and any figure in its data (a table's alternative
    readings of its parts)."""
    out = {f.id for _, f in rel.members}
    stack: list[object] = list(rel.data.values())
    while stack:
        x = stack.pop()
        if isinstance(x, Figure):
            out.add(x.id)
        elif isinstance(x, list | tuple):
            stack.extend(x)
        elif isinstance(x, dict):
            stack.extend(x.values())
    return frozenset(out)


def relation_units(
    kind: str, check: Callable[[Relation, Context], Iterator[Finding]]
) -> Callable[[Context], list[Unit]]:
    """`per_relation`'s work as units, one per relation of the kind, reading the relation's figures."""

    def units(ctx: Context) -> list[Unit]:
        rels = [rel for rel in ctx.analysis.relations if rel.kind == kind]
        return [Unit(figures_of(rel), partial(_graded_check, check, rel, ctx)) for rel in rels]

    return units


def _graded_check(
    check: Callable[[Relation, Context], Iterator[Finding]], rel: Relation, ctx: Context
) -> Iterator[Finding]:
    return graded(rel, check(rel, ctx))


def per_relation(
    kind: str, check: Callable[[Relation, Context], Iterator[Finding]]
) -> Callable[[Context], Iterator[Finding]]:
    """The `run` of a kind that checks each relation of one kind on its own."""

    def run(ctx: Context) -> Iterator[Finding]:
        for rel in ctx.analysis.relations:
            if rel.kind == kind:
                yield from graded(rel, check(rel, ctx))

    return run


def graded(rel: Relation, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Severity follows how certain the reading is: a relation with an inferred link that fails is
    a warning, never an error (SPEC §4)."""
    for f in findings:
        if rel.certainty != "explicit":
            f.certainty = rel.certainty
            if f.severity == Severity.ERROR:
                f.severity = Severity.WARNING
        yield f


def disjoint(lang: str, a: str, b: str) -> str:
    """The interval clause of an arithmetic line."""
    return f"区间 {a} 与 {b} 不相交" if lang == "zh" else f"intervals {a} and {b} do not meet"


def named(f: Figure) -> str:
    """'人员经费268.72万元' — how a figure is named in a message."""
    return f"{f.label}{f.text}" if f.label else f.text


def line_words(doc: Document, line: int) -> tuple[str, str]:
    """How a message points at another line, (zh, en): `第9页` in a PDF (it has pages, not lines),
    else `第28行`."""
    page = doc.page_of_line(line)
    if page is not None:
        return f"第{page}页", f"page {page}"
    n = doc.source_line_number(line)  # the file's line, also where the reader rejoined wrapped lines
    return f"第{n}行", f"line {n}"


def at_line(ctx: Context, line: int) -> str:
    zh, en = line_words(ctx.analysis.document, line)
    return zh if ctx.lang == "zh" else en


def finding(
    ctx: Context,
    code: str,
    at: Figure | Location,
    figures: list[tuple[str, Figure]],
    values: dict[str, object],
    *,
    expected: str | None = None,
    actual: str | None = None,
    arithmetic: str | None = None,
    suggestion: Suggestion | None = None,
) -> Finding:
    rule = ctx.catalog.get(code)
    location = at.location if isinstance(at, Figure) else at
    # every `x_line` value is also offered as `x_at`: 第28行 in a text draft, 第9页 in a PDF
    places = {
        k[: -len("line")] + "at": at_line(ctx, v)
        for k, v in values.items()
        if k.endswith("_line") and isinstance(v, int)
    }
    values = {**values, **{k: v for k, v in places.items() if k not in values}}
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=rule.message(ctx.lang, values),
        location=location,
        figures=figures,
        expected=expected,
        actual=actual,
        arithmetic=arithmetic,
        suggestion=suggestion,
    )
