"""The report's title: the line the report year and stage (预算/决算) are read from.

A saved page or a Word file does not start with its title: a site's date bar (今天是2025年12月2日),
menus (2024年度决算公开), a cover (附件2) or a table of contents come first. The title is the first
short line, not a heading or a contents entry, that names a year and a report word; a title broken
after its year ("2024年度XX局" / "整体支出绩效自评报告") is read with the line after it.
"""

from __future__ import annotations

import regex

YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")  # a date (2025年12月2日) is no title
LEADERS = regex.compile(r"…{2}|\.{4}|·{4}|_{4}|-{4}|\s\d{1,3}\s*$")  # a contents entry
NUMBERED = regex.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．.])"
)
MAX_TITLE = 60
MAX_LINES = 60  # a title further down is not the title


def title_line(text: str, words: list[str]) -> str | None:
    """The title (two lines joined when it breaks after its year), or None when no line qualifies."""
    lines = [s.strip() for s in text.split("\n", MAX_LINES + 1)[:MAX_LINES]]
    lines = [s for s in lines if s]
    for i, s in enumerate(lines):
        if not _candidate(s) or not YEAR.search(s):
            continue
        if any(w in s for w in words):
            return s
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and _candidate(nxt) and not YEAR.search(nxt) and any(w in nxt for w in words):
            return s + nxt
    return None


def _candidate(s: str) -> bool:
    return len(s) <= MAX_TITLE and not s.endswith("。") and not LEADERS.search(s) and not NUMBERED.match(s)
