"""The text pipeline's speed-ups give what the plain forms they replace give (issue 10 item 4)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import regex

from lint.extract.figures import SENTENCE_STOP, _SentenceEnds
from lint.extract.numbers import _SPACES, OCR_ZERO, noise_of
from lint.extract.wraps import JOIN, LABEL_END, LABEL_END_LONGEST
from lint.structure.inline import WRITTEN
from lint.structure.layout import fold, nfkc
from lint.vocab import FULLWIDTH, fold_width

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md"))
ODD = ["", "Ａ\u0301", "ｶﾞ", "①（二）　…", "ﬁ", "\u00b4x", "２０２４年　１２．５％", "e\u0301\u0301", "＂‘’＂"]


def _lines() -> list[str]:
    out = list(ODD)
    for p in TEXTS:
        out += p.read_text(encoding="utf-8", errors="replace").split("\n")
    return out


def test_nfkc_is_unicodedata_nfkc() -> None:
    for line in _lines():
        assert nfkc(line) == unicodedata.normalize("NFKC", line), line


def test_fold_of_joined_lines_is_the_folds_joined() -> None:
    """Layout.prose joins the lines' folds: fold drops line breaks and NFKC never reads across one."""
    for p in TEXTS[:60]:
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8", errors="replace").split("\n")]
        assert fold("\n".join(lines)) == "".join(fold(ln) for ln in lines), p


@pytest.mark.parametrize("text", ["", "１２．５％，－３", "−１＋２　３", *ODD])
def test_fold_width_is_translate(text: str) -> None:
    assert fold_width(text) == text.translate(FULLWIDTH)


def test_fold_width_on_fixtures() -> None:
    for p in TEXTS:
        text = p.read_text(encoding="utf-8", errors="replace")
        assert fold_width(text) == text.translate(FULLWIDTH), p


def test_sentence_ends_between() -> None:
    text = "一。二！三?四\n五，六；七。。"
    ends = _SentenceEnds(text)
    for a in range(len(text) + 1):
        for b in range(len(text) + 1):
            assert ends.between(a, b) == any(c in SENTENCE_STOP for c in text[a:b]), (a, b)


def test_label_end_searched_in_the_last_characters() -> None:
    for line in _lines():
        s = line.strip()
        tail = LABEL_END.search(s, max(0, len(s) - LABEL_END_LONGEST))
        assert bool(tail) == bool(LABEL_END.search(s)), s


@pytest.mark.parametrize("written", ["1,234.56", "0", "1O5.00", "1 234.56", "6,8\n60", "12 .5", "٣٤"])
@pytest.mark.parametrize("footnote", [False, True])
def test_noise_of_fast_path(written: str, footnote: bool) -> None:
    slow = next(
        (n for n, cs in (("ocr", OCR_ZERO), ("spaced", _SPACES)) if any(c in cs for c in written)), None
    )
    slow = (
        slow or ("cut" if "\n" in written or JOIN in written else None) or ("footnote" if footnote else None)
    )
    assert noise_of(written, footnote) == slow


def test_inline_level3_lookahead_changes_no_match() -> None:
    plain = regex.compile(r"(?<![0-9０-９.．])(?P<w>[0-9]{1,9}|[０-９]{1,9})[、．.](?![0-9０-９])")
    for p in TEXTS:
        text = p.read_text(encoding="utf-8", errors="replace")
        got = [m.span() for m in WRITTEN[3].finditer(text, overlapped=True)]
        assert got == [m.span() for m in plain.finditer(text, overlapped=True)], p
