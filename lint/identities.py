"""Fiscal identities as data: the [[identity]] entries of every rule pack, typed and validated.

An identity says that one figure equals the sum of others wherever the report states them, e.g.
基本支出 = 人员经费 + 公用经费. Packs only name labels (with their variants); nothing in a pack is
executed. A broken entry is a `RuleFileError` naming the file, the line of its [[identity]] header
(or of the offending key) and the key, so the command line can print one line and exit 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, cast

from lint.catalog import Catalog, Pack
from lint.errors import RuleFileError
from lint.vocab import Vocabulary, pack_vocabulary

KINDS = ("exact", "warning")
WITHIN = ("document", "paragraph", "sentence")
MINUS = ("−", "-", "－")  # a part variant starting with one of these is subtracted
_KEYS = {"name", "kind", "total", "parts", "source", "note", "applies_to", "within", "optional"}
_NAME = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]+$")
_HEADER = re.compile(r"^\s*\[\[\s*identity\s*\]\]", re.MULTILINE)


@dataclass(frozen=True)
class Part:
    variants: tuple[str, ...]  # label variants, sign already removed
    sign: int  # +1 added, −1 subtracted


@dataclass(frozen=True)
class Identity:
    name: str
    kind: str  # exact | warning
    total: tuple[str, ...]
    parts: tuple[Part, ...]
    source: str = ""
    note: str = ""
    applies_to: tuple[str, ...] = ()  # words of the document's title; empty = every report
    within: str = "document"  # where the figures may be: document | paragraph | sentence
    optional: tuple[str, ...] = ()  # parts (by first variant) that count as 0 when the report omits them
    pack: str = ""
    path: str = ""
    line: int | None = None

    @property
    def code(self) -> str:
        return "FL271" if self.kind == "exact" else "FL272"

    def formula(self) -> str:
        """基本支出 = 人员经费 + 公用经费 — the identity as a reviewer reads it."""
        out = self.total[0] + " = "
        for i, p in enumerate(self.parts):
            if i == 0:
                out += ("−" if p.sign < 0 else "") + p.variants[0]
            else:
                out += (" − " if p.sign < 0 else " + ") + p.variants[0]
        return out


class _Lines:
    """Line numbers of [[identity]] headers and keys in a pack's source text (tomllib has none)."""

    def __init__(self, path: Path) -> None:
        try:
            self.text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.text = ""
        self.headers = [self.text.count("\n", 0, m.start()) + 1 for m in _HEADER.finditer(self.text)]

    def header(self, index: int) -> int | None:
        return self.headers[index] if index < len(self.headers) else None

    def key(self, index: int, key: str) -> int | None:
        start = self.header(index)
        if start is None:
            return None
        end = self.header(index + 1) or self.text.count("\n") + 2
        lines = self.text.split("\n")
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for n in range(start, min(end, len(lines) + 1)):
            if pattern.match(lines[n - 1]):
                return n
        return start


def _strings(value: object, what: str, fail: _Fail) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        fail(what.split(" ")[0], f"{what} must be a non-empty list of strings")
    out: list[str] = []
    for v in value:
        if not isinstance(v, str) or not v.strip():
            fail(what.split(" ")[0], f"{what} must contain only non-empty strings, found {v!r}")
        out.append(v.strip())
    return tuple(out)


class _Fail:
    def __init__(self, path: Path, lines: _Lines, index: int, where: str) -> None:
        self.path, self.lines, self.index, self.where = path, lines, index, where

    def __call__(self, key: str | None, message: str) -> NoReturn:
        line = self.lines.key(self.index, key) if key else self.lines.header(self.index)
        raise RuleFileError(str(self.path), f"{self.where}: {message}", line)


def _part(variants: tuple[str, ...], n: int, fail: _Fail) -> Part:
    signs = {-1 if v.startswith(MINUS) else 1 for v in variants}
    if len(signs) > 1:
        fail("parts", f"parts #{n}: mix added and subtracted (−) variants; use one sign per part")
    cleaned = tuple(v.lstrip("".join(MINUS)).strip() for v in variants)
    if not all(cleaned):
        fail("parts", f"parts #{n}: a variant is only a sign")
    return Part(cleaned, signs.pop())


