"""Numbers as written: Arabic (full-width, thousands separators, signs) and Chinese numerals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

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
    if sum(c.isdigit() for c in cleaned.lstrip("0.")) > MAX_DIGITS:
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
