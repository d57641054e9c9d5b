"""structure: section numbering per level (FL301–FL303), required sections (FL304), report year (FL305).

Numbering is checked among siblings: the headings of one level under one parent heading, in order.
A list that restarts at 1 is a new list; a list that goes on from the last list of its level under the
previous parent (tasks 1.–4. under （一）, 5.–9. under （二）) is one running list. Headings in a table of
contents, table rows (recognised, tabbed, or a label followed by amounts), table notes ("注：1.…" and the
"2.…" after it) and numbers written with a bare space after them ("3 个") are left out, and so is a
two-column table read across (一、五、二、六…); items written inside a paragraph ("…；2．…；3．…") count as
present when the next line-start item would otherwise look like a gap. A gap among the parts (第X部分)
is info: the tables part of a 部门预决算 is often published on its own.

Required sections (FL304) are info unless the title, the template and the year make them certain; the
report year (FL305) is checked only where the wording clearly means 本年.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.catalog import Catalog
from lint.checks.base import Context, finding, line_words
from lint.model import Document, Finding, Location, Severity
from lint.structure.layout import Layout, fold
from lint.structure.sections import FULL_DIGITS, Heading, cn_numeral
from lint.structure.years import YearMention

LEVEL_ZH = (
    "“第X部分”",
    "一级标题（一、）",
    "二级标题（（一））",
    "三级标题（1．）",
    "四级标题（（1））",
    "五级标题（①）",
)
LEVEL_EN = (
    "Part (第X部分)",
    "Level-1 heading (一、)",
    "Level-2 heading (（一）)",
    "Level-3 heading (1．)",
    "Level-4 heading (（1）)",
    "Level-5 heading (①)",
)


# ---------------------------------------------------------------------------------------------
# report types from the rule packs


@dataclass(frozen=True)
class RequiredSection:
    name: str
    level: int
    keywords: tuple[str, ...]
    since: int | None = None  # the report year from which every known template has it (else: info)
    evidence: tuple[str, ...] = ()  # words in the body showing its matter is told without a heading


@dataclass(frozen=True)
class ReportType:
    name: str
    detect: tuple[str, ...]
    sections: tuple[RequiredSection, ...]
    min_present: int = 1
    retrospective: bool = True
    previous_year_comparisons: bool = False
    warn_present: int | None = None  # sections found for a missing one to be a warning (else info)
    assets_as_of: str | None = None  # "year": 国有资产占用 is stated as at the end of the report year
    required_severity: Severity | None = None  # FL304 where the section is certainly required
    year_severity: Severity | None = None  # FL305 where the wording certainly means 本年


def _strs(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str) and v.strip())
    return ()


def _severity(entry: dict[str, object], key: str) -> Severity | None:
    """A severity named in a [[report_type]] table; a misspelt one is ignored (the rule's default)."""
    if key not in entry:
        return None
    try:
        return Severity.parse(str(entry[key]))
    except ValueError:
        return None


def report_types(catalog: Catalog) -> list[ReportType]:
    """Every [[report_type]] of the loaded packs, in pack order; malformed entries are skipped."""
    out: list[ReportType] = []
    for pack in catalog.packs:
        raw = pack.data.get("report_type", [])
        if not isinstance(raw, list):
            continue
        for entry in raw:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                continue
            sections: list[RequiredSection] = []
            for s in entry.get("section", []) if isinstance(entry.get("section"), list) else []:
                if not isinstance(s, dict):
                    continue
                keywords = _strs(s.get("keywords"))
                level = s.get("level", 1)
                if not keywords or not isinstance(level, int):
                    continue
                name = s.get("name") if isinstance(s.get("name"), str) else keywords[0]
                since = s.get("since")
                sections.append(
                    RequiredSection(
                        str(name),
                        level,
                        keywords,
                        since if isinstance(since, int) and not isinstance(since, bool) else None,
                        _strs(s.get("evidence")),
                    )
                )
            min_present = entry.get("min_present", 1)
            warn_present = entry.get("warn_present")
            assets = entry.get("assets_as_of")
            required = _severity(entry, "required_severity")
            out.append(
                ReportType(
                    name=entry["name"],
                    detect=_strs(entry.get("detect")),
                    sections=tuple(sections),
                    min_present=min_present if isinstance(min_present, int) else 1,
                    retrospective=bool(entry.get("retrospective", True)),
                    previous_year_comparisons=bool(entry.get("previous_year_comparisons", False)),
                    warn_present=warn_present if isinstance(warn_present, int) else None,
                    assets_as_of=assets if isinstance(assets, str) else None,
                    required_severity=required,
                    year_severity=_severity(entry, "year_severity"),
                )
            )
    return out


def detect_type(opening: str, types: list[ReportType]) -> ReportType | None:
    """The type whose title keyword appears earliest in the report's folded opening (Layout.opening)."""
    best: tuple[int, int, ReportType] | None = None
    for order, rt in enumerate(types):
        for kw in rt.detect:
            i = opening.find(fold(kw))
            if i >= 0 and (best is None or (i, order) < best[:2]):
                best = (i, order, rt)
    return best[2] if best else None


# ---------------------------------------------------------------------------------------------
# numbering


def marker_for(level: int, n: int, like: str) -> str:
    """How number n is written at this level, in the style of the marker `like`."""
    if level == 0:
        return f"第{cn_numeral(n)}部分"
    if level == 1:
        return cn_numeral(n) + (like[-1] if like else "、")
    if level == 2:
        return f"{like[:1] or '（'}{cn_numeral(n)}{like[-1:] or '）'}"
    if level == 5:
        return chr(ord("①") + n - 1) if 1 <= n <= 20 else str(n)
    digits = str(n)
    if any(c in FULL_DIGITS for c in like):
        digits = digits.translate(str.maketrans("0123456789", FULL_DIGITS))
    if level == 3:
        return digits + (like[-1] if like else "．")
    return f"{like[:1] or '（'}{digits}{like[-1:] or '）'}"


def _style_key(h: Heading) -> tuple[str, bool]:
    return (h.style, any(c in FULL_DIGITS for c in h.marker))


@dataclass
class Item:
    heading: Heading
    offset: int  # offset of the marker's first character
    parent_start: int = 0  # offset where the parent heading's line starts (0 at top level)
    parent: Heading | None = None


def usable_headings(headings: list[Heading], layout: Layout) -> list[Item]:
    out: list[Item] = []
    for h in headings:
        line = layout.line(h.line)
        if not line.body:
            continue
        if h.level == 3 and not h.style:  # "3 个": a number wrapped onto a new line, not a heading
            continue
        if line.tabbed or line.row:  # a table row the reader did not recognise as a table
            continue
        if line.note:  # "2.本表…" after "注：1.本表…": a footnote of a table
            continue
        out.append(Item(h, h.start + line.indent))
    return out


EXCERPT = regex.compile(r"节选|节录|摘录|摘要")
AMOUNT_ONLY = regex.compile(r"[-−]?[0-9０-９][0-9０-９,，.．\s]*(?:%|％|万元|元)?")
RUNNING_SLACK = 3  # a list numbered across its parents may skip at most this many numbers at a parent


def sibling_runs(items: list[Item]) -> list[list[Item]]:
    """Siblings under each parent, split where numbering restarts at 1.

    A list numbered straight through its parent headings (tasks 1.–4. under （一）, 5.–9. under
    （二）…) is one running list: the items under a new parent that go on from the last list of their
    level join it, rather than being read as a list that lost its first items."""
    stack: list[Item] = []
    groups: dict[tuple[int, int], list[list[Item]]] = {}
    order: list[tuple[int, int]] = []
    last_run: dict[int, list[Item]] = {}  # level → the run an item of that level last joined
    for it in items:
        while stack and stack[-1].heading.level >= it.heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        it.parent_start = parent.heading.start if parent else 0
        it.parent = parent.heading if parent else None
        level = it.heading.level
        key = (parent.offset if parent else -1, level)
        if key not in groups:
            before = last_run.get(level)
            n = it.heading.number
            if (
                parent is not None
                and n > 1
                and before is not None
                and before[-1].parent is not it.parent
                and before[-1].heading.number < n <= before[-1].heading.number + 1 + RUNNING_SLACK
            ):
                groups[key] = [before]  # the running list goes on under this parent
            else:
                groups[key] = [[]]
            order.append(key)
        runs = groups[key]
        if it.heading.number == 1 and runs[-1]:
            runs.append([])
        runs[-1].append(it)
        last_run[level] = runs[-1]
        stack.append(it)
    out: list[list[Item]] = []
    seen: set[int] = set()
    for key in order:
        for run in groups[key]:
            if run and id(run) not in seen:
                seen.add(id(run))
                out.append(run)
    return out


def read_across(run: list[Item], layout: Layout) -> bool:
    """The cells of a table of two or three columns read row by row (一、五、二、六、三、七、…):
    items on adjacent lines, with no paragraph between them, whose numbers split by position into
    columns that each count up by one and together cover one unbroken range."""
    if len(run) < 4:
        return False
    numbers = [it.heading.number for it in run]
    if all(b == a + 1 for a, b in itertools.pairwise(numbers)):
        return False
    for a, b in itertools.pairwise(run):
        # nothing between two cells but blank lines or a cell's amount
        if any(
            ln.content and not AMOUNT_ONLY.fullmatch(ln.content)
            for ln in (layout.line(k) for k in range(a.heading.line + 1, b.heading.line))
        ):
            return False
    if sorted(numbers) != list(range(min(numbers), min(numbers) + len(numbers))):
        return False
    for columns in (2, 3):
        cols = [numbers[k::columns] for k in range(columns)]
        if all(c and all(y == x + 1 for x, y in itertools.pairwise(c)) for c in cols):
            return True
    return False


def _loc(doc: Document, it: Item) -> Location:
    return doc.location(it.offset, it.offset + len(it.heading.marker))


def _level_values(level: int) -> dict[str, object]:
    return {"level": LEVEL_ZH[level], "level_en": LEVEL_EN[level]}


def out_of_order(runs: list[list[Item]]) -> tuple[list[tuple[Item, int]], set[int]]:
    """Siblings numbered in the wrong order: the runs of one level under one parent that together
    hold each of 1…N exactly once, but not in order (2、 before 1、; 10、 before 9、; 二、 before 一、).
    Read as gaps and restarts they would give two misleading findings; read as one list they give
    one — at the first item out of place, with the number it should have. Returns those items and
    the ids of the runs they explain."""
    found: list[tuple[Item, int]] = []
    explained: set[int] = set()
    i = 0
    while i < len(runs):
        j = i + 1
        key = (id(runs[i][0].parent), runs[i][0].parent_start, runs[i][0].heading.level)
        while (
            j < len(runs)
            and (id(runs[j][0].parent), runs[j][0].parent_start, runs[j][0].heading.level) == key
        ):
            j += 1
        group = [it for run in runs[i:j] for it in run]
        numbers = [it.heading.number for it in group]
        if (
            len(numbers) >= 2
            and sorted(numbers) == list(range(1, len(numbers) + 1))
            and numbers != sorted(numbers)
        ):
            k = next(k for k, n in enumerate(numbers) if n != k + 1)
            found.append((group[k], k + 1))
            explained.update(id(run) for run in runs[i:j])
        i = j
    return found, explained


def numbering(ctx: Context, doc: Document, items: list[Item], layout: Layout) -> Iterator[Finding]:
    style_found: dict[int, tuple[int, Finding]] = {}
    runs = sibling_runs(items)
    disordered, explained_runs = out_of_order([r for r in runs if not read_across(r, layout)])
    for it, want in disordered:
        level = it.heading.level
        in_order = marker_for(level, want, it.heading.marker)
        yield finding(
            ctx,
            "FL307",
            _loc(doc, it),
            [],
            {**_level_values(level), "marker": it.heading.marker, "position": want, "expected": in_order},
            expected=in_order,
            actual=it.heading.marker,
        )
    for run in runs:
        level = run[0].heading.level
        if read_across(run, layout) or id(run) in explained_runs:
            continue
        explained: set[int] = set()
        first = run[0].heading
        # A list that starts late under a heading has lost its first items; at the very start of a
        # document it is more often an excerpt or a cover page the reader could not see.
        if (
            first.number > 1
            and run[0].parent is not None
            and not layout.inline.listed(level, run[0].parent_start, run[0].offset, range(1, first.number))
        ):
            missing = [marker_for(level, k, first.marker) for k in range(1, first.number)]
            parent = run[0].parent
            parent_zh = f"{parent.marker}{parent.title[:12]}" if parent else "文首"
            parent_en = f"{parent.marker}{parent.title[:12]}" if parent else "the start of the document"
            yield finding(
                ctx,
                "FL301",
                _loc(doc, run[0]),
                [],
                {
                    **_level_values(level),
                    "prev": parent_zh,
                    "prev_en": parent_en,
                    "marker": first.marker,
                    "missing": "、".join(missing[:5]),
                    "missing_en": ", ".join(missing[:5]),
                    "hint": "",
                    "hint_en": "",
                },
                expected=marker_for(level, 1, first.marker),
                actual=first.marker,
            )
        for i in range(1, len(run)):
            prev, cur = run[i - 1], run[i]
            p, n = prev.heading.number, cur.heading.number
            nxt = run[i + 1].heading.number if i + 1 < len(run) else None
            if i in explained or n == p + 1:
                continue
            if n == p:
                hint, hint_en, expected = "", "", None
                if nxt == p + 2:
                    expected = marker_for(level, p + 1, cur.heading.marker)
                    hint = f"；下一项是“{run[i + 1].heading.marker}”，此处可能应为“{expected}”"
                    hint_en = f"; the next item is “{run[i + 1].heading.marker}”, so this one is probably “{expected}”"
                    explained.add(i + 1)
                yield finding(
                    ctx,
                    "FL302",
                    _loc(doc, cur),
                    [],
                    {
                        **_level_values(level),
                        "marker": cur.heading.marker,
                        "prev": prev.heading.marker,
                        "prev_line": prev.heading.line,
                        "hint": hint,
                        "hint_en": hint_en,
                    },
                    expected=expected,
                    actual=cur.heading.marker,
                )
            elif n > p + 1:
                if layout.inline.listed(
                    level, prev.offset + len(prev.heading.marker), cur.offset, range(p + 1, n)
                ):
                    continue
                missing = [marker_for(level, k, prev.heading.marker) for k in range(p + 1, n)]
                hint, hint_en = "", ""
                code = "FL301"
                expected = marker_for(level, p + 1, cur.heading.marker)
                if nxt == n and n == p + 2:
                    hint = f"；下一项同为“{run[i + 1].heading.marker}”，此处可能应为“{expected}”"
                    hint_en = f"; the next item is also “{run[i + 1].heading.marker}”, so this one is probably “{expected}”"
                    explained.add(i + 1)
                else:
                    unnumbered = _unnumbered_heading(layout, prev.heading.line, cur.heading.line, missing)
                    if unnumbered is not None:
                        # the section is there, only its number is not: a typesetting slip (info)
                        code = "FL306"
                        hint = f"；{line_words(doc, unnumbered[0])[0]}“{unnumbered[1]}”与目录中的“{unnumbered[2]}”同名，但没有编号"
                        hint_en = f"; {line_words(doc, unnumbered[0])[1]} “{unnumbered[1]}” matches the contents entry “{unnumbered[2]}” but has no number"
                    elif level == 0:
                        # a part the body does not print: the 第二部分 of a 部门预决算 is its set
                        # of tables, often published on its own — a reviewer would not call it missing
                        hint = "；该部分未在正文中印出（部门预决算的公开表常单独发布），仅作提示"
                        hint_en = "; the body does not print that part (the tables of a 部门预决算 are often published separately) — for information"
                f = finding(
                    ctx,
                    code,
                    _loc(doc, cur),
                    [],
                    {
                        **_level_values(level),
                        "prev": prev.heading.marker,
                        "prev_en": prev.heading.marker,
                        "marker": cur.heading.marker,
                        "missing": "、".join(f"“{m}”" for m in missing[:5]),
                        "missing_en": ", ".join(f"“{m}”" for m in missing[:5]),
                        "hint": hint,
                        "hint_en": hint_en,
                    },
                    expected=expected,
                    actual=cur.heading.marker,
                )
                if level == 0:
                    f.severity = Severity.INFO
                yield f
            elif n < p and n != 1 and level <= 2:
                earlier = next(x for x in run[:i] if x.heading.number >= n)
                yield finding(
                    ctx,
                    "FL302",
                    _loc(doc, cur),
                    [],
                    {
                        **_level_values(level),
                        "marker": cur.heading.marker,
                        "prev": earlier.heading.marker,
                        "prev_line": earlier.heading.line,
                        "hint": f"（上一项为“{prev.heading.marker}”）",
                        "hint_en": f" (the previous item is “{prev.heading.marker}”)",
                    },
                    actual=cur.heading.marker,
                )
        # style: the first item whose delimiter/width differs from the list's first item
        ref = _style_key(run[0].heading)
        for it in run[1:]:
            if _style_key(it.heading) != ref and (
                level not in style_found or it.offset < style_found[level][0]
            ):
                f = finding(
                    ctx,
                    "FL303",
                    _loc(doc, it),
                    [],
                    {
                        **_level_values(level),
                        "marker": it.heading.marker,
                        "first": run[0].heading.marker,
                        "first_line": run[0].heading.line,
                        "line": it.heading.line,
                    },
                    expected=marker_for(level, it.heading.number, run[0].heading.marker),
                    actual=it.heading.marker,
                )
                style_found[level] = (it.offset, f)
                break
    for _, f in sorted(style_found.values(), key=lambda x: x[0]):
        yield f


def _unnumbered_heading(
    layout: Layout, after: int, before: int, missing: list[str]
) -> tuple[int, str, str] | None:
    """A line between two headings that repeats a contents entry of the missing number without it:
    the part heading whose 第二部分 was lost ("上海市XX局2024年度部门决算表")."""
    if len(missing) != 1 or not layout.toc:
        return None
    entries: dict[str, str] = {}
    for e in layout.toc:
        rest = e.titles.get(missing[0])
        if rest:
            entries[rest] = e.shown
    for ln in range(after + 1, before):
        line = layout.line(ln)
        if not line.content or not line.body or len(line.key) < 4:
            continue
        # a contents line may have run on into its first sub-entry ("…决算表一、收入支出决算总表")
        key = line.key
        entry = entries.get(key) or next((e for k, e in entries.items() if k.startswith(key)), None)
        if entry is not None:
            return ln, line.content, entry
    return None


# ---------------------------------------------------------------------------------------------
# required sections


def keys_of(sec: RequiredSection) -> list[str]:
    return [fold(k) for k in sec.keywords]


def required_sections(
    ctx: Context, doc: Document, rt: ReportType, layout: Layout, year: int | None
) -> Iterator[Finding]:
    """A required section the body has neither as a heading nor in its prose. A warning only when
    the report itself promises it: its table of contents lists the section, the title names the
    report type, the document follows the template closely (warn_present of its sections found) and
    the report year is not before the section's `since`; otherwise info — templates differ by
    province and year, so a template's list alone never makes a section certain."""
    texts = [(t.level, t.folded) for t in layout.titles]
    missing: list[RequiredSection] = []
    present = 0
    for sec in rt.sections:
        keys = [fold(k) for k in sec.keywords]
        if any((lv is None or lv <= sec.level) and any(k in t for k in keys) for lv, t in texts):
            present += 1
        else:
            missing.append(sec)
    if present < rt.min_present or EXCERPT.search(layout.title):
        return  # not this template, or an excerpt ("（节选）") that leaves sections out by design
    titled = any(fold(k) in layout.title for k in rt.detect)
    close = present >= (rt.warn_present if rt.warn_present is not None else len(rt.sections))
    at = doc.location(0)
    for sec in missing:
        if any(fold(w) in layout.prose for w in sec.evidence):
            continue  # told in the prose (under 其他重要事项 …) without a heading of its own
        # templates differ by province and year, so the template alone is never certain; the
        # report's own contents promising the section is (issue 7, class 5)
        promised = any(any(k in fold(e.shown) for k in keys_of(sec)) for e in layout.toc)
        certain = promised and titled and close and (sec.since is None or year is None or year >= sec.since)
        f = finding(
            ctx,
            "FL304",
            at,
            [],
            {
                "report_type": rt.name,
                "section": sec.name,
                "alternatives": "、".join(f"“{k}”" for k in sec.keywords),
            },
            expected=sec.name,
        )
        if certain and rt.required_severity is not None:
            f.severity = rt.required_severity
        yield f


# ---------------------------------------------------------------------------------------------
# report year


def _year_finding(
    ctx: Context,
    at: Location,
    year: int,
    where: tuple[str, str],
    text: str,
    expected: tuple[str, str],
    certain: Severity | None = None,
) -> Finding:
    """One FL305 finding; `certain` is the report type's year_severity where the place can only mean
    本年 (a heading of the report's own matter, a gloss, the 决算's asset date), else None."""
    f = finding(
        ctx,
        "FL305",
        at,
        [],
        {
            "year": year,
            "previous": year - 1,
            "where": where[0],
            "where_en": where[1],
            "text": text,
            "expected": expected[0],
            "expected_en": expected[1],
        },
        expected=expected[0],
        actual=text,
    )
    if certain is not None:
        f.severity = certain
    return f


def years(
    ctx: Context, doc: Document, year: int, rt: ReportType | None, headings: list[Heading], layout: Layout
) -> Iterator[Finding]:
    retrospective = rt.retrospective if rt else True
    # where the wording can only mean 本年, the report type may say the finding is certain (决算: error);
    # a comparison or a report date keeps the rule's default, since another base or a slip of the
    # date are plausible readings
    certain = rt.year_severity if rt else None
    # 1. headings (levels 0–2) that name another year for the report's own matter
    for h in headings:
        if h.level > 2 or not layout.line(h.line).body or h.line <= 1:
            continue
        m = layout.heading_years.get(h.line)
        if m is None or m.year == year:
            continue
        # a plan names a later year; in a 预算 a plan heading naming an earlier year is last year's
        # budget left in ("二、2024年度部门预算编制说明" in a 2025 预算), unless it is about execution
        stale_plan = not retrospective and m.year < year and not m.lookback
        if m.comparative or (m.forward and not stale_plan):
            continue
        if not retrospective and m.lookback:
            continue
        yield _year_finding(
            ctx,
            doc.location(m.start, m.end),
            year,
            (f"{line_words(doc, h.line)[0]}的标题", f"the heading on {line_words(doc, h.line)[1]}"),
            m.written,
            (f"{year}年", str(year)),
            certain if h.level <= 1 else None,
        )
    # 1b. unnumbered title lines of the body ("2023年度部门决算情况说明" standing alone)
    for line_no, m in sorted(layout.title_years.items()):
        if m.year == year or m.comparative or m.forward or (not retrospective and m.lookback):
            continue
        yield _year_finding(
            ctx,
            doc.location(m.start, m.end),
            year,
            (f"{line_words(doc, line_no)[0]}的标题", f"the heading on {line_words(doc, line_no)[1]}"),
            m.written,
            (f"{year}年", str(year)),
            certain,
        )
    # 2. glosses "上年（2022年）" / "本年（2023年）", comparisons with a year other than 上年, and
    # the date the assets of a 决算 are stated at
    for m in layout.years:
        if not layout.line(m.line).body or m.line == 1:
            continue
        if m.kind == "comparison":
            yield from _comparison(
                ctx, doc, year, rt, retrospective, m, _heading_year(headings, layout, m.line)
            )
            continue
        if m.kind == "as_of":
            yield from _as_of(ctx, doc, year, rt, m, _enclosing(headings, layout, m.line), certain)
            continue
        want, what = (year - 1, "上年") if m.kind == "previous" else (year, "本年")
        if m.year != want:
            yield _year_finding(
                ctx,
                doc.location(m.start, m.end),
                year,
                (
                    f"{line_words(doc, m.line)[0]}的{what}",
                    f"{'the previous year' if what == '上年' else 'this year'} on {line_words(doc, m.line)[1]}",
                ),
                m.written,
                (f"{what}即{want}年", f"{what} = {want}"),
                certain,
            )
    # 3. the report date (title block or signature) of a report about a finished year
    if retrospective:
        for d in layout.dates:
            if d.date <= datetime.date(year, 12, 31):
                yield _year_finding(
                    ctx,
                    doc.location(d.start, d.end),
                    year,
                    (
                        f"{line_words(doc, d.line)[0]}的报告日期",
                        f"the report date on {line_words(doc, d.line)[1]}",
                    ),
                    d.written,
                    (f"{year}年12月31日之后的日期", f"a date after {year}-12-31"),
                )


def _enclosing(headings: list[Heading], layout: Layout, line: int) -> list[Heading]:
    """The body headings (levels 0–2) that enclose `line`, outermost first."""
    stack: list[Heading] = []
    for h in headings:
        if h.line > line:
            break
        if h.level > 2 or not layout.line(h.line).body:
            continue
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
    return stack


def _heading_year(headings: list[Heading], layout: Layout, line: int) -> int | None:
    """The year the innermost enclosing heading names ("（二）2021年“三公”经费决算情况"), if any."""
    for h in reversed(_enclosing(headings, layout, line)):
        m = layout.heading_years.get(h.line)
        if m is not None:
            return m.year
    return None


def _comparison(
    ctx: Context,
    doc: Document,
    year: int,
    rt: ReportType | None,
    retrospective: bool,
    m: YearMention,
    heading_year: int | None,
) -> Iterator[Finding]:
    if m.year == year - 1 or (m.year == year and m.budget):
        return
    # a sentence or section about another year compares with that year's previous year: in a 2022
    # 预算, "2021年“三公”经费决算数…比2020年减少…" under "（二）2021年“三公”经费决算情况"
    if any(y is not None and y != year and m.year == y - 1 for y in (m.subject, heading_year)):
        return
    # a report that compares every figure with the previous year (决算, 预算): its money
    # comparisons must name 上年; elsewhere only a sentence that itself says 上年 is checked
    templated = bool(rt and rt.previous_year_comparisons and m.money_near)
    if not (templated or m.says_previous):
        return
    if m.year == year and not m.says_previous and not retrospective:
        return
    yield _year_finding(
        ctx,
        doc.location(m.start, m.end),
        year,
        (
            f"{line_words(doc, m.line)[0]}与上年的比较",
            f"the year-on-year comparison on {line_words(doc, m.line)[1]}",
        ),
        m.written,
        (f"与上年（{year - 1}年）比较", f"a comparison with {year - 1}"),
    )


def _as_of(
    ctx: Context,
    doc: Document,
    year: int,
    rt: ReportType | None,
    m: YearMention,
    enclosing: list[Heading],
    certain: Severity | None,
) -> Iterator[Finding]:
    """A 决算 states its assets at the end of the report year: "截至2023年12月31日，共有车辆5辆" in a
    2024 决算 is last year's date left in. A 预算 states them at the end of the previous year, a
    later date is a plan, and a date in a comparison ("比截至2023年底减少1辆") is the other term."""
    if rt is None or rt.assets_as_of != "year" or m.year >= year or m.compared:
        return
    if not (m.assets or any("资产" in h.title for h in enclosing)):
        return
    yield _year_finding(
        ctx,
        doc.location(m.start, m.end),
        year,
        (
            f"{line_words(doc, m.line)[0]}资产数的截止日期",
            f"the date the assets are stated at on {line_words(doc, m.line)[1]}",
        ),
        m.written,
        (f"截至{year}年12月31日", f"as at {year}-12-31"),
        certain,
    )


# ---------------------------------------------------------------------------------------------


def run(ctx: Context) -> Iterator[Finding]:
    analysis = ctx.analysis
    doc = analysis.document
    layout = analysis.layout
    if layout.blank:
        return
    headings = analysis.headings
    yield from numbering(ctx, doc, usable_headings(headings, layout), layout)
    types = report_types(ctx.catalog)
    rt = detect_type(layout.opening, types)
    if rt is not None and rt.sections:
        yield from required_sections(ctx, doc, rt, layout, analysis.year)
    if analysis.year is not None:
        yield from years(ctx, doc, analysis.year, rt, headings, layout)
