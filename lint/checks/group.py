"""One finding per root cause: findings one change repairs together become one finding.

The culprit pass (causes.py) names, for each failing relation, the change that repairs it; when two
findings point at the very same change (the same figure, the same value — or the same stated tie),
they are one mistake seen from two relations (a wrong share and the shares-total; a prose figure and
the table row it repeats; a wrong 预算安排 and the rate worked out from it). The reader gets one
finding, at the most serious of them, with the others listed as related relations; nothing is lost
and the severity is the highest of the group, so exit codes stay what they were.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from lint.model import Finding, Severity, Suggestion

Cause = tuple[object, ...]


def _value(s: Suggestion) -> object:
    """36.61 and 36.610 are one value; a suggestion in words is compared as written."""
    try:
        return Decimal(s.suggested.strip()).normalize()
    except InvalidOperation:
        return s.suggested.strip()


def cause(f: Finding) -> Cause | None:
    """What one change would repair this finding, as a key; None when nothing is suggested."""
    if f.severity < Severity.WARNING or not f.figures:
        return None
    if f.suggestion is not None:
        return ("one", f.suggestion.figure.id, _value(f.suggestion))
    if f.candidates:
        return ("tie", frozenset((c.figure.id, _value(c)) for c in f.candidates))
    return None


def _rank(f: Finding) -> tuple[int, int, int, int]:
    """The finding that speaks for the group: most serious, read from explicit wording, anchored at
    the culprit itself, then the earliest in the text."""
    s = f.suggestion
    at_culprit = s is not None and s.figure.start == f.location.offset
    return (-int(f.severity), f.certainty != "explicit", not at_culprit, f.location.offset)


def merge(findings: list[Finding]) -> list[Finding]:
    """Findings sharing a cause become one, with the others as `related` (order otherwise kept)."""
    groups: dict[Cause, list[Finding]] = {}
    for f in findings:
        key = cause(f)
        if key is not None:
            groups.setdefault(key, []).append(f)
    gone: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=_rank)
        head, rest = members[0], members[1:]
        head.related.extend(rest)
        for r in rest:
            head.related.extend(r.related)
            r.related = []
            gone.add(id(r))
        head.severity = max(m.severity for m in members)
    return [f for f in findings if id(f) not in gone]
