"""Numbers as written: Arabic (full-width, thousands separators, signs) and Chinese numerals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from lint.extract.wraps import JOIN

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)

# Section numbering written before a title or a label ("（1）工资福利支出", "一、收入", "第二部分"): numbers that
# are not figures. Row labels and clause labels both strip it.
NUMBERING_PREFIX = regex.compile(
    rf"^\s*(?:第[{CN_CHARS}\d]+部分|[{CN_CHARS}]+[、.．]|[（(][{CN_CHARS}\d０-９]{{1,3}}[）)]"
    r"|[0-9０-９]{1,2}[、.．](?![0-9０-９])|[①-⑳])\s*"
)


def strip_numbering(text: str) -> str:
    """'一、（一）收入' → '收入': every leading numbering marker."""
    while (m := NUMBERING_PREFIX.match(text)) and m.end() > 0:
        text = text[m.end() :]
    return text


# More significant digits than any amount in a budget (10¹⁴ 元 to the fen is 16): a longer run is
# an account or serial number, or hostile input, and its arithmetic would overflow Decimal's 28 digits.
MAX_DIGITS = 16


def parse_arabic(text: str) -> tuple[Decimal, int] | None:
    """'1,210.48' → (Decimal('1210.48'), 2); None for a run of more than MAX_DIGITS digits.
    Input is already width-folded."""
    cleaned = text.replace(",", "")
    if len(cleaned) > MAX_DIGITS and sum(c.isdigit() for c in cleaned.lstrip("0.")) > MAX_DIGITS:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    decimals = len(cleaned.split(".", 1)[1]) if "." in cleaned else 0
    return value, decimals


def parse_chinese(text: str) -> int | None:
    """'二十六' → 26, '十' → 10, '一百零五' → 105. None for anything that is not a numeral."""
    if not text or any(c not in CN_CHARS for c in text):
        return None
    if all(c in CN_DIGITS for c in text):
        # "二三" is not a number in prose; a single digit is.
        return CN_DIGITS[text] if len(text) == 1 else None
    total, current = 0, 0
    last_unit = 10_000
    for c in text:
        if c in CN_DIGITS:
            current = CN_DIGITS[c]
        else:
            unit = CN_UNITS[c]
            if unit >= last_unit:
                return None
            total += (current or 1) * unit
            current = 0
            last_unit = unit
    return total + current


# A number as noisy text writes it (PDF text layers, OCR, copy-paste). Read, but only as an
# approximation (Figure.noise), so that no check rests on it:
#   OCR letters for zeros ("1O5.00", "2o.5", "1〇5"); a space as thousands separator ("1 234.56");
#   a stray space at the decimal point ("12 .5"); a number cut by a line break or a stray space
#   ("6,8⏎60", "为2 2.50"), only where it runs on from prose (a row of numbers has its own cells).
OCR_ZERO = "Oo〇"
_X = rf"[\d{OCR_ZERO}]"
_SPACE = "[ \u00a0\u2009\u202f]"
_CUT = rf"[\n{JOIN}]"
NOISY_NUMBER = (
    rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:\.\d+)?(?!\d)"  # space thousands
    rf"|\d+{_SPACE}\.\d+|\d+\.{_SPACE}\d+"  # a space at the point
    rf"|(?<=[^\s\d,.])\d[\d,.]*(?:{_CUT}|{_SPACE})[\d,.]*\d"  # cut by a line break or a stray space
    rf"|\d{_X}{{0,2}}(?:,{_X}{{3}})+(?:\.{_X}+)?|\d{_X}*(?:\.{_X}+)?"  # as written (or with OCR zeros)
)
CLEAN_NUMBER = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# a footnote mark glued to the number, before its unit: "268.27¹万元", "268.27[1]万元", "268.27注1万元"
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
FOOTNOTE = rf"[{SUPERSCRIPTS}]{{1,2}}|\[\d{{1,2}}\]|［\d{{1,2}}］|注\d{{1,2}}"


_SPACES = " \u00a0\u2009\u202f"
_TO_ZERO = str.maketrans({c: "0" for c in OCR_ZERO} | {c: "" for c in _SPACES + "\n" + JOIN})


def noise_of(written: str, footnote: bool) -> str | None:
    """What makes a number as written uncertain: ocr | spaced | cut | footnote (the first found)."""
    if not written.strip("0123456789,."):  # digits and separators only: most numbers, at once
        return "footnote" if footnote else None
    if any(c in OCR_ZERO for c in written):
        return "ocr"
    if any(c in _SPACES for c in written):
        return "spaced"
    if "\n" in written or JOIN in written:
        return "cut"
    return "footnote" if footnote else None


def denoise(written: str) -> str:
    return written.translate(_TO_ZERO)
