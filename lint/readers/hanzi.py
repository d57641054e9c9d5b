"""Traditional characters (繁体) folded to simplified before anything reads the text.

Reports copied through mirror sites arrive as 預算, 決算數, 萬元; the vocabulary, the rule packs and
every pattern are written in simplified characters. The conversion is OpenCC's maintained t2s table
(opencc-python-reimplemented), not a hand list. It must keep every offset: a phrase whose simplified
form has another length is converted character by character instead, so line, column, offset, PDF
box and Word cell of every character stay where they were. A text is folded only when it holds
several distinct traditional characters: a simplified report is never touched, and the cost of the
conversion is paid only by the reports that need it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lint.model import Document
from lint.readers.tables import find_unit

MIN_TRADITIONAL = 3  # distinct characters t2s changes: one stray 乾 or 於 is a name, not a 繁体 text
_CJK_FIRST = "\u3400"


@lru_cache(maxsize=1)
def _converter() -> Any:
    """OpenCC's t2s converter, or None when the library is missing (a broken install): the text is
    then read as it is, never a traceback."""
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:
        return None


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    """One character's simplified form; kept only when it is one character too."""
    cc = _converter()
    out = str(cc.convert(ch)) if cc is not None else ch
    return out if len(out) == 1 else ch


def traditional_chars(text: str) -> set[str]:
    """The distinct characters of `text` that the conversion table changes."""
    return {ch for ch in set(text) if ch >= _CJK_FIRST and _char(ch) != ch}


def is_traditional(text: str) -> bool:
    """Written in traditional characters: several distinct characters the table changes."""
    return len(traditional_chars(text)) >= MIN_TRADITIONAL


def fold(text: str) -> str:
    """`text` in simplified characters, of exactly the same length, line for line."""
    cc = _converter()
    if cc is None:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        folded = str(cc.convert(line)) if line else line
        if len(folded) != len(line):
            folded = "".join(_char(ch) for ch in line)  # a phrase changed length: go by character
        out.append(folded)
    return "\n".join(out)


def fold_document(doc: Document) -> Document:
    """Fold a read document in place when it is written in traditional characters; its original text
    stays in `doc.original` for showing the reader's own lines. Text and Markdown are folded before
    their tables are found, Word and HTML as they are laid out; this pass catches what is left (PDF,
    whose table units are then read again from the folded titles)."""
    if doc.original is not None or not is_traditional(doc.text):
        return doc
    original = doc.text
    doc.text = fold(original)
    doc.original = original
    for table in doc.tables:
        table.title = fold(table.title)
        table.unit = table.unit or find_unit(table.title)
        for row in table.cells:
            for cell in row:
                if cell is None:
                    continue
                if original[cell.start : cell.end] == cell.text:
                    cell.text = doc.text[cell.start : cell.end]
                else:  # a Markdown cell with escapes: fold its own text
                    cell.text = fold(cell.text)
    return doc
