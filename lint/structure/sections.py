"""Section numbering: 第一部分 → 一、 → （一） → 1． → （1） → ①, read from the start of each line."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lint.extract.numbers import parse_chinese

CN = "一二三四五六七八九十百零〇两"
DIGITS = "零一二三四五六七八九"
FULL_DIGITS = "０１２３４５６７８９"
LEVELS: list[tuple[int, regex.Pattern[str]]] = [
    (0, regex.compile(rf"^\s*第(?P<n>[{CN}\d]+)部分")),
    (1, regex.compile(rf"^\s*(?P<n>[{CN}]+)(?P<d>[、.．])")),
    (2, regex.compile(rf"^\s*(?P<o>[（(])(?P<n>[{CN}]+)(?P<c>[）)])")),
    (3, regex.compile(r"^\s*(?P<n>[0-9０-９]{1,2})(?P<d>[、.．](?![0-9０-９])|\s)")),
    (4, regex.compile(r"^\s*(?P<o>[（(])(?P<n>[0-9０-９]{1,2})(?P<c>[）)])")),
    (5, regex.compile(r"^\s*(?P<n>[①-⑳])")),
]
TO_ASCII = str.maketrans(FULL_DIGITS, "0123456789")
TITLE_STOP = regex.compile(r"[。；;：:，,]")
SENTENCE = regex.compile(r"[。；;]")


@dataclass
class Heading:
    level: int
    number: int
    marker: str  # the numbering as written, e.g. "（一）" or "4."
    style: str  # delimiter/bracket style, e.g. "、", "．", ".", "（）", "()"
    title: str
    line: int
    start: int  # offset of the line


def _number(text: str) -> int | None:
    if len(text) == 1 and "①" <= text <= "⑳":  # before isdigit(): "①".isdigit() is True
        return ord(text) - ord("①") + 1
    text = text.translate(TO_ASCII)
    if text.isascii() and text.isdigit():
        return int(text)
    return parse_chinese(text)


def cn_numeral(n: int) -> str:
    """How n is written in Chinese numbering (1 → 一, 12 → 十二, 21 → 二十一); digits from 100 on."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ""
    if tens:
        out = ("" if tens == 1 else DIGITS[tens]) + "十"
    if ones:
        out += DIGITS[ones]
    return out


def outline(text: str) -> list[Heading]:
    """Every numbered line, in order. A numbered paragraph counts: the sample's （一） is one."""
    out: list[Heading] = []
    offset = 0
    for i, line in enumerate(text.split("\n"), start=1):
        for level, pattern in LEVELS:
            m = pattern.match(line)
            if not m:
                continue
            n = _number(m.group("n"))
            if n is None:
                continue
            groups = m.groupdict()
            style = (groups.get("d") or "") or ((groups.get("o") or "") + (groups.get("c") or ""))
            rest = line[m.end() :].strip()
            stop = TITLE_STOP.search(rest)
            title = rest[: stop.start()] if stop else rest
            out.append(Heading(level, n, m.group(0).strip(), style.strip(), title[:40], i, offset))
            break
        offset += len(line) + 1
    return out


def section_paths(text: str, headings: list[Heading]) -> list[tuple[int, tuple[str, ...]]]:
    """(start offset, path) for each heading, path = titles of the enclosing headings."""
    stack: list[Heading] = []
    out: list[tuple[int, tuple[str, ...]]] = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
        out.append((h.start, tuple(f"{x.marker}{x.title}" for x in stack)))
    return out
