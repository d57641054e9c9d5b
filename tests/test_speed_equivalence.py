"""Faster forms of text scans give the answers of the plain forms they replace (issue 10, item 4).

Each test keeps the plain form here as the reference and compares on texts built to reach the edges
(matches at the ends of a window, astral characters, brackets of every kind). The findings of every
fixture are pinned by the goldens; these pin the pieces."""

from __future__ import annotations

import random
import unicodedata

import regex

from lint.checks.identity import ZERO_RADIUS, _Static
from lint.extract.wraps import _width
from lint.structure.hygiene import BRACKETS, HygieneReader
from lint.structure.relations import ETC_BEFORE, ETC_TAILS


def _plain_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def test_width_matches_east_asian_width() -> None:
    samples = [
        "",
        "abc",
        "一般公共预算财政拨款",
        "ＡＢ１２ 全角",
        "𠀀𠀁 astral",
        "½ ① ㊀ \u3000 x",
        "é\u0301",
    ]
    for s in samples:
        assert _width(s) == _plain_width(s), s


def _said_zero_plain(text: str, variants: tuple[str, ...]) -> bool:
    forms = set(variants) | {v.replace("(", "（").replace(")", "）") for v in variants}
    alt = "|".join(regex.escape(v) for v in sorted(forms, key=len, reverse=True))
    pattern = regex.compile(rf"(?:无|没有)(?:发生|安排)?(?:{alt})|(?:{alt})(?:支出)?(?:均)?为(?:零|无)")
    return bool(pattern.search(text))


def _static(text: str) -> _Static:
    s = object.__new__(_Static)
    s.text = text
    s._zero = {}
    s._windows = None
    return s


def test_said_zero_windows_find_what_the_whole_text_finds() -> None:
    rng = random.Random(10)
    words = ["因公出国（境）费", "公务接待费", "会议费", "培训费", "本单位", "。", "，", "\n", "x" * 70]
    stems = ["无", "没有", "没有发生", "无安排", "为零", "支出均为零", "均为无", "为无"]
    variants = [("因公出国(境)费",), ("公务接待费",), ("会议费", "培训费"), ("x" * 60,)]
    for _ in range(400):
        text = "".join(rng.choice(words + stems) for _ in range(rng.randint(0, 30)))
        static = _static(text)
        for v in variants:
            assert static.said_zero(v) == _said_zero_plain(text, v), (text, v)


def test_said_zero_match_at_the_window_edge() -> None:
    pad = "甲" * (ZERO_RADIUS + 5)
    for text in (
        pad + "会议费支出均为零" + pad,
        "会议费支出均为零",
        pad + "没有安排会议费",
        "会议费" + pad + "为零",
    ):
        assert _static(text).said_zero(("会议费",)) == _said_zero_plain(text, ("会议费",)), text


def _etc_plain(text: str, start: int) -> bool:
    return ETC_BEFORE.search(text, max(0, start - 300), start) is not None


def test_etc_tails_never_skip_a_match() -> None:
    rng = random.Random(4)
    pieces = ["甲站", "乙站", "丙站", "、", "等", "共", "共计", "合计", " ", "\u3000", "，", "和"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if _etc_plain(text, len(text)):
            assert text[max(0, len(text) - 300) :].rstrip().endswith(ETC_TAILS), text


def _unclosed_plain(line: str) -> int | None:
    depth: list[int] = []
    for i, ch in enumerate(line.replace("(", "（").replace(")", "）")):
        if ch in BRACKETS:
            depth.append(i)
        elif ch in BRACKETS.values():
            for k in range(len(depth) - 1, -1, -1):
                if BRACKETS[line[depth[k]].replace("(", "（")] == ch:
                    del depth[k:]
                    break
    return depth[0] if depth else None


def test_unclosed_bracket_as_the_character_walk_finds_it() -> None:
    rng = random.Random(7)
    chars = [*"（）()【】《》“”甲乙，", "支出"]
    for _ in range(2000):
        line = "".join(rng.choice(chars) for _ in range(rng.randint(0, 14))) + "。"
        marks = HygieneReader._punctuation(1, 0, line, [])
        got = [m.start for m in marks if m.kind == "bracket"]
        want = _unclosed_plain(line)
        assert got == ([] if want is None else [want]), line
