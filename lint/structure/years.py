"""Years and dates the wording names about the report's own matter, with where they are.

The report-year check (FL305) compares them with the report's year; finding them, and what is
around them (a comparison, a plan, an amount nearby), is reading the text, so it happens here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

import regex

from lint.structure.sections import SENTENCE, Heading

DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_PREFIX = regex.compile(r"^(?:报告日期|日期|时间|报告时间|编制日期|填报日期|落款)?[:：]?\s*")
YEAR_IN_HEADING = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年(?:度)?\s*(?:[“\"]?)(?:部门|单位|整体|预算|决算|绩效|收入|支出|收支|“?三公|政府采购|机关运行|财政拨款)"
)
COMPARATIVE = regex.compile(
    r"上年|上一年|去年|以前|以来|历年|同期|相比|对比|比较|[比较与]|至|截至|截止|[—~～\-]|到"
)
FORWARD = regex.compile(r"计划|打算|建议|安排|下一步|改进|展望|规划|目标|草案|预算编制|思路|措施|任务")
BUDGET_LOOKBACK = regex.compile(r"执行|决算|完成|评价|自评|实际")
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
# "比2022年年初预算数46.00万元减少": the year's budget is the plan it is measured against
BUDGET_AFTER = regex.compile(r"\s*年(?:度)?\s*(?:的)?(?:年初|调整后?的?|全年|部门)?预算")
PREV_WORDS = regex.compile(r"上年|上年度|上一年|去年")
YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# "截至2023年12月31日" / "截止到2023年底": the date a stock (assets, vehicles) is stated at
AS_OF = regex.compile(
    r"(?:截至|截止|截止到|截至到)\s*((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|年?底|年?末|12\s*月\s*末|12\s*月\s*底)"
)
ASSET_WORDS = regex.compile(r"国有资产|资产|车辆|公务用车|设备|房屋|土地")
AS_OF_COMPARED = regex.compile(r"比|较|与|同|相比|上年|去年|年初|增加|减少")
MONEY = regex.compile(r"[0-9０-９X]\s*(?:万元|亿元|元)|%|％")

Kind = Literal["heading", "previous", "current", "comparison", "as_of"]
GLOSSES: tuple[tuple[regex.Pattern[str], Kind], ...] = ((GLOSS_PREV, "previous"), (GLOSS_CUR, "current"))


@dataclass(frozen=True)
class YearMention:
    """A year named in a heading (六、2023年度部门整体支出), a gloss (上年（2023年）, 本年（2024年）),
    a comparison (与2023年度相比) or the date a stock is stated at (截至2023年12月31日)."""

    kind: Kind
    year: int
    line: int
    start: int  # the span a finding points at: the year (to 年度… in a heading)
    end: int
    written: str  # the heading up to its first sentence end (40 characters), or the phrase as written
    comparative: bool = False  # heading: compares or spans years (与…相比, 至, 以来)
    forward: bool = False  # heading: a plan (计划, 下一步, 改进)
    lookback: bool = False  # heading: about execution (执行, 决算, 完成)
    says_previous: bool = False  # comparison: its sentence says 上年/去年
    money_near: bool = False  # comparison: an amount or a rate within 80 characters
    subject: int | None = None  # comparison: the year its sentence is about ("2021年决算数…比2020年…")
    budget: bool = False  # comparison: the year names a budget (比2022年年初预算数…), a plan not a year
    assets: bool = False  # as_of: its sentence is about assets, vehicles or equipment
    compared: bool = False  # as_of: a term of a comparison ("比截至2023年底减少1辆")


@dataclass(frozen=True)
class ReportDate:
    """A line of the title block or signature that is nothing but a date (2025年7月16日)."""

    line: int
    date: datetime.date
    start: int
    end: int
    written: str


def heading_years(lines: list[str], headings: list[Heading]) -> dict[int, YearMention]:
    """heading line → the first year its title names for the report's matter."""
    out: dict[int, YearMention] = {}
    for h in headings:
        head = SENTENCE.split(lines[h.line - 1], maxsplit=1)[0]
        m = YEAR_IN_HEADING.search(head)
        if not m:
            continue
        out[h.line] = YearMention(
            "heading",
            int(m.group(1)),
            h.line,
            h.start + m.start(1),
            h.start + m.end(),
            head.strip()[:40],
            comparative=bool(COMPARATIVE.search(head)),
            forward=bool(FORWARD.search(head)),
            lookback=bool(BUDGET_LOOKBACK.search(head)),
        )
    return out


def line_years(lines: list[str], starts: list[int]) -> list[YearMention]:
    """Glosses, comparisons and as-of dates, line by line: 上年 glosses, then 本年 glosses, then
    comparisons, then as-of dates."""
    out: list[YearMention] = []
    for ln, line in enumerate(lines, start=1):
        if "年" not in line:
            continue  # every pattern below reads a year written with 年
        base = starts[ln - 1]
        for pattern, kind in GLOSSES:
            for m in pattern.finditer(line):
                g = 1 if m.group(1) else 2
                out.append(
                    YearMention(kind, int(m.group(g)), ln, base + m.start(g), base + m.end(g), m.group(0))
                )
        for m in COMPARE_YEAR.finditer(line):
            g = 1 if m.group(1) else 2
            sentence_start, sentence_end = _sentence(line, m.start(), m.end())
            year = int(m.group(g))
            named = [int(y) for y in YEAR.findall(line[sentence_start + 1 : m.start()]) if int(y) != year]
            out.append(
                YearMention(
                    "comparison",
                    year,
                    ln,
                    base + m.start(g),
                    base + m.end(g),
                    m.group(0),
                    says_previous=bool(PREV_WORDS.search(line[sentence_start + 1 : sentence_end])),
                    money_near=bool(MONEY.search(line[max(0, m.start() - 80) : m.end() + 80])),
                    subject=named[-1] if named else None,
                    budget=bool(BUDGET_AFTER.match(line, m.end(g))),
                )
            )
        for m in AS_OF.finditer(line):
            sentence_start, sentence_end = _sentence(line, m.start(), m.end())
            out.append(
                YearMention(
                    "as_of",
                    int(m.group(1)),
                    ln,
                    base + m.start(1),
                    base + m.end(),
                    m.group(0),
                    assets=bool(ASSET_WORDS.search(line[sentence_start + 1 : sentence_end])),
                    compared=bool(
                        AS_OF_COMPARED.search(line[max(sentence_start + 1, m.start() - 6) : m.start()])
                    ),
                )
            )
    return out


def _sentence(line: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): offset of the stop before it (-1 at the line start) and of
    the stop after it (the line's length at its end)."""
    before = max(line.rfind(c, 0, start) for c in "。；;")
    after = min((i for i in (line.find(c, end) for c in "。；;") if i >= 0), default=len(line))
    return before, after


def report_dates(lines: list[str], starts: list[int], candidates: list[int]) -> list[ReportDate]:
    """The candidate lines (1-based) that hold only a valid date, perhaps after 日期："""
    out: list[ReportDate] = []
    for ln in candidates:
        line = lines[ln - 1]
        m = DATE.fullmatch(DATE_PREFIX.sub("", line.strip(), count=1).strip())
        if not m:
            continue
        try:
            date = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        start = starts[ln - 1] + line.find(m.group(0))
        out.append(ReportDate(ln, date, start, start + len(m.group(0)), m.group(0)))
    return out
