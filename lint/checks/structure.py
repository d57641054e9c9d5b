"""structure: section numbering per level (FL301–FL303), required sections (FL304), report year (FL305).

Numbering is checked among siblings: the headings of one level under one parent heading, in order.
A list that restarts at 1 is a new list. Headings in a table of contents, in table rows, and numbers
written with a bare space after them ("3 个") are left out; items written inside a paragraph
("…；2．…；3．…") count as present when the next line-start item would otherwise look like a gap.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from lint.catalog import Catalog
from lint.checks.base import Context, finding
from lint.model import Document, Finding, Location
from lint.structure.sections import CN, LEVELS, Heading

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
DIGITS = "零一二三四五六七八九"
FULL_DIGITS = "０１２３４５６７８９"

TOC_MARK = regex.compile(r"^\s*目\s*录\s*$|^\s*目\s*次\s*$")
LEADER = regex.compile(r"(?:[…⋯·.．・]\s*){3,}\s*\d*\s*$|(?:[…⋯·.．・]\s*){3,}")
PAGE_END = regex.compile(r"\s\d{1,3}\s*$")
SENTENCE = regex.compile(r"[。；;]")
QUOTES = regex.compile(r"[“”\"'‘’「」『』《》\s]")
DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_PREFIX = regex.compile(r"^(?:报告日期|日期|时间|报告时间|编制日期|填报日期|落款)?[:：]?\s*")
YEAR_IN_HEADING = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年(?:度)?\s*(?:[“\"]?)(?:部门|单位|整体|预算|决算|绩效|收入|支出|收支|“?三公|政府采购|机关运行|财政拨款)"
)
COMPARATIVE = regex.compile(
    r"上年|上一年|去年|以前|以来|历年|同期|相比|对比|比较|[比较与]|至|截至|截止|[—~～\-]|到"
)
FORWARD = regex.compile(r"计划|打算|建议|安排|下一步|改进|展望|规划|目标")
BUDGET_LOOKBACK = regex.compile(r"执行|决算|完成")
GLOSS_PREV = regex.compile(
    r"上(?:一)?年(?:度)?\s*[（(]\s*((?:19|20)\d{2})\s*年?(?:度)?\s*[)）]"
    r"|((?:19|20)\d{2})\s*年(?:度)?\s*[（(]\s*(?:即)?上(?:一)?年(?:度)?\s*[)）]"
)
GLOSS_CUR = regex.compile(
    r"本年(?:度)?\s*[（(]\s*((?:19|20)\d{2})\s*年?(?:度)?\s*[)）]"
    r"|((?:19|20)\d{2})\s*年(?:度)?\s*[（(]\s*(?:即)?本年(?:度)?\s*[)）]"
)
COMPARE_YEAR = regex.compile(
    r"(?:与|同)\s*((?:19|20)\d{2})\s*年(?:度)?[^，,。；;]{0,12}?(?:相比|比较|对比)"
    r"|(?:比|较)\s*((?:19|20)\d{2})\s*年(?:度)?[^，,。；;]{0,12}?(?:增加|减少|增长|下降|持平|上升|降低|减|增|多|少)"
)
PREV_WORDS = regex.compile(r"上年|上年度|上一年|去年")
MONEY = regex.compile(r"[0-9０-９X]\s*(?:万元|亿元|元)|%|％")
DEFINITION = regex.compile(r"^[^：:]{1,30}[：:]\s*\S")
UNNUMBERED_EXCLUDE = regex.compile(r"[0-9０-９。；;，,、]")


# ---------------------------------------------------------------------------------------------
# report types from the rule packs


@dataclass(frozen=True)
class RequiredSection:
    name: str
    level: int
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class ReportType:
    name: str
    detect: tuple[str, ...]
    sections: tuple[RequiredSection, ...]
    min_present: int = 1
    retrospective: bool = True
    previous_year_comparisons: bool = False


def _strs(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str) and v.strip())
    return ()


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
                sections.append(RequiredSection(str(name), level, keywords))
            min_present = entry.get("min_present", 1)
            out.append(
                ReportType(
                    name=entry["name"],
                    detect=_strs(entry.get("detect")),
                    sections=tuple(sections),
                    min_present=min_present if isinstance(min_present, int) else 1,
                    retrospective=bool(entry.get("retrospective", True)),
                    previous_year_comparisons=bool(entry.get("previous_year_comparisons", False)),
                )
            )
    return out


def fold(text: str) -> str:
    """Full-width → half-width, quotes and spaces removed: how headings and keywords are compared."""
    return QUOTES.sub("", unicodedata.normalize("NFKC", text))


def detect_type(text: str, types: list[ReportType], window: int = 300) -> ReportType | None:
    """The type whose title keyword appears earliest in the first `window` characters."""
    head = fold(text[:window])
    best: tuple[int, int, ReportType] | None = None
    for order, rt in enumerate(types):
        for kw in rt.detect:
            i = head.find(fold(kw))
            if i >= 0 and (best is None or (i, order) < best[:2]):
                best = (i, order, rt)
    return best[2] if best else None


# ---------------------------------------------------------------------------------------------
# the document's lines: which are a table of contents, which are table rows


@dataclass
class Layout:
    doc: Document
    lines: list[str]
    starts: list[int]
    toc: set[int] = field(default_factory=set)  # 1-based line numbers inside a table of contents
    table_lines: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, doc: Document) -> Layout:
        lines = doc.text.split("\n")
        starts: list[int] = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        layout = cls(doc, lines, starts)
        for t in doc.tables:
            if t.end > t.start:
                first = doc.line_col(t.start)[0]
                last = doc.line_col(max(t.end - 1, t.start))[0]
                layout.table_lines.update(range(first, last + 1))
        layout.toc = _find_toc(lines)
        return layout

    def body(self, line: int) -> bool:
        return line not in self.toc and line not in self.table_lines


def _toc_key(line: str) -> str:
    s = LEADER.sub("", line)
    s = PAGE_END.sub("", s)
    return fold(s).rstrip("0123456789")


def _heading_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 60 and not SENTENCE.search(s)


def _find_toc(lines: list[str]) -> set[int]:
    """Lines of a table of contents: after a 目录 line, the entries up to the first body heading
    that repeats one of them (or the first line that is not an entry); without a 目录 line, a block
    of short heading lines whose first line is repeated later with nothing but headings in between."""
    toc: set[int] = set()
    for i, line in enumerate(lines):
        if not TOC_MARK.match(line):
            continue
        seen: set[str] = set()
        j = i + 1
        while j < len(lines) and j - i <= 150:
            s = lines[j].strip()
            if s:
                key = _toc_key(s)
                if key in seen:
                    break
                if LEADER.search(s) or PAGE_END.search(s) or _heading_like(s):
                    seen.add(key)
                else:
                    break
            j += 1
        toc.update(range(i + 1, j + 1))  # 1-based: the 目录 line and its entries
    if toc:
        return toc
    # no 目录 line: the first numbered top-level line repeated after a block of short lines
    first: int | None = None
    for i, line in enumerate(lines[:200]):
        s = line.strip()
        if not s:
            continue
        if any(level <= 1 and p.match(s) for level, p in LEVELS):
            first = i
            break
    if first is None:
        return toc
    key = _toc_key(lines[first])
    for j in range(first + 1, min(len(lines), first + 150)):
        s = lines[j].strip()
        if not s:
            continue
        if _toc_key(s) == key:
            if j - first >= 3:
                toc.update(range(first + 1, j + 1))
            break
        if not _heading_like(s):
            break
    return toc


# ---------------------------------------------------------------------------------------------
# numbering


def cn_numeral(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ""
    if tens:
        out = ("" if tens == 1 else DIGITS[tens]) + "十"
    if ones:
        out += DIGITS[ones]
    return out


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


def _inline_pattern(level: int, n: int) -> regex.Pattern[str]:
    cn = cn_numeral(n)
    digits = f"(?:{n}|{str(n).translate(str.maketrans('0123456789', FULL_DIGITS))})"
    if level == 0:
        return regex.compile(rf"第{cn}部分")
    if level == 1:
        return regex.compile(rf"(?<![{CN}]){cn}[、．.]")
    if level == 2:
        return regex.compile(rf"[（(]{cn}[）)]")
    if level == 3:
        return regex.compile(rf"(?<![0-9０-９.．]){digits}[、．.](?![0-9０-９])")
    if level == 4:
        return regex.compile(rf"[（(]{digits}[）)]")
    return regex.compile(marker_for(5, n, ""))


def _listed_inline(text: str, level: int, numbers: range) -> bool:
    """Are the numbers written, in order, inside `text` (items of a list run into a paragraph)?"""
    pos = 0
    for n in numbers:
        m = _inline_pattern(level, n).search(text, pos)
        if not m:
            return False
        pos = m.end()
    return True


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
        if not layout.body(h.line):
            continue
        line = layout.lines[h.line - 1]
        if h.level == 3 and not h.style:  # "3 个": a number wrapped onto a new line, not a heading
            continue
        if "\t" in line:  # a table row the reader did not recognise as a table
            continue
        lead = len(line) - len(line.lstrip())
        out.append(Item(h, h.start + lead))
    return out


def sibling_runs(items: list[Item]) -> list[list[Item]]:
    """Siblings under each parent, split where numbering restarts at 1."""
    stack: list[Item] = []
    groups: dict[tuple[int, int], list[list[Item]]] = {}
    order: list[tuple[int, int]] = []
    for it in items:
        while stack and stack[-1].heading.level >= it.heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        it.parent_start = parent.heading.start if parent else 0
        it.parent = parent.heading if parent else None
        key = (parent.offset if parent else -1, it.heading.level)
        if key not in groups:
            groups[key] = [[]]
            order.append(key)
        runs = groups[key]
        if it.heading.number == 1 and runs[-1]:
            runs.append([])
        runs[-1].append(it)
        stack.append(it)
    return [run for key in order for run in groups[key] if run]


def _loc(doc: Document, it: Item) -> Location:
    return doc.location(it.offset, it.offset + len(it.heading.marker))


def _level_values(level: int) -> dict[str, object]:
    return {"level": LEVEL_ZH[level], "level_en": LEVEL_EN[level]}


def numbering(ctx: Context, items: list[Item], layout: Layout) -> Iterator[Finding]:
    doc = layout.doc
    text = doc.text
    style_found: dict[int, tuple[int, Finding]] = {}
    for run in sibling_runs(items):
        level = run[0].heading.level
        explained: set[int] = set()
        first = run[0].heading
        # A list that starts late under a heading has lost its first items; at the very start of a
        # document it is more often an excerpt or a cover page the reader could not see.
        if (
            first.number > 1
            and run[0].parent is not None
            and not _listed_inline(text[run[0].parent_start : run[0].offset], level, range(1, first.number))
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
                if _listed_inline(
                    text[prev.offset + len(prev.heading.marker) : cur.offset], level, range(p + 1, n)
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
                        hint = f"；第{unnumbered[0]}行“{unnumbered[1]}”与目录中的“{unnumbered[2]}”同名，但没有编号"
                        hint_en = f"; line {unnumbered[0]} “{unnumbered[1]}” matches the contents entry “{unnumbered[2]}” but has no number"
                yield finding(
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
    for ln in sorted(layout.toc):
        s = layout.lines[ln - 1].strip()
        if s.startswith(missing[0]):
            rest = _toc_key(s[len(missing[0]) :])
            if rest:
                entries[rest] = s
    for ln in range(after + 1, before):
        s = layout.lines[ln - 1].strip()
        key = _toc_key(s)
        if not s or not layout.body(ln) or len(key) < 4:
            continue
        # a contents line may have run on into its first sub-entry ("…决算表一、收入支出决算总表")
        entry = entries.get(key) or next((e for k, e in entries.items() if k.startswith(key)), None)
        if entry is not None:
            return ln, s, LEADER.sub("", entry).strip()
    return None


# ---------------------------------------------------------------------------------------------
# required sections


def _heading_texts(headings: list[Heading], layout: Layout) -> list[tuple[int | None, str]]:
    """(level or None for an unnumbered line, folded text) of every heading-like body line."""
    numbered = {h.line: h for h in headings}
    out: list[tuple[int | None, str]] = []
    prev = ""
    for ln, line in enumerate(layout.lines, start=1):
        s = line.strip()
        if not s:
            continue
        before, prev = prev, s
        if not layout.body(ln) or "\t" in line:
            continue
        h = numbered.get(ln)
        if h is not None:
            # a section heading, not a numbered paragraph ("（五）拟订…国有资产管理…。") nor a
            # definition ("十、“三公”经费：指…")
            if not _heading_like(s.rstrip("。.")) or DEFINITION.match(s):
                continue
            out.append((h.level, fold(s)))
        elif (
            len(s) <= 30
            and not UNNUMBERED_EXCLUDE.search(s)
            and not s.endswith("表")
            and (not before or before[-1] in "。；;：:！？!?）)" or _heading_like(before))
        ):
            out.append((None, fold(s)))
    return out


def required_sections(
    ctx: Context, rt: ReportType, headings: list[Heading], layout: Layout
) -> Iterator[Finding]:
    texts = _heading_texts(headings, layout)
    missing: list[RequiredSection] = []
    present = 0
    for sec in rt.sections:
        keys = [fold(k) for k in sec.keywords]
        if any((lv is None or lv <= sec.level) and any(k in t for k in keys) for lv, t in texts):
            present += 1
        else:
            missing.append(sec)
    if present < rt.min_present:
        return
    at = layout.doc.location(0)
    for sec in missing:
        yield finding(
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


# ---------------------------------------------------------------------------------------------
# report year


def _year_finding(
    ctx: Context, at: Location, year: int, where: tuple[str, str], text: str, expected: tuple[str, str]
) -> Finding:
    return finding(
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


def years(
    ctx: Context, year: int, rt: ReportType | None, headings: list[Heading], layout: Layout
) -> Iterator[Finding]:
    doc = layout.doc
    retrospective = rt.retrospective if rt else True
    # 1. headings (levels 0–2) that name another year for the report's own matter
    for h in headings:
        if h.level > 2 or not layout.body(h.line) or h.line <= 1:
            continue
        line = layout.lines[h.line - 1]
        head = SENTENCE.split(line, maxsplit=1)[0]
        m = YEAR_IN_HEADING.search(head)
        if not m or int(m.group(1)) == year:
            continue
        if COMPARATIVE.search(head) or FORWARD.search(head):
            continue
        if not retrospective and BUDGET_LOOKBACK.search(head):
            continue
        start = h.start + m.start(1)
        yield _year_finding(
            ctx,
            doc.location(start, h.start + m.end()),
            year,
            (f"第{h.line}行的标题", f"the heading on line {h.line}"),
            head.strip()[:40],
            (f"{year}年", str(year)),
        )
    # 2. glosses "上年（2022年）" / "本年（2023年）", and comparisons with a year other than 上年
    for ln, line in enumerate(layout.lines, start=1):
        if not layout.body(ln) or ln == 1:
            continue
        base = layout.starts[ln - 1]
        for pattern, want, what in ((GLOSS_PREV, year - 1, "上年"), (GLOSS_CUR, year, "本年")):
            for m in pattern.finditer(line):
                y = int(m.group(1) or m.group(2))
                if y != want:
                    g = 1 if m.group(1) else 2
                    yield _year_finding(
                        ctx,
                        doc.location(base + m.start(g), base + m.end(g)),
                        year,
                        (
                            f"第{ln}行的{what}",
                            f"{'the previous year' if what == '上年' else 'this year'} on line {ln}",
                        ),
                        m.group(0),
                        (f"{what}即{want}年", f"{what} = {want}"),
                    )
        for m in COMPARE_YEAR.finditer(line):
            g = 1 if m.group(1) else 2
            y = int(m.group(g))
            if y == year - 1:
                continue
            sentence_start = max(line.rfind(c, 0, m.start()) for c in "。；;")
            sentence_end = min(
                (i for i in (line.find(c, m.end()) for c in "。；;") if i >= 0), default=len(line)
            )
            sentence = line[sentence_start + 1 : sentence_end]
            mentions_previous = bool(PREV_WORDS.search(sentence))
            # a report that compares every figure with the previous year (决算, 预算): its money
            # comparisons must name 上年; elsewhere only a sentence that itself says 上年 is checked
            templated = bool(
                rt
                and rt.previous_year_comparisons
                and MONEY.search(line[max(0, m.start() - 80) : m.end() + 80])
            )
            if not (templated or mentions_previous):
                continue
            if y == year and not mentions_previous and not retrospective:
                continue
            yield _year_finding(
                ctx,
                doc.location(base + m.start(g), base + m.end(g)),
                year,
                (f"第{ln}行与上年的比较", f"the year-on-year comparison on line {ln}"),
                m.group(0),
                (f"与上年（{year - 1}年）比较", f"a comparison with {year - 1}"),
            )
    # 3. the report date (title block or signature) of a report about a finished year
    if retrospective:
        for ln in _date_lines(layout):
            line = layout.lines[ln - 1].strip()
            m = DATE.fullmatch(DATE_PREFIX.sub("", line, count=1).strip())
            if not m:
                continue
            try:
                date = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if date <= datetime.date(year, 12, 31):
                start = layout.starts[ln - 1] + layout.lines[ln - 1].find(m.group(0))
                yield _year_finding(
                    ctx,
                    doc.location(start, start + len(m.group(0))),
                    year,
                    (f"第{ln}行的报告日期", f"the report date on line {ln}"),
                    m.group(0),
                    (f"{year}年12月31日之后的日期", f"a date after {year}-12-31"),
                )


def _date_lines(layout: Layout) -> list[int]:
    nonempty = [ln for ln, line in enumerate(layout.lines, start=1) if line.strip() and layout.body(ln)]
    return sorted(set(nonempty[:12] + nonempty[-6:]))


# ---------------------------------------------------------------------------------------------


def run(ctx: Context) -> Iterator[Finding]:
    analysis = ctx.analysis
    doc = analysis.document
    if not doc.text.strip():
        return
    layout = Layout.of(doc)
    headings = analysis.headings
    yield from numbering(ctx, usable_headings(headings, layout), layout)
    types = report_types(ctx.catalog)
    rt = detect_type(doc.text, types)
    if rt is not None and rt.sections:
        yield from required_sections(ctx, rt, headings, layout)
    if analysis.year is not None:
        yield from years(ctx, analysis.year, rt, headings, layout)
