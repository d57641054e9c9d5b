"""A baseline a bureau can keep: the known findings, each readable (file, rule, page or line, message,
figures) with room for the reviewer's 核实意见 (`note`), `who` recorded it and `when`.

Entries are matched by fingerprint (lint/report/fingerprint.py) over the file's path relative to the
baseline file, so one folder's baseline never silences a same-named file in another folder. Entries
of the files linted that no longer match a finding are *stale* (fixed, or the text changed) and are
reported. Format-1 baselines (a bare list of opaque hashes) are still read and honoured.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lint.errors import UsageError
from lint.model import FileResult, Finding
from lint.report.fingerprint import fingerprints

FORMAT = 2


@dataclass
class Entry:
    fingerprint: str
    path: str  # relative to the baseline file, '/' separators
    rule: str
    name: str = ""
    severity: str = ""
    page: int | None = None
    line: int | None = None
    message: str = ""
    figures: list[str] = field(default_factory=list)
    note: str = ""  # 核实意见: why this finding is accepted (filled in by the reviewer)
    who: str = ""
    when: str = ""


@dataclass
class Baseline:
    entries: list[Entry] = field(default_factory=list)
    legacy: set[str] = field(default_factory=set)  # format 1: opaque hashes, no path or rule


@dataclass
class Applied:
    suppressed: int
    stale: list[Entry]


def relative(path: str, base: Path) -> str:
    """`path` relative to the folder of the baseline file `base`."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve().parent)).as_posix()
    except (OSError, ValueError):
        return Path(path).as_posix()


def legacy_key(path_key: str, f: Finding) -> str:
    """The format-1 key (rule and figures only), kept so old baselines go on working."""
    key = "|".join([path_key, f.rule, *sorted(f"{r}:{x.label}:{x.value}" for r, x in f.figures)])
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def read(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict):
            raise TypeError
        if "entries" not in data:
            return Baseline(legacy={str(x) for x in data["fingerprints"]})
        entries = []
        for raw in data["entries"]:
            known = {k: raw[k] for k in Entry.__dataclass_fields__ if k in raw}
            entry = Entry(**known)
            if not isinstance(entry.fingerprint, str) or not isinstance(entry.path, str):
                raise TypeError
            entries.append(entry)
        return Baseline(entries=entries, legacy={str(x) for x in data.get("fingerprints", [])})
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{path}: not a fiscal-lint baseline file") from None


def apply(
    baseline: Baseline,
    base: Path,
    results: Sequence[FileResult],
    kept: Callable[[FileResult, Finding], bool],
    ran: Callable[[str], bool] = lambda rule: True,
) -> Applied:
    """Drop the known findings from `results`; entries of linted files that match none are stale.
    `kept(r, f)` says whether a finding is shown at all in this run (--min-severity, per-file ignores):
    an entry whose finding is merely hidden is not stale, nor one of a rule that did not run
    (`ran(rule)` false: --select/--ignore)."""
    by_print = {e.fingerprint: e for e in baseline.entries}
    matched: set[str] = set()
    linted: set[str] = set()
    suppressed = 0
    for r in results:
        if r.status != "ok":
            continue
        key = relative(r.path, base)
        linted.add(key)
        prints = fingerprints(r, key)
        keep: list[Finding] = []
        for f in r.findings:
            fp = prints[id(f)]
            if fp in by_print:
                matched.add(fp)
            if fp in by_print or legacy_key(key, f) in baseline.legacy:
                if kept(r, f):
                    suppressed += 1
                continue
            keep.append(f)
        r.findings = keep
    stale = [e for e in baseline.entries if e.path in linted and e.fingerprint not in matched and ran(e.rule)]
    return Applied(suppressed, stale)


def _who() -> str:
    try:
        return os.environ.get("FISCAL_LINT_USER") or getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def write(path: Path, results: Sequence[FileResult]) -> int:
    """Record every finding of `results`; a reviewer's note/who/when on an entry already in the file
    at `path` is kept. Returns the number of entries written."""
    previous: dict[str, Entry] = {}
    if path.exists():
        try:
            previous = {e.fingerprint: e for e in read(path).entries}
        except UsageError:
            previous = {}
    who, when = _who(), _dt.datetime.now(_dt.timezone.utc).date().isoformat()
    entries: list[Entry] = []
    for r in results:
        if r.status != "ok":
            continue
        key = relative(r.path, path)
        prints = fingerprints(r, key)
        for f in sorted(r.findings, key=lambda x: (x.location.offset, x.rule)):
            fp = prints[id(f)]
            old = previous.get(fp)
            loc = f.location
            entries.append(
                Entry(
                    fingerprint=fp,
                    path=key,
                    rule=f.rule,
                    name=f.name,
                    severity=f.severity.label,
                    page=loc.page,
                    line=None if loc.page is not None else loc.line,
                    message=f.message,
                    figures=[fig.text for _, fig in f.figures],
                    note=old.note if old else "",
                    who=old.who if old else who,
                    when=old.when if old else when,
                )
            )
    doc = {
        "tool": "fiscal-lint",
        "format": FORMAT,
        "help": "note: 核实意见 — why each finding is accepted; who/when: who recorded it and when",
        "entries": [asdict(e) for e in entries],
    }
    try:
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
    except OSError as e:
        raise UsageError(f"{path}: cannot write: {e.strerror}") from None
    return len(entries)


def describe(entry: Entry, lang: str) -> str:
    """One line naming a stale entry: file, page or line, rule, message."""
    if entry.page is not None:
        where = f" 第{entry.page}页" if lang == "zh" else f" page {entry.page}"
    elif entry.line is not None:
        where = f":{entry.line}"
    else:
        where = ""
    text = " ".join(entry.message.split())
    return f"{entry.path}{where}: {entry.rule} {text}"
