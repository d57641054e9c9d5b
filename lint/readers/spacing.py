"""Spaced-out letters: a PDF set with wide letter spacing, or an OCR pass, gives text with a space
between every character ("项 目 支 出 4 0 0 . 6 3 万 元"). Read as written, no label and no number in
it is whole. The spaces of such a run are dropped (recorded as cuts, so every location is the file's).

A run is at least MIN_RUN single characters each set apart by one space, with at least MIN_HAN 汉字:
a row of single-digit table cells ("5 3 2 1") or Latin initials are not spaced-out prose.
"""

from __future__ import annotations

import regex

from lint.readers.cuts import Edited, delete_spans

MIN_RUN = 4
MIN_HAN = 2
RUN = regex.compile(rf"(?<!\S)(?:\S[ \u3000]){{{MIN_RUN - 1},}}\S(?!\S)")
HAN = regex.compile(r"\p{Han}")


def close_spacing(text: str) -> Edited:
    """The text with the spaces inside spaced-out runs removed."""
    spans: list[tuple[int, int]] = []
    for m in RUN.finditer(text):
        if len(HAN.findall(m.group())) < MIN_HAN:
            continue
        spans.extend((i, i + 1) for i in range(m.start() + 1, m.end(), 2))
    return delete_spans(text, spans)
