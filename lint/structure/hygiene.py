"""Hygiene marks: what a hurried draft leaves in its text (issue 8).

Unfilled placeholders ("XXX万元", "上海市XX局"), template wording ("增加（减少）", "（如持平作持平表述）"),
doubled stops and unclosed brackets, and 政府收支分类科目 names the classification no longer has. The
words come from the rule packs (rules/hygiene.toml, through the vocabulary); finding them is reading
the text, so it happens here, and the text checks only judge the marks. Contents and table lines are
left out (a table's "—" is an empty cell, a contents line is checked against the headings elsewhere),
except for category names, which live mostly in the 科目名称 column of the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lint.structure.layout import Layout
from lint.vocab import Vocabulary

MAX_SHOWN = 5  # occurrences of one line named in a message
LONG_RUN = 4  # "XXXXXXXX": a sentence left to write, never a name
STOPS = "。，；、："
# two stops in a row ("。。", "，。"); an ellipsis (……) or a dash is no stop
DOUBLED = regex.compile(rf"[{STOPS}][ \t　]*[{STOPS}]")
BRACKETS = {"（": "）", "(": ")", "【": "】", "《": "》", "“": "”"}
# an opening bracket closed on the line is fine; one still open when its paragraph has ended is not
OPENERS = regex.compile(r"[（(【《“]")
BRACKET_CHAR = regex.compile(r"[（【《“）】》”]")  # every bracket of BRACKETS once ( ) read as （ ）


@dataclass(frozen=True)
class Mark:
    """One line's worth of one kind of leftover: the first occurrence (where it is reported) and
    every occurrence on the line, as written."""

    kind: str  # placeholder | placeholder_name | template | punctuation | bracket | retired | toc_unmatched | cut_heading
    line: int
    start: int
    end: int
    text: str
    others: tuple[str, ...] = ()  # the further occurrences on the same line
    detail: str = ""  # template: alternative | instruction
    retired: int = 0  # retired: the year the name left the classification
    current: str = ""  # retired: its name from then on


def _literal(text: str) -> str:
    """A pattern for a template phrase as written, with brackets of either width and spaces between
    characters allowed (PDF text often has them)."""
    parts: list[str] = []
    for ch in text:
        if ch.isspace():
            continue
        if ch in "（(":
            parts.append(r"[（(]")
        elif ch in "）)":
            parts.append(r"[）)]")
        elif ch in "：:":
            parts.append(r"[：:]")
        else:
            parts.append(regex.escape(ch))
    return r"[ \t　]*".join(parts)


class HygieneReader:
    """Compiled once per vocabulary: the patterns of its placeholders, phrases and category names."""

    def __init__(self, vocab: Vocabulary) -> None:
        chars = regex.escape(vocab.placeholder_chars) if vocab.placeholder_chars else ""
        units = "|".join(regex.escape(u) for u in sorted(vocab.units, key=len, reverse=True))
        amounts = "|".join(
            regex.escape(u)
            for u, (dim, _) in sorted(vocab.units.items(), key=lambda x: -len(x[0]))
            if dim in ("money", "percent")
        )
        single = (
            rf"|[{regex.escape(vocab.placeholder_single)}](?=\s?(?:{amounts}))"
            if vocab.placeholder_single and amounts
            else ""
        )
        self.placeholder = (
            regex.compile(rf"(?<![A-Za-z0-9])(?:[{chars}]{{2,}}{single})(?![A-Za-z0-9])") if chars else None
        )
        # the unit written after a placeholder belongs to it ("XXX万元", "XX%")
        self.unit_after = regex.compile(rf"\s?(?:万|亿)?(?:{units})") if units else None
        phrases = vocab.template_phrases
        self.kinds = {
            regex.sub(r"\s", "", t).replace("(", "（").replace(")", "）").replace(":", "："): k
            for t, k in phrases
        }
        self.phrase = (
            regex.compile(
                "|".join(f"(?:{_literal(t)})" for t, _ in sorted(phrases, key=lambda p: -len(p[0])))
            )
            if phrases
            else None
        )
        self.retired = {c.name: c for c in vocab.retired_categories}
        self.category = (
            regex.compile("|".join(regex.escape(n) for n in sorted(self.retired, key=len, reverse=True)))
            if self.retired
            else None
        )

    def read(self, text: str, layout: Layout) -> list[Mark]:
        marks: list[Mark] = []
        seen_names: set[str] = set()
        for ln in layout.lines:
            if not ln.content or ln.toc:
                continue
            line = text[ln.start : ln.start + ln.indent + len(ln.content)]
            if self.category is not None:
                for m in self.category.finditer(line):
                    if m.group(0) in seen_names:
                        continue
                    seen_names.add(m.group(0))
                    c = self.retired[m.group(0)]
                    s = ln.start + m.start()
                    marks.append(
                        Mark("retired", ln.number, s, s + len(c.name), c.name, (), "", c.retired, c.current)
                    )
            if not ln.body or ln.tabbed:
                continue
            taken: list[tuple[int, int]] = []
            marks += self._placeholders(ln.number, ln.start, line, taken)
            marks += self._phrases(ln.number, ln.start, line, taken)
            marks += self._punctuation(ln.number, ln.start, line, taken)
        marks.sort(key=lambda m: m.start)
        return marks

    def _placeholders(self, number: int, base: int, line: str, taken: list[tuple[int, int]]) -> list[Mark]:
        """Placeholders where a figure or a sentence belongs ("XXX万元", "XX%", "主要原因：XXXXXXXX") are
        one mark; short runs in a name ("上海市XX局", "×××同志") another, since a name may have been
        left out on purpose (an anonymised sample)."""
        if self.placeholder is None:
            return []
        found: dict[str, list[tuple[int, int]]] = {"placeholder": [], "placeholder_name": []}
        for m in self.placeholder.finditer(line):
            end = m.end()
            if self.unit_after is not None and (u := self.unit_after.match(line, end)) is not None:
                end = u.end()
            kind = "placeholder" if end > m.end() or len(m.group(0)) >= LONG_RUN else "placeholder_name"
            found[kind].append((m.start(), end))
        out: list[Mark] = []
        for kind, spans in found.items():
            if not spans:
                continue
            taken.extend(spans)
            (s, e), rest = spans[0], spans[1:]
            out.append(Mark(kind, number, base + s, base + e, line[s:e], tuple(line[a:b] for a, b in rest)))
        return out

    def _phrases(self, number: int, base: int, line: str, taken: list[tuple[int, int]]) -> list[Mark]:
        """Template wording of the line: either/or choices and blanks in one mark (the first one's
        kind), instructions to the author in another."""
        if self.phrase is None:
            return []
        groups: dict[bool, list[tuple[int, int, str]]] = {False: [], True: []}
        for m in self.phrase.finditer(line):
            folded = regex.sub(r"\s", "", m.group(0)).replace("(", "（").replace(")", "）").replace(":", "：")
            kind = self.kinds.get(folded) or self.kinds.get(regex.sub(r"\s", "", m.group(0)), "instruction")
            groups[kind == "instruction"].append((m.start(), m.end(), kind))
            taken.append((m.start(), m.end()))
        out: list[Mark] = []
        for spans in groups.values():
            if spans:
                (s, e, kind), rest = spans[0], spans[1:]
                others = tuple(line[a:b] for a, b, _ in rest)
                out.append(Mark("template", number, base + s, base + e, line[s:e], others, kind))
        return out

    @staticmethod
    def _punctuation(number: int, base: int, line: str, taken: list[tuple[int, int]]) -> list[Mark]:
        out: list[Mark] = []
        doubled = [
            (m.start(), m.end())
            for m in DOUBLED.finditer(line)
            if not any(a <= m.start() < b or a < m.end() <= b for a, b in taken)
        ]
        if doubled:
            (s, e), rest = doubled[0], doubled[1:]
            out.append(
                Mark("punctuation", number, base + s, base + e, line[s:e], tuple(line[a:b] for a, b in rest))
            )
        # an opening bracket never closed, on a line that ends its paragraph with a full stop
        if line.rstrip().endswith("。"):
            depth: list[int] = []
            # only the brackets move the depth: visit them alone, not every character of the line
            for b in BRACKET_CHAR.finditer(line.replace("(", "（").replace(")", "）")):
                i, ch = b.start(), b.group()
                if ch in BRACKETS:
                    depth.append(i)
                elif ch in BRACKETS.values():
                    for k in range(len(depth) - 1, -1, -1):
                        if BRACKETS[line[depth[k]].replace("(", "（")] == ch:
                            del depth[k:]
                            break
            if depth:
                s = depth[0]
                e = min(len(line), s + 12)
                out.append(Mark("bracket", number, base + s, base + s + 1, line[s:e]))
        return out