def parse_identities(pack: Pack) -> list[Identity]:
    """The [[identity]] entries of one pack, validated."""
    raw = pack.data.get("identity", [])
    path = pack.path
    if not isinstance(raw, list):
        raise RuleFileError(str(path), "'identity' must be an array of tables ([[identity]])")
    lines = _Lines(path) if raw else None
    out: list[Identity] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        assert lines is not None
        fail = _Fail(path, lines, i, f"identity #{i + 1}")
        if not isinstance(entry, dict):
            fail(None, "is not a table")
        name = entry.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            fail("name", "'name' is required: letters, digits, _ or - (e.g. basic_split)")
        fail.where = f"identity {name!r}"
        if name in seen:
            fail("name", "defined twice in this pack")
        seen.add(name)
        unknown = set(entry) - _KEYS
        if unknown:
            bad = sorted(unknown)[0]
            fail(bad, f"unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_KEYS))}")
        kind = entry.get("kind", "exact")
        if kind not in KINDS:
            fail("kind", f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
        if "total" not in entry:
            fail(None, '\'total\' is required: total = ["label", "variant", …]')
        total = _strings(entry["total"], "total", fail)
        if any(t.startswith(MINUS) for t in total):
            fail("total", "a total cannot be subtracted (−)")
        if "parts" not in entry:
            fail(None, '\'parts\' is required: parts = [["part 1", "variant"], ["part 2"]]')
        raw_parts = entry["parts"]
        if not isinstance(raw_parts, list) or not raw_parts:
            fail("parts", '\'parts\' must be a non-empty list of lists: parts = [["人员经费"], ["公用经费"]]')
        parts: list[Part] = []
        for n, slot in enumerate(raw_parts, 1):
            if not isinstance(slot, list):
                fail(
                    "parts",
                    f'parts #{n} must be a list of label variants like ["人员经费", "人员支出"], not {slot!r}',
                )
            parts.append(_part(_strings(slot, f"parts #{n}", fail), n, fail))
        names = [v for p in parts for v in p.variants]
        overlap = set(total) & set(names)
        if overlap:
            fail("parts", f"{', '.join(sorted(overlap))} is both the total and a part")
        if len(names) != len(set(names)):
            fail("parts", "a label appears in two parts")
        within = entry.get("within", "document")
        if within not in WITHIN:
            fail("within", f"'within' must be one of {', '.join(WITHIN)}, not {within!r}")
        applies = entry.get("applies_to", [])
        applies_to = _strings(applies, "applies_to", fail) if applies != [] else ()
        opt = entry.get("optional", [])
        optional = _strings(opt, "optional", fail) if opt != [] else ()
        firsts = {p.variants[0] for p in parts}
        if set(optional) - firsts:
            bad = sorted(set(optional) - firsts)[0]
            fail("optional", f"optional part {bad!r} is not the first variant of any part")
        for key in ("source", "note"):
            if not isinstance(entry.get(key, ""), str):
                fail(key, f"'{key}' must be a string")
        out.append(
            Identity(
                name=name,
                kind=str(kind),
                total=total,
                parts=tuple(parts),
                source=str(entry.get("source", "")),
                note=str(entry.get("note", "")),
                applies_to=applies_to,
                within=str(within),
                optional=optional,
                pack=pack.name,
                path=str(path),
                line=lines.header(i),
            )
        )
    return out


def load_identities(packs: list[Pack]) -> list[Identity]:
    """Every identity of the packs, in order; a later pack's identity replaces one of the same name
    (so a finance bureau can correct a built-in identity without editing it)."""
    by_name: dict[str, Identity] = {}
    for pack in packs:
        for ident in parse_identities(pack):
            by_name.pop(ident.name, None)
            by_name[ident.name] = ident
    return list(by_name.values())


@dataclass
class IdentitySet:
    identities: list[Identity]
    vocab: Vocabulary  # the default vocabulary plus every pack's [[synonyms]]


_CACHE: dict[int, tuple[Catalog, IdentitySet]] = {}


def identities_for(catalog: Catalog) -> IdentitySet:
    """Identities and synonym-extended vocabulary of a catalogue (validated once per catalogue)."""
    hit = _CACHE.get(id(catalog))
    if hit is not None and hit[0] is catalog:
        return hit[1]
    result = IdentitySet(load_identities(catalog.packs), pack_vocabulary(catalog.packs))
    _CACHE[id(catalog)] = (catalog, result)
    return result


def validate_packs(packs: list[Pack]) -> None:
    """Raise RuleFileError for the first broken [[identity]] or [[synonyms]] entry of any pack."""
    load_identities(packs)
    pack_vocabulary(packs)
    for pack in packs:
        parse_rates(pack)


# -- defined rates: a rate whose definition is known but whose base the report does not name ------

_RATE_KEYS = {"name", "rate", "numerator", "bases", "base_stages", "within", "source", "note"}
STAGES = ("budget", "initial", "adjusted", "final")


@dataclass(frozen=True)
class DefinedRate:
    """结转结余率 = 结转结余 ÷ one of its usual bases × 100 (the report names neither)."""

    name: str
    rate: tuple[str, ...]  # label variants of the rate
    numerator: tuple[str, ...]  # label variants of what it measures
    bases: tuple[tuple[str, ...], ...]  # label variants of each plausible base
    base_stages: tuple[str, ...] = ()  # a budget written with no label but this stage is a base too
    within: str = "paragraph"
    source: str = ""
    note: str = ""


def parse_rates(pack: Pack) -> list[DefinedRate]:
    """The [[defined_rate]] entries of one pack, validated."""
    raw = pack.data.get("defined_rate", [])
    path = pack.path
    if not isinstance(raw, list):
        raise RuleFileError(str(path), "'defined_rate' must be an array of tables ([[defined_rate]])")
    out: list[DefinedRate] = []
    for i, entry in enumerate(raw):

        def fail(key: str | None, message: str, i: int = i) -> NoReturn:
            raise RuleFileError(str(path), f"defined_rate #{i + 1}: {message}")

        if not isinstance(entry, dict):
            fail(None, "is not a table")
        unknown = set(entry) - _RATE_KEYS
        if unknown:
            fail(None, f"unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_RATE_KEYS))}")
        name = entry.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            fail("name", "'name' is required: letters, digits, _ or -")
        for key in ("rate", "numerator"):
            if key not in entry:
                fail(key, f"'{key}' is required")
        typed = cast(_Fail, fail)
        rate = _strings(entry["rate"], "rate", typed)
        numerator = _strings(entry["numerator"], "numerator", typed)
        bases_raw = entry.get("bases", [])
        if not isinstance(bases_raw, list):
            fail("bases", "'bases' must be a list of lists of label variants")
        bases = tuple(_strings(b, f"bases #{n}", typed) for n, b in enumerate(bases_raw, 1))
        stages = entry.get("base_stages", [])
        if not isinstance(stages, list) or any(s not in STAGES for s in stages):
            fail("base_stages", f"'base_stages' must list stages among {', '.join(STAGES)}")
        if not bases and not stages:
            fail("bases", "give 'bases' or 'base_stages'")
        within = entry.get("within", "paragraph")
        if within not in WITHIN:
            fail("within", f"'within' must be one of {', '.join(WITHIN)}, not {within!r}")
        out.append(
            DefinedRate(
                name=name,
                rate=rate,
                numerator=numerator,
                bases=bases,
                base_stages=tuple(stages),
                within=str(within),
                source=str(entry.get("source", "")),
                note=str(entry.get("note", "")),
            )
        )
    return out


def rates_for(catalog: Catalog) -> list[DefinedRate]:
    """Every pack's defined rates; a later pack's rate replaces one of the same name."""
    by_name: dict[str, DefinedRate] = {}
    for pack in catalog.packs:
        for r in parse_rates(pack):
            by_name.pop(r.name, None)
            by_name[r.name] = r
    return list(by_name.values())
